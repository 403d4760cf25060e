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
//! Each entry is a header `@@ <kind> <path> <lines> id=<id> [pending] [<anchors as
//! JSON>]`, then the block's text on exactly `<lines>` lines, then a blank line.
//! `id=` is the block's id (see `project::block_ids`; files written before ids have
//! none, and their blocks get the id of their text); `pending` marks a block whose
//! translation is not accepted yet (a translator's `#, fuzzy`, or a block imported
//! untranslated): its text is the source it stands for, but `check` lists it.
//! `accepted` is the status.toml hash the list belongs to: a snapshot whose hash is
//! not the one in status.toml (written before a later whole-chapter accept by an
//! older livret) is not trusted.
//!
//! The source language keeps the same list for its own chapters in
//! `sources/<source>/.ids/` (see `project::block_ids`): the blocks as last seen, with
//! their ids, without `accepted`.

use std::path::Path;

use serde::Serialize;

use crate::i18n::Text;
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::project::segments::align::Placed;
use crate::project::segments::{Anchor, Block, Kind};
use crate::tr;
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
    /// Its id (see `project::block_ids`).
    pub id: String,
    /// Whether its translation still waits for review (see the module's doc).
    pub pending: bool,
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
            id: block.id.clone(),
            pending: false,
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
    fn text(&self) -> &str {
        &self.text
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

/// Reads the snapshot of `chapter` in `lang` (`None`: there is none). Blocks of a
/// file written before ids have none (see `project::block_ids::fill`).
pub fn read(manifest: &Manifest, lang: &str, chapter: &str) -> Result<Option<Snapshot>> {
    let rel = paths::accepted_snapshot(lang, chapter);
    let Some(bytes) = read_project_if_exists(&manifest.root, &rel)? else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes)
        .map(without_bom)
        .map_err(|_| Error::new(tr!("util-not-utf8", path = rel.as_str())))?;
    parse(&text).map(Some).map_err(|(line, message)| {
        let command = format!("livret check --lang {lang} --accept {chapter}");
        Error::at(Path::new(&rel), Some((line, 1)), message)
            .with_hint(tr!("project-snapshot-damaged-hint", command = command))
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
    render_blocks(&snap.blocks, &mut out);
    out
}

/// The entries of a snapshot or an ids file, each after a blank line.
pub fn render_blocks(blocks: &[AcceptedBlock], out: &mut String) {
    for b in blocks {
        let lines = b.text.split('\n').count();
        out.push_str(&format!("\n@@ {} {} {lines}", b.kind.name(), b.path));
        if !b.id.is_empty() {
            out.push_str(&format!(" id={}", b.id));
        }
        if b.pending {
            out.push_str(" pending");
        }
        if !b.anchors.is_empty() {
            let json = serde_json::to_string(&b.anchors).expect("anchors serialise");
            out.push(' ');
            out.push_str(&json);
        }
        out.push('\n');
        out.push_str(&b.text);
        out.push('\n');
    }
}

/// Parses a snapshot file; an error is (1-based line, message).
pub fn parse(text: &str) -> Result<Snapshot, (usize, Text)> {
    let (accepted, blocks) = parse_blocks(text)?;
    let accepted = accepted.ok_or_else(|| (1, tr!("project-snapshot-no-accepted")))?;
    Ok(Snapshot { accepted, blocks })
}

/// Parses the entries of a snapshot or an ids file, and its `accepted` value if any.
pub fn parse_blocks(
    text: &str,
) -> Result<(Option<String>, Vec<AcceptedBlock>), (usize, Text)> {
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
            return Err((i, tr!("project-snapshot-header-expected", line = line)));
        };
        let (block, count) = header_of(header).map_err(|m| (i, m))?;
        // The text is followed by a line break, so by one more (maybe empty) line.
        if i + count >= lines.len() {
            return Err((i, tr!("project-snapshot-short", count = count)));
        }
        // A snapshot checked out with CRLF (git's autocrlf) reads as livret wrote it.
        let body: Vec<&str> = lines[i..i + count]
            .iter()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let body = body.join("\n");
        i += count;
        if !lines[i].trim_end_matches('\r').is_empty() {
            return Err((i + 1, tr!("project-snapshot-blank-expected")));
        }
        blocks.push(AcceptedBlock { text: body, ..block });
    }
    Ok((accepted, blocks))
}

/// A block header's fields (text still empty) and its line count.
fn header_of(header: &str) -> Result<(AcceptedBlock, usize), Text> {
    let mut parts = header.splitn(4, ' ');
    let (kind, path, count) = (parts.next(), parts.next(), parts.next());
    let (Some(kind), Some(path), Some(count)) = (kind, path, count) else {
        return Err(tr!("project-snapshot-header-fields", header = header));
    };
    let kind =
        Kind::from_name(kind).ok_or_else(|| tr!("project-snapshot-kind", kind = kind))?;
    let count: usize =
        count.parse().map_err(|_| tr!("project-snapshot-count", count = count))?;
    let rest = parts.next().unwrap_or("");
    let (words, json) = match rest.find('[') {
        Some(at) => (&rest[..at], Some(&rest[at..])),
        None => (rest, None),
    };
    let mut block = AcceptedBlock {
        kind,
        path: path.to_string(),
        anchors: Vec::new(),
        text: String::new(),
        id: String::new(),
        pending: false,
    };
    for word in words.split_whitespace() {
        match word.strip_prefix("id=") {
            Some(id) => block.id = id.to_string(),
            None if word == "pending" => block.pending = true,
            None => return Err(tr!("project-snapshot-word", word = word)),
        }
    }
    if let Some(json) = json {
        block.anchors =
            serde_json::from_str(json).map_err(|e| Text::raw(format!("anchors: {e}")))?;
    }
    Ok((block, count))
}
