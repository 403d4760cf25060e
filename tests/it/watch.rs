//! `livret watch`: a live process rebuilds on edits, survives a broken edit, and
//! picks up the fix.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::support::*;

#[test]
fn rebuilds_on_change_and_survives_errors() {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier état du texte.\n"),
        ("02-b.typ", "= Deux\n\nTexte Typst.\n"),
    ]);
    let root = dir.path();
    let (_guard, lines) = spawn_watch(root, &[]);
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");

    let first = next_event(&lines, Duration::from_secs(60));
    assert!(
        first.starts_with("built out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf"),
        "{first}"
    );
    assert!(normalize(&pdf_text(&pdf, None)).contains("Premier état du texte"));

    // Give the watcher time to register the files, then edit a chapter.
    std::thread::sleep(Duration::from_millis(500));
    fs::write(root.join("sources/fr/01-a.md"), "# Un\n\nSecond état, corrigé.\n")
        .unwrap();
    let second = next_event(&lines, Duration::from_secs(60));
    assert!(second.starts_with("built"), "{second}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Second état, corrigé"));

    // A broken Typst chapter: an error, the last good PDF stays.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(root.join("sources/fr/02-b.typ"), "= Deux\n\n#table(columns: 2, [a]\n")
        .unwrap();
    let broken = next_event(&lines, Duration::from_secs(60));
    assert!(broken.starts_with("failed"), "{broken}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Second état, corrigé"));

    // The fix is picked up.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(root.join("sources/fr/02-b.typ"), "= Deux\n\nTexte réparé.\n").unwrap();
    let fixed = next_event(&lines, Duration::from_secs(60));
    assert!(fixed.starts_with("built"), "{fixed}");
    assert!(normalize(&pdf_text(&pdf, None)).contains("Texte réparé"));
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP/1.0 GET: status code, headers (lowercase names) and body.
fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a full response");
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, raw[split + 4..].to_vec())
}

/// The `/` page as text.
fn index(port: u16) -> String {
    let (status, _, body) = get(port, "/");
    assert_eq!(status, 200);
    String::from_utf8(body).unwrap()
}

/// Page image addresses in the `/` page, in document order.
fn image_sources(html: &str) -> Vec<String> {
    html.split("<img src=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// A two-chapter project watched with `--serve` on a free port.
fn serving_project() -> (tempfile::TempDir, u16, Watching, Receiver<String>) {
    let dir = mini_project(&[
        ("01-a.md", "# Un\n\nPremier état du texte.\n"),
        ("02-b.typ", "= Deux\n\nTexte Typst.\n"),
    ]);
    let port = free_port();
    let (guard, lines) =
        spawn_watch(dir.path(), &["--serve", "--port", &port.to_string()]);
    (dir, port, guard, lines)
}

#[test]
fn serves_the_pages_and_reloads_browsers() {
    let (dir, port, _guard, lines) = serving_project();
    let root = dir.path();
    let serving = lines.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(serving, format!("serving the pages at http://127.0.0.1:{port}/"));
    assert!(next_event(&lines, Duration::from_secs(60)).starts_with("built"));
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let (pages, width_pt, _) = pdf_info(&pdf);

    // One image per page of the PDF, in reading order, and the live-reload script.
    let html = index(port);
    let sources = image_sources(&html);
    let expected: Vec<String> = (1..=pages).map(|n| format!("/page/1/{n}.svg")).collect();
    assert_eq!(sources, expected);
    assert!(html.contains("EventSource(\"/__events\")"), "{html}");

    // Each page is an SVG of the page's size; past the last page there is nothing.
    let (status, head, svg) = get(port, &sources[0]);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: image/svg+xml"), "{head}");
    let svg = String::from_utf8(svg).unwrap();
    let width: f64 = svg
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split("pt")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((width - width_pt).abs() < 0.1, "{width} pt against {width_pt} pt");
    assert_eq!(get(port, &format!("/page/1/{}.svg", pages + 1)).0, 404);
    assert_eq!(get(port, "/../sources/guide.toml").0, 404);
    // The served PDF is the written PDF.
    assert_eq!(get(port, "/book.pdf").2, fs::read(&pdf).unwrap());

    // A browser listening for reloads hears one after an edit.
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(events, "GET /__events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    fs::write(
        root.join("sources/fr/01-a.md"),
        "# Un\n\nSecond état.\n\n#pagebreak()\n\nSuite.\n",
    )
    .unwrap();
    assert!(next_event(&lines, Duration::from_secs(60)).starts_with("built"));
    let mut heard = String::new();
    let mut buf = [0u8; 512];
    while !heard.contains("event: reload") {
        let n = events.read(&mut buf).expect("a reload event within a minute");
        assert!(n > 0, "the event stream closed: {heard}");
        heard.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let html = index(port);
    assert!(html.contains("data-build=\"2\""), "{html}");
    assert!(image_sources(&html).iter().all(|s| s.starts_with("/page/2/")));

    // A broken edit: the error is shown over the last good pages.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(root.join("sources/fr/02-b.typ"), "= Deux\n\n#table(columns: 2, [a]\n")
        .unwrap();
    assert!(next_event(&lines, Duration::from_secs(60)).starts_with("failed"));
    let html = index(port);
    assert!(html.contains("<pre class=\"error\">"), "{html}");
    assert!(html.contains("sources/fr/02-b.typ"), "{html}");
    assert_eq!(image_sources(&html).len(), pages, "the last good pages stay");
}

/// The watch and its page in French (`--ui-lang fr`): the lines on the terminal, the
/// page's language, its texts and the server's own answers.
#[test]
fn the_watch_page_speaks_french() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nPremier état du texte.\n")]);
    let port = free_port();
    let (_guard, lines) = spawn_watch(
        dir.path(),
        &["--serve", "--port", &port.to_string(), "--ui-lang", "fr"],
    );
    let serving = lines.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(
        serving,
        format!("les pages sont servies à l'adresse http://127.0.0.1:{port}/")
    );
    let built = lines.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(built.starts_with("fabriqué out/mini/fr/pocket-a6/"), "{built}");
    let html = index(port);
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("alt=\"page 1\""), "{html}");
    let (status, _, body) = get(port, "/nothing-here");
    assert_eq!((status, String::from_utf8(body).unwrap().as_str()), (404, "introuvable"));
    // A broken edit: the page says so in French over the last good pages.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(dir.path().join("sources/fr/01-a.md"), "# Un\n\n![](absente.png)\n")
        .unwrap();
    let failed = loop {
        let line = lines.recv_timeout(Duration::from_secs(60)).unwrap();
        if line.starts_with("échec") {
            break line;
        }
    };
    assert_eq!(failed, "échec ; en attente de la prochaine modification");
    let html = index(port);
    assert!(html.contains("la dernière modification ne se construit pas"), "{html}");
    assert!(!html.contains("does not build"), "{html}");
}

/// The first headless Chromium on PATH (Debian: chromium-headless-shell or chromium).
fn chromium() -> String {
    for name in ["chromium-headless-shell", "chromium", "chromium-browser"] {
        if Command::new(name).arg("--version").output().is_ok_and(|o| o.status.success())
        {
            return name.to_string();
        }
    }
    panic!("no headless Chromium: apt-get install chromium-headless-shell (see .ci/run)");
}

#[test]
fn a_headless_browser_shows_every_page() {
    // Headless Chromium now and then stalls in containers: each try gets a deadline, a
    // stalled one is killed, and the next try starts afresh (a new server too); stalls
    // of two or three tries in a row were seen.
    let mut dom = String::new();
    let mut pages = 0;
    for _ in 0..6 {
        let (dir, port, _guard, lines) = serving_project();
        assert!(next_event(&lines, Duration::from_secs(60)).starts_with("built"));
        pages =
            pdf_info(&dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf")).0;
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(chromium())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
            ])
            .arg("--dump-dom")
            // No D-Bus in containers: without this, Chromium waits on its timeouts.
            .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("http://127.0.0.1:{port}/"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            // Its own process group: Debian's launcher is a shell script whose browser
            // processes must go too when the try is stopped.
            .process_group(0)
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stdout.read_to_string(&mut text);
            text
        });
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ =
            Command::new("kill").args(["-9", "--", &format!("-{}", child.id())]).status();
        let _ = child.wait();
        dom = reader.join().unwrap();
        if dom.contains("data-loaded=") {
            break;
        }
    }
    // The page's script counts the images the browser decoded, once all loaded.
    assert!(
        dom.contains(&format!("data-loaded=\"{pages}\"")),
        "Chromium did not show all {pages} pages: {}",
        dom.lines().find(|l| l.contains("<body")).unwrap_or(&dom)
    );
}
