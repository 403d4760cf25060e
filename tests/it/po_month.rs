//! Translators never lose work (issue 19): a month of a translator's round trips —
//! export, half translated, import, upstream edits (typo fix, insertion, deletion,
//! move, split), export again — and the situations that lost or voided work before:
//! direct edits, two translators, hash-only chapters, half-done chapters, review
//! state, translations built a little differently, ids by position. Every PO file
//! livret writes passes `msgfmt --check`; gettext's own `msgmerge` keeps the work.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::po::{Seen, edit, entries, gettext, run_po};
use crate::support::*;

/// A French chapter of 23 blocks: headings, paragraphs, a list, a box, a table.
const FR: &str = "# Le quartier

Premier paragraphe sur la vie du quartier.

Deuxième paragraphe : les voisins se parlent.

Troisième paragraphe, avec une erreur de frappe : le comité se réunit chaque mios.

Quatrième paragraphe à déplacer plus bas.

Cinquième paragraphe qui sera supprimé.

Sixième paragraphe. Il sera coupé en deux morceaux.

## Les numéros

- Police : 17.
- Pompiers : 18.
- Urgences : 112.

> [!IMPORTANT]
> - Restez calme.
> - Notez l'heure.

| Service | Numéro |
|---------|--------|
| Police | 17 |
| Santé | 15 |

Septième paragraphe avant la fin.

Huitième paragraphe.

Neuvième paragraphe.

Dixième paragraphe : fin du chapitre.
";

/// The French chapter and a Bambara language without translations.
fn month_project() -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", FR)]);
    add_language(dir.path(), "bm", "Bamanankan", &[]);
    dir
}

/// `msgfmt --check` of a PO file, and its statistics line.
fn msgfmt(file: &Path) -> String {
    let stats = gettext(
        "msgfmt",
        &["--check", "--statistics", "-o", "/dev/null", file.to_str().unwrap()],
    );
    assert!(!stats.contains("warning"), "{}: {stats}", file.display());
    stats
}

/// The msgstr of every entry, by msgctxt.
fn texts(po: &str) -> BTreeMap<String, String> {
    entries(po).into_iter().map(|(k, v)| (k, v.text)).collect()
}

/// The entry whose msgid starts with `start`.
fn find(po: &str, start: &str) -> Seen {
    entries(po)
        .into_values()
        .find(|s| s.id.starts_with(start))
        .unwrap_or_else(|| panic!("no entry starting {start:?}:\n{po}"))
}

/// `text` with `from` replaced by `to`, which must be there once.
fn once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replace(from, to)
}

#[test]
fn a_month_of_round_trips_keeps_every_translation_and_id() {
    let dir = month_project();
    let root = dir.path();
    let po_file = root.join("po/bm/01-a.po");
    // Day 1: export; every entry empty.
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let stats = msgfmt(&po_file);
    assert!(stats.contains("0 translated messages, 23 untranslated"), "{stats}");
    let first = fs::read_to_string(&po_file).unwrap();
    // Day 2: about half the entries translated (the first 12 in the file's order).
    let order: Vec<Seen> = {
        let mut e: Vec<Seen> = entries(&first).into_values().collect();
        e.sort_by_key(|s| s.line);
        e
    };
    assert_eq!(order.len(), 23);
    let mut po = first.clone();
    for (n, s) in order.iter().take(12).enumerate() {
        po = edit(
            &po,
            &s.ctxt,
            &format!("Bamanan {n}: {}", s.id.replace('\n', " ")),
            false,
        );
    }
    fs::write(&po_file, &po).unwrap();
    msgfmt(&po_file);
    // Day 3: import: the chapter is written half translated, the rest marked.
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("sources/bm/01-a.md  written: 12 blocks translated"), "{out}");
    assert!(out.contains("11 not translated yet"), "{out}");
    let bm = fs::read_to_string(root.join("sources/bm/01-a.md")).unwrap();
    assert!(bm.contains("Bamanan 0: Le quartier"), "{bm}");
    assert!(bm.contains("[fr] Dixième paragraphe : fin du chapitre."), "{bm}");
    // check lists the untranslated blocks, one line each.
    let (code, out, _) = livret_in(root, "check", &["--lang", "bm"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("not translated yet: ").count(), 11, "{out}");
    let saved = po.clone();
    // Upstream, during the month: a typo fixed, a paragraph inserted at the top, one
    // deleted, one moved, one split in two.
    let fr = once(FR, "chaque mios.", "chaque mois.");
    let fr =
        once(&fr, "# Le quartier\n\n", "# Le quartier\n\nUn paragraphe tout neuf.\n\n");
    let fr = once(&fr, "Cinquième paragraphe qui sera supprimé.\n\n", "");
    let fr = once(&fr, "Quatrième paragraphe à déplacer plus bas.\n\n", "");
    let fr = once(
        &fr,
        "Neuvième paragraphe.\n",
        "Neuvième paragraphe.\n\nQuatrième paragraphe à déplacer plus bas.\n",
    );
    let fr = once(
        &fr,
        "Sixième paragraphe. Il sera coupé en deux morceaux.",
        "Sixième paragraphe.\n\nIl sera coupé en deux morceaux.",
    );
    fs::write(root.join("sources/fr/01-a.md"), &fr).unwrap();
    // Export again.
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let stats = msgfmt(&po_file);
    let again = fs::read_to_string(&po_file).unwrap();
    let (before, after) = (texts(&saved), texts(&again));
    // Untouched blocks keep their ids and their translations.
    let untouched = ["Premier", "Deuxième", "Le quartier", "Les numéros", "Police : 17."];
    for start in untouched {
        let (old, new) = (find(&saved, start), find(&again, start));
        assert_eq!(old.ctxt, new.ctxt, "{start}");
        assert_eq!(old.text, new.text, "{start}");
        assert!(!new.fuzzy, "{start}");
    }
    // The moved block: same id, same translation, not fuzzy.
    let (old, new) = (find(&saved, "Quatrième"), find(&again, "Quatrième"));
    assert_eq!(
        (old.ctxt.clone(), old.text.clone()),
        (new.ctxt.clone(), new.text),
        "{again}"
    );
    // The typo fix: exactly one fuzzy entry, with the old text as `#|`.
    let fuzzy: Vec<Seen> = entries(&again).into_values().filter(|s| s.fuzzy).collect();
    let typo = find(&again, "Troisième");
    assert_eq!(typo.ctxt, find(&saved, "Troisième").ctxt);
    assert!(typo.fuzzy && typo.previous.ends_with("chaque mios."), "{typo:?}");
    assert_eq!(typo.text, find(&saved, "Troisième").text);
    // The split paragraph: the half with most of its words keeps its id and its
    // translation (fuzzy, the whole old paragraph as `#|`); the other half is new.
    let split = find(&again, "Il sera coupé");
    assert_eq!(split.ctxt, find(&saved, "Sixième").ctxt);
    assert_eq!(split.text, find(&saved, "Sixième").text);
    assert!(
        split.fuzzy && split.previous.starts_with("Sixième paragraphe. Il"),
        "{split:?}"
    );
    let half = find(&again, "Sixième");
    assert!(half.text.is_empty() && !before.contains_key(&half.ctxt), "{half:?}");
    assert_eq!(fuzzy.len(), 2, "{fuzzy:#?}");
    // The deleted block: an obsolete entry, with its translation.
    let deleted = find(&saved, "Cinquième");
    assert!(!after.contains_key(&deleted.ctxt));
    assert!(again.contains(&format!("#~ msgctxt \"{}\"", deleted.ctxt)), "{again}");
    assert!(again.contains(&format!("#~ msgstr \"{}\"", deleted.text)), "{again}");
    // Every translation of a block still in the source is there.
    let kept = before
        .iter()
        .filter(|(c, t)| !t.is_empty() && **c != deleted.ctxt)
        .filter(|(c, t)| after.get(*c) == Some(*t))
        .count();
    assert_eq!(kept, 11, "{again}");
    assert!(
        stats.contains("9 translated messages, 2 fuzzy translations, 13 untranslated"),
        "{stats}"
    );
    // gettext's msgmerge of the PO saved on day 2 with the new template keeps ≥ 90 %.
    let old_po = root.join("old.po");
    fs::write(&old_po, &saved).unwrap();
    let merged = root.join("merged.po");
    gettext(
        "msgmerge",
        &[
            "--quiet",
            "-o",
            merged.to_str().unwrap(),
            old_po.to_str().unwrap(),
            root.join("po/bm/mini.pot").to_str().unwrap(),
        ],
    );
    let merged = fs::read_to_string(&merged).unwrap();
    let merged_texts = texts(&merged);
    let survived = before
        .iter()
        .filter(|(c, t)| !t.is_empty() && **c != deleted.ctxt)
        .filter(|(c, t)| merged_texts.get(*c) == Some(*t))
        .count();
    assert!(survived * 100 >= 11 * 90, "msgmerge kept {survived} of 11:\n{merged}");
    // As Weblate does: the merged file comes back; importing it loses nothing.
    let chapter = root.join("sources/bm/01-a.md");
    let before_import = fs::read_to_string(&chapter).unwrap();
    fs::write(&po_file, &merged).unwrap();
    msgfmt(&po_file);
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let after_import = fs::read_to_string(&chapter).unwrap();
    for (ctxt, text) in
        before.iter().filter(|(c, t)| !t.is_empty() && **c != deleted.ctxt)
    {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = after_import.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&text), "{ctxt}: {text:?} lost:\n{after_import}");
    }
    assert_eq!(before_import, after_import, "nothing new in the merged file");
    // The chapter still has the deleted block's translation: check still says so.
    let (_, out, _) = livret_in(root, "check", &["--lang", "bm", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = json[0]["stale"][0]["changes"].as_array().unwrap();
    let removed: Vec<&serde_json::Value> =
        changes.iter().filter(|c| c["change"] == "removed").collect();
    assert_eq!(removed.len(), 1, "{changes:#?}");
    assert_eq!(removed[0]["id"], deleted.ctxt.as_str());
}

/// A French chapter and its English translation, accepted, exported to `po/en`.
fn exported_pair() -> tempfile::TempDir {
    let fr = "# Titre\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n";
    let en = "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n";
    let dir = mini_project(&[("01-a.md", fr)]);
    add_language(dir.path(), "en", "English", &[("01-a.md", en)]);
    let (code, _, err) =
        livret_in(dir.path(), "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run_po(dir.path(), &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

#[test]
fn situation_1_a_direct_edit_is_kept_by_the_import_and_the_next_export() {
    let dir = exported_pair();
    let root = dir.path();
    let chapter = root.join("sources/en/01-a.md");
    let edited = once(
        &fs::read_to_string(&chapter).unwrap(),
        "Second paragraph.",
        "Second paragraph, edited by hand.",
    );
    fs::write(&chapter, &edited).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(fs::read_to_string(&chapter).unwrap(), edited, "{out}");
    assert!(
        out.contains("1 block changed in the chapter since the export kept"),
        "{out}"
    );
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let po = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    assert_eq!(find(&po, "Deuxième").text, "Second paragraph, edited by hand.");
    msgfmt(&root.join("po/en/01-a.po"));
}

#[test]
fn situation_2_two_translators_both_keep_their_work_and_a_clash_is_shown() {
    let dir = exported_pair();
    let root = dir.path();
    let (a, b) = (root.join("po-a"), root.join("po-b"));
    for d in [&a, &b] {
        let (code, out, err) =
            run_po(root, &["export", "--lang", "en", d.to_str().unwrap()]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let po = fs::read_to_string(a.join("01-a.po")).unwrap();
    let (one, two) = (find(&po, "Premier").ctxt, find(&po, "Deuxième").ctxt);
    fs::write(a.join("01-a.po"), edit(&po, &one, "First paragraph, by A.", false))
        .unwrap();
    fs::write(b.join("01-a.po"), edit(&po, &two, "Second paragraph, by B.", false))
        .unwrap();
    for d in [&a, &b] {
        let (code, out, err) =
            run_po(root, &["import", "--lang", "en", d.to_str().unwrap()]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let chapter = root.join("sources/en/01-a.md");
    let text = fs::read_to_string(&chapter).unwrap();
    assert!(
        text.contains("First paragraph, by A.")
            && text.contains("Second paragraph, by B."),
        "{text}"
    );
    // B changes A's block too, from her old export: a conflict, the chapter untouched.
    let clash = edit(&po, &one, "First paragraph, by B.", false);
    fs::write(b.join("01-a.po"), &clash).unwrap();
    let line = entries(&clash)[&one].line;
    let (code, out, err) = run_po(root, &["import", "--lang", "en", b.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains(&format!("po-b/01-a.po:{line}")), "{out}");
    assert!(out.contains("sources/en/01-a.md:3"), "{out}");
    assert!(
        out.contains("First paragraph, by A.") && out.contains("First paragraph, by B."),
        "{out}"
    );
    assert_eq!(fs::read_to_string(&chapter).unwrap(), text);
}

#[test]
fn situation_3_hash_only_chapters_pair_and_show_changes_block_by_block() {
    let dir = sample_project();
    let root = dir.path();
    fs::remove_dir_all(root.join("sources/en/.accepted")).ok();
    let fr = root.join("sources/fr/01-introduction.md");
    let source = fs::read_to_string(&fr).unwrap();
    // First contact: the chapter is current, its snapshot is written.
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(root.join("sources/en/.accepted/01-introduction.txt").is_file());
    let po = fs::read_to_string(root.join("po/en/01-introduction.po")).unwrap();
    // A structural edit (a new paragraph) and a comma fix upstream.
    let edited =
        once(&source, "## Pour qui ?\n", "Un paragraphe ajouté.\n\n## Pour qui ?\n");
    let edited = once(
        &edited,
        "La sécurité se construit ensemble.",
        "La sécurité, se construit ensemble.",
    );
    fs::write(&fr, edited).unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(root.join("po/en/01-introduction.po")).unwrap();
    let e = entries(&again);
    let fuzzy: Vec<&Seen> = e.values().filter(|s| s.fuzzy).collect();
    assert_eq!(fuzzy.len(), 1, "{again}");
    assert!(fuzzy[0].previous.starts_with("La sécurité se construit"), "{:?}", fuzzy[0]);
    let empty = e.values().filter(|s| s.text.is_empty()).count();
    assert_eq!(empty, 1, "only the new paragraph is untranslated: {again}");
    assert_eq!(e.len(), entries(&po).len() + 1);
    // Importing it as it is writes nothing wrong and refuses nothing.
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    msgfmt(&root.join("po/en/01-introduction.po"));
}

#[test]
fn situation_4_half_done_work_is_written_and_an_old_po_is_merged() {
    let dir = exported_pair();
    let root = dir.path();
    let po_file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&po_file).unwrap();
    // The source changes twice after the export; the translator works on the old PO.
    let fr = root.join("sources/fr/01-a.md");
    let text = fs::read_to_string(&fr).unwrap();
    let text = once(&text, "Premier paragraphe.", "Premier paragraphe revu.");
    let text = once(&text, "# Titre\n\n", "# Titre\n\nUn ajout.\n\n");
    fs::write(&fr, text).unwrap();
    let third = find(&po, "Troisième").ctxt;
    fs::write(&po_file, edit(&po, &third, "Third paragraph, retouched.", false)).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let chapter = fs::read_to_string(root.join("sources/en/01-a.md")).unwrap();
    assert!(chapter.contains("Third paragraph, retouched."), "{chapter}");
    // The new paragraph is there, marked as not translated; the rest kept.
    assert!(chapter.contains("[fr] Un ajout."), "{chapter}");
    assert!(chapter.contains("First paragraph."), "{chapter}");
    // Export again: never refused, the changed block fuzzy, the new one empty.
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let stats = msgfmt(&po_file);
    assert!(
        stats.contains("3 translated messages, 1 fuzzy translation, 1 untranslated"),
        "{stats}"
    );
    // An empty msgstr never erases a translation.
    let po = fs::read_to_string(&po_file).unwrap();
    let second = find(&po, "Deuxième").ctxt;
    fs::write(&po_file, edit(&po, &second, "", false)).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let chapter = fs::read_to_string(root.join("sources/en/01-a.md")).unwrap();
    assert!(chapter.contains("Second paragraph."), "{chapter}");
}

#[test]
fn situation_5_review_state_comments_flags_and_header_survive() {
    let dir = exported_pair();
    let root = dir.path();
    let po_file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&po_file).unwrap();
    let two = find(&po, "Deuxième");
    // The translator marks an entry fuzzy, comments another, signs the header.
    let po = po.replace(
        &format!("msgctxt \"{}\"", two.ctxt),
        &format!("#, fuzzy\nmsgctxt \"{}\"", two.ctxt),
    );
    let one = find(&po, "Premier").ctxt;
    let po = po.replacen(
        &format!("#. paragraph\n#: sources/fr/01-a.md:3\n#, md-text\nmsgctxt \"{one}\""),
        &format!(
            "# checked with Awa\n#. paragraph\n#: sources/fr/01-a.md:3\n#, md-text\nmsgctxt \"{one}\""
        ),
        1,
    );
    let po =
        po.replace("Last-Translator: \\n", "Last-Translator: Awa <awa@example.org>\\n");
    assert!(po.contains("checked with Awa") && po.contains("awa@example.org"), "{po}");
    fs::write(&po_file, &po).unwrap();
    msgfmt(&po_file);
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    // Not accepted: check lists it.
    let (code, out, _) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("not reviewed yet (fuzzy): paragraph at sources/fr/01-a.md:5"),
        "{out}"
    );
    // Re-export: fuzzy again, the comment and the header field kept.
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(&po_file).unwrap();
    assert!(find(&again, "Deuxième").fuzzy, "{again}");
    assert!(!find(&again, "Premier").fuzzy, "{again}");
    assert!(again.contains("# checked with Awa"), "{again}");
    assert!(again.contains("Last-Translator: Awa <awa@example.org>"), "{again}");
    msgfmt(&po_file);
}

#[test]
fn situation_5_a_new_chapter_imported_22_reviewed_2_fuzzy_comes_back_22_2() {
    let paragraphs: Vec<String> =
        (1..=24).map(|n| format!("Paragraphe numéro {n}.")).collect();
    let fr = format!("{}\n", paragraphs.join("\n\n"));
    let dir = mini_project(&[("01-a.md", &fr)]);
    add_language(dir.path(), "bm", "Bamanankan", &[]);
    let root = dir.path();
    run_po(root, &["export", "--lang", "bm"]);
    let po_file = root.join("po/bm/01-a.po");
    let mut po = fs::read_to_string(&po_file).unwrap();
    for (i, s) in entries(&po.clone()).values().enumerate() {
        po = edit(&po, &s.ctxt, &s.id.replace("Paragraphe numéro", "Dakun"), false);
        if i < 2 {
            po = po.replace(
                &format!("msgctxt \"{}\"", s.ctxt),
                &format!("#, fuzzy\nmsgctxt \"{}\"", s.ctxt),
            );
        }
    }
    fs::write(&po_file, &po).unwrap();
    assert!(msgfmt(&po_file).contains("22 translated messages, 2 fuzzy"));
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("24 entries: 22 translated, 2 fuzzy, 0 untranslated"), "{out}");
}

#[test]
fn situation_6_a_translation_with_an_extra_note_pairs_its_other_blocks() {
    // The sample's Bambara introduction has a reviewer's note the source does not
    // have, and lacks the image: every other block pre-fills.
    let dir = sample_project();
    let root = dir.path();
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let po_file = root.join("po/bm/01-introduction.po");
    let po = fs::read_to_string(&po_file).unwrap();
    let e = entries(&po);
    let empty: Vec<&Seen> = e.values().filter(|s| s.text.is_empty()).collect();
    // Left empty: the image the translation lacks, and the list item and footnote
    // text whose note the translation does not have; the 22 others are pre-filled.
    let mut starts: Vec<String> =
        empty.iter().map(|s| s.id.chars().take(9).collect()).collect();
    starts.sort();
    assert_eq!(starts, ["Groupe d'", "Le fleuve", "lors des "], "{empty:#?}");
    assert_eq!(e.len() - empty.len(), 22);
    assert!(out.contains("01-introduction.po  25 entries: 22 translated"), "{out}");
    assert!(err.contains("sources/bm/01-introduction.md is built differently"), "{err}");
    msgfmt(&po_file);
    // Filling the alt text and importing: the image and its text come in, the
    // blocks the draft lacks come in marked, and its own blocks (the note, an extra
    // bullet, an extra line of the box) stay where they were.
    let alt = empty.iter().find(|s| s.id.starts_with("Le fleuve")).unwrap().ctxt.clone();
    fs::write(&po_file, edit(&po, &alt, "Baji", false)).unwrap();
    let chapter = root.join("sources/bm/01-introduction.md");
    let before = fs::read_to_string(&chapter).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("01-introduction.md  written: 23 blocks translated"), "{out}");
    let after = fs::read_to_string(&chapter).unwrap();
    assert!(after.contains("![Baji](images/fleuve.jpg)"), "{after}");
    assert!(
        after.contains("- [fr] lors des réunions de quartier ou au *grin*[^grin] ;"),
        "{after}"
    );
    assert!(after.contains("[^grin]: [fr] Groupe d'amis"), "{after}");
    // Every line the draft had is still there, in the same order.
    let kept: Vec<&str> =
        after.lines().filter(|l| before.lines().any(|b| b == *l)).collect();
    let had: Vec<&str> = before.lines().filter(|l| !l.trim().is_empty()).collect();
    let kept: Vec<&str> = kept.into_iter().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(kept, had, "{after}");
    // check lists the two blocks still in French.
    let (code, out, _) = livret_in(root, "check", &["--lang", "bm"]);
    assert_eq!(code, 1, "{out}");
    let ours: Vec<&str> =
        out.lines().filter(|l| l.contains("not translated yet: ")).collect();
    assert_eq!(ours.len(), 2, "{out}");
    assert!(out.contains("blocks of the translation with no counterpart in the source: sources/bm/01-introduction.md:3"), "{out}");
}

#[test]
fn situation_8_an_inserted_paragraph_renames_no_other_entry() {
    let dir = exported_pair();
    let root = dir.path();
    let po = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    let fr = root.join("sources/fr/01-a.md");
    let text =
        once(&fs::read_to_string(&fr).unwrap(), "# Titre\n\n", "# Titre\n\nNouveau.\n\n");
    fs::write(&fr, text).unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    for (ctxt, s) in entries(&po) {
        let now = entries(&again);
        assert_eq!(now.get(&ctxt).map(|n| &n.text), Some(&s.text), "{ctxt}: {again}");
    }
    // `check` names blocks by the same ids, and --accept takes one.
    let (_, out, _) = livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let id = json[0]["stale"][0]["changes"][0]["id"].as_str().unwrap().to_string();
    assert!(entries(&again).contains_key(&id), "{id}");
    let (code, _, err) = livret_in(root, "check", &["--lang", "en", "--accept", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("the chapter is now current"), "{err}");
}

#[test]
fn a_fresh_sample_shows_a_one_word_edit_with_its_word_diff() {
    let dir = sample_project();
    let root = dir.path();
    let before = files_under(&root.join("sources"));
    let fr = root.join("sources/fr/02-forces.md");
    let text = fs::read_to_string(&fr).unwrap();
    let para = text
        .split("\n\n")
        .find(|p| {
            !p.starts_with(['#', '-', '>', '!', '|', '['])
                && p.split_whitespace().count() > 8
        })
        .unwrap()
        .to_string();
    let word = para.split_whitespace().nth(3).unwrap().to_string();
    let changed = para.replacen(&format!(" {word} "), " remplacé ", 1);
    assert_ne!(changed, para);
    fs::write(&fr, text.replacen(&para, &changed, 1)).unwrap();
    let (code, out, err) = run_check_en(root);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains(&format!("[-{word} -]{{+remplacé +}}")), "{out}");
    assert_eq!(
        out.matches("changed paragraph at sources/fr/02-forces.md:").count(),
        1,
        "{out}"
    );
    // The sample ships its snapshots: the check read them, and wrote none of its own.
    let after = files_under(&root.join("sources"));
    let new: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
    assert!(new.iter().all(|f| f.starts_with("fr/.ids/")), "{new:?}");
}

/// `livret check --lang en` on a project, with only its first layout compiled.
fn run_check_en(root: &Path) -> (i32, String, String) {
    let out = crate::support::livret_process()
        .args(["check", "--project", root.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn untranslated_blocks_are_marked_in_the_pdf() {
    let dir = month_project();
    let root = dir.path();
    run_po(root, &["export", "--lang", "bm"]);
    let po_file = root.join("po/bm/01-a.po");
    let po = fs::read_to_string(&po_file).unwrap();
    let first = find(&po, "Premier");
    fs::write(&po_file, edit(&po, &first.ctxt, "Sɛbɛn fɔlɔ.", false)).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = livret_in(root, "build", &["--lang", "bm", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    let text =
        crate::po::pdftotext(&root.join("out/mini/bm/pocket-a6/mini-bm-pocket-a6.pdf"));
    assert!(text.contains("Sɛbɛn fɔlɔ."), "{text}");
    assert!(text.contains("[fr] Deuxième paragraphe"), "{text}");
    assert!(!text.contains("[fr] Premier"), "{text}");
}

#[test]
fn a_po_file_with_position_ids_from_an_older_livret_is_still_imported() {
    let dir = exported_pair();
    let root = dir.path();
    let po_file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&po_file).unwrap();
    // What livret wrote before issue 19: `chapter#<ordinal>-<kind>`, no base.
    let second = find(&po, "Deuxième").ctxt;
    let old = edit(&po, &second, "Second paragraph, from an old file.", false)
        .replace(&format!("msgctxt \"{second}\""), "msgctxt \"01-a#3-paragraph\"");
    let old: String = old
        .lines()
        .filter(|l| !l.starts_with("# livret-base:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&po_file, &old).unwrap();
    msgfmt(&po_file);
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    // Without a base, a block the chapter already translates otherwise is a conflict:
    // shown with both texts, the chapter untouched.
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("Second paragraph, from an old file.")
            && out.contains("Second paragraph."),
        "{out}"
    );
    // Emptying the chapter's block (a new language) lets it through.
    let chapter = root.join("sources/en/01-a.md");
    let text = fs::read_to_string(&chapter).unwrap();
    fs::write(&chapter, text.replace("Second paragraph.", "[fr] Deuxième paragraphe."))
        .unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let text = fs::read_to_string(&chapter).unwrap();
    assert!(text.contains("Second paragraph, from an old file."), "{text}");
}

#[test]
fn importing_one_chapter_leaves_the_others_review_as_it_was() {
    let dir = exported_pair();
    let root = dir.path();
    // A second chapter, translated by hand and never accepted.
    fs::write(root.join("sources/fr/02-b.md"), "# Deux\n\nTexte.\n").unwrap();
    fs::write(root.join("sources/en/02-b.md"), "# Two\n\nText.\n").unwrap();
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("\"01-a\"]", "\"01-a\", \"02-b\"]");
    fs::write(&manifest, text).unwrap();
    let po_file = root.join("po/en/01-a.po");
    let po = fs::read_to_string(&po_file).unwrap();
    let first = find(&po, "Premier").ctxt;
    fs::write(&po_file, edit(&po, &first, "First paragraph, again.", false)).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let status = fs::read_to_string(root.join("sources/en/status.toml")).unwrap();
    assert!(!status.contains("02-b"), "{status}");
    assert!(!root.join("sources/en/.accepted/02-b.txt").exists());
    let (_, out, _) = livret_in(root, "check", &["--lang", "en"]);
    assert!(out.contains("stale sources/en/02-b.md (never marked as reviewed)"), "{out}");
}

#[test]
fn a_damaged_ids_file_is_named_with_its_line_and_what_to_do() {
    let dir = exported_pair();
    let root = dir.path();
    let ids = root.join("sources/fr/.ids/01-a.txt");
    let text = fs::read_to_string(&ids).unwrap();
    fs::write(
        &ids,
        text.replacen("@@ paragraph paragraph 1", "@@ paragraph paragraph x", 1),
    )
    .unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("sources/fr/.ids/01-a.txt:"), "{err}");
    assert!(err.contains("hint:") && err.contains("delete it"), "{err}");
    // Deleted, the blocks get the ids of their text again: the same as before.
    let po = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    fs::remove_file(&ids).unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let again = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    assert_eq!(
        entries(&po).into_keys().collect::<Vec<_>>(),
        entries(&again).into_keys().collect::<Vec<_>>()
    );
}
