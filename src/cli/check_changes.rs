//! `livret check`'s lines for a stale translation: the chapter, then each source
//! block that changed since it was accepted, located in the source and in the
//! translation, with a word diff in wdiff's notation (`[-old-]{+new+}`, readable
//! without colours, as the report is made safe for any terminal).

use crate::ops::check::Stale;
use crate::project::changes::{ChangeKind, DiffOp, DiffOpKind};
use crate::project::review::BlockChange;

/// Words of unchanged text kept on each side of a change; longer stretches are
/// shortened to `…`.
const CONTEXT_WORDS: usize = 6;

/// The lines for one stale chapter of `lang`.
pub fn stale_lines(lang: &str, s: &Stale, out: &mut String) {
    let accept = format!("livret check --lang {lang} --accept {}", s.chapter);
    if s.never_accepted {
        out.push_str(&format!(
            "{lang}: stale {} (never marked as reviewed); after review: {accept}\n",
            s.file
        ));
        return;
    }
    let pending = s.changes.iter().filter(|c| c.change == ChangeKind::Unreviewed).count();
    if pending > 0 && pending == s.changes.len() {
        let untranslated = s.changes.iter().filter(|c| c.untranslated).count();
        out.push_str(&format!(
            "{lang}: {} has {untranslated} block(s) not translated yet and {} not reviewed yet (fuzzy), below\n",
            s.file,
            pending - untranslated
        ));
        structure_lines(s, out);
        for c in &s.changes {
            block_lines(lang, s, c, out);
        }
        return;
    }
    let what = match s.changes.len() {
        0 if !s.no_snapshot => {
            ", but none of its text did: only the Markdown around it".to_string()
        }
        0 => String::new(),
        1 => ", 1 block below".to_string(),
        n => format!(", {n} blocks below"),
    };
    out.push_str(&format!(
        "{lang}: stale {} (the source chapter changed since it was reviewed){what}; after review: {accept}\n",
        s.file
    ));
    if s.no_snapshot {
        out.push_str(
            "  hint: only a hash of the accepted source was kept, so what changed cannot be shown; once you accept the chapter again, later changes are shown block by block\n",
        );
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
            out.push_str(&format!(
                "  blocks of the source with no counterpart in the translation: {}\n",
                lines(&s.source, &p.source_only)
            ));
        }
        if !p.translation_only.is_empty() {
            out.push_str(&format!(
                "  blocks of the translation with no counterpart in the source: {} (the other blocks are paired)\n",
                lines(&s.file, &p.translation_only)
            ));
        }
    }
}

/// The lines for one changed block.
fn block_lines(lang: &str, s: &Stale, c: &BlockChange, out: &mut String) {
    let kind = c.kind.name();
    let src = format!("{}:{}", s.source, c.source_line);
    let tr = match (c.translation_line, c.translation_after) {
        (Some(l), _) => format!("translation {}:{l}", s.file),
        (None, Some(l)) => format!("translation: after {}:{l}", s.file),
        _ if c.change == ChangeKind::Added => "not in the translation yet".into(),
        _ if c.change == ChangeKind::Unreviewed => "not in the translation".into(),
        _ => "no longer in the translation".into(),
    };
    let head = match c.change {
        ChangeKind::Changed => format!("changed {kind} at {src}"),
        ChangeKind::Added => format!("added {kind} at {src}"),
        ChangeKind::Removed => format!("removed {kind}, was before {src}"),
        ChangeKind::Moved => format!("moved {kind}, now at {src}"),
        ChangeKind::Unreviewed if c.untranslated => {
            format!("not translated yet: {kind} at {src}")
        }
        ChangeKind::Unreviewed => {
            format!("translation not reviewed yet (fuzzy): {kind} at {src}")
        }
    };
    out.push_str(&format!("  {head} ({tr}) [{}]\n", c.id));
    if !c.diff.is_empty() {
        out.push_str(&format!("    {}\n", render_diff(&c.diff).replace('\n', "\n    ")));
    }
    if c.untranslated {
        out.push_str(&format!(
            "    translate it in the chapter, or with livret po export --lang {lang}\n"
        ));
        return;
    }
    out.push_str(&format!(
        "    after review: livret check --lang {lang} --accept {}:{}\n",
        s.chapter, c.source_line
    ));
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
