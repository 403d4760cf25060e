//! `livret desk`: the helper every desk test starts it with, and its safety in plain
//! HTTP (no browser): no token, a foreign Host, a cross-origin write, a write without
//! the CSRF token are refused; uploads stay in the desk's folder and are capped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::support::*;

/// A running `livret desk` on a copy of the built sample; stopped when dropped.
pub struct Desk {
    child: Child,
    /// The desk's stdout, kept open.
    _stdout: BufReader<std::process::ChildStdout>,
    /// The project copy.
    pub dir: tempfile::TempDir,
    /// The port.
    pub port: u16,
    /// The token of the printed URL.
    pub token: String,
    /// The URL it printed.
    pub url: String,
}

impl Desk {
    /// Starts the desk (`--no-open --port 0`) on a copy of the built sample.
    pub fn start() -> Desk {
        let dir = built_sample_copy();
        let mut child = crate::support::livret_process()
            .args(["desk", "--no-open", "--port", "0", "-p"])
            .arg(dir.path())
            // The first line is read as `desk: <url>`: English whatever the locale.
            .env("LIVRET_LANG", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        let url = line.trim().strip_prefix("desk: ").unwrap_or_else(|| panic!("{line}"));
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("{url}"));
        let token = url.rsplit_once("token=").unwrap().1.to_string();
        assert_eq!(token.len(), 64, "{url}");
        Desk { child, _stdout: stdout, dir, port, token, url: url.to_string() }
    }

    /// The project root.
    pub fn root(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// A raw request: the head lines after the request line (CRLF added) and a body;
    /// gives the status, the head and the body of the answer.
    pub fn raw(
        &self,
        line: &str,
        headers: &[String],
        body: &[u8],
    ) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        let mut head = format!("{line} HTTP/1.1\r\n");
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        let _ = stream.write_all(body);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let split =
            answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(answer.len());
        let head = String::from_utf8_lossy(&answer[..split]).to_string();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, head, answer.get(split + 4..).unwrap_or_default().to_vec())
    }

    /// The usual headers: Host, the token's cookie (when `cookie`).
    pub fn headers(&self, cookie: bool) -> Vec<String> {
        let mut h =
            vec![format!("Host: 127.0.0.1:{}", self.port), "Connection: close".into()];
        if cookie {
            h.push(format!("Cookie: livret_desk={}", self.token));
        }
        h
    }

    /// GET with the cookie: status and body.
    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        let (status, _, body) =
            self.raw(&format!("GET {path}"), &self.headers(true), &[]);
        (status, body)
    }

    /// The CSRF token written in the desk's pages.
    pub fn csrf(&self) -> String {
        let (status, page) = self.get("/");
        let page = String::from_utf8(page).unwrap();
        let at = page.find("name=\"desk-csrf\" content=\"");
        let at = at.unwrap_or_else(|| panic!("{status}: {page}")) + 26;
        page[at..at + 64].to_string()
    }

    /// POST with the cookie, the CSRF token and `extra` headers.
    pub fn post(&self, path: &str, body: &[u8], extra: &[String]) -> (u16, Vec<u8>) {
        let mut headers = self.headers(true);
        headers.push(format!("X-Desk-Csrf: {}", self.csrf()));
        headers.push(format!("Content-Length: {}", body.len()));
        headers.extend(extra.iter().cloned());
        let (status, _, body) = self.raw(&format!("POST {path}"), &headers, body);
        (status, body)
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first paragraph block of `en/01-introduction` as the room shows it: id, base.
pub fn first_paragraph(desk: &Desk) -> (String, String) {
    let (_, page) = desk.get("/translate/en/01-introduction");
    let page = String::from_utf8(page).unwrap();
    let at = page.find("data-id=\"01-introduction#paragraph-").unwrap();
    let attrs: Vec<&str> = page[at..].split('"').collect();
    (attrs[1].to_string(), attrs[3].to_string())
}

/// A save request's JSON body.
fn save_body(id: &str, base: &str, text: &str) -> Vec<u8> {
    serde_json::json!({ "id": id, "base": base, "text": text }).to_string().into_bytes()
}

#[test]
fn without_the_token_everything_is_forbidden() {
    let desk = Desk::start();
    let (status, _, _) = desk.raw("GET /", &desk.headers(false), &[]);
    assert_eq!(status, 403);
    let (status, _, _) =
        desk.raw("GET /translate/en/01-introduction", &desk.headers(false), &[]);
    assert_eq!(status, 403);
    let mut wrong = desk.headers(false);
    wrong.push(format!("Cookie: livret_desk={}", "0".repeat(64)));
    assert_eq!(desk.raw("GET /editions", &wrong, &[]).0, 403);
    assert_eq!(
        desk.raw(&format!("GET /?token={}", "1".repeat(64)), &desk.headers(false), &[]).0,
        403
    );
    // The URL's token is traded for an HttpOnly, SameSite=Strict cookie.
    let (status, head, _) =
        desk.raw(&format!("GET /?token={}", desk.token), &desk.headers(false), &[]);
    assert_eq!(status, 303, "{head}");
    let cookie = head.lines().find(|l| l.starts_with("Set-Cookie:")).unwrap();
    assert!(cookie.contains(&desk.token) && cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert_eq!(desk.get("/").0, 200);
}

#[test]
fn foreign_hosts_and_cross_site_writes_are_refused() {
    let desk = Desk::start();
    let chapter = desk.root().join("sources/en/01-introduction.md");
    let before = std::fs::read(&chapter).unwrap();
    for host in
        [format!("evil.example:{}", desk.port), "127.0.0.1".into(), "localhost:1".into()]
    {
        let mut headers = desk.headers(true);
        headers[0] = format!("Host: {host}");
        assert_eq!(desk.raw("GET /", &headers, &[]).0, 403, "{host}");
    }
    let mut localhost = desk.headers(true);
    localhost[0] = format!("Host: localhost:{}", desk.port);
    assert_eq!(desk.raw("GET /", &localhost, &[]).0, 200);

    let (id, base) = first_paragraph(&desk);
    let body = save_body(&id, &base, "Written by another site.");
    let origin = ["Origin: http://evil.example".to_string()];
    assert_eq!(desk.post("/api/save/en/01-introduction", &body, &origin).0, 403);
    let site = ["Sec-Fetch-Site: cross-site".to_string()];
    assert_eq!(desk.post("/api/save/en/01-introduction", &body, &site).0, 403);
    // Without the CSRF token, even from the desk's own origin.
    let mut headers = desk.headers(true);
    headers.push(format!("Origin: http://127.0.0.1:{}", desk.port));
    headers.push(format!("Content-Length: {}", body.len()));
    let (status, _, _) = desk.raw("POST /api/save/en/01-introduction", &headers, &body);
    assert_eq!(status, 403);
    headers.push("X-Desk-Csrf: 0123".into());
    assert_eq!(desk.raw("POST /api/save/en/01-introduction", &headers, &body).0, 403);
    assert_eq!(std::fs::read(&chapter).unwrap(), before, "nothing was written");
    // With everything right, the same save is made.
    let own = [format!("Origin: http://127.0.0.1:{}", desk.port)];
    let (status, answer) = desk.post("/api/save/en/01-introduction", &body, &own);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    assert!(
        std::fs::read_to_string(&chapter).unwrap().contains("Written by another site.")
    );
}

#[test]
fn uploads_stay_in_the_desk_folder_and_are_capped() {
    let desk = Desk::start();
    let pdf = std::fs::read(built_sample().output("en", "pocket-a7", ".pdf")).unwrap();
    let (status, answer) = desk.post("/api/upload?name=..%2F..%2Fx.pdf", &pdf, &[]);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let saved = desk.root().join("out/.desk/uploads/x.pdf");
    assert_eq!(std::fs::read(&saved).unwrap(), pdf);
    let outside = [
        desk.root().join("x.pdf"),
        desk.root().join("../x.pdf"),
        desk.root().join("out/x.pdf"),
    ];
    // Another program's x.pdf in the shared temporary folder is not ours: only the
    // uploaded bytes written there would be an escape.
    let escaped = |p: &std::path::PathBuf| std::fs::read(p).is_ok_and(|b| b == pdf);
    assert!(!outside.iter().any(escaped), "an upload left the desk's folder");
    let (status, _) = desk.post("/api/upload?name=notes.pdf", b"not a pdf", &[]);
    assert_eq!(status, 422);
    // Over the cap: refused on its announced length, before any byte is read.
    let mut headers = desk.headers(true);
    headers.push(format!("X-Desk-Csrf: {}", desk.csrf()));
    headers.push(format!("Content-Length: {}", (64 << 20) + 1));
    let (status, _, _) = desk.raw("POST /api/upload?name=big.pdf", &headers, &[]);
    assert_eq!(status, 413);
    assert!(!desk.root().join("out/.desk/uploads/big.pdf").exists());
}

#[test]
fn a_save_from_a_stale_editor_is_a_conflict_and_loses_nothing() {
    let desk = Desk::start();
    let chapter = desk.root().join("sources/en/01-introduction.md");
    let before = std::fs::read_to_string(&chapter).unwrap();
    let (id, base) = first_paragraph(&desk);
    let body = save_body(&id, &base, "First tab's words.");
    let (status, answer) = desk.post("/api/save/en/01-introduction", &body, &[]);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let after = std::fs::read_to_string(&chapter).unwrap();
    let changed: Vec<(&str, &str)> =
        before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "one line changed: {changed:?}");
    assert_eq!(changed[0].1, "First tab's words.");
    assert_eq!(before.lines().count(), after.lines().count());
    // The second tab still has the old base.
    let body = save_body(&id, &base, "Second tab's words.");
    let (status, answer) = desk.post("/api/save/en/01-introduction", &body, &[]);
    assert_eq!(status, 200);
    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(answer["outcome"], "conflict", "{answer}");
    assert_eq!(answer["conflict"]["theirs"], "First tab's words.");
    assert_eq!(answer["conflict"]["mine"], "Second tab's words.");
    assert_eq!(std::fs::read_to_string(&chapter).unwrap(), after, "nothing overwritten");
}

#[test]
fn nko_is_edited_right_to_left_with_the_guides_font() {
    let desk = Desk::start();
    let (status, page) = desk.get("/translate/nqo/01-introduction");
    let page = String::from_utf8(page).unwrap();
    assert_eq!(status, 200, "{page}");
    let editor = page.find("<textarea data-block=").map(|at| &page[at..]).unwrap();
    let editor = &editor[..editor.find('>').unwrap()];
    assert!(
        editor.contains("dir=\"rtl\"") && editor.contains("lang=\"nqo\""),
        "{editor}"
    );
    assert!(editor.contains("font-family:'desk-NotoSansNKo'"), "{editor}");
    let (_, css) = desk.get("/assets/fonts.css");
    let css = String::from_utf8(css).unwrap();
    let rule = css.lines().find(|l| l.contains("\"desk-NotoSansNKo\"")).unwrap();
    let url = rule.split("url(\"").nth(1).unwrap().split('"').next().unwrap();
    let (status, font) = desk.get(url);
    assert_eq!(status, 200, "{url}");
    assert_eq!(
        font,
        std::fs::read(repo().join("fonts/noto/NotoSansNKo-Regular.ttf")).unwrap()
    );
    // Its preview is built and its blocks found on the right-to-left pages.
    let (status, preview) = desk.get("/api/preview/nqo/01-introduction");
    let preview: serde_json::Value = serde_json::from_slice(&preview).unwrap();
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["error"], serde_json::Value::Null, "{preview}");
    assert!(preview["places"].as_object().is_some_and(|p| !p.is_empty()), "{preview}");
    // Only font files, only under fonts/.
    assert_eq!(desk.get("/fonts/noto/OFL.txt").0, 404);
    assert_eq!(desk.get("/fonts/../sources/guide.toml").0, 404);
    assert_eq!(desk.get("/file?path=sources/guide.toml").0, 403);
    assert_eq!(desk.get("/file?path=out/../sources/guide.toml").0, 403);
}

/// The `<article>` of the room's page whose source text has `words`.
fn article_with<'a>(page: &'a str, words: &str) -> &'a str {
    page.split("<article ")
        .find(|a| a.contains(words))
        .unwrap_or_else(|| panic!("{words}"))
}

#[test]
fn stale_blocks_show_their_diff_and_checks_mark_their_blocks() {
    let desk = Desk::start();
    let source = desk.root().join("sources/fr/01-introduction.md");
    let text = std::fs::read_to_string(&source).unwrap();
    let changed =
        text.replacen("se construit ensemble.", "se construit ensemble, chaque jour.", 1);
    assert_ne!(text, changed);
    std::fs::write(&source, changed).unwrap();
    let (_, page) = desk.get("/translate/en/01-introduction");
    let page = String::from_utf8(page).unwrap();
    let block = article_with(&page, "chaque jour");
    assert!(block.contains("data-state=\"stale\""), "{block}");
    let diff = &block[block.find("class=\"diff\"").expect("a word diff")..];
    assert!(diff.contains("<ins>") && diff.contains("chaque"), "{diff}");
    // A heading whose translation loses its final `?`: the check is on that block.
    let heading = article_with(&page, "À quoi sert ce guide");
    assert!(!heading.contains("data-check="), "{heading}");
    let id = heading.split('"').nth(3).unwrap();
    let base = heading.split("data-base=\"").nth(1).unwrap().split('"').next().unwrap();
    let body = save_body(id, base, "What is this guide for");
    assert_eq!(desk.post("/api/save/en/01-introduction", &body, &[]).0, 200);
    let (_, page) = desk.get("/translate/en/01-introduction");
    let page = String::from_utf8(page).unwrap();
    let heading = article_with(&page, "À quoi sert ce guide");
    assert!(heading.contains("data-check=\"punctuation\""), "{heading}");
    assert!(heading.contains("data-state=\"review\""), "{heading}");
    // Accepting the whole chapter accepts the edited and the stale block.
    let (status, answer) = desk.post("/api/accept/en/01-introduction", b"{}", &[]);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    let states = answer["states"].as_object().unwrap();
    assert!(states.values().all(|s| s == "current"), "{answer}");
    let (_, page) = desk.get("/translate/en/01-introduction");
    let page = String::from_utf8(page).unwrap();
    assert!(!page.contains("data-state=\"stale\""));
}
