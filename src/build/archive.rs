//! Zip archives that are the same bytes for the same files: entries sorted by name,
//! every one dated the guide's date (at midnight) with the same permissions, deflated
//! the same way — nothing of the machine, the clock or the order files were made.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::util::diag::{Error, Result};

/// Permissions recorded for every entry: readable by all, writable by the owner.
const MODE: u32 = 0o644;

/// The bytes of a zip archive holding `files` (name, bytes), sorted by name, each
/// dated `date` (year, month, day; zip dates run from 1980 to 2107, so a date outside
/// is moved to the nearest end).
pub fn zip(files: &[(String, Vec<u8>)], date: (i32, u8, u8)) -> Result<Vec<u8>> {
    let fail = |e: zip::result::ZipError| {
        Error::new(crate::tr!("build-zip-failed", reason = e.to_string()))
    };
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_date(date))
        .unix_permissions(MODE);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in sorted {
        writer.start_file(name.as_str(), options).map_err(fail)?;
        writer.write_all(bytes).map_err(|e| fail(e.into()))?;
    }
    Ok(writer.finish().map_err(fail)?.into_inner())
}

/// `date` at midnight as a zip (MS-DOS) date, within the range zip can store.
fn zip_date((year, month, day): (i32, u8, u8)) -> DateTime {
    let (year, month, day) = match year {
        ..1980 => (1980, 1, 1),
        2108.. => (2107, 12, 31),
        _ => (year as u16, month, day),
    };
    DateTime::from_date_and_time(year, month, day, 0, 0, 0).unwrap_or_default()
}
