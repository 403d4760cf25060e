//! A block's text as a PO entry holds it, and back: the lines of a block inside a
//! quote, a box, a list item or a footnote carry their container's marks (`> `,
//! indentation) in the chapter; the entry holds the text without them, and a
//! translation is put back with the marks of the place it goes to.

use crate::project::segments::{self, Block, Kind};

/// Whether a block's text is written on one line whatever its length (a line break
/// would end it: headings, table cells, image alt texts, terms).
fn one_line(kind: Kind) -> bool {
    matches!(kind, Kind::Heading | Kind::Cell | Kind::Alt | Kind::Term)
}

/// Whether a block kind goes into the PO files. Code and raw HTML are not words to
/// translate: they stay as written in the chapter.
pub fn translatable(kind: Kind) -> bool {
    !matches!(kind, Kind::Code | Kind::Html)
}

/// The block's text without the container marks at the start of its continuation
/// lines (`> `, indentation): what a translator sees and writes.
pub fn entry_text(block: &Block) -> String {
    entry_text_of(&block.text)
}

/// [`entry_text`] of a block's text; a CRLF chapter's line ends are LF in the entry
/// (as a PO editor writes them; the import puts the chapter's own back).
pub fn entry_text_of(text: &str) -> String {
    segments::without_container_marks(&text.replace("\r\n", "\n"))
}

/// The marks each continuation line of a block needs where it stands in `chapter`:
/// those of its own second line when it has one, else those of its first line with
/// list markers and footnote labels blanked (`> - ` gives `>   `).
pub fn continuation_marks(chapter: &str, block: &Block) -> String {
    if let Some(nl) = block.text.find('\n') {
        let rest = &block.text[nl + 1..];
        let marks = rest.len() - rest.trim_start_matches([' ', '\t', '>']).len();
        if marks > 0 {
            return rest[..marks].to_string();
        }
    }
    let line_start = chapter[..block.range.start].rfind('\n').map_or(0, |i| i + 1);
    chapter[line_start..block.range.start]
        .chars()
        .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
        .collect()
}

/// A translation as it is written in place of a block: trimmed, its line breaks
/// followed by the container's `marks`, or made spaces where a line break would end
/// the block (headings, cells, alt texts, terms).
pub fn placed(kind: Kind, translation: &str, marks: &str) -> String {
    let text = translation.trim_matches(['\n', '\r', ' ', '\t']);
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    if one_line(kind) {
        return lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    }
    lines.join(&format!("\n{marks}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::segments::{Format, segment};

    /// The blocks of a Markdown chapter.
    fn blocks(md: &str) -> Vec<Block> {
        segment(md, Format::Markdown)
    }

    #[test]
    fn quote_marks_are_left_out_and_put_back() {
        let md =
            "> [!IMPORTANT]\n> - La sécurité\n>   est l'affaire de tous.\n> - Deux\n";
        let b = blocks(md);
        let first = b.iter().find(|b| b.text.starts_with("La")).unwrap();
        assert_eq!(entry_text(first), "La sécurité\nest l'affaire de tous.");
        assert_eq!(continuation_marks(md, first), ">   ");
        let second = b.iter().find(|b| b.text == "Deux").unwrap();
        assert_eq!(continuation_marks(md, second), ">   ");
        assert_eq!(placed(second.kind, "Fila\nsaba\n", ">   "), "Fila\n>   saba");
    }

    #[test]
    fn one_line_blocks_stay_on_one_line() {
        let md = "## Titre\n\n| a | b |\n|---|---|\n| c | d |\n";
        let b = blocks(md);
        assert_eq!(placed(b[0].kind, "Kun\nsaba ", "   "), "Kun saba");
        let cell = b.iter().find(|b| b.text == "c").unwrap();
        assert_eq!(placed(cell.kind, "x\ny", ""), "x y");
    }

    #[test]
    fn footnote_and_item_marks_are_blank() {
        let md = "Texte[^n].\n\n1. Un\n\n[^n]: Une note.\n";
        let b = blocks(md);
        let item = b.iter().find(|b| b.text == "Un").unwrap();
        assert_eq!(continuation_marks(md, item), "   ");
        let note = b.iter().find(|b| b.text == "Une note.").unwrap();
        assert_eq!(continuation_marks(md, note), "      ");
    }
}
