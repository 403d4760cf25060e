//! `livret proof`: every proof sheet carries one source and one translated page of the
//! same chapter, each chapter starting a new sheet.

use std::fs;

use assert_cmd::Command;

use crate::support::*;

#[test]
fn proof_sheets_pair_pages_of_the_same_chapter() {
    let dir = sample_project();
    let root = dir.path();
    Command::cargo_bin("livret")
        .unwrap()
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
