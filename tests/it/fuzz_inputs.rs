//! Random inputs where livret reads what people write: the Markdown converter and the
//! manifest loader. Properties: never a panic; Markdown always becomes Typst markup
//! without a syntax error (everything a translator writes is escaped), whose lines all
//! map back to lines of the chapter; a manifest is either loaded or refused with an
//! error naming guide.toml at a line that exists.
//!
//! The number of cases is `LIVRET_FUZZ_CASES` (default 256, what CI runs); a long run
//! (`LIVRET_FUZZ_CASES=20000 cargo test --test it fuzz_inputs`) is recorded in the notes.

use std::path::Path;

use livret::project::manifest;
use livret::typeset::markdown::{ConvertError, ImageRef, to_typst};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// How many cases each property runs.
fn cases() -> u32 {
    std::env::var("LIVRET_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// Markdown-ish text: the syntax characters, line starts and words of the guides, in
/// random order, so that most inputs reach the parser's interesting states.
fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("> ".to_string()),
        Just("> [!IMPORTANT]\n> ".to_string()),
        Just("| a | b |\n|---|---|\n| ".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: ".to_string()),
        Just("![alt](images/x.svg)".to_string()),
        Just("[lien](https://exemple.org)".to_string()),
        Just("[vide]()".to_string()),
        Just("`code`".to_string()),
        Just("```\n".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("~~".to_string()),
        Just("Terme\n: définition".to_string()),
        Just("<br>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        proptest::sample::select(
            "#$*_`<>@[]=-+/~\"':.{}()\\;,!?%&|^".chars().collect::<Vec<_>>()
        )
        .prop_map(String::from),
        "[a-zA-Zɛɔɲŋ߀-߿ⴰ-⵿ء-ي ]{1,12}",
    ];
    proptest::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

#[test]
fn markdown_always_becomes_valid_typst_markup() {
    let mut runner = TestRunner::new(Config { cases: cases(), ..Config::default() });
    runner
        .run(&markdownish(), |text| {
            let converted = match to_typst(&text, |image: ImageRef| {
                Ok::<_, String>(format!("/sources/{}", image.dest))
            }) {
                Ok(converted) => converted,
                // Refused with its line (front matter, nesting): fine, nothing dropped.
                Err(ConvertError::Refused(_)) => return Ok(()),
                Err(ConvertError::Image(e)) => return Err(TestCaseError::fail(e)),
            };
            // As assemble places it: inside the content block of a chapter call.
            let source = format!("#chapter()[\n{}\n]\n", converted.typst);
            let root = typst_syntax::parse(&source);
            let (errors, _) = root.errors_and_warnings();
            prop_assert!(errors.is_empty(), "{text:?} gave {errors:?} in\n{source}");
            let last_line = text.lines().count().max(1);
            prop_assert!(
                converted.lines.iter().all(|&l| l >= 1 && l <= last_line + 1),
                "{text:?}: line map {:?} outside 1..={last_line}",
                converted.lines
            );
            Ok(())
        })
        .unwrap();
}

/// TOML-ish text around a valid manifest: keys, values and damage in random places.
fn manifestish() -> impl Strategy<Value = String> {
    let valid = include_str!("../../sources/guide.toml").to_string();
    (
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        proptest::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop_oneof![
                    Just("\"".to_string()),
                    Just("=".to_string()),
                    Just("[[".to_string()),
                    Just("]]".to_string()),
                    Just("\n".to_string()),
                    Just("\u{1b}[2J".to_string()),
                    Just("\u{feff}".to_string()),
                    Just("scheme = \"sadle\"\n".to_string()),
                    Just("[[print]]\nlayout = \"pocket-a6\"\n".to_string()),
                    Just("date = \"2026\"\n".to_string()),
                    Just("creep = -3\n".to_string()),
                ],
            ),
            0..4,
        ),
    )
        .prop_map(move |(flips, inserts)| {
            let mut bytes = valid.clone().into_bytes();
            for (at, text) in inserts {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, text.into_bytes());
            }
            for (at, byte) in flips {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

#[test]
fn a_manifest_is_loaded_or_refused_at_a_line_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).canonicalize().unwrap();
    let mut runner = TestRunner::new(Config { cases: cases(), ..Config::default() });
    runner
        .run(&manifestish(), |text| {
            let lines = text.lines().count().max(1);
            if let Err(err) = manifest::parse(&root, text.clone()) {
                let message = err.to_string();
                prop_assert!(message.contains("sources/guide.toml"), "{message}");
                let place = message.split("sources/guide.toml:").nth(1);
                if let Some(line) = place
                    .and_then(|p| p.split(':').next())
                    .and_then(|l| l.parse::<usize>().ok())
                {
                    prop_assert!(
                        line >= 1 && line <= lines,
                        "line {line} of {lines}: {message}"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}
