//! Incremental builds: what is rebuilt after which change, the record of finished
//! targets, report.json against the files on disk, and interrupted builds.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command as Process, Stdio};

use sha2::{Digest, Sha256};

use crate::support::*;

/// `livret build` with `args`; returns stdout (and asserts success).
fn build(project: &Path, args: &[&str]) -> String {
    let (code, out, err) = livret_in(project, "build", args);
    assert_eq!(code, 0, "{err}");
    out
}

/// (built, up to date) from the build's last line.
fn counts(out: &str) -> (usize, usize) {
    let last = out.lines().last().unwrap();
    let n: Vec<usize> = last
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    (n[0], n[1])
}

/// The targets reported up to date, as `lang/layout`.
fn kept(out: &str) -> Vec<String> {
    let mut kept: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("up to date: "))
        .filter_map(|l| l.split("/out/mini/").nth(1))
        .map(|l| l.split('/').take(2).collect::<Vec<_>>().join("/"))
        .collect();
    kept.sort();
    kept
}

/// French and English, two chapters each, two layouts: four targets.
fn two_languages() -> tempfile::TempDir {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier texte.\n"),
        ("02-b.md", "# Deux\n\nSecond texte.\n"),
    ]);
    let root = dir.path();
    add_language(
        root,
        "en",
        "English",
        &[("01-a.md", "# One\n\nFirst text.\n"), ("02-b.md", "# Two\n\nSecond text.\n")],
    );
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("[[layout]]", "[[layout]]\nname = \"pocket-a7\"\n\n[[layout]]");
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn only_what_changed_is_rebuilt() {
    let dir = two_languages();
    let root = dir.path();
    assert_eq!(counts(&build(root, &[])), (4, 0));
    // Nothing changed: nothing is compiled again.
    let pdf = root.join("out/mini/en/pocket-a7/mini-en-pocket-a7.pdf");
    let before = fs::read(&pdf).unwrap();
    let out = build(root, &[]);
    assert_eq!(counts(&out), (0, 4), "{out}");
    assert_eq!(fs::read(&pdf).unwrap(), before);
    // One English chapter: exactly the two English targets.
    fs::write(root.join("sources/en/01-a.md"), "# One\n\nFirst text, revised.\n")
        .unwrap();
    let out = build(root, &[]);
    assert_eq!(counts(&out), (2, 2), "{out}");
    assert_eq!(kept(&out), ["fr/pocket-a6", "fr/pocket-a7"]);
    assert!(normalize(&pdf_text(&pdf, None)).contains("First text, revised"));
    // A layout: the targets that use it (both languages of pocket-a7).
    let layout = root.join("layouts/pocket-a7.typ");
    fs::write(&layout, fs::read_to_string(&layout).unwrap() + "\n// touched\n").unwrap();
    let out = build(root, &[]);
    assert_eq!(counts(&out), (2, 2), "{out}");
    assert_eq!(kept(&out), ["en/pocket-a6", "fr/pocket-a6"]);
    // A damaged output is rebuilt; --force rebuilds everything.
    fs::write(&pdf, b"damaged").unwrap();
    assert_eq!(counts(&build(root, &[])), (1, 3));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert_eq!(counts(&build(root, &["--force"])), (4, 0));
    // An option that changes the output (--no-print) rebuilds too.
    assert_eq!(counts(&build(root, &["--no-print"])), (4, 0));
}

/// Hex SHA-256 of a file.
fn sha256(path: &Path) -> String {
    Sha256::digest(fs::read(path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn report_matches_the_files_on_disk() {
    let dir = two_languages();
    let root = dir.path();
    build(root, &["-j", "2"]);
    let report: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join("out/mini/report.json")).unwrap())
            .unwrap();
    let outputs = report["outputs"].as_array().unwrap();
    let mut listed = Vec::new();
    for o in outputs {
        let path = root.join(o["path"].as_str().unwrap());
        assert_eq!(o["sha256"].as_str().unwrap(), sha256(&path), "{o}");
        assert_eq!(o["bytes"].as_u64().unwrap(), fs::metadata(&path).unwrap().len());
        if o["kind"] == "reading" || o["kind"] == "screen" {
            assert_eq!(o["pages"].as_u64().unwrap() as usize, pdf_info(&path).0, "{o}");
        }
        listed.push(o["path"].as_str().unwrap().to_string());
    }
    // Every PDF and ticket under out/ is in the report.
    for file in files_under(&root.join("out/mini")) {
        if file.ends_with(".pdf") || file.ends_with(".txt") {
            assert!(
                listed.iter().any(|l| l.ends_with(&file)),
                "{file} not in the report"
            );
        }
    }
    assert_eq!(report["guide"], "mini");
}

#[test]
fn an_interrupted_build_marks_no_target_done_without_its_files() {
    // The reading editions only: what is interrupted is the same target pipeline.
    let dir = sample_project();
    let root = dir.path();
    let mut child = crate::support::livret_process()
        .args(["build", "--no-print", "-j", "1", "--project"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as the first target is reported: later ones are mid-way.
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("wrote"), "{first}");
    child.kill().unwrap();
    child.wait().unwrap();
    let records = root.join("out/.livret/targets");
    let finished: Vec<_> =
        fs::read_dir(&records).map(|d| d.flatten().collect()).unwrap_or_default();
    assert!(finished.len() < 8, "the build was stopped before the end");
    for record in &finished {
        let record: serde_json::Value =
            serde_json::from_slice(&fs::read(record.path()).unwrap()).unwrap();
        for o in record["outputs"].as_array().unwrap() {
            let path = root.join(o["path"].as_str().unwrap());
            assert_eq!(o["sha256"].as_str().unwrap(), sha256(&path), "{o}");
        }
    }
    // No half-written file anywhere; the next build finishes the rest.
    assert!(files_under(&root.join("out")).iter().all(|f| !f.ends_with(".tmp")));
    let out = build(root, &["--no-print"]);
    assert_eq!(counts(&out).0 + counts(&out).1, 8);
    assert_eq!(counts(&out).1, finished.len(), "{out}");
}

#[test]
fn a_second_build_at_once_is_refused_and_a_stale_lock_is_taken_over() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let root = dir.path();
    let lock = root.join("out/.livret/lock");
    fs::create_dir_all(lock.parent().unwrap()).unwrap();
    // A running process holds the lock.
    let mut holder = Process::new("sleep").arg("60").spawn().unwrap();
    fs::write(&lock, holder.id().to_string()).unwrap();
    let out = crate::support::livret_assert()
        .args(["build", "--project"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: another livret build is running"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert!(!root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf").exists());
    // Once it is gone, its lock is stale: the build takes it over and releases it.
    holder.kill().unwrap();
    holder.wait().unwrap();
    build(root, &[]);
    assert!(root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf").exists());
    assert!(!lock.exists());
}

#[test]
fn shards_partition_the_targets_and_their_reports_merge_into_the_whole() {
    let whole = two_languages();
    let list = |root: &Path, shard: Option<&str>| -> Vec<String> {
        let mut args = vec!["build", "--list-targets", "--format", "json", "--project"];
        let root = root.to_str().unwrap().to_string();
        args.push(&root);
        if let Some(s) = shard {
            args.extend(["--shard", s]);
        }
        let (code, out, err) = livret(&args);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|t| {
                format!(
                    "{}/{}",
                    t["lang"].as_str().unwrap(),
                    t["layout"].as_str().unwrap()
                )
            })
            .collect()
    };
    let all = list(whole.path(), None);
    assert_eq!(all.len(), 4);
    // Three shards: disjoint, together everything, the same answer every time.
    let mut union = Vec::new();
    for k in 1..=3 {
        let part = list(whole.path(), Some(&format!("{k}/3")));
        assert_eq!(part, list(whole.path(), Some(&format!("{k}/3"))));
        assert!(part.iter().all(|t| !union.contains(t)), "{part:?} overlaps {union:?}");
        union.extend(part);
    }
    union.sort();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(union, sorted);

    // Two "machines" each build one shard; their reports merge into the whole build's.
    build(whole.path(), &[]);
    let machines = [two_languages(), two_languages()];
    let mut reports = Vec::new();
    for (k, machine) in machines.iter().enumerate() {
        let out = build(machine.path(), &["--shard", &format!("{}/2", k + 1)]);
        assert_eq!(counts(&out), (2, 0), "{out}");
        reports.push(machine.path().join("out/mini/report.json"));
    }
    let merged = whole.path().join("merged.json");
    let (code, _, err) = livret(&[
        "report",
        "merge",
        reports[0].to_str().unwrap(),
        reports[1].to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let files = |path: &Path| -> Vec<(String, String)> {
        let json: serde_json::Value =
            serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        let mut files: Vec<(String, String)> = json["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (o["path"].as_str().unwrap().into(), o["sha256"].as_str().unwrap().into())
            })
            .collect();
        files.sort();
        files
    };
    assert_eq!(files(&merged), files(&whole.path().join("out/mini/report.json")));

    // Reports that disagree about a file do not merge.
    let text = fs::read_to_string(&reports[1]).unwrap();
    let first_sha = text.split("\"sha256\": \"").nth(1).unwrap()[..64].to_string();
    let tampered = whole.path().join("tampered.json");
    fs::write(&tampered, text.replacen(&first_sha, &"0".repeat(64), 1)).unwrap();
    let (code, _, err) = livret(&[
        "report",
        "merge",
        reports[1].to_str().unwrap(),
        tampered.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("differs from the same file"), "{err}");
    // A bad shard is a usage error.
    let (code, _, err) =
        livret(&["build", "--shard", "3/2", "--project", whole.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("K must be between 1 and N"), "{err}");
}
