//! The guide's manifest, `sources/guide.toml`: loading and validation.
//!
//! The manifest is strict: unknown keys, missing keys and wrong types are errors
//! that name the file, line and column.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::Text;
use crate::project::locate;
use crate::project::toml_errors;
use crate::tr;
use crate::util::diag::{Error, Result, line_col};
use crate::util::fs::read_project;
use crate::util::text::without_bom;

pub use crate::project::labels::{Labels, ResolvedLabels};
pub use crate::project::paths::MANIFEST_PATH;
pub use crate::project::preset::{ByteSize, PrintPreset};

/// A loaded and validated manifest.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The project root (canonical), where `sources/`, `layouts/`, `fonts/` live.
    pub root: PathBuf,
    /// The manifest's text, kept to locate later errors.
    pub text: String,
    /// The `[guide]` table.
    pub guide: Guide,
    /// The languages, source language first as written.
    pub languages: Vec<Language>,
    /// The pocket layouts to build.
    pub layouts: Vec<Layout>,
    /// The print presets (imposition of a layout onto sheets).
    pub print: Vec<PrintPreset>,
}

/// The `[guide]` table: what the guide is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Guide {
    /// Short identifier used in file names (`[a-z0-9-]`).
    pub id: String,
    /// The language the guide is written in; translations follow it.
    pub source_language: String,
    /// Title per language code.
    pub title: BTreeMap<String, String>,
    /// Subtitle per language code.
    #[serde(default)]
    pub subtitle: BTreeMap<String, String>,
    /// Who publishes the guide.
    pub publisher: String,
    /// Edition number (1, 2, …).
    pub edition: u32,
    /// Publication date (a TOML date, e.g. `2026-11-01`, or the same quoted); also the
    /// PDF date.
    #[serde(deserialize_with = "crate::project::toml_errors::guide_date")]
    pub date: toml::value::Datetime,
    /// Licence of the text, printed in the colophon.
    pub licence: String,
    /// Chapter file stems in reading order (`01-introduction` → `01-introduction.md` or `.typ`).
    pub chapters: Vec<Spanned<String>>,
    /// What changed in this edition, per language code (a short list each), printed
    /// in the colophon; languages without one use the source language's.
    #[serde(default)]
    pub changes: BTreeMap<String, Vec<String>>,
}

/// Text direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (N'Ko, Arabic).
    Rtl,
}

/// Review status of a language's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reviewed and ready to print.
    #[default]
    Reviewed,
    /// A draft awaiting review by a native speaker; the colophon says so.
    Draft,
}

/// One `[[language]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Language {
    /// Language code, also the folder name under `sources/` (`fr`, `bm`, `nqo`).
    pub code: String,
    /// Name of the language in that language.
    pub name: String,
    /// Text direction.
    #[serde(default)]
    pub dir: Direction,
    /// Font families in order of preference (typst falls back along the list).
    pub fonts: Vec<String>,
    /// Review status.
    #[serde(default)]
    pub status: Status,
    /// Words the layout prints in this language (defaults exist for fr and en).
    #[serde(default)]
    pub labels: Labels,
}

/// One `[[layout]]` entry: a pocket format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Layout {
    /// Name used in file names and on the command line (`pocket-a6`).
    pub name: String,
    /// Typst template, relative to the project root (default `layouts/<name>.typ`).
    #[serde(default)]
    pub template: Option<String>,
    /// Largest wanted size of the screen edition's PDF (`"3 MB"`); a warning beyond.
    #[serde(default)]
    pub screen_budget: Option<ByteSize>,
    /// Largest wanted size of the print edition's PDF; a warning beyond.
    #[serde(default)]
    pub print_budget: Option<ByteSize>,
}

impl Layout {
    /// The template's path relative to the project root.
    pub fn template_path(&self) -> String {
        self.template.clone().unwrap_or_else(|| format!("layouts/{}.typ", self.name))
    }
}

/// The raw file shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawManifest {
    guide: Guide,
    #[serde(rename = "language")]
    languages: Vec<Language>,
    #[serde(rename = "layout")]
    layouts: Vec<Layout>,
    #[serde(default, rename = "print")]
    print: Vec<PrintPreset>,
}

/// Loads and validates `sources/guide.toml` of the project at `root`.
pub fn load(root: &Path) -> Result<Manifest> {
    let root = root.canonicalize().map_err(|err| {
        let reason = crate::util::diag::io_reason(&err);
        Error::new(tr!("project-folder-missing", path = root, reason = reason))
            .with_hint(tr!("project-folder-missing-hint"))
    })?;
    let path = root.join(MANIFEST_PATH);
    let bytes = match read_project(&root, MANIFEST_PATH) {
        Ok(bytes) => bytes,
        // Found but refused: a symlink out of the project.
        Err(refused) if path.exists() => return Err(refused),
        Err(_) => return Err(missing_manifest(&root, &path)),
    };
    let text = locate::utf8(bytes).map_err(|(at, byte)| {
        let byte = format!("0x{byte:02x}");
        Error::at(
            Path::new(MANIFEST_PATH),
            Some(at),
            tr!("project-not-utf8", byte = byte),
        )
        .with_hint(tr!("project-not-utf8-hint"))
    })?;
    parse(&root, without_bom(text))
}

/// The error for a project without a readable `sources/guide.toml`.
fn missing_manifest(root: &Path, path: &Path) -> Error {
    let err =
        fs::metadata(path).err().unwrap_or_else(|| std::io::ErrorKind::NotFound.into());
    let mut error = Error::io("read", path, err);
    if root.ends_with("sources") && root.join("guide.toml").exists() {
        error = error.with_hint(tr!("project-inside-sources-hint"));
    }
    error.with_hint(tr!("project-manifest-missing-hint"))
}

/// Parses and validates manifest text for the project at `root` (canonical).
pub fn parse(root: &Path, text: String) -> Result<Manifest> {
    let display = Path::new(MANIFEST_PATH);
    let raw: RawManifest = toml::from_str(&text).map_err(|err| {
        let start = err.span().map(|span| span.start);
        let at = start.map(|start| line_col(&text, start));
        let message = err.message().trim_end();
        let explained =
            start.and_then(|start| toml_errors::explain(&text, start, message));
        if let Some((message, hints)) = explained {
            let error = Error::at(display, at, message);
            return hints.into_iter().fold(error, Error::with_hint);
        }
        // The TOML parser's own words (in English), then what to do.
        Error::at(display, at, message).with_hint(tr!("project-manifest-comments-hint"))
    })?;
    let manifest = Manifest {
        root: root.to_path_buf(),
        text,
        guide: raw.guide,
        languages: raw.languages,
        layouts: raw.layouts,
        print: raw.print,
    };
    manifest.validate()?;
    Ok(manifest)
}

impl Manifest {
    /// Checks what serde cannot: references between entries, names, files.
    fn validate(&self) -> Result<()> {
        self.check_guide()?;
        self.check_languages()?;
        self.check_layouts()?;
        self.check_presets()
    }

    /// An error at a byte offset of the manifest (or without a place).
    fn error_at(&self, offset: Option<usize>, message: Text) -> Error {
        Error::at(
            Path::new(MANIFEST_PATH),
            offset.map(|o| line_col(&self.text, o)),
            message,
        )
    }

    /// The guide's id and chapter list.
    fn check_guide(&self) -> Result<()> {
        let g = &self.guide;
        let id_ok = !g.id.is_empty()
            && g.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            return Err(self
                .error_at(
                    locate::guide_id(&self.text).or_else(|| self.find("id")),
                    tr!("project-guide-id-invalid", id = g.id.as_str()),
                )
                .with_hint(tr!("project-guide-id-invalid-hint")));
        }
        if g.chapters.is_empty() {
            return Err(self
                .error_at(self.find("chapters"), tr!("project-chapters-empty"))
                .with_hint(tr!("project-chapters-empty-hint")));
        }
        let mut seen = Vec::new();
        for chapter in &g.chapters {
            let name = chapter.get_ref();
            let valid = !name.is_empty()
                && !name.starts_with('.')
                && name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
            if !valid || name.contains("..") {
                return Err(self
                    .error_at(
                        Some(chapter.span().start),
                        tr!("project-chapter-not-stem", name = name.as_str()),
                    )
                    .with_hint(tr!("project-chapter-not-stem-hint")));
            }
            if seen.contains(&name) {
                return Err(self.error_at(
                    Some(chapter.span().start),
                    tr!("project-chapter-twice", name = name.as_str()),
                ));
            }
            seen.push(name);
        }
        Ok(())
    }

    /// Language codes, duplicates, fonts, the source language and its title.
    fn check_languages(&self) -> Result<()> {
        let g = &self.guide;
        if self.languages.is_empty() {
            return Err(self
                .error_at(None, tr!("project-no-language"))
                .with_hint(tr!("project-no-language-hint")));
        }
        let mut codes = Vec::new();
        for (index, lang) in self.languages.iter().enumerate() {
            let at = || {
                locate::language_code(&self.text, index).or_else(|| self.find(&lang.code))
            };
            let ok = !lang.code.is_empty()
                && lang.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !ok {
                return Err(self
                    .error_at(
                        at(),
                        tr!("project-language-code-invalid", code = lang.code.as_str()),
                    )
                    .with_hint(tr!("project-language-code-hint")));
            }
            if codes.contains(&&lang.code) {
                return Err(self.error_at(
                    at(),
                    tr!("project-language-twice", code = lang.code.as_str()),
                ));
            }
            if lang.fonts.is_empty() {
                return Err(self
                    .error_at(
                        at(),
                        tr!("project-language-no-fonts", code = lang.code.as_str()),
                    )
                    .with_hint(tr!("project-language-no-fonts-hint")));
            }
            codes.push(&lang.code);
        }
        if self.language(&g.source_language).is_none() {
            return Err(self.error_at(
                self.find("source-language"),
                tr!("project-source-language-unknown", code = g.source_language.as_str()),
            ));
        }
        if !g.title.contains_key(&g.source_language) {
            return Err(self.error_at(
                self.find("[guide.title]"),
                tr!("project-source-title-missing", code = g.source_language.as_str()),
            ));
        }
        Ok(())
    }

    /// Layout names.
    fn check_layouts(&self) -> Result<()> {
        if self.layouts.is_empty() {
            return Err(self
                .error_at(None, tr!("project-no-layout"))
                .with_hint(tr!("project-no-layout-hint")));
        }
        for layout in &self.layouts {
            let ok = !layout.name.is_empty()
                && layout
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok {
                return Err(self
                    .error_at(
                        self.find(&layout.name),
                        tr!("project-layout-name-invalid", name = layout.name.as_str()),
                    )
                    .with_hint(tr!("project-layout-name-hint")));
            }
        }
        Ok(())
    }

    /// Print presets: their layout exists, their lengths are lengths.
    fn check_presets(&self) -> Result<()> {
        for preset in &self.print {
            if self.layout(&preset.layout).is_none() {
                return Err(self
                    .error_at(
                        self.find(&format!("\"{}\"", preset.layout)),
                        tr!(
                            "project-preset-layout-unknown",
                            layout = preset.layout.as_str()
                        ),
                    )
                    .with_hint(tr!(
                        "project-declared-layouts",
                        layouts = self.layout_names().join(", ")
                    )));
            }
            if let Some(q) = preset.quantity
                && !(1..=10_000_000).contains(&q)
            {
                let message =
                    crate::tr!("shop-preset-quantity", quantity = q.to_string());
                return Err(self.error_at(self.find("quantity ="), message));
            }
            if let Err((key, message)) =
                preset.choices().check_keyed(|key| key.to_string())
            {
                return Err(self.error_at(self.find(&format!("{key} =")), message));
            }
        }
        Ok(())
    }

    /// Byte offset of the first occurrence of `needle` in the manifest text.
    fn find(&self, needle: &str) -> Option<usize> {
        self.text.find(needle)
    }

    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The layout with this name.
    pub fn layout(&self, name: &str) -> Option<&Layout> {
        self.layouts.iter().find(|l| l.name == name)
    }

    /// Names of the declared layouts.
    pub fn layout_names(&self) -> Vec<&str> {
        self.layouts.iter().map(|l| l.name.as_str()).collect()
    }

    /// The source language's entry.
    pub fn source_language(&self) -> &Language {
        self.language(&self.guide.source_language).expect("validated")
    }

    /// Chapter stems in reading order.
    pub fn chapter_stems(&self) -> impl Iterator<Item = &str> {
        self.guide.chapters.iter().map(|c| c.get_ref().as_str())
    }

    /// The line (1-based) where a chapter is listed in the manifest.
    pub fn chapter_line(&self, stem: &str) -> Option<usize> {
        self.guide
            .chapters
            .iter()
            .find(|c| c.get_ref() == stem)
            .map(|c| line_col(&self.text, c.span().start).0)
    }

    /// The guide's date as (year, month, day).
    pub fn date(&self) -> Result<(i32, u8, u8)> {
        let d = self.guide.date.date.ok_or_else(|| {
            Error::at(
                Path::new(MANIFEST_PATH),
                self.find("date").map(|o| line_col(&self.text, o)),
                tr!("project-date-no-day"),
            )
            .with_hint(tr!("project-date-hint"))
        })?;
        Ok((i32::from(d.year), d.month, d.day))
    }

    /// Title in `lang`, falling back to the source language.
    pub fn title(&self, lang: &str) -> &str {
        self.guide
            .title
            .get(lang)
            .or_else(|| self.guide.title.get(&self.guide.source_language))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// What changed in this edition, in `lang`, else in the source language.
    pub fn changes(&self, lang: &str) -> &[String] {
        self.guide
            .changes
            .get(lang)
            .or_else(|| self.guide.changes.get(&self.guide.source_language))
            .map_or(&[], Vec::as_slice)
    }

    /// Subtitle in `lang`, falling back to the source language.
    pub fn subtitle(&self, lang: &str) -> &str {
        self.guide
            .subtitle
            .get(lang)
            .or_else(|| self.guide.subtitle.get(&self.guide.source_language))
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[guide]
id = "g"
source-language = "fr"
title = { fr = "Titre" }
publisher = "Nous"
edition = 1
date = 2026-11-01
licence = "CC BY 4.0"
chapters = ["01-a"]

[[language]]
code = "fr"
name = "Français"
fonts = ["Andika"]

[[layout]]
name = "pocket-a6"
"#;

    #[test]
    fn good_manifest_parses() {
        let m = parse(Path::new("/p"), GOOD.into()).unwrap();
        assert_eq!(m.chapter_stems().collect::<Vec<_>>(), ["01-a"]);
        assert_eq!(m.date().unwrap(), (2026, 11, 1));
        assert_eq!(m.layouts[0].template_path(), "layouts/pocket-a6.typ");
    }

    #[test]
    fn unknown_key_has_line() {
        let text = GOOD.replace("licence =", "colour = 1\nlicence =");
        let err = parse(Path::new("/p"), text).unwrap_err();
        assert!(
            err.message
                .starts_with("sources/guide.toml:9:1: `colour` is not a key of [guide]"),
            "{}",
            err.message
        );
    }

    #[test]
    fn empty_chapters_rejected() {
        let text = GOOD.replace("[\"01-a\"]", "[]");
        let err = parse(Path::new("/p"), text).unwrap_err();
        assert!(
            err.message.contains(":10:1: the chapter list is empty"),
            "{}",
            err.message
        );
    }

    #[test]
    fn chapter_with_dotdot_rejected() {
        let text = GOOD.replace("\"01-a\"", "\"../../etc/passwd\"");
        let err = parse(Path::new("/p"), text).unwrap_err();
        assert!(err.message.contains("not a plain file name"), "{}", err.message);
    }

    #[test]
    fn labels_fall_back_per_language() {
        let fr = Labels::default().resolve("fr");
        assert!(fr.entries.contains(&("remember", "À retenir".into())));
        let own =
            Labels { remember: Some("Hakili".into()), ..Labels::default() }.resolve("bm");
        assert!(own.entries.contains(&("remember", "Hakili".into())));
        assert!(own.entries.contains(&("contents", "Contents".into())));
    }
}
