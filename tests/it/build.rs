//! `livret build` end to end: the sample guide, reproducibility, and bad input.

use std::fs;
use std::path::Path;

use crate::support::*;

/// Runs `livret build` in `project` with extra args.
fn build(project: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::support::livret_assert()
        .arg("build")
        .arg("--project")
        .arg(project)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
}

/// The first line (`# Title`) of a Markdown chapter, or `= Title` of a Typst one.
fn chapter_title(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let first = text.lines().next().unwrap();
    first.trim_start_matches(['#', '=']).trim().to_string()
}

#[test]
fn sample_guide_builds_every_language_and_layout() {
    // The shared build is `livret build` of the untouched sample, with no options.
    let sample = built_sample();
    let root = sample.root.as_path();
    let stderr = &sample.stderr;
    // The sample's Bambara and N'Ko lack some of the layout's words (they need a native
    // speaker's): the build names them, once per layout; nothing else is warned.
    let (labels, others): (Vec<&str>, Vec<&str>) = stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .partition(|l| l.contains("words the layout prints are not in its labels"));
    assert!(
        others.is_empty(),
        "the sample guide builds without warnings (no tofu): {stderr}"
    );
    assert_eq!(labels.len(), 4, "{stderr}");
    assert!(labels.iter().any(
        |l| l.contains("bm: 4 words") && l.contains(": tip, licence, date, changes.")
    ));
    assert!(labels.iter().any(|l| l.starts_with("warning: nqo: 9 words")));
    let out = root.join("out/securite-collaborative");
    for lang in ["fr", "en", "bm", "nqo"] {
        for (layout, w_mm, h_mm) in
            [("pocket-a6", 105.0, 148.0), ("pocket-a7", 74.0, 105.0)]
        {
            let pdf = out
                .join(lang)
                .join(layout)
                .join(format!("securite-collaborative-{lang}-{layout}.pdf"));
            assert!(pdf.exists(), "missing {}", pdf.display());
            assert!(out.join(lang).join(layout).join("main.typ").exists());
            let (pages, w, h) = pdf_info(&pdf);
            assert_eq!(
                pages % 4,
                0,
                "{lang} {layout}: {pages} pages is not a multiple of 4"
            );
            assert!(
                (w - w_mm * 72.0 / 25.4).abs() < 0.1
                    && (h - h_mm * 72.0 / 25.4).abs() < 0.1,
                "{w}x{h}"
            );
            let fonts = pdf_fonts(&pdf);
            assert!(!fonts.is_empty());
            for (name, embedded) in &fonts {
                assert!(embedded, "{lang} {layout}: font {name} not embedded");
            }
            // Every chapter's title appears: the translation's where it exists, else the source's.
            // poppler writes N'Ko in visual order: read its pages both ways
            // (its untranslated chapters are French, left to right).
            let text_letters: String = (1..=pages)
                .flat_map(|p| {
                    [page_letters(&pdf, p, false), page_letters(&pdf, p, lang == "nqo")]
                })
                .collect();
            for entry in fs::read_dir(root.join("sources/fr")).unwrap() {
                let entry = entry.unwrap();
                // Chapters only, not the segment ids beside them (sources/fr/.ids/).
                if entry.file_type().unwrap().is_dir() {
                    continue;
                }
                let name = entry.file_name();
                let own = root.join("sources").join(lang).join(&name);
                let file =
                    if own.exists() { own } else { root.join("sources/fr").join(&name) };
                let title = base_letters(&normalize(&chapter_title(&file)));
                assert!(
                    text_letters.contains(&title),
                    "{lang} {layout}: title `{title}` not in the PDF"
                );
            }
        }
    }
}

#[test]
fn sample_chapter_text_comes_out_whole() {
    // A whole paragraph of the French source, word for word, in the A6 PDF.
    let sample = built_sample();
    let pdf = sample.output("fr", "pocket-a6", ".pdf");
    let text = normalize(&pdf_text(&pdf, None)).replace("- ", "-");
    let source =
        fs::read_to_string(sample.root.join("sources/fr/01-introduction.md")).unwrap();
    let para =
        source.split("\n\n").find(|p| !p.starts_with('#') && p.len() > 120).unwrap();
    let para = normalize(&para.replace(['*', '_'], ""));
    // Hyphenation at line ends may split words: compare without hyphens and spaces.
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
            .collect::<String>()
    };
    assert!(squash(&text).contains(&squash(&para)), "paragraph not found: {para}");
}

#[test]
fn nko_reads_right_to_left() {
    let sample = built_sample();
    let pdf = sample.output("nqo", "pocket-a6", ".pdf");
    let source =
        fs::read_to_string(sample.root.join("sources/nqo/01-introduction.md")).unwrap();
    let para = source.split("\n\n").find(|p| p.starts_with('ߣ')).unwrap();
    let sentence = base_letters(para.split('.').next().unwrap());
    assert!(sentence.chars().count() > 20);
    let pages = pdf_info(&pdf).0;
    // Read right to left, the page gives the sentence back; left to right, it does not.
    let page = (1..=pages).find(|&p| page_letters(&pdf, p, true).contains(&sentence));
    let page = page.expect("the N'Ko sentence reads right to left on some page");
    assert!(!page_letters(&pdf, page, false).contains(&sentence));
}

#[test]
fn two_builds_are_byte_identical() {
    // The shared build (every target at once) and a build of this one target alone, in
    // another folder: the same bytes.
    let first = fs::read(built_sample().output("bm", "pocket-a7", ".pdf")).unwrap();
    let dir = sample_project();
    let pdf = dir.path().join(
        "out/securite-collaborative/bm/pocket-a7/securite-collaborative-bm-pocket-a7.pdf",
    );
    build(dir.path(), &["--lang", "bm", "--layout", "pocket-a7"]).success();
    assert_eq!(first, fs::read(&pdf).unwrap());
}

#[test]
fn strict_lists_missing_translations() {
    let dir = sample_project();
    let assert = build(dir.path(), &["--lang", "bm", "--strict"]).code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("error: language `bm` is missing"), "{stderr}");
    assert!(stderr.contains("sources/bm/02-forces.md"), "{stderr}");
    assert!(!dir.path().join("out/securite-collaborative/bm/pocket-a6/securite-collaborative-bm-pocket-a6.pdf").exists());
}

/// Expects `build` to fail with exit 2, an `error:` naming `needle`, and no PDF.
fn expect_bad_input(project: &Path, needle: &str) -> String {
    let assert = build(project, &[]).code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(needle), "expected `{needle}` in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let pdfs: Vec<_> = files_under(project)
        .into_iter()
        .filter(|f| f.ends_with(".pdf") || f.ends_with(".tmp"))
        .collect();
    assert!(pdfs.is_empty(), "files written: {pdfs:?}");
    stderr
}

#[test]
fn malformed_toml_is_reported_with_line() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text =
        fs::read_to_string(&manifest).unwrap().replace("edition = 1", "edition = = 1");
    fs::write(&manifest, text).unwrap();
    expect_bad_input(dir.path(), "sources/guide.toml:6:11: extra `=`");
}

#[test]
fn unknown_key_is_reported_with_line() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("licence =", "colour = \"red\"\nlicence =");
    fs::write(&manifest, text).unwrap();
    expect_bad_input(
        dir.path(),
        "sources/guide.toml:8:1: `colour` is not a key of [guide]",
    );
}

#[test]
fn missing_chapter_file_is_reported() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    fs::remove_file(dir.path().join("sources/fr/01-a.md")).unwrap();
    expect_bad_input(dir.path(), "sources/guide.toml:9: chapter `01-a` has no file");
}

#[test]
fn chapter_path_with_dotdot_is_refused() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    fs::write(&manifest, mini_manifest("\"../../secret\"")).unwrap();
    expect_bad_input(
        dir.path(),
        "sources/guide.toml:9:13: the chapter `../../secret` is not a plain file name",
    );
}

#[test]
fn typst_syntax_error_points_at_the_chapter() {
    let dir = mini_project(&[
        ("01-a.md", "# A\n\nTexte.\n"),
        ("02-b.typ", "= B\n\nUn texte.\n\n#table(columns: 2, [a]\n"),
    ]);
    expect_bad_input(dir.path(), "sources/fr/02-b.typ:5:");
}

#[test]
fn missing_image_points_at_the_markdown_line() {
    let dir =
        mini_project(&[("01-a.md", "# A\n\nTexte.\n\n![logo](images/nothing.png)\n")]);
    expect_bad_input(
        dir.path(),
        "sources/fr/01-a.md:5:1: image `images/nothing.png` not found",
    );
}

#[test]
fn empty_chapter_list_is_refused() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    fs::write(dir.path().join("sources/guide.toml"), mini_manifest("")).unwrap();
    expect_bad_input(dir.path(), "sources/guide.toml:9:1: the chapter list is empty");
}

#[test]
fn typst_read_outside_the_root_is_refused() {
    let dir =
        mini_project(&[("01-a.typ", "= A\n\n#read(\"/../../../../etc/hostname\")\n")]);
    expect_bad_input(dir.path(), "sources/fr/01-a.typ:3:");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_root_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "# Secret\n\nconfidential words\n")
        .unwrap();
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let chapter = dir.path().join("sources/fr/01-a.md");
    fs::remove_file(&chapter).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), &chapter).unwrap();
    expect_bad_input(
        dir.path(),
        "sources/fr/01-a.md: the path leads outside the project folder",
    );
}

#[test]
fn typst_special_characters_in_markdown_render_literally() {
    let nasty = "# Symboles\n\nPrix #12 : 500 $ ou @moi <b> *x* `c` // pas un commentaire /* non */ \
                 = égal - moins + plus ~ tilde [crochets] {accolades} \\\\ barre #let x = 1 #x $a^2$ <lbl> @lbl #(1+1)\n";
    let dir = mini_project(&[("01-a.md", nasty)]);
    build(dir.path(), &[]).success();
    let pdf = dir.path().join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let text = normalize(&pdf_text(&pdf, None));
    for literal in [
        "#12",
        "500 $",
        "@moi",
        "<b>",
        "// pas un commentaire /* non */",
        "= égal - moins + plus ~ tilde",
        "[crochets] {accolades}",
        "#let x = 1 #x $a^2$ <lbl> @lbl #(1+1)",
    ] {
        assert!(text.contains(literal), "`{literal}` not printed literally in: {text}");
    }
}

#[test]
fn character_without_font_is_reported_with_its_line() {
    // Ethiopic is in none of the bundled fonts: the reader would see an empty box.
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n\nUn mot : ሰላም.\n")]);
    let assert = build(dir.path(), &[]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(
            "sources/fr/01-a.md:5: no font in the stack of `fr` can show these 3 characters: `ሰ` (U+1230), `ላ` (U+120B), `ም` (U+121D), page"
        ),
        "{stderr}"
    );
}

#[test]
fn print_presets_write_sheets_and_tickets() {
    let out = built_sample().root.join("out/securite-collaborative/en");
    for (layout, scheme, cells) in [
        ("pocket-a6", "cutstack", 2),
        ("pocket-a7", "cutstack", 4),
        // The sample's copies preset is for a black-and-white printer.
        ("pocket-a6", "copies-gray", 2),
    ] {
        let stem = format!("securite-collaborative-en-{layout}-print-a4-{scheme}");
        let pdf = out.join(layout).join(format!("{stem}.pdf"));
        let (sides, w, h) = pdf_info(&pdf);
        assert_eq!(sides % 2, 0);
        let a4 = (210.0 * 72.0 / 25.4, 297.0 * 72.0 / 25.4);
        assert!(
            (w.min(h) - a4.0).abs() < 0.05 && (w.max(h) - a4.1).abs() < 0.05,
            "{w}×{h}"
        );
        // The fewest sheets for the booklet (notes pages fill the sheets, not blanks).
        let reading =
            out.join(layout).join(format!("securite-collaborative-en-{layout}.pdf"));
        let booklet = pdf_info(&reading).0;
        let per_sheet = if scheme == "cutstack" { 4 * cells } else { 4 };
        let slots = (sides / 2) * per_sheet;
        assert!(
            booklet <= slots && slots < booklet + per_sheet,
            "{booklet} pages on {} sheets",
            sides / 2
        );
        // Text stays text on the sheets.
        let text = normalize(&pdf_text(&pdf, None));
        assert!(
            text.contains("Useful contacts") || text.contains("Contacts"),
            "{layout} {scheme}"
        );
        let ticket =
            fs::read_to_string(out.join(layout).join(format!("{stem}.txt"))).unwrap();
        assert!(
            ticket.contains(&format!(
                "Paper: {} {} A4",
                sides / 2,
                if sides / 2 == 1 { "sheet" } else { "sheets" }
            )),
            "{ticket}"
        );
        assert!(
            ticket.contains(&format!(
                "Papier : {} {} A4",
                sides / 2,
                if sides / 2 <= 1 { "feuille" } else { "feuilles" }
            )),
            "{ticket}"
        );
        assert!(ticket.contains(&format!("{stem}.pdf")));
        assert!(ticket.contains("+ no blank page added"), "{ticket}");
        assert!(ticket.contains("+ aucune page blanche ajoutée"), "{ticket}");
        assert!(!ticket.contains("(s)"), "{ticket}");
    }
}

#[test]
fn content_in_the_printer_margin_is_warned_about() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"cutstack\"\nprinter-margin = 12\n");
    fs::write(&manifest, text).unwrap();
    let assert = build(dir.path(), &[]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("mm into the printer's 12 mm unprintable margin"),
        "{stderr}"
    );
    // With fit = "shrink" the pages are scaled into the printable area: no warning.
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("fit = \"shrink\"\n");
    fs::write(&manifest, text).unwrap();
    let assert = build(dir.path(), &[]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(!stderr.contains("unprintable margin"), "{stderr}");
}

#[test]
fn right_to_left_language_prints_bound_on_the_right() {
    let out = built_sample().target_dir("nqo", "pocket-a6");
    let ticket = fs::read_to_string(
        out.join("securite-collaborative-nqo-pocket-a6-print-a4-cutstack.txt"),
    )
    .unwrap();
    assert!(ticket.contains("Bound on the right"), "{ticket}");
    assert!(ticket.contains("Reliure à droite"), "{ticket}");
}

#[test]
fn a_language_declared_twice_names_the_second_block() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap().replace(
        "[[layout]]",
        "[[language]]\ncode = \"fr\"\nname = \"Encore\"\nfonts = [\"Andika\"]\n\n[[layout]]",
    );
    fs::write(&manifest, &text).unwrap();
    let line =
        text.lines().enumerate().filter(|(_, l)| *l == "code = \"fr\"").nth(1).unwrap().0
            + 1;
    let stderr = expect_bad_input(dir.path(), "language `fr` is declared twice");
    assert!(
        stderr.starts_with(&format!("error: sources/guide.toml:{line}:")),
        "{stderr}"
    );
}

#[test]
fn manifest_mistakes_get_a_suggestion() {
    let dir = mini_project(&[("01-a.md", "# A\n\nTexte.\n")]);
    let manifest = dir.path().join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, text.replace("licence =", "license =")).unwrap();
    let stderr = expect_bad_input(dir.path(), "`license` is not a key of [guide]");
    assert!(stderr.contains("hint: did you mean `licence`?"), "{stderr}");
    fs::write(&manifest, text.replace("date = 2026-01-15", "date = \"15 janvier 2026\""))
        .unwrap();
    let stderr = expect_bad_input(
        dir.path(),
        "the date `15 janvier 2026` is not written year-month-day",
    );
    assert!(
        stderr.contains(
            "hint: write the date as year-month-day, without quotes: date = 2026-03-15"
        ),
        "{stderr}"
    );
}
