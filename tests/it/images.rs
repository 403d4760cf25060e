//! Images for print and screens: resampled sizes read back from the PDFs, grey print
//! sheets, the cache, and bad image files.

use std::fs;
use std::path::Path;

use crate::support::*;

/// `livret build` on a project: exit code, stdout, stderr.
fn build(project: &Path, args: &[&str]) -> (i32, String, String) {
    livret_in(project, "build", args)
}

/// A photo-like RGB image: smooth colour gradients with pixel noise (a fixed LCG).
fn photo(width: u32, height: u32) -> image::RgbImage {
    let mut seed: u32 = 12345;
    image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let n = (seed >> 24) as i32 % 40;
        let r = (x * 255 / width) as i32 + n;
        let g = (y * 255 / height) as i32 + n;
        let b = ((x + y) * 127 / (width + height)) as i32 + 60 + n;
        image::Rgb([r.clamp(0, 255) as u8, g.clamp(0, 255) as u8, b.clamp(0, 255) as u8])
    })
}

/// Writes an image file into the project's sources/images/.
fn put_image(root: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(root.join("sources/images")).unwrap();
    fs::write(root.join("sources/images").join(name), bytes).unwrap();
}

/// PNG bytes of an image.
fn png_bytes(image: &image::RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// One image of `pdfimages -list`: (page, width, height, components, x-ppi).
fn embedded_images(pdf: &Path) -> Vec<(usize, u32, u32, u32, f64)> {
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    list.lines()
        .skip(2)
        .filter_map(|line| {
            let c: Vec<&str> = line.split_whitespace().collect();
            (c.len() >= 14 && c[2] == "image").then(|| {
                (
                    c[0].parse().unwrap(),
                    c[3].parse().unwrap(),
                    c[4].parse().unwrap(),
                    c[6].parse().unwrap(),
                    c[12].parse().unwrap(),
                )
            })
        })
        .collect()
}

/// A guide whose one chapter shows `name` (written in sources/images/).
fn guide_with_image(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = mini_project(&[(
        "01-a.md",
        &format!("# Un\n\nTexte avant.\n\n![Une image]({name})\n\nTexte après.\n"),
    )]);
    put_image(dir.path(), name.trim_start_matches("images/"), bytes);
    dir
}

#[test]
fn images_are_resampled_for_their_printed_size_and_cached() {
    // A 2400 × 1200 px photo saved as PNG, shown 55% of pocket-a6's 83 mm column wide.
    let dir = guide_with_image("images/photo.png", &png_bytes(&photo(2400, 1200)));
    let root = dir.path();
    let (code, out, err) = build(root, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let printed_in = 83.0 * 0.55 / 25.4;
    let reading = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let screen = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-screen.pdf");
    for (pdf, dpi) in [(&reading, 300.0_f64), (&screen, 150.0)] {
        let images = embedded_images(pdf);
        assert_eq!(images.len(), 1, "{images:?}");
        let (_, w, h, comps, ppi) = images[0];
        let wanted = (printed_in * dpi).ceil() as u32;
        // At least the resolution wanted, at most 2% more (whole-dpi rounding).
        assert!(w >= wanted && (w as f64) < wanted as f64 * 1.02, "{w} px for {wanted}");
        assert_eq!((h as f64 / w as f64 * 100.0).round(), 50.0, "aspect kept: {w}×{h}");
        assert!(ppi >= dpi && ppi < dpi * 1.03, "{ppi} ppi");
        assert_eq!(comps, 3);
    }
    // The screen edition is the smaller file; the photo became a JPEG in both.
    assert!(fs::metadata(&screen).unwrap().len() < fs::metadata(&reading).unwrap().len());
    let list = poppler("pdfimages", &["-list", reading.to_str().unwrap()]);
    assert!(list.lines().nth(2).unwrap().contains("jpeg"), "{list}");
    assert!(out.contains("images: 1 file checked; 3 copies resized now"), "{out}");

    // A second build (forced: the target itself is up to date) decodes nothing:
    // every variant comes from the cache.
    let (code, out, _) = build(root, &["--force"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("images: 1 file checked; none to resize, copies reused from"),
        "{out}"
    );
    // Changing the image invalidates its entries.
    put_image(root, "photo.png", &png_bytes(&photo(2400, 1000)));
    let (_, out, _) = build(root, &[]);
    assert!(out.contains("images: 1 file checked; 3 copies resized now"), "{out}");
}

#[test]
fn small_images_are_never_upscaled_and_warn_as_blurry() {
    let dir = guide_with_image("images/petit.png", &png_bytes(&photo(200, 100)));
    let root = dir.path();
    let (code, out, err) = build(root, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let reading = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6.pdf");
    let images = embedded_images(&reading);
    assert_eq!((images[0].1, images[0].2), (200, 100), "{images:?}");
    let warning = err.lines().find(|l| l.contains("blurry")).expect("a blurry warning");
    assert!(
        warning.contains("sources/fr/01-a.md:5") && warning.contains("images/petit.png"),
        "{warning}"
    );
    // 200 px over 45.65 mm is 111 dpi.
    assert!(warning.contains("111 dpi"), "{warning}");

    // The image report says the same, for tools, and exits 1 (a problem found).
    let out = crate::support::livret_assert()
        .args(["images", "--format", "json", "--project"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let image = &json[0]["images"][0];
    assert_eq!(image["path"], "sources/images/petit.png");
    assert_eq!(image["place"], "sources/fr/01-a.md:5");
    assert_eq!(image["pixels"], serde_json::json!([200, 100]));
    assert_eq!(image["blurry"], true);
    assert!((image["dpi"].as_f64().unwrap() - 111.3).abs() < 0.5, "{image}");
    assert!((image["printed_mm"][0].as_f64().unwrap() - 83.0 * 0.55).abs() < 0.1);
}

#[test]
fn gray_print_preset_has_no_colour() {
    let dir = guide_with_image("images/photo.png", &png_bytes(&photo(1200, 800)));
    let root = dir.path();
    let manifest = root.join("sources/guide.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    for colour in ["gray", "colour"] {
        text.push_str(&format!(
            "\n[[print]]\nlayout = \"pocket-a6\"\nsheet = \"a4\"\nscheme = \"{}\"\ncolour = \"{colour}\"\n",
            if colour == "gray" { "copies" } else { "cutstack" }
        ));
    }
    fs::write(&manifest, text).unwrap();
    let (code, out, err) = build(root, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let dir = root.join("out/mini/fr/pocket-a6");
    let gray = embedded_images(&dir.join("mini-fr-pocket-a6-print-a4-copies-gray.pdf"));
    let colour = embedded_images(&dir.join("mini-fr-pocket-a6-print-a4-cutstack.pdf"));
    assert!(!gray.is_empty() && gray.iter().all(|i| i.3 == 1), "{gray:?}");
    assert!(!colour.is_empty() && colour.iter().all(|i| i.3 == 3), "{colour:?}");
    // Extracted pixels of the grey sheets: every one has R = G = B.
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("img");
    poppler(
        "pdfimages",
        &[
            "-png",
            dir.join("mini-fr-pocket-a6-print-a4-copies-gray.pdf").to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let first = fs::read_dir(tmp.path()).unwrap().next().unwrap().unwrap().path();
    let pixels = image::open(&first).unwrap().to_rgb8();
    assert!(pixels.pixels().all(|p| p.0[0] == p.0[1] && p.0[1] == p.0[2]));
}

/// A PNG whose header claims `width` × `height` pixels (CRC fixed up), with little data.
fn bomb(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png_bytes(&photo(4, 4));
    // IHDR data starts at byte 16: width, height (big endian); its CRC follows at 29.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[test]
fn bad_images_are_named_with_their_chapter_line() {
    let good = png_bytes(&photo(300, 200));
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        (
            "images/casse.png",
            "casse.png",
            good[..good.len() / 2].to_vec(),
            "damaged or truncated",
        ),
        (
            "images/bruit.png",
            "bruit.png",
            b"ceci n'est pas une image".to_vec(),
            "not an image",
        ),
        (
            "images/menteur.jpg",
            "menteur.jpg",
            good.clone(),
            "is a PNG image but its name says JPEG",
        ),
        ("images/bombe.png", "bombe.png", bomb(100_000, 100_000), "too large"),
        // Below the side limit but 768 MB decoded (typst took 2 GB per target).
        ("images/scan.png", "scan.png", bomb(16_000, 16_000), "over 256 MiB decoded"),
        ("images/absente.png", "", Vec::new(), "not found"),
    ];
    for (dest, file, bytes, expected) in cases {
        let dir = mini_project(&[(
            "01-a.md",
            &format!("# Un\n\nTexte.\n\n![Image]({dest})\n"),
        )]);
        let root = dir.path();
        if !file.is_empty() {
            put_image(root, file, &bytes);
        }
        let (code, out, err) = build(root, &[]);
        assert_eq!(code, 2, "{dest}: {out}{err}");
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: sources/fr/01-a.md:5") && first.contains(expected),
            "{dest}: {err}"
        );
        if !file.is_empty() {
            assert!(first.contains(dest), "{dest}: {first}");
        }
        assert!(err.contains("hint:"), "{err}");
        // Nothing written: no PDF, no half file.
        let written = files_under(&root.join("out"));
        assert!(
            written.iter().all(|f| !f.ends_with(".pdf") && !f.contains(".tmp")),
            "{written:?}"
        );
    }
}

/// PNG bytes with a density (pHYs) of `dpi`.
fn png_with_dpi(image: &image::RgbImage, dpi: f64) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, image.width(), image.height());
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let ppm = (dpi / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        encoder.write_header().unwrap().write_image_data(image.as_raw()).unwrap();
    }
    out
}

#[test]
fn typst_chapter_images_keep_their_format_and_natural_size() {
    // A Typst chapter shows a 600 × 300 px PNG at its natural size: 2 inches at 300 dpi.
    let dir = mini_project(&[(
        "01-a.typ",
        "= Un\n\nTexte.\n\n#image(\"/sources/images/naturel.png\")\n",
    )]);
    let root = dir.path();
    put_image(root, "naturel.png", &png_with_dpi(&photo(600, 300), 300.0));
    let (code, out, err) = build(root, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let screen = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-screen.pdf");
    let images = embedded_images(&screen);
    let (_, w, _, _, ppi) = images[0];
    // Resampled for the screen (about 300 px), still printed 2 inches wide, still PNG.
    assert!((300..=302).contains(&w), "{images:?}");
    assert!((w as f64 / ppi - 2.0).abs() < 0.02, "{w} px at {ppi} ppi");
    let list = poppler("pdfimages", &["-list", screen.to_str().unwrap()]);
    assert!(!list.contains("jpeg"), "{list}");
}

#[test]
fn size_budget_warns_naming_the_biggest_image() {
    let dir = guide_with_image("images/photo.png", &png_bytes(&photo(1600, 1000)));
    let root = dir.path();
    let manifest = root.join("sources/guide.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let with_budget = |budget: &str| {
        text.replace(
            "name = \"pocket-a6\"",
            &format!("name = \"pocket-a6\"\nscreen-budget = \"{budget}\""),
        )
    };
    fs::write(&manifest, with_budget("20 kB")).unwrap();
    let (code, out, err) = build(root, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let screen = root.join("out/mini/fr/pocket-a6/mini-fr-pocket-a6-screen.pdf");
    assert!(fs::metadata(&screen).unwrap().len() > 20_000);
    let warning = err.lines().find(|l| l.contains("budget")).expect("a budget warning");
    assert!(
        warning.contains("mini-fr-pocket-a6-screen.pdf")
            && warning.contains("screen budget of 20 kB")
            && warning.contains("biggest images: sources/images/photo.png"),
        "{warning}"
    );
    // A generous budget: no warning.
    fs::write(&manifest, with_budget("5 MB")).unwrap();
    let (_, _, err) = build(root, &[]);
    assert!(!err.contains("budget"), "{err}");
    // A budget that is not a size is an error at its line.
    fs::write(&manifest, with_budget("beaucoup")).unwrap();
    let (code, _, err) = build(root, &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: sources/guide.toml:"), "{err}");
    assert!(err.contains("not a size"), "{err}");
}
