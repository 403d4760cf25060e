//! Whether an image file is whole: its structure walked without decoding the
//! pictures. Decoders are lenient (a JPEG cut short decodes to a grey lower half, a
//! PNG with a bad checksum may still decode), so livret checks what a complete file
//! must have: every PNG chunk with its checksum up to `IEND`, a JPEG's end-of-image
//! marker, a GIF's trailer, a WebP's declared length.

use crate::i18n::Text;
use crate::tr;
use image::ImageFormat;

/// What is wrong with the structure of `bytes` read as `format`, if anything.
pub fn damage(bytes: &[u8], format: ImageFormat) -> Option<Text> {
    match format {
        ImageFormat::Png => png_damage(bytes),
        ImageFormat::Jpeg => jpeg_damage(bytes),
        ImageFormat::Gif => gif_damage(bytes),
        ImageFormat::WebP => webp_damage(bytes),
        _ => None,
    }
}

/// A big-endian `u32` at `at` (the caller checked the length).
fn be32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The CRC-32 PNG chunks carry (ISO 3309, reflected, polynomial 0xEDB88320).
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// Every chunk after the signature: complete, with a matching CRC, up to `IEND`.
fn png_damage(bytes: &[u8]) -> Option<Text> {
    let mut at = 8;
    loop {
        if at + 12 > bytes.len() {
            return Some(tr!("images-png-short"));
        }
        let length = be32(bytes, at) as usize;
        let kind = String::from_utf8_lossy(&bytes[at + 4..at + 8]).to_string();
        let Some(end) = (at + 12).checked_add(length).filter(|e| *e <= bytes.len())
        else {
            return Some(tr!("images-png-chunk-short", chunk = kind, at = at));
        };
        if crc32(&bytes[at + 4..end - 4]) != be32(bytes, end - 4) {
            return Some(tr!("images-png-crc", chunk = kind, at = at));
        }
        if kind == "IEND" {
            return None;
        }
        at = end;
    }
}

/// Segments and entropy-coded data walked from the start marker to the end-of-image
/// marker (data after it, which some cameras add, is allowed).
fn jpeg_damage(bytes: &[u8]) -> Option<Text> {
    let short = || Some(tr!("images-jpeg-short"));
    let mut at = 2;
    loop {
        // Skip anything that is not a marker, as decoders do.
        while at < bytes.len() && bytes[at] != 0xFF {
            at += 1;
        }
        if at + 2 > bytes.len() {
            return short();
        }
        let marker = bytes[at + 1];
        match marker {
            0xD9 => return None,
            0xFF => {
                at += 1;
                continue;
            }
            0x00 | 0x01 | 0xD0..=0xD8 => {
                at += 2;
                continue;
            }
            _ => {}
        }
        if at + 4 > bytes.len() {
            return short();
        }
        at += 2 + u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        if at > bytes.len() {
            return short();
        }
        if marker == 0xDA {
            // Scan data: 0xFF is followed by 0x00 (a stuffed byte) or a restart
            // marker until the next real marker.
            while at + 1 < bytes.len()
                && !(bytes[at] == 0xFF
                    && bytes[at + 1] != 0
                    && !(0xD0..=0xD7).contains(&bytes[at + 1]))
            {
                at += 1;
            }
        }
    }
}

/// Blocks after the header and global colour table, up to the trailer (`;`).
fn gif_damage(bytes: &[u8]) -> Option<Text> {
    let short = || Some(tr!("images-gif-short"));
    let table = |flags: u8| if flags & 0x80 != 0 { 3 << ((flags & 7) + 1) } else { 0 };
    let Some(&flags) = bytes.get(10) else { return short() };
    let mut at = 13 + table(flags);
    loop {
        let Some(&block) = bytes.get(at) else { return short() };
        at = match block {
            b';' => return None,
            b'!' => at + 2,
            b',' => {
                let Some(&flags) = bytes.get(at + 9) else { return short() };
                at + 10 + table(flags) + 1
            }
            other => {
                let block = format!("0x{other:02X}");
                return Some(tr!("images-gif-block", block = block, at = at));
            }
        };
        // Data sub-blocks, each led by its length, up to an empty one.
        loop {
            let Some(&len) = bytes.get(at) else { return short() };
            at += 1 + len as usize;
            if len == 0 {
                break;
            }
        }
    }
}

/// The RIFF container holds as many bytes as its header declares.
fn webp_damage(bytes: &[u8]) -> Option<Text> {
    if bytes.len() < 12 {
        return Some(tr!("images-webp-short"));
    }
    let declared =
        u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize + 8;
    (bytes.len() < declared)
        .then(|| tr!("images-webp-cut", size = bytes.len(), declared = declared))
}
