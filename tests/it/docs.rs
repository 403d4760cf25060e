//! The user guide never goes stale: every `livret` command in docs/ runs, in order, in a
//! brand-new guide made by the guide's own first command (`livret new mon-guide`, then
//! `cd mon-guide`), as a newcomer would type them; and the pictures in docs/images/ are
//! exactly what livret draws for the commands shown.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

/// A command of the guide: `livret` and its arguments, or `cd` and its folder.
type Line = Vec<String>;

/// The `livret …` and `cd …` lines of the ```sh blocks of a Markdown file, in order.
fn commands(doc: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        if in_sh && (line.starts_with("livret ") || line.starts_with("cd ")) {
            let command = line.split(" # ").next().unwrap();
            out.push(command.split_whitespace().map(String::from).collect());
        }
    }
    out
}

/// What running a guide's commands left: the temp folder it started in, the guide's
/// folder the commands ended in, and each `livret` command with its exit code and stdout.
struct Run {
    _tmp: tempfile::TempDir,
    guide: PathBuf,
    codes: Vec<(String, i32, String)>,
}

/// Runs every command of `doc` from a fresh temp folder, following its `cd`s.
fn run_doc(doc: &Path) -> Run {
    let text = fs::read_to_string(doc).unwrap();
    let commands = commands(&text);
    assert!(commands.len() >= 20, "{}: only {} commands", doc.display(), commands.len());
    // A newcomer's first steps: make a guide, go into it.
    assert_eq!(commands[0][..2], ["livret", "new"], "{}", doc.display());
    assert_eq!(commands[1], ["cd", commands[0][2].as_str()], "{}", doc.display());
    let tmp = tempfile::tempdir().unwrap();
    let mut dir = tmp.path().to_path_buf();
    let mut codes = Vec::new();
    for line in commands {
        if line[0] == "cd" {
            dir = dir.join(&line[1]);
            assert!(dir.is_dir(), "{}: `cd {}`: no such folder", doc.display(), line[1]);
            continue;
        }
        let mut args = line[1..].to_vec();
        // `watch` runs until Ctrl-C: here it stops after its first build.
        if args[0] == "watch" {
            args.extend(["--max-builds".into(), "1".into()]);
        }
        let out = crate::support::livret_process()
            .args(&args)
            .current_dir(&dir)
            .env_remove("LIVRET_LANG")
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // 0, or 1 for the commands that report problems (the fresh guide's Bambara is
        // not translated yet); never 2 (an error).
        let reports = ["check", "images", "fonts"].contains(&args[0].as_str());
        assert!(
            code == 0 || (code == 1 && reports),
            "{}: `livret {}` exited {code}:\n{stderr}",
            doc.display(),
            args.join(" ")
        );
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        codes.push((args.join(" "), code, stdout));
    }
    Run { _tmp: tmp, guide: dir, codes }
}

/// What the guide says of the commands that report problems in a fresh guide.
fn check_reports(doc: &Path, run: &Run) {
    let code_of = |command: &str| {
        run.codes
            .iter()
            .find(|(c, _, _)| c == command)
            .unwrap_or_else(|| panic!("{}: `livret {command}` not run", doc.display()))
    };
    // Bambara's chapters are placeholders: check says so and exits 1.
    let (_, code, out) = code_of("check --lang bm");
    assert_eq!(*code, 1, "{out}");
    assert!(
        out.contains("sources/bm/01-introduction.md: 3 blocks are not translated yet"),
        "{out}"
    );
    // English is the sample translation: nothing to report.
    let (_, code, out) = code_of("check --lang en --accept 01-introduction");
    assert_eq!(*code, 0, "{out}");
}

/// Edits `[guide.changes]` as the guide says (its lines replaced by the ```toml block
/// that shows them, under the table `livret new` wrote): the guide builds and prints them.
fn check_changes_edit(doc: &Path, guide: &Path) {
    let text = fs::read_to_string(doc).unwrap();
    let block = text
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.starts_with("fr = ["))
        .unwrap_or_else(|| panic!("{}: no ```toml block of changes", doc.display()));
    let manifest_path = guide.join("sources/guide.toml");
    let manifest = fs::read_to_string(&manifest_path).unwrap();
    let written =
        "[guide.changes]\nfr = [\"Première édition.\"]\nen = [\"First edition.\"]\n";
    assert!(manifest.contains(written), "{manifest}");
    let edited = manifest.replace(written, &format!("[guide.changes]\n{block}"));
    fs::write(&manifest_path, edited).unwrap();
    let (code, out, err) = livret_in(guide, "build", &["--lang", "fr", "--no-print"]);
    assert_eq!(code, 0, "{}: the edited [guide.changes]: {out}{err}", doc.display());
    let id = guide.file_name().unwrap().to_str().unwrap();
    let pdf = guide.join(format!("out/{id}/fr/pocket-a6/{id}-fr-pocket-a6.pdf"));
    let printed = normalize(&pdf_text(&pdf, None));
    assert!(printed.contains("Nouveau chapitre sur les témoins."), "{printed}");
}

/// Checks the pictures the docs' commands drew against docs/images/, and that every
/// picture the doc shows exists.
fn check_pictures(doc: &Path, project: &Path) {
    for scheme in ["saddle", "cutstack", "copies", "signatures", "zine"] {
        let drawn = fs::read(project.join(format!("images/{scheme}/side-1.png")))
            .unwrap_or_else(|e| {
                panic!("{scheme}: not drawn by the docs' commands ({e})")
            });
        let shown =
            fs::read(repo().join(format!("docs/images/{scheme}-side-1.png"))).unwrap();
        assert!(
            drawn == shown,
            "docs/images/{scheme}-side-1.png differs from what livret draws: run `bash tools/docs-pictures.sh`"
        );
    }
    // The job sheet's pages, as `--preview` draws them.
    for (page, lang) in [(1, "fr"), (2, "en")] {
        let drawn = fs::read(project.join(format!("images/cutstack/ticket-{page}.png")))
            .unwrap_or_else(|e| panic!("job sheet page {page}: not drawn ({e})"));
        let shown =
            fs::read(repo().join(format!("docs/images/cutstack-ticket-{lang}.png")))
                .unwrap();
        assert!(
            drawn == shown,
            "docs/images/cutstack-ticket-{lang}.png differs from what livret draws: run `bash tools/docs-pictures.sh`"
        );
    }
    let text = fs::read_to_string(doc).unwrap();
    // Each scheme's steps in the guide are its job ticket's, in the guide's language.
    let french = doc.to_string_lossy().contains("/fr/");
    for scheme in ["saddle", "cutstack", "copies", "signatures", "zine"] {
        let ticket = fs::read_to_string(project.join(format!("{scheme}.txt"))).unwrap();
        let (fr, en) = ticket.split_once("\n----").unwrap();
        let part = if french { fr } else { en };
        let steps: Vec<&str> = part
            .lines()
            .filter(|l| l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok()))
            .collect();
        let marker = format!("<!-- steps:{scheme} -->\n");
        let shown =
            text.split(&marker).nth(1).unwrap().split("<!-- /steps -->").next().unwrap();
        assert_eq!(
            shown.lines().collect::<Vec<_>>(),
            steps,
            "{}: the {scheme} steps differ from its job ticket: run `bash tools/docs-pictures.sh`",
            doc.display()
        );
    }
    for image in text.split("](../images/").skip(1) {
        let name = &image[..image.find(')').unwrap()];
        assert!(repo().join("docs/images").join(name).exists(), "{name} missing");
    }
}

#[test]
fn the_french_guide_runs() {
    let doc = repo().join("docs/fr/guide.md");
    let run = run_doc(&doc);
    check_reports(&doc, &run);
    check_pictures(&doc, &run.guide);
    check_changes_edit(&doc, &run.guide);
    // What the guide promises exists.
    let guide = &run.guide;
    assert!(guide.ends_with("mon-guide"), "{}", guide.display());
    assert!(
        guide
            .join("out/mon-guide/bm/pocket-a6/mon-guide-bm-pocket-a6-screen.pdf")
            .exists()
    );
    assert!(guide.join("pour-imprimeur/README.txt").exists());
    assert!(guide.join("pour-imprimeur-fr-en/README.txt").exists());
    assert!(guide.join("livret-a4.txt").exists());
    // The offset written with a decimal comma, as the French guide shows it.
    let ticket = fs::read_to_string(guide.join("livret-etalonne.txt")).unwrap();
    assert!(ticket.contains("1.5") || ticket.contains("1,5"), "{ticket}");
}

#[test]
fn the_english_guide_runs() {
    let doc = repo().join("docs/en/guide.md");
    let run = run_doc(&doc);
    check_reports(&doc, &run);
    check_pictures(&doc, &run.guide);
    check_changes_edit(&doc, &run.guide);
    let guide = &run.guide;
    assert!(guide.ends_with("my-guide"), "{}", guide.display());
    assert!(
        guide.join("out/my-guide/fr/pocket-a6/my-guide-fr-pocket-a6-screen.pdf").exists()
    );
    assert!(guide.join("for-the-printer/README.txt").exists());
    assert!(guide.join("booklet-a4.txt").exists());
}

#[test]
fn both_guides_show_the_same_commands() {
    // The French and English guides are translations: same commands, same order
    // (names of folders and files aside).
    let verbs = |lang: &str| -> Vec<String> {
        let text =
            fs::read_to_string(repo().join(format!("docs/{lang}/guide.md"))).unwrap();
        // `cd` and each livret command's verb.
        commands(&text)
            .into_iter()
            .map(|c| if c[0] == "cd" { c[0].clone() } else { c[1].clone() })
            .collect()
    };
    assert_eq!(verbs("fr"), verbs("en"));
}

#[test]
fn both_guides_show_the_report_of_an_edited_fresh_guide() {
    // The edit the guides describe, in a guide made as they make it.
    let tmp = tempfile::tempdir().unwrap();
    let guide = tmp.path().join("mon-guide");
    let (code, _, err) = livret(&[
        "new",
        guide.to_str().unwrap(),
        "--lang",
        "fr,bm,en",
        "--layout",
        "pocket-a6",
    ]);
    assert_eq!(code, 0, "{err}");
    let fr = guide.join("sources/fr/01-introduction.md");
    let text = fs::read_to_string(&fr).unwrap();
    fs::write(&fr, text.replace("peuvent travailler", "peuvent mieux travailler"))
        .unwrap();
    // Each guide quotes the report in its own language.
    for (doc, ui, start) in [
        ("docs/en/guide.md", "en", "en: stale"),
        ("docs/fr/guide.md", "fr", "en : sources/en/01-introduction.md est périmé"),
    ] {
        let (code, out, _) =
            livret_in(&guide, "check", &["--lang", "en", "--ui-lang", ui]);
        assert_eq!(code, 1, "{out}");
        let text = fs::read_to_string(repo().join(doc)).unwrap();
        let shown = text
            .split("```text\n")
            .find(|b| b.starts_with(start))
            .unwrap_or_else(|| panic!("{doc}: no stale report shown"))
            .split("```")
            .next()
            .unwrap();
        for line in shown.lines() {
            assert!(out.contains(line), "{doc}: {line:?} not in:\n{out}");
        }
    }
}
