//! `livret watch --serve`: the pages of the latest build in a browser on localhost,
//! reloaded after every rebuild (typst-kit's HTTP server and its live-reload events).
//!
//! Routes: `/` (the pages as spreads, build status, warnings or the error),
//! `/page/BUILD/N.svg` (page N, drawn on request with typst-svg) and `/book.pdf` (the PDF).

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;

use typst::foundations::Bytes;
use typst_kit::server::{HttpBody, HttpServer};
use typst_layout::PagedDocument;

use crate::util::diag::{Error, Result};

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
    server: HttpServer,
    view: View,
}

impl LiveView {
    /// Starts serving on `port` (or the first free one of 3000–3005); `rtl` books
    /// show their spreads right to left.
    pub fn start(title: &str, port: Option<u16>, rtl: bool) -> Result<Self> {
        let server = HttpServer::new(title, port, true).map_err(|e| {
            Error::new(format!("cannot serve the pages ({e})"))
                .with_hint("choose another port with `--port N`")
        })?;
        let view = View {
            title: title.to_string(),
            build: 0,
            pages: None,
            status: "building…".into(),
            messages: Vec::new(),
            failed: false,
            rtl,
        };
        Ok(Self { server, view })
    }

    /// The address browsers should open.
    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
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
        self.view.status =
            "the last edit does not build; the pages below are older".into();
        self.view.messages = vec![error.to_string()];
        self.view.failed = true;
        self.publish();
    }

    /// Hands the server a router over the current view; browsers reload.
    fn publish(&self) {
        let html = page_html(&self.view);
        let pages = self.view.pages.clone();
        self.server.set_router(move |route| route_request(route, &html, pages.as_ref()));
    }
}

/// Answers one request from the current view.
fn route_request(
    route: &str,
    html: &str,
    pages: Option<&(Arc<PagedDocument>, Bytes)>,
) -> Option<HttpBody> {
    if route == "/" {
        return Some(HttpBody::Html(html.to_string()));
    }
    let (document, pdf) = pages?;
    if route == "/book.pdf" {
        return Some(HttpBody::Raw(pdf.clone()));
    }
    // `/page/BUILD/N.svg`: the build number only keeps browsers from caching.
    let (_build, number) =
        route.strip_prefix("/page/")?.strip_suffix(".svg")?.split_once('/')?;
    let number: usize = number.parse().ok()?;
    let page = document.pages().get(number.checked_sub(1)?)?;
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default());
    Some(HttpBody::Raw(Bytes::from_string(svg)))
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

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
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
        body.push_str("<p><a href=\"/book.pdf\">PDF</a></p>");
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
                    "<figure><img src=\"/page/{}/{n}.svg\" alt=\"page {n}\">\
                     <figcaption>{n}</figcaption></figure>",
                    view.build
                );
            }
            body.push_str("</div>");
        }
        body.push_str("</main>");
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} — livret</title><style>{STYLE}</style></head>\
         <body data-build=\"{}\">{body}<script>{LOADED_SCRIPT}</script></body></html>\n",
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
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
