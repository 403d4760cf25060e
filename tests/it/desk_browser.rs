//! `livret desk` in a real browser (Debian's chromium through chromedriver): a block of
//! `en/01-introduction` edited and saved (the chapter changes only there, the new words
//! are on the previewed page), accepted, and a conflicting edit from a second tab shown
//! with nothing lost; a target built and downloaded; a PDF dropped on the print desk,
//! imposed cutstack on A4, its three files downloaded. Each room's screenshot is saved
//! (in the test's temporary folder, and in docs/images when LIVRET_DESK_SCREENSHOTS is
//! set, as tools/docs-pictures.sh does).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::json;

use crate::desk::{Desk, first_paragraph};
use crate::support::webdriver::Browser;
use crate::support::*;

/// One browser at a time: two cores are shared with the rest of the suite.
static BROWSER: Mutex<()> = Mutex::new(());

/// Saves a screenshot of the room as `desk-<name>.png`.
fn screenshot(browser: &Browser, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("desk-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("desk-{name}.png"));
    browser.screenshot(&path);
    let png = std::fs::read(&path).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{name}: a blank picture?"
    );
    if std::env::var_os("LIVRET_DESK_SCREENSHOTS").is_some() {
        std::fs::copy(&path, repo().join("docs/images").join(path.file_name().unwrap()))
            .unwrap();
    }
    path
}

/// The browser, logged in to `desk` (the URL with the token, once).
fn open(desk: &Desk) -> Browser {
    let browser = Browser::start(1400, 950);
    browser.goto(&desk.url);
    browser.wait_until("the token traded for the cookie", || {
        !browser.url().contains("token")
    });
    browser
}

/// The preview's build number.
fn build_of(browser: &Browser) -> u64 {
    let preview = browser.wait_for("[data-preview]");
    browser.attr(&preview, "data-build").and_then(|b| b.parse().ok()).unwrap_or(0)
}

/// Writes `text` into the editor of block `id` and presses its save button.
fn edit_and_save(browser: &Browser, id: &str, text: &str) {
    let editor = browser.wait_for(&format!("textarea[data-block=\"{id}\"]"));
    browser.execute("arguments[0].value = ''", vec![Browser::arg(&editor)]);
    browser.send_keys(&editor, text);
    let save =
        browser.wait_for(&format!("article[data-id=\"{id}\"] [data-action=\"save\"]"));
    browser.click(&save);
}

/// Whose lines changed between two texts (same line count asserted).
fn changed_lines(before: &str, after: &str) -> Vec<usize> {
    assert_eq!(before.lines().count(), after.lines().count());
    let pairs = before.lines().zip(after.lines()).enumerate();
    pairs.filter(|(_, (a, b))| a != b).map(|(i, _)| i + 1).collect()
}

/// Writes bytes to a file in `dir` and gives its path.
fn keep(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn translate_edit_save_preview_accept_and_conflict() {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let desk = Desk::start();
    let chapter = desk.root().join("sources/en/01-introduction.md");
    let before = std::fs::read_to_string(&chapter).unwrap();
    let (id, _) = first_paragraph(&desk);
    let browser = open(&desk);
    browser.goto(&format!("http://127.0.0.1:{}/translate/en/01-introduction", desk.port));
    browser.wait_until("the first preview", || build_of(&browser) > 0);
    let first = build_of(&browser);
    // Save: the chapter changes at the block's line only; the preview rebuilds.
    let words = "Safety belongs to all of us, said the heron of Gao.";
    edit_and_save(&browser, &id, words);
    browser.wait_until("a rebuilt preview", || build_of(&browser) > first);
    let after = std::fs::read_to_string(&chapter).unwrap();
    let line =
        before.lines().position(|l| l.starts_with("Security is built together")).unwrap();
    assert_eq!(changed_lines(&before, &after), vec![line + 1]);
    assert_eq!(after.lines().nth(line), Some(words));
    // The previewed page (the one the page shows for the block) has the new words.
    let preview = browser.wait_for("[data-preview]");
    let page: usize = browser.attr(&preview, "data-page").unwrap().parse().unwrap();
    let pdf = browser.fetch_bytes("/preview/en/book.pdf");
    let tmp = tempfile::tempdir().unwrap();
    let pdf = keep(tmp.path(), "preview.pdf", &pdf);
    let text =
        pdf_text(&pdf, Some(page)).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("said the heron of Gao"), "page {page}: {text}");
    let mark = browser.execute(
        "return getComputedStyle(document.querySelector('[data-preview] .mark')).display",
        vec![],
    );
    assert_eq!(mark, json!("block"), "the block is marked on its page");
    let article = format!("article[data-id=\"{id}\"]");
    let state = browser.wait_for(&article);
    assert_eq!(browser.attr(&state, "data-state").as_deref(), Some("review"));
    screenshot(&browser, "translate");
    // Accept it: `check` agrees it is accepted.
    let (code, _, _) = livret_in(&desk.root(), "check", &["--lang", "en"]);
    assert_eq!(code, 1, "an edited block waits for review");
    browser.click(&browser.wait_for(&format!("{article} [data-action=\"accept\"]")));
    browser.wait_until("the block accepted", || {
        browser.attr(&state, "data-state").as_deref() == Some("current")
    });
    let (code, out, err) = livret_in(&desk.root(), "check", &["--lang", "en"]);
    assert_eq!(code, 0, "{out}{err}");

    // Two tabs on the same chapter: the second saves from what it read before.
    let first_tab = browser.tab();
    let second_tab = browser.new_tab();
    browser.switch_to(&second_tab);
    browser.goto(&format!("http://127.0.0.1:{}/translate/en/01-introduction", desk.port));
    browser.wait_for(&format!("textarea[data-block=\"{id}\"]"));
    browser.switch_to(&first_tab);
    browser.goto(&format!("http://127.0.0.1:{}/translate/en/01-introduction", desk.port));
    edit_and_save(&browser, &id, "The first tab's version.");
    let saved = || {
        std::fs::read_to_string(&chapter).unwrap().contains("The first tab's version.")
    };
    browser.wait_until("the first tab's save", saved);
    browser.switch_to(&second_tab);
    edit_and_save(&browser, &id, "The second tab's version.");
    let conflict = browser.wait_for(&format!("{article} .conflict:not([hidden])"));
    let shown = browser.text(&conflict);
    assert!(shown.contains("Changed meanwhile elsewhere"), "{shown}");
    assert!(shown.contains("The first tab's version."), "{shown}");
    assert!(shown.contains("The second tab's version."), "{shown}");
    assert!(saved(), "the first tab's words were not overwritten");
    let editor = browser.wait_for(&format!("textarea[data-block=\"{id}\"]"));
    let kept = browser.execute("return arguments[0].value", vec![Browser::arg(&editor)]);
    assert_eq!(kept, json!("The second tab's version."), "the editor keeps its words");
    let block = browser.wait_for(&article);
    browser.execute("arguments[0].scrollIntoView()", vec![Browser::arg(&block)]);
    screenshot(&browser, "conflict");

    // N'Ko: written right to left, in the guide's N'Ko font.
    browser
        .goto(&format!("http://127.0.0.1:{}/translate/nqo/01-introduction", desk.port));
    browser.wait_until("the N'Ko preview", || build_of(&browser) > 0);
    let editor = browser.wait_for("textarea[data-block]");
    let style = browser.execute(
        "const s = getComputedStyle(arguments[0]); return [s.direction, s.fontFamily]",
        vec![Browser::arg(&editor)],
    );
    assert_eq!(style[0], json!("rtl"), "{style}");
    assert!(style[1].as_str().unwrap().contains("desk-NotoSansNKo"), "{style}");
    screenshot(&browser, "nko");
}

#[test]
fn editions_build_one_target_and_download_it() {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let desk = Desk::start();
    // A source change makes every English target stale.
    let chapter = desk.root().join("sources/en/02-forces.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(
        &chapter,
        text.replacen("\n\n", "\n\nA new line of the desk test.\n\n", 1),
    )
    .unwrap();
    let browser = open(&desk);
    browser.goto(&format!("http://127.0.0.1:{}/editions", desk.port));
    let cell = browser.wait_for("td[data-target=\"en/pocket-a7\"]");
    assert_eq!(browser.attr(&cell, "data-state").as_deref(), Some("stale"));
    let fr = browser.wait_for("td[data-target=\"fr/pocket-a7\"]");
    assert_eq!(browser.attr(&fr, "data-state").as_deref(), Some("up-to-date"));
    browser.click(
        &browser.wait_for("td[data-target=\"en/pocket-a7\"] [data-action=\"build\"]"),
    );
    browser.wait_until("the target built", || {
        browser
            .find("td[data-target=\"en/pocket-a7\"][data-state=\"up-to-date\"]")
            .is_some()
    });
    let a6 = browser.wait_for("td[data-target=\"en/pocket-a6\"]");
    assert_eq!(
        browser.attr(&a6, "data-state").as_deref(),
        Some("stale"),
        "only one was built"
    );
    let link =
        browser.wait_for("td[data-target=\"en/pocket-a7\"] a[data-output=\"reading\"]");
    let href = browser.attr(&link, "href").unwrap();
    let bytes = browser.fetch_bytes(&href);
    assert!(bytes.starts_with(b"%PDF-"));
    let tmp = tempfile::tempdir().unwrap();
    let pdf = keep(tmp.path(), "reading.pdf", &bytes);
    let report: serde_json::Value = serde_json::from_slice(
        &std::fs::read(desk.root().join("out/securite-collaborative/report.json"))
            .unwrap(),
    )
    .unwrap();
    let entry = report["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["lang"] == "en" && e["layout"] == "pocket-a7" && e["kind"] == "reading"
        })
        .unwrap()
        .clone();
    assert_eq!(json!(pdf_info(&pdf).0), entry["pages"], "the report's page count");
    assert!(pdf_text(&pdf, None).contains("A new line of the desk test."));
    for output in ["screen", "print", "ticket", "job-sheet"] {
        let css = format!("td[data-target=\"en/pocket-a7\"] a[data-output=\"{output}\"]");
        assert!(browser.find(&css).is_some(), "{output}");
    }
    screenshot(&browser, "editions");
    // The print shop's package.
    browser.click(&browser.wait_for("[data-action=\"package\"]"));
    let link = browser.wait_for(".package-link a[data-output=\"package\"]");
    let zip = browser.fetch_bytes(&browser.attr(&link, "href").unwrap());
    assert!(zip.starts_with(b"PK\x03\x04"), "a zip archive");
    let names = String::from_utf8_lossy(&zip).to_string();
    assert!(names.contains("securite-collaborative-en-pocket-a7-print-a4-cutstack.pdf"));
}

#[test]
fn print_desk_imposes_a_dropped_pdf() {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let desk = Desk::start();
    let tmp = tempfile::tempdir().unwrap();
    let input = built_sample().copy_output("en", "pocket-a6", ".pdf", tmp.path());
    let pages = pdf_info(&input).0;
    let browser = open(&desk);
    browser.goto(&format!("http://127.0.0.1:{}/print", desk.port));
    let field = browser.wait_for("input[data-action=\"upload\"]");
    browser.send_keys(&field, input.to_str().unwrap());
    browser.wait_for(".uploaded[data-name]");
    let name = input.file_name().unwrap().to_str().unwrap();
    assert!(desk.root().join("out/.desk/uploads").join(name).exists());
    browser.execute(
        "document.querySelector('[name=scheme]').value = 'cutstack';\
         document.querySelector('[name=sheet]').value = 'a4';",
        vec![],
    );
    browser.click(&browser.wait_for("[data-action=\"impose\"]"));
    browser.wait_for(".downloads a[data-output=\"job-sheet\"]");
    browser.wait_for(".sides img");
    let mut files = Vec::new();
    for output in ["print", "ticket", "job-sheet"] {
        let link = browser.wait_for(&format!(".downloads a[data-output=\"{output}\"]"));
        let bytes = browser.fetch_bytes(&browser.attr(&link, "href").unwrap());
        files.push(keep(tmp.path(), output, &bytes));
    }
    let ticket = std::fs::read_to_string(&files[1]).unwrap();
    // `Scheme: cutstack · Paper: 3 sheet(s) A4 (210 × 297 mm), portrait`
    let sheets: usize = ticket
        .lines()
        .find(|l| l.starts_with("Scheme: cutstack"))
        .and_then(|l| l.split("Paper: ").nth(1)?.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no cutstack sheet count in the ticket:\n{ticket}"));
    assert!(ticket.contains("sheet(s) A4"), "{ticket}");
    let (print_pages, w, h) = pdf_info(&files[0]);
    assert_eq!(print_pages, 2 * sheets, "front and back of every sheet");
    assert!(
        (w.min(h) - 595.3).abs() < 1.0 && (w.max(h) - 841.9).abs() < 1.0,
        "A4: {w}×{h}"
    );
    assert!(pages <= sheets * 16, "{pages} pages on {sheets} sheets");
    assert!(std::fs::read(&files[2]).unwrap().starts_with(b"%PDF-"), "the job sheet");
    screenshot(&browser, "print");
    // The calibration sheet.
    browser.click(&browser.wait_for("[data-action=\"calibrate\"]"));
    let link = browser.wait_for(".calibration-link a");
    let sheet = keep(
        tmp.path(),
        "calibration.pdf",
        &browser.fetch_bytes(&browser.attr(&link, "href").unwrap()),
    );
    let (one, w, h) = pdf_info(&sheet);
    assert!(
        one >= 1 && (w.min(h) - 595.3).abs() < 1.0,
        "an A4 calibration sheet: {w}×{h}"
    );
    // The interface in French, and back.
    browser.click(&browser.wait_for("[data-action=\"ui\"]"));
    let button = browser.wait_for("html[lang=\"fr\"] [data-action=\"impose\"]");
    assert_eq!(browser.text(&button), "Imposer");
    browser.click(&browser.wait_for("[data-action=\"ui\"]"));
    browser.wait_for("html[lang=\"en\"] [data-action=\"impose\"]");
}
