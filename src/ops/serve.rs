//! `livret watch --serve`: the pages of the latest build in a browser on localhost,
//! reloaded after every rebuild (server-sent events on `/__events`).
//!
//! Routes: `/` (the pages as spreads, build status, warnings or the error),
//! `/page/BUILD/N.svg` (page N, drawn on request with typst-svg) and `/book.pdf` (the PDF).
//!
//! Only requests whose `Host` is `localhost`, `127.0.0.1` or `[::1]` with the served
//! port are answered (403 otherwise), so a web page cannot reach the server through a
//! name of its own that resolves to 127.0.0.1 (DNS rebinding). Links in the pages keep
//! only `http`, `https`, `mailto` and relative targets: a `javascript:` link of a
//! chapter is not made live. Connections are bounded in number and time
//! ([`crate::ops::http`]): half-open clients never stop it answering others.

use std::fmt::Write as _;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use typst::foundations::Bytes;
use typst_layout::PagedDocument;

use crate::ops::http;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::html::escape;

/// One answer of the server: its bytes and their type.
struct Body {
    data: Vec<u8>,
    mime: &'static str,
}

/// Answers a path from the latest view.
type Router = Arc<dyn Fn(&str) -> Option<Body> + Send + Sync>;

/// The router of the latest view and its number; browsers wait on the condvar for
/// the next one.
struct Latest {
    state: Mutex<(u64, Router)>,
    changed: Condvar,
}

/// What the browser shows: the latest good pages and how the last build went.
struct View {
    /// The title of the browser tab.
    title: String,
    /// Increases with every build, so browsers never show a cached page image.
    build: usize,
    /// The latest successfully built document and its PDF.
    pages: Option<(Arc<PagedDocument>, Bytes)>,
    /// One line on the last build ("built in 14 ms").
    status: String,
    /// Warnings of the last good build, or the error of a failed one.
    messages: Vec<String>,
    /// Whether the last build failed (the pages shown are older).
    failed: bool,
    /// A right-to-left book: the earlier page of a spread is on the right.
    rtl: bool,
}

/// A live view of one booklet on localhost.
pub struct LiveView {
    addr: SocketAddr,
    latest: Arc<Latest>,
    view: View,
}

impl LiveView {
    /// Starts serving on `port` (or the first free one of 3000–3005); `rtl` books
    /// show their spreads right to left.
    pub fn start(title: &str, port: Option<u16>, rtl: bool) -> Result<Self> {
        let listener = listen(port)?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::new(tr!("serve-cannot", reason = e.to_string())))?;
        let waiting_page = format!(
            "<!DOCTYPE html><html lang=\"{}\"><p>{}</p>",
            crate::i18n::current().code(),
            escape(&tr!("serve-building"))
        );
        let waiting: Router = Arc::new(move |route: &str| {
            (route == "/").then(|| html_body(waiting_page.clone()))
        });
        let latest =
            Arc::new(Latest { state: Mutex::new((0, waiting)), changed: Condvar::new() });
        let shared = latest.clone();
        let port = addr.port();
        let handler: http::Handler =
            Arc::new(move |request| answer(request, port, &shared));
        http::spawn(listener, http::LIMITS, handler)
            .map_err(|e| Error::new(tr!("serve-cannot", reason = e.to_string())))?;
        let view = View {
            title: title.to_string(),
            build: 0,
            pages: None,
            status: tr!("serve-building").to_string(),
            messages: Vec::new(),
            failed: false,
            rtl,
        };
        Ok(Self { addr, latest, view })
    }

    /// The address browsers should open (with the port the system chose for `--port 0`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Shows a new good build and reloads every connected browser.
    pub fn built(
        &mut self,
        document: Arc<PagedDocument>,
        pdf: Vec<u8>,
        status: String,
        warnings: Vec<String>,
    ) {
        self.view.build += 1;
        self.view.pages = Some((document, Bytes::new(pdf)));
        self.view.status = status;
        self.view.messages = warnings;
        self.view.failed = false;
        self.publish();
    }

    /// Shows a failed build (the last good pages stay, marked out of date).
    pub fn failed(&mut self, error: &Error) {
        self.view.build += 1;
        self.view.status = tr!("serve-failed").to_string();
        self.view.messages = vec![error.to_string()];
        self.view.failed = true;
        self.publish();
    }

    /// Hands the server a router over the current view; browsers reload.
    fn publish(&self) {
        let html = page_html(&self.view);
        let pages = self.view.pages.clone();
        let router: Router =
            Arc::new(move |route: &str| route_request(route, &html, pages.as_ref()));
        if let Ok(mut state) = self.latest.state.lock() {
            *state = (state.0 + 1, router);
        }
        self.latest.changed.notify_all();
    }
}

/// Binds 127.0.0.1 on `port`, or on the first free port of 3000–3005.
fn listen(port: Option<u16>) -> Result<TcpListener> {
    let ports: Vec<u16> = match port {
        Some(port) => vec![port],
        None => (3000..=3005).collect(),
    };
    let mut last = None;
    for port in ports {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, port)) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(tr!("serve-port", port = port, reason = e.to_string())),
        }
    }
    let reason = last.unwrap_or_default();
    Err(Error::new(tr!("serve-cannot", reason = reason))
        .with_hint(tr!("serve-port-hint")))
}

/// Whether a `Host` header names this server on the loopback (not another name that
/// resolves to it): `localhost`, `127.0.0.1` or `[::1]`, with the served port or
/// without one (as simple clients write it; the name is what DNS rebinding changes).
pub fn host_allowed(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) if !name.is_empty() && !p.contains(']') => (name, Some(p)),
        _ => (host, None),
    };
    let loopback =
        ["localhost", "127.0.0.1", "[::1]"].iter().any(|n| name.eq_ignore_ascii_case(n));
    loopback && given.is_none_or(|p| p == port.to_string())
}

/// Answers one request: 403 for a foreign `Host`, the event stream, or the view.
fn answer(request: &http::Request, port: u16, latest: &Arc<Latest>) -> http::Reply {
    let text = |status, text: crate::i18n::Text| {
        http::Reply::Full(status, "text/plain; charset=utf-8", text.to_string().into())
    };
    if !host_allowed(&request.host, port) {
        return text(403, tr!("serve-forbidden-host"));
    }
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return text(405, tr!("serve-method-not-allowed"));
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/");
    if path == "/__events" {
        let latest = latest.clone();
        return http::Reply::Events(Box::new(move |writer| events(writer, &latest)));
    }
    let router = match latest.state.lock() {
        Ok(state) => state.1.clone(),
        Err(_) => return text(500, tr!("serve-internal-error")),
    };
    match router(path) {
        Some(body) => http::Reply::Full(200, body.mime, body.data),
        None => text(404, tr!("serve-not-found")),
    }
}

/// Tells a browser to reload after every new view, until it goes away (a comment
/// every few seconds finds out when it has).
fn events(writer: &mut dyn std::io::Write, latest: &Latest) -> std::io::Result<()> {
    let mut seen = latest.state.lock().map(|s| s.0).unwrap_or_default();
    loop {
        let Ok(state) = latest.state.lock() else { return Ok(()) };
        let Ok((state, _)) =
            latest.changed.wait_timeout_while(state, KEEP_ALIVE, |s| s.0 == seen)
        else {
            return Ok(());
        };
        let changed = state.0 != seen;
        seen = state.0;
        drop(state);
        if changed {
            write!(writer, "event: reload\ndata:\n\n")?;
        } else {
            write!(writer, ": still here\n\n")?;
        }
        writer.flush()?;
    }
}

/// How often an event stream with nothing to say checks that its browser is there.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// An HTML page with the script that reloads it after a rebuild.
fn html_body(mut html: String) -> Body {
    let at = html.rfind("</body>").unwrap_or(html.len());
    html.insert_str(at, RELOAD_SCRIPT);
    Body { data: html.into_bytes(), mime: "text/html; charset=utf-8" }
}

/// Reloads the page when the server says a new build is there.
const RELOAD_SCRIPT: &str = "<script>new EventSource(\"/__events\")\
.addEventListener(\"reload\",()=>location.reload())</script>";

/// Answers one path from the current view.
fn route_request(
    route: &str,
    html: &str,
    pages: Option<&(Arc<PagedDocument>, Bytes)>,
) -> Option<Body> {
    if route == "/" {
        return Some(html_body(html.to_string()));
    }
    let (document, pdf) = pages?;
    if route == "/book.pdf" {
        return Some(Body { data: pdf.to_vec(), mime: "application/pdf" });
    }
    // `/page/BUILD/N.svg`: the build number only keeps browsers from caching.
    let (_build, number) =
        route.strip_prefix("/page/")?.strip_suffix(".svg")?.split_once('/')?;
    let number: usize = number.parse().ok()?;
    let page = document.pages().get(number.checked_sub(1)?)?;
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default());
    Some(Body { data: safe_links(&svg).into_bytes(), mime: "image/svg+xml" })
}

/// Whether a link target may stay live: `http`, `https`, `mailto`, or relative (no
/// scheme, and no character reference that could hide one).
pub fn link_allowed(target: &str) -> bool {
    let lower: String = target
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    if ["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)) {
        return true;
    }
    let before_path = lower.split(['/', '?', '#']).next().unwrap_or("");
    !before_path.contains(':') && !lower.contains('&')
}

/// The SVG with the `href`s of its `<a>` elements removed where not [`link_allowed`]
/// (images keep their `data:` sources).
pub fn safe_links(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&safe_tag(&rest[at..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One `<a …>` tag without its unsafe `href` and `xlink:href` attributes.
fn safe_tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(at) = rest.find("href=\"") {
        let value_start = at + "href=\"".len();
        let Some(len) = rest[value_start..].find('"') else { break };
        let value = &rest[value_start..value_start + len];
        let attr_start = rest[..at].rfind(' ').map_or(at, |s| s + 1);
        if link_allowed(value) {
            out.push_str(&rest[..value_start + len + 1]);
        } else {
            out.push_str(rest[..attr_start].trim_end());
        }
        rest = &rest[value_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Reading order as a reader holding the booklet sees it: page 1 alone, then
/// facing pairs, the last page alone when the count is even.
fn spreads(count: usize) -> Vec<Vec<usize>> {
    let mut rows = Vec::new();
    if count == 0 {
        return rows;
    }
    rows.push(vec![1]);
    let mut n = 2;
    while n <= count {
        if n < count {
            rows.push(vec![n, n + 1]);
        } else {
            rows.push(vec![n]);
        }
        n += 2;
    }
    rows
}

/// The page the browser shows.
fn page_html(view: &View) -> String {
    let mut body = String::new();
    let class = if view.failed { "status failed" } else { "status" };
    let _ = write!(
        body,
        "<header><h1 dir=\"auto\">{}</h1><p class=\"{class}\">{}</p>",
        escape(&view.title),
        escape(&view.status)
    );
    if view.pages.is_some() {
        let _ = write!(
            body,
            "<p><a href=\"/book.pdf\">{}</a></p>",
            escape(&tr!("serve-pdf-link"))
        );
    }
    body.push_str("</header>");
    if !view.messages.is_empty() {
        let kind = if view.failed { "error" } else { "warnings" };
        let _ = write!(body, "<pre class=\"{kind}\">");
        for message in &view.messages {
            body.push_str(&escape(message));
            body.push('\n');
        }
        body.push_str("</pre>");
    }
    if let Some((document, _)) = &view.pages {
        let old = if view.failed { " old" } else { "" };
        let old = if view.rtl { format!("{old} rtl") } else { old.to_string() };
        let _ = write!(body, "<main class=\"pages{old}\">");
        for row in spreads(document.pages().len()) {
            body.push_str("<div class=\"spread\">");
            for n in row {
                let _ = write!(
                    body,
                    "<figure><img src=\"/page/{}/{n}.svg\" alt=\"{}\">\
                     <figcaption>{n}</figcaption></figure>",
                    view.build,
                    escape(&tr!("serve-page-alt", page = n))
                );
            }
            body.push_str("</div>");
        }
        body.push_str("</main>");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} — livret</title><style>{STYLE}</style></head>\
         <body data-build=\"{}\">{body}<script>{LOADED_SCRIPT}</script></body></html>\n",
        crate::i18n::current().code(),
        escape(&view.title),
        view.build
    )
}

/// Styles of the live view: grey desk, pages as paper, spreads side by side.
const STYLE: &str = "body{margin:0;background:#d9d9d6;font-family:sans-serif;color:#222}\
header{padding:.6em 1em;background:#1f4e79;color:#fff}\
header h1{font-size:1.1em;margin:0}header p{margin:.2em 0}header a{color:#fff}\
.status.failed{color:#ffd2cc;font-weight:bold}\
pre{margin:.8em;padding:.6em;white-space:pre-wrap}\
pre.error{background:#fbe4e1;border-left:4px solid #b03a2e}\
pre.warnings{background:#fdf3dc;border-left:4px solid #e08a1e}\
.pages{display:flex;flex-direction:column;align-items:center;gap:1em;padding:1em}\
.pages.old{opacity:.45}\
.spread{display:flex;gap:2px}.rtl .spread{flex-direction:row-reverse}\
figure{margin:0;text-align:center;font-size:.75em;color:#555}\
img{display:block;width:min(42vw,420px);background:#fff;box-shadow:0 1px 4px #0004}";

/// Counts the page images that loaded into `body[data-loaded]` (checked by tests
/// in a headless browser).
const LOADED_SCRIPT: &str = "addEventListener('load',()=>{document.body.dataset.loaded=\
[...document.images].filter(i=>i.complete&&i.naturalWidth>0).length})";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_follow_a_booklet() {
        assert_eq!(spreads(0), Vec::<Vec<usize>>::new());
        assert_eq!(spreads(1), vec![vec![1]]);
        assert_eq!(spreads(4), vec![vec![1], vec![2, 3], vec![4]]);
        assert_eq!(spreads(5), vec![vec![1], vec![2, 3], vec![4, 5]]);
    }

    #[test]
    fn only_safe_links_stay_live() {
        for ok in ["https://x.org", "HTTP://a", "mailto:a@b", "page.html", "/a:b", "#top"]
        {
            assert!(link_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "javascript&#58;x",
        ] {
            assert!(!link_allowed(bad), "{bad}");
        }
        let svg = "<g><a href=\"javascript:x()\" xlink:href=\"javascript:x()\"><rect/></a>\
                   <a href=\"https://ok\"><rect/></a><image xlink:href=\"data:image/png;base64,AA\"/></g>";
        assert_eq!(
            safe_links(svg),
            "<g><a><rect/></a><a href=\"https://ok\"><rect/></a>\
             <image xlink:href=\"data:image/png;base64,AA\"/></g>"
        );
        assert!(host_allowed("localhost:3000", 3000) && host_allowed("[::1]:8", 8));
        assert!(host_allowed("localhost", 3000) && host_allowed("[::1]", 3000));
        assert!(
            !host_allowed("evil.example:3000", 3000) && !host_allowed("localhost:1", 2)
        );
        assert!(!host_allowed("", 2) && !host_allowed("localhost.evil:2", 2));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
