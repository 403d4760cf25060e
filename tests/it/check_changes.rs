//! `livret check` block by block: what changed in a source chapter since its
//! translation was accepted (changed, added, removed, moved blocks with their lines
//! and a word diff), accepting one block, hash-only status files, and translations
//! whose structure differs.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::*;

/// `livret check` on a project: exit code, stdout, stderr.
fn check(project: &Path, args: &[&str]) -> (i32, String, String) {
    livret_in(project, "check", args)
}

/// `check --lang <lang> --format json`: the language's report.
fn report(project: &Path, lang: &str) -> Value {
    let (code, out, err) = check(project, &["--lang", lang, "--format", "json"]);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let report = json[0].clone();
    // Exit 1 exactly when the report lists something to attend to, else 0.
    let listed = |key: &str| report[key].as_array().is_some_and(|a| !a.is_empty());
    let problems = [
        "missing",
        "stale",
        "unshowable",
        "overflows",
        "lonely_headings",
        "empty_pages",
        "warnings",
        "orphans",
    ]
    .iter()
    .any(|key| listed(key))
        || report["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["intended"] != true));
    assert_eq!(code, i32::from(problems), "{err}");
    report
}

/// `sha256:<hex>` of a file, computed by coreutils.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    format!("sha256:{}", text.split_whitespace().next().unwrap())
}

/// Replaces `from` by `to` in a file, which must hold it once.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The sample guide with only its first layout and its print presets (half the
/// compiling for `check`).
fn sample_one_layout() -> tempfile::TempDir {
    let dir = sample_project();
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let mut kept = Vec::new();
    let mut skipping = false;
    for section in text.split_inclusive('\n') {
        if section.starts_with("[[") {
            skipping = false;
        }
        if section.starts_with("name = \"pocket-a7\"")
            || section.starts_with("layout = \"pocket-a7\"")
        {
            // Drop the table header written just before.
            while kept.last().is_some_and(|l: &&str| !l.starts_with("[[")) {
                kept.pop();
            }
            kept.pop();
            skipping = true;
        }
        if !skipping {
            kept.push(section);
        }
    }
    let text = kept.concat();
    assert!(!text.contains("pocket-a7"), "{text}");
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn one_edited_sentence_is_the_one_block_reported_and_accepting_its_line_clears_it() {
    let dir = sample_one_layout();
    let root = dir.path();
    // The sample ships the accepted text of its chapters: nothing to accept first.
    assert!(root.join("sources/en/.accepted/01-introduction.txt").is_file());
    let fr = root.join("sources/fr/01-introduction.md");
    edit(&fr, "ne peuvent pas être partout", "ne peuvent pas être présentes partout");
    let r = report(root, "en");
    let stale = r["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "{stale:#?}");
    let changes = stale[0]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let c = &changes[0];
    assert_eq!(c["change"], "changed");
    assert_eq!(c["kind"], "paragraph");
    assert_eq!(c["source_line"], 5);
    assert_eq!(c["translation_line"], 5);
    // The block's id: the one the sample's ids file gave it before the edit.
    let id = c["id"].as_str().unwrap();
    let own = id.split_once('#').unwrap().1;
    let ids =
        fs::read_to_string(repo().join("sources/fr/.ids/01-introduction.txt")).unwrap();
    let entry = ids.split("\n@@ ").find(|e| e.contains(&format!(" id={own}"))).unwrap();
    assert!(entry.contains("ne peuvent pas être partout"), "{entry}");
    assert!(c["new_text"].as_str().unwrap().contains("présentes partout"));
    let inserted: Vec<&str> = c["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] == "insert")
        .map(|op| op["text"].as_str().unwrap())
        .collect();
    assert_eq!(inserted, vec!["présentes "], "{c:#?}");
    assert!(!c["diff"].as_array().unwrap().iter().any(|op| op["op"] == "delete"));
    // The human report: the block, both lines, the diff, the command.
    let (code, out, _) = check(root, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("changed paragraph at sources/fr/01-introduction.md:5 (translation sources/en/01-introduction.md:5)"),
        "{out}"
    );
    assert!(out.contains("ne peuvent pas être {+présentes +}partout"), "{out}");
    assert!(out.contains("--accept 01-introduction:5"), "{out}");
    assert_eq!(out.matches("changed paragraph").count(), 1, "{out}");
    // (The user guides show the same report for a guide made by `livret new`: docs.rs.)
    // Accepting the line clears the chapter: status.toml holds the new file's hash.
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-introduction:5"]);
    assert_eq!(code, 0, "{err}");
    let status = fs::read_to_string(root.join("sources/en/status.toml")).unwrap();
    assert!(status.contains(&sha256sum(&fr)), "{status}");
    let r = report(root, "en");
    assert_eq!(r["stale"], serde_json::json!([]));
    let snap = fs::read_to_string(root.join("sources/en/.accepted/01-introduction.txt"))
        .unwrap();
    assert!(snap.contains("ne peuvent pas être présentes partout"), "{snap}");
}

/// A French chapter of headings, paragraphs, a list and an image, with its English
/// translation, accepted.
fn accepted_pair() -> tempfile::TempDir {
    let fr = "# Titre\n\nPremier paragraphe.\n\n- un ;\n- deux.\n\nDeuxième paragraphe.\n\n![Une carte](images/carte.png)\n\nTroisième paragraphe.\n";
    let en = "# Title\n\nFirst paragraph.\n\n- one;\n- two.\n\nSecond paragraph.\n\n![A map](images/carte.png)\n\nThird paragraph.\n";
    let dir = mini_project(&[("01-a.md", fr)]);
    let root = dir.path();
    fs::create_dir_all(root.join("sources/images")).unwrap();
    fs::copy(
        repo().join("sources/images/reunion.png"),
        root.join("sources/images/carte.png"),
    )
    .unwrap();
    add_language(root, "en", "English", &[("01-a.md", en)]);
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// (change, kind, source line, translation line) of each reported block.
fn changes_of(r: &Value) -> Vec<(String, String, u64, Option<u64>)> {
    r["stale"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
                c["source_line"].as_u64().unwrap(),
                c["translation_line"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn a_moved_paragraph_is_reported_as_moved() {
    let dir = accepted_pair();
    let root = dir.path();
    let fr = root.join("sources/fr/01-a.md");
    edit(&fr, "Premier paragraphe.\n\n", "");
    edit(
        &fr,
        "Troisième paragraphe.\n",
        "Troisième paragraphe.\n\nPremier paragraphe.\n",
    );
    let r = report(root, "en");
    assert_eq!(
        changes_of(&r),
        vec![("moved".into(), "paragraph".into(), 12, Some(3))],
        "{r:#?}"
    );
    assert_eq!(r["stale"][0]["changes"][0]["diff"], serde_json::json!([]));
    let (_, out, _) = check(root, &["--lang", "en"]);
    assert!(
        out.contains("moved paragraph, now at sources/fr/01-a.md:12 (translation sources/en/01-a.md:3)"),
        "{out}"
    );
    assert!(!out.contains("removed") && !out.contains("added"), "{out}");
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:12"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report(root, "en")["stale"], serde_json::json!([]));
}

#[test]
fn added_and_removed_blocks_are_reported_and_accepted_one_by_one() {
    let dir = accepted_pair();
    let root = dir.path();
    let fr = root.join("sources/fr/01-a.md");
    edit(&fr, "- deux.\n", "- deux ;\n- trois.\n");
    edit(&fr, "Deuxième paragraphe.\n\n", "");
    let r = report(root, "en");
    assert_eq!(
        changes_of(&r),
        vec![
            ("changed".into(), "item".into(), 6, Some(6)),
            ("added".into(), "item".into(), 7, None),
            ("removed".into(), "paragraph".into(), 9, Some(8)),
        ],
        "{r:#?}"
    );
    let added = &r["stale"][0]["changes"][1];
    assert_eq!(added["translation_after"], 6);
    assert_eq!(added["new_text"], "trois.");
    let removed = &r["stale"][0]["changes"][2];
    assert_eq!(removed["old_text"], "Deuxième paragraphe.");
    assert_eq!(removed["new_text"], Value::Null);
    // One at a time: the others stay reported.
    // Exit 1: the chapter still has changes to review.
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:7"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("marked as reviewed against the current source: sources/fr/01-a.md:7 (the added block)"), "{err}");
    let left: Vec<String> =
        changes_of(&report(root, "en")).into_iter().map(|c| c.0).collect();
    assert_eq!(left, vec!["changed", "removed"]);
    let snap = fs::read_to_string(root.join("sources/en/.accepted/01-a.txt")).unwrap();
    let order: Vec<usize> = ["un ;", "deux.", "trois.", "Deuxième"]
        .iter()
        .map(|w| snap.find(w).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{snap}");
    let (code, _, err) =
        check(root, &["--lang", "en", "--accept", "01-a:9", "--accept", "01-a:6"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report(root, "en")["stale"], serde_json::json!([]));
    let status = fs::read_to_string(root.join("sources/en/status.toml")).unwrap();
    assert!(status.contains(&sha256sum(&fr)), "{status}");
}

#[test]
fn a_line_outside_every_block_is_refused_with_the_changed_lines() {
    let dir = accepted_pair();
    let root = dir.path();
    edit(&root.join("sources/fr/01-a.md"), "Troisième", "Dernier");
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:2"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "sources/fr/01-a.md:2: no block of the chapter starts at or contains line 2"
        ),
        "{err}"
    );
    assert!(err.contains("hint: the changed block is at line 12"), "{err}");
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:400"]);
    assert_eq!(code, 2, "{err}");
    // A block that did not change: nothing to do, and the changed one stays.
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:3"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has not changed"), "{err}");
    assert_eq!(changes_of(&report(root, "en")).len(), 1);
}

#[test]
fn a_translation_whose_structure_differs_costs_only_the_blocks_that_differ() {
    // Before issue 19, a translation built differently was reviewed as a whole; now
    // only the blocks with no counterpart are named, the others still pair.
    let dir = accepted_pair();
    let root = dir.path();
    // The translator merged the list into a sentence; then the source changes.
    edit(&root.join("sources/en/01-a.md"), "- one;\n- two.\n", "One and two.\n");
    edit(&root.join("sources/fr/01-a.md"), "Troisième", "Dernier");
    let r = report(root, "en");
    let stale = &r["stale"][0];
    assert_eq!(
        stale["structure"]["source_only"],
        serde_json::json!([5, 6]),
        "{stale:#?}"
    );
    assert_eq!(stale["structure"]["translation_only"], serde_json::json!([5]));
    assert_eq!(
        changes_of(&r),
        vec![("changed".into(), "paragraph".into(), 12, Some(11))]
    );
    let (_, out, _) = check(root, &["--lang", "en"]);
    assert!(
        out.contains("blocks of the source with no counterpart in the translation: sources/fr/01-a.md:5, sources/fr/01-a.md:6"),
        "{out}"
    );
    assert!(
        out.contains("blocks of the translation with no counterpart in the source: sources/en/01-a.md:5"),
        "{out}"
    );
    assert!(
        out.contains("changed paragraph at sources/fr/01-a.md:12 (translation sources/en/01-a.md:11)"),
        "{out}"
    );
}

#[test]
fn hash_only_status_files_get_their_snapshot_on_first_sight() {
    // Before issue 19 a chapter accepted by hash only stayed so until accepted again;
    // now its snapshot is written the first time it is seen unchanged.
    let dir = sample_one_layout();
    let root = dir.path();
    fs::remove_dir_all(root.join("sources/en/.accepted")).unwrap();
    assert_eq!(report(root, "en")["stale"], serde_json::json!([]));
    assert!(root.join("sources/en/.accepted/01-introduction.txt").is_file());
    edit(&root.join("sources/fr/01-introduction.md"), "Pour qui ?", "Pour qui est-il ?");
    let r = report(root, "en");
    assert_eq!(r["stale"][0]["changes"][0]["kind"], "heading");
    assert_eq!(r["stale"][0]["changes"][0]["translation_line"], 16);
    // A chapter whose source changed before any snapshot: still the hint.
    fs::remove_dir_all(root.join("sources/en/.accepted")).unwrap();
    let r = report(root, "en");
    assert_eq!(r["stale"][0]["no_snapshot"], true);
    assert_eq!(r["stale"][0]["changes"], serde_json::json!([]));
    let (_, out, _) = check(root, &["--lang", "en"]);
    assert!(out.contains("stale sources/en/01-introduction.md (the source chapter changed since it was reviewed)"), "{out}");
    assert!(out.contains("hint: only a hash of the accepted source was kept"), "{out}");
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-introduction:16"]);
    assert_eq!(code, 2);
    assert!(err.contains("hint: review the whole chapter and accept it once"), "{err}");
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-introduction"]);
    assert_eq!(code, 0, "{err}");
    // From now on, changes come block by block.
    edit(&root.join("sources/fr/01-introduction.md"), "Pour qui est-il ?", "Pour qui ?");
    let r = report(root, "en");
    assert_eq!(r["stale"][0]["changes"][0]["kind"], "heading");
    assert_eq!(r["stale"][0]["changes"][0]["translation_line"], 16);
}

/// Every PDF under `dir`, by path, with its bytes.
fn pdfs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn snapshots_change_nothing_in_what_is_built() {
    let dir = sample_one_layout();
    let root = dir.path();
    let build = |args: &[&str]| {
        let (code, _, err) = livret_in(root, "build", args);
        assert_eq!(code, 0, "{err}");
    };
    build(&["--lang", "en", "--lang", "bm", "--no-print"]);
    let before = pdfs(&root.join("out"));
    assert!(before.len() >= 4, "{:?}", before.iter().map(|p| &p.0).collect::<Vec<_>>());
    // Accept every English chapter and a Bambara one: snapshots in both folders.
    let stems = [
        "01-introduction",
        "02-forces",
        "03-droits-devoirs",
        "04-comites-veille",
        "05-signaler",
        "06-cooperer",
        "07-victimes-temoins",
        "08-contacts",
        "09-glossaire",
    ];
    let mut args = vec!["--lang", "en"];
    for s in &stems {
        args.extend(["--accept", s]);
    }
    // English is then whole and reviewed: nothing left to list.
    let (code, out, err) = check(root, &args);
    assert_eq!(code, 0, "{out}{err}");
    // The Bambara draft still lacks chapters.
    let (code, out, err) = check(root, &["--lang", "bm", "--accept", "05-signaler"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(files_under(&root.join("sources/en/.accepted")).len(), 9);
    fs::remove_dir_all(root.join("out")).unwrap();
    build(&["--lang", "en", "--lang", "bm", "--no-print"]);
    let after = pdfs(&root.join("out"));
    assert_eq!(before.len(), after.len());
    for ((name, a), (name2, b)) in before.iter().zip(&after) {
        assert_eq!(name, name2);
        assert!(a == b, "{name} differs once snapshots exist");
    }
}

#[test]
fn a_damaged_snapshot_is_named_with_its_line_and_what_to_do() {
    let dir = accepted_pair();
    let root = dir.path();
    let snap = root.join("sources/en/.accepted/01-a.txt");
    let text = fs::read_to_string(&snap).unwrap();
    // Cut inside the last block's text: its header announces more lines than remain.
    let cut = text.trim_end().rsplit_once('\n').unwrap().0.to_string() + "\n";
    fs::write(&snap, &cut).unwrap();
    edit(&root.join("sources/fr/01-a.md"), "Troisième", "Dernier");
    let (code, _, err) = check(root, &["--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    let header = cut.lines().count();
    assert!(
        err.contains(&format!(
            "sources/en/.accepted/01-a.txt:{header}:1: the block announces 1 line(s)"
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "delete it and accept the chapter again: livret check --lang en --accept 01-a"
        ),
        "{err}"
    );
    // Nothing was rewritten.
    assert_eq!(fs::read_to_string(&snap).unwrap(), cut);
}

#[test]
fn a_translation_already_updated_is_paired_with_the_new_source() {
    let dir = accepted_pair();
    let root = dir.path();
    edit(&root.join("sources/fr/01-a.md"), "- deux.\n", "- deux.\n- trois.\n");
    edit(&root.join("sources/fr/01-a.md"), "Deuxième paragraphe.\n\n", "");
    // The translator followed both changes before accepting them.
    edit(&root.join("sources/en/01-a.md"), "- two.\n", "- two.\n- three.\n");
    edit(&root.join("sources/en/01-a.md"), "Second paragraph.\n\n", "");
    let r = report(root, "en");
    assert_eq!(
        changes_of(&r),
        vec![
            ("added".into(), "item".into(), 7, Some(7)),
            ("removed".into(), "paragraph".into(), 9, None)
        ],
        "{r:#?}"
    );
    let (_, out, _) = check(root, &["--lang", "en"]);
    assert!(
        out.contains(
            "added item at sources/fr/01-a.md:7 (translation sources/en/01-a.md:7)"
        ),
        "{out}"
    );
    assert!(out.contains("removed paragraph, was before sources/fr/01-a.md:9 (no longer in the translation)"), "{out}");
    assert!(out.contains("[-Deuxième paragraphe.-]"), "{out}");
}

#[test]
fn typst_chapters_are_compared_block_by_block_too() {
    let fr = "= Contacts\n\nNotez ici les numéros.\n\n#table(columns: 2, [Police], [])\n\n_Au crayon._\n";
    let en = "= Contacts\n\nWrite the numbers here.\n\n#table(columns: 2, [Police], [])\n\n_In pencil._\n";
    let dir = mini_project(&[("01-a.typ", fr)]);
    let root = dir.path();
    add_language(root, "en", "English", &[("01-a.typ", en)]);
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{err}");
    edit(&root.join("sources/fr/01-a.typ"), "[Police]", "[Police, gendarmerie]");
    let r = report(root, "en");
    assert_eq!(
        changes_of(&r),
        vec![("changed".into(), "code".into(), 5, Some(5))],
        "{r:#?}"
    );
    let (code, _, err) = check(root, &["--lang", "en", "--accept", "01-a:5"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report(root, "en")["stale"], serde_json::json!([]));
}
