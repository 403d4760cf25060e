//! A small blocking WebDriver client over std's TCP (chromedriver speaks plain HTTP/1.1
//! with JSON): Debian's `chromium` driven by `chromium-driver`, headless, for the
//! desk's browser tests. A crate such as fantoccini or thirtyfour would bring tokio and
//! hyper into the test build for the few calls used here.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The W3C key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A browser session; the browser and its driver end when it is dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

/// One HTTP exchange with the driver: the JSON of its answer.
fn exchange(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).expect("chromedriver answers");
    stream.set_read_timeout(Some(Duration::from_secs(180))).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let raw = read_answer(&mut stream);
    let text = String::from_utf8_lossy(&raw);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let rest = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        unchunk(rest)
    } else {
        rest.to_string()
    };
    serde_json::from_str(&rest).unwrap_or_else(|e| panic!("{method} {path}: {e}: {text}"))
}

/// An answer's bytes: up to the end of the body its `Content-Length` announces (the
/// driver may keep the connection open), or of a chunked body, or to the close.
fn read_answer(stream: &mut TcpStream) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|n| n.trim().parse::<usize>().ok());
            if length.is_some_and(|n| raw.len() >= end + 4 + n)
                || (head.contains("transfer-encoding: chunked")
                    && raw.ends_with(b"0\r\n\r\n"))
            {
                return raw;
            }
        }
        match stream.read(&mut buf) {
            Ok(0) => return raw,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) => panic!("chromedriver: {e}"),
        }
    }
}

/// The body of a chunked answer.
fn unchunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&tail[..n]);
        rest = &tail[n + 2..];
    }
    out
}

impl Browser {
    /// Starts chromedriver and a headless Chromium of `width`×`height` pixels. Headless
    /// Chromium now and then stalls in containers (see the watch tests): a start that
    /// fails is given up and made again, three times at most.
    pub fn start(width: u32, height: u32) -> Browser {
        for _ in 0..2 {
            if let Some(browser) = Self::try_start(width, height) {
                return browser;
            }
        }
        Self::try_start(width, height)
            .expect("chromium did not start three times in a row")
    }

    /// One try at [`Browser::start`].
    fn try_start(width: u32, height: u32) -> Option<Browser> {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (apt-get install chromium-driver, see .ci/run)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = json!([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ]);
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}
        }}});
        let answer =
            std::panic::catch_unwind(|| exchange(port, "POST", "/session", Some(&caps)));
        let session =
            answer.ok().and_then(|a| a["value"]["sessionId"].as_str().map(String::from));
        let Some(session) = session else {
            let _ = driver.kill();
            let _ = driver.wait();
            return None;
        };
        Some(Browser { driver, port, session, _profile: profile })
    }

    /// A command of the session; panics on a WebDriver error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let answer = exchange(self.port, method, &path, body.as_ref());
        if answer["value"].get("error").is_some() {
            panic!("{method} {path}: {}", answer["value"]);
        }
        answer["value"].clone()
    }

    /// Opens `url`.
    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// The current URL.
    pub fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap_or("").to_string()
    }

    /// The first element matching `css`, if any.
    pub fn find(&self, css: &str) -> Option<String> {
        let path = format!("/session/{}/elements", self.session);
        let body = json!({ "using": "css selector", "value": css });
        let answer = exchange(self.port, "POST", &path, Some(&body));
        answer["value"].as_array()?.first()?[ELEMENT].as_str().map(String::from)
    }

    /// The first element matching `css`, waiting for it (up to a minute).
    pub fn wait_for(&self, css: &str) -> String {
        let mut found = None;
        self.wait_until(&format!("an element {css}"), || {
            found = self.find(css);
            found.is_some()
        });
        found.unwrap()
    }

    /// Waits (up to two minutes) until `ready` holds; panics naming `what` otherwise.
    pub fn wait_until(&self, what: &str, mut ready: impl FnMut() -> bool) {
        let started = Instant::now();
        while !ready() {
            assert!(started.elapsed() < Duration::from_secs(120), "waited for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// An attribute of an element.
    pub fn attr(&self, element: &str, name: &str) -> Option<String> {
        let value =
            self.call("GET", &format!("/element/{element}/attribute/{name}"), None);
        value.as_str().map(String::from)
    }

    /// An element's text as shown.
    pub fn text(&self, element: &str) -> String {
        let value = self.call("GET", &format!("/element/{element}/text"), None);
        value.as_str().unwrap_or("").to_string()
    }

    /// Clicks an element.
    pub fn click(&self, element: &str) {
        self.call("POST", &format!("/element/{element}/click"), Some(json!({})));
    }

    /// Types `text` into an element (for a file input: the file's path).
    pub fn send_keys(&self, element: &str, text: &str) {
        let body = json!({ "text": text });
        self.call("POST", &format!("/element/{element}/value"), Some(body));
    }

    /// Runs a script (`arguments[i]` are `args`) and gives its result.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs a script whose last argument is the callback to call with its result.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// An element reference as a script argument.
    pub fn arg(element: &str) -> Value {
        json!({ ELEMENT: element })
    }

    /// Opens a new tab and gives its handle.
    pub fn new_tab(&self) -> String {
        let value = self.call("POST", "/window/new", Some(json!({ "type": "tab" })));
        value["handle"].as_str().unwrap().to_string()
    }

    /// The handle of the current tab.
    pub fn tab(&self) -> String {
        self.call("GET", "/window", None).as_str().unwrap().to_string()
    }

    /// Switches to the tab `handle`.
    pub fn switch_to(&self, handle: &str) {
        self.call("POST", "/window", Some(json!({ "handle": handle })));
    }

    /// Saves a screenshot of the page as PNG.
    pub fn screenshot(&self, path: &Path) {
        let value = self.call("GET", "/screenshot", None);
        std::fs::write(path, base64_decode(value.as_str().unwrap())).unwrap();
    }

    /// The bytes at `url` fetched by the page itself (with its cookies).
    pub fn fetch_bytes(&self, url: &str) -> Vec<u8> {
        let script = "const done = arguments[arguments.length - 1];\
            fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {\
              let s = ''; const a = new Uint8Array(b);\
              for (let i = 0; i < a.length; i += 32768) s += String.fromCharCode(...a.subarray(i, i + 32768));\
              done(btoa(s)); }).catch(e => done('ERROR ' + e));";
        let value = self.execute_async(script, vec![json!(url)]);
        let text = value.as_str().unwrap();
        assert!(!text.starts_with("ERROR"), "{url}: {text}");
        base64_decode(text)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", self.port)) {
            drop(stream);
            let _ =
                std::panic::catch_unwind(|| exchange(self.port, "DELETE", &path, None));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 decoded (the screenshots and fetched files).
pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> =
        text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(value(c))).collect();
        let n = v.iter().enumerate().fold(0u32, |n, (i, x)| n | (x << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if v.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if v.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}
