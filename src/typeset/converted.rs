//! Markdown chapters read and converted to Typst once per build, shared by every
//! target that shows them, with their images resolved to project paths and the place
//! of each image's path literal in the Typst made.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use crate::i18n::Text;
use crate::project::chapters::ChapterFile;
use crate::project::manifest::Manifest;
use crate::tr;
use crate::typeset::markdown::{self, ConvertError, ImageRef, string_literal};
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project_text, resolve_in_root};
use crate::util::hash::sha256_hex;
use crate::util::text::without_bom;

/// A Markdown chapter converted to Typst, once per build whatever the number of
/// targets showing it.
#[derive(Debug)]
pub struct Converted {
    /// Typst lines, each with the 1-based chapter line it came from.
    pub lines: Vec<(String, Option<usize>)>,
    /// The images it shows (project-relative path, chapter line), in order, each with
    /// the line and byte range of its path literal in `lines`.
    pub images: Vec<ImageAt>,
    /// Hex SHA-256 of the file's bytes as read.
    pub hash: String,
    /// What the chapter prints otherwise than written.
    pub warnings: Vec<markdown::Refusal>,
}

/// A chapter converted once, by whichever target needs it first.
type Slot = Arc<OnceLock<Result<Arc<Converted>>>>;

/// An image of a converted chapter: its project-relative path, its chapter line, and
/// the line and byte range of its path literal in the Typst lines.
pub type ImageAt = (String, usize, usize, Range<usize>);

/// The chapters one build has converted, by file and language shown: each chapter is
/// read and converted once, by the first target that needs it.
#[derive(Default)]
pub struct ChapterCache {
    converted: Mutex<HashMap<(String, String), Slot>>,
}

impl ChapterCache {
    /// The chapter `file` shown in `lang`, converted now or by an earlier target.
    pub fn get(
        &self,
        manifest: &Manifest,
        file: &ChapterFile,
        lang: &str,
    ) -> Result<Arc<Converted>> {
        let slot = {
            let mut map = self.converted.lock().unwrap_or_else(|e| e.into_inner());
            map.entry((file.rel.clone(), lang.to_string())).or_default().clone()
        };
        slot.get_or_init(|| convert(manifest, file, lang).map(Arc::new)).clone()
    }
}

/// Reads and converts a Markdown chapter shown in `lang`, finding the path literal of
/// each image it shows in the Typst it gives.
fn convert(manifest: &Manifest, file: &ChapterFile, lang: &str) -> Result<Converted> {
    let text = read_project_text(&manifest.root, &file.rel)?;
    let hash = sha256_hex(text.as_bytes());
    let text = without_bom(text);
    let mut found: Vec<(String, usize)> = Vec::new();
    let converted = markdown::to_typst(&text, |image| {
        let path = resolve_image(manifest, lang, &file.rel, &image)?;
        found.push((path.clone(), image.line));
        Ok::<_, Error>(path)
    })
    .map_err(|err| match err {
        ConvertError::Image(err) => err,
        ConvertError::Refused(refusal) => {
            Error::at(Path::new(&file.rel), Some((refusal.line, 1)), refusal.message)
                .with_hint(refusal.hint)
        }
    })?;
    let lines: Vec<(String, Option<usize>)> = converted
        .typst
        .lines()
        .enumerate()
        .map(|(i, text)| (text.to_string(), converted.lines.get(i).copied()))
        .collect();
    let images = image_literals(&lines, found).ok_or_else(|| {
        Error::new(tr!("typeset-image-call-lost", file = file.rel.as_str()))
    })?;
    Ok(Converted { lines, images, hash, warnings: converted.warnings })
}

/// Each image's path literal in the converted lines, in order: the Markdown converter
/// writes `#book-image("<path>", …)`, a text it escapes everywhere else (`(` is
/// always escaped in text and quotes inside string literals), so the next such call is
/// the next image's. `None` if one is not found.
fn image_literals(
    lines: &[(String, Option<usize>)],
    images: Vec<(String, usize)>,
) -> Option<Vec<ImageAt>> {
    let (mut line, mut col) = (0, 0);
    let mut out = Vec::with_capacity(images.len());
    for (path, chapter_line) in images {
        let literal = string_literal(&path);
        let call = format!("#book-image({literal}");
        loop {
            let text = &lines.get(line)?.0;
            if let Some(found) = text[col..].find(&call) {
                let start = col + found + "#book-image(".len();
                col = start + literal.len();
                let rel = path.trim_start_matches('/').to_string();
                out.push((rel, chapter_line, line, start..col));
                break;
            }
            (line, col) = (line + 1, 0);
        }
    }
    Some(out)
}

/// The file name endings of the images typst can print (any case).
const IMAGE_FORMATS: [&str; 7] = ["png", "jpg", "jpeg", "gif", "webp", "svg", "pdf"];

/// Maps an image destination written in a chapter to a project path Typst loads.
///
/// Paths are relative to `sources/`; `sources/images/<lang>/x` overrides `sources/images/x`.
fn resolve_image(
    manifest: &Manifest,
    lang: &str,
    chapter: &str,
    image: &ImageRef,
) -> Result<String> {
    let at = |msg: Text| Error::at(Path::new(chapter), Some((image.line, 1)), msg);
    let dest = image.dest.trim();
    if dest.contains("://") {
        return Err(at(tr!("typeset-image-web", dest = dest))
            .with_hint(tr!("typeset-image-web-hint")));
    }
    let rel = dest.trim_start_matches("./");
    if rel.starts_with('/') || rel.split('/').any(|part| part == "..") {
        return Err(at(tr!("typeset-image-outside", dest = dest))
            .with_hint(tr!("typeset-image-outside-hint")));
    }
    if let Some((_, ext)) = rel.rsplit_once('.')
        && !ext.contains('/')
        && !IMAGE_FORMATS.contains(&ext.to_ascii_lowercase().as_str())
    {
        return Err(at(tr!("typeset-image-format", dest = dest, ext = ext))
            .with_hint(tr!("typeset-image-format-hint")));
    }
    let localized =
        rel.strip_prefix("images/").map(|rest| format!("sources/images/{lang}/{rest}"));
    let candidates = localized.into_iter().chain([format!("sources/{rel}")]);
    for candidate in candidates {
        if manifest.root.join(&candidate).symlink_metadata().is_ok() {
            return resolve_in_root(&manifest.root, &candidate)
                .map(|_| format!("/{candidate}"))
                .map_err(|problem| {
                    at(tr!(
                        "typeset-image-refused",
                        dest = dest,
                        problem = problem.to_string()
                    ))
                });
        }
    }
    let looked = format!("sources/{rel}");
    Err(at(tr!("typeset-image-missing", dest = dest, looked = looked))
        .with_hint(tr!("typeset-image-missing-hint")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Converted lines with images, as `convert` finds them.
    fn found(markdown: &str) -> Option<Vec<ImageAt>> {
        let mut images = Vec::new();
        let converted = markdown::to_typst::<()>(markdown, |image| {
            let path = format!("/sources/{}", image.dest);
            images.push((path.clone(), image.line));
            Ok(path)
        })
        .unwrap();
        let lines: Vec<(String, Option<usize>)> =
            converted.typst.lines().map(|l| (l.to_string(), None)).collect();
        image_literals(&lines, images).map(|found| {
            found
                .into_iter()
                .map(|(path, line, at, range)| {
                    assert_eq!(
                        lines[at].0[range.clone()],
                        string_literal(&format!("/{path}"))
                    );
                    (path, line, at, range)
                })
                .collect()
        })
    }

    #[test]
    fn each_image_literal_is_found_in_order_and_text_is_never_taken_for_one() {
        // The text names the same call and path as the image: escaped, it is not one.
        let md = "Voir #book-image(\"/sources/images/a.png\", alt: x) ici.\n\n![A](images/a.png)\n\n![B](images/b.png) et ![A encore](images/a.png)\n";
        let found = found(md).expect("every image found");
        let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            paths,
            ["sources/images/a.png", "sources/images/b.png", "sources/images/a.png"]
        );
        assert_eq!(found.iter().map(|f| f.1).collect::<Vec<_>>(), [3, 5, 5]);
        assert!(found[1].3.end <= found[2].3.start || found[1].2 < found[2].2);
    }
}
