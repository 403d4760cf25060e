//! Trust, round three (issue 22): hidden notes never printed, raw HTML said, front
//! matter only when it is settings, only safe links live, chapters reading only the
//! guide, invisible line ends that cut no word, errors at the user's line.
//! Each case checks the exit code, the message with its file:line, what is on disk
//! and the PDF read back (poppler for text, lopdf for links, qpdf for bookmarks).

use std::fs;
use std::path::Path;

use crate::support::*;
use crate::trust_markdown::{assert_in_order, outline};

const PDF: &str = "out/mini/fr/pocket-a7/mini-fr-pocket-a7.pdf";

/// A one-chapter mini project in the ragged pocket-a7 layout (no hyphenation).
fn project(name: &str, chapter: &str) -> tempfile::TempDir {
    let dir = mini_project(&[(name, chapter)]);
    let manifest = dir.path().join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest).unwrap().replace("pocket-a6", "pocket-a7");
    fs::write(&manifest, toml).unwrap();
    dir
}

/// Builds with `args`, expects exit 0; (PDF text with whitespace collapsed, stdout
/// and stderr together).
fn build_ok(dir: &Path, args: &[&str]) -> (String, String) {
    let (code, stdout, stderr) = livret_in(dir, "build", args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    (normalize(&pdf_text(&dir.join(PDF), None)), format!("{stdout}{stderr}"))
}

/// Builds with `args`, expects exit 2 with each of `needles` in the error, no panic,
/// and no PDF or temporary file written; the error.
fn build_refused(dir: &Path, args: &[&str], needles: &[&str]) -> String {
    let (code, stdout, stderr) = livret_in(dir, "build", args);
    assert_eq!(code, 2, "{stdout}{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected `{needle}` in: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let left: Vec<_> = files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".pdf") || f.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "files written: {left:?}");
    stderr
}

/// Every URI a link annotation of the PDF opens, read with lopdf.
pub(crate) fn link_uris(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let mut uris = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let is_link =
            dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Link");
        if !is_link {
            continue;
        }
        let action = match dict.get(b"A") {
            Ok(lopdf::Object::Reference(id)) => doc.get_dictionary(*id).ok(),
            Ok(lopdf::Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        if let Some(uri) = action.and_then(|a| a.get(b"URI").ok()) {
            let bytes = uri.as_str().unwrap_or_default();
            uris.push(String::from_utf8_lossy(bytes).to_string());
        }
    }
    uris.sort();
    uris
}

// Item 1: raw HTML in Markdown.

#[test]
fn hidden_notes_in_comments_are_never_printed() {
    let dir = project(
        "01-a.md",
        "# Titre\n\nPremier paragraphe.\n\n<!--\nNote interne : ne pas imprimer.\n-->\n\n\
         Second paragraphe avec <!-- remarque cachée --> un commentaire.\n\n\
         <!-- une ligne -->\nDernier paragraphe.\n\n- Un point\n\n  <!--\n  Note dans la liste.\n  -->\n- Autre point\n",
    );
    let (text, said) = build_ok(dir.path(), &[]);
    assert_in_order(
        &text,
        &[
            "Premier paragraphe",
            "Second paragraphe avec",
            "un commentaire",
            "Dernier paragraphe",
            "Un point",
            "Autre point",
        ],
    );
    for hidden in ["Note interne", "remarque", "-->", "<!--", "Note dans la liste"] {
        assert!(!text.contains(hidden), "`{hidden}` printed: {text}");
    }
    assert!(!said.contains("HTML"), "{said}");
    // `check` finds nothing to say either.
    let (code, stdout, stderr) = livret_in(dir.path(), "check", &[]);
    assert!(!format!("{stdout}{stderr}").contains("HTML"), "{code} {stdout}{stderr}");
}

#[test]
fn an_unclosed_comment_is_an_error_at_its_line() {
    // At the start of a block: CommonMark would hide the rest of the chapter.
    let dir = project(
        "01-a.md",
        "# Titre\n\nAvant.\n\n<!--\nNote interne\n\n# Suite\n\nBeaucoup de texte.\n",
    );
    build_refused(dir.path(), &[], &["sources/fr/01-a.md:5:", "never closed", "hint:"]);
    let (code, _, stderr) = livret_in(dir.path(), "check", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("sources/fr/01-a.md:5:"), "{stderr}");
    // Inside a paragraph: CommonMark would print it, and the note with it.
    let dir = project(
        "01-a.md",
        "# Titre\n\nAvant.\n\nTexte <!-- note qui\ncontinue\n\nFin.\n",
    );
    build_refused(dir.path(), &[], &["sources/fr/01-a.md:5:", "never closed"]);
    // Escaped, it is text and printed as written.
    let dir = project("01-a.md", "# Titre\n\nÉcrire \\<!-- pour ouvrir.\n");
    let (text, _) = build_ok(dir.path(), &[]);
    assert!(text.contains("Écrire <!-- pour ouvrir"), "{text}");
}

#[test]
fn other_raw_html_is_printed_as_text_with_a_warning_and_refused_with_strict() {
    let chapter = "# Titre\n\nUn <span style=\"color:red\">mot</span> ici.\n\n<div class=\"x\">\nBloc HTML\n</div>\n\nFin<br>ligne.\n";
    let dir = project("01-a.md", chapter);
    let (text, said) = build_ok(dir.path(), &[]);
    // Nothing swallowed: the words, and the tags as they were written.
    assert_in_order(
        &text,
        &[
            "Un",
            "<span",
            "mot",
            "</span>",
            "ici",
            "<div",
            "Bloc HTML",
            "</div>",
            "Fin",
            "ligne",
        ],
    );
    assert!(!text.contains("<br>"), "{text}");
    assert!(said.contains("sources/fr/01-a.md:3: warning: raw HTML `<span"), "{said}");
    assert!(said.contains("sources/fr/01-a.md:5: warning: raw HTML `<div"), "{said}");
    assert!(!said.contains("01-a.md:9: warning"), "`<br>` is a line break: {said}");
    // `check` reports them and finds problems (exit 1).
    let (code, stdout, stderr) = livret_in(dir.path(), "check", &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("sources/fr/01-a.md:3"),
        "{stdout}{stderr}"
    );
    // With --strict, the first is an error and nothing is written.
    fs::remove_dir_all(dir.path().join("out")).unwrap();
    build_refused(
        dir.path(),
        &["--strict"],
        &["sources/fr/01-a.md:3:", "raw HTML", "--strict"],
    );
}

// Item 9: front matter only when it is settings.

#[test]
fn a_rule_and_setext_headings_are_not_front_matter() {
    let dir = project("01-a.md", "---\nFoo\n---\nBar\n---\n\nTexte du chapitre.\n");
    let (text, _) = build_ok(dir.path(), &[]);
    assert_in_order(&text, &["Foo", "Bar", "Texte du chapitre"]);
    let titles = outline(&dir.path().join(PDF));
    assert!(titles.iter().any(|t| t == "Foo"), "{titles:?}");
    // Settings are still refused, at line 1, naming the block.
    let dir = project("01-a.md", "---\ntitle: Guide\nauthor: X\n---\n\n# Titre\n");
    build_refused(
        dir.path(),
        &[],
        &["sources/fr/01-a.md:1:", "front matter (lines 1–4)"],
    );
    let dir = project("01-a.md", "+++\ntitle = \"Guide\"\n+++\n\n# Titre\n");
    build_refused(dir.path(), &[], &["sources/fr/01-a.md:1:", "front matter"]);
}

// Item 3: only safe links are live.

/// How many link annotations of the PDF lead inside the document (no URI).
fn internal_links(pdf: &Path) -> usize {
    let doc = lopdf::Document::load(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Link"))
        .filter(|d| {
            let action = match d.get(b"A") {
                Ok(lopdf::Object::Reference(id)) => doc.get_dictionary(*id).ok(),
                Ok(lopdf::Object::Dictionary(a)) => Some(a),
                _ => None,
            };
            action.is_none_or(|a| a.get(b"URI").is_err())
        })
        .count()
}

#[test]
fn links_to_a_heading_lead_to_it() {
    let chapter = "# Alerte\n\nVoir [plus bas](#Que-faire).\n\n## Que faire\n\nAppeler.\n\n\
                   Et [nulle part](#absent).\n";
    let dir = project("01-a.md", chapter);
    let (text, said) = build_ok(dir.path(), &[]);
    assert_in_order(&text, &["Alerte", "plus bas", "Que faire", "Appeler", "nulle part"]);
    assert!(!said.contains("warning:"), "{said}");
    // One link inside the document more than the same chapter without it (the
    // contents page has its own), none to a missing heading.
    let plain =
        project("01-a.md", &chapter.replace("[plus bas](#Que-faire)", "plus bas"));
    build_ok(plain.path(), &[]);
    let without = internal_links(&plain.path().join(PDF));
    assert_eq!(internal_links(&dir.path().join(PDF)), without + 1);
    assert!(link_uris(&dir.path().join(PDF)).is_empty());
}

#[test]
fn only_web_mail_and_telephone_links_are_live() {
    let chapter = "# Liens\n\n[Site](https://example.org/a) et [Écrire](mailto:a@b.ml).\n\n\
                   [Appeler](tel:+22320000000).\n\n[Piège](javascript:alert(1)) ici.\n\n\
                   [Fichier](file:///etc/passwd) là.\n\n[Données](data:text/html,x) aussi.\n\n\
                   [Chapitre](chapitre-2.md) enfin.\n";
    let dir = project("01-a.md", chapter);
    let (text, said) = build_ok(dir.path(), &[]);
    assert_in_order(
        &text,
        &["Site", "Écrire", "Appeler", "Piège", "Fichier", "Données", "Chapitre"],
    );
    let uris = link_uris(&dir.path().join(PDF));
    assert_eq!(uris, ["https://example.org/a", "mailto:a@b.ml", "tel:+22320000000"]);
    for (line, dest) in
        [(7, "javascript:"), (9, "file:"), (11, "data:"), (13, "chapitre-2.md")]
    {
        let needle = format!("sources/fr/01-a.md:{line}: warning: the link to `{dest}");
        assert!(said.contains(&needle), "expected `{needle}` in: {said}");
    }
    fs::remove_dir_all(dir.path().join("out")).unwrap();
    build_refused(dir.path(), &["--strict"], &["sources/fr/01-a.md:7:", "javascript:"]);
    // In a Typst chapter too, with in-document links kept.
    let chapter = "= Liens <haut>\n\n#link(\"javascript:alert(1)\")[Piège] et \
                   #link(\"FILE:///etc/passwd\")[Fichier] et #link(\" https://example.org\")[Site] \
                   et #link(\"tel:+22320\")[Appel] et #link(<haut>)[Haut].\n";
    let dir = project("01-a.typ", chapter);
    let (text, _) = build_ok(dir.path(), &[]);
    assert_in_order(&text, &["Piège", "Fichier", "Site", "Appel", "Haut"]);
    assert_eq!(link_uris(&dir.path().join(PDF)), [" https://example.org", "tel:+22320"]);
}

// Item 4: chapters read only the guide.

#[test]
fn typst_chapters_read_only_the_guide() {
    let secrets = [
        (".git/config", "[remote \"origin\"] url = secret-remote"),
        ("out/notes.txt", "secret-out"),
        ("po/fr.po", "secret-po"),
        ("sources/fr/.accepted/01-a.md", "secret-accepted"),
        (".env", "secret-env"),
        ("notes.txt", "secret-top"),
    ];
    for (path, content) in secrets {
        let chapter = format!("= Titre\n\n#read(\"/{path}\")\n");
        let dir = project("01-a.typ", &chapter);
        let file = dir.path().join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, content).unwrap();
        let (code, stdout, stderr) = livret_in(dir.path(), "build", &[]);
        assert_eq!(code, 2, "{path}: {stdout}{stderr}");
        assert!(stderr.contains("sources/fr/01-a.typ:3:"), "{path}: {stderr}");
        assert!(stderr.contains("not part of the guide"), "{path}: {stderr}");
        assert!(!stderr.contains(content), "{path}: {stderr}");
        assert!(!dir.path().join(PDF).exists());
    }
    // Nor through a symlink in sources/ that stays inside the project.
    let dir = project("01-a.typ", "= Titre\n\n#read(\"/sources/fr/lien.txt\")\n");
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".git/config"), "secret-remote").unwrap();
    std::os::unix::fs::symlink(
        "../../.git/config",
        dir.path().join("sources/fr/lien.txt"),
    )
    .unwrap();
    let stderr = build_refused(
        dir.path(),
        &[],
        &["sources/fr/01-a.typ:3:", "not part of the guide"],
    );
    assert!(!stderr.contains("secret-remote"), "{stderr}");
    // The guide's own files are read.
    let dir = project("01-a.typ", "= Titre\n\n#read(\"/sources/data.txt\")\n");
    fs::write(dir.path().join("sources/data.txt"), "Donnée partagée").unwrap();
    let (text, _) = build_ok(dir.path(), &[]);
    assert!(text.contains("Donnée partagée"), "{text}");
}

// Item 7: invisible line ends.

#[test]
fn line_and_paragraph_separators_cut_no_heading() {
    let dir = project(
        "01-a.md",
        "# Glos\u{2028}saire\n\nPremier\u{2029}mot, puis\u{85}un autre\u{b}et\u{c}fin.\n\n## Sous\u{2028}titre\n\nTexte.\n",
    );
    let (text, _) = build_ok(dir.path(), &[]);
    assert_in_order(
        &text,
        &["Glos saire", "Premier mot, puis un autre et fin", "Sous titre", "Texte"],
    );
    let titles = outline(&dir.path().join(PDF));
    assert!(titles.iter().any(|t| t == "Glos saire"), "{titles:?}");
    assert!(!titles.iter().any(|t| t == "Glos" || t == "saire"), "{titles:?}");
    // A Typst chapter too.
    let dir = project(
        "01-a.typ",
        "= Lexi\u{2028}que\n\nTexte\u{2029}suite.\n\n#[ligne]\n#assert(false, message: \"ici\")\n",
    );
    let stderr = build_refused(dir.path(), &[], &["ici"]);
    // Line numbers stay those of an editor that shows the separators on one line.
    assert!(stderr.contains("sources/fr/01-a.typ:6:"), "{stderr}");
    let dir = project("01-a.typ", "= Lexi\u{2028}que\n\nTexte\u{2029}suite.\n");
    let (text, _) = build_ok(dir.path(), &[]);
    assert_in_order(&text, &["Lexi que", "Texte suite"]);
    let titles = outline(&dir.path().join(PDF));
    assert!(titles.iter().any(|t| t == "Lexi que"), "{titles:?}");
}

// Item 6: errors at the user's line.

#[test]
fn an_image_format_typst_cannot_print_is_named_at_the_chapter_line() {
    // A Markdown image.
    let dir = project("01-a.md", "# Titre\n\nTexte.\n\n![Carte](images/carte.tiff)\n");
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    fs::write(images.join("carte.tiff"), b"II*\x00\x08\x00\x00\x00").unwrap();
    let stderr =
        build_refused(dir.path(), &[], &["sources/fr/01-a.md:5:", "`.tiff`", "hint:"]);
    assert!(!stderr.contains("layouts/"), "{stderr}");
    // A Typst chapter calling the layout's image function: the chapter line, where
    // the layout met it said after.
    let dir = project(
        "01-a.typ",
        "#import \"/layouts/common.typ\": book-image\n= Titre\n\nTexte.\n\n#book-image(\"/sources/images/carte.tiff\", alt: \"Carte\")\n",
    );
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    fs::write(images.join("carte.tiff"), b"II*\x00\x08\x00\x00\x00").unwrap();
    let stderr = build_refused(dir.path(), &[], &["sources/fr/01-a.typ:6:"]);
    assert!(stderr.contains("(met in layouts/common.typ:"), "{stderr}");
}

// Item 8: the preview server's connections are bounded in number and time.

/// A `livret watch --serve` process, killed when dropped.
struct Watching(std::process::Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `livret watch --serve --port 0`, waits for its first build; the port.
fn serve(root: &Path) -> (Watching, u16) {
    use std::io::BufRead;
    let mut child = crate::support::livret_process()
        .args(["watch", "--lang", "fr", "--serve", "--port", "0", "--project"])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let watching = Watching(child);
    let (send, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let wait = std::time::Duration::from_secs(120);
    let serving = lines.recv_timeout(wait).unwrap();
    let port = serving
        .strip_prefix("serving the pages at http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("{serving}"))
        .parse()
        .unwrap();
    let built = lines.recv_timeout(wait).unwrap();
    assert!(built.starts_with("built"), "{built}");
    (watching, port)
}

/// One GET, given at most 10 s: (status, time taken).
fn timed_get(port: u16, path: &str) -> (u16, std::time::Duration) {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text.split_whitespace().nth(1).unwrap_or("0").parse().unwrap();
    (status, started.elapsed())
}

#[test]
fn half_open_clients_never_stop_the_preview_server() {
    use std::io::{Read, Write};
    use std::time::Duration;
    let dir = project("01-a.md", "# Un\n\nTexte.\n");
    let (_watching, port) = serve(dir.path());
    let connect = || std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    // 50 clients: silent, or half a request line, or headers without their end.
    let mut idle = Vec::new();
    for i in 0..50 {
        let mut stream = connect();
        match i % 3 {
            0 => {}
            1 => write!(stream, "GET /book.pdf HT").unwrap(),
            _ => write!(stream, "GET / HTTP/1.1\r\nHost: localhost:{port}\r\n").unwrap(),
        }
        idle.push(stream);
    }
    for path in ["/", "/book.pdf", "/page/1/1.svg"] {
        let (status, took) = timed_get(port, path);
        assert_eq!(status, 200, "{path}");
        assert!(took < Duration::from_secs(3), "{path} took {took:?}");
    }
    // Far past the bound on connections: the oldest are closed, new clients answered.
    for _ in 0..150 {
        idle.push(connect());
    }
    let (status, took) = timed_get(port, "/");
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(3), "took {took:?}");
    // A client that never ends its request is closed within the read deadline.
    let mut slow = connect();
    write!(slow, "GET / HTTP/1.1\r\n").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let started = std::time::Instant::now();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    assert!(answer.starts_with("HTTP/1.1 408") || answer.is_empty(), "{answer}");
    // A body-less POST or a garbled request are refused, and the server goes on.
    let mut garbled = connect();
    garbled.write_all(b"\x16\x03\x01\x02\x00\r\n\r\n").unwrap();
    let mut answer = String::new();
    let _ = garbled.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert_eq!(timed_get(port, "/").0, 200);
}

// Item 5: presets planned before any compile.

/// A mini project with `chapter`, two languages, the pocket-a6 and pocket-a7
/// layouts, and one `[[print]]` preset for pocket-a6 of `lines`; the 1-based line of
/// `key` in guide.toml.
fn with_preset(chapter: &str, lines: &str, key: &str) -> (tempfile::TempDir, usize) {
    let dir = mini_project(&[("01-a.md", chapter)]);
    add_language(dir.path(), "en", "English", &[("01-a.md", chapter)]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[[layout]]\nname = \"pocket-a7\"\n");
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a7\"\nsheet = \"a4\"\nscheme = \"saddle\"\n",
    );
    text.push_str(&format!("\n[[print]]\nlayout = \"pocket-a6\"\n{lines}\n"));
    fs::write(&manifest, &text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let line =
        lines.iter().rposition(|l| l.starts_with(&format!("{key} ="))).unwrap() + 1;
    (dir, line)
}

#[test]
fn every_preset_is_planned_before_anything_compiles() {
    let cases = [
        (
            "sheet = \"10x10mm\"\nscheme = \"saddle\"",
            "sheet",
            "`10x10mm-saddle`",
            "does not fit",
        ),
        (
            "sheet = \"a4\"\nscheme = \"signatures\"\nsignature-sheets = 0",
            "signature-sheets",
            "`a4-signatures`",
            "signature-sheets = 1",
        ),
        ("sheet = \"a4\"\nscheme = \"zine\"", "sheet", "`a4-zine`", "sheet = \"a3\""),
    ];
    for (lines, key, name, hint) in cases {
        let (dir, line) = with_preset("# A\n\nTexte.\n", lines, key);
        let (code, stdout, stderr) = livret_in(dir.path(), "build", &[]);
        assert_eq!(code, 2, "{lines}: {stdout}{stderr}");
        let place = format!("error: sources/guide.toml:{line}:");
        assert!(stderr.starts_with(&place), "{lines}: expected `{place}` in {stderr}");
        assert!(
            stderr.contains(&format!("print preset {name} (layout `pocket-a6`)")),
            "{stderr}"
        );
        assert!(stderr.contains(hint), "{lines}: {stderr}");
        assert!(!stderr.contains("--"), "hints say guide.toml's keys: {stderr}");
        // No target of any language or layout compiled or wrote anything.
        assert!(!dir.path().join("out/mini").exists(), "{lines}: out/mini was written");
        // Without the print files, the presets do not matter.
        let (code, _, stderr) = livret_in(dir.path(), "build", &["--no-print"]);
        assert_eq!(code, 0, "{lines}: {stderr}");
    }
}

#[test]
fn a_zine_of_more_than_eight_pages_is_refused_before_its_target_writes() {
    let long: String = (1..=60)
        .map(|i| format!("Paragraphe {i} : un texte assez long pour remplir des pages de ce petit livret.\n\n"))
        .collect();
    let (dir, line) = with_preset(
        &format!("# A\n\n{long}"),
        "sheet = \"a3\"\nscheme = \"zine\"",
        "scheme",
    );
    let (code, stdout, stderr) =
        livret_in(dir.path(), "build", &["--lang", "fr", "--layout", "pocket-a6"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let place = format!("error: sources/guide.toml:{line}:");
    assert!(stderr.starts_with(&place), "expected `{place}` in {stderr}");
    assert!(stderr.contains("print preset `a3-zine` (layout `pocket-a6`)"), "{stderr}");
    assert!(stderr.contains("at most 8 pages"), "{stderr}");
    let written: Vec<_> =
        files_under(dir.path()).into_iter().filter(|f| f.ends_with(".pdf")).collect();
    assert!(written.is_empty(), "{written:?}");
}

// Item 2: a memory budget per target.

/// The bytes of a PNG file whose header declares `side`×`side` RGBA pixels (and a
/// few bytes of picture): a decoder that trusts it allocates side² × 4 bytes.
pub(crate) fn png_claiming(side: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut header = side.to_be_bytes().to_vec();
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(b"IHDR", &header);
    // A first row of picture, so that a decoder goes on to allocate the rest.
    let mut data =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut data, &[0; 4097]).unwrap();
    chunk(b"IDAT", &data.finish().unwrap());
    chunk(b"IEND", &[]);
    png
}

/// A project whose French guide has a Typst chapter of `code` (after a heading) and
/// whose English one is Markdown only.
pub(crate) fn hungry_project(code: &str) -> tempfile::TempDir {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nTexte.\n"),
        ("02-b.typ", &format!("= Gros\n\n{code}")),
    ]);
    add_language(
        dir.path(),
        "en",
        "English",
        &[("01-a.md", "# One\n\nEnglish text.\n"), ("02-b.md", "# Big\n\nFine.\n")],
    );
    dir
}

#[test]
fn memory_hungry_typst_stops_only_its_own_target() {
    let png: String =
        png_claiming(45_000).iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", ");
    let cases = [
        ("strings", "#let s = \"xxxxxxxx\"\n#for i in range(40) { s = s + s }\n#s.len()\n".to_string()),
        ("arrays", "#let a = (1, 2, 3, 4)\n#for i in range(40) { a = a + a }\n#a.len()\n".into()),
        (
            "dictionaries",
            "#let d = (:)\n#for i in range(100000000) { d.insert(str(i), \"x\" * 64) }\n#d.len()\n".into(),
        ),
        ("image from bytes", format!("#image(bytes(({png},)), format: \"png\")\n")),
    ];
    let en = "out/mini/en/pocket-a6/mini-en-pocket-a6.pdf";
    let fr = "out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf";
    for (what, code) in cases {
        let dir = hungry_project(&code);
        let started = std::time::Instant::now();
        let (code, stdout, stderr) = livret_in(
            dir.path(),
            "build",
            &["--memory", "600MB", "--no-print", "--timeout", "120"],
        );
        assert_eq!(code, 2, "{what}: {stdout}{stderr}");
        let needle = "error: fr pocket-a6: stopped: it needed more memory than --memory allows (600 MB)";
        assert!(stderr.contains(needle), "{what}: {stderr}");
        assert!(stderr.contains("sources/fr/02-b.typ"), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        // The other target is built, whole; nothing of the stopped one is.
        let text = normalize(&pdf_text(&dir.path().join(en), None));
        assert!(text.contains("English text") && text.contains("Fine"), "{what}: {text}");
        assert!(!dir.path().join(fr).exists(), "{what}");
        let left: Vec<_> =
            files_under(dir.path()).into_iter().filter(|f| f.ends_with(".tmp")).collect();
        assert!(left.is_empty(), "{what}: {left:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(120), "{what}");
    }
}

#[test]
fn an_image_read_as_bytes_meets_the_pixel_limit() {
    let code = "#image(read(\"/sources/big.bin\", encoding: none), format: \"png\")\n";
    let dir = hungry_project(code);
    fs::write(dir.path().join("sources/big.bin"), png_claiming(45_000)).unwrap();
    // Refused where typst is served the file, in livret's own process too.
    for memory in ["none", "4GB"] {
        let (code, stdout, stderr) = livret_in(
            dir.path(),
            "build",
            &["--memory", memory, "--no-print", "--lang", "fr"],
        );
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert!(stderr.contains("sources/fr/02-b.typ:3:"), "{stderr}");
        assert!(stderr.contains("too large"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn the_memory_budget_is_checked() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    for bad in ["lots", "10MB", "0"] {
        let (code, _, stderr) = livret_in(dir.path(), "build", &["--memory", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("--memory"), "{bad}: {stderr}");
        assert!(!dir.path().join("out").exists(), "{bad}");
    }
}

#[test]
fn an_image_the_pdf_standard_refuses_is_named_at_the_chapter_line() {
    let dir = project("01-a.md", "# Titre\n\nTexte.\n\n![Carte](images/alpha.png)\n");
    let images = dir.path().join("sources/images");
    fs::create_dir_all(&images).unwrap();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 16, 16);
    encoder.set_color(png::ColorType::Rgba);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[255, 0, 0, 128].repeat(256)).unwrap();
    writer.finish().unwrap();
    fs::write(images.join("alpha.png"), bytes).unwrap();
    let stderr = build_refused(
        dir.path(),
        &["--pdf-standard", "a-1b", "--no-print"],
        &[
            "does not meet PDF/A-1b: sources/fr/01-a.md:5: image `sources/images/alpha.png`",
            "transparency",
        ],
    );
    // Without the standard, the same chapter builds.
    assert!(stderr.contains("hint:"), "{stderr}");
    let (code, _, stderr) = livret_in(dir.path(), "build", &["--no-print"]);
    assert_eq!(code, 0, "{stderr}");
}
