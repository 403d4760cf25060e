//! Typst chapters → blocks: the top-level markup, cut at paragraph breaks, each
//! heading and list item a block of its own, and a run of only code (`#table(…)`,
//! `#set …`) a code block. Comments alone are not blocks: nothing of them is printed.

use std::ops::Range;

use typst_syntax::{SyntaxKind, SyntaxNode};

use super::{Kind, Piece};

/// A run of top-level nodes being gathered into one block.
#[derive(Default)]
struct Run {
    range: Option<Range<usize>>,
    /// `#` marks and the expressions after them, and other content nodes.
    hashes: usize,
    exprs: usize,
    others: usize,
    after_hash: bool,
}

/// The blocks of a Typst chapter (BOM already removed).
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let root = typst_syntax::parse(text);
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut offset = 0;
    for node in root.children() {
        let range = offset..offset + node.len();
        offset = range.end;
        match node.kind() {
            SyntaxKind::Parbreak => end_run(&mut run, &mut out),
            SyntaxKind::Space => {}
            SyntaxKind::LineComment | SyntaxKind::BlockComment => {
                // Inside a run it is part of the text; alone it is no block.
                if let Some(r) = &mut run.range {
                    r.end = range.end;
                }
            }
            SyntaxKind::Heading
            | SyntaxKind::ListItem
            | SyntaxKind::EnumItem
            | SyntaxKind::TermItem => {
                end_run(&mut run, &mut out);
                out.push(item(node, text, range));
            }
            kind => {
                let r = run.range.get_or_insert(range.clone());
                r.end = range.end;
                if kind == SyntaxKind::Hash {
                    run.hashes += 1;
                    run.after_hash = true;
                } else if std::mem::take(&mut run.after_hash) {
                    run.exprs += 1;
                } else {
                    run.others += 1;
                }
            }
        }
    }
    end_run(&mut run, &mut out);
    out
}

/// A heading or list item, a block by itself.
fn item(node: &SyntaxNode, text: &str, range: Range<usize>) -> Piece {
    let (kind, path) = match node.kind() {
        SyntaxKind::Heading => {
            let level = text[range.clone()].chars().take_while(|&c| c == '=').count();
            (Kind::Heading, format!("heading{level}"))
        }
        SyntaxKind::ListItem => (Kind::Item, "list/item".to_string()),
        SyntaxKind::EnumItem => (Kind::Item, "enum/item".to_string()),
        _ => (Kind::Term, "terms/term".to_string()),
    };
    Piece { kind, path, range: trim_end(text, range), anchors: Vec::new() }
}

/// Ends the run being gathered, making it a block if it holds anything.
fn end_run(run: &mut Run, out: &mut Vec<Piece>) {
    let run = std::mem::take(run);
    let Some(range) = run.range else { return };
    let code = run.others == 0 && run.hashes > 0 && run.exprs == run.hashes;
    let (kind, path) =
        if code { (Kind::Code, "code") } else { (Kind::Paragraph, "paragraph") };
    out.push(Piece { kind, path: path.to_string(), range, anchors: Vec::new() });
}

/// `range` without the white space at its end.
fn trim_end(text: &str, range: Range<usize>) -> Range<usize> {
    let trimmed = text[range.clone()].trim_end();
    range.start..range.start + trimmed.len()
}
