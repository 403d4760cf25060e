//! `livret po export` and `livret po import`: a translation as PO files, one per
//! chapter, one entry per block of the source (see `project::segments`), for
//! translators who work in Poedit, Lokalize or Weblate; and back into the chapters.

pub mod pofile;
