//! Chapters as blocks: the sample guide's translations line up with their source
//! block by block, and splitting any text never panics and yields blocks that are
//! slices of it, in order, without overlap, on the lines they say.

use std::fs;

use livret::project::segments::align::{Alignment, align};
use livret::project::segments::{Format, Kind, segment};
use proptest::prelude::*;

use crate::support::*;

/// The sample's draft translations, which open with a note to their reviewers.
const DRAFTS: [&str; 4] = [
    "bm/01-introduction.md",
    "bm/05-signaler.md",
    "bm/06-cooperer.md",
    "nqo/01-introduction.md",
];

/// The blocks of a sample chapter.
fn sample_blocks(lang: &str, file: &str) -> Vec<livret::project::segments::Block> {
    let text = fs::read_to_string(repo().join("sources").join(lang).join(file)).unwrap();
    let format = if file.ends_with(".typ") { Format::Typst } else { Format::Markdown };
    segment(&text, format)
}

#[test]
fn the_sample_translations_line_up_with_their_source_but_where_a_draft_adds_a_note() {
    let mut aligned = Vec::new();
    let mut differ = Vec::new();
    for lang in ["en", "bm", "nqo"] {
        let mut names: Vec<String> = fs::read_dir(repo().join("sources").join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".md") || n.ends_with(".typ"))
            .collect();
        names.sort();
        for name in names {
            let source = sample_blocks("fr", &name);
            assert!(source.len() > 3, "{name}: {source:#?}");
            match align(&source, &sample_blocks(lang, &name)) {
                Alignment::Aligned => aligned.push(format!("{lang}/{name}")),
                Alignment::Differs(p) => differ.push((format!("{lang}/{name}"), p)),
            }
        }
    }
    // Every English chapter, translated footnote labels included ([^military]).
    assert_eq!(aligned.iter().filter(|a| a.starts_with("en/")).count(), 9, "{differ:#?}");
    let names: Vec<&str> = differ.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, DRAFTS, "{differ:#?}");
    // The Bambara draft's note to reviewers is a paragraph the source does not have.
    let (_, p) = &differ[0];
    assert_eq!((p.source_line, p.translation_line), (Some(3), Some(3)));
    assert!(
        p.describe().starts_with("the source has heading `heading2`"),
        "{}",
        p.describe()
    );
}

#[test]
fn the_sample_introduction_has_every_kind_it_writes() {
    let blocks = sample_blocks("fr", "01-introduction.md");
    let at = |line: usize| blocks.iter().find(|b| b.line == line).unwrap();
    assert_eq!(at(1).kind, Kind::Heading);
    assert_eq!(at(5).kind, Kind::Paragraph);
    assert_eq!(at(7).kind, Kind::Alt);
    assert!(at(7).text.starts_with("Le fleuve au lever du soleil"));
    assert_eq!(at(11).kind, Kind::Item);
    assert_eq!(at(27).path, "enum/item/list/item");
    assert_eq!(at(31).kind, Kind::Quote);
    assert_eq!(at(34).kind, Kind::Callout);
    assert_eq!(at(34).text, "La sécurité est l'affaire de tous.");
    assert_eq!(at(38).kind, Kind::Footnote);
    assert_eq!(blocks.iter().filter(|b| b.kind == Kind::Callout).count(), 3);
    // The Typst chapter: its heading, its paragraphs and its table as code.
    let typ = sample_blocks("fr", "08-contacts.typ");
    let kinds: Vec<Kind> = typ.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Heading, Kind::Paragraph, Kind::Code, Kind::Paragraph, Kind::Paragraph]
    );
    assert_eq!((typ[2].line, typ[2].end_line), (5, 19));
}

/// Text made of Markdown's and Typst's syntax characters, words and line breaks.
fn markup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("  ".to_string()),
            proptest::sample::select(vec![
                "# ",
                "## ",
                "- ",
                "1. ",
                "> ",
                "> [!IMPORTANT]\n",
                "| a | b |\n|---|---|\n",
                "| ",
                "![alt](x.png)",
                "[l](u)",
                "[^n]",
                "[^n]: ",
                "```\n",
                "*",
                "_",
                "`",
                "= ",
                "#table(",
                ")",
                "[",
                "]",
                "<div>",
                "\u{feff}",
                "é",
                "\r\n",
                ": ",
                "\\",
                "---\n",
                "<!-- c -->",
            ])
            .prop_map(String::from),
            "[a-zA-Z]{1,6}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn blocks_are_ordered_slices_of_the_text(text in markup()) {
        for format in [Format::Markdown, Format::Typst] {
            let blocks = segment(&text, format);
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut end = 0;
            for (i, b) in blocks.iter().enumerate() {
                prop_assert_eq!(b.ordinal, i + 1);
                prop_assert!(b.range.start >= end, "{:?} overlaps in {:?}", b, text);
                prop_assert_eq!(&body[b.range.clone()], b.text.as_str());
                let line = body[..b.range.start].matches('\n').count() + 1;
                prop_assert_eq!(b.line, line);
                prop_assert!(b.end_line >= b.line);
                end = b.range.end;
            }
        }
    }
}
