//! `livret new DIR`: a fresh guide that builds at once — a commented guide.toml, two
//! short chapters per language, the layouts and fonts it needs, a `.gitignore`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::project::labels::{SHIPPED, WORDS, shipped_word};
use crate::project::manifest;
use crate::project::segments::{Format, Kind, segment, untranslated_mark};
use crate::project::{accept, paths};
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::write_atomic;
use crate::util::suggest::did_you_mean;

/// What to create.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// The folder of the new guide.
    pub dir: PathBuf,
    /// Language codes; the first is the source language.
    pub langs: Vec<String>,
    /// Layout names.
    pub layouts: Vec<String>,
    /// Write into a folder that is not empty.
    pub force: bool,
}

/// The layouts livret ships: (name, file content).
const LAYOUTS: &[(&str, &str)] = &[
    ("pocket-a6", include_str!("../../layouts/pocket-a6.typ")),
    ("pocket-a7", include_str!("../../layouts/pocket-a7.typ")),
];

/// The layouts' shared part.
const COMMON: &str = include_str!("../../layouts/common.typ");

/// The fonts livret ships: (path under fonts/, bytes).
const FONTS: &[(&str, &[u8])] = &[
    (
        "andika/Andika-Regular.ttf",
        include_bytes!("../../fonts/andika/Andika-Regular.ttf"),
    ),
    ("andika/Andika-Bold.ttf", include_bytes!("../../fonts/andika/Andika-Bold.ttf")),
    ("andika/Andika-Italic.ttf", include_bytes!("../../fonts/andika/Andika-Italic.ttf")),
    (
        "andika/Andika-BoldItalic.ttf",
        include_bytes!("../../fonts/andika/Andika-BoldItalic.ttf"),
    ),
    ("andika/OFL.txt", include_bytes!("../../fonts/andika/OFL.txt")),
    (
        "noto/NotoSansNKo-Regular.ttf",
        include_bytes!("../../fonts/noto/NotoSansNKo-Regular.ttf"),
    ),
    (
        "noto/NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../fonts/noto/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "noto/NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../fonts/noto/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "noto/NotoSansTifinagh-Regular.ttf",
        include_bytes!("../../fonts/noto/NotoSansTifinagh-Regular.ttf"),
    ),
    ("noto/OFL.txt", include_bytes!("../../fonts/noto/OFL.txt")),
];

/// What livret knows of a language: name, direction, font stack, font folder.
struct KnownLanguage {
    code: &'static str,
    name: &'static str,
    rtl: bool,
    fonts: &'static [&'static str],
    /// Files under fonts/ the stack needs (besides Andika).
    files: &'static str,
}

/// Languages of Mali's guides and their fonts; others get Andika (Latin script) and a
/// comment saying so in guide.toml.
const KNOWN: &[KnownLanguage] = &[
    KnownLanguage {
        code: "fr",
        name: "Français",
        rtl: false,
        fonts: &["Andika"],
        files: "",
    },
    KnownLanguage {
        code: "en",
        name: "English",
        rtl: false,
        fonts: &["Andika"],
        files: "",
    },
    KnownLanguage {
        code: "bm",
        name: "Bamanankan",
        rtl: false,
        fonts: &["Andika"],
        files: "",
    },
    KnownLanguage {
        code: "ff",
        name: "Fulfulde",
        rtl: false,
        fonts: &["Andika"],
        files: "",
    },
    KnownLanguage {
        code: "nqo",
        name: "ߒߞߏ",
        rtl: true,
        fonts: &["Noto Sans NKo", "Andika"],
        files: "noto/NotoSansNKo",
    },
    KnownLanguage {
        code: "ar",
        name: "العربية",
        rtl: true,
        fonts: &["Noto Naskh Arabic", "Andika"],
        files: "noto/NotoNaskhArabic",
    },
    KnownLanguage {
        code: "taq",
        name: "Tamasheq",
        rtl: false,
        fonts: &["Noto Sans Tifinagh", "Andika"],
        files: "noto/NotoSansTifinagh",
    },
    // Tamashek's ISO 639-2 code: the same as Tamasheq's (taq), Tifinagh and Latin.
    KnownLanguage {
        code: "tmh",
        name: "Tamasheq",
        rtl: false,
        fonts: &["Noto Sans Tifinagh", "Andika"],
        files: "noto/NotoSansTifinagh",
    },
];

/// The two sample chapters: (stem, French text, English text).
const CHAPTERS: &[(&str, &str, &str)] = &[
    (
        "01-introduction",
        "# Introduction\n\nCe guide explique, avec des mots simples, comment les habitants et les forces de sécurité peuvent travailler ensemble.\n\n> [!NOTE]\n> Remplacez ce texte par celui de votre guide.\n",
        "# Introduction\n\nThis guide explains, in simple words, how residents and the security forces can work together.\n\n> [!NOTE]\n> Replace this text with your guide's.\n",
    ),
    (
        "02-contacts",
        "# Contacts utiles\n\n| Service | Numéro |\n|---|---|\n| Police | 17 |\n| Pompiers | 18 |\n\nVérifiez les numéros de votre ville avant d'imprimer.\n",
        "# Useful contacts\n\n| Service | Number |\n|---|---|\n| Police | 17 |\n| Fire brigade | 18 |\n\nCheck your town's numbers before printing.\n",
    ),
];

/// Creates the guide; returns the files written (relative to `dir`).
pub fn create(options: &NewOptions) -> Result<Vec<String>> {
    let dir = &options.dir;
    if !options.force && fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some()) {
        return Err(Error::new(tr!("new-not-empty", path = dir.display().to_string()))
            .with_hint(tr!("new-not-empty-hint")));
    }
    check_options(options)?;
    let mut files = files_for(options);
    files.push((".gitignore".into(), b"# Everything livret writes.\nout/\n".to_vec()));
    // With --force into a folder in use: only what is missing; a user's file is
    // never replaced.
    files.retain(|(rel, _)| !dir.join(rel).exists());
    let fresh_manifest = files.iter().any(|(rel, _)| rel == "sources/guide.toml");
    for (rel, bytes) in &files {
        write_atomic(&dir.join(rel), bytes)?;
    }
    // The sample translations are marked as reviewed against the sample source, so a
    // new guide checks clean; editing the source makes them stale, as it should.
    if !fresh_manifest {
        return Ok(files.into_iter().map(|(rel, _)| rel).collect());
    }
    let manifest = manifest::load(dir)?;
    let stems: Vec<String> = CHAPTERS.iter().map(|(s, _, _)| s.to_string()).collect();
    for lang in &options.langs[1..] {
        accept::accept(&manifest, lang, &stems)?;
        files.push((paths::status_file(lang), Vec::new()));
        for stem in &stems {
            files.push((paths::accepted_snapshot(lang, stem), Vec::new()));
        }
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// Refuses unusable language codes and unknown layouts.
fn check_options(options: &NewOptions) -> Result<()> {
    if options.langs.is_empty() {
        return Err(
            Error::new(tr!("new-no-language")).with_hint(tr!("new-no-language-hint"))
        );
    }
    for (i, lang) in options.langs.iter().enumerate() {
        // Typst takes the code as the text's language: ISO 639, two or three letters.
        let valid =
            (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !valid || options.langs[..i].contains(lang) {
            return Err(Error::new(tr!("new-bad-language", lang = lang.as_str()))
                .with_hint(tr!("new-bad-language-hint")));
        }
    }
    let names: Vec<&str> = LAYOUTS.iter().map(|(n, _)| *n).collect();
    for layout in &options.layouts {
        if !names.contains(&layout.as_str()) {
            let mut err = Error::new(tr!("new-unknown-layout", layout = layout.as_str()));
            if let Some(best) = did_you_mean(layout, &names) {
                err = err.with_hint(tr!("new-did-you-mean", name = best));
            }
            return Err(
                err.with_hint(tr!("new-layouts-shipped", names = names.join(", ")))
            );
        }
    }
    Ok(())
}

/// A sample chapter not translated yet: the source's text with each block under the
/// untranslated mark (`[fr] `), as a partial PO import leaves it: the PDF shows which
/// blocks are still to translate, and `check` compares nothing in them.
fn untranslated(text: &str, source: &str) -> String {
    let mark = untranslated_mark(source);
    let mut out = text.to_string();
    let mut blocks = segment(text, Format::Markdown);
    blocks.sort_by_key(|b| std::cmp::Reverse(b.range.start));
    for b in blocks {
        if !b.text.trim().is_empty() && !matches!(b.kind, Kind::Code | Kind::Html) {
            out.insert_str(b.range.start, &mark);
        }
    }
    out
}

/// The chapters, layouts and fonts the guide needs (with guide.toml), relative to its folder.
fn files_for(options: &NewOptions) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push(("sources/guide.toml".into(), manifest_text(options).into_bytes()));
    let source = &options.langs[0];
    for (i, lang) in options.langs.iter().enumerate() {
        for (stem, fr, en) in CHAPTERS {
            let text = match lang.as_str() {
                "fr" => fr.to_string(),
                "en" => en.to_string(),
                _ if i == 0 => en.to_string(),
                _ => untranslated(if source == "fr" { fr } else { en }, source),
            };
            files.push((paths::chapter(lang, stem, "md"), text.into_bytes()));
        }
    }
    files.push(("layouts/common.typ".into(), COMMON.as_bytes().to_vec()));
    for (name, text) in
        LAYOUTS.iter().filter(|(n, _)| options.layouts.iter().any(|l| l == n))
    {
        files.push((format!("layouts/{name}.typ"), text.as_bytes().to_vec()));
    }
    for (path, bytes) in FONTS {
        let needed = path.starts_with("andika/")
            || *path == "noto/OFL.txt" && options.langs.iter().any(|l| needs_noto(l))
            || options.langs.iter().any(|l| {
                known(l).is_some_and(|k| !k.files.is_empty() && path.starts_with(k.files))
            });
        if needed {
            files.push((format!("fonts/{path}"), bytes.to_vec()));
        }
    }
    files
}

/// The known language with this code.
fn known(code: &str) -> Option<&'static KnownLanguage> {
    KNOWN.iter().find(|k| k.code == code)
}

/// Whether the language needs one of the Noto fonts.
fn needs_noto(code: &str) -> bool {
    known(code).is_some_and(|k| !k.files.is_empty())
}

/// A guide id from the folder's name.
fn guide_id(dir: &Path) -> String {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("mon-guide");
    let id: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '-' })
        .collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() { "mon-guide".into() } else { id }
}

/// guide.toml, with a comment (in the interface language) on every key.
fn manifest_text(options: &NewOptions) -> String {
    let mut t = guide_table(options);
    for (i, lang) in options.langs.iter().enumerate() {
        language_table(&mut t, i, lang, &options.langs[0]);
    }
    layout_tables(&mut t, options);
    t
}

/// Appends `text` as TOML comment lines.
fn comment(t: &mut String, text: &Text) {
    for line in text.lines() {
        let _ = writeln!(t, "# {line}");
    }
}

/// The `[guide]` table with its titles, subtitle and changes.
fn guide_table(options: &NewOptions) -> String {
    let source = &options.langs[0];
    let mut t = String::new();
    comment(&mut t, &tr!("new-toml-header"));
    t.push_str("\n[guide]\n");
    comment(&mut t, &tr!("new-toml-id"));
    let _ = writeln!(t, "id = \"{}\"", guide_id(&options.dir));
    comment(&mut t, &tr!("new-toml-source-language"));
    let _ = writeln!(t, "source-language = \"{source}\"");
    comment(&mut t, &tr!("new-toml-publisher"));
    t.push_str("publisher = \"Notre association\"\n");
    comment(&mut t, &tr!("new-toml-edition"));
    t.push_str("edition = 1\ndate = 2026-01-01\n");
    comment(&mut t, &tr!("new-toml-licence"));
    t.push_str("licence = \"CC BY 4.0\"\n");
    comment(&mut t, &tr!("new-toml-chapters"));
    t.push_str("chapters = [\n");
    for (stem, _, _) in CHAPTERS {
        let _ = writeln!(t, "  \"{stem}\",");
    }
    t.push_str("]\n\n");
    comment(&mut t, &tr!("new-toml-title"));
    t.push_str("[guide.title]\n");
    // Languages without words of their own get the source's title under its mark.
    let title = |lang: &str| match lang {
        "fr" => "Mon guide de poche",
        _ => "My pocket guide",
    };
    for lang in &options.langs {
        let text = if lang == source || SHIPPED.contains(&lang.as_str()) {
            title(lang).to_string()
        } else {
            format!("{}{}", untranslated_mark(source), title(source))
        };
        let _ = writeln!(t, "{lang} = \"{text}\"");
    }
    t.push('\n');
    comment(&mut t, &tr!("new-toml-subtitle"));
    t.push_str("[guide.subtitle]\n");
    let subtitle = |lang: &str| match lang {
        "fr" => "Pour tous, en quelques pages",
        _ => "For everyone, in a few pages",
    };
    let _ = writeln!(t, "{source} = \"{}\"", subtitle(source));
    t.push('\n');
    comment(&mut t, &tr!("new-toml-changes"));
    t.push_str("[guide.changes]\n");
    for lang in
        options.langs.iter().filter(|l| *l == source || SHIPPED.contains(&l.as_str()))
    {
        let first = if lang == "fr" { "Première édition." } else { "First edition." };
        let _ = writeln!(t, "{lang} = [\"{first}\"]");
    }
    t
}

/// One `[[language]]` table (the first one's keys explained), with its labels.
fn language_table(t: &mut String, i: usize, lang: &str, source: &str) {
    let k = known(lang);
    t.push_str("\n[[language]]\n");
    if i == 0 {
        comment(t, &tr!("new-toml-code"));
    }
    let _ = writeln!(t, "code = \"{lang}\"");
    if i == 0 {
        comment(t, &tr!("new-toml-name"));
    }
    let _ = writeln!(t, "name = \"{}\"", k.map_or(lang, |k| k.name));
    if k.is_some_and(|k| k.rtl) {
        comment(t, &tr!("new-toml-rtl"));
        t.push_str("dir = \"rtl\"\n");
    }
    if i == 0 {
        comment(t, &tr!("new-toml-fonts"));
    }
    if k.is_none() {
        let codes: Vec<&str> = KNOWN.iter().map(|k| k.code).collect();
        comment(t, &tr!("new-toml-unknown-language", known = codes.join(", ")));
    }
    let fonts: Vec<String> = k
        .map_or(&["Andika"][..], |k| k.fonts)
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect();
    let _ = writeln!(t, "fonts = [{}]", fonts.join(", "));
    if i > 0 {
        comment(t, &tr!("new-toml-draft"));
        t.push_str("status = \"draft\"\n");
    }
    label_table(t, lang, source);
}

/// The `[language.labels]` of `lang`: livret's words in French and English; for any
/// other language, the source's (or English) words under their mark, to translate.
fn label_table(t: &mut String, lang: &str, source: &str) {
    t.push('\n');
    comment(t, &tr!("new-toml-labels"));
    let words_of = if SHIPPED.contains(&source) { source } else { "en" };
    let own = SHIPPED.contains(&lang);
    if !own {
        comment(t, &tr!("new-toml-labels-to-translate", lang = lang, source = words_of));
    }
    t.push_str("[language.labels]\n");
    for (key, _, _) in WORDS {
        let word = if own {
            shipped_word(lang, key).unwrap_or_default().to_string()
        } else {
            let word = shipped_word(words_of, key).unwrap_or_default();
            format!("{}{word}", untranslated_mark(words_of))
        };
        let _ = writeln!(
            t,
            "{key} = \"{}\"",
            word.replace('\\', "\\\\").replace('"', "\\\"")
        );
    }
}

/// The `[[layout]]` and `[[print]]` tables.
fn layout_tables(t: &mut String, options: &NewOptions) {
    t.push('\n');
    comment(t, &tr!("new-toml-layouts"));
    for layout in &options.layouts {
        let _ = writeln!(t, "[[layout]]\nname = \"{layout}\"\n");
    }
    comment(t, &tr!("new-toml-print"));
    for layout in &options.layouts {
        let _ = writeln!(
            t,
            "[[print]]\nlayout = \"{layout}\"\nsheet = \"a4\"\nscheme = \"cutstack\"\n"
        );
    }
}
