//! Any PDF a print shop receives (issue 12, item 5): pages of mixed sizes and
//! orientations, owner-password protection, and every hint of `livret impose` followed.
//!
//! Inputs are made with lopdf: page n shows `Tn` near its top edge and `Bn` near its
//! bottom edge; from the sheets (pdftotext -bbox) each page's slot and turn are read, the
//! turn being where `Tn` lies from `Bn`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::{Dictionary, Document, Object, Stream};

use crate::support::*;

/// A4 portrait in pt.
const A4: (f64, f64) = (595.275_591, 841.889_764);
/// US Letter portrait in pt.
const LETTER: (f64, f64) = (612.0, 792.0);
/// A5 portrait in pt.
const A5: (f64, f64) = (419.527_559, 595.275_591);

/// A4 turned to landscape.
const A4L: (f64, f64) = (A4.1, A4.0);

/// A PDF whose page n (1-based) has size `sizes[n-1]` and shows `Tn` at its top, `Bn`
/// at its bottom (Helvetica, 14 pt, upright).
fn labelled_pdf(sizes: &[(f64, f64)]) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let tree = doc.new_object_id();
    let font = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
    ]));
    let fonts = Dictionary::from_iter(vec![("F1", Object::Reference(font))]);
    let resources = Dictionary::from_iter(vec![("Font", Object::Dictionary(fonts))]);
    let mut kids = Vec::new();
    for (i, &(w, h)) in sizes.iter().enumerate() {
        let n = i + 1;
        let x = w / 2.0 - 12.0;
        let text = format!(
            "BT /F1 14 Tf 1 0 0 1 {x} {} Tm (T{n}) Tj ET BT /F1 14 Tf 1 0 0 1 {x} 40 Tm (B{n}) Tj ET",
            h - 50.0
        );
        let content = doc.add_object(Stream::new(Dictionary::new(), text.into_bytes()));
        let media: Vec<Object> =
            [0.0, 0.0, w, h].iter().map(|&v| Object::Real(v as f32)).collect();
        kids.push(Object::Reference(doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(tree)),
            ("MediaBox", Object::Array(media)),
            ("Resources", Object::Dictionary(resources.clone())),
            ("Contents", Object::Reference(content)),
        ]))));
    }
    let count = Object::Integer(kids.len() as i64);
    doc.objects.insert(
        tree,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", count),
        ])),
    );
    let catalog = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(tree)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// Twelve pages merged from A4 and Letter documents, with landscape pages 4 and 9.
const MERGED: [(f64, f64); 12] =
    [A4, A4, A4, A4L, A4, LETTER, LETTER, A4, A4L, LETTER, A4, A4];

/// Writes `sizes` as `name` in `dir`.
fn write_input(dir: &Path, name: &str, sizes: &[(f64, f64)]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, labelled_pdf(sizes)).unwrap();
    path
}

/// Runs `livret impose INPUT -o OUTPUT extra…`: (code, stderr).
fn impose(input: &Path, output: &Path, extra: &[&str]) -> (i32, String) {
    let mut args =
        vec!["impose", input.to_str().unwrap(), "-o", output.to_str().unwrap()];
    args.extend(extra);
    let (code, _, stderr) = livret(&args);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (code, stderr)
}

/// Where each page label lies on the sheets: page → (slot found on its side, turn).
/// Checks that `Tn` and `Bn` both lie inside the slot the plan gives page n.
fn read_slots(output: &Path, plan: &Path) -> Vec<(usize, u16, u16)> {
    let plan: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(plan).unwrap()).unwrap();
    let mut found = Vec::new();
    for (k, sheet) in plan["sheets"].as_array().unwrap().iter().enumerate() {
        for (n, side) in [(2 * k + 1, &sheet["front"]), (2 * k + 2, &sheet["back"])] {
            let words = pdf_words(output, n);
            let label = |prefix: char, page: usize| {
                let text = format!("{prefix}{page}");
                let w = words
                    .iter()
                    .find(|w| w.0 == text)
                    .unwrap_or_else(|| panic!("{text} missing on sheet side {n}"));
                ((w.1 + w.3) / 2.0, (w.2 + w.4) / 2.0)
            };
            for slot in side["slots"].as_array().unwrap() {
                let Some(page) = slot["page"].as_u64() else { continue };
                let page = page as usize + 1;
                let (t, b) = (label('T', page), label('B', page));
                let num = |key: &str| slot[key].as_f64().unwrap();
                let (x, y, w, h) = (num("x"), num("y"), num("width"), num("height"));
                for (cx, cy) in [t, b] {
                    let inside = cx > x && cx < x + w && cy > y && cy < y + h;
                    assert!(
                        inside,
                        "page {page}'s label at ({cx:.0}, {cy:.0}) is outside its slot"
                    );
                }
                let (dx, dy) = (t.0 - b.0, t.1 - b.1);
                let turn = if dy.abs() > dx.abs() {
                    if dy < 0.0 { 0 } else { 180 }
                } else if dx > 0.0 {
                    90
                } else {
                    270
                };
                found.push((page, slot["rotation"].as_u64().unwrap() as u16, turn));
            }
        }
    }
    found.sort_unstable();
    found
}

#[test]
fn merged_letter_a4_and_landscape_pages_impose_upright_in_their_slots() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "merged.pdf", &MERGED);
    let output = dir.path().join("sheets.pdf");
    let plan = dir.path().join("plan.json");
    let p = plan.to_str().unwrap();
    let args = ["--scheme", "saddle", "--sheet", "a4", "--fit", "shrink", "--plan", p];
    let (code, stderr) = impose(&input, &output, &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("pages 4, 9 turned a quarter"), "{stderr}");
    assert!(stderr.contains("pages 6, 7, 10 are not 210×297 mm"), "{stderr}");
    let seen = read_slots(&output, &plan);
    assert_eq!(
        seen.iter().map(|s| s.0).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
    for (page, slot_turn, turn) in seen {
        // Upright in its slot; landscape pages a quarter counter-clockwise more.
        let extra = if [4, 9].contains(&page) { 270 } else { 0 };
        assert_eq!(turn, (slot_turn + extra) % 360, "page {page}");
    }
    // Text kept: every label is still text.
    let text = pdf_text(&output, None);
    for n in 1..=12 {
        assert!(
            text.contains(&format!("T{n}")) && text.contains(&format!("B{n}")),
            "{n}"
        );
    }
    let ticket = fs::read_to_string(dir.path().join("sheets.txt")).unwrap();
    assert!(ticket.contains("Note: pages 4, 9 turned a quarter"), "{ticket}");
    assert!(ticket.contains("Note: pages 6, 7, 10 of another size, scaled"), "{ticket}");
    assert!(ticket.contains("Note : pages 4, 9 tournées"), "{ticket}");
}

#[test]
fn center_shrinks_only_what_does_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "merged.pdf", &MERGED);
    let output = dir.path().join("sheets.pdf");
    let plan = dir.path().join("plan.json");
    let p = plan.to_str().unwrap();
    let args = ["--scheme", "saddle", "--sheet", "a3", "--fit", "center", "--plan", p];
    let (code, stderr) = impose(&input, &output, &args);
    assert_eq!(code, 0, "{stderr}");
    // Letter is wider than A4: shrunk to 97 %; A4 is placed as it is.
    assert!(
        stderr.contains(
            "pages 6, 7, 10 are not 210×297 mm (the most common size): scaled to 97 %"
        ),
        "{stderr}"
    );
    assert_eq!(read_slots(&output, &plan).len(), 12);
}

#[test]
fn mixed_sizes_without_fit_are_refused_and_both_fits_of_the_hint_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "merged.pdf", &MERGED);
    let output = dir.path().join("sheets.pdf");
    let before = files_under(dir.path());
    let (code, stderr) =
        impose(&input, &output, &["--scheme", "saddle", "--sheet", "a3"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "merged.pdf: page 6 is 215.9 × 279.4 mm but page 1 is 210.0 × 297.0 mm (the most common size)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: imposition needs pages of one size: use --fit center"),
        "{stderr}"
    );
    assert!(stderr.contains("--fit shrink"), "{stderr}");
    assert_eq!(files_under(dir.path()), before, "nothing written");
    for fit in ["center", "shrink"] {
        let (code, stderr) = impose(
            &input,
            &output,
            &["--scheme", "saddle", "--sheet", "a3", "--fit", fit],
        );
        assert_eq!(code, 0, "--fit {fit}: {stderr}");
    }
}

#[test]
fn landscape_pages_of_the_same_paper_need_no_fit() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "tables.pdf", &[A5, A5, (A5.1, A5.0), A5]);
    let output = dir.path().join("sheets.pdf");
    let plan = dir.path().join("plan.json");
    let args = ["--scheme", "saddle", "--sheet", "a4", "--plan", plan.to_str().unwrap()];
    let (code, stderr) = impose(&input, &output, &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "page 3 turned a quarter (top to the left) to fill its portrait slot"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint: use --rotate none"), "{stderr}");
    let seen = read_slots(&output, &plan);
    let third = seen.iter().find(|s| s.0 == 3).unwrap();
    assert_eq!(third.2, (third.1 + 270) % 360);
}

#[test]
fn rotate_none_keeps_landscape_pages_and_its_refusal_hint_works() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "tables.pdf", &[A5, A5, (A5.1, A5.0), A5]);
    let output = dir.path().join("sheets.pdf");
    let plan = dir.path().join("plan.json");
    let p = plan.to_str().unwrap();
    // Kept landscape without a fit: refused, the hint says --rotate auto.
    let (code, stderr) = impose(
        &input,
        &output,
        &["--scheme", "saddle", "--sheet", "a4", "--rotate", "none"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("page 3 is 210.0 × 148.0 mm but page 1 is 148.0 × 210.0 mm (the most common size)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: it is a page of the other orientation: use --rotate auto"),
        "{stderr}"
    );
    assert!(!output.exists());
    let (code, stderr) = impose(
        &input,
        &output,
        &["--scheme", "saddle", "--sheet", "a4", "--rotate", "auto"],
    );
    assert_eq!(code, 0, "{stderr}");
    // The warning's hint, --rotate none, with a fit: kept upright, shrunk, not turned.
    let args = [
        "--scheme", "saddle", "--sheet", "a4", "--rotate", "none", "--fit", "center",
        "--plan", p,
    ];
    let (code, stderr) = impose(&input, &output, &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("turned"), "{stderr}");
    assert!(stderr.contains("page 3 is not 148×210 mm"), "{stderr}");
    let seen = read_slots(&output, &plan);
    assert!(seen.iter().all(|s| s.1 == s.2), "{seen:?}");
    // A bad value is refused by the parser.
    let (code, stderr) = impose(
        &input,
        &output,
        &["--scheme", "saddle", "--sheet", "a4", "--rotate", "sideways"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("use auto or none"), "{stderr}");
}

/// Encrypts `input` with qpdf as `output`: `user` password (may be empty) and `owner`.
fn encrypt(input: &Path, output: &Path, user: &str, owner: &str) {
    let status = Command::new("qpdf")
        .args(["--encrypt", user, owner, "256", "--"])
        .arg(input)
        .arg(output)
        .status()
        .expect("qpdf is installed");
    assert!(status.success());
}

#[test]
fn an_owner_password_pdf_imposes_unprotected_and_the_ticket_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write_input(dir.path(), "plain.pdf", &[A5; 8]);
    let locked = dir.path().join("locked.pdf");
    encrypt(&plain, &locked, "", "owner");
    let output = dir.path().join("sheets.pdf");
    let (code, stderr) =
        impose(&locked, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("protected by an owner password"), "{stderr}");
    let info = poppler("pdfinfo", &[output.to_str().unwrap()]);
    let plain = |l: &str| l.starts_with("Encrypted:") && l.trim_end().ends_with("no");
    assert!(info.lines().any(plain), "{info}");
    assert!(pdf_text(&output, None).contains("T8"));
    let ticket = fs::read_to_string(dir.path().join("sheets.txt")).unwrap();
    assert!(
        ticket.contains("the source PDF was protected with an owner password"),
        "{ticket}"
    );
    assert!(ticket.contains("mot de passe de propriétaire"), "{ticket}");
}

#[test]
fn a_user_password_pdf_is_refused_and_the_qpdf_hint_works() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write_input(dir.path(), "plain.pdf", &[A5; 8]);
    let locked = dir.path().join("locked.pdf");
    encrypt(&plain, &locked, "secret", "owner");
    let output = dir.path().join("sheets.pdf");
    let before = files_under(dir.path());
    let (code, stderr) =
        impose(&locked, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "locked.pdf: the input PDF is encrypted with a password needed to open it"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint: decrypt it first with its password, e.g. `qpdf --decrypt --password=PASSWORD input.pdf decrypted.pdf`"), "{stderr}");
    assert_eq!(files_under(dir.path()), before, "nothing written");
    // What the hint says, with the password.
    let decrypted = dir.path().join("decrypted.pdf");
    let status = Command::new("qpdf")
        .args(["--decrypt", "--password=secret"])
        .arg(&locked)
        .arg(&decrypted)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, stderr) =
        impose(&decrypted, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("protected"), "{stderr}");
}

/// Runs `first` (must fail with exit 2 and a hint containing `hint`), then `then` (the
/// hint followed), which must succeed; both on `sizes` into `sheets.pdf`.
fn hint_works(sizes: &[(f64, f64)], first: &[&str], hint: &str, then: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "in.pdf", sizes);
    let output = dir.path().join("sheets.pdf");
    let before = files_under(dir.path());
    let (code, stderr) = impose(&input, &output, first);
    assert_eq!(code, 2, "{first:?}: {stderr}");
    assert!(stderr.contains(&format!("hint: {hint}")), "{first:?}: {stderr}");
    assert_eq!(files_under(dir.path()), before, "{first:?}: nothing written");
    let (code, stderr) = impose(&input, &output, then);
    assert_eq!(code, 0, "{then:?}: {stderr}");
    assert!(output.exists());
}

#[test]
fn the_sheet_and_fit_hints_of_a_page_too_large_work() {
    let first = ["--scheme", "saddle", "--sheet", "a4"];
    let hint = "use --sheet a3 (the smallest standard sheet it fits on), or --fit shrink";
    hint_works(&[A4; 4], &first, hint, &["--scheme", "saddle", "--sheet", "a3"]);
    let then = ["--scheme", "saddle", "--sheet", "a4", "--fit", "shrink"];
    hint_works(&[A4; 4], &first, hint, &then);
}

#[test]
fn the_scheme_hints_of_the_zine_work() {
    let saddle = ["--scheme", "saddle", "--sheet", "a4"];
    // A right-bound zine is no longer refused: it is mirrored (see `print_shop`).
    let long = ["--scheme", "zine", "--sheet", "a4"];
    hint_works(
        &[A5; 12],
        &long,
        "use --scheme saddle or --scheme cutstack for longer booklets",
        &saddle,
    );
}

#[test]
fn the_signature_and_margin_hints_work() {
    let zero = ["--scheme", "signatures", "--sheet", "a4", "--signature-sheets", "0"];
    let one = ["--scheme", "signatures", "--sheet", "a4", "--signature-sheets", "1"];
    hint_works(&[A5; 8], &zero, "use --signature-sheets 1 or more", &one);
    let wide = [
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
        "--fit",
        "shrink",
        "--printer-margin",
        "150",
    ];
    let narrow = [
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
        "--fit",
        "shrink",
        "--printer-margin",
        "4",
    ];
    hint_works(&[A5; 8], &wide, "use a smaller --printer-margin", &narrow);
}

#[test]
fn the_printer_margin_warning_hint_works() {
    // Pages whose words sit well inside white margins are not warned, although their
    // slots touch the sheet's edge: the check reads what the pages paint (the warning
    // and its hint on content near the edge: `print_shop`).
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "in.pdf", &[A5; 8]);
    let output = dir.path().join("sheets.pdf");
    let (code, stderr) =
        impose(&input, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("unprintable margin"), "{stderr}");
}

#[test]
fn the_repair_hint_of_a_damaged_pdf_works() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = labelled_pdf(&[A5; 8]);
    // One stream's end marker is damaged (as by a bad byte in a copy): lopdf gives up on
    // the page tree, qpdf rebuilds the file.
    let at = bytes.windows(9).position(|w| w == b"endstream").unwrap();
    let mut damaged = bytes.clone();
    damaged[at + 8] = b' ';
    let input = dir.path().join("damaged.pdf");
    fs::write(&input, &damaged).unwrap();
    let output = dir.path().join("sheets.pdf");
    let before = files_under(dir.path());
    let (code, stderr) =
        impose(&input, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("damaged.pdf: the input PDF is damaged"), "{stderr}");
    assert!(stderr.contains("try `qpdf input.pdf repaired.pdf`"), "{stderr}");
    assert_eq!(files_under(dir.path()), before, "nothing written");
    let repaired = dir.path().join("repaired.pdf");
    let status = Command::new("qpdf").arg(&input).arg(&repaired).status().unwrap();
    // qpdf exits 3 when it repaired with warnings.
    assert!(matches!(status.code(), Some(0 | 3)), "{status:?}");
    let (code, stderr) =
        impose(&repaired, &output, &["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(pdf_text(&output, None).contains("T8"));
}
