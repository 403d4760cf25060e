//! Unit tests of the Markdown → Typst conversion.

use super::*;
use pulldown_cmark::CodeBlockKind;

fn convert(md: &str) -> String {
    to_typst::<()>(md, |r| Ok(format!("/sources/{}", r.dest))).unwrap().typst
}

#[test]
fn headings_and_emphasis() {
    let t = convert("# Titre\n\nUn *mot* et **deux**.\n");
    assert!(t.starts_with("= Titre <titre>\n"), "{t}");
    assert!(t.contains("Un #emph[mot] et #strong[deux]\\."), "{t}");
}

#[test]
fn special_characters_are_escaped() {
    let t = convert("a #b $c$ @d <e> *not* `x` // y = z\n");
    assert!(t.contains("a \\#b \\$c\\$ \\@d \\<e\\>"), "{t}");
    assert!(t.contains("\\/\\/ y \\= z"), "{t}");
}

#[test]
fn callout_from_gfm_alert() {
    let t = convert("> [!IMPORTANT]\n> Gardez votre calme.\n");
    assert!(t.contains("#callout(\"remember\")["), "{t}");
    assert!(t.contains("Gardez votre calme\\."), "{t}");
}

#[test]
fn nested_lists_and_tables() {
    let t = convert("- a\n  - b\n- c\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n");
    assert!(t.contains("#list(\n[a\n#list(\n[b],\n)"), "{t}");
    assert!(t.contains("#table(columns: 2, align: (start, end,),"), "{t}");
    assert!(t.contains("table.header([x], [y], ),"), "{t}");
}

#[test]
fn footnotes_are_inlined() {
    let t = convert("Texte[^1].\n\n[^1]: Une note.\n");
    assert!(t.contains("Texte#footnote[Une note\\.]\\."), "{t}");
}

#[test]
fn images_resolve_and_keep_alt() {
    let t = convert("![Un bouclier](images/b.svg)\n");
    assert!(
        t.contains("#book-image(\"/sources/images/b.svg\", alt: \"Un bouclier\")"),
        "{t}"
    );
}

#[test]
fn line_map_follows_markdown() {
    let c = to_typst::<()>("# T\n\npara one\n\n\n\npara two\n", |_| Ok(String::new()))
        .unwrap();
    let line_of = |needle: &str| {
        let idx = c.typst.lines().position(|l| l.contains(needle)).unwrap();
        c.lines[idx]
    };
    assert_eq!(line_of("para one"), 3);
    assert_eq!(line_of("para two"), 7);
}

#[test]
fn definition_lists_become_terms() {
    let t =
        convert("Gendarme\n: Agent de la gendarmerie.\n\nPolicier\n: Agent de police.\n");
    assert!(t.contains("terms.item([Gendarme], [Agent de la gendarmerie\\."), "{t}");
    assert!(t.contains("terms.item([Policier], ["), "{t}");
}

fn refused(md: &str) -> Refusal {
    match to_typst::<()>(md, |r| Ok(r.dest.to_string())) {
        Err(ConvertError::Refused(refusal)) => refusal,
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_byte_order_mark_keeps_the_heading() {
    let t = convert("\u{feff}# Introduction\n\nTexte.\n");
    assert!(t.starts_with("= Introduction <introduction>\n"), "{t}");
}

#[test]
fn an_empty_link_destination_shows_its_text() {
    let t = convert("Voir [le guide]() et [ici](<>).\n");
    assert!(t.contains("Voir #[le guide] et #[ici]\\."), "{t}");
    assert!(!t.contains("#link"), "{t}");
}

#[test]
fn email_autolinks_get_mailto() {
    let t = convert("Écrire à <aide@example.org>.\n");
    assert!(
        t.contains("#link(\"mailto:aide@example.org\")[aide\\@example\\.org]"),
        "{t}"
    );
}

#[test]
fn unreferenced_footnotes_are_printed_where_written() {
    let c = to_typst::<()>("Texte.\n\n[^orpheline]: Une note *seule*.\n", |_| {
        Ok(String::new())
    })
    .unwrap();
    assert!(
        c.typst.contains("#super[orpheline] Une note #emph[seule]\\."),
        "{}",
        c.typst
    );
    let idx = c.typst.lines().position(|l| l.contains("orpheline")).unwrap();
    assert_eq!(c.lines[idx], 3);
    assert!(!c.typst.contains(DEFINITION_MARK), "{}", c.typst);
}

#[test]
fn referenced_footnotes_are_not_printed_twice() {
    let t = convert("Un[^a] deux.\n\n[^a]: Note A.\n\nSuite.\n");
    assert_eq!(t.matches("Note A").count(), 1, "{t}");
    assert!(t.contains("Un#footnote[Note A\\.] deux"), "{t}");
}

#[test]
fn a_second_definition_of_a_label_is_printed_not_lost() {
    let t = convert("Un[^a].\n\n[^a]: Première.\n\n[^a]: Seconde.\n");
    assert!(t.contains("#footnote[Première\\.]"), "{t}");
    assert!(t.contains("#super[a] Seconde\\."), "{t}");
}

#[test]
fn notes_in_notes_and_notes_referring_to_themselves() {
    let t = convert("Un[^a].\n\n[^a]: A[^b].\n\n[^b]: B.\n");
    assert!(t.contains("#footnote[A#footnote[B\\.]\\.]"), "{t}");
    let t = convert("Un[^a].\n\n[^a]: Boucle[^a].\n");
    assert!(t.contains("\\[^a\\]"), "{t}");
    assert!(!t.contains(FOOTNOTE_MARK), "{t}");
}

#[test]
fn private_marks_typed_by_a_translator_stay_text() {
    let t = convert("a\u{e000}0\u{e000} b\u{e001}0\u{e001}\n");
    assert!(!t.contains(FOOTNOTE_MARK) && !t.contains(DEFINITION_MARK), "{t}");
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_at_its_line() {
    let list = |levels: usize| -> String {
        (0..levels).map(|i| format!("{}- niveau {i}\n", "  ".repeat(i))).collect()
    };
    convert(&list(MAX_BLOCK_DEPTH));
    let refusal = refused(&list(40));
    assert_eq!(refusal.line, MAX_BLOCK_DEPTH + 1, "{refusal:?}");
    assert!(refusal.message.contains("more than 12 lists and quotes"), "{refusal:?}");
    convert(&format!("{} assez\n", ">".repeat(MAX_BLOCK_DEPTH)));
    let quotes = format!("Texte\n\n{} trop profond\n", ">".repeat(100));
    assert_eq!(refused(&quotes).line, 3);
    let emphasis = |n: usize| -> String {
        let open: String = (0..n).map(|i| format!("{}w ", ["*", "_"][i % 2])).collect();
        let close: String =
            (0..n).rev().map(|i| format!(" e{}", ["*", "_"][i % 2])).collect();
        format!("{open}x{close}\n")
    };
    assert!(convert(&emphasis(MAX_DEPTH - 1)).matches("#emph[").count() == MAX_DEPTH - 1);
    let refusal = refused(&emphasis(MAX_DEPTH + 5));
    assert!(refusal.message.contains("32 elements"), "{refusal:?}");
}

#[test]
fn front_matter_is_refused_but_a_rule_further_down_is_not() {
    let refusal = refused("---\ntitle: Guide\ntags: [a]\n---\n\n# Titre\n");
    assert_eq!(refusal.line, 1);
    assert!(refusal.message.contains("lines 1–4"), "{refusal:?}");
    assert_eq!(refused("\u{feff}+++\ntitle = \"x\"\n+++\n").line, 1);
    let t = convert("Texte.\n\n---\nSuite\n---\n");
    assert!(t.contains("#line(length: 100%)") && t.contains("== Suite"), "{t}");
    let t = convert("---\n\nTexte.\n");
    assert!(t.contains("#line(length: 100%)"), "{t}");
}

/// The name of an event, matched exhaustively: a variant added to pulldown-cmark
/// fails to compile here until it is named, rendered and listed below.
fn event_name(event: &Event) -> &'static str {
    match event {
        Event::Start(tag) => tag_name(tag),
        Event::End(tag) => end_name(*tag),
        Event::Text(_) => "Text",
        Event::Code(_) => "Code",
        Event::InlineMath(_) => "InlineMath",
        Event::DisplayMath(_) => "DisplayMath",
        Event::Html(_) => "Html",
        Event::InlineHtml(_) => "InlineHtml",
        Event::FootnoteReference(_) => "FootnoteReference",
        Event::SoftBreak => "SoftBreak",
        Event::HardBreak => "HardBreak",
        Event::Rule => "Rule",
        Event::TaskListMarker(_) => "TaskListMarker",
    }
}

/// The name of a tag, matched exhaustively.
fn tag_name(tag: &Tag) -> &'static str {
    match tag {
        Tag::Paragraph => "Paragraph",
        Tag::Heading { .. } => "Heading",
        Tag::BlockQuote(None) => "BlockQuote",
        Tag::BlockQuote(Some(_)) => "Alert",
        Tag::CodeBlock(CodeBlockKind::Fenced(_)) => "FencedCode",
        Tag::CodeBlock(CodeBlockKind::Indented) => "IndentedCode",
        Tag::HtmlBlock => "HtmlBlock",
        Tag::List(None) => "List",
        Tag::List(Some(_)) => "OrderedList",
        Tag::Item => "Item",
        Tag::FootnoteDefinition(_) => "FootnoteDefinition",
        Tag::DefinitionList => "DefinitionList",
        Tag::DefinitionListTitle => "DefinitionListTitle",
        Tag::DefinitionListDefinition => "DefinitionListDefinition",
        Tag::Table(_) => "Table",
        Tag::TableHead => "TableHead",
        Tag::TableRow => "TableRow",
        Tag::TableCell => "TableCell",
        Tag::Emphasis => "Emphasis",
        Tag::Strong => "Strong",
        Tag::Strikethrough => "Strikethrough",
        Tag::Superscript => "Superscript",
        Tag::Subscript => "Subscript",
        Tag::Link { .. } => "Link",
        Tag::Image { .. } => "Image",
        Tag::MetadataBlock(_) => "MetadataBlock",
    }
}

/// The name of a closing tag, matched exhaustively (each must close what it opened).
fn end_name(tag: TagEnd) -> &'static str {
    match tag {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::CodeBlock
        | TagEnd::HtmlBlock
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::Table
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::TableCell
        | TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link
        | TagEnd::Image
        | TagEnd::MetadataBlock(_) => "End",
    }
}

/// One Markdown sample per event and tag, with a word that must come out.
const CORPUS: &[(&str, &str, &str)] = &[
    ("Paragraph", "Un paragraphe.\n", "paragraphe"),
    ("Heading", "## Sous-titre\n", "== Sous"),
    ("BlockQuote", "> Citation.\n", "Citation"),
    ("Alert", "> [!WARNING]\n> Attention.\n", "Attention"),
    ("FencedCode", "```sh\necho salut\n```\n", "echo salut"),
    ("IndentedCode", "    code indenté\n", "code indenté"),
    ("HtmlBlock", "<div>\nbloc html\n</div>\n", "bloc html"),
    ("Html", "<div>\nbloc html\n</div>\n", "\\<div\\>"),
    ("InlineHtml", "Un <span>mot</span> html.\n", "\\<span\\>mot"),
    ("List", "- puce\n", "puce"),
    ("OrderedList", "3. trois\n", "start: 3"),
    ("Item", "- élément\n", "[élément]"),
    ("TaskListMarker", "- [x] fait\n", "☑ fait"),
    ("FootnoteReference", "Mot[^n].\n\n[^n]: La note.\n", "#footnote[La note"),
    ("FootnoteDefinition", "[^n]: Sans appel.\n", "Sans appel"),
    ("DefinitionList", "Terme\n: Sens.\n", "terms.item([Terme]"),
    ("DefinitionListTitle", "Terme\n: Sens.\n", "Terme"),
    ("DefinitionListDefinition", "Terme\n: Sens.\n", "Sens"),
    ("Table", "| a | b |\n|:-:|--|\n| 1 | 2 |\n", "align: (center, start,)"),
    ("TableHead", "| a | b |\n|---|---|\n| 1 | 2 |\n", "table.header([a]"),
    ("TableRow", "| a | b |\n|---|---|\n| 1 | 2 |\n", "[1], [2]"),
    ("TableCell", "| a | b |\n|---|---|\n| 1 | 2 |\n", "[b]"),
    ("Emphasis", "*penché*\n", "#emph[penché]"),
    ("Strong", "**gras**\n", "#strong[gras]"),
    ("Strikethrough", "~~barré~~\n", "#strike[barré]"),
    ("Link", "[lien](https://example.org)\n", "#link(\"https://example.org\")[lien]"),
    ("Image", "![Alt](images/a.png \"Titre\")\n", "caption: [Titre]"),
    ("Text", "mot\n", "mot"),
    ("Code", "`x = 1`\n", "#raw(\"x = 1\")"),
    ("SoftBreak", "ligne un\nligne deux\n", "un\nligne"),
    ("HardBreak", "ligne un  \nligne deux\n", "un\\\nligne"),
    ("Rule", "***\n", "#line(length: 100%)"),
];

/// Events livret's parser options never produce, and why their syntax stays text.
const NOT_PRODUCED: &[(&str, &str, &str)] = &[
    ("InlineMath", "prix $5 et $x$\n", "\\$x\\$"),
    ("DisplayMath", "$$x$$\n", "\\$\\$x\\$\\$"),
    ("Superscript", "x^2^\n", "x^2^"),
    ("Subscript", "H~2~O\n", "H\\~2\\~O"),
    ("MetadataBlock", "Texte\n\n---\ntitre: x\n---\n", "== titre\\: x"),
];

#[test]
fn every_event_and_tag_is_rendered_or_never_produced() {
    let mut seen = std::collections::BTreeSet::new();
    for (name, md, expected) in CORPUS.iter().chain(NOT_PRODUCED) {
        for event in Parser::new_ext(md, parser_options()) {
            seen.insert(event_name(&event));
        }
        let t = convert(md);
        assert!(t.contains(expected), "{name}: {expected:?} not in\n{t}");
    }
    for (name, ..) in CORPUS {
        assert!(seen.contains(name), "the corpus never produces {name}");
    }
    for (name, ..) in NOT_PRODUCED {
        assert!(!seen.contains(name), "{name} is produced: render it and move it up");
    }
    seen.remove("End");
    let named: Vec<&str> = CORPUS.iter().chain(NOT_PRODUCED).map(|(n, ..)| *n).collect();
    for name in &seen {
        assert!(named.contains(name), "{name} is produced but not in the corpus");
    }
}

#[test]
fn br_tags_break_the_line_other_html_stays_text() {
    let t = convert("un<br>deux<br/>trois<BR />quatre <b>gras</b>\n");
    assert!(t.contains("un#linebreak()deux#linebreak()trois#linebreak()quatre"), "{t}");
    assert!(t.contains("\\<b\\>gras\\<\\/b\\>"), "{t}");
}

#[test]
fn a_hard_break_in_a_setext_heading_stays_in_the_heading() {
    let t = convert("Un\\\ndeux\n===\n");
    assert!(t.starts_with("= Un#linebreak()deux <un-deux>\n"), "{t}");
}

#[test]
fn an_alt_text_keeps_its_words_and_writes_nothing_else() {
    let t = convert("![Un *plan* avec `code`, [lien](x) et\nsuite](images/p.png)\n");
    assert!(
        t.starts_with("#book-image(\"/sources/images/p.png\", alt: \"Un plan avec code, lien et suite\")"),
        "{t}"
    );
}

#[test]
fn an_image_without_a_file_is_refused_at_its_line() {
    let refusal = refused("# T\n\nTexte.\n\n![Une carte]()\n");
    assert_eq!(refusal.line, 5);
    assert!(refusal.message.contains("image without a file"), "{refusal:?}");
}

// Found by tests/it/fuzz_inputs.rs: a footnote definition inside a list inside a
// footnote definition overwrote the outer one and left the markup unbalanced.
#[test]
fn nested_footnote_definitions_keep_the_markup_balanced_and_every_word() {
    for md in
        ["\n- [^1]: - [^1]: ", "- [^a]: un\n  - [^b]: deux\n", "[^x]: > [^y]: trois\n"]
    {
        let t = convert(md);
        let source = format!("#chapter()[\n{t}\n]\n");
        let (errors, _) = typst_syntax::parse(&source).errors_and_warnings();
        assert!(errors.is_empty(), "{md:?} gave {errors:?} in\n{t}");
        assert!(!t.contains(DEFINITION_MARK) && !t.contains(FOOTNOTE_MARK), "{t:?}");
        for word in md.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1) {
            assert!(t.contains(word), "{md:?}: `{word}` dropped in {t}");
        }
    }
}

#[test]
fn headings_get_anchors_that_links_to_them_use() {
    let t = convert(
        "# Mots clés\n\n## Mots clés\n\n# !!!\n\nVoir [ici](#Mots-clés) et [là](#).\n",
    );
    assert!(t.contains("= Mots clés <mots-clés>\n"), "{t}");
    assert!(t.contains("== Mots clés <mots-clés-1>\n"), "{t}");
    assert!(t.contains("= !!!\n"), "{t}");
    assert!(t.contains("#livret-anchor-link(\"mots-clés\")[ici]"), "{t}");
    assert!(t.contains("#[là]"), "{t}");
}
