//! Placing the pages of an external PDF on printer sheets, keeping them vector.
//!
//! This is the backend of `livret impose INPUT.pdf` for PDFs made elsewhere. Every input
//! page that the plan uses becomes one Form XObject (its content streams, its resources
//! resolved through the page tree, its box as `/BBox`), written once; every output page is
//! a sheet side whose small content stream places those forms with `q cm Do Q`, each clipped
//! to its slot. Fonts, images and other resources are moved to the output untouched and
//! shared, so the output is about as large as the input and text stays extractable.
//!
//! Geometry: a page is drawn by its *trim box* (`/TrimBox`, else `/CropBox`, else
//! `/MediaBox`) turned by its `/Rotate`; its *bleed* (how far `/BleedBox`, else the crop
//! box, extends beyond the trim box) shows beyond the slot on the sides where no other slot
//! touches, up to half the gap to the next slot, so it runs under the cut at free edges.
//!
//! Output is deterministic: objects are numbered in the order they are first met, no dates
//! and no random identifiers are written. Left out, as print output needs none of them:
//! annotations (links, form fields: flatten forms first), outlines, the structure tree and
//! the document's metadata stream; optional content (layers) is kept.

mod content_box;
mod copy;
mod draw;
mod font_widths;
mod placements;
mod read;
mod types;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, SaveOptions};

use crate::choice::Rotation;
use crate::plan::{Imposition, SidePlan};
use crate::sides::all_sides;
use copy::Copier;
use draw::{MarkResources, Sheets};
use read::{
    PageGeom, contains, doc_title, lowercase, reads_right_to_left, resolve, walk_pages,
};

use crate::fit::place;
/// Which sheet side to write, by 0-based sheet index (shared with frame placement).
pub use crate::sides::SideRef;
pub use placements::PagePlacement;
pub use read::TrimRule;
pub use types::{InputInfo, PdfError, PlaceOptions, SIZE_TOLERANCE, Sides};

/// Reads the page count, trim sizes, bleeds and title of a PDF.
///
/// Fails when the input is not a PDF, needs a password to open, is damaged past recovery
/// or has no pages. A PDF protected by an owner password only is decrypted in memory.
pub fn read_info(input: &[u8]) -> Result<InputInfo, PdfError> {
    Ok(PdfInput::parse(input)?.info())
}

/// Imposes a PDF by `plan`: one output page per entry of `options.order`, sheet-sized.
///
/// Fails as [`read_info`] does, when the plan names pages or sheets the input or plan does
/// not have, or when a page's trim size differs from the plan's (once turned, with
/// `options.turn`) and `options.fit` is exact.
pub fn impose_pdf(
    input: &[u8],
    plan: &Imposition,
    options: &PlaceOptions,
) -> Result<Vec<u8>, PdfError> {
    PdfInput::parse(input)?.impose(plan, options)
}

/// The input's objects moved for output, before the sheet pages are added.
struct Copied {
    /// The copier holding the output objects.
    copier: Copier,
    /// The id reserved for the catalog.
    catalog: ObjectId,
    /// The id reserved for the page tree.
    tree: ObjectId,
    /// The form of each input page, if drawn.
    forms: Vec<Option<ObjectId>>,
    /// The optional content properties, remapped.
    layers: Option<Object>,
    /// The input's PDF version.
    version: String,
    /// The input pages.
    pages: Vec<PageGeom>,
}

/// A parsed input PDF: read once, then asked for its [`InputInfo`] or imposed.
pub struct PdfInput {
    doc: Document,
    pages: Vec<PageGeom>,
    title: Option<String>,
    protected: bool,
    right_to_left: bool,
    print_forbidden: bool,
}

impl fmt::Debug for PdfInput {
    /// Shows the page count and title.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PdfInput")
            .field("pages", &self.pages.len())
            .field("title", &self.title)
            .finish()
    }
}

impl PdfInput {
    /// Parses a PDF and its page tree.
    ///
    /// Fails when the input is not a PDF, needs a password to open, is damaged past
    /// recovery or has no pages. Owner-password protection (lopdf opens such a file with
    /// the empty user password) is removed in memory: the output is never encrypted.
    pub fn parse(input: &[u8]) -> Result<Self, PdfError> {
        let head = &input[..input.len().min(1024)];
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(PdfError::NotPdf);
        }
        let doc = match Document::load_mem_with_options(input, LoadOptions::default()) {
            Ok(doc) => doc,
            Err(_) if contains(input, b"/Encrypt") => return Err(PdfError::Encrypted),
            Err(err) => return Err(PdfError::Corrupt(lowercase(&err.to_string()))),
        };
        // lopdf decrypts when the empty user password opens the file and then drops
        // `/Encrypt`; a file it could not open keeps it.
        if doc.trailer.has(b"Encrypt") {
            return Err(PdfError::Encrypted);
        }
        let protected = doc.encryption_state.is_some();
        let print_forbidden = doc
            .encryption_state
            .as_ref()
            .is_some_and(|s| !s.permissions().contains(lopdf::Permissions::PRINTABLE));
        let pages = walk_pages(&doc)?;
        if pages.is_empty() {
            return Err(PdfError::Empty);
        }
        let title = doc_title(&doc);
        let right_to_left = reads_right_to_left(&doc);
        Ok(Self { doc, pages, title, protected, right_to_left, print_forbidden })
    }

    /// Page count, trim sizes, bleeds, title and reading direction.
    pub fn info(&self) -> InputInfo {
        InputInfo {
            pages: self.pages.len(),
            sizes: self.pages.iter().map(PageGeom::size).collect(),
            bleed: self.pages.iter().map(PageGeom::bleed).collect(),
            title: self.title.clone(),
            protected: self.protected,
            right_to_left: self.right_to_left,
            print_forbidden: self.print_forbidden,
        }
    }

    /// Gives every page without a `/TrimBox` the trim `rule` says (`--trim WxH` centred in
    /// its page box, or `--bleed N` inside it), its page box becoming its bleed; returns
    /// how many pages took it. Fails, naming the first page, when the trim is larger than
    /// a page or leaves nothing.
    pub fn set_trim(&mut self, rule: TrimRule) -> Result<usize, PdfError> {
        let mut changed = 0;
        for (i, page) in self.pages.iter_mut().enumerate() {
            let had = page.has_trim;
            page.set_trim(rule).map_err(|size| PdfError::BadBox {
                page: i + 1,
                problem: match rule {
                    TrimRule::Size(t) => format!(
                        "it is {} and cannot hold a trim of {}",
                        types::size_text(size),
                        types::size_text(t)
                    ),
                    TrimRule::Bleed(b) => format!(
                        "it is {} and a bleed of {} mm on every side leaves nothing",
                        types::size_text(size),
                        crate::geometry::fmt_mm(b)
                    ),
                },
            })?;
            changed += usize::from(!had);
        }
        Ok(changed)
    }

    /// What each page paints, as a box (x0, y0, x1, y1) in pt from the top-left of its
    /// trim as displayed (after `/Rotate`), y down; `None` for a page that paints
    /// nothing. Read from the content streams, not rendered: see [`content_box`].
    pub fn content_boxes(&self) -> Vec<Option<(f64, f64, f64, f64)>> {
        (0..self.pages.len()).map(|i| self.content_box(i)).collect()
    }

    /// The box page `index` (0-based) is drawn in on a sheet, before the slot's clip:
    /// its bleed box when it has a trim box, else its trim; (x0, y0, x1, y1) in its
    /// user space (y up). `None` for a page that is not there.
    pub fn drawn_box(&self, index: usize) -> Option<(f64, f64, f64, f64)> {
        let b = self.pages.get(index)?.bbox;
        Some((b.x0, b.y0, b.x1, b.y1))
    }

    /// What page `index` (0-based) paints, as [`PdfInput::content_boxes`] gives it
    /// (`None` too for a page that is not there): pages can be read on several threads.
    pub fn content_box(&self, index: usize) -> Option<(f64, f64, f64, f64)> {
        let page = self.pages.get(index)?;
        let b = content_box::content_box(&self.doc, page)?;
        let t = page.trim;
        let (w, h) = (t.width(), t.height());
        let (u0, u1) = (b.x0 - t.x0, b.x1 - t.x0);
        let (v0, v1) = (t.y1 - b.y1, t.y1 - b.y0);
        Some(match page.rotate {
            Rotation::R0 => (u0, v0, u1, v1),
            Rotation::R90 => (h - v1, u0, h - v0, u1),
            Rotation::R180 => (w - u1, h - v1, w - u0, h - v0),
            Rotation::R270 => (v0, w - u1, v1, w - u0),
        })
    }

    /// The pages of each side of `options.order` (every side when empty) as
    /// [`PdfInput::impose`] would draw them, in the same order; fails as it would.
    pub fn placements(
        &self,
        plan: &Imposition,
        options: &PlaceOptions,
    ) -> Result<Vec<Vec<PagePlacement>>, PdfError> {
        let order = if options.order.is_empty() {
            all_sides(plan)
        } else {
            options.order.clone()
        };
        self.check(plan, options, &order)?;
        Ok(placements::side_placements(&self.pages, plan, options, &order))
    }

    /// Imposes the document by `plan`; see [`impose_pdf`].
    pub fn impose(
        self,
        plan: &Imposition,
        options: &PlaceOptions,
    ) -> Result<Vec<u8>, PdfError> {
        let order = if options.order.is_empty() {
            all_sides(plan)
        } else {
            options.order.clone()
        };
        let used = self.check(plan, options, &order)?;
        let title = self.title.clone().or_else(|| {
            let t = options.title.trim();
            (!t.is_empty()).then(|| t.to_string())
        });
        let Copied { mut copier, catalog, tree, forms, layers, version, pages } =
            self.copy_forms(&used)?;
        let sides: Vec<&SidePlan> =
            order.iter().filter_map(|side| side.get(plan)).collect();
        let marks = MarkResources::new(&mut copier, &sides, options);
        let sheets = Sheets { tree, plan, pages: &pages, forms: &forms, options, marks };
        let kids: Vec<Object> = sides
            .iter()
            .map(|side| Object::Reference(sheets.page(&mut copier, side)))
            .collect();

        let mut tree_dict = Dictionary::new();
        tree_dict.set("Type", Object::Name(b"Pages".to_vec()));
        tree_dict.set("Count", Object::Integer(kids.len() as i64));
        tree_dict.set("Kids", Object::Array(kids));
        copier.out.insert(tree, Object::Dictionary(tree_dict));
        let mut cat = Dictionary::new();
        cat.set("Type", Object::Name(b"Catalog".to_vec()));
        cat.set("Pages", Object::Reference(tree));
        if let Some(layers) = layers {
            cat.set("OCProperties", layers);
        }
        copier.out.insert(catalog, Object::Dictionary(cat));
        let info = copier.alloc();
        let mut info_dict = Dictionary::new();
        if let Some(title) = title {
            info_dict.set("Title", lopdf::text_string(&title));
        }
        info_dict.set("Producer", Object::string_literal("livret"));
        copier.out.insert(info, Object::Dictionary(info_dict));
        save(copier, &version, catalog, info)
    }

    /// Moves the forms of the `used` pages (in page order, then everything they use) and
    /// the optional content (layers) they may refer to into a fresh copier, after the ids
    /// of the catalog and the page tree.
    fn copy_forms(self, used: &[bool]) -> Result<Copied, PdfError> {
        let recovered = self.doc.xref_recovery.is_some();
        let PdfInput { mut doc, pages, .. } = self;
        let layers = doc
            .trailer
            .get(b"Root")
            .ok()
            .map(|root| resolve(&doc.objects, root))
            .and_then(|catalog| catalog.as_dict().ok())
            .and_then(|catalog| catalog.get(b"OCProperties").ok())
            .cloned();
        let mut copier = Copier::new(std::mem::take(&mut doc.objects));
        let version = std::mem::take(&mut doc.version);
        drop(doc);
        let catalog = copier.alloc();
        let tree = copier.alloc();
        let mut forms: Vec<Option<ObjectId>> = vec![None; pages.len()];
        let mut shared_res = HashMap::new();
        for (index, page) in pages.iter().enumerate() {
            if used[index] {
                forms[index] = copier.form(index, page, &mut shared_res, recovered)?;
            }
        }
        let layers = layers.map(|mut layers| {
            copier.remap(&mut layers);
            layers
        });
        copier.drain();
        if recovered && copier.dangling > 0 {
            return Err(PdfError::Corrupt(format!(
                "{} objects that the pages use are missing",
                copier.dangling
            )));
        }
        copier.src = BTreeMap::new();
        Ok(Copied { copier, catalog, tree, forms, layers, version, pages })
    }

    /// Checks the side list and plan against the input; returns which pages are drawn.
    fn check(
        &self,
        plan: &Imposition,
        options: &PlaceOptions,
        order: &[SideRef],
    ) -> Result<Vec<bool>, PdfError> {
        let mut used = vec![false; self.pages.len()];
        if !plan.sheet.is_valid() || !plan.scale.is_finite() || plan.scale <= 0.0 {
            return Err(PdfError::PlanMismatch(
                "the sheet size or scale is invalid".into(),
            ));
        }
        for side in order {
            let (SideRef::Front(k) | SideRef::Back(k)) = *side;
            let Some(sheet) = plan.sheets.get(k) else {
                return Err(PdfError::PlanMismatch(format!(
                    "sheet {} is asked for but the plan has {}",
                    k + 1,
                    plan.sheets.len()
                )));
            };
            let side = match side {
                SideRef::Front(_) => &sheet.front,
                SideRef::Back(_) => &sheet.back,
            };
            for slot in &side.slots {
                let Some(page) = slot.page else { continue };
                let Some(geom) = self.pages.get(page) else {
                    return Err(PdfError::PlanMismatch(format!(
                        "the plan places page {} but the input has {} pages",
                        page + 1,
                        self.pages.len()
                    )));
                };
                let valid = [slot.x, slot.y, slot.width, slot.height, slot.shift]
                    .iter()
                    .all(|v| v.is_finite())
                    && slot.width > 0.0
                    && slot.height > 0.0;
                if !valid {
                    return Err(PdfError::PlanMismatch(format!(
                        "the slot of page {} has an invalid box",
                        page + 1
                    )));
                }
                if place(geom.size(), plan.page, options.fit, options.turn).is_none() {
                    return Err(PdfError::PageSize {
                        page: page + 1,
                        size: geom.size(),
                        expected: plan.page,
                    });
                }
                used[page] = true;
            }
        }
        Ok(used)
    }
}

/// Writes the output document: object streams and a cross-reference stream (PDF 1.5).
fn save(
    mut copier: Copier,
    version: &str,
    catalog: ObjectId,
    info: ObjectId,
) -> Result<Vec<u8>, PdfError> {
    let mut out = Document::new();
    out.version = if version > "1.5" && version.len() <= 3 {
        version.to_string()
    } else {
        "1.5".into()
    };
    out.max_id = copier.next.saturating_sub(1);
    out.objects = std::mem::take(&mut copier.out);
    drop(copier);
    out.trailer.set("Root", Object::Reference(catalog));
    out.trailer.set("Info", Object::Reference(info));
    let mut bytes = Vec::new();
    let options = SaveOptions {
        use_object_streams: true,
        use_xref_streams: true,
        ..SaveOptions::default()
    };
    out.save_with_options(&mut bytes, options)
        .map_err(|err| PdfError::Corrupt(format!("cannot write the output ({err})")))?;
    Ok(bytes)
}
