//! Nothing wasted at the print shop (issue 21): every problem of the issue as a job run
//! through `livret impose` or `livret calibrate` and read back from what it wrote — the
//! sheets with `pdftotext -bbox` and `pdfinfo`, the ticket as text, the job sheet with
//! `pdftotext` — with exit codes asserted exactly.
//!
//! Inputs are made with lopdf: page n shows `Tn` near its top edge and `Bn` near its
//! bottom edge, and may carry a black stripe along its left edge (content reaching the
//! edge), a title, or odd page boxes.

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, Stream};

use crate::support::*;

/// pt per mm.
pub(crate) const MM: f64 = 72.0 / 25.4;

/// A6 portrait in pt.
pub(crate) const A6: (f64, f64) = (105.0 * MM, 148.0 * MM);
/// A5 portrait in pt.
const A5: (f64, f64) = (148.0 * MM, 210.0 * MM);

/// How to make the input.
#[derive(Clone, Default)]
pub(crate) struct Input {
    /// Page sizes in pt.
    sizes: Vec<(f64, f64)>,
    /// Pages (1-based) with a black stripe 2 mm from their left edge.
    stripe: Vec<usize>,
    /// The Info title.
    title: Option<String>,
    /// A MediaBox written as is on page 1 instead of its size.
    media: Option<Vec<f64>>,
}

impl Input {
    pub(crate) fn pages(n: usize, size: (f64, f64)) -> Self {
        Self { sizes: vec![size; n], ..Self::default() }
    }
}

/// The input as PDF bytes.
fn make(input: &Input) -> Vec<u8> {
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
    for (i, &(w, h)) in input.sizes.iter().enumerate() {
        let n = i + 1;
        let x = w / 2.0 - 12.0;
        // A white background over the whole page first: white is not ink.
        let mut text = format!("1 g 0 0 {w} {h} re f 0 g ");
        text.push_str(&format!(
            "BT /F1 14 Tf 1 0 0 1 {x} {} Tm (T{n}) Tj ET BT /F1 14 Tf 1 0 0 1 {x} 60 Tm (B{n}) Tj ET",
            h - 60.0
        ));
        if input.stripe.contains(&n) {
            text.push_str(&format!(" 0 g {} 100 6 {} re f", 2.0 * MM, h - 200.0));
        }
        let content = doc.add_object(Stream::new(Dictionary::new(), text.into_bytes()));
        let media: Vec<Object> = match (&input.media, n) {
            (Some(m), 1) => m.iter().map(|&v| Object::Real(v as f32)).collect(),
            _ => [0.0, 0.0, w, h].iter().map(|&v| Object::Real(v as f32)).collect(),
        };
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
    if let Some(title) = &input.title {
        let info = doc.add_object(Dictionary::from_iter(vec![(
            "Title",
            Object::string_literal(title.as_str()),
        )]));
        doc.trailer.set("Info", Object::Reference(info));
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A job: the input written in a fresh folder, imposed with `args`.
pub(crate) struct Job {
    dir: tempfile::TempDir,
    input: PathBuf,
    output: PathBuf,
}

impl Job {
    pub(crate) fn new(input: &Input) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.pdf");
        fs::write(&path, make(input)).unwrap();
        let output = dir.path().join("sheets.pdf");
        Self { dir, input: path, output }
    }

    /// Runs `livret impose in.pdf -o sheets.pdf args…`: (code, stderr).
    pub(crate) fn impose(&self, args: &[&str]) -> (i32, String) {
        let mut all = vec![
            "impose",
            self.input.to_str().unwrap(),
            "-o",
            self.output.to_str().unwrap(),
        ];
        all.extend(args);
        let (code, _, stderr) = livret(&all);
        assert!(!stderr.contains("panicked"), "{stderr}");
        (code, stderr)
    }

    pub(crate) fn ticket(&self) -> String {
        fs::read_to_string(self.output.with_extension("txt")).unwrap()
    }

    /// The job sheet's text, both pages, whitespace collapsed.
    pub(crate) fn job_sheet(&self) -> String {
        let path = self.dir.path().join("sheets-ticket.pdf");
        let text = pdf_text(&path, None);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Each sheet side's labels (`Tn`) with their centres, in mm.
    fn labels(&self) -> Vec<Vec<(String, f64, f64)>> {
        pdf_words_all(&self.output)
            .into_iter()
            .map(|words| {
                words
                    .into_iter()
                    .filter(|w| w.0.starts_with('T') && w.0[1..].parse::<usize>().is_ok())
                    .map(|(t, x0, y0, x1, y1)| {
                        (t, (x0 + x1) / 2.0 / MM, (y0 + y1) / 2.0 / MM)
                    })
                    .collect()
            })
            .collect()
    }
}

#[test]
fn calibrate_draws_landscape_sheets_with_100_mm_bars_and_refuses_absurd_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cal.pdf");
    let path = out.to_str().unwrap();
    let (code, _, stderr) =
        livret(&["calibrate", "--sheet", "a4", "--orientation", "landscape", "-o", path]);
    assert_eq!(code, 0, "{stderr}");
    let (pages, w, h) = pdf_info(&out);
    assert_eq!(pages, 2);
    assert!((w - 297.0 * MM).abs() < 0.01 && (h - 210.0 * MM).abs() < 0.01, "{w}×{h}");
    // The second page (the back) is landscape too.
    let info = poppler("pdfinfo", &["-f", "2", "-l", "2", path]);
    assert!(info.contains("841.89 x 595.276"), "{info}");
    let front = pdf_text(&out, Some(1));
    assert!(front.contains("paysage") && front.contains("landscape"), "{front}");
    assert!(front.contains("Imprimante") && front.contains("Tray"), "{front}");
    // Two bars, each numbered 0 … 100 mm, 100 mm apart end to end.
    let words = pdf_words(&out, 1);
    let ends: Vec<(f64, f64)> = words
        .iter()
        .filter(|w| w.0 == "100")
        .map(|w| ((w.1 + w.3) / 2.0 / MM, (w.2 + w.4) / 2.0 / MM))
        .collect();
    let zeros: Vec<(f64, f64)> = words
        .iter()
        .filter(|w| w.0 == "0")
        .map(|w| ((w.1 + w.3) / 2.0 / MM, (w.2 + w.4) / 2.0 / MM))
        .collect();
    let spans: Vec<f64> = ends
        .iter()
        .flat_map(|e| zeros.iter().map(move |z| (e.0 - z.0).hypot(e.1 - z.1)))
        .filter(|d| (d - 100.0).abs() < 3.0)
        .collect();
    assert!(spans.len() >= 2, "two 100 mm bars: {ends:?} {zeros:?}");
    for bad in ["99999999999999999999x99999999999999999999mm", "5x5mm", "6000x6000mm"] {
        let (code, _, stderr) = livret(&["calibrate", "--sheet", bad, "-o", path]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("is not a sheet size"), "{stderr}");
    }
}

#[test]
fn a_landscape_job_quotes_the_landscape_calibration_on_its_ticket_and_job_sheet() {
    let job = Job::new(&Input::pages(8, A5));
    let (code, stderr) = job.impose(&["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    let command = "livret calibrate --sheet a4 --duplex long --orientation landscape";
    assert!(job.ticket().contains(command), "{}", job.ticket());
    assert!(job.job_sheet().contains(command), "{}", job.job_sheet());
    // The command it quotes runs and makes a landscape sheet.
    let cal = job.dir.path().join("calibration.pdf");
    let (code, _, stderr) = livret(&[
        "calibrate",
        "--sheet",
        "a4",
        "--duplex",
        "long",
        "--orientation",
        "landscape",
        "-o",
        cal.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (_, w, h) = pdf_info(&cal);
    assert!(w > h);
}

#[test]
fn a_two_sided_business_card_is_ten_per_a4_backs_behind_fronts() {
    let job = Job::new(&Input::pages(2, (85.0 * MM, 55.0 * MM)));
    let (code, stderr) =
        job.impose(&["--scheme", "cards", "--sheet", "a4", "--marks", "crop"]);
    assert_eq!(code, 0, "{stderr}");
    let (pages, w, h) = pdf_info(&job.output);
    assert_eq!(pages, 2, "one sheet, front and back");
    assert!(w < h, "portrait A4: {w}×{h}");
    let sides = job.labels();
    assert_eq!(sides[0].iter().filter(|l| l.0 == "T1").count(), 10);
    assert_eq!(sides[1].iter().filter(|l| l.0 == "T2").count(), 10);
    // Long-edge flip of a portrait sheet: the back of a card at x lies at 210 − x.
    for front in &sides[0] {
        // The label is 1.4 mm left of its card's centre on both sides: mirrored, 2.7 mm.
        let behind = sides[1].iter().any(|b| {
            (b.1 - (210.0 - front.1)).abs() < 3.5 && (b.2 - front.2).abs() < 0.5
        });
        assert!(behind, "no back behind the card at {:?}", front);
    }
    let ticket = job.ticket();
    assert!(ticket.contains("10 cards per sheet"), "{ticket}");
    assert!(!ticket.contains("Staple") && !ticket.contains("Fold"), "{ticket}");
}

#[test]
fn wire_leaves_are_cut_and_stacked_with_a_binding_margin() {
    let job = Job::new(&Input::pages(16, A6));
    let args = ["--scheme", "wire", "--sheet", "a4", "--binding-margin", "8"];
    let (code, stderr) = job.impose(&args);
    assert_eq!(code, 0, "{stderr}");
    let ticket = job.ticket();
    assert!(
        ticket.contains("Do not fold. Punch the stack along the left edge"),
        "{ticket}"
    );
    assert!(ticket.contains("8 mm binding margin"), "{ticket}");
    assert!(ticket.contains("Finished (trimmed) size: 113 × 148 mm"), "{ticket}");
    // 113 × 148 mm leaves: 2 across a landscape A4? No: 1 × 2 on portrait, 2 × 1 on
    // landscape; either way 2 leaves a side, 8 leaves, 4 sheets, fronts and backs.
    let (pages, _, _) = pdf_info(&job.output);
    assert_eq!(pages, 8, "{ticket}");
    // Page 1 (a front) sits 8 mm in from its leaf's left edge: its label is centred
    // 8 + 52.5 mm from the leaf's left.
    let sides = job.labels();
    assert!(sides.iter().flatten().filter(|l| l.0.starts_with('T')).count() == 16);
}

#[test]
fn a_thick_stack_is_warned_with_signatures_and_paper_gives_creep_and_spine() {
    let job = Job::new(&Input::pages(200, A6));
    let (code, stderr) = job.impose(&["--scheme", "cutstack", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("more than the 20 that fold and staple cleanly"), "{stderr}");
    // Cut in two pieces a sheet: 10 sheets make the 20 pieces a signature may fold.
    assert!(
        stderr.contains(
            "hint: use --scheme signatures --signature-sheets 10 (3 signatures"
        ),
        "{stderr}"
    );
    assert!(job.ticket().contains("Creep applied: none"), "{}", job.ticket());
    let args = ["--scheme", "saddle", "--sheet", "a4", "--paper-weight", "80"];
    let job = Job::new(&Input::pages(16, A5));
    let (code, stderr) = job.impose(&args);
    assert_eq!(code, 0, "{stderr}");
    let ticket = job.ticket();
    assert!(ticket.contains("Paper: 80 g/m² (0.1 mm thick)"), "{ticket}");
    assert!(ticket.contains("Creep applied: 0.1 mm per sheet"), "{ticket}");
    assert!(ticket.contains("Spine thickness: ≈ 0.8 mm (4 sheets"), "{ticket}");
    assert!(ticket.contains("Chasse (creep) appliquée : 0,1 mm par feuille"), "{ticket}");
    let sheet = job.job_sheet();
    assert!(sheet.contains("Creep applied: 0.1 mm per sheet"), "{sheet}");
}

#[test]
fn too_much_creep_is_refused_before_anything_is_written() {
    let job = Job::new(&Input::pages(13, A6));
    let before = files_under(job.dir.path());
    let (code, stderr) =
        job.impose(&["--scheme", "saddle", "--sheet", "a4", "--creep", "1000"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a creep of 1000 mm per sheet"), "{stderr}");
    assert!(stderr.contains("hint: creep is one sheet's thickness"), "{stderr}");
    assert_eq!(files_under(job.dir.path()), before);
}

#[test]
fn pages_a_hair_over_a6_are_said_with_both_ways_out() {
    // Ghostscript's A6: 298 × 420 pt, a hair over 297.6 × 419.5.
    let job = Job::new(&Input::pages(16, (298.0, 420.0)));
    let (code, stderr) = job.impose(&["--scheme", "cutstack", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("a little larger than A6"), "{stderr}");
    assert!(stderr.contains("2 go on a sheet side instead of 4"), "{stderr}");
    assert!(stderr.contains("--trim a6") && stderr.contains("--fit shrink"), "{stderr}");
    // The way out taken: four to a side, nothing said.
    let (code, stderr) =
        job.impose(&["--scheme", "cutstack", "--sheet", "a4", "--trim", "a6"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("a little larger"), "{stderr}");
    assert_eq!(job.labels()[0].len(), 4);
    assert!(
        job.ticket().contains("Finished (trimmed) size: 105 × 148 mm"),
        "{}",
        job.ticket()
    );
}

#[test]
fn a_bleed_in_the_page_box_is_trimmed_by_bleed_and_said_on_the_ticket() {
    let bled = (111.0 * MM, 154.0 * MM); // A6 with 3 mm all round
    let job = Job::new(&Input::pages(8, bled));
    let (code, stderr) =
        job.impose(&["--scheme", "cutstack", "--sheet", "a4", "--bleed", "3"]);
    assert_eq!(code, 0, "{stderr}");
    let ticket = job.ticket();
    assert!(
        ticket.contains("Finished (trimmed) size: 105 × 148 mm · bleed: 3 mm"),
        "{ticket}"
    );
    assert!(ticket.contains("fond perdu : 3 mm"), "{ticket}");
    assert_eq!(job.labels()[0].len(), 4, "four A6 to a side");
}

#[test]
fn what_pages_paint_is_kept_by_pdf_and_read_from_the_cache_when_whole() {
    let mut input = Input::pages(8, A5);
    input.stripe = vec![2, 3, 6];
    let job = Job::new(&input);
    let cache = job.dir.path().join("cache");
    let run = || -> String {
        let out = livret_process()
            .args(["impose", job.input.to_str().unwrap(), "-o"])
            .args([job.output.to_str().unwrap(), "--scheme", "saddle", "--sheet", "a4"])
            .env("LIVRET_CACHE_DIR", &cache)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{stderr}");
        stderr
    };
    let first = run();
    assert!(first.contains("the content of pages 2, 6 reaches"), "{first}");
    let kept = livret::util::fs::files_in(&cache.join("content-box")).unwrap();
    assert_eq!(kept.len(), 1, "one file of boxes for one PDF");
    let written = fs::read(&kept[0]).unwrap();
    assert_eq!(run(), first);
    // A file that says page 4 paints all over (and is whole) is believed...
    let mut boxes = b"LIVRET-BOXES 1\n".to_vec();
    for page in 1..=8 {
        if page == 4 {
            boxes.push(1);
            for v in [0.0f64, 0.0, 419.5, 595.2] {
                boxes.extend_from_slice(&v.to_le_bytes());
            }
        } else {
            boxes.push(0);
        }
    }
    let check = typst::utils::hash128(&boxes[..]);
    boxes.extend_from_slice(&check.to_le_bytes());
    fs::write(&kept[0], &boxes).unwrap();
    let told = run();
    assert!(told.contains("the content of page 4 reaches"), "{told}");
    // ...a damaged one is not: the pages are read again and the file written whole.
    boxes[20] ^= 1;
    fs::write(&kept[0], &boxes).unwrap();
    assert_eq!(run(), first);
    assert!(
        fs::read(&kept[0]).unwrap() == written,
        "rewritten as the first run wrote it"
    );
}

#[test]
fn the_margin_check_reads_what_pages_paint_and_names_them() {
    let mut input = Input::pages(8, A5);
    // Page 3's left edge lies on the fold, inside the sheet; pages 2 and 6 are left-hand
    // pages whose left edge is the sheet's.
    input.stripe = vec![2, 3, 6];
    let job = Job::new(&input);
    let (code, stderr) = job.impose(&["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("the content of pages 2, 6 reaches"), "{stderr}");
    assert!(
        stderr.contains(
            "hint: use --fit shrink to scale the pages into the printable area (to 96 %)"
        ),
        "{stderr}"
    );
    let (code, stderr) =
        job.impose(&["--scheme", "saddle", "--sheet", "a4", "--fit", "shrink"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("unprintable margin"), "{stderr}");
    assert!(stderr.contains("pages shrunk to 96 %"), "{stderr}");
    assert!(
        job.ticket().contains("(pages shrunk to 96% of 148 × 210 mm)"),
        "{}",
        job.ticket()
    );
}

#[test]
fn marks_that_find_no_room_are_said() {
    let job = Job::new(&Input::pages(8, A5));
    let (code, stderr) =
        job.impose(&["--scheme", "saddle", "--sheet", "a4", "--marks", "crop,fold"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("marks could not be drawn"), "{stderr}");
    let ticket = job.ticket();
    assert!(ticket.contains("marks not drawn, for lack of room"), "{ticket}");
    assert!(ticket.contains("repères non dessinés, faute de place"), "{ticket}");
}

#[test]
fn bad_page_boxes_are_refused_with_what_they_say() {
    for (media, said) in [
        (vec![0.0, 0.0, 0.0, 0.0], "its MediaBox [0 0 0 0] is not a page"),
        (vec![0.0, 0.0, 30000.0, 420.0], "larger than a PDF page may be"),
    ] {
        let input = Input { media: Some(media), ..Input::pages(4, A6) };
        let job = Job::new(&input);
        let before = files_under(job.dir.path());
        let (code, stderr) = job.impose(&["--scheme", "saddle", "--sheet", "a4"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("page 1: ") && stderr.contains(said), "{stderr}");
        assert_eq!(files_under(job.dir.path()), before);
    }
}

#[test]
fn every_check_runs_before_the_first_file_is_written() {
    let job = Job::new(&Input::pages(8, A6));
    let before = files_under(job.dir.path());
    // The ticket's path is a folder.
    fs::create_dir(job.output.with_extension("txt")).unwrap();
    let before_dir = files_under(job.dir.path());
    let (code, stderr) = job.impose(&["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a folder"), "{stderr}");
    assert_eq!(files_under(job.dir.path()), before_dir);
    fs::remove_dir(job.output.with_extension("txt")).unwrap();
    // The previews would overwrite the plan.
    let plan = job.dir.path().join("side-1.png");
    let dir = job.dir.path().to_str().unwrap();
    let (code, stderr) = job.impose(&[
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
        "--preview",
        dir,
        "--plan",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("would be overwritten by the previews"), "{stderr}");
    assert_eq!(files_under(job.dir.path()), before);
}

#[test]
fn a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    let start = Instant::now();
    let (code, _, stderr) = livret(&[
        "impose",
        "/dev/zero",
        "-o",
        out.to_str().unwrap(),
        "--scheme",
        "saddle",
        "--sheet",
        "a4",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("/dev/zero is not a regular file"), "{stderr}");
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(files_under(dir.path()).is_empty());
}

#[test]
fn a_right_bound_zine_is_mirrored_not_refused() {
    let job = Job::new(&Input::pages(8, (74.0 * MM, 105.0 * MM)));
    let (code, stderr) =
        job.impose(&["--scheme", "zine", "--sheet", "a4", "--binding", "right"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(job.ticket().contains("page 1 (bottom left of the front) is the cover"));
    // Page 1 is at the bottom left, page 8 (back cover) beside it, upright.
    let side = &job.labels()[0];
    let at = |t: &str| side.iter().find(|l| l.0 == t).map(|l| (l.1, l.2)).unwrap();
    let (p1, p8) = (at("T1"), at("T8"));
    assert!(p1.0 < 74.0 && p1.1 > 105.0, "page 1 at {p1:?}");
    assert!(p8.0 > 74.0 && p8.0 < 148.0 && p8.1 > 105.0, "page 8 at {p8:?}");
}

#[test]
fn a_pdf_that_forbids_printing_is_said() {
    let job = Job::new(&Input::pages(4, A6));
    let locked = job.dir.path().join("locked.pdf");
    let status = Command::new("qpdf")
        .args(["--encrypt", "", "owner", "256", "--print=none", "--"])
        .arg(&job.input)
        .arg(&locked)
        .status()
        .unwrap();
    assert!(status.success());
    fs::rename(&locked, &job.input).unwrap();
    let (code, stderr) = job.impose(&["--scheme", "saddle", "--sheet", "a4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("permissions forbid printing"), "{stderr}");
    assert!(job.ticket().contains("permissions forbid printing"), "{}", job.ticket());
}

#[test]
fn the_job_sheet_gives_title_finished_size_quantity_and_creep() {
    let input = Input { title: Some("Untitled".into()), ..Input::pages(12, A6) };
    let job = Job::new(&input);
    let args = [
        "--scheme",
        "cutstack",
        "--sheet",
        "a4",
        "--quantity",
        "50",
        "--caliper",
        "0.12",
    ];
    let (code, stderr) = job.impose(&args);
    assert_eq!(code, 0, "{stderr}");
    let sheet = job.job_sheet();
    // A placeholder title is no title: the file's name stands.
    assert!(sheet.contains("JOB SHEET EN in Français"), "{sheet}");
    assert!(sheet.contains("FICHE DE TRAVAIL FR in English"), "{sheet}");
    assert!(!sheet.to_lowercase().contains("untitled"), "{sheet}");
    assert!(sheet.contains("Finished (trimmed) size: 105 × 148 mm"), "{sheet}");
    assert!(sheet.contains("Format fini (après coupe) : 105 × 148 mm"), "{sheet}");
    // 12 pages cutstack A6: 2 sheets a copy; 50 + 3 overs = 53 copies, 106 sheets.
    assert!(
        sheet.contains("Quantity: 50 copies + 3 overs = 53 → 106 sheets of A4"),
        "{sheet}"
    );
    assert!(sheet.contains("Creep applied: 0.12 mm per sheet"), "{sheet}");
    assert!(
        sheet.contains("Customer:") && sheet.contains("Approved for print"),
        "{sheet}"
    );
    assert!(sheet.contains("print one set"), "{sheet}");
}

#[test]
fn signature_leftovers_are_to_be_thrown_away() {
    let job = Job::new(&Input::pages(42, A6));
    let args = ["--scheme", "signatures", "--sheet", "a4", "--signature-sheets", "3"];
    let (code, stderr) = job.impose(&args);
    assert_eq!(code, 0, "{stderr}");
    let ticket = job.ticket();
    assert!(
        ticket.contains(
            "Throw away what carries no page (blank on both sides): sheet 6, piece 2"
        ),
        "{ticket}"
    );
    assert!(ticket.contains("Jetez ce qui ne porte aucune page"), "{ticket}");
}

/// A mini project whose manifest ends with one `[[print]]` preset of `lines`.
fn with_preset(lines: &str) -> tempfile::TempDir {
    let long = "Un paragraphe assez long pour remplir une petite page. ".repeat(60);
    let (a, b) = (format!("# A\n\n{long}\n"), format!("# B\n\n{long}\n"));
    let dir = mini_project(&[("01-a.md", &a), ("02-b.md", &b)]);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("\n[[print]]\nlayout = \"pocket-a6\"\n{lines}\n"));
    fs::write(&manifest, text).unwrap();
    dir
}

#[test]
fn a_preset_takes_the_paper_weight_and_its_creep() {
    let dir = with_preset("sheet = \"a4\"\nscheme = \"saddle\"\npaper-weight = 90");
    let (code, _, stderr) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{stderr}");
    let files = files_under(dir.path());
    let ticket = files
        .iter()
        .find(|f| f.contains("-print-a4-saddle") && f.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no ticket in {files:?}"));
    let text = fs::read_to_string(dir.path().join(ticket)).unwrap();
    assert!(text.contains("Paper: 90 g/m² (0.11 mm thick)"), "{text}");
    assert!(text.contains("Creep applied: 0.11 mm per sheet"), "{text}");
    // A paper no printer takes is an error at its line.
    let bad = with_preset("sheet = \"a4\"\nscheme = \"saddle\"\npaper-weight = 5");
    let (code, _, stderr) = livret_in(bad.path(), "build", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("30 to 400 g/m²"), "{stderr}");
}

#[test]
fn a_right_to_left_zine_preset_builds_a_mirrored_zine() {
    let text = "# Titre\n\nQuelques mots.\n";
    let dir = mini_project(&[("01-a.md", text)]);
    let root = dir.path();
    add_language(root, "xx", "Essai", &[("01-a.md", text)]);
    let manifest = root.join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest).unwrap();
    let toml = toml
        .replace("name = \"Essai\"\n", "name = \"Essai\"\ndir = \"rtl\"\n")
        .replace("name = \"pocket-a6\"", "name = \"pocket-a7\"");
    let toml =
        toml + "\n[[print]]\nlayout = \"pocket-a7\"\nsheet = \"a4\"\nscheme = \"zine\"\n";
    fs::write(&manifest, toml).unwrap();
    let (code, out, err) = livret_in(root, "build", &[]);
    assert_eq!(code, 0, "{out}{err}");
    let files = files_under(root);
    let ticket = |lang: &str| {
        let name = files
            .iter()
            .find(|f| {
                f.contains(&format!("-{lang}-pocket-a7-print-a4-zine"))
                    && f.ends_with(".txt")
            })
            .unwrap_or_else(|| panic!("no {lang} zine ticket in {files:?}"));
        fs::read_to_string(root.join(name)).unwrap()
    };
    let (fr, xx) = (ticket("fr"), ticket("xx"));
    assert!(fr.contains("page 1 (bottom right of the front) is the cover."), "{fr}");
    assert!(
        xx.contains("page 1 (bottom left of the front) is the cover; bound on the right"),
        "{xx}"
    );
    // The cover's title lies in the bottom-left panel of the right-bound sheet, in the
    // bottom-right one of the left-bound sheet (the back cover may repeat it beside).
    let titles = |lang: &str| -> Vec<(f64, f64)> {
        let pdf = files
            .iter()
            .find(|f| {
                f.contains(&format!("-{lang}-pocket-a7-print-a4-zine"))
                    && f.ends_with("zine.pdf")
            })
            .unwrap();
        pdf_words(&root.join(pdf), 1)
            .iter()
            .filter(|w| w.0 == "Petit")
            .map(|w| ((w.1 + w.3) / 2.0 / MM, (w.2 + w.4) / 2.0 / MM))
            .collect()
    };
    let (f, x) = (titles("fr"), titles("xx"));
    assert!(f.iter().any(|p| p.0 > 222.75 && p.1 > 105.0), "fr titles at {f:?}");
    assert!(!f.iter().any(|p| p.0 < 74.25), "fr titles at {f:?}");
    assert!(x.iter().any(|p| p.0 < 74.25 && p.1 > 105.0), "xx titles at {x:?}");
    assert!(!x.iter().any(|p| p.0 > 222.75), "xx titles at {x:?}");
}

#[test]
fn a_preset_too_thick_to_fold_is_warned_by_build() {
    let long = "Un paragraphe assez long pour remplir une petite page. ".repeat(60);
    let chapters: Vec<(String, String)> =
        (1..=8).map(|i| (format!("0{i}-c.md"), format!("# C{i}\n\n{long}\n"))).collect();
    let refs: Vec<(&str, &str)> =
        chapters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let dir = mini_project(&refs);
    let manifest = dir.path().join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    // 400 g/m² card stock: 0.5 mm a sheet, four sheets fold cleanly.
    text.push_str(
        "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a5\"\nscheme = \"saddle\"\npaper-weight = 400\n",
    );
    fs::write(&manifest, text).unwrap();
    let (code, _, stderr) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("more than the 4 that fold and staple cleanly on 400 g/m² paper"),
        "{stderr}"
    );
    assert!(stderr.contains("signature-sheets = 4"), "{stderr}");
    // The ticket and the job sheet say it too, with the signatures to use.
    let out = dir.path().join("out");
    let find = |end: &str| {
        walk(&out).into_iter().find(|p| p.to_string_lossy().ends_with(end)).unwrap()
    };
    let ticket = fs::read_to_string(find("print-a5-saddle.txt")).unwrap();
    let said = "more than the 4 that fold and staple cleanly; signatures of 4 sheets";
    assert!(ticket.contains(said), "{ticket}");
    assert!(ticket.contains("mieux vaut des cahiers de 4 feuilles"), "{ticket}");
    let sheet = pdf_text(&find("print-a5-saddle-ticket.pdf"), None);
    let sheet = sheet.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(sheet.contains(said), "{sheet}");
    assert!(sheet.contains("mieux vaut des cahiers de 4 feuilles"), "{sheet}");
    let count = |text: &str| {
        let at = text.find("signatures of 4 sheets (").unwrap() + 24;
        text[at..].split(' ').next().unwrap().parse::<usize>().unwrap()
    };
    assert!(count(&ticket) >= 2 && count(&ticket) == count(&sheet), "{ticket}");
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
