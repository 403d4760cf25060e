//! Budgets and clear messages (issue 12, items 4 and 6): a time limit per target,
//! bounds on -j, --preview-dpi and chapter size, escaped control characters, the real
//! port of `--port 0`, a lock held by another process, watch and report.json, the
//! served pages' links and Host header, and where guide.toml errors are.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::support::*;

const PDF: &str = "out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf";
const RECORD: &str = "out/.livret/targets/fr--pocket-a6.json";

/// A chapter that loops 10¹⁰ times.
const LOOPING: &str =
    "= Boucle\n\n#for i in range(100000) { for j in range(100000) { } }\n";

/// Replaces the mini project's guide.toml.
fn write_manifest(root: &Path, text: &str) {
    fs::write(root.join("sources/guide.toml"), text).unwrap();
}

/// Asserts a failed run: exit 2, stderr containing every part, nothing under out/ but
/// livret's own folder.
fn assert_refused(out: (i32, String, String), parts: &[&str], root: &Path) {
    let (code, _, err) = out;
    assert_eq!(code, 2, "{err}");
    for part in parts {
        assert!(err.contains(part), "`{part}` not in: {err}");
    }
    assert!(!root.join(PDF).exists(), "{err}");
    assert!(!root.join(RECORD).exists(), "{err}");
}

#[test]
fn a_looping_chapter_stops_at_the_time_limit() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n"), ("02-b.typ", LOOPING)]);
    let started = Instant::now();
    let out = livret_in(dir.path(), "build", &["--timeout", "1", "--no-print"]);
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
    assert_refused(
        out.clone(),
        &["fr pocket-a6: gave up after 1 s (--timeout)", "hint: "],
        dir.path(),
    );
    assert!(!dir.path().join("out/.livret/lock").exists(), "{}", out.2);
}

#[test]
fn timeout_must_be_a_positive_number_of_seconds() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    assert_refused(
        livret_in(dir.path(), "build", &["--timeout", "0"]),
        &["between 1 and 86400"],
        dir.path(),
    );
}

#[test]
fn watch_stops_at_the_time_limit() {
    let dir = mini_project(&[("01-a.typ", LOOPING)]);
    let started = Instant::now();
    let (code, _, err) =
        livret_in(dir.path(), "watch", &["--lang", "fr", "--timeout", "1"]);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("gave up after 1 s (--timeout); watch stopped"), "{err}");
    assert!(!dir.path().join(PDF).exists());
}

#[test]
fn jobs_are_bounded() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    for jobs in ["100000", "0", "65"] {
        assert_refused(
            livret_in(dir.path(), "build", &["-j", jobs]),
            &["at most 64 targets"],
            dir.path(),
        );
    }
    let (code, _, err) = livret_in(dir.path(), "build", &["-j", "64", "--no-print"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn preview_dpi_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    fs::write(&input, b"%PDF-1.4\n").unwrap();
    let out = dir.path().join("sheets.pdf");
    let previews = dir.path().join("previews");
    for dpi in ["100000", "0", "9", "1200.5"] {
        let (code, _, err) = livret(&[
            "impose",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--scheme",
            "saddle",
            "--sheet",
            "a4",
            "--preview",
            previews.to_str().unwrap(),
            "--preview-dpi",
            dpi,
        ]);
        assert_eq!(code, 2, "{dpi}: {err}");
        assert!(err.contains("between 10 and 1200 dpi"), "{err}");
    }
    // A huge custom sheet: within the dpi range, but too many pixels per side.
    let (code, _, err) = livret(&[
        "impose",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scheme",
        "saddle",
        "--sheet",
        "2000x2000mm",
        "--preview",
        previews.to_str().unwrap(),
        "--preview-dpi",
        "300",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("more than the 100 million"), "{err}");
    assert!(err.contains("hint: use --preview-dpi 12"), "{err}");
    assert!(!out.exists() && !previews.exists());
}

#[test]
fn a_huge_chapter_is_refused_before_it_is_read() {
    let big =
        format!("# Grand\n\n{}", "Une phrase de texte ordinaire.\n".repeat(100_000));
    let dir = mini_project(&[("01-a.md", &big)]);
    assert_refused(
        livret_in(dir.path(), "build", &[]),
        &[
            "sources/fr/01-a.md: the chapter is 3 MB, more than the 2 MB",
            "hint: split it",
        ],
        dir.path(),
    );
}

#[test]
fn escape_sequences_from_guide_toml_are_shown_escaped() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    let text =
        mini_manifest("\"01-a\"").replace("code = \"fr\"", "code = \"f\\u001b[2Jr\"");
    write_manifest(dir.path(), &text);
    let (code, out, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}') && !out.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("language code `f\\u{1b}[2Jr` is not valid"), "{err}");
}

#[test]
fn control_characters_in_chapter_errors_are_escaped() {
    let dir = mini_project(&[("01-a.typ", "= Un\n\n#image(\"\\u{1b}[2Jnope.png\")\n")]);
    let (code, _, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}[2Jnope.png"), "{err}");
    assert!(err.contains("sources/fr/01-a.typ:3"), "{err}");
}

/// A running `livret watch`, killed when dropped, and its stdout lines.
struct Watching(Child, Receiver<String>);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `livret watch --serve --port 0` and waits for its first build: the port.
fn serve(root: &Path) -> (Watching, u16) {
    let mut child = crate::support::livret_process()
        .args(["watch", "--lang", "fr", "--serve", "--port", "0", "--project"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let watching = Watching(child, lines);
    let serving = watching.1.recv_timeout(Duration::from_secs(60)).unwrap();
    let port: u16 = serving
        .strip_prefix("serving the pages at http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("{serving}"))
        .parse()
        .unwrap();
    let built = watching.1.recv_timeout(Duration::from_secs(120)).unwrap();
    assert!(built.starts_with("built"), "{built}");
    (watching, port)
}

/// One GET with this Host header: status and body.
fn get(port: u16, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, text)
}

#[test]
fn port_zero_serves_on_the_port_the_system_chose() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let (_watching, port) = serve(dir.path());
    assert_ne!(port, 0);
    assert_eq!(get(port, "/", &format!("127.0.0.1:{port}")).0, 200);
}

#[test]
fn the_server_answers_only_its_own_host_names() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let (_watching, port) = serve(dir.path());
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get(port, "/", &host).0, 200, "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "localhost:1".into(),
        String::new(),
    ] {
        let (status, text) = get(port, "/", &host);
        assert_eq!(status, 403, "{host}: {text}");
        assert!(!text.contains("Petit guide"), "{text}");
    }
    assert_eq!(get(port, "/book.pdf", "rebind.example").0, 403);
}

#[test]
fn served_pages_keep_no_javascript_link() {
    let chapter = "= Liens\n\n#link(\"javascript:alert(document.cookie)\")[piège]\n\n\
                   #link(\"https://example.org/\")[sûr]\n\n#link(\"JavaScript:alert(2)\")[autre]\n";
    let dir = mini_project(&[("01-a.typ", chapter)]);
    let (_watching, port) = serve(dir.path());
    let host = format!("localhost:{port}");
    let mut svgs = String::new();
    for n in 1.. {
        let (status, body) = get(port, &format!("/page/1/{n}.svg"), &host);
        if status == 404 {
            break;
        }
        svgs.push_str(&body);
    }
    assert!(svgs.contains("href=\"https://example.org/\""), "{svgs}");
    assert!(!svgs.to_lowercase().contains("javascript:"), "a live javascript: link");
    // The PDF itself is what typst made (links stay as written there).
    assert!(fs::metadata(dir.path().join(PDF)).unwrap().len() > 0);
}

#[test]
fn a_lock_held_by_an_unrelated_process_is_named_without_waiting() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    let lock = dir.path().join("out/.livret/lock");
    fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let mut holder = Command::new("sleep").arg("120").spawn().unwrap();
    fs::write(&lock, holder.id().to_string()).unwrap();
    let started = Instant::now();
    let out = livret_in(dir.path(), "build", &[]);
    let pid = holder.id().to_string();
    let lock_shown = lock.canonicalize().unwrap().display().to_string();
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_refused(
        out,
        &[
            &format!("process {pid}, `sleep`"),
            &lock_shown,
            "is not livret",
            &format!("rm {lock_shown}"),
        ],
        dir.path(),
    );
    assert!(lock.exists(), "the lock of another process stays");
}

/// Every output listed in report.json matches its file on disk (by size and hash).
fn report_is_true(root: &Path) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("out/mini/report.json")).unwrap(),
    )
    .unwrap();
    let mut paths = Vec::new();
    for entry in report["outputs"].as_array().unwrap() {
        let path = entry["path"].as_str().unwrap();
        let bytes = fs::read(root.join(path)).unwrap();
        assert_eq!(entry["bytes"].as_u64(), Some(bytes.len() as u64), "{path}");
        let sha: String =
            Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(entry["sha256"].as_str(), Some(sha.as_str()), "{path}");
        paths.push(path.to_string());
    }
    paths
}

#[test]
fn watch_keeps_report_json_true() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte.\n")]);
    let root = dir.path();
    assert_eq!(livret_in(root, "build", &["--no-print"]).0, 0);
    assert!(report_is_true(root).contains(&PDF.to_string()));
    fs::write(
        root.join("sources/fr/01-a.md"),
        "# Un\n\nAutre texte, plus long qu'avant.\n",
    )
    .unwrap();
    let (code, _, err) = livret_in(root, "watch", &["--lang", "fr", "--max-builds", "1"]);
    assert_eq!(code, 0, "{err}");
    // Watch builds as `build --no-print` does: the report lists its PDF as it is now,
    // and the record holds the edited chapter, so the next build has nothing to redo.
    assert!(report_is_true(root).contains(&PDF.to_string()));
    assert!(root.join(RECORD).exists());
    assert!(normalize(&pdf_text(&root.join(PDF), None)).contains("Autre texte"));
    let (code, out, err) = livret_in(root, "build", &["--no-print"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 0 targets, 1 up to date"), "{out}");
    assert!(report_is_true(root).contains(&PDF.to_string()));
}

#[test]
fn an_invalid_guide_id_is_placed_on_its_own_line() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    let text = format!(
        "# The id is used in file names\n{}",
        mini_manifest("\"01-a\"").replace("id = \"mini\"", "id = \"Mini Guide\"")
    );
    write_manifest(dir.path(), &text);
    let (code, _, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("sources/guide.toml:3:6: the guide id `Mini Guide` cannot be used"),
        "{err}"
    );
}

#[test]
fn an_invalid_language_code_is_placed_on_its_own_line() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    // The bad code's text (`fr x`) occurs first in the title.
    let text = mini_manifest("\"01-a\"")
        .replace("Petit guide", "Petit guide fr x")
        .replace("code = \"fr\"", "code = \"fr x\"");
    write_manifest(dir.path(), &text);
    let line = text.lines().position(|l| l == "code = \"fr x\"").unwrap() + 1;
    let (code, _, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "sources/guide.toml:{line}:8: the language code `fr x` is not valid"
        )),
        "{err}"
    );
}

#[test]
fn a_duplicate_language_is_placed_on_the_second_entry() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    let text = format!(
        "{}\n[[language]]\ncode = \"fr\"\nname = \"Encore\"\nfonts = [\"Andika\"]\n",
        mini_manifest("\"01-a\"")
    );
    write_manifest(dir.path(), &text);
    let line = text.lines().count() - 2;
    let (code, _, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "sources/guide.toml:{line}:8: the language `fr` is declared twice"
        )),
        "{err}"
    );
}

#[test]
fn a_guide_toml_that_is_not_utf8_names_the_first_bad_byte() {
    let dir = mini_project(&[("01-a.md", "# Un\n")]);
    let text = mini_manifest("\"01-a\"").replace("Essai", "Soci\u{0}t\u{0}");
    let mut bytes = text.into_bytes();
    for b in bytes.iter_mut().filter(|b| **b == 0) {
        *b = 0xe9; // Latin-1 é
    }
    fs::write(dir.path().join("sources/guide.toml"), bytes).unwrap();
    assert_refused(
        livret_in(dir.path(), "build", &[]),
        &[
            "sources/guide.toml:5:18: byte 0xe9 is not UTF-8 text",
            "hint: save guide.toml as UTF-8",
        ],
        dir.path(),
    );
}

#[test]
fn check_proof_and_preview_stop_at_the_time_limit() {
    let dir = mini_project(&[("01-a.typ", LOOPING)]);
    for (command, extra) in
        [("check", &[][..]), ("proof", &["--lang", "fr"][..]), ("preview", &[][..])]
    {
        let mut args = vec!["--timeout", "1"];
        args.extend(extra);
        let started = Instant::now();
        let (code, _, err) = livret_in(dir.path(), command, &args);
        assert!(started.elapsed() < Duration::from_secs(60), "{command}");
        assert_eq!(code, 2, "{command}: {err}");
        assert!(
            err.contains(&format!("livret {command} gave up after 1 s (--timeout)")),
            "{err}"
        );
    }
    assert!(!dir.path().join("out/mini/fr/pocket-a6/preview").exists());
}
