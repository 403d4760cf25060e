//! `livret fonts`: every font a build can use (family, style, file, licence) and the
//! scripts each covers; for each language of guide.toml, which font of its stack
//! shows each script its chapters use, and where a script has no font.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::Text;
use crate::project::chapters;
use crate::project::manifest::{self, Language, Manifest};
use crate::tr;
use crate::typeset::fonts::Fonts;
use crate::util::diag::Result;
use crate::util::fs::read_project_text;

/// The scripts livret reports on: (name, characters a font must have to cover it).
const SCRIPTS: &[(&str, &str)] = &[
    ("Latin", "AaZzÉéÀàÇç"),
    ("Latin for Bambara (ɛ ɔ ɲ ŋ)", "ɛƐɔƆɲƝŋŊ"),
    ("N'Ko", "ߊߋߌߍߎߏߓߕߞߟߡߣ߫"),
    ("Arabic (Ajami)", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"),
    ("Tifinagh", "ⴰⴱⴳⴷⴹⴻⴼⴽⵀⵃⵄⵅⵇⵉⵊⵍⵎⵏⵓⵔⵕⵖⵙⵚⵛⵜⵟⵡⵢⵣⵥ"),
];

/// The script a character belongs to, among those livret reports on.
fn script_of(c: char) -> Option<&'static str> {
    let u = c as u32;
    Some(match u {
        // The Bambara letters first: some sit inside Latin Extended.
        0x0250..=0x02AF | 0x0186 | 0x0190 | 0x019D | 0x014A | 0x014B => {
            "Latin for Bambara (ɛ ɔ ɲ ŋ)"
        }
        0x0041..=0x005A | 0x0061..=0x007A | 0x00C0..=0x024F => "Latin",
        0x07C0..=0x07FF => "N'Ko",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF => "Arabic (Ajami)",
        0x2D30..=0x2D7F => "Tifinagh",
        _ => return None,
    })
}

/// One font face.
#[derive(Debug, Clone, Serialize)]
pub struct FontEntry {
    /// Family name.
    pub family: String,
    /// `regular`, `bold italic`, …
    pub style: String,
    /// Where it comes from: a file under fonts/, or `typst (embedded)`.
    pub file: Text,
    /// Its licence, as found beside it.
    pub licence: Text,
    /// Scripts it covers completely.
    pub scripts: Vec<String>,
}

/// How one script of a language is shown.
#[derive(Debug, Clone, Serialize)]
pub struct ScriptUse {
    /// The script.
    pub script: String,
    /// Characters of it in the language's chapters.
    pub characters: usize,
    /// The first font of the stack that has them all (`None`: no font does).
    pub font: Option<String>,
}

/// One language's font stack and scripts.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageFonts {
    /// Language code.
    pub lang: String,
    /// Its font stack, as in guide.toml.
    pub stack: Vec<String>,
    /// The scripts its chapters use.
    pub scripts: Vec<ScriptUse>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct FontReport {
    /// Every face a build can use.
    pub fonts: Vec<FontEntry>,
    /// Every language of guide.toml.
    pub languages: Vec<LanguageFonts>,
}

impl FontReport {
    /// Whether some language uses a script that no font of its stack shows.
    pub fn has_gaps(&self) -> bool {
        self.languages.iter().any(|l| l.scripts.iter().any(|s| s.font.is_none()))
    }
}

/// Builds the report for the project at `project`.
pub fn report(project: &Path) -> Result<FontReport> {
    let manifest = manifest::load(project)?;
    let fonts = Fonts::load(&manifest.root, false)?;
    let entries =
        (0..fonts.fonts.len()).map(|i| font_entry(&manifest, &fonts, i)).collect();
    let mut languages = Vec::new();
    for language in &manifest.languages {
        languages.push(language_fonts(&manifest, &fonts, language)?);
    }
    Ok(FontReport { fonts: entries, languages })
}

/// Whether font `index` shows every one of `chars`.
fn covers(fonts: &Fonts, index: usize, chars: &mut dyn Iterator<Item = char>) -> bool {
    let info = fonts.fonts[index].info();
    let mut all = true;
    for c in chars {
        all &= info.coverage.contains(c as u32);
    }
    all
}

/// Font `i`: family, style, file, licence, scripts.
fn font_entry(manifest: &Manifest, fonts: &Fonts, i: usize) -> FontEntry {
    let info = fonts.fonts[i].info();
    let origin = &fonts.origins[i];
    let (file, licence) = if origin == "embedded" {
        (tr!("ops-fonts-embedded"), tr!("ops-fonts-embedded-licence"))
    } else {
        let licence = licence_beside(&manifest.root, &manifest.root.join(origin));
        (Text::raw(origin.as_str()), licence)
    };
    let weight = info.variant.weight.to_number();
    let mut style = match weight {
        w if w >= 700 => "bold".to_string(),
        w if w >= 550 => "semibold".to_string(),
        w if w <= 300 => "light".to_string(),
        _ => "regular".to_string(),
    };
    if info.variant.style != typst::text::FontStyle::Normal {
        style =
            if style == "regular" { "italic".into() } else { format!("{style} italic") };
    }
    let scripts = SCRIPTS
        .iter()
        .filter(|(_, sample)| covers(fonts, i, &mut sample.chars()))
        .map(|(name, _)| name.to_string())
        .collect();
    FontEntry { family: info.family.clone(), style, file, licence, scripts }
}

/// The scripts `language`'s chapters use and which font of its stack shows each.
fn language_fonts(
    manifest: &Manifest,
    fonts: &Fonts,
    language: &Language,
) -> Result<LanguageFonts> {
    let mut text = String::new();
    for stem in manifest.chapter_stems() {
        if let Some(file) = chapters::find(manifest, &language.code, stem)? {
            text.push_str(&read_project_text(&manifest.root, &file.rel)?);
        }
    }
    text.push_str(manifest.title(&language.code));
    text.push_str(&language.name);
    let mut scripts = Vec::new();
    for (name, _) in SCRIPTS {
        let mut chars: Vec<char> =
            text.chars().filter(|c| script_of(*c) == Some(name)).collect();
        chars.sort_unstable();
        chars.dedup();
        if chars.is_empty() {
            continue;
        }
        let font = language.fonts.iter().find(|family| {
            fonts.fonts.iter().enumerate().any(|(i, f)| {
                f.info().family.eq_ignore_ascii_case(family)
                    && covers(fonts, i, &mut chars.iter().copied())
            })
        });
        scripts.push(ScriptUse {
            script: name.to_string(),
            characters: chars.len(),
            font: font.cloned(),
        });
    }
    Ok(LanguageFonts {
        lang: language.code.clone(),
        stack: language.fonts.clone(),
        scripts,
    })
}

/// The licence of a font file, from a licence file in its folder (or its parent),
/// inside the project at `root`.
fn licence_beside(root: &Path, font: &Path) -> Text {
    let mut dir: Option<PathBuf> = font.parent().map(Path::to_path_buf);
    for _ in 0..2 {
        let Some(d) = dir else { break };
        for name in ["OFL.txt", "LICENSE.txt", "LICENSE", "LICENCE.txt", "UFL.txt"] {
            if let Ok(text) = read_project_text(root, d.join(name)) {
                let upper = text.to_uppercase();
                let kind = if upper.contains("SIL OPEN FONT LICENSE") {
                    "SIL Open Font License 1.1"
                } else if upper.contains("APACHE LICENSE") {
                    "Apache License 2.0"
                } else if upper.contains("UBUNTU FONT LICENCE") {
                    "Ubuntu Font Licence"
                } else {
                    return tr!("ops-fonts-licence-file", file = name);
                };
                return Text::raw(format!("{kind} ({name})"));
            }
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    tr!("ops-fonts-licence-unknown")
}
