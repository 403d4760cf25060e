//! The accepted source text of a translated chapter, kept beside the translation in
//! `sources/<lang>/.accepted/<chapter>.txt`, one block per paragraph, so that `check`
//! can say what changed since and git shows it as plain text.
//!
//! The file is a list, not a copy of the source: accepting one block of a chapter
//! replaces, adds, moves or drops one entry, and the list then mixes blocks accepted
//! at different times, which no single version of the source file holds.
//!
//! ```text
//! # livret: the source text sources/en/01-introduction was last accepted against, …
//! accepted = "sha256:…"
//!
//! @@ heading heading1 1
//! Introduction
//!
//! @@ alt image 1 [{"type":"image","target":"images/fleuve.jpg"}]
//! Le fleuve au lever du soleil
//! ```
//!
//! Each entry is a header `@@ <kind> <path> <lines> [<anchors as JSON>]`, then the
//! block's text on exactly `<lines>` lines, then a blank line. `accepted` is the
//! status.toml hash the list belongs to: a snapshot whose hash is not the one in
//! status.toml (written before a later whole-chapter accept by an older livret) is
//! not trusted.

use std::path::Path;

use serde::Serialize;

use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::segments::align::Placed;
use crate::project::segments::{Anchor, Block, Kind};
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project_if_exists, write_project};
use crate::util::text::without_bom;

/// One accepted block: what alignment and comparison need, without lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedBlock {
    /// Its kind.
    pub kind: Kind,
    /// Its path (see [`Block::path`]).
    pub path: String,
    /// Its anchors.
    pub anchors: Vec<Anchor>,
    /// Its text as it was in the source when accepted.
    pub text: String,
}

impl AcceptedBlock {
    /// The accepted form of a chapter's block, with LF line ends: a snapshot file
    /// cannot tell a CRLF source from a checkout that converted it (git's autocrlf),
    /// so its reader drops every CR before a line end and its writer never keeps one.
    pub fn of(block: &Block) -> Self {
        Self {
            kind: block.kind,
            path: block.path.clone(),
            anchors: block.anchors.clone(),
            text: block.text.replace("\r\n", "\n"),
        }
    }
}

impl Placed for AcceptedBlock {
    fn kind(&self) -> Kind {
        self.kind
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }
    fn line(&self) -> Option<usize> {
        None
    }
}

/// A chapter's accepted blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// The status.toml hash this snapshot belongs to (`sha256:…`).
    pub accepted: String,
    /// The blocks, in order.
    pub blocks: Vec<AcceptedBlock>,
}

impl Snapshot {
    /// The snapshot of a whole chapter accepted as it is now.
    pub fn of(hash: &str, blocks: &[Block]) -> Self {
        Self {
            accepted: hash.to_string(),
            blocks: blocks.iter().map(AcceptedBlock::of).collect(),
        }
    }
}

/// Reads the snapshot of `chapter` in `lang` (`None`: there is none).
pub fn read(manifest: &Manifest, lang: &str, chapter: &str) -> Result<Option<Snapshot>> {
    let rel = paths::accepted_snapshot(lang, chapter);
    let Some(bytes) = read_project_if_exists(&manifest.root, &rel)? else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes)
        .map(without_bom)
        .map_err(|_| Error::new(format!("{rel}: the file is not UTF-8 text")))?;
    parse(&text).map(Some).map_err(|(line, message)| {
        Error::at(Path::new(&rel), Some((line, 1)), message).with_hint(format!(
            "the file is written by `livret check --accept`; delete it and accept the chapter again: livret check --lang {lang} --accept {chapter}"
        ))
    })
}

/// Writes the snapshot of `chapter` in `lang`.
pub fn write(
    manifest: &Manifest,
    lang: &str,
    chapter: &str,
    snap: &Snapshot,
) -> Result<()> {
    let text = render(lang, chapter, snap);
    write_project(
        &manifest.root,
        paths::accepted_snapshot(lang, chapter),
        text.as_bytes(),
    )
}

/// The file's text.
pub fn render(lang: &str, chapter: &str, snap: &Snapshot) -> String {
    let mut out = format!(
        "# livret: the source text that sources/{lang}/{chapter} was last accepted against,\n# one block per paragraph. Written by `livret check --lang {lang} --accept`; do not edit.\naccepted = \"{}\"\n",
        snap.accepted
    );
    for b in &snap.blocks {
        let lines = b.text.split('\n').count();
        out.push_str(&format!("\n@@ {} {} {lines}", b.kind.name(), b.path));
        if !b.anchors.is_empty() {
            let json = serde_json::to_string(&b.anchors).expect("anchors serialise");
            out.push(' ');
            out.push_str(&json);
        }
        out.push('\n');
        out.push_str(&b.text);
        out.push('\n');
    }
    out
}

/// Parses a snapshot file; an error is (1-based line, message).
pub fn parse(text: &str) -> Result<Snapshot, (usize, String)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut accepted = None;
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end_matches('\r');
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(value) = line.strip_prefix("accepted = ") {
            accepted = Some(value.trim_matches('"').to_string());
            continue;
        }
        let Some(header) = line.strip_prefix("@@ ") else {
            return Err((
                i,
                format!(
                    "expected a block header `@@ <kind> <path> <lines>`, found `{line}`"
                ),
            ));
        };
        let (block, count) = header_of(header).map_err(|m| (i, m))?;
        // The text is followed by a line break, so by one more (maybe empty) line.
        if i + count >= lines.len() {
            return Err((
                i,
                format!("the block announces {count} line(s) but the file ends first"),
            ));
        }
        // A snapshot checked out with CRLF (git's autocrlf) reads as livret wrote it.
        let body: Vec<&str> = lines[i..i + count]
            .iter()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let body = body.join("\n");
        i += count;
        if !lines[i].trim_end_matches('\r').is_empty() {
            return Err((
                i + 1,
                "expected a blank line after the block's text".to_string(),
            ));
        }
        blocks.push(AcceptedBlock { text: body, ..block });
    }
    let accepted =
        accepted.ok_or((1, "no `accepted = \"sha256:…\"` line".to_string()))?;
    Ok(Snapshot { accepted, blocks })
}

/// A block header's fields (text still empty) and its line count.
fn header_of(header: &str) -> Result<(AcceptedBlock, usize), String> {
    let mut parts = header.splitn(4, ' ');
    let (kind, path, count) = (parts.next(), parts.next(), parts.next());
    let (Some(kind), Some(path), Some(count)) = (kind, path, count) else {
        return Err(format!(
            "a block header needs a kind, a path and a line count: `@@ {header}`"
        ));
    };
    let kind =
        Kind::from_name(kind).ok_or_else(|| format!("unknown block kind `{kind}`"))?;
    let count: usize =
        count.parse().map_err(|_| format!("`{count}` is not a line count"))?;
    let anchors = match parts.next() {
        Some(json) => serde_json::from_str(json).map_err(|e| format!("anchors: {e}"))?,
        None => Vec::new(),
    };
    Ok((
        AcceptedBlock { kind, path: path.to_string(), anchors, text: String::new() },
        count,
    ))
}
