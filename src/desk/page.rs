//! The frame of every desk page (header, rooms, language switch, the CSRF token and
//! the interface's words for the script), HTML escaping, and the assets built into
//! the binary: the style sheet, the script, and `@font-face` rules for the guide's
//! fonts (served from its `fonts/` folder), so the desk works offline.

use std::fmt::Write as _;
use std::path::Path;

use crate::desk::safety::Secrets;
use crate::desk::text::{self, Ui, tr};
use crate::util::fs::files_under;

/// The style sheet.
pub const CSS: &str = include_str!("assets/desk.css");

/// The script of every room.
pub const JS: &str = include_str!("assets/desk.js");

pub use crate::util::html::escape;

/// A whole page: `room` is the room's key (`translate`, `editions`, `print`, or
/// `home`), `path` the page's own path (where the language switch comes back to).
pub fn shell(ui: Ui, secrets: &Secrets, room: &str, path: &str, body: &str) -> String {
    let mut nav = String::new();
    for (key, href) in
        [("translate", "/"), ("editions", "/editions"), ("print", "/print")]
    {
        let current = if key == room { " aria-current=\"page\"" } else { "" };
        let _ = write!(nav, "<a href=\"{href}\"{current}>{}</a>", tr(ui, key));
    }
    let switch =
        format!("/ui?to={}&amp;back={}", ui.other().code(), escape(&percent(path)));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"desk-csrf\" content=\"{csrf}\">\
         <title>{title} — {desk}</title>\
         <link rel=\"stylesheet\" href=\"/assets/desk.css\">\
         <link rel=\"stylesheet\" href=\"/assets/fonts.css\"></head>\
         <body data-room=\"{room}\"><header><strong>{desk}</strong><nav>{nav}</nav>\
         <a class=\"switch\" href=\"{switch}\" data-action=\"ui\">{other}</a></header>\
         {body}<script type=\"application/json\" id=\"desk-words\">{words}</script>\
         <script src=\"/assets/desk.js\"></script></body></html>\n",
        code = ui.code(),
        csrf = escape(&secrets.csrf),
        title = tr(ui, room),
        desk = tr(ui, "desk"),
        other = tr(ui, "switch"),
        words = text::json(ui).replace("</", "<\\/"),
    )
}

/// `path` with the characters a query value cannot hold escaped.
pub fn percent(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The CSS family name the desk gives a font family of guide.toml (`Noto Sans NKo` →
/// `desk-NotoSansNKo`).
pub fn family(name: &str) -> String {
    format!(
        "desk-{}",
        name.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>()
    )
}

/// `@font-face` rules for every `.ttf`/`.otf` file under the project's `fonts/`
/// folder, named by [`family`] of the file name's part before `-`.
pub fn fonts_css(root: &Path) -> String {
    let mut css = String::new();
    let dir = root.join("fonts");
    for path in files_under(&dir).unwrap_or_default() {
        let Ok(rel) = path.strip_prefix(root) else { continue };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        if !(rel.ends_with(".ttf") || rel.ends_with(".otf")) {
            continue;
        }
        let (base, style) = name.split_once('-').unwrap_or((name, "Regular"));
        let weight = if style.contains("Bold") { "bold" } else { "normal" };
        let italic = if style.contains("Italic") { "italic" } else { "normal" };
        let _ = writeln!(
            css,
            "@font-face{{font-family:\"{}\";src:url(\"/{}\");font-weight:{weight};font-style:{italic}}}",
            family(base),
            percent(&rel)
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_escapes() {
        assert_eq!(family("Noto Sans NKo"), "desk-NotoSansNKo");
        assert_eq!(escape("<a href=\"x\">'&"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
        assert_eq!(percent("/translate/en/01 a?b"), "/translate/en/01%20a%3Fb");
    }
}
