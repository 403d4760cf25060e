//! PDFs read back with poppler's tools (pdftotext, pdfinfo, pdffonts, pdftoppm),
//! independent of what wrote them, and the text comparisons the tests make on what they
//! read. One copy for both test binaries: livret's `tests/it` includes this file.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Runs a poppler tool and returns its stdout as bytes; fails the test with the tool's
/// message (or how to install it) when it fails.
pub fn poppler_bytes(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} not runnable ({e}); install poppler-utils"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs a poppler tool and returns its stdout.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    String::from_utf8(poppler_bytes(tool, args)).unwrap()
}

/// Text of a PDF (all pages, or one page), via pdftotext.
pub fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let path = pdf.to_str().unwrap();
    match page {
        Some(p) => {
            poppler("pdftotext", &["-f", &p.to_string(), "-l", &p.to_string(), path, "-"])
        }
        None => poppler("pdftotext", &[path, "-"]),
    }
}

/// Page count and the size of page 1 in points, via pdfinfo.
pub fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|v| v.trim().parse().unwrap())
        .expect("pdfinfo gives a page count");
    let size =
        info.lines().find_map(|l| l.strip_prefix("Page size:")).expect("page size");
    let nums: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (pages, nums[0], nums[1])
}

/// Fonts listed by pdffonts: (name, embedded).
pub fn pdf_fonts(pdf: &Path) -> Vec<(String, bool)> {
    let out = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    out.lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type [encoding…] emb sub uni object ID: "emb" is 5th from the end.
            let emb = cols[cols.len() - 5] == "yes";
            (cols[0].to_string(), emb)
        })
        .collect()
}

/// A word read back with its box: (text, xmin, ymin, xmax, ymax) in pt, y down.
pub type Word = (String, f64, f64, f64, f64);

/// Words with their boxes on one page, via `pdftotext -bbox`.
pub fn pdf_words(pdf: &Path, page: usize) -> Vec<Word> {
    let p = page.to_string();
    let html =
        poppler("pdftotext", &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"]);
    html.lines().map(str::trim).filter_map(parse_word).collect()
}

/// Parses one `<word xMin=… yMin=… xMax=… yMax=…>text</word>` line of `pdftotext -bbox`.
fn parse_word(line: &str) -> Option<Word> {
    if !line.starts_with("<word ") {
        return None;
    }
    let attr = |name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = line.find(&key).unwrap() + key.len();
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let text_start = line.find('>').unwrap() + 1;
    let text_end = line.rfind("</word>").unwrap();
    let text = html_unescape(&line[text_start..text_end]);
    Some((text, attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")))
}

/// Undoes the few entities pdftotext writes.
fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Normalises text for comparison: typographic quotes and dashes to ASCII,
/// ligatures expanded, whitespace collapsed, soft hyphenation joined.
pub fn normalize(s: &str) -> String {
    let s = s
        .replace(['’', '‘', '‚'], "'")
        .replace(['“', '”', '«', '»', '„'], "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace("ﬁ", "fi")
        .replace("ﬂ", "fl")
        .replace("ﬀ", "ff")
        .replace("-\n", "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words with their boxes on every page, via one `pdftotext -bbox` run.
pub fn pdf_words_all(pdf: &Path) -> Vec<Vec<Word>> {
    pdf_pages(pdf).into_iter().map(|page| page.words).collect()
}

/// One page read back by `pdftotext -bbox`: its size in pt and its words.
pub struct PageRead {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// Every page's size and words from one `pdftotext -bbox` run (one process instead of
/// pdfinfo plus pdftotext: starting poppler is most of what a small PDF costs).
pub fn pdf_pages(pdf: &Path) -> Vec<PageRead> {
    let html = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut pages = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            let attr = |name: &str| -> f64 {
                let key = format!("{name}=\"");
                let start =
                    line.find(&key).expect("pdftotext gives page sizes") + key.len();
                let end = start + line[start..].find('"').unwrap();
                line[start..end].parse().unwrap()
            };
            pages.push(PageRead {
                width: attr("width"),
                height: attr("height"),
                words: Vec::new(),
            });
        } else if let Some(word) = parse_word(line) {
            pages.last_mut().expect("a word inside a page").words.push(word);
        }
    }
    pages
}

/// Whether `c` is a combining mark (Latin combining accents, N'Ko tone and nasal marks).
pub fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x07EB..=0x07F3 | 0x07FD)
}

/// Letters only: no combining marks, no whitespace.
pub fn base_letters(s: &str) -> String {
    s.chars().filter(|c| !is_mark(*c) && !c.is_whitespace()).collect()
}

/// The base letters of one page read line by line, words taken right to left when
/// `rtl` (else left to right), each word's letters put back in logical order from
/// poppler's visual order when `rtl`. Zero-width boxes (detached marks) are skipped.
pub fn page_letters(pdf: &Path, page: usize, rtl: bool) -> String {
    let mut words: Vec<_> =
        pdf_words(pdf, page).into_iter().filter(|w| w.3 - w.1 > 0.01).collect();
    // Group by line: same baseline band.
    words.sort_by(|a, b| a.4.partial_cmp(&b.4).unwrap());
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(line) if (line[0].4 - w.4).abs() < 3.0 => line.push(w),
            _ => lines.push(vec![w]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.1.partial_cmp(&b.1).unwrap());
        if rtl {
            line.reverse();
        }
        for w in line {
            let letters = base_letters(&w.0);
            if rtl {
                out.extend(letters.chars().rev());
            } else {
                out.push_str(&letters);
            }
        }
    }
    out
}

/// Writes bytes to a temp file that lives as long as the returned handle.
pub fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

/// The words pdftotext finds on each page (1-based page k at index k-1).
pub fn words_per_page(pdf: &[u8]) -> Vec<Vec<String>> {
    let f = temp_pdf(pdf);
    let text = poppler("pdftotext", &[f.path().to_str().unwrap(), "-"]);
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().map(String::from).collect())
        .collect();
    // pdftotext ends with a form feed after the last page.
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// Page sizes from pdfinfo, in pt.
pub fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let f = temp_pdf(pdf);
    let text =
        poppler("pdfinfo", &["-f", "1", "-l", "100000", f.path().to_str().unwrap()]);
    text.lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let rest = l.split("size:").nth(1).unwrap();
            let nums: Vec<f64> =
                rest.split_whitespace().filter_map(|w| w.parse().ok()).take(2).collect();
            (nums[0], nums[1])
        })
        .collect()
}

/// A rendered page in grey levels (0 black … 255 white) at `dpi`.
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
    pub scale: f64,
}

impl Gray {
    /// The grey level at a point given in pt from the top-left.
    pub fn at(&self, x: f64, y: f64) -> u8 {
        let (i, j) = ((x * self.scale) as usize, (y * self.scale) as usize);
        self.px[j.min(self.height - 1) * self.width + i.min(self.width - 1)]
    }
}

/// Renders page `page` (1-based) with pdftoppm in grey.
pub fn render(pdf: &[u8], page: usize, dpi: u32) -> Gray {
    let f = temp_pdf(pdf);
    let (dpi_s, page_s) = (dpi.to_string(), page.to_string());
    let path = f.path().to_str().unwrap();
    let args = ["-gray", "-r", &dpi_s, "-f", &page_s, "-l", &page_s, path];
    let data = poppler_bytes("pdftoppm", &args);
    // P5\n<w> <h>\n255\n<bytes>
    let mut fields = vec![];
    let mut pos = 0;
    while fields.len() < 4 {
        while data[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let start = pos;
        while !data[pos].is_ascii_whitespace() {
            pos += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..pos]).to_string());
    }
    pos += 1;
    assert_eq!(fields[0], "P5");
    let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Gray { width, height, px: data[pos..].to_vec(), scale: f64::from(dpi) / 72.0 }
}
