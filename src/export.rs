//! Exporting documents to PDF bytes and writing files atomically.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::diag::{Error, Result};

/// Exports a document to PDF bytes, reproducibly: a fixed identifier and timestamp.
/// Reading PDFs are tagged (accessible); print sheets are not (their pages are out of
/// reading order by design).
pub fn pdf(
    document: &PagedDocument,
    ident: &str,
    date: Datetime,
    tagged: bool,
) -> Result<Vec<u8>> {
    let options = PdfOptions {
        tagged,
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("livret {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|diags| {
        let messages: Vec<String> = diags.iter().map(|d| d.message.to_string()).collect();
        Error::new(format!("PDF export failed ({})", messages.join("; ")))
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a reader never sees a half-written file, even if livret is killed
/// midway. (No fsync: it would cost more than imposing a short booklet, and an
/// interrupted build is simply run again.)
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|err| Error::io("create folder", dir, err))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    // Unique per process and write: build threads may write the same cache file.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|err| {
        let _ = fs::remove_file(&tmp);
        Error::io("write", path, err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
