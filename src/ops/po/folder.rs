//! The PO files of a folder, read for an import: every `.po` file directly in it,
//! each checked (UTF-8, its header, a livret block id on every entry), and their
//! entries by chapter.

use std::collections::BTreeMap;
use std::path::Path;

use super::pofile::{self, Entry};
use super::{PoDir, parse_block_id};
use crate::i18n::{Text, decimal};
use crate::project::manifest::Manifest;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{files_in, read_project, write_atomic, write_project};

/// The largest PO file read (16 MB): a chapter's PO file is tens of KB, and one at
/// livret's 2 MB chapter limit, with its translation and previous texts, about 6 MB.
const MAX_PO_BYTES: u64 = 16 << 20;

/// An entry with the file it was read from.
pub struct Located {
    /// The PO file, as shown.
    pub file: String,
    /// Its name in the folder.
    pub name: String,
    /// The entry.
    pub entry: Entry,
}

impl Located {
    /// `file:line` of the entry's msgstr.
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.entry.msgstr_line)
    }
}

/// Entries by chapter stem.
pub type ByChapter = BTreeMap<String, Vec<Located>>;

/// Reads every `.po` file directly in the folder: the files read, and the entries
/// by chapter. Syntax errors, a charset other than UTF-8, another language, entries
/// without a livret block id and the same block in two places are errors.
pub fn read_folder(
    manifest: &Manifest,
    dir: &PoDir,
    lang: &str,
) -> Result<(Vec<String>, ByChapter)> {
    let root = &manifest.root;
    let folder = dir.path(root);
    let names: Vec<String> = files_in(&folder)?
        .into_iter()
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(String::from))
        .filter(|n| n.ends_with(".po") && !n.starts_with('.'))
        .collect();
    if names.is_empty() {
        let folder = dir.shown_dir();
        return Err(Error::new(tr!("po-no-files", folder = &folder)).with_hint(tr!(
            "po-no-files-hint",
            lang = lang,
            folder = &folder
        )));
    }
    let mut by_chapter = ByChapter::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for name in &names {
        let shown = dir.shown(name);
        let bytes = read_bytes(dir, root, name, &shown)?;
        for entry in read_file(&shown, bytes, lang)? {
            let located = Located { file: shown.clone(), name: name.clone(), entry };
            let id = located.entry.msgctxt.clone().unwrap_or_default();
            if let Some(first) = seen.insert(id.clone(), located.at()) {
                let message = tr!("po-block-twice", id = &id, first = first);
                return Err(Error::new(Text::raw(located.at()).join(": ", &message))
                    .with_hint(tr!("po-block-twice-hint")));
            }
            let chapter = parse_block_id(&id).map_or("", |(c, _)| c).to_string();
            by_chapter.entry(chapter).or_default().push(located);
        }
    }
    Ok((names.iter().map(|n| dir.shown(n)).collect(), by_chapter))
}

/// The bytes of the PO file `name` of the folder, refused beyond [`MAX_PO_BYTES`].
fn read_bytes(dir: &PoDir, root: &Path, name: &str, shown: &str) -> Result<Vec<u8>> {
    let size = dir.path(root).join(name).metadata().map_or(0, |m| m.len());
    if size > MAX_PO_BYTES {
        return Err(Error::new(tr!(
            "po-too-big",
            file = shown,
            size = decimal(size as f64 / f64::from(1 << 20), 1),
            max = MAX_PO_BYTES >> 20
        ))
        .with_hint(tr!("po-too-big-hint")));
    }
    match dir {
        PoDir::Project(rel) => read_project(root, format!("{rel}/{name}")),
        PoDir::User(path) => std::fs::read(path.join(name))
            .map_err(|e| Error::io("read", &path.join(name), e)),
    }
}

/// Parses one PO file and checks its header; gives its entries.
fn read_file(shown: &str, bytes: Vec<u8>, lang: &str) -> Result<Vec<Entry>> {
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(tr!("po-not-utf8", file = shown)).with_hint(tr!("po-not-utf8-hint"))
    })?;
    let catalog = pofile::parse(&text).map_err(|e| {
        Error::new(Text::raw(format!("{shown}:{}", e.line)).join(": ", &e.message))
            .with_hint(tr!("po-syntax-hint"))
    })?;
    if let Some(ct) = catalog.header_field("Content-Type") {
        let charset = ct.split("charset=").nth(1).unwrap_or("").trim();
        if !charset.eq_ignore_ascii_case("UTF-8") {
            return Err(Error::new(tr!("po-charset", file = shown, charset = charset))
                .with_hint(tr!("po-charset-hint")));
        }
    }
    super::language::check(shown, &text, &catalog, lang)?;
    for e in &catalog.entries {
        if e.msgctxt.as_deref().and_then(parse_block_id).is_none() {
            let place = format!("{shown}:{}", e.line);
            return Err(Error::new(tr!("po-no-block-id", place = place))
                .with_hint(tr!("po-no-block-id-hint")));
        }
    }
    Ok(catalog.entries)
}

/// Sets the `# livret-base:` comment of entries of the folder's PO files to the
/// translation the chapter now has from them (`updates`: file name → the line of
/// each entry's `msgid` and its base), so that importing the same file again after
/// more work is not taken for a change on both sides. Only those comment lines
/// change (or are added before the entry); the rest of each file stays byte for byte.
pub fn rebase(
    manifest: &Manifest,
    dir: &PoDir,
    updates: &BTreeMap<String, Vec<(usize, String)>>,
) -> Result<()> {
    for (name, entries) in updates {
        let shown = dir.shown(name);
        let bytes = read_bytes(dir, &manifest.root, name, &shown)?;
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let mut lines: Vec<String> =
            text.split_inclusive('\n').map(String::from).collect();
        let mut sorted = entries.clone();
        sorted.sort_by_key(|(line, _)| std::cmp::Reverse(*line));
        for (msgid_line, base) in sorted {
            set_base(&mut lines, msgid_line, &base);
        }
        let new = lines.concat();
        if new != text {
            match dir {
                PoDir::Project(rel) => write_project(
                    &manifest.root,
                    format!("{rel}/{name}"),
                    new.as_bytes(),
                )?,
                PoDir::User(path) => write_atomic(&path.join(name), new.as_bytes())?,
            }
        }
    }
    Ok(())
}

/// Sets the base comment of the entry whose `msgid` is at 1-based `msgid_line`.
fn set_base(lines: &mut Vec<String>, msgid_line: usize, base: &str) {
    let Some(last) = msgid_line.checked_sub(1).filter(|&l| l < lines.len()) else {
        return;
    };
    let start =
        (0..last).rev().find(|&i| lines[i].trim().is_empty()).map_or(0, |i| i + 1);
    let end = if lines[last].ends_with("\r\n") { "\r\n" } else { "\n" };
    let comment = format!("# livret-base: {base}{end}");
    match (start..last).find(|&i| lines[i].starts_with("# livret-base:")) {
        Some(i) => lines[i] = comment,
        None => lines.insert(start, comment),
    }
}
