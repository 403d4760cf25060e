//! Viewer preferences written after export: the reading direction of a right-to-left
//! language (`/ViewerPreferences << /Direction /R2L >>`), which typst-pdf does not write.

use lopdf::{Dictionary, Document, IncrementalDocument, Object};

use crate::project::manifest::Direction;
use crate::util::diag::{Error, Result};

/// Declares the reading direction of `dir` in a PDF's catalog, so viewers show spreads
/// right to left. A left-to-right language's bytes come back untouched; a right-to-left
/// one gets an incremental update holding only the new catalog (every other byte, the
/// tags and the PDF/A metadata stay as typst wrote them, and the same input always
/// gives the same output).
pub fn with_direction(bytes: Vec<u8>, dir: Direction) -> Result<Vec<u8>> {
    match dir {
        Direction::Ltr => Ok(bytes),
        Direction::Rtl => right_to_left(bytes).map_err(|e| {
            Error::new(format!("could not mark the PDF right to left ({e})"))
        }),
    }
}

fn right_to_left(bytes: Vec<u8>) -> std::result::Result<Vec<u8>, lopdf::Error> {
    let doc = Document::load_mem(&bytes)?;
    let root = doc.trailer.get(b"Root")?.as_reference()?;
    let mut catalog = doc.get_dictionary(root)?.clone();
    let mut prefs = match catalog.get(b"ViewerPreferences") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(id)) => doc.get_dictionary(*id)?.clone(),
        _ => Dictionary::new(),
    };
    prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    let mut update = IncrementalDocument::create_from(bytes, doc);
    update.new_document.objects.insert(root, Object::Dictionary(catalog));
    let mut out = Vec::new();
    update.save_to(&mut out)?;
    Ok(out)
}
