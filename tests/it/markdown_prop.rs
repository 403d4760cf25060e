//! Property: any text a translator writes comes out of the PDF as the same words,
//! and never runs as Typst code.

use std::fs;

use livret::build::{BuildOptions, build};
use proptest::prelude::*;

use crate::support::*;

/// Escapes text for Markdown so that Markdown shows it literally (CommonMark
/// backslash escapes), leaving the Typst escaping to livret.
fn markdown_literal(text: &str) -> String {
    text.chars()
        .flat_map(|c| if c.is_ascii_punctuation() { vec!['\\', c] } else { vec![c] })
        .collect()
}

/// Removes whitespace (line breaks differ) and folds every quotation mark into
/// `'` (Typst sets quotes typographically, per language, and as primes after digits).
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if "'\"‘’‚“”„«»‹›′″".contains(c) { '\'' } else { c })
        .collect()
}

fn word() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9'].into()),
            proptest::sample::select(vec![
                'é', 'è', 'ç', 'ɛ', 'ɔ', 'ɲ', 'ŋ', 'Ɛ', 'Ɔ', 'à'
            ]),
            proptest::sample::select(
                "#$*_`<>@[]=-+/~\"':.{}()\\;,!?%&|^".chars().collect::<Vec<_>>()
            ),
        ],
        1..8,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    // 12 cases per run by default (each compiles a PDF); PROPTEST_CASES=500 for a long hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_comes_out_as_written(words in proptest::collection::vec(word(), 1..14)) {
        let text = words.join(" ");
        let chapter = format!("# Essai\n\n{}\n", markdown_literal(&text));
        let dir = mini_project(&[("01-a.md", &chapter)]);
        // Ragged layout without hyphenation: no hyphen is added at line ends.
        let manifest = dir.path().join("sources/guide.toml");
        let toml = fs::read_to_string(&manifest).unwrap().replace("pocket-a6", "pocket-a7");
        fs::write(&manifest, toml).unwrap();
        let options = BuildOptions { project: dir.path().to_path_buf(), ..BuildOptions::default() };
        let built = build(&options, |_, _| {}, |_| {}).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let pdf = dir.path().join(&built[0].pdf);
        // Words one by one (`pdftotext -bbox`): plain pdftotext drops a hyphen that ends a line.
        let pages = pdf_info(&pdf).0;
        let words: String = (1..=pages).flat_map(|p| pdf_words(&pdf, p)).map(|w| w.0).collect();
        let out = squash(&words);
        prop_assert!(out.contains(&squash(&text)), "`{}` not found in `{}`", text, out);
    }
}
