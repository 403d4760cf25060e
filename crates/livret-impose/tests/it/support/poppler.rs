//! Output PDFs read back with poppler (pdftotext, pdfinfo, pdftoppm).

#![allow(dead_code)]

use std::io::Write;
use std::process::Command;

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
    let out = Command::new("pdftotext").arg(f.path()).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
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
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "100000"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
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
    let out = Command::new("pdftoppm")
        .args([
            "-gray",
            "-r",
            &dpi.to_string(),
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let data = out.stdout;
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
