//! `livret proof`: every proof sheet carries one source and one translated page of the
//! same chapter, each chapter starting a new sheet.

use std::fs;

use crate::support::*;

#[test]
fn proof_sheets_pair_pages_of_the_same_chapter() {
    let dir = sample_project();
    let root = dir.path();
    crate::support::livret_assert()
        .args(["proof", "--lang", "en", "--layout", "pocket-a7", "--project"])
        .arg(root)
        .assert()
        .success();
    let pdf = root.join("out/securite-collaborative/en/pocket-a7/securite-collaborative-en-pocket-a7-proof-fr.pdf");
    let (_, width, _) = pdf_info(&pdf);
    let sides = pdf_words_all(&pdf);
    assert!(sides.len() > 20);
    let mut first_sheet_of = std::collections::BTreeMap::new();
    for (i, words) in sides.iter().enumerate() {
        let half = |left: bool| -> String {
            words
                .iter()
                .filter(|w| (w.1 < width / 2.0) == left)
                .map(|w| w.0.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (left, right) = (half(true), half(false));
        // The captions name each side's file: same chapter on both sides.
        let stem = |text: &str, lang: &str| {
            let key = format!("sources/{lang}/");
            text.find(&key).map(|at| {
                let rest = &text[at + key.len()..];
                rest[..rest.find('.').unwrap()].to_string()
            })
        };
        let (l, r) = (stem(&left, "fr"), stem(&right, "en"));
        assert_eq!(l, r, "sheet {}: left {left:?} right {right:?}", i + 1);
        assert!(
            left.starts_with("fr ") || left.contains(" fr "),
            "sheet {}: {left}",
            i + 1
        );
        if let Some(stem) = l {
            first_sheet_of.entry(stem).or_insert((left, right));
        }
    }
    // Each chapter's first sheet shows the French title on the left, the English on the right.
    assert_eq!(first_sheet_of.len(), 9);
    for (stem, (left, right)) in first_sheet_of {
        let ext = if stem == "08-contacts" { "typ" } else { "md" };
        let title = |lang: &str| {
            let text =
                fs::read_to_string(root.join(format!("sources/{lang}/{stem}.{ext}")))
                    .unwrap();
            text.lines().next().unwrap().trim_start_matches(['#', '=']).trim().to_string()
        };
        let squash = |s: &str| normalize(s).replace(' ', "");
        assert!(squash(&left).contains(&squash(&title("fr"))), "{stem}: {left}");
        assert!(squash(&right).contains(&squash(&title("en"))), "{stem}: {right}");
    }
}

/// A page rendered in colour: width, height, RGB bytes, pixels per pt.
struct Rgb {
    width: usize,
    height: usize,
    px: Vec<u8>,
    scale: f64,
}

/// Renders page `page` (1-based) of `pdf` in colour with pdftoppm.
fn render_rgb(pdf: &std::path::Path, page: usize, dpi: u32) -> Rgb {
    let (dpi_s, page_s) = (dpi.to_string(), page.to_string());
    let args = ["-r", &dpi_s, "-f", &page_s, "-l", &page_s, pdf.to_str().unwrap()];
    let data = poppler_bytes("pdftoppm", &args);
    let text = String::from_utf8_lossy(&data[..32.min(data.len())]).to_string();
    let fields: Vec<&str> = text.split_whitespace().take(4).collect();
    assert_eq!(fields[0], "P6");
    let header = fields.iter().map(|f| f.len() + 1).sum::<usize>();
    Rgb {
        width: fields[1].parse().unwrap(),
        height: fields[2].parse().unwrap(),
        px: data[header..].to_vec(),
        scale: f64::from(dpi) / 72.0,
    }
}

/// The vertical runs (top, bottom in pt) of the change bar's colour in the two outer
/// margins of a rendered proof sheet, where the bars are drawn (8.25 mm from each
/// edge): `[left, right]`.
fn bar_runs(img: &Rgb) -> [Vec<(f64, f64)>; 2] {
    let is_bar = |i: usize| {
        let (r, g, b) = (img.px[3 * i], img.px[3 * i + 1], img.px[3 * i + 2]);
        r > 170 && (60..140).contains(&g) && b < 60
    };
    let mut out = [Vec::new(), Vec::new()];
    let at = (8.25 * 72.0 / 25.4 * img.scale) as usize;
    for (side, xs) in [(0, at - 1..at + 2), (1, img.width - at - 2..img.width - at + 1)] {
        let mut rows = vec![false; img.height];
        for (y, row) in rows.iter_mut().enumerate() {
            *row = xs.clone().any(|x| is_bar(y * img.width + x));
        }
        let mut start = None;
        for (y, &on) in rows.iter().chain([&false]).enumerate() {
            match (on, start) {
                (true, None) => start = Some(y),
                (false, Some(s)) => {
                    out[side].push((s as f64 / img.scale, y as f64 / img.scale));
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn proof_changes_marks_exactly_the_changed_block_and_its_translation() {
    let dir = sample_project();
    let root = dir.path();
    let (code, out, err) =
        livret_in(root, "check", &["--lang", "en", "--accept", "01-introduction"]);
    assert_eq!(code, 0, "{out}{err}");
    let fr = root.join("sources/fr/01-introduction.md");
    let text = fs::read_to_string(&fr).unwrap();
    let edited = text.replace(
        "Les forces de sécurité ne peuvent pas être partout.",
        "Les forces de sécurité ne peuvent pas surveiller chaque ruelle.",
    );
    assert_ne!(edited, text);
    fs::write(&fr, edited).unwrap();
    // The proof without marks first: what --changes adds is compared with it.
    let (code, out, err) =
        livret_in(root, "proof", &["--lang", "en", "--layout", "pocket-a7"]);
    assert_eq!(code, 0, "{out}{err}");
    let pdf = root.join("out/securite-collaborative/en/pocket-a7/securite-collaborative-en-pocket-a7-proof-fr.pdf");
    let (pages, width, _) = pdf_info(&pdf);
    let plain: Vec<Rgb> = (1..=pages).map(|p| render_rgb(&pdf, p, 72)).collect();
    for (i, img) in plain.iter().enumerate() {
        assert!(
            bar_runs(img).iter().all(Vec::is_empty),
            "sheet {} marked without --changes",
            i + 1
        );
    }
    let (code, out, err) =
        livret_in(root, "proof", &["--lang", "en", "--layout", "pocket-a7", "--changes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("marked 1 changed block"), "{out}{err}");
    assert_eq!(pdf_info(&pdf).0, pages, "marks add no sheet");
    let changed_fr = ["surveiller", "ruelle.", "construit", "justement."];
    let changed_en = ["Residents", "everywhere.", "fairly."];
    let unchanged = ["Introduction", "Pour", "Who", "traders,"];
    let mut seen = std::collections::BTreeSet::new();
    let mut marked_sheets = 0;
    for page in 1..=pages {
        let img = render_rgb(&pdf, page, 72);
        let runs = bar_runs(&img);
        if runs.iter().any(|r| !r.is_empty()) {
            marked_sheets += 1;
        }
        // Whatever --changes drew (the bars, the tint) lies in the rows of a bar on
        // the same half; a sheet with no bar is exactly the plain proof's.
        let before = &plain[page - 1];
        assert_eq!((img.width, img.height), (before.width, before.height));
        for (i, (a, b)) in img.px.chunks(3).zip(before.px.chunks(3)).enumerate() {
            if a != b {
                let (x, y) = ((i % img.width) as f64, (i / img.width) as f64);
                let (x, y) = (x / img.scale, y / img.scale);
                let side = usize::from(x > width / 2.0);
                assert!(
                    runs[side].iter().any(|&(t, b)| t - 1.5 <= y && y <= b + 1.5),
                    "sheet {page}: a mark at ({x:.0}, {y:.0}) pt beside no bar: {runs:?}"
                );
            }
        }
        for word in pdf_words(&pdf, page) {
            let side = usize::from(word.1 > width / 2.0);
            let middle = (word.2 + word.4) / 2.0;
            let inside = runs[side].iter().any(|&(a, b)| a <= middle && middle <= b);
            let name = normalize(&word.0);
            if (side == 0 && changed_fr.contains(&name.as_str()))
                || (side == 1 && changed_en.contains(&name.as_str()))
            {
                assert!(inside, "sheet {page}: changed `{name}` is not marked: {runs:?}");
                seen.insert(name.clone());
            }
            if unchanged.contains(&name.as_str()) {
                assert!(!inside, "sheet {page}: unchanged `{name}` is marked");
            }
        }
    }
    let expected: std::collections::BTreeSet<String> =
        changed_fr.iter().chain(&changed_en).map(|s| s.to_string()).collect();
    assert_eq!(seen, expected, "every word of the changed block was found on a sheet");
    // One paragraph on each side: one or two sheets carry a mark, the others none.
    assert!((1..=2).contains(&marked_sheets), "{marked_sheets} sheets marked of {pages}");
}

#[test]
fn proof_changes_names_what_it_cannot_mark() {
    let dir = sample_project();
    let root = dir.path();
    // A chapter accepted by hash only (the sample ships snapshots since issue 19:
    // remove this one), whose source changed before any snapshot was written.
    fs::remove_file(root.join("sources/en/.accepted/02-forces.txt")).unwrap();
    let fr = root.join("sources/fr/02-forces.md");
    let text = fs::read_to_string(&fr).unwrap();
    fs::write(&fr, text.replacen("\n\n", "\n\nUne phrase ajoutée.\n\n", 1)).unwrap();
    let (code, out, err) =
        livret_in(root, "proof", &["--lang", "en", "--layout", "pocket-a7", "--changes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("marked 0 changed blocks"), "{out}");
    assert!(
        err.contains("02-forces") && err.contains("--accept 02-forces"),
        "the stale chapter without a snapshot is named: {err}"
    );
    // Marks compare with the source language only.
    let (code, _, err) = livret_in(
        root,
        "proof",
        &["--lang", "bm", "--against", "en", "--layout", "pocket-a7", "--changes"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("source language `fr`") && err.contains("hint:"), "{err}");
}
