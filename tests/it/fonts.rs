//! `livret fonts`: what each font covers and which font shows each script of each
//! language; a script without a font is a problem (exit 1).

use std::fs;

use crate::support::*;

/// `livret fonts --format json` on a project: (exit code, report).
fn fonts(project: &std::path::Path) -> (i32, serde_json::Value) {
    let out = crate::support::livret_assert()
        .args(["fonts", "--format", "json", "--project"])
        .arg(project)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

#[test]
fn sample_fonts_cover_latin_nko_arabic_and_tifinagh() {
    let dir = sample_project();
    let (code, report) = fonts(dir.path());
    assert_eq!(code, 0);
    let covers = |family: &str, script: &str| {
        report["fonts"].as_array().unwrap().iter().any(|f| {
            f["family"] == family
                && f["file"].as_str().unwrap().starts_with("fonts/")
                && f["licence"].as_str().unwrap().contains("Open Font License")
                && f["scripts"].as_array().unwrap().iter().any(|s| s == script)
        })
    };
    assert!(covers("Andika", "Latin"));
    assert!(covers("Andika", "Latin for Bambara (ɛ ɔ ɲ ŋ)"));
    assert!(covers("Noto Sans NKo", "N'Ko"));
    assert!(covers("Noto Naskh Arabic", "Arabic (Ajami)"));
    assert!(covers("Noto Sans Tifinagh", "Tifinagh"));
    assert!(!covers("Andika", "N'Ko"));
    // Each language: the font that shows each script its chapters use.
    let shown = |lang: &str, script: &str| -> Option<String> {
        let l =
            report["languages"].as_array().unwrap().iter().find(|l| l["lang"] == lang)?;
        let s =
            l["scripts"].as_array().unwrap().iter().find(|s| s["script"] == script)?;
        s["font"].as_str().map(str::to_string)
    };
    assert_eq!(shown("nqo", "N'Ko").as_deref(), Some("Noto Sans NKo"));
    assert_eq!(shown("nqo", "Latin").as_deref(), Some("Andika"));
    assert_eq!(shown("bm", "Latin for Bambara (ɛ ɔ ɲ ŋ)").as_deref(), Some("Andika"));
    assert_eq!(shown("fr", "N'Ko"), None, "French uses no N'Ko");
}

#[test]
fn a_script_without_a_font_is_reported() {
    let dir = mini_project(&[("01-a.md", "# Un\n\nTexte et un mot en N'Ko : ߒߞߏ.\n")]);
    let (code, report) = fonts(dir.path());
    assert_eq!(code, 1);
    let fr = &report["languages"][0];
    let nko =
        fr["scripts"].as_array().unwrap().iter().find(|s| s["script"] == "N'Ko").unwrap();
    assert!(nko["font"].is_null(), "{nko}");
    assert_eq!(nko["characters"], 3);
    // The human report says what to do.
    let out = crate::support::livret_assert()
        .args(["fonts", "--project"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("N'Ko: 3 characters, NO FONT"), "{text}");
    // Adding the N'Ko font to the stack fills the gap.
    let manifest = dir.path().join("sources/guide.toml");
    let toml = fs::read_to_string(&manifest)
        .unwrap()
        .replace("fonts = [\"Andika\"]", "fonts = [\"Andika\", \"Noto Sans NKo\"]");
    fs::write(&manifest, toml).unwrap();
    assert_eq!(fonts(dir.path()).0, 0);
}
