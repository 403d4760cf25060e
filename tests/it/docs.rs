//! The user guide never goes stale: every `livret` command in docs/ runs, in order,
//! on a copy of the sample guide, and the pictures in docs/images/ are exactly what
//! livret draws for the commands shown.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

/// The `livret …` lines of the ```sh blocks of a Markdown file, in order.
fn commands(doc: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        if in_sh && line.starts_with("livret ") {
            let command = line.split(" # ").next().unwrap();
            out.push(command.split_whitespace().skip(1).map(String::from).collect());
        }
    }
    out
}

/// Runs every command of `doc` in a copy of the built sample guide; returns its folder.
fn run_doc(doc: &Path) -> tempfile::TempDir {
    let text = fs::read_to_string(doc).unwrap();
    let commands = commands(&text);
    assert!(
        commands.len() >= 20,
        "{}: only {} commands found",
        doc.display(),
        commands.len()
    );
    // The sample as the run's shared build left it: the guide's first `livret build`
    // finds every target up to date (the other commands still build what they change).
    let dir = built_sample_copy();
    for mut args in commands {
        // `watch` runs until Ctrl-C: here it stops after its first build.
        if args[0] == "watch" {
            args.extend(["--max-builds".into(), "1".into()]);
        }
        let out = Command::new(env!("CARGO_BIN_EXE_livret"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // 0, or 1 for the commands that report problems (the sample guide has
        // unfinished translations); never 2 (an error).
        let reports = ["check", "images", "fonts"].contains(&args[0].as_str());
        assert!(
            code == 0 || (code == 1 && reports),
            "{}: `livret {}` exited {code}:\n{stderr}",
            doc.display(),
            args.join(" ")
        );
    }
    dir
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
    let project = run_doc(&doc);
    check_pictures(&doc, project.path());
    // What the guide promises exists.
    assert!(project.path().join("mon-guide/out/mon-guide/bm/pocket-a6").is_dir());
    assert!(project.path().join("pour-imprimeur/README.txt").exists());
    assert!(project.path().join("livret-a4.txt").exists());
}

#[test]
fn the_english_guide_runs() {
    let doc = repo().join("docs/en/guide.md");
    let project = run_doc(&doc);
    check_pictures(&doc, project.path());
    assert!(project.path().join("my-guide/out/my-guide/fr/pocket-a6").is_dir());
    assert!(project.path().join("for-the-printer/README.txt").exists());
    assert!(project.path().join("booklet-a4.txt").exists());
}

#[test]
fn both_guides_show_the_same_commands() {
    // The French and English guides are translations: same commands, same order
    // (names of folders and files aside).
    let verbs = |lang: &str| -> Vec<String> {
        let text =
            fs::read_to_string(repo().join(format!("docs/{lang}/guide.md"))).unwrap();
        commands(&text).into_iter().map(|c| c[0].clone()).collect()
    };
    assert_eq!(verbs("fr"), verbs("en"));
}
