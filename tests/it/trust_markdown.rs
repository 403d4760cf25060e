//! Markdown as real users bring it (issue 12, item 3): a byte order mark, Markdown
//! from Pandoc, Google Docs, Word converters, Obsidian and Notion, empty links, lone
//! footnotes, nesting without end. Nothing is dropped: every word of the Markdown
//! comes out of the PDF in order, or the build stops naming the file and line.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

const PDF: &str = "out/mini/fr/pocket-a7/mini-fr-pocket-a7.pdf";

/// A one-chapter mini project in the ragged pocket-a7 layout (no hyphenation to
/// split words at line ends).
fn project(chapter: &str) -> tempfile::TempDir {
    let dir = mini_project(&[("01-a.md", chapter)]);
    let manifest = dir.path().join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest).unwrap().replace("pocket-a6", "pocket-a7");
    fs::write(&manifest, toml).unwrap();
    dir
}

/// Builds, expects exit 0 and returns (PDF text with whitespace collapsed, stderr).
fn build_ok(dir: &Path) -> (String, String) {
    let (code, _, stderr) = livret_in(dir, "build", &[]);
    assert_eq!(code, 0, "{stderr}");
    (normalize(&pdf_text(&dir.join(PDF), None)), stderr)
}

/// Builds, expects exit 2 with `needle` in the error and no PDF or temporary file left.
fn build_refused(dir: &Path, needle: &str) -> String {
    let (code, _, stderr) = livret_in(dir, "build", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(needle), "expected `{needle}` in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let left: Vec<_> = files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".pdf") || f.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "files written: {left:?}");
    stderr
}

/// Asserts each of `words` is in `text`, after the previous one.
pub(crate) fn assert_in_order(text: &str, words: &[&str]) {
    let mut from = 0;
    for word in words {
        match text[from..].find(word) {
            Some(at) => from += at + word.len(),
            None => {
                panic!("`{word}` missing or out of order after byte {from} in: {text}")
            }
        }
    }
}

/// The titles of the PDF's outline (bookmarks), read with qpdf.
pub(crate) fn outline(pdf: &Path) -> Vec<String> {
    let out = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=outlines"])
        .arg(pdf)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut titles = Vec::new();
    fn walk(items: &serde_json::Value, titles: &mut Vec<String>) {
        for item in items.as_array().into_iter().flatten() {
            titles.push(item["title"].as_str().unwrap_or_default().to_string());
            walk(&item["kids"], titles);
        }
    }
    walk(&json["outlines"], &mut titles);
    titles
}

fn pdf(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join(PDF)
}

#[test]
fn a_byte_order_mark_keeps_every_heading() {
    let chapter = "# Introduction\n\nTexte.\n\n## Partie deux\n\nSuite.\n";
    let plain = project(chapter);
    let (plain_text, _) = build_ok(plain.path());
    let bom = project(&format!("\u{feff}{chapter}"));
    let (bom_text, stderr) = build_ok(bom.path());
    assert_eq!(bom_text, plain_text, "{stderr}");
    let titles = outline(&pdf(&bom));
    for title in ["Introduction", "Partie deux"] {
        assert!(titles.iter().any(|t| t == title), "{title} not in outline {titles:?}");
    }
}

#[test]
fn a_byte_order_mark_in_guide_toml_is_accepted() {
    let dir = project("# A\n\nTexte.\n");
    let manifest = dir.path().join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, format!("\u{feff}{toml}")).unwrap();
    let (text, _) = build_ok(dir.path());
    assert!(text.contains("Texte."), "{text}");
}

#[test]
fn a_byte_order_mark_in_status_toml_is_accepted() {
    let dir = project("# A\n\nTexte.\n");
    add_language(dir.path(), "en", "English", &[("01-a.md", "# A\n\nText.\n")]);
    let (code, _, stderr) =
        livret_in(dir.path(), "check", &["--lang", "en", "--accept", "01-a"]);
    assert_eq!(code, 0, "{stderr}");
    let status = dir.path().join("sources/en/status.toml");
    let text = fs::read_to_string(&status).unwrap();
    fs::write(&status, format!("\u{feff}{text}")).unwrap();
    let (code, stdout, stderr) = livret_in(dir.path(), "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("status.toml"), "{stderr}");
}

#[test]
fn crlf_line_endings_give_the_same_pdf_text() {
    let chapter = "# Titre\n\nLigne un\nligne deux.  \nAprès un saut.\n\n- a\n  - b\n\n```\ncode\nici\n```\n";
    let lf = project(chapter);
    let crlf = project(&chapter.replace('\n', "\r\n"));
    assert_eq!(build_ok(crlf.path()).0, build_ok(lf.path()).0);
    assert_eq!(outline(&pdf(&crlf)), outline(&pdf(&lf)));
}

#[test]
fn an_empty_link_destination_prints_its_text() {
    let dir = project(
        "# A\n\nVoir [le guide]() puis [la suite](<>) et [un vrai](https://example.org).\n",
    );
    let (text, _) = build_ok(dir.path());
    assert!(text.contains("Voir le guide puis la suite et un vrai."), "{text}");
}

#[test]
fn a_footnote_nobody_refers_to_is_printed() {
    let dir = project(
        "# A\n\nTexte avec appel[^1].\n\n[^1]: Note appelée.\n\n[^seule]: Note orpheline gardée.\n\nFin.\n",
    );
    let (text, _) = build_ok(dir.path());
    // The label is set as a superscript, which pdftotext may place on its own line.
    assert_in_order(
        &text,
        &["Texte avec appel", "seule", "Note orpheline gardée.", "Fin."],
    );
    assert!(text.contains("Note appelée."), "{text}");
}

#[test]
fn front_matter_is_refused_with_its_lines() {
    let dir = project("---\ntitle: Introduction\ntags: [guide]\n---\n\n# Introduction\n");
    build_refused(
        dir.path(),
        "sources/fr/01-a.md:1:1: the chapter starts with front matter (lines 1–4)",
    );
}

#[test]
fn three_thousand_lines_of_lists_build_whole() {
    // `1. 1. 1.` on each line: 3,000 items of a list three deep, not 9,000 levels.
    let chapter = format!("# A\n\n{}Fin des listes.\n", "1. 1. 1.\n".repeat(3000));
    let dir = project(&chapter);
    let (text, _) = build_ok(dir.path());
    assert!(text.contains("Fin des listes."), "{text}");
}

#[test]
fn a_thousand_nested_lists_are_refused_at_the_thirteenth() {
    // 1,000 levels keep the chapter under the 2 MB size limit (3,000 indented levels
    // are 12.9 MB, refused by that limit first).
    let lists: String = (0..1000).map(|i| format!("{}1. x\n", "   ".repeat(i))).collect();
    let dir = project(&format!("# A\n\n{lists}"));
    build_refused(
        dir.path(),
        "sources/fr/01-a.md:15:1: Markdown nested too deep: more than 12 lists and quotes",
    );
}

#[test]
fn quotes_nested_without_end_are_refused_at_their_line() {
    let dir = project(&format!("# A\n\nTexte.\n\n{} profond\n", ">".repeat(500)));
    build_refused(dir.path(), "sources/fr/01-a.md:5:1: Markdown nested too deep");
}

#[test]
fn nesting_at_the_limit_builds_whole() {
    // 12 levels of list, then 12 quotes and boxes inside one another.
    let lists: String =
        (0..12).map(|i| format!("{}- niveau{i}\n", "  ".repeat(i))).collect();
    let quotes: String = (1..=12)
        .map(|i| {
            let marks = "> ".repeat(i);
            let kind = ["[!TIP]", "[!WARNING]", "[!IMPORTANT]"][i % 3];
            if i % 2 == 0 {
                format!("{marks}{kind}\n{marks}boite{i}\n")
            } else {
                format!("{marks}citation{i}\n")
            }
        })
        .collect();
    let dir = project(&format!("# A\n\n{lists}\n{quotes}"));
    let (text, _) = build_ok(dir.path());
    let mut words: Vec<String> = (0..12).map(|i| format!("niveau{i}")).collect();
    words.extend(
        (1..=12).map(|i| format!("{}{i}", if i % 2 == 0 { "boite" } else { "citation" })),
    );
    assert_in_order(&text, &words.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn markdown_from_pandoc() {
    let dir = project(
        "Introduction\n============\n\nUn paragraphe avec une note[^1] et un\n[lien](https://example.org \"Titre\").\n\n\
         Sous-partie\n-----------\n\n-   Premier point\n-   Second point\n    -   Point imbriqué\n\n\
         1.  Un\n2.  Deux\n\nLigne\\\ncoupée et \\*étoiles\\* échappées.\n\n\
         ------------------------------------------------------------------------\n\n\
         | Gauche | Centre | Droite |\n|:-------|:------:|-------:|\n| g1     | c1     | d1     |\n\n\
         [^1]: La note de Pandoc.\n",
    );
    let (text, _) = build_ok(dir.path());
    assert_in_order(
        &text,
        &[
            "Introduction",
            "Un paragraphe avec une note",
            "et un lien.",
            "Sous-partie",
            "Premier point",
            "Second point",
            "Point imbriqué",
            "Un",
            "Deux",
            "Ligne",
            "coupée et *étoiles* échappées.",
            "Gauche",
            "Centre",
            "Droite",
            "g1",
            "c1",
            "d1",
        ],
    );
    assert!(text.contains("La note de Pandoc."), "{text}");
    assert_eq!(outline(&pdf(&dir)), ["Introduction", "Sous-partie"]);
}

#[test]
fn markdown_from_google_docs() {
    let dir = project(
        "\u{feff}# **Guide pratique**\n\n## Contacts\n\n\
         Numéro\u{a0}: 15\u{a0}% de réduction\\.  \nDeuxième ligne avec 1\\. point.\n\n\
         * Puce une  \n* Puce deux  \n  * Sous-puce\n\n\
         **Gras** et *italique* et ~~barré~~.\n\n\
         | Nom | Rôle |\n| :---- | :---- |\n| Awa | Veille |\n",
    );
    let (text, _) = build_ok(dir.path());
    assert_in_order(
        &text,
        &[
            "Guide pratique",
            "Contacts",
            "Numéro : 15 % de réduction.",
            "Deuxième ligne avec 1. point.",
            "Puce une",
            "Puce deux",
            "Sous-puce",
            "Gras et italique et barré.",
            "Nom",
            "Rôle",
            "Awa",
            "Veille",
        ],
    );
    assert_eq!(outline(&pdf(&dir)), ["Guide pratique", "Contacts"]);
}

#[test]
fn markdown_from_word_converters() {
    let dir = project(
        "Rapport annuel\r\n==============\r\n\r\n\
         “Guillemets” et — tirets — avec l’apostrophe.<br>Après br.<br />Encore.\r\n\r\n\
         *   Point à trois espaces\r\n    *   Imbriqué à quatre\r\n\r\n\
         ***\r\n\r\n\
         <!-- commentaire du convertisseur -->\r\n\
         Voir [la charte][charte] et <https://example.org/a>.\r\n\r\n\
         [charte]: https://example.org/charte \"La charte\"\r\n",
    );
    let (text, _) = build_ok(dir.path());
    assert_in_order(
        &text,
        &[
            "Rapport annuel",
            "\"Guillemets\" et — tirets — avec l'apostrophe.",
            "Après br.",
            "Encore.",
            "Point à trois espaces",
            "Imbriqué à quatre",
            "Voir la charte et",
            "https://example.org/a",
        ],
    );
    assert!(!text.contains("<br"), "{text}");
    assert!(!text.contains("commentaire"), "{text}");
}

#[test]
fn markdown_from_obsidian() {
    let dir = project(
        "# Note Obsidian\n\nLien [[Autre note]] et [[Page|alias]], ==surligné== et #étiquette.\n\n\
         > [!tip]\n> Astuce gardée.\n\n> [!note] Titre de l'encadré\n> Corps de l'encadré.\n\n\
         - [ ] À faire\n- [x] Fait\n\n%%commentaire obsidian%%\n\nTexte $x^2$ et ![[image.png]].\n",
    );
    let (text, _) = build_ok(dir.path());
    assert_in_order(
        &text,
        &[
            "Note Obsidian",
            "Lien [[Autre note]] et [[Page|alias]], ==surligné== et #étiquette.",
            "Astuce gardée.",
            "Titre de l'encadré",
            "Corps de l'encadré.",
            "À faire",
            "Fait",
            "%%commentaire obsidian%%",
            "Texte $x^2$ et ![[image.png]].",
        ],
    );
}

#[test]
fn markdown_from_notion() {
    let dir = project(
        "# Page Notion\n\nCréé: 2 décembre 2026\nÉtiquettes: sécurité\n\n\
         <aside>\nÀ retenir\u{200b} absolument.\n</aside>\n\n\
         - Bascule\n    - Contenu de la bascule\n\n\
         Voir [Autre page](Autre%20page%20abc123.md) ou <contact@example.org>.\n\n\
         | Col | Val |\n| --- | --- |\n| a\\|b | `c` |\n",
    );
    let (text, _) = build_ok(dir.path());
    assert_in_order(
        &text,
        &[
            "Page Notion",
            "Créé: 2 décembre 2026 Étiquettes: sécurité",
            "<aside>",
            "retenir",
            "absolument.",
            "</aside>",
            "Bascule",
            "Contenu de la bascule",
            "Voir Autre page ou contact@example.org.",
            "Col",
            "Val",
            "a|b",
            "c",
        ],
    );
}

#[test]
fn right_to_left_text_and_emoji_are_kept_or_reported() {
    let dir = project("# Langues\n\nAvant ߒߞߏ ߛߓߍߛߎ߲ après.\n\nUn emoji 🙂 ici.\n");
    let manifest = dir.path().join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest)
        .unwrap()
        .replace("fonts = [\"Andika\"]", "fonts = [\"Andika\", \"Noto Sans NKo\"]");
    fs::write(&manifest, toml).unwrap();
    let (text, stderr) = build_ok(dir.path());
    assert_in_order(&text, &["Avant", "après.", "Un emoji", "ici."]);
    for c in "ߒߞߏߛߓߍߎ߲".chars() {
        assert!(text.contains(c), "{c} missing in {text}");
    }
    // No bundled font has emoji: the build says so, at the line.
    assert!(stderr.contains("sources/fr/01-a.md:5:"), "{stderr}");
}

/// Copies the sample guide's images into a mini project.
fn with_images(dir: &Path) {
    copy_dir(&repo().join("sources/images"), &dir.join("sources/images"));
}

#[test]
fn images_with_titles_and_linked_images_keep_every_word() {
    let dir = project(
        "# Images\n\nAvant l'image.\n\n![Un bouclier *bleu*](images/bouclier.svg \"Légende du bouclier\")\n\n\
         [![Téléphone](images/telephone.png)](https://example.org) Après l'image.\n",
    );
    with_images(dir.path());
    let (text, _) = build_ok(dir.path());
    assert_in_order(&text, &["Avant l'image.", "Légende du bouclier", "Après l'image."]);
}

#[test]
fn an_image_without_a_file_is_refused_at_its_line() {
    let dir = project("# A\n\nTexte.\n\n![Une carte]()\n");
    build_refused(dir.path(), "sources/fr/01-a.md:5:1: an image without a file");
}
