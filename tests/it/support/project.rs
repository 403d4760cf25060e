//! Fixture projects in temporary folders, built from the repository's sample guide,
//! layouts and fonts.

use std::fs;
use std::path::{Path, PathBuf};

/// The repository root (where the sample guide lives).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of the bundled sample project (sources, layouts, fonts), with the
/// image cache (`out/.cache/images`) of the run's shared build: its images are
/// prepared once per run, not again in every copy (the shared build prepares them
/// from nothing, and the image tests use projects of their own). Nothing else of
/// `out/` is copied: every target is still built.
pub fn sample_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["sources", "layouts", "fonts"] {
        copy_dir(&repo().join(sub), &dir.path().join(sub));
    }
    let images = "out/.cache/images";
    copy_dir(&super::built_sample().root.join(images), &dir.path().join(images));
    dir
}

/// A minimal project: the real layouts and fonts, one French chapter per entry of
/// `chapters` (file name → content), and a manifest built from `extra` TOML lines.
pub fn mini_project(chapters: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
    copy_dir(&repo().join("fonts"), &dir.path().join("fonts"));
    fs::create_dir_all(dir.path().join("sources/fr")).unwrap();
    let mut stems = Vec::new();
    for (name, text) in chapters {
        fs::write(dir.path().join("sources/fr").join(name), text).unwrap();
        let stem = name.rsplit_once('.').map_or(*name, |(s, _)| s);
        stems.push(format!("\"{stem}\""));
    }
    fs::write(dir.path().join("sources/guide.toml"), mini_manifest(&stems.join(", ")))
        .unwrap();
    dir
}

/// The manifest of [`mini_project`] with the given chapter list (TOML array body).
pub fn mini_manifest(chapters: &str) -> String {
    format!(
        r#"[guide]
id = "mini"
source-language = "fr"
title = {{ fr = "Petit guide" }}
publisher = "Essai"
edition = 1
date = 2026-01-15
licence = "CC BY 4.0"
chapters = [{chapters}]

[[language]]
code = "fr"
name = "Français"
fonts = ["Andika"]

[[layout]]
name = "pocket-a6"
"#
    )
}

/// Adds a language (Andika fonts) to a [`mini_project`], with its chapter files.
pub fn add_language(root: &Path, code: &str, name: &str, chapters: &[(&str, &str)]) {
    fs::create_dir_all(root.join("sources").join(code)).unwrap();
    for (file, text) in chapters {
        fs::write(root.join("sources").join(code).join(file), text).unwrap();
    }
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap().replacen(
        "[[layout]]",
        &format!("[[language]]\ncode = \"{code}\"\nname = \"{name}\"\nfonts = [\"Andika\"]\n\n[[layout]]"),
        1,
    );
    fs::write(&manifest, text).unwrap();
}

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}
