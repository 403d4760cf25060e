//! PO files (GNU gettext), the part livret writes and reads: a header entry, then
//! entries with comments, references, flags, the previous msgid (`#|`), `msgctxt`,
//! `msgid` and `msgstr`; no plural forms. Written the way gettext's tools write them
//! (strings split after each `\n` and wrapped at 79 columns), so `msgcat` leaves them
//! alone; read strictly, every mistake named with its line (never a panic).
//!
//! Why not a crate: `polib` 0.3 neither reads nor writes `#|` and panics on some
//! malformed lines (a lone `"`, a non-ASCII character before a missing quote);
//! `rspolib` 0.1 writes `#|` but ignores byte input, reads a content string that
//! names an existing file from that file, and panics on a lone `"` too. Both merge
//! duplicate entries without a word.

use std::fmt::Write as _;

use crate::i18n::Text;
use crate::tr;

/// One entry of a PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Translator comments (`# ` lines), kept as written.
    pub comments: Vec<String>,
    /// Comments for translators written by livret (`#.` lines).
    pub extracted: Vec<String>,
    /// Where the text comes from (`#:` lines), e.g. `sources/fr/01-introduction.md:12`.
    pub references: Vec<String>,
    /// Flags (`#,`), e.g. `fuzzy`.
    pub flags: Vec<String>,
    /// The source text the translation was made for, when it changed since (`#| msgid`).
    pub previous_msgid: Option<String>,
    /// The context that tells equal texts apart.
    pub msgctxt: Option<String>,
    /// The source text.
    pub msgid: String,
    /// The translation; empty when untranslated.
    pub msgstr: String,
    /// 1-based line of the entry's `msgid` keyword (0 for an entry not read from a file).
    pub line: usize,
    /// 1-based line of its `msgstr` keyword (0 for an entry not read from a file).
    pub msgstr_line: usize,
}

impl Entry {
    /// Whether the entry carries the `fuzzy` flag.
    pub fn is_fuzzy(&self) -> bool {
        self.flags.iter().any(|f| f == "fuzzy")
    }
}

/// A PO file: comment lines before the header, the header's fields, the entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The `#` comment lines at the top (without `# `).
    pub comments: Vec<String>,
    /// The header's `Name: value` fields, in order.
    pub header: Vec<(String, String)>,
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// Obsolete entries (`#~`) as written, each with the comments before it, one
    /// string of lines per entry (no final line break).
    pub obsolete: Vec<String>,
}

impl Catalog {
    /// The value of header field `name` (case-insensitive name).
    pub fn header_field(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The column gettext wraps at.
const WIDTH: usize = 79;

/// Writes a catalog as PO text.
pub fn write(catalog: &Catalog) -> String {
    let mut out = String::new();
    for line in &catalog.comments {
        push_comment(&mut out, "#", line);
    }
    let header: String =
        catalog.header.iter().map(|(name, value)| format!("{name}: {value}\n")).collect();
    write_field(&mut out, "", "msgid", "");
    write_field(&mut out, "", "msgstr", &header);
    for entry in &catalog.entries {
        out.push('\n');
        for line in entry.comments.iter().flat_map(|c| c.split('\n')) {
            push_comment(&mut out, "#", line);
        }
        for line in entry.extracted.iter().flat_map(|c| c.split('\n')) {
            push_comment(&mut out, "#.", line);
        }
        for reference in &entry.references {
            push_comment(&mut out, "#:", reference);
        }
        if !entry.flags.is_empty() {
            push_comment(&mut out, "#,", &entry.flags.join(", "));
        }
        if let Some(previous) = &entry.previous_msgid {
            write_field(&mut out, "#| ", "msgid", previous);
        }
        if let Some(ctxt) = &entry.msgctxt {
            write_field(&mut out, "", "msgctxt", ctxt);
        }
        write_field(&mut out, "", "msgid", &entry.msgid);
        write_field(&mut out, "", "msgstr", &entry.msgstr);
    }
    for raw in &catalog.obsolete {
        out.push('\n');
        out.push_str(raw);
        out.push('\n');
    }
    out
}

/// An entry as an obsolete one (`#~ msgid …`): its translator comments and flags,
/// then its fields behind `#~ `, as gettext's tools write one.
pub fn obsolete(entry: &Entry) -> String {
    let mut out = String::new();
    for line in entry.comments.iter().flat_map(|c| c.split('\n')) {
        push_comment(&mut out, "#", line);
    }
    if !entry.flags.is_empty() {
        push_comment(&mut out, "#,", &entry.flags.join(", "));
    }
    if let Some(ctxt) = &entry.msgctxt {
        write_field(&mut out, "#~ ", "msgctxt", ctxt);
    }
    write_field(&mut out, "#~ ", "msgid", &entry.msgid);
    write_field(&mut out, "#~ ", "msgstr", &entry.msgstr);
    out.pop();
    out
}

/// The msgctxt of an obsolete entry as [`Catalog::obsolete`] holds it.
pub fn obsolete_ctxt(raw: &str) -> Option<String> {
    let mut lines = raw.lines().skip_while(|l| !l.starts_with("#~ msgctxt "));
    let first = lines.next()?.strip_prefix("#~ msgctxt ")?;
    let mut ctxt = unquote(first.trim()).ok()?;
    for l in lines {
        match l.strip_prefix("#~ \"") {
            Some(_) => ctxt.push_str(&unquote(l[3..].trim()).ok()?),
            None => break,
        }
    }
    Some(ctxt)
}
/// One comment line: `#` alone for an empty text, else `#<kind> text`.
fn push_comment(out: &mut String, kind: &str, text: &str) {
    if text.is_empty() {
        out.push_str(kind);
    } else {
        let _ = write!(out, "{kind} {text}");
    }
    out.push('\n');
}

/// Writes `keyword "…"` as gettext does: on one line when it fits and holds no line
/// break but a final one, else `keyword ""` and one quoted line per piece, pieces
/// ending after each `\n` and wrapped at spaces to fit [`WIDTH`].
fn write_field(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let escaped = escape(value);
    let inner_break = value.find('\n').is_some_and(|i| i + 1 < value.len());
    let one_line = prefix.chars().count() + keyword.len() + 3 + escaped.chars().count();
    if !inner_break && one_line <= WIDTH {
        let _ = writeln!(out, "{prefix}{keyword} \"{escaped}\"");
        return;
    }
    let _ = writeln!(out, "{prefix}{keyword} \"\"");
    let room = WIDTH - prefix.chars().count() - 2;
    for piece in escaped.split_inclusive("\\n") {
        for line in wrap(piece, room) {
            let _ = writeln!(out, "{prefix}\"{line}\"");
        }
    }
}

/// Splits `text` into lines of at most `room` characters, breaking after spaces (a
/// word longer than `room` stays whole, as gettext leaves it) where the Unicode line
/// breaking rules gettext follows allow it: not before closing punctuation (`:`,
/// `;`, `!`, `?`, `»`, `)`, …) nor after an opening one (`«`, `(`, …), so French
/// spacing stays on one line. Never splits an escape sequence: none holds a space.
fn wrap(text: &str, room: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let (mut start, mut width) = (0, 0);
    let mut last_break = None;
    let (mut prev, mut before_space) = (None, None);
    for (i, c) in text.char_indices() {
        if prev == Some(' ') && c != ' ' && may_break(before_space, c) {
            last_break = Some(i);
        }
        width += 1;
        if width > room
            && let Some(b) = last_break
            && b > start
        {
            lines.push(&text[start..b]);
            width = text[b..i + c.len_utf8()].chars().count();
            start = b;
            last_break = None;
        }
        if c != ' ' {
            before_space = Some(c);
        }
        prev = Some(c);
    }
    if start < text.len() || lines.is_empty() {
        lines.push(&text[start..]);
    }
    lines
}

/// Whether a line may break before `next`, after spaces that follow `before`.
fn may_break(before: Option<char>, next: char) -> bool {
    let closing = matches!(
        next,
        ':' | ';' | '!' | '?' | '»' | '›' | ')' | ']' | '}' | ',' | '.' | '…' | '%'
    );
    let opening = matches!(before, Some('«' | '‹' | '(' | '[' | '{'));
    !closing && !opening
}

/// Escapes a string for a PO file (C escapes for `\`, `"` and control characters).
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\{:03o}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A syntax error: its 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong there.
    pub message: Text,
}

/// Which string a quoted continuation line adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    PreviousCtxt,
    PreviousId,
    Ctxt,
    Id,
    Str,
}

/// The reader's state: the entry being read and what it has seen.
#[derive(Default)]
struct Reader {
    entries: Vec<Entry>,
    current: Entry,
    field: Option<Field>,
    has_id: bool,
    has_str: bool,
    has_ctxt: bool,
    started: bool,
    header: Option<Entry>,
    comments: Vec<String>,
    /// The obsolete entry being read (its `#~` lines), and those read.
    obsolete_lines: Vec<String>,
    obsolete: Vec<String>,
}

/// Reads PO text. Obsolete entries (`#~`) are kept as written; a plural entry, a
/// duplicate entry or a malformed line is an error with its line.
pub fn parse(text: &str) -> Result<Catalog, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        reader.line(i + 1, line)?;
    }
    reader.end_entry(text.split('\n').count())?;
    let header = reader.header.unwrap_or_default();
    let fields = header
        .msgstr
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    check_duplicates(&reader.entries)?;
    Ok(Catalog {
        comments: reader.comments,
        header: fields,
        entries: reader.entries,
        obsolete: reader.obsolete,
    })
}

impl Reader {
    /// Reads one line.
    fn line(&mut self, n: usize, line: &str) -> Result<(), SyntaxError> {
        let err = |message: Text| SyntaxError { line: n, message };
        if line.trim().is_empty() {
            return self.end_entry(n);
        }
        if line.starts_with("#~") {
            if self.has_id {
                return Err(err(tr!("po-syntax-obsolete-inside")));
            }
            self.obsolete_lines.push(line.to_string());
            return Ok(());
        }
        if let Some(rest) = line.strip_prefix("#|") {
            return self.previous(n, rest.trim_start());
        }
        if let Some(rest) = line.strip_prefix('#') {
            self.comment(n, rest)?;
            return Ok(());
        }
        let trimmed = line.trim();
        if trimmed.starts_with('"') {
            let value = unquote(trimmed).map_err(err)?;
            return self.append(n, &value, false);
        }
        let (keyword, rest) = trimmed.split_once([' ', '\t']).unwrap_or((trimmed, ""));
        let value = || {
            unquote(rest.trim())
                .map_err(|m| err(tr!("po-syntax-after", keyword = keyword, why = m)))
        };
        match keyword {
            "msgctxt" => self.keyword(n, Field::Ctxt, value()?),
            "msgid" => self.keyword(n, Field::Id, value()?),
            "msgstr" => self.keyword(n, Field::Str, value()?),
            "msgid_plural" => Err(err(tr!("po-syntax-plural", keyword = "msgid_plural"))),
            k if k.starts_with("msgstr[") => {
                Err(err(tr!("po-syntax-plural", keyword = "msgstr[N]")))
            }
            _ => Err(err(tr!(
                "po-syntax-unknown-keyword",
                keyword = keyword.chars().take(20).collect::<String>()
            ))),
        }
    }

    /// A `#…` comment line other than `#|` and `#~`.
    fn comment(&mut self, n: usize, rest: &str) -> Result<(), SyntaxError> {
        if self.has_id {
            return Err(SyntaxError {
                line: n,
                message: tr!("po-syntax-comment-inside"),
            });
        }
        let text = |r: &str| r.strip_prefix(' ').unwrap_or(r).to_string();
        if let Some(r) = rest.strip_prefix('.') {
            self.current.extracted.push(text(r));
        } else if let Some(r) = rest.strip_prefix(':') {
            self.current.references.extend(r.split_whitespace().map(String::from));
        } else if let Some(r) = rest.strip_prefix(',') {
            let flags = r.split(',').map(str::trim).filter(|f| !f.is_empty());
            self.current.flags.extend(flags.map(String::from));
        } else if self.entries.is_empty() && self.header.is_none() {
            self.comments.push(text(rest));
        } else {
            self.current.comments.push(text(rest));
        }
        self.started = true;
        Ok(())
    }

    /// A `#|` line: previous msgctxt or msgid, or the continuation of one.
    fn previous(&mut self, n: usize, rest: &str) -> Result<(), SyntaxError> {
        let err = |message: Text| SyntaxError { line: n, message };
        if self.has_id {
            return Err(err(tr!("po-syntax-previous-inside")));
        }
        self.started = true;
        if rest.starts_with('"') {
            let value = unquote(rest).map_err(err)?;
            return self.append(n, &value, true);
        }
        let (keyword, value) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
        let value = unquote(value.trim()).map_err(err)?;
        match keyword {
            "msgctxt" => self.field = Some(Field::PreviousCtxt),
            "msgid" => {
                self.field = Some(Field::PreviousId);
                self.current.previous_msgid = Some(String::new());
            }
            "msgid_plural" => self.field = Some(Field::None),
            _ => {
                return Err(err(tr!("po-syntax-previous-keyword", keyword = keyword)));
            }
        }
        self.append(n, &value, true)
    }

    /// A `msgctxt`, `msgid` or `msgstr` keyword with its first string.
    fn keyword(
        &mut self,
        n: usize,
        field: Field,
        value: String,
    ) -> Result<(), SyntaxError> {
        let err = |message: Text| Err(SyntaxError { line: n, message });
        match field {
            Field::Ctxt if self.has_ctxt || self.has_id => {
                return err(tr!("po-syntax-msgctxt-place"));
            }
            Field::Ctxt => {
                self.has_ctxt = true;
                self.current.msgctxt = Some(String::new());
            }
            Field::Id if self.has_id => {
                return err(tr!("po-syntax-second-msgid"));
            }
            Field::Id => {
                self.has_id = true;
                self.current.line = n;
            }
            Field::Str if !self.has_id => {
                return err(tr!("po-syntax-msgstr-alone"));
            }
            Field::Str if self.has_str => return err(tr!("po-syntax-second-msgstr")),
            Field::Str => {
                self.has_str = true;
                self.current.msgstr_line = n;
            }
            _ => {}
        }
        self.started = true;
        self.field = Some(field);
        self.append(n, &value, false)
    }

    /// Adds a string to the field being read.
    fn append(
        &mut self,
        n: usize,
        value: &str,
        previous: bool,
    ) -> Result<(), SyntaxError> {
        let target = match self.field {
            Some(Field::PreviousCtxt) | Some(Field::None) if previous => return Ok(()),
            Some(Field::PreviousId) if previous => self.current.previous_msgid.as_mut(),
            Some(Field::Ctxt) if !previous => self.current.msgctxt.as_mut(),
            Some(Field::Id) if !previous => Some(&mut self.current.msgid),
            Some(Field::Str) if !previous => Some(&mut self.current.msgstr),
            _ => None,
        };
        let Some(target) = target else {
            return Err(SyntaxError { line: n, message: tr!("po-syntax-lone-string") });
        };
        target.push_str(value);
        Ok(())
    }

    /// A blank line (or the end of the file): the entry read so far is complete.
    fn end_entry(&mut self, n: usize) -> Result<(), SyntaxError> {
        if !self.obsolete_lines.is_empty() && !self.has_id {
            let mut raw: Vec<String> = Vec::new();
            for c in std::mem::take(&mut self.current.comments) {
                raw.push(if c.is_empty() { "#".into() } else { format!("# {c}") });
            }
            if !self.current.flags.is_empty() {
                raw.push(format!("#, {}", self.current.flags.join(", ")));
            }
            raw.append(&mut self.obsolete_lines);
            self.obsolete.push(raw.join("\n"));
            self.current = Entry::default();
            self.field = None;
            self.has_ctxt = false;
            self.started = false;
            return Ok(());
        }
        self.obsolete_lines.clear();
        if !self.started {
            return Ok(());
        }
        if !self.has_id || !self.has_str {
            let message = if self.has_id {
                tr!("po-syntax-no-msgstr")
            } else {
                tr!("po-syntax-no-msgid")
            };
            return Err(SyntaxError { line: n, message });
        }
        let entry = std::mem::take(&mut self.current);
        let is_header = entry.msgid.is_empty() && entry.msgctxt.is_none();
        if self.header.is_none() && self.entries.is_empty() && is_header {
            self.header = Some(entry);
        } else {
            self.entries.push(entry);
        }
        self.field = None;
        self.has_id = false;
        self.has_str = false;
        self.has_ctxt = false;
        self.started = false;
        Ok(())
    }
}

/// Refuses two entries with the same msgctxt and msgid, naming both lines.
fn check_duplicates(entries: &[Entry]) -> Result<(), SyntaxError> {
    let mut seen = std::collections::HashMap::new();
    for e in entries {
        if let Some(first) = seen.insert((&e.msgctxt, &e.msgid), e.line) {
            return Err(SyntaxError {
                line: e.line,
                message: tr!("po-syntax-duplicate", first = first),
            });
        }
    }
    Ok(())
}

/// The value of a quoted PO string (`"…"` with C escapes), or what is wrong with it.
fn unquote(quoted: &str) -> Result<String, Text> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(|| tr!("po-syntax-unquoted"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                return Err(tr!("po-syntax-inner-quote"));
            }
            '\\' => out.push(unescape_one(&mut chars)?),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The character of one escape sequence (after its backslash).
fn unescape_one(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<char, Text> {
    let Some(c) = chars.next() else {
        return Err(tr!("po-syntax-lone-backslash"));
    };
    Ok(match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'v' => '\u{b}',
        'f' => '\u{c}',
        '\\' | '"' | '\'' | '?' => c,
        '0'..='7' => {
            let mut value = c.to_digit(8).unwrap_or(0);
            for _ in 0..2 {
                match chars.peek().and_then(|d| d.to_digit(8)) {
                    Some(d) => {
                        value = value * 8 + d;
                        chars.next();
                    }
                    None => break,
                }
            }
            char::from_u32(value).ok_or_else(|| tr!("po-syntax-octal"))?
        }
        other => return Err(tr!("po-syntax-escape", escape = format!("\\{other}"))),
    })
}

#[cfg(test)]
mod tests;
