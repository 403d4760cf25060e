//! One door for files: project files read and outputs written only inside the project
//! (symlinks leading out refused), `livret impose` never writing over its input, the
//! temporary files of killed runs swept away, and a chapter saved during a build
//! rebuilt by the next one.

use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// A one-chapter French project.
fn project() -> tempfile::TempDir {
    mini_project(&[("01-a.md", "# Un\n\nPremier texte.\n")])
}

/// The reading PDF of the mini project's French A6 target.
const READING_PDF: &str = "out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf";

/// Runs `livret build` and asserts it fails as bad input (exit 2) with each needle
/// in its error output; gives stderr.
fn build_refused(root: &Path, needles: &[&str]) -> String {
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    for needle in needles {
        assert!(err.contains(needle), "`{needle}` not in: {err}");
    }
    err
}

/// Every PDF under `dir`, relative.
fn pdfs_under(dir: &Path) -> Vec<String> {
    files_under(dir).into_iter().filter(|f| f.ends_with(".pdf")).collect()
}

#[test]
fn a_manifest_symlinked_out_of_the_project_is_refused() {
    let dir = project();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("guide.toml");
    fs::rename(root.join("sources/guide.toml"), &target).unwrap();
    symlink(&target, root.join("sources/guide.toml")).unwrap();
    build_refused(
        root,
        &["sources/guide.toml is a symlink to", "outside the project folder"],
    );
    assert!(!root.join("out").exists(), "nothing is written");
}

#[test]
fn a_manifest_symlinked_to_etc_passwd_is_refused_without_showing_it() {
    let dir = project();
    let root = dir.path();
    fs::remove_file(root.join("sources/guide.toml")).unwrap();
    symlink("/etc/passwd", root.join("sources/guide.toml")).unwrap();
    let err = build_refused(root, &["sources/guide.toml is a symlink to /etc/passwd"]);
    assert!(!err.contains("root:"), "the file's text is not shown: {err}");
    assert!(!root.join("out").exists());
}

#[test]
fn a_fonts_folder_symlinked_out_of_the_project_is_refused() {
    let dir = project();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    fs::rename(root.join("fonts"), outside.path().join("fonts")).unwrap();
    symlink(outside.path().join("fonts"), root.join("fonts")).unwrap();
    build_refused(root, &["fonts is a symlink to", "replace fonts with a real folder"]);
    assert!(pdfs_under(root).is_empty());
    // `/usr` too: never walked.
    fs::remove_file(root.join("fonts")).unwrap();
    symlink("/usr", root.join("fonts")).unwrap();
    build_refused(root, &["fonts is a symlink to /usr"]);
}

#[test]
fn a_chapter_symlinked_out_of_the_project_is_refused() {
    let dir = project();
    let root = dir.path();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "# Secret\n\nNot part of the guide.\n").unwrap();
    fs::remove_file(root.join("sources/fr/01-a.md")).unwrap();
    symlink(outside.path(), root.join("sources/fr/01-a.md")).unwrap();
    build_refused(
        root,
        &["sources/fr/01-a.md: the path leads outside the project folder"],
    );
    assert!(pdfs_under(root).is_empty());
}

#[test]
fn a_chapter_symlinked_inside_the_project_is_read() {
    let dir = project();
    let root = dir.path();
    fs::rename(root.join("sources/fr/01-a.md"), root.join("chapter.md")).unwrap();
    symlink(root.join("chapter.md"), root.join("sources/fr/01-a.md")).unwrap();
    let (code, _, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(pdf_text(&root.join(READING_PDF), None).contains("Premier texte"));
}

#[test]
fn an_image_symlinked_out_of_the_project_is_refused_at_its_chapter_line() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n\n![Vue](images/vue.png)\n")]);
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    let png = outside.path().join("vue.png");
    let image = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 40, 40]));
    image.save(&png).unwrap();
    fs::create_dir_all(root.join("sources/images")).unwrap();
    symlink(&png, root.join("sources/images/vue.png")).unwrap();
    build_refused(
        root,
        &[
            "sources/fr/01-a.md:5:1: image `images/vue.png`: the path leads outside the project",
        ],
    );
    assert!(pdfs_under(root).is_empty());
}

#[test]
fn a_symlink_in_the_image_cache_is_not_followed() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n\n![Vue](images/vue.png)\n")]);
    let root = dir.path();
    fs::create_dir_all(root.join("sources/images")).unwrap();
    let image = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 40, 40]));
    image.save(root.join("sources/images/vue.png")).unwrap();
    let (code, _, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    // Replace one cache entry with a link to a file outside, then build again.
    let cache = root.join("out/.cache/images");
    let entry = fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "{}").unwrap();
    fs::remove_file(&entry).unwrap();
    symlink(outside.path(), &entry).unwrap();
    let name = entry.file_name().unwrap().to_str().unwrap();
    let (code, _, err) = livret_in(root, "build", &["--no-print", "--force"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("out/.cache/images/{name} is a symlink to")), "{err}");
    assert_eq!(fs::read_to_string(outside.path()).unwrap(), "{}", "left untouched");
    // The whole cache folder linked outside: nothing is written through it.
    fs::remove_dir_all(&cache).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), &cache).unwrap();
    let (code, _, err) = livret_in(root, "build", &["--no-print", "--force"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("out/.cache/images is a symlink to"), "{err}");
    assert!(files_under(elsewhere.path()).is_empty(), "nothing written outside");
}

#[test]
fn an_output_folder_symlinked_out_of_the_project_is_refused() {
    let dir = project();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.join("out/mini")).unwrap();
    symlink(elsewhere.path(), root.join("out/mini/fr")).unwrap();
    build_refused(
        root,
        &["out/mini/fr is a symlink to", "livret does not write through it"],
    );
    assert!(files_under(elsewhere.path()).is_empty(), "nothing written outside");
    assert!(!root.join("out/.livret/lock").exists(), "the lock is released");
}

#[test]
fn the_records_folder_symlinked_out_of_the_project_is_refused() {
    let dir = project();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.join("out")).unwrap();
    symlink(elsewhere.path(), root.join("out/.livret")).unwrap();
    build_refused(root, &["out/.livret is a symlink to"]);
    assert!(files_under(elsewhere.path()).is_empty(), "no lock nor record outside");
}

#[test]
fn an_output_file_symlinked_out_of_the_project_is_replaced_not_written_through() {
    let dir = project();
    let root = dir.path();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "precious").unwrap();
    let pdf = root.join(READING_PDF);
    fs::create_dir_all(pdf.parent().unwrap()).unwrap();
    symlink(outside.path(), &pdf).unwrap();
    let (code, _, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read_to_string(outside.path()).unwrap(), "precious");
    assert!(!fs::symlink_metadata(&pdf).unwrap().file_type().is_symlink());
    assert!(pdf_text(&pdf, None).contains("Premier texte"));
}

/// A small PDF to impose, in a fresh folder: (folder, PDF).
fn pdf_to_impose(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = project();
    let (code, _, err) = livret_in(dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    let input = dir.path().join(name);
    fs::create_dir_all(input.parent().unwrap()).unwrap();
    fs::copy(dir.path().join(READING_PDF), &input).unwrap();
    (dir, input)
}

/// `livret impose` refused as bad input before writing anything: the input is
/// unchanged and no file other than `keep` is in its folder afterwards.
fn impose_refused(input: &Path, args: &[&str], needles: &[&str]) {
    let before = fs::read(input).unwrap();
    let folder = input.parent().unwrap();
    let listed = |dir: &Path| {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files = listed(folder);
    let mut all =
        vec!["impose", input.to_str().unwrap(), "--scheme", "saddle", "--sheet", "a4"];
    all.extend(args);
    let (code, out, err) = livret(&all);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    for needle in needles {
        assert!(err.contains(needle), "`{needle}` not in: {err}");
    }
    assert!(
        err.contains("would overwrite") || err.contains("one would replace"),
        "{err}"
    );
    assert_eq!(fs::read(input).unwrap(), before, "the input is untouched");
    assert_eq!(listed(folder), files, "nothing was written");
}

#[test]
fn impose_ticket_over_the_input_is_refused() {
    // `book.txt` is the input PDF; its ticket beside `book.pdf` would be `book.txt`.
    let (dir, input) = pdf_to_impose("shop/book.txt");
    let out = dir.path().join("shop/book.pdf");
    impose_refused(
        &input,
        &["-o", out.to_str().unwrap()],
        &["the job ticket", "book.txt", "OUTPUT.txt"],
    );
}

#[test]
fn impose_plan_over_the_input_is_refused() {
    let (dir, input) = pdf_to_impose("shop/in.pdf");
    let out = dir.path().join("shop/sheets.pdf");
    impose_refused(
        &input,
        &["-o", out.to_str().unwrap(), "--plan", input.to_str().unwrap()],
        &["the plan of --plan", "in.pdf", "choose another --plan"],
    );
}

#[test]
fn impose_backs_over_the_input_is_refused() {
    let (dir, input) = pdf_to_impose("shop/sheets-backs.pdf");
    let out = dir.path().join("shop/sheets.pdf");
    impose_refused(
        &input,
        &["-o", out.to_str().unwrap(), "--manual-duplex"],
        &["the backs file of --manual-duplex", "sheets-backs.pdf"],
    );
}

#[test]
fn impose_preview_over_the_input_is_refused() {
    let (dir, input) = pdf_to_impose("shop/side-1.png");
    let out = dir.path().join("sheets.pdf");
    let preview = dir.path().join("shop");
    impose_refused(
        &input,
        &["-o", out.to_str().unwrap(), "--preview", preview.to_str().unwrap()],
        &["the previews of --preview", "side-1.png", "choose another --preview"],
    );
    assert!(!out.exists());
}

#[test]
fn impose_output_through_a_symlink_or_hard_link_to_the_input_is_refused() {
    let (dir, input) = pdf_to_impose("shop/in.pdf");
    let link = dir.path().join("link.pdf");
    symlink(&input, &link).unwrap();
    impose_refused(&input, &["-o", link.to_str().unwrap()], &["the output", "in.pdf"]);
    let hard = dir.path().join("hard.pdf");
    fs::hard_link(&input, &hard).unwrap();
    impose_refused(&input, &["-o", hard.to_str().unwrap()], &["the output", "hard.pdf"]);
    // A ticket path that is a symlink to the input.
    let out = dir.path().join("shop/sheets.pdf");
    symlink(&input, dir.path().join("shop/sheets.txt")).unwrap();
    impose_refused(&input, &["-o", out.to_str().unwrap()], &["the job ticket"]);
}

#[test]
fn impose_outputs_that_are_one_file_are_refused() {
    let (dir, input) = pdf_to_impose("shop/in.pdf");
    let out = dir.path().join("shop/sheets.pdf");
    let ticket = dir.path().join("shop/sheets.txt");
    impose_refused(
        &input,
        &["-o", out.to_str().unwrap(), "--plan", ticket.to_str().unwrap()],
        &["the plan of --plan", "is also the job ticket"],
    );
}

#[test]
fn impose_with_distinct_outputs_still_works() {
    let (dir, input) = pdf_to_impose("shop/in.pdf");
    let out = dir.path().join("shop/sheets.pdf");
    let plan = dir.path().join("shop/plan.json");
    let (code, _, err) = livret(&[
        "impose",
        input.to_str().unwrap(),
        "--scheme",
        "cutstack",
        "--sheet",
        "a4",
        "-o",
        out.to_str().unwrap(),
        "--plan",
        plan.to_str().unwrap(),
        "--manual-duplex",
    ]);
    assert_eq!(code, 0, "{err}");
    for made in ["sheets.pdf", "sheets-backs.pdf", "sheets.txt", "plan.json"] {
        assert!(dir.path().join("shop").join(made).is_file(), "{made}");
    }
}

/// A temporary name as `write_atomic` makes it, for process `pid`.
fn temp_name(of: &str, pid: u32) -> String {
    format!(".{of}.{pid}-0.tmp")
}

/// The id of a process that ran and is gone (killed with SIGKILL and reaped).
fn dead_pid() -> u32 {
    let mut child = Process::new("sleep").arg("60").spawn().unwrap();
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    pid
}

#[test]
fn temporary_files_of_a_killed_run_are_swept_by_the_next_run() {
    let dir = project();
    let root = dir.path();
    // A real run killed with SIGKILL mid-build…
    let mut child = crate::support::livret_process()
        .args(["build", "--no-print", "--project"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let killed = child.id();
    let started = Instant::now();
    while !root.join("out/.livret/lock").exists()
        && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // …whose temporary files (as a kill mid-write leaves them) lie in the folders it
    // writes, beside a temporary file of a live run and files that are not livret's.
    let folder = root.join("out/mini/fr/pocket-a6");
    let stale = [
        folder.join(temp_name("mini-fr-pocket-a6.pdf", killed)),
        folder.join(temp_name("mini-fr-pocket-a6.pdf", dead_pid())),
        root.join("out/.livret/targets").join(temp_name("fr--pocket-a6.json", killed)),
    ];
    let live = folder.join(temp_name("mini-fr-pocket-a6.pdf", std::process::id()));
    let foreign = [folder.join(".notes.tmp"), folder.join(".x.12-ab.tmp")];
    for file in stale.iter().chain([&live]).chain(&foreign) {
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, b"half a file").unwrap();
    }
    // The next run that writes in those folders (forced: the killed run may have
    // finished the target) sweeps them.
    let (code, _, err) = livret_in(root, "build", &["--no-print", "--force"]);
    assert_eq!(code, 0, "{err}");
    for file in &stale {
        assert!(!file.exists(), "{} is swept", file.display());
    }
    assert!(live.exists(), "a live run's temporary file is kept");
    for file in &foreign {
        assert!(file.exists(), "{} is not livret's: kept", file.display());
    }
}

#[test]
fn an_old_temporary_file_is_swept_even_if_its_process_id_was_reused() {
    let dir = project();
    let root = dir.path();
    let folder = root.join("out/mini/fr/pocket-a6");
    fs::create_dir_all(&folder).unwrap();
    // Our own test process is alive: only the age (over ten minutes) removes it.
    let old = folder.join(temp_name("mini-fr-pocket-a6.pdf", std::process::id()));
    let fresh =
        folder.join(temp_name("mini-fr-pocket-a6.screen.pdf", std::process::id()));
    for file in [&old, &fresh] {
        fs::File::create(file).unwrap().write_all(b"x").unwrap();
    }
    let status =
        Process::new("touch").args(["-d", "20 minutes ago"]).arg(&old).status().unwrap();
    assert!(status.success());
    let (code, _, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(!old.exists(), "an abandoned temporary file is swept");
    assert!(fresh.exists(), "a live run's recent temporary file is kept");
}

#[test]
fn a_chapter_saved_during_a_build_is_rebuilt_by_the_next_build() {
    let dir = project();
    let root = dir.path();
    let flag = root.join("paused");
    // The build pauses once its first target has read its inputs (test hook).
    let child = crate::support::livret_process()
        .args(["build", "--no-print", "--project"])
        .arg(root)
        .env("LIVRET_TEST_PAUSE_FILE", &flag)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !flag.exists() {
        assert!(started.elapsed() < Duration::from_secs(120), "the build never paused");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Saved while the build runs, after the chapter was read.
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nTexte corrigé pendant.\n")
        .unwrap();
    fs::remove_file(&flag).unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let pdf = root.join(READING_PDF);
    assert!(pdf_text(&pdf, None).contains("Premier texte"), "built from the old text");
    // The next build does not trust that PDF: it rebuilds from the new text.
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("up to date:"), "rebuilt, not kept: {out}");
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Texte corrigé pendant"), "{text}");
    assert!(!text.contains("Premier texte"), "{text}");
    // And then it is up to date.
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("up to date:"), "{out}");
}

#[test]
fn a_status_file_symlinked_out_of_the_project_is_neither_read_nor_written() {
    let dir = project();
    let root = dir.path();
    add_language(root, "en", "English", &[("01-a.md", "# One\n\nFirst text.\n")]);
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "[accepted]\n").unwrap();
    symlink(outside.path(), root.join("sources/en/status.toml")).unwrap();
    let (code, _, err) = livret_in(root, "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("sources/en/status.toml is a symlink to"), "{err}");
    assert_eq!(fs::read_to_string(outside.path()).unwrap(), "[accepted]\n");
}
