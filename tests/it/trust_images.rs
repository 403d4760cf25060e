//! Images as users bring them (issue 12): damaged files of every format, from Markdown
//! and from Typst chapters, a tampered image cache, identical files under two names, a
//! folder named as an image, an enormous picture named by a Typst chapter. Every
//! problem is one livret error naming the chapter line, and nothing is written.

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use image::{DynamicImage, ImageFormat, RgbImage};

use crate::support::*;

/// A picture with many colours (a hash of the coordinates), `seed` making it unique.
fn picture(width: u32, height: u32, seed: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let v = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503) ^ seed)
            .wrapping_mul(2_246_822_519);
        image::Rgb([(v >> 24) as u8, (v >> 16) as u8, (x * 255 / width) as u8])
    })
}

/// `picture` encoded as `format`.
fn encoded(format: ImageFormat, width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(picture(width, height, seed))
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

/// The first `fraction` of `bytes`.
fn cut(bytes: Vec<u8>, fraction: f64) -> Vec<u8> {
    let keep = (bytes.len() as f64 * fraction) as usize;
    bytes[..keep].to_vec()
}

/// A PNG whose first IDAT chunk has one byte changed (its CRC no longer matches).
fn bad_crc_png() -> Vec<u8> {
    let mut bytes = encoded(ImageFormat::Png, 120, 80, 3);
    let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
    bytes[idat + 20] ^= 0x55;
    bytes
}

/// A PNG whose header claims `side` × `side` pixels (CRC fixed), with tiny data.
fn huge_png(side: u32) -> Vec<u8> {
    let mut bytes = encoded(ImageFormat::Png, 4, 4, 9);
    bytes[16..20].copy_from_slice(&side.to_be_bytes());
    bytes[20..24].copy_from_slice(&side.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

/// Damaged files: (file name, bytes, what the error says).
fn damaged_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let png = encoded(ImageFormat::Png, 120, 80, 1);
    let no_iend = png[..png.len() - 12].to_vec();
    let mut wrong_magic = png.clone();
    wrong_magic[..4].copy_from_slice(b"GIF8");
    vec![
        ("coupee.jpg", cut(encoded(ImageFormat::Jpeg, 300, 200, 1), 0.6), "cut short"),
        ("coupee.png", no_iend, "cut short"),
        ("moitie.png", cut(png.clone(), 0.5), "cut short"),
        ("coupee.gif", cut(encoded(ImageFormat::Gif, 120, 80, 1), 0.5), "cut short"),
        ("coupee.webp", cut(encoded(ImageFormat::WebP, 120, 80, 1), 0.7), "cut short"),
        ("crc.png", bad_crc_png(), "checksum (CRC)"),
        ("magie.png", wrong_magic, "not an image"),
        ("vide.png", Vec::new(), "empty (0 bytes)"),
    ]
}

/// Writes `bytes` as `sources/images/<name>`.
fn put(root: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(root.join("sources/images")).unwrap();
    fs::write(root.join("sources/images").join(name), bytes).unwrap();
}

/// A guide whose one Markdown chapter shows `images/<name>` on line 5.
fn markdown_guide(name: &str) -> tempfile::TempDir {
    mini_project(&[("01-a.md", &format!("# Un\n\nTexte.\n\n![Image](images/{name})\n"))])
}

/// A guide whose one Typst chapter shows `sources/images/<name>` on line 5.
fn typst_guide(name: &str) -> tempfile::TempDir {
    mini_project(&[(
        "01-a.typ",
        &format!("= Un\n\nTexte.\n\n#image(\"/sources/images/{name}\", width: 50%)\n"),
    )])
}

/// Asserts a failed build: exit 2, the first line an error at `place` naming `name`
/// and saying `expected`, and no PDF nor temporary file left under out/.
fn assert_refused(
    root: &Path,
    (code, out, err): (i32, String, String),
    place: &str,
    name: &str,
    expected: &str,
) {
    assert_eq!(code, 2, "{name}: {out}{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("error: {place}")), "{name}: {err}");
    assert!(first.contains(name) && first.contains(expected), "{name}: {err}");
    assert!(!err.contains("layouts/common.typ"), "{name}: blames the layout: {err}");
    let written = files_under(&root.join("out"));
    assert!(
        written.iter().all(|f| !f.ends_with(".pdf") && !f.contains(".tmp")),
        "{name}: {written:?}"
    );
}

#[test]
fn damaged_images_from_markdown_are_refused_at_the_chapter_line() {
    for (name, bytes, expected) in damaged_files() {
        let dir = markdown_guide(name);
        put(dir.path(), name, &bytes);
        let result = livret_in(dir.path(), "build", &[]);
        assert!(result.2.contains("hint:"), "{name}: {}", result.2);
        assert_refused(dir.path(), result, "sources/fr/01-a.md:5: ", name, expected);
    }
}

#[test]
fn damaged_images_from_typst_chapters_are_refused_at_the_call() {
    for (name, bytes, expected) in damaged_files() {
        let dir = typst_guide(name);
        put(dir.path(), name, &bytes);
        let result = livret_in(dir.path(), "build", &[]);
        assert_refused(dir.path(), result, "sources/fr/01-a.typ:5:", name, expected);
    }
}

#[test]
fn a_truncated_jpeg_is_not_listed_as_fine_by_livret_images() {
    let dir = markdown_guide("coupee.jpg");
    put(dir.path(), "coupee.jpg", &cut(encoded(ImageFormat::Jpeg, 300, 200, 2), 0.7));
    let (code, out, err) = livret_in(dir.path(), "images", &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.starts_with("error: sources/fr/01-a.md:5: image `sources/images/coupee.jpg`"),
        "{err}"
    );
    assert!(err.contains("cut short") && !out.contains("coupee"), "{out}{err}");
}

#[test]
fn whole_images_with_trailing_bytes_still_build() {
    // Some cameras write data after a JPEG's end marker; GIF and WebP whole files.
    let mut jpeg = encoded(ImageFormat::Jpeg, 300, 200, 4);
    jpeg.extend_from_slice(b"\0\0trailer written by a camera");
    for (name, bytes) in [
        ("camera.jpg", jpeg),
        ("anim.gif", encoded(ImageFormat::Gif, 200, 100, 4)),
        ("web.webp", encoded(ImageFormat::WebP, 200, 100, 4)),
    ] {
        for dir in [markdown_guide(name), typst_guide(name)] {
            put(dir.path(), name, &bytes);
            let (code, out, err) = livret_in(dir.path(), "build", &[]);
            assert_eq!(code, 0, "{name}: {out}{err}");
        }
    }
}

#[test]
fn a_folder_named_as_an_image_is_blamed_on_the_chapter() {
    for name in ["dossier.png", "dossier"] {
        let dir = markdown_guide(name);
        fs::create_dir_all(dir.path().join("sources/images").join(name)).unwrap();
        let result = livret_in(dir.path(), "build", &[]);
        assert_refused(
            dir.path(),
            result,
            "sources/fr/01-a.md:5: ",
            name,
            "folder, not an image file",
        );
        let dir = typst_guide(name);
        fs::create_dir_all(dir.path().join("sources/images").join(name)).unwrap();
        let result = livret_in(dir.path(), "build", &[]);
        assert_refused(
            dir.path(),
            result,
            "sources/fr/01-a.typ:5:",
            "01-a.typ",
            "is a directory",
        );
    }
}

#[test]
fn identical_images_under_two_names_build_from_markdown_and_typst() {
    let bytes = encoded(ImageFormat::Png, 900, 600, 5);
    let dir = mini_project(&[(
        "01-a.md",
        "# Un\n\n![A](images/a.png)\n\nTexte.\n\n![B](images/b.png)\n",
    )]);
    put(dir.path(), "a.png", &bytes);
    put(dir.path(), "b.png", &bytes);
    let (code, out, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = livret_in(dir.path(), "images", &["--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let listed: Vec<(String, String)> = json[0]["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (i["path"].as_str().unwrap().into(), i["place"].as_str().unwrap().into())
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("sources/images/a.png".into(), "sources/fr/01-a.md:3".into()),
            ("sources/images/b.png".into(), "sources/fr/01-a.md:7".into())
        ],
        "{out}"
    );
    let dir = mini_project(&[(
        "01-a.typ",
        "= Un\n\n#image(\"/sources/images/a.png\", width: 40%)\n\n#image(\"/sources/images/b.png\", width: 60%)\n",
    )]);
    put(dir.path(), "a.png", &bytes);
    put(dir.path(), "b.png", &bytes);
    let (code, out, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{out}{err}");
}

/// Runs `livret build` on `root`, killed after `limit`: (exit code, stderr, time).
fn build_with_timeout(root: &Path, limit: Duration) -> (Option<i32>, String, Duration) {
    let start = Instant::now();
    let mut child = crate::support::livret_process()
        .args(["build", "--project", root.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(20));
    }
    if child.try_wait().unwrap().is_none() {
        child.kill().unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into(), start.elapsed())
}

#[test]
fn an_enormous_image_from_a_typst_chapter_is_refused_before_decoding() {
    // 30000 × 30000 pixels would take 3.6 GB decoded; the header alone refuses it,
    // from a Typst chapter as from Markdown.
    for (dir, place) in [
        (typst_guide("geante.png"), "error: sources/fr/01-a.typ:5:"),
        (markdown_guide("geante.png"), "error: sources/fr/01-a.md:5: "),
    ] {
        put(dir.path(), "geante.png", &huge_png(30_000));
        let (code, err, took) = build_with_timeout(dir.path(), Duration::from_secs(60));
        assert_eq!(code, Some(2), "killed after {took:?}: {err}");
        let first = err.lines().next().unwrap_or_default();
        assert!(first.starts_with(place), "{err}");
        assert!(first.contains("geante.png") && first.contains("too large"), "{err}");
    }
}

/// The cached variants of the image cache (not the records or sums), sorted.
fn cached_variants(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = fs::read_dir(root.join("out/.cache/images"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg" || e == "png"))
        .collect();
    out.sort();
    out
}

/// (width, height) of each image `pdfimages -list` finds in `pdf`.
fn embedded(pdf: &Path) -> Vec<(u32, u32)> {
    poppler("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (c[3].parse().unwrap(), c[4].parse().unwrap())
        })
        .collect()
}

/// What `livret images --format json` says is embedded: (print, screen) per image.
fn reported(root: &Path) -> String {
    let (code, out, err) = livret_in(root, "images", &["--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let images = &json[0]["images"];
    format!("{} {}", images[0]["embedded"], images[0]["screen"])
}

/// Builds a guide with a photo, damages every cached variant with `tamper`, and
/// checks that no damaged variant is used, with or without `--force`.
fn cache_tampering(tamper: impl Fn(&Path)) {
    let dir = markdown_guide("photo.png");
    let root = dir.path();
    put(root, "photo.png", &encoded(ImageFormat::Png, 2000, 1000, 6));
    let (code, out, err) = livret_in(root, "build", &[]);
    assert_eq!(code, 0, "{out}{err}");
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let good_pdf = embedded(&pdf);
    let good_report = reported(root);
    let variants = cached_variants(root);
    assert!(!variants.is_empty());
    let good: Vec<Vec<u8>> = variants.iter().map(|v| fs::read(v).unwrap()).collect();

    // Without --force: the report reads the cache and makes the variants again.
    variants.iter().for_each(|v| tamper(v));
    assert_eq!(reported(root), good_report);
    // With --force: the build does too, and embeds what it embedded before.
    variants.iter().for_each(|v| tamper(v));
    let (code, out, err) = livret_in(root, "build", &["--force"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains(" 0 copies resized"), "{out}");
    assert_eq!(embedded(&pdf), good_pdf);
    let again: Vec<Vec<u8>> = variants.iter().map(|v| fs::read(v).unwrap()).collect();
    assert!(again == good, "the cache holds the variants made again");
    // Untouched, the cache is used as before.
    let (_, out, _) = livret_in(root, "build", &["--force"]);
    assert!(
        out.contains("images: 1 file checked; none to resize, copies reused from"),
        "{out}"
    );
}

#[test]
fn a_truncated_cached_variant_is_made_again() {
    cache_tampering(|v| {
        let bytes = fs::read(v).unwrap();
        fs::write(v, &bytes[..bytes.len() / 2]).unwrap();
    });
}

#[test]
fn a_cached_variant_replaced_by_another_image_is_made_again() {
    cache_tampering(|v| {
        let format = ImageFormat::from_path(v).unwrap();
        fs::write(v, encoded(format, 64, 32, 7)).unwrap();
    });
}

#[test]
fn an_edited_cached_image_record_is_made_again() {
    let dir = markdown_guide("photo.png");
    let root = dir.path();
    put(root, "photo.png", &encoded(ImageFormat::Png, 1600, 800, 8));
    assert_eq!(livret_in(root, "build", &[]).0, 0);
    let pdf = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let good_pdf = embedded(&pdf);
    let records: Vec<_> = fs::read_dir(root.join("out/.cache/images"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    let text = fs::read_to_string(&records[0]).unwrap();
    assert!(text.contains("\"width\": 1600"), "{text}");
    fs::write(&records[0], text.replace("\"width\": 1600", "\"width\": 16")).unwrap();
    let (code, out, err) = livret_in(root, "build", &["--force"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains(" 0 copies resized"), "{out}");
    assert_eq!(embedded(&pdf), good_pdf);
    assert_eq!(fs::read_to_string(&records[0]).unwrap(), text);
}

/// A PNG whose compressed pixels are garbage, every chunk's CRC made to match: whole
/// to the structure check, damaged to a decoder.
fn garbled_png() -> Vec<u8> {
    let mut bytes = encoded(ImageFormat::Png, 120, 80, 10);
    let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap() - 4;
    let len = u32::from_be_bytes(bytes[idat..idat + 4].try_into().unwrap()) as usize;
    for b in &mut bytes[idat + 10..idat + 8 + len] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[idat + 4..idat + 8 + len]);
    bytes[idat + 8 + len..idat + 12 + len].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[test]
fn a_png_that_does_not_decode_is_refused_at_the_chapter_line() {
    let dir = markdown_guide("brouille.png");
    put(dir.path(), "brouille.png", &garbled_png());
    let result = livret_in(dir.path(), "build", &[]);
    let place = "sources/fr/01-a.md:5: ";
    assert_refused(dir.path(), result, place, "brouille.png", "damaged or truncated");
    let dir = typst_guide("brouille.png");
    put(dir.path(), "brouille.png", &garbled_png());
    let result = livret_in(dir.path(), "build", &[]);
    // typst's own decoder refuses it there, at the call.
    let place = "sources/fr/01-a.typ:5:";
    assert_refused(dir.path(), result, place, "brouille.png", "failed to decode image");
}

#[test]
fn a_damaged_svg_is_refused_at_the_chapter_line() {
    let cut_svg =
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect wid";
    let dir = markdown_guide("dessin.svg");
    put(dir.path(), "dessin.svg", cut_svg);
    let result = livret_in(dir.path(), "build", &[]);
    let place = "sources/fr/01-a.md:5: ";
    assert_refused(dir.path(), result, place, "dessin.svg", "SVG file cannot be read");
    let dir = typst_guide("dessin.svg");
    put(dir.path(), "dessin.svg", cut_svg);
    let result = livret_in(dir.path(), "build", &[]);
    // typst reads a drawing as text: it names the place in the SVG file itself.
    let place = "sources/images/dessin.svg:1:";
    assert_refused(dir.path(), result, place, "dessin.svg", "failed to parse SVG");
    // A whole drawing builds.
    let dir = markdown_guide("dessin.svg");
    put(dir.path(), "dessin.svg", &repo_svg());
    let (code, out, err) = livret_in(dir.path(), "build", &[]);
    assert_eq!(code, 0, "{out}{err}");
}

/// The sample guide's drawing.
fn repo_svg() -> Vec<u8> {
    fs::read(repo().join("sources/images/bouclier.svg")).unwrap()
}
