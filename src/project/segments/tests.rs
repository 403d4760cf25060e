use super::align::align;
use super::*;

/// (kind, path, line, text) of each block.
fn summary(text: &str, format: Format) -> Vec<(Kind, String, usize, String)> {
    segment(text, format).into_iter().map(|b| (b.kind, b.path, b.line, b.text)).collect()
}

fn row(kind: Kind, path: &str, line: usize, text: &str) -> (Kind, String, usize, String) {
    (kind, path.to_string(), line, text.to_string())
}

#[test]
fn headings_paragraphs_items_and_nested_lists() {
    let md = "# Titre\n\nUn *paragraphe*\nsur deux lignes.\n\n- un ;\n- deux :\n  - a\n  - b\n\n1. premier\n";
    assert_eq!(
        summary(md, Format::Markdown),
        vec![
            row(Kind::Heading, "heading1", 1, "Titre"),
            row(Kind::Paragraph, "paragraph", 3, "Un *paragraphe*\nsur deux lignes."),
            row(Kind::Item, "list/item", 6, "un ;"),
            row(Kind::Item, "list/item", 7, "deux :"),
            row(Kind::Item, "list/item/list/item", 8, "a"),
            row(Kind::Item, "list/item/list/item", 9, "b"),
            row(Kind::Item, "enum/item", 11, "premier"),
        ]
    );
}

#[test]
fn callouts_quotes_footnotes_and_images() {
    let md = "> Une citation.\n\n> [!IMPORTANT]\n> - À retenir.\n> - Encore.\n\n![Le fleuve](images/fleuve.jpg)\n\nTexte[^n] et [lien](https://example.org).\n\n[^n]: La note.\n";
    let blocks = segment(md, Format::Markdown);
    let kinds: Vec<(Kind, &str, &str)> =
        blocks.iter().map(|b| (b.kind, b.path.as_str(), b.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (Kind::Quote, "quote", "Une citation."),
            (Kind::Callout, "callout:important/list/item", "À retenir."),
            (Kind::Callout, "callout:important/list/item", "Encore."),
            (Kind::Alt, "image", "Le fleuve"),
            (Kind::Paragraph, "paragraph", "Texte[^n] et [lien](https://example.org)."),
            (Kind::Footnote, "footnote", "La note."),
        ]
    );
    assert_eq!(blocks[3].anchors, vec![Anchor::Image("images/fleuve.jpg".into())]);
    assert_eq!(
        blocks[4].anchors,
        vec![Anchor::Footnote("n".into()), Anchor::Link("https://example.org".into())]
    );
    assert_eq!(blocks[5].anchors, vec![Anchor::Footnote("n".into())]);
    assert_eq!((blocks[5].line, blocks[5].end_line), (11, 11));
}

#[test]
fn table_cells_empty_ones_included() {
    let md = "| A | B |\n|---|---|\n| x |   |\n| y | z |\n";
    assert_eq!(
        summary(md, Format::Markdown),
        vec![
            row(Kind::Cell, "table/head/cell1", 1, "A"),
            row(Kind::Cell, "table/head/cell2", 1, "B"),
            row(Kind::Cell, "table/row1/cell1", 3, "x"),
            row(Kind::Cell, "table/row1/cell2", 3, ""),
            row(Kind::Cell, "table/row2/cell1", 4, "y"),
            row(Kind::Cell, "table/row2/cell2", 4, "z"),
        ]
    );
}

#[test]
fn loose_items_code_html_and_definitions() {
    let md = "- un\n\n  suite\n\n- deux\n\n```\ncode\n```\n\n<div>x</div>\n\nTerme\n: définition\n";
    let kinds: Vec<(Kind, String)> =
        segment(md, Format::Markdown).into_iter().map(|b| (b.kind, b.text)).collect();
    assert_eq!(
        kinds,
        vec![
            (Kind::Item, "un".into()),
            (Kind::Item, "suite".into()),
            (Kind::Item, "deux".into()),
            (Kind::Code, "code\n".into()),
            (Kind::Html, "<div>x</div>\n".into()),
            (Kind::Term, "Terme".into()),
            (Kind::Definition, "définition".into()),
        ]
    );
}

#[test]
fn a_byte_order_mark_is_skipped_and_ranges_point_at_the_text() {
    let md = "\u{feff}# T\n\nTexte.\n";
    let blocks = segment(md, Format::Markdown);
    let text = md.strip_prefix('\u{feff}').unwrap();
    for b in &blocks {
        assert_eq!(&text[b.range.clone()], b.text);
    }
    assert_eq!(blocks[1].line, 3);
}

#[test]
fn typst_chapters_split_at_paragraph_breaks() {
    let typ = "= Contacts\n\nNotez ici\nles numéros.\n\n#table(\n  columns: 2,\n\n  [a], [b],\n)\n\n// un commentaire\n\n- un\n- deux\n\n_Fin._\n";
    assert_eq!(
        summary(typ, Format::Typst),
        vec![
            row(Kind::Heading, "heading1", 1, "= Contacts"),
            row(Kind::Paragraph, "paragraph", 3, "Notez ici\nles numéros."),
            row(Kind::Code, "code", 6, "#table(\n  columns: 2,\n\n  [a], [b],\n)"),
            row(Kind::Item, "list/item", 14, "- un"),
            row(Kind::Item, "list/item", 15, "- deux"),
            row(Kind::Paragraph, "paragraph", 17, "_Fin._"),
        ]
    );
}

#[test]
fn alignment_names_the_first_place_the_structures_part() {
    let fr = segment("# Un\n\nTexte.\n\n- a\n- b\n", Format::Markdown);
    let en = segment("# One\n\nText.\n\n- a\n- b\n", Format::Markdown);
    assert!(align(&fr, &en).exact());
    assert_eq!(align(&fr, &en).parting(&fr, &en), None);
    let short = segment("# One\n\nText.\n\nMore text.\n\n- a\n", Format::Markdown);
    let a = align(&fr, &short);
    let p = a.parting(&fr, &short).unwrap();
    assert_eq!((p.ordinal, p.source_line, p.translation_line), (3, Some(5), Some(5)));
    assert!(p.describe().contains("a list item"), "{}", p.describe());
    // Only the blocks that differ are left out: the heading, the text and one item pair.
    assert_eq!(a.pairs.iter().flatten().count(), 3);
    assert_eq!(p.translation_only, vec![5]);
    let img = segment("# One\n\n![x](b.png)\n", Format::Markdown);
    let img_fr = segment("# Un\n\n![x](a.png)\n", Format::Markdown);
    let p = align(&img_fr, &img).parting(&img_fr, &img).unwrap();
    assert!(p.describe().contains("the image a.png"), "{}", p.describe());
    let p = align(&fr, &fr[..2]).parting(&fr, &fr[..2]).unwrap();
    assert_eq!(p.translation_line, None);
    assert!(p.describe().contains("the end of the chapter"));
    assert_eq!(p.source_only, vec![5, 6]);
}

#[test]
fn an_extra_bullet_or_note_costs_only_itself() {
    let fr = segment(
        "# Titre\n\nAppelez le 17.\n\n- Un point court.\n- Le 112 marche partout en Europe.\n- Fin.\n\nDernier paragraphe.\n",
        Format::Markdown,
    );
    // An extra bullet in the middle, and a reviewer's note before the last paragraph.
    let bm = segment(
        "# Kunnafoni\n\nA wele 17 la.\n\n- Kuma surun.\n- Kuma wɛrɛ min tɛ fransikan na.\n- 112 bɛ baara kɛ Erópu yɔrɔ bɛɛ.\n- A laban.\n\nSɛbɛnnikɛla ka kunnafoni: nin sɛbɛn ye kalan kɛ ka ɲɛ ani ka a ɲɛnabɔ kosɛbɛ.\n\nSɛbɛn laban dɔ.\n",
        Format::Markdown,
    );
    let a = align(&fr, &bm);
    // Every source block has its translation; the extra bullet (line 6) and the
    // note's paragraph are the only ones left over.
    assert_eq!(a.pairs, vec![Some(0), Some(1), Some(2), Some(4), Some(5), Some(7)]);
    assert_eq!(a.extra, vec![3, 6]);
    let p = a.parting(&fr, &bm).unwrap();
    assert_eq!(p.translation_only, vec![6, 10]);
    assert!(p.source_only.is_empty());
    assert!(p.unpaired().contains("lines 6, 10"), "{}", p.unpaired());
    // N'Ko digits count as their Latin value.
    let nqo = segment("# ߞߎ߲߬\n\nߞߊ߬ ߁߇ ߥߟߌ߬.\n\nߊ߬ ߟߊߓߊ߲.\n", Format::Markdown);
    let fr2 = segment("# Titre\n\nAppelez le 17.\n\nLa fin.\n", Format::Markdown);
    assert!(align(&fr2, &nqo).exact());
}

#[test]
fn kinds_have_names_both_ways() {
    for kind in ALL_KINDS {
        assert_eq!(Kind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(Kind::from_name("chapter"), None);
}
