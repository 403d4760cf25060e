//! What the desk lets through, before any route: the `Host` must name the desk on the
//! loopback with its port (DNS rebinding), the token must come once in the URL (then as
//! an HttpOnly, SameSite=Strict cookie) or every request gets 403, and a write (POST)
//! must carry the page's CSRF token and, when the browser sends one, the desk's own
//! `Origin`. Upload names are cut down to a safe base name.

use crate::ops::http::{Reply, Request};
use crate::tr;
use crate::util::diag::{Error, Result};

/// The cookie that carries the token.
pub const COOKIE: &str = "livret_desk";

/// The header that carries the CSRF token on writes.
pub const CSRF_HEADER: &str = "x-desk-csrf";

/// The secrets of one desk: the token of its URL and the CSRF token of its pages.
#[derive(Clone)]
pub struct Secrets {
    /// The token (URL once, then the cookie).
    pub token: String,
    /// The CSRF token written into every page and sent back on every write.
    pub csrf: String,
    /// The port the desk listens on.
    pub port: u16,
}

impl Secrets {
    /// Fresh random secrets for a desk on `port`.
    pub fn new(port: u16) -> Result<Secrets> {
        Ok(Secrets { token: random_hex()?, csrf: random_hex()?, port })
    }
}

/// 32 random bytes from the system, as hex.
fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::new(tr!("desk-err-random", reason = e.to_string())))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether two secrets are equal, in a time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// A plain-text refusal.
pub fn refuse(status: u16, why: &str) -> Reply {
    Reply::Full(status, "text/plain; charset=utf-8", why.as_bytes().to_vec())
}

/// Whether `host` is `127.0.0.1:PORT` or `localhost:PORT`.
fn host_ok(host: &str, port: u16) -> bool {
    let host = host.to_ascii_lowercase();
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// The value of cookie `name` in the request.
pub fn cookie<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .filter(|(n, _)| n == "cookie")
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// The value of query parameter `name` in a request target (not decoded).
pub fn query<'a>(target: &'a str, name: &str) -> Option<&'a str> {
    let query = target.split_once('?')?.1.split('#').next()?;
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// `None` when the request may go on to its route; else the answer it gets (403, or
/// the redirect that trades the URL's token for the cookie).
pub fn check(request: &Request, secrets: &Secrets) -> Option<Reply> {
    if !host_ok(&request.host, secrets.port) {
        return Some(refuse(403, &tr!("desk-forbidden-host")));
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/");
    if request.method == "GET"
        && let Some(token) = query(&request.target, "token")
    {
        if !same_secret(token, &secrets.token) {
            return Some(refuse(403, &tr!("desk-forbidden-token")));
        }
        let cookie =
            format!("{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/", secrets.token);
        let location =
            if path.starts_with('/') && !path.starts_with("//") { path } else { "/" };
        return Some(Reply::Headed(
            303,
            "text/plain",
            vec![("Set-Cookie", cookie), ("Location", location.to_string())],
            Vec::new(),
        ));
    }
    if !cookie(request, COOKIE).is_some_and(|c| same_secret(c, &secrets.token)) {
        return Some(refuse(403, &tr!("desk-forbidden-no-token")));
    }
    match request.method.as_str() {
        "GET" | "HEAD" => None,
        "POST" => check_write(request, secrets),
        _ => Some(refuse(405, &tr!("desk-err-method"))),
    }
}

/// A write's own checks: the desk's `Origin` (when sent), no cross-site fetch, the
/// CSRF token.
fn check_write(request: &Request, secrets: &Secrets) -> Option<Reply> {
    if let Some(origin) = request.header("origin") {
        let ok = origin
            .strip_prefix("http://")
            .is_some_and(|host| host_ok(host, secrets.port));
        if !ok {
            return Some(refuse(403, &tr!("desk-forbidden-origin")));
        }
    }
    if request
        .header("sec-fetch-site")
        .is_some_and(|s| s == "cross-site" || s == "same-site")
    {
        return Some(refuse(403, &tr!("desk-forbidden-origin")));
    }
    if !request.header(CSRF_HEADER).is_some_and(|c| same_secret(c, &secrets.csrf)) {
        return Some(refuse(403, &tr!("desk-forbidden-csrf")));
    }
    None
}

/// A name an upload may be saved under: the last part of `name` (after any `/` or
/// `\`), with only letters, digits, `.`, `-` and `_` (others made `_`), no leading
/// dot, at most 80 characters, ending in `.pdf`.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    out = out.trim_start_matches('.').to_string();
    if let Some(stem) = out.strip_suffix(".pdf").or_else(|| out.strip_suffix(".PDF")) {
        out = stem.to_string();
    }
    out.truncate(76);
    if out.trim_matches(['_', '.']).is_empty() {
        out = "upload".to_string();
    }
    format!("{out}.pdf")
}

/// A file name as a `Content-Disposition` header may quote it.
pub fn safe_file(name: &str) -> String {
    name.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '\\')).collect()
}

/// `%XX` escapes and `+` of a query value decoded (bad escapes kept as written).
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_names_stay_in_their_folder() {
        assert_eq!(safe_name("../../x.pdf"), "x.pdf");
        assert_eq!(safe_name("..\\..\\évil name.PDF"), "_vil_name.pdf");
        assert_eq!(safe_name(".."), "upload.pdf");
        assert_eq!(safe_name("/etc/passwd"), "passwd.pdf");
        assert_eq!(safe_name(".hidden.pdf"), "hidden.pdf");
        assert!(safe_name(&"a".repeat(300)).len() <= 80);
    }

    #[test]
    fn queries_and_cookies() {
        assert_eq!(query("/?token=ab&x=1", "token"), Some("ab"));
        assert_eq!(query("/a?x=1#token=2", "token"), None);
        assert_eq!(decode("a%2Fb+c%zz"), "a/b c%zz");
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd"));
        assert!(host_ok("localhost:8", 8) && !host_ok("localhost:9", 8));
        assert!(!host_ok("evil.example:8", 8) && !host_ok("127.0.0.1", 8));
    }
}
