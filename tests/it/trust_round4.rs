//! Trust, round three, what was left (issue 22): the memory budget holds for the
//! commands that compile in their own process (`check`, `proof`, `preview`, `images`,
//! `watch`: the command runs again as a child under `--memory`), unsafe links written
//! in Typst chapters are printed as text with a warning at the chapter line, and an
//! image a Typst chapter names is reported at that chapter's line (a PDF standard's
//! refusal, a warning) even when a layout's function shows it.

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use crate::support::*;
use crate::trust_round3::{hungry_project, png_claiming};

/// Memory-hungry Typst: a string and an array doubled forty times, a picture whose
/// header claims 45000² pixels given as bytes.
fn hungry_cases() -> Vec<(&'static str, String)> {
    let png: String =
        png_claiming(45_000).iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", ");
    vec![
        (
            "strings",
            "#let s = \"x\"\n#for i in range(40) { s = s + s }\n#s.len()\n".into(),
        ),
        (
            "arrays",
            "#let a = (1, 2)\n#for i in range(40) { a = a + a }\n#a.len()\n".into(),
        ),
        ("image from bytes", format!("#image(bytes(({png},)), format: \"png\")\n")),
    ]
}

/// The error every command gives past its budget, naming the hungry chapter.
fn assert_stopped(what: &str, code: i32, stderr: &str) {
    assert_eq!(code, 2, "{what}: {stderr}");
    let needle = "error: stopped: the compilation needed more memory than --memory allows (600 MB)";
    assert!(stderr.contains(needle), "{what}: {stderr}");
    assert!(stderr.contains("look at sources/fr/02-b.typ"), "{what}: {stderr}");
    // No abort shown: neither the runtime's words nor a panic nor a backtrace.
    for noise in ["memory allocation of", "panicked", "stack backtrace", "core dumped"] {
        assert!(!stderr.contains(noise), "{what}: {stderr}");
    }
}

#[test]
fn check_proof_preview_and_images_stop_clearly_past_the_memory_budget() {
    // Every hungry kind under `check`; `proof`, `preview` and `images` each meet one
    // kind (a different one each), so every command and every kind is stopped once.
    let memory = ["--memory", "600MB", "--timeout", "120"];
    let with_lang = [&["--lang", "fr"][..], &memory].concat();
    let commands: [(&str, &[&str]); 3] = [
        ("proof", &with_lang),
        ("preview", &with_lang),
        ("images", &["--lang", "fr", "--memory", "600MB"]),
    ];
    for ((what, code), (command, args)) in hungry_cases().into_iter().zip(commands) {
        let dir = hungry_project(&code);
        let (code, stdout, stderr) = livret_in(dir.path(), "check", &memory);
        assert_stopped(&format!("check, {what}"), code, &format!("{stdout}{stderr}"));
        let (code, _, stderr) = livret_in(dir.path(), command, args);
        assert_stopped(&format!("{command}, {what}"), code, &stderr);
        // Nothing written by the stopped commands, no temporary file left.
        let left: Vec<_> = files_under(dir.path())
            .into_iter()
            .filter(|f| f.ends_with(".pdf") || f.ends_with(".png") || f.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{what}: {left:?}");
    }
    // In French, with a decimal comma.
    let dir = hungry_project(&hungry_cases()[0].1);
    let args = ["--memory", "1GB", "--ui-lang", "fr"];
    let (code, _, stderr) = livret_in(dir.path(), "check", &args);
    assert_eq!(code, 2, "{stderr}");
    let needle = "arrêté : la compilation demandait plus de mémoire que --memory ne le permet (1,0 Go)";
    assert!(stderr.contains(needle), "{stderr}");
    assert!(stderr.contains("voyez sources/fr/02-b.typ"), "{stderr}");
    // The same commands go on as before on a chapter that is only code, and in this
    // process with `--memory none`.
    let dir = hungry_project("#let s = \"ab\" * 4\n#s\n");
    for memory in ["600MB", "none"] {
        let (code, stdout, stderr) =
            livret_in(dir.path(), "check", &["--memory", memory]);
        assert!(code == 0 || code == 1, "{stdout}{stderr}");
        assert!(stdout.contains("language"), "{stdout}");
        let args = ["--lang", "fr", "--memory", memory];
        let (code, stdout, stderr) = livret_in(dir.path(), "proof", &args);
        assert_eq!(code, 0, "{stdout}{stderr}");
        let proof = files_under(dir.path()).into_iter().find(|f| f.contains("proof"));
        let proof = dir.path().join(proof.expect("a proof PDF"));
        assert!(normalize(&pdf_text(&proof, None)).contains("abababab"));
    }
}

#[test]
fn a_watch_past_its_memory_budget_says_so_and_goes_on_watching() {
    let (_, hungry) = &hungry_cases()[0];
    let dir = hungry_project(hungry);
    let mut child = crate::support::livret_process()
        .args(["watch", "--lang", "fr", "--memory", "600MB", "--max-builds", "2"])
        .arg("--project")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, lines) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut text);
        text
    });
    let first = lines.recv_timeout(Duration::from_secs(120)).expect("the watch answers");
    assert_eq!(first, "failed; watching for the next change");
    // The child that ran out held the build lock: it is not left behind.
    assert!(!dir.path().join("out/.livret/lock").exists());
    // Still watching: the fix is built, and the watch ends after its second build.
    fs::write(dir.path().join("sources/fr/02-b.typ"), "= Gros\n\nRéparé.\n").unwrap();
    let second = lines.recv_timeout(Duration::from_secs(120)).expect("the watch goes on");
    assert!(second.starts_with("built out/mini/fr/pocket-a6/"), "{second}");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the watch did not stop after --max-builds 2");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = errors.join().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_stopped("watch", 2, &stderr);
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Réparé"));
}

/// A French guide of one Markdown chapter and one Typst chapter `typst` (pocket-a6).
fn typst_project(markdown: &str, typst: &str) -> tempfile::TempDir {
    mini_project(&[("01-a.md", markdown), ("02-b.typ", typst)])
}

#[test]
fn unsafe_links_in_typst_chapters_are_text_with_a_warning_at_their_line() {
    let chapter = "= Liens\n\nVoir #link(\"javascript:alert(1)\")[ce lien] ici.\n\n#link(\"file:///etc/passwd\")[le fichier]\n\n#link(\"data:text/html,<b>x</b>\")[les données] et #link(\"https://example.org\")[le site].\n";
    let dir = typst_project("# Un\n\nTexte.\n", chapter);
    let (code, stdout, stderr) = livret_in(dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for (line, url) in
        [(3, "javascript:alert(1)"), (5, "file:///etc/passwd"), (7, "data:text/html")]
    {
        let at = format!("sources/fr/02-b.typ:{line}:");
        let said = stderr.lines().any(|l| {
            l.contains(&at) && l.contains(url) && l.contains("is printed as text")
        });
        assert!(said, "line {line}, {url}: {stderr}");
    }
    assert!(!stderr.contains("example.org"), "{stderr}");
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    // Only the web link is live; the others' words are printed.
    let uris = crate::trust_round3::link_uris(&pdf);
    assert_eq!(uris, vec!["https://example.org".to_string()], "{uris:?}");
    let text = normalize(&pdf_text(&pdf, None));
    for words in ["Voir ce lien ici", "le fichier", "les données et le site"] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // check says it too, at the same lines.
    let (_, stdout, stderr) = livret_in(dir.path(), "check", &[]);
    let said = format!("{stdout}{stderr}");
    assert!(said.contains("sources/fr/02-b.typ:3:") && said.contains("javascript:"));
}

/// A 16×16 PNG with transparency (PDF/A-1b cannot hold it).
fn transparent_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 16, 16);
    encoder.set_color(png::ColorType::Rgba);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[255, 0, 0, 128].repeat(256)).unwrap();
    writer.finish().unwrap();
    bytes
}

#[test]
fn an_image_a_typst_chapter_names_is_refused_at_the_chapter_line() {
    let cases = [
        (
            "directly",
            "= Image\n\nTexte.\n\n#image(\"../images/alpha.png\", width: 2cm)\n",
            5,
        ),
        (
            "through the layout's function",
            "#import \"/layouts/common.typ\": book-image\n= Image\n\nTexte.\n\n#book-image(\"/sources/images/alpha.png\")\n",
            6,
        ),
    ];
    for (how, chapter, line) in cases {
        let dir = typst_project("# Un\n\nTexte.\n", chapter);
        let images = dir.path().join("sources/images");
        fs::create_dir_all(&images).unwrap();
        fs::write(images.join("alpha.png"), transparent_png()).unwrap();
        let args = ["--no-print", "--pdf-standard", "a-1b"];
        let (code, stdout, stderr) = livret_in(dir.path(), "build", &args);
        assert_eq!(code, 2, "{how}: {stdout}{stderr}");
        let needle = format!(
            "does not meet PDF/A-1b: sources/fr/02-b.typ:{line}: image `sources/images/alpha.png`"
        );
        assert!(stderr.contains(&needle), "{how}: {stderr}");
        assert!(stderr.contains("transparency"), "{how}: {stderr}");
        // Never the layout's line, never a panic, no PDF.
        assert!(!stderr.contains("layouts/"), "{how}: {stderr}");
        assert!(!stderr.contains("panicked"), "{how}: {stderr}");
        assert!(files_under(dir.path()).iter().all(|f| !f.ends_with(".pdf")), "{how}");
        // Without the standard, it builds.
        let (code, _, stderr) = livret_in(dir.path(), "build", &["--no-print"]);
        assert_eq!(code, 0, "{how}: {stderr}");
    }
    // A Markdown chapter's image is named at its line, and the layout's line is gone.
    let dir = typst_project("# Un\n\nTexte.\n\n![Carte](images/alpha.png)\n", "= Deux\n");
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    fs::write(images.join("alpha.png"), transparent_png()).unwrap();
    let args = ["--no-print", "--pdf-standard", "a-1b"];
    let (code, _, stderr) = livret_in(dir.path(), "build", &args);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("sources/fr/01-a.md:5: image `sources/images/alpha.png`"));
    assert!(!stderr.contains("layouts/"), "{stderr}");
}

#[test]
fn warnings_about_a_typst_chapters_image_name_the_chapter_not_the_layout() {
    // A 40×40 picture shown 46 mm wide by the layout's book-image: blurry.
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 40, 40);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[200, 30, 30].repeat(1600)).unwrap();
    writer.finish().unwrap();
    let chapter = "#import \"/layouts/common.typ\": book-image\n= Image\n\nTexte.\n\n#book-image(\"/sources/images/small.png\")\n";
    let dir = typst_project("# Un\n\nTexte.\n", chapter);
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    fs::write(images.join("small.png"), &bytes).unwrap();
    let (code, stdout, stderr) = livret_in(dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let needle = "sources/fr/02-b.typ:6: image `sources/images/small.png` is 22 dpi";
    assert!(stderr.contains(needle), "{stderr}");
    assert!(!stderr.contains("layouts/"), "{stderr}");
}
