use super::*;

/// An entry with the fields export fills.
fn entry(ctxt: &str, id: &str, s: &str) -> Entry {
    Entry {
        msgctxt: Some(ctxt.into()),
        msgid: id.into(),
        msgstr: s.into(),
        references: vec!["sources/fr/01-a.md:3".into()],
        ..Entry::default()
    }
}

/// What a reader keeps of an entry, lines aside.
fn meaning(e: &Entry) -> (Option<String>, String, String, bool, Option<String>) {
    (
        e.msgctxt.clone(),
        e.msgid.clone(),
        e.msgstr.clone(),
        e.is_fuzzy(),
        e.previous_msgid.clone(),
    )
}

fn catalog(entries: Vec<Entry>) -> Catalog {
    Catalog {
        comments: vec!["A guide.".into(), String::new(), "Second line.".into()],
        header: vec![
            ("Language".into(), "bm".into()),
            ("Content-Type".into(), "text/plain; charset=UTF-8".into()),
        ],
        entries,
        obsolete: Vec::new(),
    }
}

#[test]
fn written_entries_read_back_the_same() {
    let long = "Les habitants, eux, connaissent leur quartier, leur village et leurs voisins. Quand les deux se parlent et se font confiance, les problèmes sont réglés plus vite.";
    let mut fuzzy = entry("01-a:2", "Nouveau \"texte\"\navec\\ une\tligne", "Kura");
    fuzzy.flags = vec!["fuzzy".into()];
    fuzzy.previous_msgid = Some(format!("Ancien {long}"));
    fuzzy.extracted = vec!["callout/list/item".into()];
    let cat = catalog(vec![
        fuzzy,
        entry("01-a:1", long, ""),
        entry("01-a:3", "ߒߞߏ ߛߓߍߘߋ߲", "ߒߞߏ\n"),
        entry("01-a:4", &"mot".repeat(40), "x"),
        entry("01-a:5", "ctrl \u{1}\u{7} end", ""),
    ]);
    let text = write(&cat);
    let back = parse(&text).unwrap();
    assert_eq!(back.comments, cat.comments);
    assert_eq!(back.header, cat.header);
    let a: Vec<_> = cat.entries.iter().map(meaning).collect();
    let b: Vec<_> = back.entries.iter().map(meaning).collect();
    assert_eq!(a, b);
    assert_eq!(back.entries[0].extracted, vec!["callout/list/item".to_string()]);
    assert_eq!(back.entries[0].references, vec!["sources/fr/01-a.md:3".to_string()]);
    // Lines are at most 79 columns, except an unbreakable word.
    for line in text.lines().filter(|l| !l.contains("motmot")) {
        assert!(line.chars().count() <= 79, "{line}");
    }
    // The line numbers point at the keywords.
    let lines: Vec<&str> = text.lines().collect();
    for e in &back.entries {
        assert!(lines[e.line - 1].starts_with("msgid "), "{}", lines[e.line - 1]);
        assert!(lines[e.msgstr_line - 1].starts_with("msgstr "));
    }
}

#[test]
fn a_string_with_inner_line_breaks_is_split_after_each() {
    let text = write(&catalog(vec![entry("c", "un\ndeux\n", "")]));
    assert!(text.contains("msgid \"\"\n\"un\\n\"\n\"deux\\n\"\n"), "{text}");
    let text = write(&catalog(vec![entry("c", "court\n", "")]));
    assert!(text.contains("msgid \"court\\n\"\n"), "{text}");
}

#[test]
fn malformed_lines_are_refused_with_their_line() {
    let head = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    let cases = [
        ("msgid \"a\"\nmsgstr \"b\n", 5, "double quotes"),
        ("msgid \"a\"\nmsgstr \"é\n", 5, "double quotes"),
        ("\"orphan\"\nmsgid \"a\"\nmsgstr \"b\"\n", 4, "continues no keyword"),
        ("msgid \nmsgstr \"b\"\n", 4, "after `msgid`"),
        ("msgid \"a\"\nmsgstr \"\\q\"\n", 5, "unknown escape"),
        ("msgid \"a\"\nmsgstr \"x\"\n\"\n", 6, "double quotes"),
        ("msgid \"a\"\nmsgstr \"x\" junk\n", 5, "double quote"),
        ("msgctxt \"c\"\nmsgctxt \"c\"\nmsgid \"a\"\nmsgstr \"x\"\n", 5, "msgctxt"),
        ("msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", 7, "line 4"),
        ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\n", 5, "plural"),
        ("msgid \"a\"\n\nmsgstr \"x\"\n", 5, "without its `msgstr`"),
        ("msgstr \"x\"\n", 4, "without a `msgid`"),
        ("msgid \"a\"\n# late\nmsgstr \"x\"\n", 5, "comment inside"),
        ("garbage é\n", 4, "not a PO keyword"),
        ("msgid \"a\\\"\nmsgstr \"x\"\n", 4, "lone backslash"),
        ("#| msgid \"old\nmsgid \"a\"\nmsgstr \"x\"\n", 4, "double quotes"),
        ("#| msgctxt_x \"old\"\nmsgid \"a\"\nmsgstr \"x\"\n", 4, "previous"),
        ("msgid \"a\"\nmsgstr \"x\"\n#| \"late\"\n", 6, "`#|` line inside"),
    ];
    for (body, line, what) in cases {
        let err = parse(&format!("{head}{body}")).unwrap_err();
        assert_eq!(err.line, line, "{body:?}: {err:?}");
        assert!(err.message.contains(what), "{body:?}: {err:?}");
    }
}

#[test]
fn what_gettext_tools_write_is_read() {
    // A BOM, CRLF lines, a fuzzy header, translator comments, a previous msgctxt,
    // obsolete entries, an octal escape and a `#|` continuation line.
    let text = "\u{feff}# Title\r\n#, fuzzy\r\nmsgid \"\"\r\nmsgstr \"\"\r\n\"Language: bm\\n\"\r\n\r\n\
# translator's note\n#: a.md:1 a.md:9\n#, fuzzy, no-wrap\n#| msgctxt \"old\"\n#| msgid \"\"\n#| \"vieux \"\n#| \"texte\"\n\
msgctxt \"c\"\nmsgid \"x\\101\"\nmsgstr \"\"\n\"y\"\n\n#~ msgid \"gone\"\n#~ msgstr \"parti\"\n";
    let cat = parse(text).unwrap();
    assert_eq!(cat.comments, vec!["Title".to_string()]);
    assert_eq!(cat.header_field("language"), Some("bm"));
    assert_eq!(cat.entries.len(), 1);
    let e = &cat.entries[0];
    assert_eq!(e.msgid, "xA");
    assert_eq!(e.msgstr, "y");
    assert!(e.is_fuzzy());
    assert_eq!(e.flags, vec!["fuzzy".to_string(), "no-wrap".to_string()]);
    assert_eq!(e.previous_msgid.as_deref(), Some("vieux texte"));
    assert_eq!(e.references, vec!["a.md:1".to_string(), "a.md:9".to_string()]);
    assert_eq!((e.line, e.msgstr_line), (15, 16));
}

proptest::proptest! {
    #[test]
    fn any_text_survives_writing_and_reading(
        id in "[\\PC\\n\\t\"\\\\ ]{0,200}",
        s in "[\\PC\\n\\t\"\\\\ ]{0,200}",
        prev in proptest::option::of("[a-z \\n]{1,120}"),
    ) {
        let mut e = entry("ctx", &format!("x{id}"), &s);
        e.previous_msgid = prev;
        let cat = catalog(vec![e]);
        let back = parse(&write(&cat)).unwrap();
        proptest::prop_assert_eq!(meaning(&back.entries[0]), meaning(&cat.entries[0]));
    }

    #[test]
    fn no_input_makes_the_reader_panic(text in "(msgid|msgstr|msgctxt|#\\||#~|#,|\"|\\\\|\\n| |é|x){0,40}") {
        let _ = parse(&text);
    }
}

#[test]
fn translator_comments_and_obsolete_entries_survive_a_round_trip() {
    let text = "# A guide.\nmsgid \"\"\nmsgstr \"Language: bm\\n\"\n\n# revu par Awa\n#. paragraph\n#, fuzzy, md-text\nmsgctxt \"01-a#x\"\nmsgid \"Un.\"\nmsgstr \"Kelen.\"\n\n# old one\n#~ msgctxt \"01-a#y\"\n#~ msgid \"Deux.\"\n#~ msgstr \"Fila.\"\n";
    let c = parse(text).unwrap();
    assert_eq!(c.entries.len(), 1);
    assert_eq!(c.entries[0].comments, vec!["revu par Awa".to_string()]);
    assert_eq!(c.entries[0].flags, vec!["fuzzy".to_string(), "md-text".to_string()]);
    assert_eq!(c.obsolete.len(), 1);
    assert_eq!(obsolete_ctxt(&c.obsolete[0]).as_deref(), Some("01-a#y"));
    assert!(c.obsolete[0].starts_with("# old one\n#~ msgctxt"), "{:?}", c.obsolete);
    let again = parse(&write(&c)).unwrap();
    assert_eq!(again.entries[0].comments, c.entries[0].comments);
    assert_eq!(again.obsolete, c.obsolete);
    let e = Entry { comments: vec!["x".into()], ..entry("01-a#z", "Trois.", "Saba.") };
    let raw = obsolete(&e);
    assert_eq!(
        raw,
        "# x\n#~ msgctxt \"01-a#z\"\n#~ msgid \"Trois.\"\n#~ msgstr \"Saba.\""
    );
}
