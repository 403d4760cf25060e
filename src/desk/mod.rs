//! `livret desk`: the guide's workbench in a browser on 127.0.0.1, for people who do
//! not use a terminal — translating beside the laid-out booklet (`translate`), building
//! the editions (`editions`), imposing any PDF for the printer (`print`).
//!
//! Safety (see `safety`): bound to 127.0.0.1 only; a random token in the printed URL,
//! traded for an HttpOnly SameSite=Strict cookie, without which every request gets
//! 403; `Host` and `Origin` checked; a CSRF token on every write; uploads capped and
//! named inside the desk's own folder (`out/.desk/`); files written through the one
//! door (`util::fs`); connections bounded in number and time (`ops::http`). Every
//! asset is in the binary, so it works offline.

pub mod editions;
mod page;
pub mod preview;
pub mod print;
mod routes;
pub mod safety;
pub mod state;
pub mod text;
pub mod translate;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::ops::http::{self, Limits};
use crate::tr;
use crate::util::diag::{Error, Result};

/// The desk's connection limits: those of the live view, with request bodies up to
/// the upload cap and a minute to send one.
const LIMITS: Limits = Limits {
    body: state::MAX_UPLOAD,
    body_read: Duration::from_secs(60),
    read: http::LIMITS.read,
    write: Duration::from_secs(30),
    connections: http::LIMITS.connections,
    streams: http::LIMITS.streams,
    head: http::LIMITS.head,
};

/// A desk being served.
pub struct Desk {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The address to open: with the token, once.
    pub url: String,
}

/// Serves the desk of the project at `root` on 127.0.0.1:`port` (0: a free port the
/// system chooses) on threads of its own; gives its address and URL.
pub fn start(root: &Path, port: u16) -> Result<Desk> {
    let root =
        root.canonicalize().map_err(|e| Error::io("open project folder", root, e))?;
    crate::project::manifest::load(&root)?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|e| {
        Error::new(tr!("desk-err-listen", port = port, reason = e.to_string()))
            .with_hint(tr!("desk-hint-port"))
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::new(tr!("desk-err-serve", reason = e.to_string())))?;
    let secrets = safety::Secrets::new(addr.port())?;
    let url = format!("http://{addr}/?token={}", secrets.token);
    let state = Arc::new(state::State::new(&root, secrets));
    let handler: http::Handler = Arc::new(move |request| routes::answer(&state, request));
    http::spawn(listener, LIMITS, handler)
        .map_err(|e| Error::new(tr!("desk-err-serve", reason = e.to_string())))?;
    Ok(Desk { addr, url })
}
