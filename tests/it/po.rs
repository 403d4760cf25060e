//! `livret po export` and `livret po import`: the files pass gettext's own checks
//! (`msgfmt --check`) and keep their meaning through `msgcat`; a translator's edits
//! come back into the chapters and the PDF; broken structure is refused with its
//! line in the PO and nothing written; an unchanged round trip changes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

/// The French chapter: a heading, paragraphs with a link, an inline image and a
/// footnote, a list, an "à retenir" box, a table, the note's text.
const FR: &str = "# Premier chapitre

La sécurité se construit ensemble. Les forces ne peuvent pas être partout.

Voir le [site du ministère](https://example.org/securite) pour les numéros.

Appelez ![un téléphone](images/telephone.png) le 17 en cas d'urgence.

- Un point avec une note[^n].
- Deux points à retenir.

> [!IMPORTANT]
> - La sécurité est l'affaire de tous.
> - Chacun a des droits
>   et des devoirs.

| Qui | Numéro |
|-----|--------|
| Police | 17 |

[^n]: Une note de bas de page.
";

/// Its Bambara translation, block for block.
const BM: &str = "# Sapitiri fɔlɔ

Lakana bɛ jɔ ɲɔgɔn fɛ. Lakana baarakɛlaw tɛ se ka kɛ yɔrɔ bɛɛ.

A filɛ [minisiriso ka siti](https://example.org/securite) nimɔrɔw kama.

A wele ![telefɔni](images/telephone.png) 17 la farati waati.

- Kuma kelen ni kunnafoni[^n].
- Kuma fila minnu ka kan ka to i hakili la.

> [!IMPORTANT]
> - Lakana ye bɛɛ ka baara ye.
> - Josariyaw bɛ mɔgɔ kelen kelen bɛɛ bolo
>   ani waajibiw.

| Jɔn | Nimɔrɔ |
|-----|--------|
| Polisi | 17 |

[^n]: Kunnafoni dɔ.
";

/// A French guide of two chapters (the second not translated) with a Bambara
/// translation of the first, accepted: each source block has its snapshot.
fn project() -> tempfile::TempDir {
    let dir = mini_project(&[
        ("01-a.md", FR),
        ("02-b.md", "# Deux\n\nSecond texte.\n\n- Un\n- Deux\n"),
    ]);
    copy_dir(&repo().join("sources/images"), &dir.path().join("sources/images"));
    add_language(dir.path(), "bm", "Bamanankan", &[("01-a.md", BM)]);
    let (code, out, err) =
        livret_in(dir.path(), "check", &["--lang", "bm", "--accept", "01-a"]);
    assert!(code <= 1, "{out}{err}");
    dir
}

/// Runs `livret po <args…>` on a project: (exit code, stdout, stderr).
pub(crate) fn run_po(project: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["po", args[0], "--project", project.to_str().unwrap()];
    all.extend(&args[1..]);
    livret(&all)
}

/// Runs a gettext tool; panics with its output when it fails.
pub(crate) fn gettext(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{tool} {args:?}: {stderr}");
    stderr
}

/// One entry as read by this test's own reader: (msgctxt, msgid, msgstr, fuzzy,
/// previous msgid, line of its msgstr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seen {
    pub ctxt: String,
    pub id: String,
    pub text: String,
    pub fuzzy: bool,
    pub previous: String,
    pub line: usize,
}

/// A small PO reader of its own (independent of livret's), enough for gettext's
/// output: entries by msgctxt.
pub(crate) fn entries(po: &str) -> BTreeMap<String, Seen> {
    let mut out = BTreeMap::new();
    let mut cur = Seen {
        ctxt: String::new(),
        id: String::new(),
        text: String::new(),
        fuzzy: false,
        previous: String::new(),
        line: 0,
    };
    let mut field = "";
    let unq = |s: &str| -> String {
        let s = s.trim();
        let inner = &s[1..s.len() - 1];
        inner
            .replace("\\n", "\n")
            .replace("\\\"", "\"")
            .replace("\\t", "\t")
            .replace("\\\\", "\\")
    };
    for (i, line) in po.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if !cur.ctxt.is_empty() {
                out.insert(cur.ctxt.clone(), cur.clone());
            }
            cur = Seen {
                ctxt: String::new(),
                id: String::new(),
                text: String::new(),
                fuzzy: false,
                previous: String::new(),
                line: 0,
            };
            continue;
        }
        if line.starts_with("#,") && line.contains("fuzzy") {
            cur.fuzzy = true;
        }
        let (f, rest) = if let Some(r) = line.strip_prefix("#| msgid ") {
            ("prev", r)
        } else if let Some(r) = line.strip_prefix("#| ") {
            (field, r)
        } else if line.starts_with('#') {
            continue;
        } else if let Some(r) = line.strip_prefix("msgctxt ") {
            ("ctxt", r)
        } else if let Some(r) = line.strip_prefix("msgid ") {
            ("id", r)
        } else if let Some(r) = line.strip_prefix("msgstr ") {
            cur.line = i + 1;
            ("str", r)
        } else {
            (field, line)
        };
        field = f;
        let value = unq(rest);
        match field {
            "prev" => cur.previous.push_str(&value),
            "ctxt" => cur.ctxt.push_str(&value),
            "id" => cur.id.push_str(&value),
            "str" => cur.text.push_str(&value),
            _ => {}
        }
    }
    out
}

/// Every file under `sources/` with its bytes.
pub(crate) fn sources(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(&root.join("sources"))
        .into_iter()
        .map(|f| {
            let bytes = fs::read(root.join("sources").join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Asserts that the files under `sources/` are those of `before`, naming those that differ.
pub(crate) fn assert_same_sources(root: &Path, before: &BTreeMap<String, Vec<u8>>) {
    let now = sources(root);
    let differ: Vec<&String> = now
        .keys()
        .chain(before.keys())
        .filter(|k| now.get(*k) != before.get(*k))
        .collect();
    for k in &differ {
        let text = |m: &BTreeMap<String, Vec<u8>>| {
            m.get(*k).map(|b| String::from_utf8_lossy(b).to_string()).unwrap_or_default()
        };
        eprintln!("--- {k} before:\n{}\n--- now:\n{}", text(before), text(&now));
    }
    assert!(differ.is_empty(), "changed under sources/: {differ:?}");
}

/// Replaces the msgstr of the entry `ctxt` (and clears its fuzzy flag when `clear`).
pub(crate) fn edit(po: &str, ctxt: &str, new: &str, clear: bool) -> String {
    let mut out = Vec::new();
    let blocks: Vec<&str> = po.split("\n\n").collect();
    for b in blocks {
        if !b.contains(&format!("msgctxt \"{ctxt}\"")) {
            out.push(b.to_string());
            continue;
        }
        let mut lines: Vec<String> = Vec::new();
        let mut in_str = false;
        for l in b.lines() {
            if clear && l.starts_with("#,") {
                continue;
            }
            if clear && l.starts_with("#|") {
                continue;
            }
            if l.starts_with("msgstr ") {
                in_str = true;
                lines.push(format!(
                    "msgstr \"{}\"",
                    new.replace('"', "\\\"").replace('\n', "\\n")
                ));
                continue;
            }
            if in_str && l.starts_with('"') {
                continue;
            }
            lines.push(l.to_string());
        }
        out.push(lines.join("\n"));
    }
    out.join("\n\n")
}

#[test]
fn export_passes_msgfmt_and_keeps_its_meaning_through_msgcat() {
    let dir = project();
    let root = dir.path();
    // A source block changes: its entry is fuzzy, with the accepted text as #| msgid.
    let fr = FR.replace("Deux points à retenir.", "Deux points importants à retenir.");
    fs::write(root.join("sources/fr/01-a.md"), fr).unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let po_dir = root.join("po/bm");
    let mut names: Vec<String> = fs::read_dir(&po_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["01-a.po", "02-b.po", "mini.pot"]);
    for name in &names {
        let file = po_dir.join(name);
        let file = file.to_str().unwrap();
        let stderr =
            gettext("msgfmt", &["--check", "--statistics", "-o", "/dev/null", file]);
        if name == "01-a.po" {
            // 13 blocks: the changed one fuzzy, the rest translated.
            assert!(
                stderr.contains("12 translated messages, 1 fuzzy translation."),
                "{stderr}"
            );
        }
        if name == "02-b.po" {
            assert!(
                stderr.contains("0 translated messages, 4 untranslated messages."),
                "{stderr}"
            );
        }
        if name.ends_with(".po") {
            assert!(!stderr.contains("warning"), "{name}: {stderr}");
        }
        // Through msgcat: the same entries, texts and flags.
        let cat = root.join(format!("cat-{name}"));
        gettext("msgcat", &["-o", cat.to_str().unwrap(), file]);
        let ours = fs::read_to_string(file).unwrap();
        let theirs = fs::read_to_string(&cat).unwrap();
        // Even the same bytes: the lines are wrapped where gettext wraps them. (But
        // for Weblate's `md-text` flag, which gettext's tools do not keep.)
        assert!(ours.contains("#, md-text\n") && !theirs.contains("md-text"));
        let ours = ours.replace("#, md-text\n", "").replace(", md-text", "");
        assert_eq!(ours, theirs, "{name}: msgcat wraps differently");
        let strip = |m: BTreeMap<String, Seen>| -> Vec<Seen> {
            m.into_values().map(|s| Seen { line: 0, ..s }).collect()
        };
        assert_eq!(strip(entries(&ours)), strip(entries(&theirs)), "{name}");
        assert!(!entries(&ours).is_empty());
    }
    let po = fs::read_to_string(po_dir.join("01-a.po")).unwrap();
    let e = entries(&po);
    let changed = e.values().find(|s| s.id.contains("importants")).unwrap();
    assert!(changed.fuzzy, "{changed:?}");
    assert_eq!(changed.previous, "Deux points à retenir.");
    assert_eq!(changed.text, "Kuma fila minnu ka kan ka to i hakili la.");
    // The box's multi-line item: without its `> ` marks.
    let item = e.values().find(|s| s.id.starts_with("Chacun")).unwrap();
    assert_eq!(item.id, "Chacun a des droits\net des devoirs.");
    assert_eq!(item.text, "Josariyaw bɛ mɔgɔ kelen kelen bɛɛ bolo\nani waajibiw.");
    assert!(po.contains("#: sources/fr/01-a.md:"), "{po}");
    // The same sources give the same files.
    let again = root.join("again");
    run_po(root, &["export", "--lang", "bm", again.to_str().unwrap()]);
    for name in &names {
        assert_eq!(
            fs::read(po_dir.join(name)).unwrap(),
            fs::read(again.join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn edited_translations_come_back_into_the_chapter_and_the_pdf() {
    let dir = project();
    let root = dir.path();
    // Two source blocks change after acceptance.
    let fr = FR
        .replace("Les forces ne peuvent pas", "Les forces de sécurité ne peuvent pas")
        .replace("Deux points à retenir.", "Deux points importants à retenir.");
    fs::write(root.join("sources/fr/01-a.md"), fr).unwrap();
    run_po(root, &["export", "--lang", "bm"]);
    let file = root.join("po/bm/01-a.po");
    let po = fs::read_to_string(&file).unwrap();
    let e = entries(&po);
    let fuzzy: Vec<&Seen> = e.values().filter(|s| s.fuzzy).collect();
    assert_eq!(fuzzy.len(), 2, "{po}");
    let para = e.values().find(|s| s.id.starts_with("La sécurité se construit")).unwrap();
    let heading = e.values().find(|s| s.id == "Premier chapitre").unwrap();
    // The translator reviews the paragraph (flag cleared) and retouches the heading.
    let po = edit(
        &po,
        &para.ctxt,
        "Lakana bɛ jɔ ɲɔgɔn fɛ KURA. Lakana baarakɛlaw tɛ se ka kɛ yɔrɔ bɛɛ.",
        true,
    );
    let po = edit(&po, &heading.ctxt, "Sapitiri fɔlɔ KURA", false);
    fs::write(&file, po).unwrap();
    gettext("msgfmt", &["--check", "-o", "/dev/null", file.to_str().unwrap()]);
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("sources/bm/01-a.md  written"), "{out}");
    let bm = fs::read_to_string(root.join("sources/bm/01-a.md")).unwrap();
    assert!(bm.starts_with("# Sapitiri fɔlɔ KURA\n"), "{bm}");
    assert!(bm.contains("Lakana bɛ jɔ ɲɔgɔn fɛ KURA."), "{bm}");
    // The rest of the chapter is byte for byte what it was.
    assert_eq!(bm.replace(" KURA", ""), BM,);
    // The build shows the new translations.
    let (code, out, err) = livret_in(root, "build", &["--lang", "bm", "--no-print"]);
    assert_eq!(code, 0, "{out}{err}");
    let pdf = root.join("out/mini/bm/pocket-a6/mini-bm-pocket-a6.pdf");
    let text = pdftotext(&pdf);
    assert!(text.contains("Sapitiri fɔlɔ KURA"), "{text}");
    assert!(text.contains("ɲɔgɔn fɛ KURA"), "{text}");
    // check reports the block still fuzzy (the list item), not the reviewed one.
    let (_, out, err) = livret_in(root, "check", &["--lang", "bm", "--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let stale = json[0]["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "{out}");
    let item_line = FR.lines().position(|l| l.contains("Deux points")).unwrap() + 1;
    let lines: Vec<u64> = stale[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source_line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [item_line as u64], "{out}");
    let (_, out, _) = livret_in(root, "check", &["--lang", "bm"]);
    assert!(out.contains(&format!("sources/fr/01-a.md:{item_line}")), "{out}");
    let para_line = FR.lines().position(|l| l.starts_with("La sécurité se")).unwrap() + 1;
    assert!(!out.contains(&format!("sources/fr/01-a.md:{para_line}")), "{out}");
}

/// `pdftotext` of a PDF, as one string.
pub(crate) fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_po_that_breaks_the_structure_is_refused_with_its_line_and_nothing_is_written() {
    let dir = project();
    let root = dir.path();
    run_po(root, &["export", "--lang", "bm"]);
    let file = root.join("po/bm/01-a.po");
    let po = fs::read_to_string(&file).unwrap();
    let e = entries(&po);
    let find =
        |start: &str| e.values().find(|s| s.id.starts_with(start)).unwrap().clone();
    let link = find("Voir le");
    let image = find("Appelez");
    let note = find("Un point");
    let para = find("La sécurité se construit");
    let cell = find("Police");
    let cases = [
        (&cell, "Polisi | jandarmu".to_string(), "ends a table cell"),
        (
            &link,
            link.text
                .replace("https://example.org/securite", "https://example.org/autre"),
            "link target",
        ),
        (
            &image,
            "A wele 17 la farati waati.".to_string(),
            "the image `images/telephone.png`",
        ),
        (&note, note.text.replace("[^n]", "[^m]"), "footnote label"),
        (&para, format!("{}\n\n- bɔ", para.text), "structure"),
    ];
    let before = sources(root);
    for (entry, text, what) in cases {
        // Every other entry is edited too: nothing of it may be written either.
        let edited = edit(
            &edit(&po, &entry.ctxt, &text, false),
            &find("Premier").ctxt,
            "Kura",
            false,
        );
        fs::write(&file, &edited).unwrap();
        let line = entries(&edited)[&entry.ctxt].line;
        let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
        assert_eq!(code, 2, "{what}: {out}{err}");
        assert!(
            err.contains(&format!("po/bm/01-a.po:{line}:")),
            "{what}: line {line}: {err}"
        );
        assert!(err.contains(what), "{what}: {err}");
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(sources(root), before, "{what}: sources changed");
    }
    // A syntax error: its line.
    fs::write(&file, po.replacen("msgstr \"", "msgstr \"\"\"", 2)).unwrap();
    let (code, _, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("po/bm/01-a.po:"), "{err}");
    assert_eq!(sources(root), before);
}

#[test]
fn importing_an_unchanged_export_changes_nothing() {
    // The sample's English translation: most chapters pair block for block.
    for (dir, lang) in [(project(), "bm"), (sample_project(), "en")] {
        let root = dir.path();
        let (code, out, err) = run_po(root, &["export", "--lang", lang]);
        assert_eq!(code, 0, "{out}{err}");
        // The export may name the blocks of a chapter seen for the first time
        // (sources/fr/.ids/); from then on nothing changes.
        let before = sources(root);
        let (code, out, err) = run_po(root, &["import", "--lang", lang]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(!out.contains("written"), "{out}");
        assert!(out.contains("unchanged"), "{out}");
        assert_same_sources(root, &before);
        // The same through msgcat, all chapters in one file (entries go by msgctxt).
        let all = root.join("all");
        fs::create_dir_all(&all).unwrap();
        let mut args = vec!["-o".to_string(), all.join("all.po").display().to_string()];
        let po_dir = root.join("po").join(lang);
        for f in files_under(&po_dir).iter().filter(|f| f.ends_with(".po")) {
            args.push(po_dir.join(f).display().to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        gettext("msgcat", &args);
        let (code, out, err) =
            run_po(root, &["import", "--lang", lang, all.to_str().unwrap()]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("unchanged"), "{out}");
        assert_eq!(sources(root), before);
    }
}

#[test]
fn a_chapter_with_untranslated_blocks_is_written_with_them_marked() {
    // Before issue 19 such a chapter was not written until every block was
    // translated; now partial work is written, the rest marked as the source's.
    let dir = project();
    let root = dir.path();
    run_po(root, &["export", "--lang", "bm"]);
    let file = root.join("po/bm/02-b.po");
    let po = fs::read_to_string(&file).unwrap();
    let mut order: Vec<Seen> = entries(&po).into_values().collect();
    order.sort_by_key(|s| s.line);
    assert_eq!(order.len(), 4);
    // Half translated: written, the other half marked `[fr]`, named as untranslated.
    let mut half = po.clone();
    for s in &order[..2] {
        half = edit(&half, &s.ctxt, "Kura", false);
    }
    fs::write(&file, &half).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("sources/bm/02-b.md  written: 2 blocks translated"), "{out}");
    assert!(
        out.contains(
            "2 not translated yet (kept as the source text, marked with its language; first: po/bm/02-b.po:"
        ),
        "{out}"
    );
    let bm = fs::read_to_string(root.join("sources/bm/02-b.md")).unwrap();
    assert_eq!(bm, "# Kura\n\nKura\n\n- [fr] Un\n- [fr] Deux\n");
    // All translated: written in the source's structure, and accepted.
    let po = fs::read_to_string(&file).unwrap();
    let mut full = po.clone();
    let mut order: Vec<Seen> = entries(&po).into_values().collect();
    order.sort_by_key(|s| s.line);
    for (i, s) in order.iter().enumerate() {
        full = edit(&full, &s.ctxt, &format!("Kura {i}"), false);
    }
    fs::write(&file, &full).unwrap();
    let (code, out, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    let bm = fs::read_to_string(root.join("sources/bm/02-b.md")).unwrap();
    assert_eq!(bm, "# Kura 0\n\nKura 1\n\n- Kura 2\n- Kura 3\n");
    let status = fs::read_to_string(root.join("sources/bm/status.toml")).unwrap();
    assert!(status.contains("02-b = \"sha256:"), "{status}");
    assert!(out.contains("all accepted"), "{out}");
}

#[test]
fn typst_chapters_are_left_out_with_a_word() {
    let dir = project();
    let root = dir.path();
    fs::write(root.join("sources/fr/03-c.typ"), "= Contacts\n\nTexte.\n").unwrap();
    let manifest = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
    fs::write(
        root.join("sources/guide.toml"),
        manifest.replace("\"02-b\"]", "\"02-b\", \"03-c\"]"),
    )
    .unwrap();
    let (code, out, err) = run_po(root, &["export", "--lang", "bm"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("sources/fr/03-c.typ: a Typst chapter, not exported"), "{err}");
    assert!(!root.join("po/bm/03-c.po").exists());
}

#[test]
fn bad_usage_is_refused() {
    let dir = project();
    let root = dir.path();
    let (code, _, err) = run_po(root, &["export", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("source language"), "{err}");
    let (code, _, err) = run_po(root, &["export", "--lang", "bn"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `bm`"), "{err}");
    let (code, _, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 2);
    assert!(err.contains("no .po files"), "{err}");
    // A PO file of another language.
    run_po(root, &["export", "--lang", "bm"]);
    let file = root.join("po/bm/01-a.po");
    let po = fs::read_to_string(&file).unwrap().replace("Language: bm", "Language: en");
    fs::write(&file, po).unwrap();
    let (code, _, err) = run_po(root, &["import", "--lang", "bm"]);
    assert_eq!(code, 2);
    assert!(err.contains("in language `en`"), "{err}");
}

#[test]
fn a_translation_keeps_its_own_footnote_labels() {
    // The sample's English names its notes in English (`[^military]` for the
    // source's `[^militaire]`): its PO entries carry its labels, and must keep them.
    let dir = sample_project();
    let root = dir.path();
    run_po(root, &["export", "--lang", "en"]);
    let file = root.join("po/en/02-forces.po");
    let po = fs::read_to_string(&file).unwrap();
    let e = entries(&po);
    let note = e.values().find(|s| s.text.contains("[^military]")).unwrap().clone();
    assert!(note.id.contains("[^militaire]"), "{note:?}");
    let before = sources(root);
    let back = note.text.replace("[^military]", "[^militaire]");
    fs::write(&file, edit(&po, &note.ctxt, &back, false)).unwrap();
    let (code, _, err) = run_po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("po/en/02-forces.po:{}:", note.line)), "{err}");
    assert!(err.contains("`[^military]`"), "{err}");
    assert_eq!(sources(root), before);
}
