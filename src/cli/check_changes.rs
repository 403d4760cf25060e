//! `livret check`'s lines for a stale translation: the chapter, then each source
//! block that changed since it was accepted, located in the source and in the
//! translation, with a word diff in wdiff's notation (`[-old-]{+new+}`, readable
//! without colours, as the report is made safe for any terminal).

use crate::ops::check::Stale;
use crate::project::changes::{ChangeKind, DiffOp, DiffOpKind};
use crate::project::review::BlockChange;
use crate::tr;

/// Words of unchanged text kept on each side of a change; longer stretches are
/// shortened to `…`.
const CONTEXT_WORDS: usize = 6;

/// The lines for one stale chapter of `lang`.
pub fn stale_lines(lang: &str, s: &Stale, out: &mut String) {
    let accept = format!("livret check --lang {lang} --accept {}", s.chapter);
    if s.never_accepted {
        let text = tr!("cli-stale-never-accepted", file = &s.file, accept = &accept);
        out.push_str(&format!("{lang}: {text}\n"));
        return;
    }
    let pending = s.changes.iter().filter(|c| c.change == ChangeKind::Unreviewed).count();
    if pending > 0 && pending == s.changes.len() {
        let untranslated = s.changes.iter().filter(|c| c.untranslated).count();
        let text = tr!(
            "cli-stale-pending",
            file = &s.file,
            untranslated = untranslated,
            fuzzy = pending - untranslated
        );
        out.push_str(&format!("{lang}: {text}\n"));
        structure_lines(s, out);
        for c in &s.changes {
            block_lines(lang, s, c, out);
        }
        return;
    }
    let text = match s.changes.len() {
        0 if !s.no_snapshot => {
            tr!("cli-stale-markdown-only", file = &s.file, accept = &accept)
        }
        0 => tr!("cli-stale-hash-only", file = &s.file, accept = &accept),
        n => tr!("cli-stale-blocks", file = &s.file, count = n, accept = &accept),
    };
    out.push_str(&format!("{lang}: {text}\n"));
    if s.no_snapshot {
        let hint = tr!("cli-stale-no-snapshot");
        out.push_str(&format!("  {} {hint}\n", tr!("term-hint")));
    }
    structure_lines(s, out);
    for c in &s.changes {
        block_lines(lang, s, c, out);
    }
}

/// The blocks of either side with no counterpart on the other, when there are.
fn structure_lines(s: &Stale, out: &mut String) {
    if let Some(p) = &s.structure {
        let lines = |file: &str, l: &[usize]| {
            l.iter().map(|l| format!("{file}:{l}")).collect::<Vec<_>>().join(", ")
        };
        if !p.source_only.is_empty() {
            let text =
                tr!("cli-stale-source-only", lines = lines(&s.source, &p.source_only));
            out.push_str(&format!("  {text}\n"));
        }
        if !p.translation_only.is_empty() {
            let text = tr!(
                "cli-stale-translation-only",
                lines = lines(&s.file, &p.translation_only)
            );
            out.push_str(&format!("  {text}\n"));
        }
    }
}

/// The lines for one changed block.
fn block_lines(lang: &str, s: &Stale, c: &BlockChange, out: &mut String) {
    let kind = tr!("cli-block-kind", kind = c.kind.name());
    let src = format!("{}:{}", s.source, c.source_line);
    let file = &s.file;
    let tr = match (c.translation_line, c.translation_after) {
        (Some(l), _) => tr!("cli-block-in-translation", place = format!("{file}:{l}")),
        (None, Some(l)) => {
            tr!("cli-block-after-in-translation", place = format!("{file}:{l}"))
        }
        _ if c.change == ChangeKind::Added => tr!("cli-block-not-in-translation-yet"),
        _ if c.change == ChangeKind::Unreviewed => tr!("cli-block-not-in-translation"),
        _ => tr!("cli-block-no-longer-in-translation"),
    };
    let head = match c.change {
        ChangeKind::Changed => tr!("cli-block-changed", kind = kind, place = src),
        ChangeKind::Added => tr!("cli-block-added", kind = kind, place = src),
        ChangeKind::Removed => tr!("cli-block-removed", kind = kind, place = src),
        ChangeKind::Moved => tr!("cli-block-moved", kind = kind, place = src),
        ChangeKind::Unreviewed if c.untranslated => {
            tr!("cli-block-untranslated", kind = kind, place = src)
        }
        ChangeKind::Unreviewed => tr!("cli-block-fuzzy", kind = kind, place = src),
    };
    out.push_str(&format!("  {head} ({tr}) [{}]\n", c.id));
    if !c.diff.is_empty() {
        out.push_str(&format!("    {}\n", render_diff(&c.diff).replace('\n', "\n    ")));
    }
    if c.untranslated {
        let text = tr!(
            "cli-block-translate-it",
            command = format!("livret po export --lang {lang}")
        );
        out.push_str(&format!("    {text}\n"));
        return;
    }
    let accept =
        format!("livret check --lang {lang} --accept {}:{}", s.chapter, c.source_line);
    out.push_str(&format!("    {}\n", tr!("cli-block-after-review", command = accept)));
}

/// A word diff as `kept [-removed-]{+added+} kept`, long unchanged stretches cut.
pub fn render_diff(ops: &[DiffOp]) -> String {
    let mut out = String::new();
    let last = ops.len().saturating_sub(1);
    for (i, op) in ops.iter().enumerate() {
        match op.op {
            DiffOpKind::Delete => out.push_str(&format!("[-{}-]", op.text)),
            DiffOpKind::Insert => out.push_str(&format!("{{+{}+}}", op.text)),
            DiffOpKind::Equal => out.push_str(&shorten(&op.text, i > 0, i < last)),
        }
    }
    out
}

/// Unchanged text, cut to the words next to a change (`before`: a change precedes
/// it, `after`: one follows).
fn shorten(text: &str, before: bool, after: bool) -> String {
    let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    let keep = CONTEXT_WORDS * (usize::from(before) + usize::from(after));
    if words.len() <= keep.max(CONTEXT_WORDS) + 2 {
        return text.to_string();
    }
    let head: String =
        if before { words[..CONTEXT_WORDS].concat() } else { String::new() };
    let tail: String =
        if after { words[words.len() - CONTEXT_WORDS..].concat() } else { String::new() };
    format!("{head}…{}{tail}", if after { " " } else { "" })
}
