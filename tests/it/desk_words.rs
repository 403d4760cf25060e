//! The desk as a French (or English) reader meets it, in plain HTTP: an error said
//! once, the editions matrix true when a target's record is gone but its PDFs are
//! there, block kinds, choices, types and sizes in the reader's language, the print
//! room's refusals naming the page's fields.

use crate::desk::{Desk, first_paragraph};
use crate::support::*;

/// GET `path` with the token and the interface language `ui`: the page's text.
fn page(desk: &Desk, path: &str, ui: &str) -> String {
    let mut headers = desk.headers(false);
    headers.push(format!("Cookie: livret_desk={}; desk_ui={ui}", desk.token));
    let (status, _, body) = desk.raw(&format!("GET {path}"), &headers, &[]);
    let body = String::from_utf8(body).unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// POST JSON to `path` in the interface language `ui`: status and answer.
fn post(
    desk: &Desk,
    path: &str,
    ui: &str,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let body = body.to_string().into_bytes();
    let extra = [format!("Cookie: desk_ui={ui}")];
    let (status, answer) = desk.post(path, &body, &extra);
    (status, serde_json::from_slice(&answer).unwrap_or_default())
}

#[test]
fn a_refused_save_says_its_error_once_without_the_terminal_prefix() {
    let desk = Desk::start();
    let (_, base) = first_paragraph(&desk);
    let body =
        serde_json::json!({ "id": "01-introduction#nope", "base": base, "text": "x" });
    let (status, answer) = post(&desk, "/api/save/en/01-introduction", "en", &body);
    assert_eq!(status, 422, "{answer}");
    let error = answer["error"].as_str().unwrap();
    assert!(error.contains("`01-introduction#nope`"), "{error}");
    // The page puts its own "Error:" before it: the terminal's "error:" is not there.
    assert!(!error.starts_with("error:") && !error.contains("error: "), "{error}");
    let js = std::fs::read_to_string(repo().join("src/desk/assets/desk.js")).unwrap();
    assert!(!js.contains(r#"words.error + ": ""#), "the script adds a second colon");
}

#[test]
fn the_matrix_shows_a_target_without_record_by_its_files_and_speaks_french() {
    let desk = Desk::start();
    let root = desk.root();
    // A rebuild that failed or stopped removes the record; the PDFs of before remain.
    std::fs::remove_file(root.join("out/.livret/targets/fr--pocket-a6.json")).unwrap();
    let en = page(&desk, "/editions", "en");
    let cell = en.split("data-target=\"fr/pocket-a6\"").nth(1).unwrap();
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(cell.contains("data-state=\"stale\""), "{cell}");
    assert!(cell.contains("-fr-pocket-a6.pdf"), "its reading PDF is linked: {cell}");
    assert!(
        en.contains("data-target=\"en/pocket-a6\" data-state=\"up-to-date\""),
        "{en}"
    );
    assert!(en.contains("<td>reading PDF</td>") && en.contains(" kB</td>"), "{en}");
    let fr = page(&desk, "/editions", "fr");
    assert!(
        fr.contains("<td>PDF de lecture</td>") && fr.contains("<td>fiche illustrée</td>")
    );
    let size = regex::Regex::new(r"<td>\d+,\d ko</td>").unwrap();
    assert!(size.is_match(&fr), "sizes with a decimal comma in ko");
    assert!(!fr.contains(" kB<"), "no kB in French");
    assert!(fr.contains("a4-cutstack :"), "the French space before the colon");
}

#[test]
fn the_rooms_name_kinds_and_choices_in_french() {
    let desk = Desk::start();
    let translate = page(&desk, "/translate/en/01-introduction", "fr");
    assert!(translate.contains("<span class=\"kind\">titre</span>"), "{translate}");
    assert!(translate.contains("<span class=\"kind\">paragraphe</span>"));
    assert!(!translate.contains("<span class=\"kind\">heading</span>"));
    let print = page(&desk, "/print", "fr");
    for words in ["bord long", "bord court", "gauche", "droite", "réduire", "centrer"] {
        assert!(print.contains(&format!(">{words}</option>")), "{words}: {print}");
    }
    for words in ["coupe", "pli", "assemblage", "ligne d’info"] {
        assert!(print.contains(&format!("\">{words}</label>")), "{words}");
    }
    assert!(print.contains("<option value=\"cutstack\">cutstack — "), "{print}");
    assert!(print.contains("<option value=\"a4\">A4</option>"), "{print}");
}

#[test]
fn the_print_room_refuses_a_creep_that_is_no_number_by_its_field() {
    let desk = Desk::start();
    let job = |creep: &str| {
        serde_json::json!({
            "input": "target:fr/pocket-a6", "scheme": "saddle", "sheet": "a4",
            "duplex": "long", "creep": creep,
        })
    };
    let (status, answer) = post(&desk, "/api/impose", "en", &job("abc"));
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        answer["error"], "Creep (mm): a number is expected (e.g. 0.1)",
        "{answer}"
    );
    // A decimal comma is a number.
    let (status, answer) = post(&desk, "/api/impose", "en", &job("0,1"));
    assert_eq!(status, 200, "{answer}");
    let summary = answer["summary"].as_str().unwrap();
    assert!(!summary.contains("(s)"), "{summary}");
    assert!(summary.contains(" saddle sheets of A4 (1 booklet)"), "{summary}");
}

#[test]
fn accepting_a_chapter_with_blocks_still_marked_warns_in_the_readers_language() {
    let desk = Desk::start();
    let chapter = desk.root().join("sources/en/02-forces.md");
    std::fs::write(&chapter, "# The forces\n\n[fr] Un paragraphe.\n\n[fr] Un autre.\n")
        .unwrap();
    let (status, answer) =
        post(&desk, "/api/accept/en/02-forces", "en", &serde_json::json!({}));
    assert_eq!(status, 200, "{answer}");
    let warnings = answer["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{answer}");
    let warning = warnings[0].as_str().unwrap();
    assert!(warning.contains("02-forces still has 2 blocks marked [fr]"), "{warning}");
    // A chapter with no mark left: no warning.
    let (status, answer) =
        post(&desk, "/api/accept/en/05-signaler", "en", &serde_json::json!({}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["warnings"], serde_json::json!([]), "{answer}");
}
