//! Typst's PDF finished after export, in one pass: the reading direction of a
//! right-to-left language (`/ViewerPreferences << /Direction /R2L >>`, which typst-pdf
//! does not write) and, for the editions people download, a compact layout — the small
//! objects packed into compressed object streams and a cross-reference stream (PDF 1.5)
//! in place of the plain table, which makes a tagged PDF a third lighter.

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, SaveOptions};

use crate::project::manifest::Direction;
use crate::util::diag::{Error, Result};

/// How many objects go into one object stream: large enough for deflate to find the
/// repeats across structure elements, small enough that a reader unpacks little for one.
const OBJECTS_PER_STREAM: usize = 200;

/// What to do to a PDF typst exported.
#[derive(Debug, Clone, Copy)]
pub struct Finish {
    /// The language's reading direction (right to left is declared to viewers).
    pub dir: Direction,
    /// Rewrite with object streams and a cross-reference stream.
    pub compact: bool,
}

/// Whether a PDF meant to meet `standard` may be written compact: object streams and
/// cross-reference streams came with PDF 1.5, so not for PDF 1.4 nor PDF/A-1 (which
/// is PDF 1.4); every later PDF/A allows them.
pub fn compact_allowed(standard: Option<typst_pdf::PdfStandard>) -> bool {
    use typst_pdf::PdfStandard as S;
    !matches!(standard, Some(S::V_1_4 | S::A_1b | S::A_1a))
}

/// Finishes a PDF typst exported. Nothing to do gives the bytes back untouched; a
/// compact rewrite keeps every object as typst wrote it (tags, PDF/A metadata, the
/// fixed `/ID`), in the same order, so the same input always gives the same output.
pub fn finish(bytes: Vec<u8>, finish: Finish) -> Result<Vec<u8>> {
    let rtl = finish.dir == Direction::Rtl;
    let result = match (finish.compact, rtl) {
        (false, false) => return Ok(bytes),
        (false, true) => right_to_left_update(bytes),
        (true, _) => rewrite(&bytes, rtl),
    };
    result.map_err(|e| {
        Error::new(crate::tr!("typeset-pdf-finish-failed", reason = e.to_string()))
    })
}

/// Declares the reading direction of `dir` in a PDF's catalog, so viewers show spreads
/// right to left. A left-to-right language's bytes come back untouched; a right-to-left
/// one gets an incremental update holding only the new catalog (every other byte, the
/// tags and the PDF/A metadata stay as typst wrote them).
pub fn with_direction(bytes: Vec<u8>, dir: Direction) -> Result<Vec<u8>> {
    finish(bytes, Finish { dir, compact: false })
}

/// The catalog of `doc` with `/Direction /R2L` in its viewer preferences.
fn r2l_catalog(doc: &Document) -> lopdf::Result<(ObjectId, Dictionary)> {
    let root = doc.trailer.get(b"Root")?.as_reference()?;
    let mut catalog = doc.get_dictionary(root)?.clone();
    let mut prefs = match catalog.get(b"ViewerPreferences") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(id)) => doc.get_dictionary(*id)?.clone(),
        _ => Dictionary::new(),
    };
    prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    Ok((root, catalog))
}

/// The right-to-left catalog appended as an incremental update.
fn right_to_left_update(bytes: Vec<u8>) -> lopdf::Result<Vec<u8>> {
    let doc = Document::load_mem(&bytes)?;
    let (root, catalog) = r2l_catalog(&doc)?;
    let mut update = IncrementalDocument::create_from(bytes, doc);
    update.new_document.objects.insert(root, Object::Dictionary(catalog));
    let mut out = Vec::new();
    update.save_to(&mut out)?;
    Ok(out)
}

/// The whole file written again with object streams and a cross-reference stream
/// (the right-to-left catalog in place when `rtl`). Streams (pages, fonts, images,
/// the XMP metadata) are copied byte for byte; only their framing changes.
fn rewrite(bytes: &[u8], rtl: bool) -> lopdf::Result<Vec<u8>> {
    let mut doc = Document::load_mem(bytes)?;
    if rtl {
        let (root, catalog) = r2l_catalog(&doc)?;
        doc.objects.insert(root, Object::Dictionary(catalog));
    }
    let options = SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        .compression_level(9)
        .build();
    let mut out = Vec::with_capacity(bytes.len());
    doc.save_with_options(&mut out, options)?;
    Ok(out)
}
