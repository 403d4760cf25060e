//! `livret new DIR`: a fresh guide that builds at once — a commented guide.toml, two
//! short chapters per language, the layouts and fonts it needs, a `.gitignore`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::project::manifest;
use crate::project::segments::{Format, Kind, segment, untranslated_mark};
use crate::project::{accept, paths};
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

/// Languages of Mali's guides and their fonts; others get Andika (Latin script).
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
        return Err(Error::new(format!("{} is not empty", dir.display())).with_hint(
            "choose a new folder, or add --force to add the missing files (existing files are kept as they are)",
        ));
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
        return Err(Error::new("no language given").with_hint("e.g. --lang fr,en"));
    }
    for (i, lang) in options.langs.iter().enumerate() {
        let valid = !lang.is_empty()
            && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid || options.langs[..i].contains(lang) {
            return Err(Error::new(format!(
                "`{lang}` is not a usable language code (or is given twice)"
            ))
            .with_hint(
                "use codes such as fr, en, bm, nqo, ar, taq, separated by commas",
            ));
        }
    }
    let names: Vec<&str> = LAYOUTS.iter().map(|(n, _)| *n).collect();
    for layout in &options.layouts {
        if !names.contains(&layout.as_str()) {
            let mut err = Error::new(format!("unknown layout `{layout}`"));
            if let Some(best) = did_you_mean(layout, &names) {
                err = err.with_hint(format!("did you mean `{best}`?"));
            }
            return Err(
                err.with_hint(format!("layouts livret ships: {}", names.join(", ")))
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

/// guide.toml, with a comment on every key.
fn manifest_text(options: &NewOptions) -> String {
    let mut t = guide_table(options);
    t.push('\n');
    for (i, lang) in options.langs.iter().enumerate() {
        language_table(&mut t, i, lang);
    }
    layout_tables(&mut t, options);
    t
}

/// The `[guide]` table with its titles, subtitle and changes.
fn guide_table(options: &NewOptions) -> String {
    let source = &options.langs[0];
    let mut t = String::new();
    t.push_str("# The guide's manifest. livret checks every key: a typo is an error naming its line.\n\n");
    t.push_str("[guide]\n");
    t.push_str(
        "# Short name used in output file names: lowercase letters, digits and dashes.\n",
    );
    let _ = writeln!(t, "id = \"{}\"", guide_id(&options.dir));
    t.push_str("# The language the chapters are written in first; the others are translations of it.\n");
    let _ = writeln!(t, "source-language = \"{source}\"");
    t.push_str("# Who publishes the guide (printed on the cover and in the colophon).\n");
    t.push_str("publisher = \"Notre association\"\n");
    t.push_str("# Edition number and date: in the colophon and the PDF metadata. Raise the edition\n# when you reissue the guide, and say what changed in [guide.changes] below.\n");
    t.push_str("edition = 1\ndate = 2026-01-01\n");
    t.push_str("# The licence of the text, printed in the colophon.\n");
    t.push_str("licence = \"CC BY 4.0\"\n");
    t.push_str("# Chapters in reading order: each is sources/<language>/<name>.md (Markdown) or .typ (Typst).\n");
    t.push_str("chapters = [\n");
    for (stem, _, _) in CHAPTERS {
        let _ = writeln!(t, "  \"{stem}\",");
    }
    t.push_str("]\n\n");
    t.push_str("# The title on the cover, per language.\n[guide.title]\n");
    for lang in &options.langs {
        let title = match lang.as_str() {
            "fr" => "Mon guide de poche",
            _ => "My pocket guide",
        };
        let _ = writeln!(t, "{lang} = \"{title}\"");
    }
    t.push_str(
        "\n# A subtitle under the title (optional), per language.\n[guide.subtitle]\n",
    );
    let _ = writeln!(
        t,
        "{source} = \"{}\"",
        if source == "fr" {
            "Pour tous, en quelques pages"
        } else {
            "For everyone, in a few pages"
        }
    );
    t.push_str("\n# What changed in this edition, printed in the colophon (optional); languages\n# without a list show the source language's.\n[guide.changes]\n");
    let _ = writeln!(
        t,
        "{source} = [\"{}\"]",
        if source == "fr" { "Première édition." } else { "First edition." }
    );
    t
}

/// One `[[language]]` table (the first one's keys explained).
fn language_table(t: &mut String, i: usize, lang: &str) {
    let k = known(lang);
    t.push_str("[[language]]\n");
    if i == 0 {
        t.push_str("# code: a short language code, also the folder sources/<code>/.\n");
    }
    let _ = writeln!(t, "code = \"{lang}\"");
    if i == 0 {
        t.push_str("# name: the language's name in itself, printed on the cover.\n");
    }
    let _ = writeln!(t, "name = \"{}\"", k.map_or(lang, |k| k.name));
    if k.is_some_and(|k| k.rtl) {
        t.push_str("# Written right to left: pages turn the other way and the booklet is bound on the right.\n");
        t.push_str("dir = \"rtl\"\n");
    }
    if i == 0 {
        t.push_str("# fonts: font families from fonts/, in order of preference (`livret fonts` lists them).\n");
    }
    if k.is_none() {
        t.push_str("# livret does not know this language: Andika covers Latin scripts; add a font\n# under fonts/ and name it here if your script needs another.\n");
    }
    let fonts: Vec<String> = k
        .map_or(&["Andika"][..], |k| k.fonts)
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect();
    let _ = writeln!(t, "fonts = [{}]", fonts.join(", "));
    if i > 0 {
        t.push_str("# A sample translation: \"draft\" prints a note in the colophon until it is reviewed.\n");
        t.push_str("status = \"draft\"\n");
    }
    if i == 0 {
        t.push_str("# labels = { contents = \"…\", notes = \"…\" } sets the words the layout prints\n# (defaults exist in French and English).\n");
    }
    t.push('\n');
}

/// The `[[layout]]` and `[[print]]` tables.
fn layout_tables(t: &mut String, options: &NewOptions) {
    t.push_str("# Pocket formats. Each uses layouts/<name>.typ unless `template` says otherwise;\n# screen-budget = \"3 MB\" warns when the PDF for phones grows past it.\n");
    for layout in &options.layouts {
        let _ = writeln!(t, "[[layout]]\nname = \"{layout}\"\n");
    }
    t.push_str("# Print presets: how a layout is imposed on office-printer sheets.\n");
    t.push_str("# scheme: saddle, cutstack, copies, signatures, zine, cards (flat items) or wire\n# (single leaves: binding-margin = 8); sheet: a4, a3, letter…; paper-weight = 80\n# (g/m², or caliper = 0.1 in mm) gives creep and a warning when a stack is too thick;\n# quantity = 500 puts the copies, 5 % overs and the paper they take on the ticket;\n");
    t.push_str("# also duplex = \"long\"|\"short\", marks = [\"crop\", \"fold\"], creep (mm),\n# printer-margin = \"5mm\", colour = \"gray\" for a black-and-white printer,\n# back-offset = \"1.5mm,-0.5mm\" (right,up on the back: measure it with `livret calibrate`).\n");
    for layout in &options.layouts {
        let _ = writeln!(
            t,
            "[[print]]\nlayout = \"{layout}\"\nsheet = \"a4\"\nscheme = \"cutstack\"\n"
        );
    }
}
