//! Translators never lose work (issue 19, safety and checks): a PO file without a
//! language or for another one is refused with nothing written; translations of
//! chapters the guide no longer lists are reported; `chapter rename` renames every
//! language, snapshot and status key in one step; eight `check --accept` at once all
//! keep their acceptance; a CRLF chapter stays CRLF through a multi-line import; the
//! translation checks name the chapter, line and values ("72 hours" made "27 hours"),
//! in text and JSON and as `#.` notes that gettext accepts.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::*;

const FR_A: &str =
    "# Premier\n\nSignalez tout incident sous 72 heures.\n\nUn texte simple.\n";
const EN_A: &str = "# First\n\nReport any incident within 72 hours.\n\nA plain text.\n";
const FR_B: &str = "# Second\n\nLe deuxième chapitre parle des forces.\n";
const EN_B: &str = "# Second\n\nThe second chapter is about the forces.\n";

/// French 01-a and 02-b, translated in English and accepted.
fn two_chapters() -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", FR_A), ("02-b.md", FR_B)]);
    add_language(dir.path(), "en", "English", &[("01-a.md", EN_A), ("02-b.md", EN_B)]);
    let (code, out, err) = livret_in(
        dir.path(),
        "check",
        &["--lang", "en", "--accept", "01-a", "--accept", "02-b"],
    );
    assert_eq!(code, 0, "{out}{err}");
    dir
}

/// Every file under `sources/` with its bytes.
fn sources(root: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(&root.join("sources"))
        .into_iter()
        .map(|f| {
            let bytes = fs::read(root.join("sources").join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// `livret po <args…>` on a project.
fn po(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["po", args[0], "--project", root.to_str().unwrap()];
    all.extend(&args[1..]);
    livret(&all)
}

/// `livret chapter rename --project <root> <args…>`.
fn rename(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["chapter", "rename", "--project", root.to_str().unwrap()];
    all.extend(args);
    livret(&all)
}

/// The 1-based line of the first line of `text` starting with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}

#[test]
fn a_po_without_language_or_for_another_is_refused_with_nothing_written() {
    let dir = two_chapters();
    let root = dir.path();
    let (code, _, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let file = root.join("po/en/01-a.po");
    let exported = fs::read_to_string(&file).unwrap();
    let changed =
        exported.replace("msgstr \"A plain text.\"", "msgstr \"A changed text.\"");
    assert_ne!(changed, exported);
    let before = sources(root);
    // No `Language:` line at all: the header's msgstr is named.
    let no_line = changed.replace("\"Language: en\\n\"\n", "");
    fs::write(&file, &no_line).unwrap();
    let (code, _, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    let at = format!("po/en/01-a.po:{}: ", line_of(&no_line, "msgstr \"\""));
    assert!(err.contains(&at) && err.contains("does not say its language"), "{err}");
    assert!(err.contains("hint: ") && err.contains("Language: en"), "{err}");
    assert_eq!(sources(root), before);
    // An empty `Language:`, as a template filled in without msginit.
    let empty = changed.replace("Language: en\\n", "Language: \\n");
    fs::write(&file, &empty).unwrap();
    let (code, _, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("po/en/01-a.po:{}: ", line_of(&empty, "\"Language:"))),
        "{err}"
    );
    assert_eq!(sources(root), before);
    // Another language.
    fs::write(&file, changed.replace("Language: en\\n", "Language: bm_ML\\n")).unwrap();
    let (code, _, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("in language `bm_ML`") && err.contains("--lang bm"), "{err}");
    assert_eq!(sources(root), before);
    // Its own language, with a region: imported.
    fs::write(&file, changed.replace("Language: en\\n", "Language: en_GB\\n")).unwrap();
    let (code, _, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let en = fs::read_to_string(root.join("sources/en/01-a.md")).unwrap();
    assert!(en.contains("A changed text."), "{en}");
}

#[test]
fn a_translation_of_a_chapter_the_guide_no_longer_lists_is_reported() {
    let dir = two_chapters();
    let root = dir.path();
    fs::write(root.join("sources/guide.toml"), {
        let t = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
        t.replace("chapters = [\"01-a\", \"02-b\"]", "chapters = [\"01-a\"]")
    })
    .unwrap();
    fs::remove_file(root.join("sources/fr/02-b.md")).unwrap();
    let (code, out, err) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}{err}");
    let line = out.lines().find(|l| l.contains("sources/en/02-b.md")).expect(&out);
    assert!(line.contains("chapter `02-b` is not in sources/guide.toml"), "{line}");
    assert!(
        line.contains("livret chapter rename 02-b") && line.contains("delete"),
        "{line}"
    );
    let (code, out, _) = livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&out).unwrap();
    let orphans = json[0]["orphans"].as_array().unwrap();
    assert_eq!(orphans.len(), 1, "{orphans:?}");
    assert_eq!(orphans[0]["chapter"], "02-b");
    assert_eq!(orphans[0]["file"], "sources/en/02-b.md");
    // Once its files are gone, nothing is reported.
    fs::remove_file(root.join("sources/en/02-b.md")).unwrap();
    fs::remove_file(root.join("sources/en/.accepted/02-b.txt")).unwrap();
    let (code, out, _) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "its status.toml key is still there: {out}");
    assert!(out.contains("sources/en/status.toml: chapter `02-b`"), "{out}");
}

#[test]
fn a_chapter_is_renamed_in_one_step_then_builds_and_checks_clean() {
    let dir = two_chapters();
    let root = dir.path();
    let (code, _, err) = livret_in(
        root,
        "check",
        &["--lang", "en", "--intended", "02-b#2-paragraph:numbers"],
    );
    assert_eq!(code, 0, "{err}");
    let before = sources(root);
    let ids_before = fs::read_to_string(root.join("sources/fr/.ids/02-b.txt")).unwrap();
    // Refused, nothing changed: an unknown chapter, a taken name, a path.
    for (args, says) in [
        (["02-x", "03-c"], "unknown chapter `02-x`"),
        (["02-b", "01-a"], "`01-a` is already in sources/guide.toml"),
        (["02-b", "../02-c"], "not a plain chapter name"),
    ] {
        let (code, _, err) = rename(root, &[args[0], args[1]]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(says), "{err}");
    }
    fs::write(root.join("sources/en/02-c.md"), "stray").unwrap();
    let (code, _, err) = rename(root, &["02-b", "02-c"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("sources/en/02-c.md already exist"), "{err}");
    fs::remove_file(root.join("sources/en/02-c.md")).unwrap();
    assert_eq!(sources(root), before);
    // A dry run says what it would do and does nothing.
    let (code, out, err) = rename(root, &["02-b", "02-c", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "would move sources/en/.accepted/02-b.txt -> sources/en/.accepted/02-c.txt"
        ),
        "{out}"
    );
    assert!(
        out.contains("would move sources/fr/.ids/02-b.txt -> sources/fr/.ids/02-c.txt"),
        "{out}"
    );
    assert_eq!(sources(root), before);
    let (code, out, err) = rename(root, &["02-b", "02-c"]);
    assert_eq!(code, 0, "{out}{err}");
    let after = files_under(&root.join("sources"));
    for gone in ["fr/02-b.md", "en/02-b.md", "en/.accepted/02-b.txt", "fr/.ids/02-b.txt"]
    {
        assert!(!after.contains(&gone.to_string()), "{after:?}");
    }
    for there in ["fr/02-c.md", "en/02-c.md", "en/.accepted/02-c.txt", "fr/.ids/02-c.txt"]
    {
        assert!(after.contains(&there.to_string()), "{after:?}");
    }
    assert_eq!(fs::read_to_string(root.join("sources/en/02-c.md")).unwrap(), EN_B);
    let manifest = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
    assert!(manifest.contains("chapters = [\"01-a\", \"02-c\"]"), "{manifest}");
    let status = fs::read_to_string(root.join("sources/en/status.toml")).unwrap();
    assert!(status.contains("02-c") && !status.contains("02-b"), "{status}");
    // The mark given by the block's old position id is kept by its stable id, which
    // the rename carries over with the ids file (heading rewritten).
    let ids = fs::read_to_string(root.join("sources/fr/.ids/02-c.txt")).unwrap();
    assert!(
        ids.contains("sources/fr/02-c as last seen") && !ids.contains("02-b"),
        "{ids}"
    );
    let blocks = |t: &str| {
        t.lines().filter(|l| !l.starts_with('#')).map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(blocks(&ids), blocks(&ids_before));
    let paragraph = ids
        .lines()
        .filter_map(|l| l.split(" id=").nth(1))
        .find(|i| i.starts_with("paragraph-"))
        .expect(&ids);
    assert!(
        status.contains(&format!("\"02-c#{paragraph}\" = [\"numbers\"]")),
        "{status}"
    );
    let snap = fs::read_to_string(root.join("sources/en/.accepted/02-c.txt")).unwrap();
    assert!(snap.contains("sources/en/02-c ") && !snap.contains("02-b"), "{snap}");
    // Still accepted: check is clean, and the build has the chapter.
    let (code, out, err) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = livret_in(root, "build", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let pdf = root.join("out/mini/en/pocket-a6/mini-en-pocket-a6.pdf");
    assert!(pdf_text(&pdf, None).contains("The second chapter is about"), "no chapter");
}

#[test]
fn a_rename_made_upstream_is_followed_in_the_translations() {
    let dir = two_chapters();
    let root = dir.path();
    // Upstream: the source chapter renamed by hand (git mv) and in guide.toml.
    fs::rename(root.join("sources/fr/02-b.md"), root.join("sources/fr/02-bis.md"))
        .unwrap();
    let manifest = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
    fs::write(
        root.join("sources/guide.toml"),
        manifest.replace("\"02-b\"", "\"02-bis\""),
    )
    .unwrap();
    let (code, out, _) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("if it was renamed: livret chapter rename 02-b 02-bis"),
        "{out}"
    );
    let (code, out, err) = rename(root, &["02-b", "02-bis"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("moved sources/en/02-b.md -> sources/en/02-bis.md"), "{out}");
    // The source's block ids go with it (the translation's PO entries keep theirs).
    assert!(
        out.contains("moved sources/fr/.ids/02-b.txt -> sources/fr/.ids/02-bis.txt"),
        "{out}"
    );
    assert!(!out.contains("guide.toml"), "guide.toml was already right: {out}");
    let (code, out, err) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn after_an_upstream_rename_ids_already_given_are_kept_and_the_old_file_named() {
    let dir = two_chapters();
    let root = dir.path();
    fs::rename(root.join("sources/fr/02-b.md"), root.join("sources/fr/02-bis.md"))
        .unwrap();
    let manifest = fs::read_to_string(root.join("sources/guide.toml")).unwrap();
    fs::write(
        root.join("sources/guide.toml"),
        manifest.replace("\"02-b\"", "\"02-bis\""),
    )
    .unwrap();
    // An export names the renamed chapter's blocks before the translation follows.
    let (code, out, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let ids = fs::read_to_string(root.join("sources/fr/.ids/02-bis.txt")).unwrap();
    let (code, out, err) = rename(root, &["02-b", "02-bis"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("moved sources/en/02-b.md -> sources/en/02-bis.md"), "{out}");
    assert!(
        err.contains("sources/fr/.ids/02-b.txt is left as it is: the renamed chapter's block ids are in sources/fr/.ids/02-bis.txt already"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(root.join("sources/fr/.ids/02-bis.txt")).unwrap(), ids);
}

#[test]
fn eight_accepts_at_once_are_all_kept() {
    let chapters: Vec<(String, String)> = (1..=8)
        .map(|i| (format!("0{i}-c.md"), format!("# Titre {i}\n\nTexte numéro {i}.\n")))
        .collect();
    let refs: Vec<(&str, &str)> =
        chapters.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let dir = mini_project(&refs);
    let en: Vec<(String, String)> = (1..=8)
        .map(|i| (format!("0{i}-c.md"), format!("# Title {i}\n\nText number {i}.\n")))
        .collect();
    let en_refs: Vec<(&str, &str)> =
        en.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    add_language(dir.path(), "en", "English", &en_refs);
    let project = dir.path().to_str().unwrap();
    let children: Vec<_> = (1..=8)
        .map(|i| {
            crate::support::livret_process()
                .args([
                    "check",
                    "--project",
                    project,
                    "--lang",
                    "en",
                    "--accept",
                    &format!("0{i}-c"),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("marked as reviewed"), "{err}");
    }
    let status = fs::read_to_string(dir.path().join("sources/en/status.toml")).unwrap();
    for i in 1..=8 {
        assert!(
            status.contains(&format!("0{i}-c = \"sha256:")),
            "0{i}-c lost:\n{status}"
        );
        assert!(dir.path().join(format!("sources/en/.accepted/0{i}-c.txt")).is_file());
    }
    let (code, out, err) = livret_in(dir.path(), "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_crlf_chapter_keeps_crlf_only_after_a_multi_line_import() {
    let fr = "# Titre\r\n\r\nUn paragraphe\r\nsur deux lignes.\r\n\r\n- un point\r\n";
    let en = "# Title\r\n\r\nA paragraph\r\non two lines.\r\n\r\n- a point\r\n";
    let dir = mini_project(&[("01-a.md", fr)]);
    add_language(dir.path(), "en", "English", &[("01-a.md", en)]);
    let root = dir.path();
    let (code, _, err) = livret_in(root, "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let file = root.join("po/en/01-a.po");
    let text = fs::read_to_string(&file).unwrap();
    // The entries hold LF line ends, as a PO editor writes them.
    assert!(!text.contains("\\r"), "{text}");
    let old = "msgstr \"\"\n\"A paragraph\\n\"\n\"on two lines.\"\n";
    assert!(text.contains(old), "{text}");
    let new = "msgstr \"\"\n\"A paragraph\\n\"\n\"now on\\n\"\n\"three lines.\"\n";
    fs::write(&file, text.replace(old, new)).unwrap();
    let (code, out, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let bytes = fs::read(root.join("sources/en/01-a.md")).unwrap();
    let chapter = String::from_utf8(bytes).unwrap();
    assert!(chapter.contains("A paragraph\r\nnow on\r\nthree lines."), "{chapter:?}");
    let lf = chapter.matches('\n').count();
    assert_eq!(chapter.matches("\r\n").count(), lf, "mixed line endings: {chapter:?}");
    assert_eq!(chapter.matches('\r').count(), lf, "a stray CR: {chapter:?}");
    // A round trip with nothing changed leaves the CRLF chapter's bytes alone.
    let (code, _, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("unchanged"), "{out}");
    assert_eq!(fs::read_to_string(root.join("sources/en/01-a.md")).unwrap(), chapter);
}

#[test]
fn seventy_two_hours_made_twenty_seven_is_named_with_its_line_and_numbers() {
    let dir = two_chapters();
    let root = dir.path();
    fs::write(root.join("sources/en/01-a.md"), EN_A.replace("72 hours", "27 hours"))
        .unwrap();
    let (code, out, err) = livret_in(root, "check", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}{err}");
    let line = out.lines().find(|l| l.contains(": numbers: ")).expect(&out);
    assert!(line.starts_with("en: sources/en/01-a.md:3: numbers: "), "{line}");
    assert!(line.contains("the source has 72, the translation has 27"), "{line}");
    assert!(line.contains("sources/fr/01-a.md:3"), "{line}");
    let (code, out, _) = livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&out).unwrap();
    let findings = json[0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(
        (f["check"].as_str(), f["chapter"].as_str()),
        (Some("numbers"), Some("01-a"))
    );
    assert_eq!(
        (f["file"].as_str(), f["line"].as_u64()),
        (Some("sources/en/01-a.md"), Some(3))
    );
    assert_eq!(f["source_values"], serde_json::json!(["72"]));
    assert_eq!(f["translation_values"], serde_json::json!(["27"]));
    assert_eq!(f["intended"], false);
    // Marked as intended, as the line printed by check says: kept in status.toml, and
    // the finding is no longer a problem, even after the block is edited.
    let hint = out_hint(root);
    let id = hint.rsplit_once(' ').unwrap().1.to_string();
    let (code, _, err) = livret_in(root, "check", &["--lang", "en", "--intended", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("marked as intended: numbers in 01-a#"), "{err}");
    let status = fs::read_to_string(root.join("sources/en/status.toml")).unwrap();
    assert!(
        status.contains("[intended]") && status.contains("[\"numbers\"]"),
        "{status}"
    );
    fs::write(root.join("sources/en/01-a.md"), EN_A.replace("72 hours", "27 full hours"))
        .unwrap();
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["findings"][0]["intended"], true);
    // An unknown check is refused.
    let (code, _, err) = livret_in(
        root,
        "check",
        &["--lang", "en", "--intended", "01-a#2-paragraph:nombres"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("`nombres` is not a check") && err.contains("numbers"), "{err}");
}

/// The `if intended:` command check prints for the project's one finding.
fn out_hint(root: &Path) -> String {
    let (_, out, _) = livret_in(root, "check", &["--lang", "en"]);
    out.lines()
        .find_map(|l| l.trim().strip_prefix("if intended: "))
        .expect(&out)
        .to_string()
}

#[test]
fn check_findings_are_po_notes_with_the_markdown_flag_and_gettext_accepts_them() {
    let dir = two_chapters();
    let root = dir.path();
    fs::write(root.join("sources/en/01-a.md"), EN_A.replace("72 hours", "27 hours"))
        .unwrap();
    let (code, _, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(root.join("po/en/01-a.po")).unwrap();
    let entry = text.split("\n\n").find(|e| e.contains("msgid \"Signalez")).unwrap();
    assert!(
        entry.contains("#. check numbers: number(s) differ: the source has 72, the translation has 27"),
        "{entry}"
    );
    assert!(
        entry.lines().any(|l| l.starts_with("#,") && l.contains("md-text")),
        "{entry}"
    );
    let other =
        text.split("\n\n").find(|e| e.contains("msgid \"Un texte simple.\"")).unwrap();
    assert!(!other.contains("#. check"), "{other}");
    for file in ["po/en/01-a.po", "po/en/02-b.po", "po/en/mini.pot"] {
        let out = Command::new("msgfmt")
            .args(["-c", "-o", "/dev/null", root.join(file).to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let pot = fs::read_to_string(root.join("po/en/mini.pot")).unwrap();
    assert!(pot.contains("#, md-text") && !pot.contains("#. check"), "{pot}");
    // The PO file still imports.
    let (code, out, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn nko_and_arabic_indic_digits_count_as_their_latin_values() {
    let dir = mini_project(&[("01-a.md", FR_A)]);
    let root = dir.path();
    let nqo = "# ߝߟߐ\n\nߞߊ߬ ߞߎ߲߬ߓߊ߬ߕߐ߮ ߝߐ߫ ߕߎ߬ߡߊ߬ߙߋ߲ ߇߂ ߞߣߐ߫.\n\nߞߎߡߊ߫ ߣߐ߬ߣߐ߬.\n";
    add_language(root, "nqo", "N'Ko", &[("01-a.md", nqo)]);
    let findings = |text: &str| -> Vec<Value> {
        fs::write(root.join("sources/nqo/01-a.md"), text).unwrap();
        let (_, out, err) =
            livret_in(root, "check", &["--lang", "nqo", "--format", "json"]);
        let json: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        json[0]["findings"].as_array().unwrap().clone()
    };
    assert_eq!(findings(nqo), Vec::<Value>::new());
    assert_eq!(findings(&nqo.replace("߇߂", "٧٢")), Vec::<Value>::new());
    assert_eq!(findings(&nqo.replace("߇߂", "۷۲")), Vec::<Value>::new());
    let found = findings(&nqo.replace("߇߂", "߂߇"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["check"], "numbers");
    assert_eq!(found[0]["line"], 3);
    assert_eq!(found[0]["source_values"], serde_json::json!(["72"]));
    assert_eq!(found[0]["translation_values"], serde_json::json!(["߂߇"]));
}

#[test]
fn findings_show_in_a_partly_translated_chapter_with_a_block_of_its_own() {
    const FR: &str = "# Premier\n\nSignalez tout incident sous 72 heures.\n\nCe paragraphe attend encore sa traduction anglaise.\n";
    let dir = mini_project(&[("01-a.md", FR)]);
    add_language(dir.path(), "en", "English", &[]);
    let root = dir.path();
    let (code, _, err) = po(root, &["export", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    // Two entries of three translated, one number wrong.
    let file = root.join("po/en/01-a.po");
    let text = fs::read_to_string(&file).unwrap();
    let fill = |t: String, id: &str, s: &str| {
        let (from, to) = (
            format!("msgid \"{id}\"\nmsgstr \"\""),
            format!("msgid \"{id}\"\nmsgstr \"{s}\""),
        );
        assert!(t.contains(&from), "{t}");
        t.replacen(&from, &to, 1)
    };
    let text = fill(text, "Premier", "First");
    let text = fill(
        text,
        "Signalez tout incident sous 72 heures.",
        "Report any incident within 27 hours.",
    );
    fs::write(&file, text).unwrap();
    let (code, out, err) = po(root, &["import", "--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");
    let chapter = root.join("sources/en/01-a.md");
    let md = fs::read_to_string(&chapter).unwrap();
    assert!(md.contains("[fr] Ce paragraphe attend"), "{md}");
    // A reviewer's note of the translation's own: the blocks no longer match one for
    // one, yet every paired block is checked; the untranslated one is not.
    fs::write(&chapter, md.replacen("\n\n", "\n\nNote from the reviewer.\n\n", 1))
        .unwrap();
    let (code, out, _) = livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let findings = json[0]["findings"].as_array().unwrap();
    let found: Vec<(&str, u64)> = findings
        .iter()
        .map(|f| (f["check"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, [("numbers", 5)], "{findings:#?}");
}

#[test]
fn a_finding_marked_intended_by_its_block_id_stays_so_after_an_insertion_above() {
    let dir = two_chapters();
    let root = dir.path();
    let en = EN_A.replace("72 hours", "27 hours");
    fs::write(root.join("sources/en/01-a.md"), &en).unwrap();
    let hint = out_hint(root);
    let id = hint.rsplit_once(' ').unwrap().1.rsplit_once(':').unwrap().0.to_string();
    assert!(id.starts_with("01-a#paragraph-"), "{hint}");
    let (code, _, err) = livret_in(
        root,
        "check",
        &["--lang", "en", "--intended", &format!("{id}:numbers")],
    );
    assert_eq!(code, 0, "{err}");
    // The position id of an older livret names the same block, and is kept by its id.
    let (code, _, err) = livret_in(
        root,
        "check",
        &["--lang", "en", "--intended", "01-a#2-paragraph:punctuation"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("marked as intended: punctuation in {id}")), "{err}");
    // A block the chapter does not have is refused, with where to copy ids from.
    let (code, _, err) = livret_in(
        root,
        "check",
        &["--lang", "en", "--intended", "01-a#paragraph-00000000:numbers"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`01-a#paragraph-00000000` is no block of sources/fr/01-a.md"),
        "{err}"
    );
    assert!(err.contains("hint: copy the id"), "{err}");
    // Upstream inserts a paragraph above; the translator follows and accepts.
    let insert = |t: &str, p: &str| t.replacen("\n\n", &format!("\n\n{p}\n\n"), 1);
    fs::write(root.join("sources/fr/01-a.md"), insert(FR_A, "Un nouveau paragraphe."))
        .unwrap();
    fs::write(root.join("sources/en/01-a.md"), insert(&en, "A new paragraph.")).unwrap();
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let f = &json[0]["findings"][0];
    assert_eq!(
        (f["id"].as_str(), f["line"].as_u64()),
        (Some(id.as_str()), Some(5)),
        "{f}"
    );
    assert_eq!(f["intended"], true);
}
