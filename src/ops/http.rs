//! The small HTTP/1.1 server livret's live views and the desk run on the loopback: one
//! request per connection, each connection given a deadline to send its request (and
//! another for its body, refused past a size cap) and a time limit for every write, and
//! a bound on connections (past it, the oldest is closed), so slow or half-open clients
//! never stop it answering others.

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The limits of one server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a client may take to send its request line and headers, in all.
    pub read: Duration,
    /// How long one write of an answer may stall.
    pub write: Duration,
    /// Connections open at once, event streams aside; past it the oldest is closed.
    pub connections: usize,
    /// Event streams (open browser tabs) at once; past it the oldest is closed (a
    /// browser opens its stream again by itself).
    pub streams: usize,
    /// The largest request head read, in bytes.
    pub head: usize,
    /// The largest request body read, in bytes (413 past it; 0: no bodies).
    pub body: usize,
    /// How long a client may take to send its body, in all.
    pub body_read: Duration,
}

/// The limits of the live view.
pub const LIMITS: Limits = Limits {
    read: Duration::from_secs(5),
    write: Duration::from_secs(10),
    connections: 64,
    streams: 16,
    head: 16 * 1024,
    body: 0,
    body_read: Duration::from_secs(5),
};

/// A request as a handler sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The target as sent (`/page/1/2.svg?x`).
    pub target: String,
    /// The `Host` header (empty when missing).
    pub host: String,
    /// Every header, names in lower case, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The body (empty without one).
    pub body: Vec<u8>,
}

impl Request {
    /// The value of the first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A handler's answer.
pub enum Reply {
    /// A whole answer: status, content type, body.
    Full(u16, &'static str, Vec<u8>),
    /// A whole answer with more headers (`Set-Cookie`, `Location`, …).
    Headed(u16, &'static str, Vec<(&'static str, String)>, Vec<u8>),
    /// Server-sent events: the function writes events until writing fails.
    Events(EventWriter),
}

/// Writes server-sent events to a connection until writing fails.
pub type EventWriter = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + Send>;

/// What answers requests.
pub type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// Serves `listener` on a thread of its own, each connection on a thread of its own.
pub fn spawn(listener: TcpListener, limits: Limits, handler: Handler) -> io::Result<()> {
    let connections = Arc::new(Pool::new(limits.connections));
    let streams = Arc::new(Pool::new(limits.streams));
    std::thread::Builder::new().name("livret http".into()).spawn(move || {
        for (id, stream) in (0u64..).zip(listener.incoming()) {
            let Ok(stream) = stream else { continue };
            let ticket = connections.enter(id, &stream);
            let (handler, streams) = (handler.clone(), streams.clone());
            let _ = std::thread::Builder::new().name("livret http client".into()).spawn(
                move || {
                    let _ = connection(stream, ticket, &streams, &handler, limits);
                },
            );
        }
    })?;
    Ok(())
}

/// Reads one request, answers it and closes the connection.
fn connection(
    mut stream: TcpStream,
    ticket: Ticket,
    streams: &Arc<Pool>,
    handler: &Handler,
    limits: Limits,
) -> io::Result<()> {
    stream.set_write_timeout(Some(limits.write))?;
    let Some(head) = read_head(&mut stream, limits)? else {
        return write_full(&mut stream, 408, "text/plain", b"request timeout", false);
    };
    let Some((mut request, taken)) = parse(&head) else {
        return write_full(&mut stream, 400, "text/plain", b"bad request", false);
    };
    match read_body(&mut stream, &request, &head[taken..], limits)? {
        Ok(body) => request.body = body,
        Err(status) => {
            return write_full(
                &mut stream,
                status,
                "text/plain",
                reason(status).as_bytes(),
                true,
            );
        }
    }
    let with_body = request.method != "HEAD";
    match handler(&request) {
        Reply::Full(status, mime, body) => {
            write_full(&mut stream, status, mime, &body, with_body)
        }
        Reply::Headed(status, mime, headers, body) => {
            let mut extra = String::new();
            for (name, value) in headers {
                extra.push_str(&format!("{name}: {value}\r\n"));
            }
            write_answer(&mut stream, (status, mime, &extra), &body, with_body)
        }
        Reply::Events(events) => {
            let _stream_ticket = streams.enter(ticket.id, &stream);
            drop(ticket);
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n"
            )?;
            stream.flush()?;
            events(&mut stream)
        }
    }
}

/// Reads a request's line and headers (up to the blank line) within `limits.read`
/// in all; `None` when the client is too slow, sends too much or goes away.
fn read_head(stream: &mut TcpStream, limits: Limits) -> io::Result<Option<Vec<u8>>> {
    let deadline = Instant::now() + limits.read;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !ends_head(&head) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || head.len() > limits.head {
            return Ok(None);
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut buf) {
            Ok(0) => return Ok(None),
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(None);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Some(head))
}

/// Whether `head` holds the blank line that ends a request's headers.
fn ends_head(head: &[u8]) -> bool {
    head.windows(4).any(|w| w == b"\r\n\r\n") || head.windows(2).any(|w| w == b"\n\n")
}

/// The request in `head`, if it is one, and the length of its head (what follows is
/// the start of its body).
fn parse(head: &[u8]) -> Option<(Request, usize)> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let httparse::Status::Complete(taken) = request.parse(head).ok()? else {
        return None;
    };
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|h| {
            let value = String::from_utf8_lossy(h.value).trim().to_string();
            (h.name.to_ascii_lowercase(), value)
        })
        .collect();
    let host = headers.iter().find(|(n, _)| n == "host").map(|(_, v)| v.clone());
    let request = Request {
        method: request.method?.to_string(),
        target: request.path?.to_string(),
        host: host.unwrap_or_default(),
        headers,
        body: Vec::new(),
    };
    Some((request, taken))
}

/// Reads the body its `Content-Length` announces (`start`: what came with the head)
/// within `limits.body_read`; an error status when it is over `limits.body` (413),
/// sent in chunks (411), or not sent in time (408).
fn read_body(
    stream: &mut TcpStream,
    request: &Request,
    start: &[u8],
    limits: Limits,
) -> io::Result<Result<Vec<u8>, u16>> {
    if request.header("transfer-encoding").is_some() {
        return Ok(Err(411));
    }
    let length = match request.header("content-length").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return Ok(Err(400)),
    };
    if length > limits.body {
        return Ok(Err(413));
    }
    let mut body = start[..start.len().min(length)].to_vec();
    let deadline = Instant::now() + limits.body_read;
    let mut buf = vec![0u8; 64 * 1024];
    while body.len() < length {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Err(408));
        }
        stream.set_read_timeout(Some(left))?;
        let want = (length - body.len()).min(buf.len());
        match stream.read(&mut buf[..want]) {
            Ok(0) => return Ok(Err(400)),
            Ok(n) => body.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(Err(408));
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Ok(body))
}

/// Writes a whole answer and closes the connection.
fn write_full(
    stream: &mut TcpStream,
    status: u16,
    mime: &str,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    write_answer(stream, (status, mime, ""), body, with_body)
}

/// Writes a whole answer with `extra` header lines (each ending in CRLF) and closes
/// the connection.
fn write_answer(
    stream: &mut TcpStream,
    (status, mime, extra): (u16, &str, &str),
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status} {}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{extra}Connection: close\r\n\r\n",
        reason(status),
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

/// The reason phrase of the statuses livret sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        _ => "Internal Server Error",
    }
}

/// Open connections of one kind, oldest first.
struct Pool {
    open: Mutex<VecDeque<(u64, TcpStream)>>,
    max: usize,
}

impl Pool {
    /// An empty pool of at most `max` connections.
    fn new(max: usize) -> Self {
        Self { open: Mutex::new(VecDeque::new()), max: max.max(1) }
    }

    /// Counts a connection in, closing the oldest ones past the bound; it is counted
    /// out when the ticket is dropped.
    fn enter(self: &Arc<Self>, id: u64, stream: &TcpStream) -> Ticket {
        if let (Ok(clone), Ok(mut open)) = (stream.try_clone(), self.open.lock()) {
            while open.len() >= self.max {
                if let Some((_, oldest)) = open.pop_front() {
                    let _ = oldest.shutdown(Shutdown::Both);
                }
            }
            open.push_back((id, clone));
        }
        Ticket { pool: self.clone(), id }
    }
}

/// A connection counted in a pool.
struct Ticket {
    pool: Arc<Pool>,
    id: u64,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Ok(mut open) = self.pool.open.lock() {
            open.retain(|(id, _)| *id != self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_strictly() {
        let (r, _) = parse(b"GET /a?b HTTP/1.1\r\nHOST: localhost:3000\r\n\r\n").unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str()), ("GET", "/a?b"));
        assert_eq!(r.host, "localhost:3000");
        assert_eq!(parse(b"GET / HTTP/1.0\r\n\r\n").unwrap().0.host, "");
        assert!(parse(b"GET / HTTP/1.1\r\nHost: x\r\n").is_none());
        assert!(parse(b"\x16\x03\x01garbage\r\n\r\n").is_none());
        assert!(ends_head(b"GET / HTTP/1.0\n\n") && !ends_head(b"GET / HTTP/1.0\r\n"));
    }
}
