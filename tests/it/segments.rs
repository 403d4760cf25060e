//! Chapters as blocks: the sample guide's translations line up with their source
//! block by block, and splitting any text never panics and yields blocks that are
//! slices of it, in order, without overlap, on the lines they say.

use std::fs;

use livret::project::segments::align::align;
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
            let translation = sample_blocks(lang, &name);
            let a = align(&source, &translation);
            match a.parting(&source, &translation) {
                None => aligned.push(format!("{lang}/{name}")),
                Some(p) => {
                    differ.push((format!("{lang}/{name}"), p, a.paired(), source.len()))
                }
            }
        }
    }
    // Every English chapter, translated footnote labels included ([^military]).
    assert_eq!(aligned.iter().filter(|a| a.starts_with("en/")).count(), 9, "{differ:#?}");
    let names: Vec<&str> = differ.iter().map(|(n, ..)| n.as_str()).collect();
    assert_eq!(names, DRAFTS, "{differ:#?}");
    // Each draft's note to reviewers (at its top) is a paragraph the source does not
    // have: it costs only itself and the few blocks the draft wrote otherwise; most
    // blocks still pair.
    for (name, p, paired, total) in &differ {
        assert!(p.translation_only.first().is_some_and(|&l| l <= 5), "{name}: {p:#?}");
        // (The N'Ko draft is a short summary, not a block-for-block translation.)
        if name.starts_with("bm/") {
            assert!(
                paired * 10 >= total * 8,
                "{name}: {paired} of {total} paired: {p:#?}"
            );
        }
    }
    let (_, p, ..) = &differ[0];
    assert_eq!((p.source_line, p.translation_line), (Some(3), Some(3)));
    assert!(
        p.describe().starts_with("the source has a level-2 heading (line 3)"),
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

mod changes {
    use livret::project::changes::{
        ChangeKind, DiffOpKind, accept_one, compare, word_diff,
    };
    use livret::project::segments::{Format, segment};
    use livret::project::snapshot::{AcceptedBlock, Snapshot, parse, render};

    fn md(text: &str) -> Vec<livret::project::segments::Block> {
        segment(text, Format::Markdown)
    }

    /// (kind, old index, new index) of each change.
    fn kinds(old: &str, new: &str) -> Vec<(ChangeKind, Option<usize>, Option<usize>)> {
        let snap = Snapshot::of("sha256:x", &md(old));
        compare(&snap.blocks, &md(new))
            .changes
            .iter()
            .map(|c| (c.kind, c.old, c.new))
            .collect()
    }

    #[test]
    fn rewrapping_is_no_change_and_edits_moves_additions_removals_are_told_apart() {
        assert_eq!(kinds("A b c.\n\nD e.\n", "A b\nc.\n\nD   e.\n"), vec![]);
        assert_eq!(
            kinds("# T\n\nUn.\n\nDeux.\n\nTrois.\n", "# T\n\nTrois.\n\nUn.\n\nDeux.\n"),
            vec![(ChangeKind::Moved, Some(3), Some(1))]
        );
        assert_eq!(
            kinds("# T\n\nUn.\n\nDeux.\n", "# T\n\nUn, modifié.\n\n- nouveau\n\nDeux.\n"),
            vec![
                (ChangeKind::Changed, Some(1), Some(1)),
                (ChangeKind::Added, None, Some(2))
            ]
        );
        assert_eq!(
            kinds("# T\n\nUn.\n\n- a\n\nDeux.\n", "# T\n\nUn.\n\nDeux.\n"),
            vec![(ChangeKind::Removed, Some(2), None)]
        );
        // A heading that became a paragraph is not "the same block changed".
        assert_eq!(
            kinds("# T\n\n## Sous-titre\n", "# T\n\nSous-titre, en texte.\n"),
            vec![
                (ChangeKind::Added, None, Some(1)),
                (ChangeKind::Removed, Some(1), None)
            ]
        );
    }

    #[test]
    fn accepting_every_change_one_by_one_gives_the_new_source() {
        let cases = [
            (
                "# T\n\nUn.\n\nDeux.\n\nTrois.\n",
                "# T\n\nTrois.\n\nUn.\n\nDeux, modifié.\n\n- a\n",
            ),
            ("Un.\n\nDeux.\n", "- x\n- y\n\nDeux.\n\nUn.\n"),
            ("# A\n\n# B\n\n# C\n", "# C\n\n# B\n"),
            ("", "Tout neuf.\n"),
        ];
        for (old, new) in cases {
            let new_blocks = md(new);
            let mut snap = Snapshot::of("sha256:x", &md(old));
            for _ in 0..20 {
                let cmp = compare(&snap.blocks, &new_blocks);
                let Some(first) = cmp.changes.first() else { break };
                let (first, before) = (*first, cmp.changes.len());
                accept_one(&mut snap, &new_blocks, &cmp, &first);
                let after = compare(&snap.blocks, &new_blocks).changes.len();
                assert!(
                    after < before,
                    "{old:?} → {new:?}: {first:?} left {after} of {before}"
                );
            }
            assert_eq!(snap, Snapshot::of("sha256:x", &new_blocks), "{old:?} → {new:?}");
        }
    }

    #[test]
    fn line_ends_are_not_changes() {
        // A CRLF source against its snapshot (kept with LF): no word differs.
        let ops = word_diff(
            "Un paragraphe\nsur deux lignes.",
            "Un paragraphe\r\nsur deux lignes.",
        );
        assert!(ops.iter().all(|o| o.op == DiffOpKind::Equal), "{ops:?}");
        let ops = word_diff(
            "Un paragraphe\nsur deux lignes.",
            "Un paragraphe\r\nsur trois lignes.",
        );
        assert!(
            ops.iter().any(|o| o.op == DiffOpKind::Delete && o.text.contains("deux")),
            "{ops:?}"
        );
        let block = &md("Un paragraphe\r\nsur deux lignes.\r\n")[0];
        assert_eq!(AcceptedBlock::of(block).text, "Un paragraphe\nsur deux lignes.");
    }

    #[test]
    fn word_diffs_keep_every_word_once() {
        let ops = word_diff(
            "Les forces ne peuvent pas être partout.",
            "Les forces ne peuvent être présentes partout.",
        );
        let old: String = ops
            .iter()
            .filter(|o| o.op != DiffOpKind::Insert)
            .map(|o| o.text.as_str())
            .collect();
        let new: String = ops
            .iter()
            .filter(|o| o.op != DiffOpKind::Delete)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(old, "Les forces ne peuvent pas être partout.");
        assert_eq!(new, "Les forces ne peuvent être présentes partout.");
        let deleted: Vec<&str> = ops
            .iter()
            .filter(|o| o.op == DiffOpKind::Delete)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(deleted, vec!["pas "]);
    }

    #[test]
    fn snapshots_read_back_what_they_wrote_and_refuse_a_cut_file() {
        let text = "# Titre\n\nUn paragraphe\nsur deux lignes.\n\n```\n@@ paragraph x 1\n\n```\n\n| a |  |\n|---|---|\n\n![Alt](x.png) \n\n[^n]: Note.\n";
        let snap = Snapshot::of("sha256:abc", &md(text));
        let file = render("en", "01-a", &snap);
        assert_eq!(parse(&file), Ok(snap.clone()));
        let crlf = Snapshot::of("sha256:abc", &md(&text.replace('\n', "\r\n")));
        assert_eq!(parse(&render("en", "01-a", &crlf)), Ok(crlf));
        let cut = &file[..file.find("sur deux").unwrap()];
        let (line, message) = parse(cut).unwrap_err();
        assert!(message.contains("announces 2 line(s)"), "{message}");
        assert_eq!(
            line,
            cut.lines().position(|l| l.starts_with("@@ paragraph")).unwrap() + 1
        );
        let (_, message) = parse("accepted = \"x\"\n@@ chapter x 1\nText\n").unwrap_err();
        assert!(message.contains("unknown block kind `chapter`"), "{message}");
    }
}
