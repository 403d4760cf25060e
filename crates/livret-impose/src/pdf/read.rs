//! Reading an input PDF: its page tree, page boxes, turns and title.

use std::collections::{BTreeMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::types::{PdfError, Sides};
use crate::choice::Rotation;
use crate::geometry::{MAX_SIDE, Size, to_mm};

/// Deepest page tree accepted.
const MAX_TREE_DEPTH: usize = 256;

/// The page size assumed when a page has no usable `/MediaBox` (US Letter, as viewers do).
const DEFAULT_MEDIA: Bounds = Bounds { x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0 };

/// A rectangle in a page's default user space (y up), normalised so x0 ≤ x1, y0 ≤ y1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bounds {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl Bounds {
    /// Width in pt.
    pub(super) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pt.
    pub(super) fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether both sides are finite and at least a hundredth of a point.
    pub(super) fn is_usable(&self) -> bool {
        [self.x0, self.y0, self.x1, self.y1].iter().all(|v| v.is_finite())
            && self.width() >= 0.01
            && self.height() >= 0.01
    }

    /// The common part of two boxes, if it is usable.
    pub(super) fn intersect(&self, other: &Bounds) -> Option<Bounds> {
        let b = Bounds {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        b.is_usable().then_some(b)
    }

    /// The smallest box holding both.
    pub(super) fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The box as a PDF array.
    pub(super) fn to_object(self) -> Object {
        Object::Array(
            [self.x0, self.y0, self.x1, self.y1].iter().map(|&v| real(v)).collect(),
        )
    }
}

/// A number as a PDF object: an integer when it is one, else a real.
pub(super) fn real(v: f64) -> Object {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        Object::Integer(v as i64)
    } else {
        Object::Real(v as f32)
    }
}

/// One input page as read: its dictionary, boxes, turn and where its resources live.
#[derive(Debug, Clone)]
pub(super) struct PageGeom {
    /// The page dictionary's object.
    pub(super) id: ObjectId,
    /// The trim box in user space.
    pub(super) trim: Bounds,
    /// What the form draws (its `/BBox`): the bleed box when there is a trim box, else the
    /// trim box.
    pub(super) bbox: Bounds,
    /// The page's own `/Rotate`, clockwise as displayed.
    pub(super) rotate: Rotation,
    /// The page or ancestor whose `/Resources` the page uses.
    pub(super) resources: Option<ObjectId>,
    /// Whether the trim came from the page's own `/TrimBox`.
    pub(super) has_trim: bool,
}

impl PageGeom {
    /// The trim size as displayed (after `/Rotate`), in pt.
    pub(super) fn size(&self) -> Size {
        let size = Size::new(self.trim.width(), self.trim.height());
        if self.rotate.is_quarter() { size.rotated() } else { size }
    }

    /// Gives a page without a `/TrimBox` the trim `rule` says, inside its page box (which
    /// becomes its bleed); `Err` with the page's size when the trim does not fit in it.
    pub(super) fn set_trim(&mut self, rule: TrimRule) -> Result<(), Size> {
        if self.has_trim {
            return Ok(());
        }
        let outer = self.bbox;
        let (w, h) = match rule {
            TrimRule::Size(size) => {
                let s = if self.rotate.is_quarter() { size.rotated() } else { size };
                (s.width, s.height)
            }
            TrimRule::Bleed(bleed) => {
                (outer.width() - 2.0 * bleed, outer.height() - 2.0 * bleed)
            }
        };
        let tol = crate::geometry::FIT_TOLERANCE;
        if w <= 0.0 || h <= 0.0 || w > outer.width() + tol || h > outer.height() + tol {
            return Err(self.size());
        }
        let (cx, cy) = ((outer.x0 + outer.x1) / 2.0, (outer.y0 + outer.y1) / 2.0);
        self.trim = Bounds {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        };
        self.bbox = outer.union(&self.trim);
        Ok(())
    }

    /// The bleed beyond the trim box on each side as displayed, in pt.
    pub(super) fn bleed(&self) -> Sides {
        Sides {
            top: self.bbox.y1 - self.trim.y1,
            right: self.bbox.x1 - self.trim.x1,
            bottom: self.trim.y0 - self.bbox.y0,
            left: self.trim.x0 - self.bbox.x0,
        }
        .turned(self.rotate)
    }
}

/// Where the trim is on pages without a `/TrimBox`: `--trim` or `--bleed`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TrimRule {
    /// A trim of this size as displayed, centred in the page box.
    Size(Size),
    /// The page box less this much (pt) on every side.
    Bleed(f64),
}

/// Page attributes a page inherits from its ancestors in the page tree.
#[derive(Debug, Clone, Default)]
pub(super) struct Inherited {
    pub(super) resources: Option<ObjectId>,
    pub(super) media: Option<Bounds>,
    /// A `/MediaBox` written but unusable (empty, not numbers), as written.
    pub(super) bad_media: Option<String>,
    pub(super) crop: Option<Bounds>,
    pub(super) rotate: i64,
}

/// Whether `needle` occurs in `haystack`.
pub(super) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An error text with its first letter lowercased, as our messages are.
pub(super) fn lowercase(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Follows references from `obj` (a few levels) to the object they name.
pub(super) fn resolve<'a>(
    objects: &'a BTreeMap<ObjectId, Object>,
    mut obj: &'a Object,
) -> &'a Object {
    for _ in 0..8 {
        match obj {
            Object::Reference(id) => match objects.get(id) {
                Some(next) => obj = next,
                None => return &Object::Null,
            },
            _ => return obj,
        }
    }
    &Object::Null
}

/// A number, following references.
pub(super) fn number(objects: &BTreeMap<ObjectId, Object>, obj: &Object) -> Option<f64> {
    match resolve(objects, obj) {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A page box entry of `dict`, normalised; `None` if absent or unusable.
pub(super) fn read_box(
    objects: &BTreeMap<ObjectId, Object>,
    dict: &Dictionary,
    key: &[u8],
) -> Option<Bounds> {
    let Object::Array(items) = resolve(objects, dict.get(key).ok()?) else { return None };
    if items.len() != 4 {
        return None;
    }
    let v: Vec<f64> = items.iter().filter_map(|o| number(objects, o)).collect();
    let [a, b, c, d] = v[..] else { return None };
    let bounds = Bounds { x0: a.min(c), y0: b.min(d), x1: a.max(c), y1: b.max(d) };
    bounds.is_usable().then_some(bounds)
}

/// Walks the page tree in document order, resolving inherited attributes and page boxes.
pub(super) fn walk_pages(doc: &Document) -> Result<Vec<PageGeom>, PdfError> {
    let objects = &doc.objects;
    let no_tree = || PdfError::Corrupt("it has no readable page tree".into());
    let catalog = doc.trailer.get(b"Root").map_err(|_| no_tree())?;
    let Object::Dictionary(catalog) = resolve(objects, catalog) else {
        return Err(no_tree());
    };
    let Ok(Object::Reference(root)) = catalog.get(b"Pages") else {
        return Err(no_tree());
    };
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![(*root, Inherited::default(), 0usize)];
    while let Some((id, mut inherit, depth)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(Object::Dictionary(dict)) = objects.get(&id) else {
            return Err(PdfError::Corrupt(if pages.is_empty() && depth == 0 {
                "it has no readable page tree".into()
            } else {
                format!("page {} is missing", pages.len() + 1)
            }));
        };
        if dict.has(b"Resources") {
            inherit.resources = Some(id);
        }
        if let Some(media) = read_box(objects, dict, b"MediaBox") {
            inherit.media = Some(media);
            inherit.bad_media = None;
        } else if let Ok(written) = dict.get(b"MediaBox") {
            inherit.bad_media = Some(box_text(objects, written));
        }
        if let Some(crop) = read_box(objects, dict, b"CropBox") {
            inherit.crop = Some(crop);
        }
        if let Ok(rotate) = dict.get(b"Rotate")
            && let Some(r) = number(objects, rotate)
            && r.is_finite()
        {
            inherit.rotate = r.round().clamp(-1e9, 1e9) as i64;
        }
        let is_page = matches!(dict.get(b"Type"), Ok(Object::Name(n)) if n == b"Page");
        let kids = dict.get(b"Kids").map(|k| resolve(objects, k));
        if let (false, Ok(Object::Array(kids))) = (is_page, kids) {
            if depth >= MAX_TREE_DEPTH {
                return Err(PdfError::Corrupt("its page tree is too deep".into()));
            }
            for kid in kids.iter().rev() {
                match kid {
                    Object::Reference(kid) => {
                        stack.push((*kid, inherit.clone(), depth + 1))
                    }
                    _ => {
                        return Err(PdfError::Corrupt(
                            "its page tree holds a page that is not an object".into(),
                        ));
                    }
                }
            }
            continue;
        }
        if depth == 0 {
            // The root is a Pages node without kids: no pages.
            if !is_page {
                break;
            }
        }
        let geom = checked_page(objects, id, dict, &inherit, pages.len() + 1)?;
        pages.push(geom);
    }
    Ok(pages)
}

/// A leaf page's geometry, refused when its MediaBox is unusable or larger than a PDF
/// page may be (`n` is its 1-based number, for the message).
fn checked_page(
    objects: &BTreeMap<ObjectId, Object>,
    id: ObjectId,
    dict: &Dictionary,
    inherit: &Inherited,
    n: usize,
) -> Result<PageGeom, PdfError> {
    if let Some(written) = &inherit.bad_media {
        return Err(PdfError::BadBox {
            page: n,
            problem: format!(
                "its MediaBox {written} is not a page (a box needs four numbers and a width and height above zero)"
            ),
        });
    }
    let geom = page_geom(objects, id, dict, inherit);
    let size = geom.size();
    if size.width.max(size.height) > MAX_SIDE {
        return Err(PdfError::BadBox {
            page: n,
            problem: format!(
                "it is {:.0} × {:.0} pt ({:.1} × {:.1} m), larger than a PDF page may be (200 in, 5.08 m)",
                size.width,
                size.height,
                to_mm(size.width) / 1000.0,
                to_mm(size.height) / 1000.0
            ),
        });
    }
    Ok(geom)
}

/// A page box as written in the file, for messages: `[0 0 0 0]`, `[0 0 NaN 842]`.
fn box_text(objects: &BTreeMap<ObjectId, Object>, written: &Object) -> String {
    match resolve(objects, written) {
        Object::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .take(8)
                .map(|o| match number(objects, o) {
                    Some(v) => format!("{v}"),
                    None => "?".into(),
                })
                .collect();
            format!("[{}]", parts.join(" "))
        }
        _ => "(not an array)".into(),
    }
}

/// A leaf page's boxes and turn.
pub(super) fn page_geom(
    objects: &BTreeMap<ObjectId, Object>,
    id: ObjectId,
    dict: &Dictionary,
    inherit: &Inherited,
) -> PageGeom {
    let media = inherit.media.unwrap_or(DEFAULT_MEDIA);
    let crop = inherit.crop.and_then(|c| c.intersect(&media)).unwrap_or(media);
    let given = read_box(objects, dict, b"TrimBox").and_then(|t| t.intersect(&crop));
    let (trim, bbox) = match given {
        Some(trim) => {
            let bleed = read_box(objects, dict, b"BleedBox")
                .and_then(|b| b.intersect(&crop))
                .unwrap_or(crop);
            (trim, bleed.union(&trim))
        }
        None => (crop, crop),
    };
    let quarters = (inherit.rotate.rem_euclid(360) + 45) / 90;
    let rotate = Rotation::from_degrees(quarters * 90).unwrap_or_default();
    PageGeom {
        id,
        trim,
        bbox,
        rotate,
        resources: inherit.resources,
        has_trim: given.is_some(),
    }
}

/// The document title from the Info dictionary, trimmed; `None` if absent or blank.
pub(super) fn doc_title(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let Object::Dictionary(info) = resolve(&doc.objects, info) else { return None };
    let title = resolve(&doc.objects, info.get(b"Title").ok()?);
    let text = lopdf::decode_text_string(title).ok()?;
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text = text.trim();
    let placeholder = [
        "untitled",
        "untitled document",
        "sans titre",
        "document sans titre",
        "about:blank",
        "document",
    ]
    .contains(&text.to_lowercase().as_str());
    (!text.is_empty() && !placeholder).then(|| text.to_string())
}

/// Whether the catalog's `/ViewerPreferences /Direction` is `/R2L`: the document reads
/// right to left (its spreads, and so its binding, are mirrored).
pub(super) fn reads_right_to_left(doc: &Document) -> bool {
    let Ok(root) = doc.trailer.get(b"Root") else { return false };
    let Object::Dictionary(catalog) = resolve(&doc.objects, root) else { return false };
    let Ok(prefs) = catalog.get(b"ViewerPreferences") else { return false };
    let Object::Dictionary(prefs) = resolve(&doc.objects, prefs) else { return false };
    let Ok(direction) = prefs.get(b"Direction") else { return false };
    matches!(resolve(&doc.objects, direction), Object::Name(name) if name == b"R2L")
}
