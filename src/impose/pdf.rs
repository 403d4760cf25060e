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

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, SaveOptions, Stream};
use serde::{Deserialize, Serialize};

use super::geometry::{EPS, Rect, Size, fmt_mm};
use super::plan::{Imposition, Mark, Rotation, SidePlan, Slot};

/// Which sheet side to write, by 0-based sheet index (shared with frame placement).
pub use super::place::SideRef;

/// Two trim sizes closer than this on both sides count as the same page size, in pt.
pub const SIZE_TOLERANCE: f64 = 1.0;

/// Largest decoded content stream accepted, in bytes (guards against decompression bombs;
/// the same bound lopdf puts on the streams it decodes while loading).
const MAX_DECODED: usize = lopdf::DEFAULT_MAX_DECOMPRESSED_SIZE;

/// Sheet-side content shorter than this is written uncompressed, in bytes: setting up
/// deflate costs more time than the few bytes it would save are worth.
const COMPRESS_MIN: usize = 512;

/// Deflate level for the streams this module compresses (pages whose content is an array
/// of streams, long sheet sides): zlib's fastest, which halves the time of level 9 on such
/// pages (Octave manual split into arrays: 155 against 308 ms) for a sixth more bytes.
const LEVEL: u32 = 1;

/// Deepest page tree accepted.
const MAX_TREE_DEPTH: usize = 256;

/// The page size assumed when a page has no usable `/MediaBox` (US Letter, as viewers do).
const DEFAULT_MEDIA: Bounds = Bounds { x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0 };

/// Width of every mark line, in pt.
const MARK_WIDTH: f64 = 0.25;

/// Font size of the slug line, in pt.
const SLUG_SIZE: f64 = 6.0;

/// Resource name of the registration colour space on sheet pages.
const REG: &str = "Reg";

/// Resource name of the slug font on sheet pages.
const FONT: &str = "Slug";

/// Lengths on the four sides of a page as displayed (after `/Rotate`), in pt.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Sides {
    /// Along the top edge.
    pub top: f64,
    /// Along the right edge.
    pub right: f64,
    /// Along the bottom edge.
    pub bottom: f64,
    /// Along the left edge.
    pub left: f64,
}

impl Sides {
    /// The same lengths after the page turns clockwise by `rotation`.
    pub fn turned(self, rotation: Rotation) -> Sides {
        let mut s = self;
        for _ in 0..rotation.degrees() / 90 {
            s = Sides { top: s.left, right: s.top, bottom: s.right, left: s.bottom };
        }
        s
    }

    /// Every length multiplied by `factor`.
    fn scaled(self, factor: f64) -> Sides {
        Sides {
            top: self.top * factor,
            right: self.right * factor,
            bottom: self.bottom * factor,
            left: self.left * factor,
        }
    }
}

/// What an input PDF holds, read before planning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    /// Number of pages.
    pub pages: usize,
    /// Each page's trim size in pt (`TrimBox`, else `CropBox`, else `MediaBox`), after `/Rotate`.
    pub sizes: Vec<Size>,
    /// How far each page's bleed box extends beyond its trim box, in pt, as displayed;
    /// zeros when the page has no `TrimBox`.
    pub bleed: Vec<Sides>,
    /// The document title from its Info dictionary, if any.
    pub title: Option<String>,
}

/// Every side of the plan in printing order: front 1, back 1, front 2, back 2, ….
fn every_side(plan: &Imposition) -> Vec<SideRef> {
    (0..plan.sheets.len()).flat_map(|k| [SideRef::Front(k), SideRef::Back(k)]).collect()
}

/// How to draw the plan: which sides, which marks, how to treat odd page sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceOptions {
    /// The sides to write, in output order; empty means every side, front then back.
    pub order: Vec<SideRef>,
    /// Draw crop marks.
    pub crop: bool,
    /// Draw fold marks (dashed) and the zine's slit.
    pub fold: bool,
    /// Draw collation marks on signature spines.
    pub collation: bool,
    /// Draw the slug line.
    pub slug: bool,
    /// Replaces `{title}` in slug lines.
    pub title: String,
    /// Centre pages whose trim size differs from the plan's in their slot (scaled down only
    /// if larger) instead of failing with [`PdfError::PageSize`].
    pub center: bool,
}

impl PlaceOptions {
    /// Every side in printing order, no marks, no centring, no title.
    pub fn new(plan: &Imposition) -> Self {
        Self {
            order: every_side(plan),
            crop: false,
            fold: false,
            collation: false,
            slug: false,
            title: String::new(),
            center: false,
        }
    }
}

/// Why an input PDF cannot be read or imposed.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The input does not start with a PDF header.
    NotPdf,
    /// The input is encrypted (even if it opens without a password).
    Encrypted,
    /// The input is damaged or truncated beyond what can be recovered; the cause.
    Corrupt(String),
    /// The input has no pages.
    Empty,
    /// A page's trim size differs from the plan's page size (and centring is off).
    PageSize {
        /// The page, 1-based.
        page: usize,
        /// Its trim size in pt, as displayed.
        size: Size,
        /// The plan's page size in pt.
        expected: Size,
    },
    /// The plan or the side list does not fit the input (a page or sheet out of range).
    PlanMismatch(String),
}

impl PdfError {
    /// What the user can do about it, as one line (no `hint:` prefix).
    pub fn hint(&self) -> Option<String> {
        match self {
            PdfError::NotPdf => {
                Some("export or print the document to PDF, then impose that file".into())
            }
            PdfError::Encrypted => Some(
                "decrypt it first, e.g. `qpdf --decrypt input.pdf decrypted.pdf` \
                 (add --password=… if it asks for one)"
                    .into(),
            ),
            PdfError::Corrupt(_) => Some(
                "the file may be incomplete (an interrupted download or copy): export it \
                 again from its source, or try `qpdf input.pdf repaired.pdf`"
                    .into(),
            ),
            PdfError::Empty => Some("the input PDF must have at least one page".into()),
            PdfError::PageSize { .. } => Some(
                "use --fit center to centre pages of other sizes in their slot".into(),
            ),
            PdfError::PlanMismatch(_) => {
                Some("make the plan from this PDF's page count and size".into())
            }
        }
    }
}

impl fmt::Display for PdfError {
    /// One lowercase line; see [`PdfError::hint`] for the suggestion.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => {
                f.write_str("the input is not a PDF file (it has no %PDF- header)")
            }
            PdfError::Encrypted => f.write_str(
                "the input PDF is encrypted (livret does not impose encrypted files, \
                 even those that open without a password)",
            ),
            PdfError::Corrupt(cause) => write!(f, "the input PDF is damaged ({cause})"),
            PdfError::Empty => f.write_str("the input PDF has no pages"),
            PdfError::PageSize { page, size, expected } => write!(
                f,
                "page {page} is {size} but the booklet pages are {} (trim sizes differ)",
                size_text(*expected)
            ),
            PdfError::PlanMismatch(cause) => {
                write!(f, "the plan does not match the input PDF ({cause})")
            }
        }
    }
}

impl std::error::Error for PdfError {}

/// A size as `W×H mm` (same as [`Size`]'s `Display`).
fn size_text(size: Size) -> String {
    format!("{}×{} mm", fmt_mm(size.width), fmt_mm(size.height))
}

/// Reads the page count, trim sizes, bleeds and title of a PDF.
///
/// Fails when the input is not a PDF, is encrypted, is damaged past recovery or has no pages.
pub fn read_info(input: &[u8]) -> Result<InputInfo, PdfError> {
    Ok(PdfInput::parse(input)?.info())
}

/// Imposes a PDF by `plan`: one output page per entry of `options.order`, sheet-sized.
///
/// Fails as [`read_info`] does, when the plan names pages or sheets the input or plan does
/// not have, or when a page's trim size differs from the plan's (unless `options.center`).
pub fn impose_pdf(
    input: &[u8],
    plan: &Imposition,
    options: &PlaceOptions,
) -> Result<Vec<u8>, PdfError> {
    PdfInput::parse(input)?.impose(plan, options)
}

/// A rectangle in a page's default user space (y up), normalised so x0 ≤ x1, y0 ≤ y1.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Bounds {
    /// Width in pt.
    fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pt.
    fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether both sides are finite and at least a hundredth of a point.
    fn is_usable(&self) -> bool {
        [self.x0, self.y0, self.x1, self.y1].iter().all(|v| v.is_finite())
            && self.width() >= 0.01
            && self.height() >= 0.01
    }

    /// The common part of two boxes, if it is usable.
    fn intersect(&self, other: &Bounds) -> Option<Bounds> {
        let b = Bounds {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        b.is_usable().then_some(b)
    }

    /// The smallest box holding both.
    fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The box as a PDF array.
    fn to_object(self) -> Object {
        Object::Array(
            [self.x0, self.y0, self.x1, self.y1].iter().map(|&v| real(v)).collect(),
        )
    }
}

/// A number as a PDF object: an integer when it is one, else a real.
fn real(v: f64) -> Object {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        Object::Integer(v as i64)
    } else {
        Object::Real(v as f32)
    }
}

/// One input page as read: its dictionary, boxes, turn and where its resources live.
#[derive(Debug, Clone)]
struct PageGeom {
    /// The page dictionary's object.
    id: ObjectId,
    /// The trim box in user space.
    trim: Bounds,
    /// What the form draws (its `/BBox`): the bleed box when there is a trim box, else the
    /// trim box.
    bbox: Bounds,
    /// The page's own `/Rotate`, clockwise as displayed.
    rotate: Rotation,
    /// The page or ancestor whose `/Resources` the page uses.
    resources: Option<ObjectId>,
}

impl PageGeom {
    /// The trim size as displayed (after `/Rotate`), in pt.
    fn size(&self) -> Size {
        let size = Size::new(self.trim.width(), self.trim.height());
        if self.rotate.is_quarter() { size.rotated() } else { size }
    }

    /// The bleed beyond the trim box on each side as displayed, in pt.
    fn bleed(&self) -> Sides {
        Sides {
            top: self.bbox.y1 - self.trim.y1,
            right: self.bbox.x1 - self.trim.x1,
            bottom: self.trim.y0 - self.bbox.y0,
            left: self.trim.x0 - self.bbox.x0,
        }
        .turned(self.rotate)
    }
}

/// Page attributes a page inherits from its ancestors in the page tree.
#[derive(Debug, Clone, Default)]
struct Inherited {
    resources: Option<ObjectId>,
    media: Option<Bounds>,
    crop: Option<Bounds>,
    rotate: i64,
}

/// A parsed input PDF: read once, then asked for its [`InputInfo`] or imposed.
pub struct PdfInput {
    doc: Document,
    pages: Vec<PageGeom>,
    title: Option<String>,
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
    /// Fails when the input is not a PDF, is encrypted, is damaged past recovery or has no
    /// pages.
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
        if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
            return Err(PdfError::Encrypted);
        }
        let pages = walk_pages(&doc)?;
        if pages.is_empty() {
            return Err(PdfError::Empty);
        }
        let title = doc_title(&doc);
        Ok(Self { doc, pages, title })
    }

    /// Page count, trim sizes, bleeds and title.
    pub fn info(&self) -> InputInfo {
        InputInfo {
            pages: self.pages.len(),
            sizes: self.pages.iter().map(PageGeom::size).collect(),
            bleed: self.pages.iter().map(PageGeom::bleed).collect(),
            title: self.title.clone(),
        }
    }

    /// Imposes the document by `plan`; see [`impose_pdf`].
    pub fn impose(
        self,
        plan: &Imposition,
        options: &PlaceOptions,
    ) -> Result<Vec<u8>, PdfError> {
        let order = if options.order.is_empty() {
            every_side(plan)
        } else {
            options.order.clone()
        };
        let used = self.check(plan, options, &order)?;
        let recovered = self.doc.xref_recovery.is_some();
        let PdfInput { mut doc, pages, title } = self;
        // Optional content (layers) the pages may refer to stays defined in the output.
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

        // One form per used page, in page order, then everything they use.
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

        let sides: Vec<&SidePlan> = order
            .iter()
            .filter_map(|side| match *side {
                SideRef::Front(k) => plan.sheets.get(k).map(|s| &s.front),
                SideRef::Back(k) => plan.sheets.get(k).map(|s| &s.back),
            })
            .collect();
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
        let title = title.or_else(|| {
            let t = options.title.trim();
            (!t.is_empty()).then(|| t.to_string())
        });
        if let Some(title) = title {
            info_dict.set("Title", lopdf::text_string(&title));
        }
        info_dict.set("Producer", Object::string_literal("livret"));
        copier.out.insert(info, Object::Dictionary(info_dict));
        save(copier, &version, catalog, info)
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
                if !options.center && !same_size(geom.size(), plan.page) {
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

/// The shared objects marks use: registration colour and the slug font, each made only if
/// some written side draws a mark that needs it.
struct MarkResources {
    colour: Option<ObjectId>,
    font: Option<ObjectId>,
}

impl MarkResources {
    /// Adds the objects the marks on `sides` need.
    fn new(copier: &mut Copier, sides: &[&SidePlan], options: &PlaceOptions) -> Self {
        let any = |f: &dyn Fn(&Mark) -> bool| sides.iter().any(|s| s.marks.iter().any(f));
        let colour = any(&|m| mark_enabled(m, options)).then(|| {
            let id = copier.alloc();
            copier.out.insert(id, registration_colour());
            id
        });
        let font = any(&|m| options.slug && matches!(m, Mark::Slug { .. })).then(|| {
            let id = copier.alloc();
            copier.out.insert(id, helvetica());
            id
        });
        Self { colour, font }
    }

    /// The resource entries a side with these marks needs.
    fn add_to(&self, res: &mut Dictionary, side: &SidePlan, options: &PlaceOptions) {
        let drawn: Vec<&Mark> =
            side.marks.iter().filter(|m| mark_enabled(m, options)).collect();
        if let (Some(id), false) = (self.colour, drawn.is_empty()) {
            res.set("ColorSpace", dict_of(REG, Object::Reference(id)));
        }
        if let Some(id) = self.font
            && drawn.iter().any(|m| matches!(m, Mark::Slug { .. }))
        {
            res.set("Font", dict_of(FONT, Object::Reference(id)));
        }
    }
}

/// What every sheet page is drawn from.
struct Sheets<'a> {
    /// The page tree node the sheet pages go under.
    tree: ObjectId,
    plan: &'a Imposition,
    pages: &'a [PageGeom],
    /// The form of each input page, if drawn.
    forms: &'a [Option<ObjectId>],
    options: &'a PlaceOptions,
    marks: MarkResources,
}

impl Sheets<'_> {
    /// Adds one sheet side as an output page (content stream and dictionary); returns the
    /// page's id.
    fn page(&self, copier: &mut Copier, side: &SidePlan) -> ObjectId {
        let mut buf = Vec::with_capacity(1024);
        let xobjects =
            draw_side(&mut buf, side, self.plan, self.pages, self.forms, self.options);
        let mut res = Dictionary::new();
        if !xobjects.is_empty() {
            let mut dict = Dictionary::new();
            for (index, id) in xobjects {
                dict.set(format!("P{index}"), Object::Reference(id));
            }
            res.set("XObject", Object::Dictionary(dict));
        }
        self.marks.add_to(&mut res, side, self.options);
        let stream = if buf.len() < COMPRESS_MIN {
            Stream::new(Dictionary::new(), buf)
        } else {
            copier.deflater.stream(buf)
        };
        let content = copier.alloc();
        copier.out.insert(content, Object::Stream(stream));
        let page = copier.alloc();
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Parent", Object::Reference(self.tree));
        let (w, h) = (self.plan.sheet.width, self.plan.sheet.height);
        dict.set("MediaBox", Bounds { x0: 0.0, y0: 0.0, x1: w, y1: h }.to_object());
        dict.set("Resources", Object::Dictionary(res));
        dict.set("Contents", Object::Reference(content));
        copier.out.insert(page, Object::Dictionary(dict));
        page
    }
}

/// Whether two sizes agree within [`SIZE_TOLERANCE`].
fn same_size(a: Size, b: Size) -> bool {
    (a.width - b.width).abs() <= SIZE_TOLERANCE
        && (a.height - b.height).abs() <= SIZE_TOLERANCE
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An error text with its first letter lowercased, as our messages are.
fn lowercase(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Follows references from `obj` (a few levels) to the object they name.
fn resolve<'a>(
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
fn number(objects: &BTreeMap<ObjectId, Object>, obj: &Object) -> Option<f64> {
    match resolve(objects, obj) {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A page box entry of `dict`, normalised; `None` if absent or unusable.
fn read_box(
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
fn walk_pages(doc: &Document) -> Result<Vec<PageGeom>, PdfError> {
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
        pages.push(page_geom(objects, id, dict, &inherit));
    }
    Ok(pages)
}

/// A leaf page's boxes and turn.
fn page_geom(
    objects: &BTreeMap<ObjectId, Object>,
    id: ObjectId,
    dict: &Dictionary,
    inherit: &Inherited,
) -> PageGeom {
    let media = inherit.media.unwrap_or(DEFAULT_MEDIA);
    let crop = inherit.crop.and_then(|c| c.intersect(&media)).unwrap_or(media);
    let (trim, bbox) =
        match read_box(objects, dict, b"TrimBox").and_then(|t| t.intersect(&crop)) {
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
    PageGeom { id, trim, bbox, rotate, resources: inherit.resources }
}

/// The document title from the Info dictionary, trimmed; `None` if absent or blank.
fn doc_title(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let Object::Dictionary(info) = resolve(&doc.objects, info) else { return None };
    let title = resolve(&doc.objects, info.get(b"Title").ok()?);
    let text = lopdf::decode_text_string(title).ok()?;
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Moves objects from the input to the output, renumbering them as it first meets them.
struct Copier {
    /// Input objects not moved yet.
    src: BTreeMap<ObjectId, Object>,
    /// Output objects by new id.
    out: BTreeMap<ObjectId, Object>,
    /// Input id → output id, for every object met.
    map: HashMap<ObjectId, ObjectId>,
    /// Input objects met but not moved yet.
    queue: VecDeque<ObjectId>,
    /// The next free output object number.
    next: u32,
    /// References to objects the input lacks.
    dangling: usize,
    /// Input content stream → the form made from it.
    consumed: HashMap<ObjectId, ObjectId>,
    /// Compresses the streams this module writes.
    deflater: Deflater,
}

impl Copier {
    /// A copier over the input's objects.
    fn new(src: BTreeMap<ObjectId, Object>) -> Self {
        Self {
            src,
            out: BTreeMap::new(),
            map: HashMap::new(),
            queue: VecDeque::new(),
            next: 1,
            dangling: 0,
            consumed: HashMap::new(),
            deflater: Deflater::new(),
        }
    }

    /// A fresh output object id.
    fn alloc(&mut self) -> ObjectId {
        let id = (self.next, 0);
        self.next = self.next.saturating_add(1);
        id
    }

    /// The output id of input object `old`, queueing it for the move when first met.
    fn target(&mut self, old: ObjectId) -> ObjectId {
        if let Some(&new) = self.map.get(&old) {
            return new;
        }
        let new = self.alloc();
        self.map.insert(old, new);
        self.queue.push_back(old);
        new
    }

    /// Rewrites every reference inside `obj` to its output id.
    fn remap(&mut self, obj: &mut Object) {
        match obj {
            Object::Reference(id) => *id = self.target(*id),
            Object::Array(items) => items.iter_mut().for_each(|item| self.remap(item)),
            Object::Dictionary(dict) => self.remap_dict(dict),
            Object::Stream(stream) => self.remap_dict(&mut stream.dict),
            _ => {}
        }
    }

    /// Rewrites every reference inside a dictionary.
    fn remap_dict(&mut self, dict: &mut Dictionary) {
        for (_, value) in dict.iter_mut() {
            self.remap(value);
        }
    }

    /// Moves every queued object (and what it references) to the output.
    fn drain(&mut self) {
        while let Some(old) = self.queue.pop_front() {
            let Some(&new) = self.map.get(&old) else { continue };
            let mut obj = match self.src.remove(&old) {
                Some(obj) if is_page_tree(&obj) => {
                    // Never drag the input's pages (and through /Parent all of them) along.
                    self.src.insert(old, obj);
                    Object::Null
                }
                Some(obj) => obj,
                None => {
                    self.dangling += 1;
                    Object::Null
                }
            };
            if let Object::Stream(stream) = &mut obj {
                let len = stream.content.len() as i64;
                stream.dict.set("Length", Object::Integer(len));
            }
            self.remap(&mut obj);
            self.out.insert(new, obj);
        }
    }

    /// A content stream of the input, wherever it is now.
    fn stream(&self, id: ObjectId) -> Option<&Stream> {
        let obj = match self.consumed.get(&id) {
            Some(form) => self.out.get(form),
            None => self.src.get(&id),
        };
        match obj {
            Some(Object::Stream(stream)) => Some(stream),
            _ => None,
        }
    }

    /// The content stream ids of a page, in order (`/Contents` may be a stream, an array,
    /// or a reference to an array).
    fn contents(&self, page: &Dictionary) -> Vec<ObjectId> {
        let refs = |items: &[Object]| {
            items
                .iter()
                .filter_map(|item| match item {
                    Object::Reference(id) => Some(*id),
                    _ => None,
                })
                .collect()
        };
        match page.get(b"Contents") {
            Ok(Object::Reference(id)) => match self.src.get(id) {
                Some(Object::Array(items)) => refs(items),
                _ => vec![*id],
            },
            Ok(Object::Array(items)) => refs(items),
            _ => Vec::new(),
        }
    }

    /// Makes the Form XObject of input page `index`; `None` when the page draws nothing.
    fn form(
        &mut self,
        index: usize,
        page: &PageGeom,
        shared_res: &mut HashMap<ObjectId, ObjectId>,
        recovered: bool,
    ) -> Result<Option<ObjectId>, PdfError> {
        let damaged =
            |what: &str| PdfError::Corrupt(format!("page {} {what}", index + 1));
        let Some(Object::Dictionary(page_dict)) = self.src.get(&page.id) else {
            return Err(damaged("is missing"));
        };
        let ids = self.contents(page_dict);
        let group = page_dict.get(b"Group").ok().cloned();
        let resources = match page.resources {
            Some(node) => match self.src.get(&node) {
                Some(Object::Dictionary(dict)) => dict.get(b"Resources").ok().cloned(),
                _ => None,
            },
            None => None,
        };
        if ids.is_empty() {
            return Ok(None);
        }
        let mut taken = None;
        let mut stream = if let [id] = ids[..] {
            if let Some(&form) = self.consumed.get(&id) {
                match self.out.get(&form) {
                    Some(Object::Stream(s)) => s.clone(),
                    _ => return Err(damaged("has unreadable content")),
                }
            } else {
                match self.src.remove(&id) {
                    Some(Object::Stream(s)) => {
                        taken = Some(id);
                        s
                    }
                    Some(other) => {
                        self.src.insert(id, other);
                        return Err(damaged("has content that is not a stream"));
                    }
                    None => return Err(damaged("has lost its content")),
                }
            }
        } else {
            let mut data = Vec::new();
            for &id in &ids {
                let Some(part) = self.stream(id) else {
                    return Err(damaged("has lost part of its content"));
                };
                let decoded = decode(part).map_err(|e| damaged(&e))?;
                data.extend_from_slice(&decoded);
                data.push(b'\n');
            }
            self.deflater.stream(data)
        };
        if recovered {
            decode(&stream).map_err(|e| damaged(&e))?;
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set("BBox", page.bbox.to_object());
        for key in [&b"Filter"[..], b"DecodeParms"] {
            if let Some(value) = stream.dict.remove(key) {
                dict.set(key.to_vec(), value);
            }
        }
        if let Some(group) = group {
            dict.set("Group", group);
        }
        // Inherited from a Pages node as a direct dictionary: share one indirect copy.
        let inherited = page.resources.filter(|&node| node != page.id);
        let shared = match (&resources, inherited) {
            (Some(Object::Dictionary(_)), Some(node)) => Some(node),
            _ => None,
        };
        if shared.is_none() {
            dict.set(
                "Resources",
                resources.clone().unwrap_or(Object::Dictionary(Dictionary::new())),
            );
        }
        // Everything in `dict` so far names input objects: move them.
        let mut form = Object::Dictionary(dict);
        self.remap(&mut form);
        let Object::Dictionary(mut dict) = form else {
            return Err(damaged("is unreadable"));
        };
        if let (Some(node), Some(mut res)) = (shared, resources) {
            let id = match shared_res.get(&node) {
                Some(&id) => id,
                None => {
                    let id = self.alloc();
                    self.remap(&mut res);
                    self.out.insert(id, res);
                    shared_res.insert(node, id);
                    id
                }
            };
            dict.set("Resources", Object::Reference(id));
        }
        let len = stream.content.len() as i64;
        stream.dict = dict;
        stream.dict.set("Length", Object::Integer(len));
        let id = self.alloc();
        if let Some(old) = taken {
            self.consumed.insert(old, id);
            self.map.entry(old).or_insert(id);
        }
        self.out.insert(id, Object::Stream(stream));
        Ok(Some(id))
    }
}

/// A zlib compressor reused for every stream this module writes: making one costs more
/// than compressing a sheet side's few hundred bytes.
struct Deflater {
    inner: Compress,
}

impl Deflater {
    /// A compressor at [`LEVEL`].
    fn new() -> Self {
        Self { inner: Compress::new(Compression::new(LEVEL), true) }
    }

    /// `data` as a `FlateDecode` stream, or as it is when compressing does not pay.
    fn stream(&mut self, data: Vec<u8>) -> Stream {
        self.inner.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let done = usize::try_from(self.inner.total_in()).unwrap_or(usize::MAX);
            let rest = data.get(done..).unwrap_or_default();
            match self.inner.compress_vec(rest, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return Stream::new(Dictionary::new(), data),
            }
        }
        if out.len() + 20 < data.len() {
            let mut dict = Dictionary::new();
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Stream::new(dict, out)
        } else {
            Stream::new(Dictionary::new(), data)
        }
    }
}

/// Whether an object is a page, a page tree node or the catalog.
fn is_page_tree(obj: &Object) -> bool {
    let Object::Dictionary(dict) = obj else { return false };
    matches!(dict.get(b"Type"), Ok(Object::Name(n)) if n == b"Page" || n == b"Pages" || n == b"Catalog")
}

/// A stream's decoded data, or why it cannot be decoded.
fn decode(stream: &Stream) -> Result<Vec<u8>, String> {
    if stream.dict.has(b"Filter") {
        stream.decompressed_content_with_limit(MAX_DECODED).map_err(|err| {
            format!("has content that cannot be decoded: {}", lowercase(&err.to_string()))
        })
    } else {
        Ok(stream.content.clone())
    }
}

/// A one-entry dictionary object.
fn dict_of(key: &str, value: Object) -> Object {
    let mut dict = Dictionary::new();
    dict.set(key, value);
    Object::Dictionary(dict)
}

/// Registration colour: a Separation `/All` that prints on every plate.
fn registration_colour() -> Object {
    let mut function = Dictionary::new();
    function.set("FunctionType", Object::Integer(2));
    function.set("Domain", Object::Array(vec![0.into(), 1.into()]));
    function.set("C0", Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]));
    function.set("C1", Object::Array(vec![1.into(), 1.into(), 1.into(), 1.into()]));
    function.set("N", Object::Integer(1));
    Object::Array(vec![
        Object::Name(b"Separation".to_vec()),
        Object::Name(b"All".to_vec()),
        Object::Name(b"DeviceCMYK".to_vec()),
        Object::Dictionary(function),
    ])
}

/// The base-14 Helvetica in WinAnsi encoding, for slug lines.
fn helvetica() -> Object {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    Object::Dictionary(font)
}

/// Whether `options` asks for this kind of mark.
fn mark_enabled(mark: &Mark, options: &PlaceOptions) -> bool {
    match mark {
        Mark::Crop(_) => options.crop,
        Mark::Fold(_) | Mark::Slit(_) => options.fold,
        Mark::Collation { .. } => options.collation,
        Mark::Slug { .. } => options.slug,
    }
}

/// Writes a number to a content stream: at most five decimals, no exponent, no `-0`.
fn num(out: &mut Vec<u8>, v: f64) {
    let v = if v.is_finite() && v.abs() >= 5e-6 { v } else { 0.0 };
    let text = format!("{v:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    out.extend_from_slice(if text == "-0" { b"0" } else { text.as_bytes() });
}

/// Writes numbers separated by spaces, then `op` and a newline.
fn op(out: &mut Vec<u8>, values: &[f64], op: &str) {
    for &v in values {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// Free room beyond each side of each slot on a side, in pt: half the gap to the nearest
/// slot facing it (0 where slots touch), unbounded toward the sheet edge.
fn free_room(slots: &[Slot]) -> Vec<Sides> {
    let overlap = |a0: f64, a1: f64, b0: f64, b1: f64| a0 < b1 - EPS && b0 < a1 - EPS;
    slots
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut room = Sides {
                top: f64::INFINITY,
                right: f64::INFINITY,
                bottom: f64::INFINITY,
                left: f64::INFINITY,
            };
            for (j, b) in slots.iter().enumerate() {
                if i == j {
                    continue;
                }
                let (ar, ab, br, bb) =
                    (a.x + a.width, a.y + a.height, b.x + b.width, b.y + b.height);
                if overlap(a.y, ab, b.y, bb) {
                    if br <= a.x + EPS {
                        room.left = room.left.min((a.x - br).max(0.0) / 2.0);
                    }
                    if b.x >= ar - EPS {
                        room.right = room.right.min((b.x - ar).max(0.0) / 2.0);
                    }
                }
                if overlap(a.x, ar, b.x, br) {
                    if bb <= a.y + EPS {
                        room.top = room.top.min((a.y - bb).max(0.0) / 2.0);
                    }
                    if b.y >= ab - EPS {
                        room.bottom = room.bottom.min((b.y - ab).max(0.0) / 2.0);
                    }
                }
            }
            room
        })
        .collect()
}

/// Writes one sheet side's content; returns the forms it uses, by input page index.
fn draw_side(
    out: &mut Vec<u8>,
    side: &SidePlan,
    plan: &Imposition,
    pages: &[PageGeom],
    forms: &[Option<ObjectId>],
    options: &PlaceOptions,
) -> Vec<(usize, ObjectId)> {
    let mut used: Vec<(usize, ObjectId)> = Vec::new();
    let room = free_room(&side.slots);
    let sheet_h = plan.sheet.height;
    for (slot, room) in side.slots.iter().zip(&room) {
        let Some(index) = slot.page else { continue };
        let (Some(page), Some(Some(form))) = (pages.get(index), forms.get(index)) else {
            continue;
        };
        let Some((matrix, clip)) = placement(slot, page, plan, *room) else { continue };
        out.extend_from_slice(b"q\n");
        op(out, &[clip.x, sheet_h - clip.bottom(), clip.width, clip.height], "re W n");
        op(out, &matrix, "cm");
        out.extend_from_slice(format!("/P{index} Do\nQ\n").as_bytes());
        if !used.iter().any(|&(i, _)| i == index) {
            used.push((index, *form));
        }
    }
    used.sort_unstable_by_key(|&(i, _)| i);
    let marks: Vec<&Mark> =
        side.marks.iter().filter(|m| mark_enabled(m, options)).collect();
    if !marks.is_empty() {
        draw_marks(out, &marks, sheet_h, &options.title);
    }
    used
}

/// Where a page goes: the `cm` matrix from its user space to the sheet, and the clip
/// rectangle on the sheet (top-left origin, y down). `None` if the numbers are unusable.
fn placement(
    slot: &Slot,
    page: &PageGeom,
    plan: &Imposition,
    room: Sides,
) -> Option<([f64; 6], Rect)> {
    let rot = page.rotate.then(slot.rotation);
    let (w, h) = (page.trim.width(), page.trim.height());
    let (dw, dh) = if rot.is_quarter() { (h, w) } else { (w, h) };
    let matching = same_size(page.size(), plan.page);
    let mut s = plan.scale;
    if !matching {
        s *= (slot.width / (s * dw)).min(slot.height / (s * dh)).min(1.0);
    }
    let (pw, ph) = (s * dw, s * dh);
    let (dx, dy) = slot.content_offset();
    let left = slot.x + (slot.width - pw) / 2.0 + dx;
    let top = slot.y + (slot.height - ph) / 2.0 + dy;
    let (ox, oy) = (left, plan.sheet.height - (top + ph));
    let (tx, ty) = (page.trim.x0, page.trim.y0);
    let matrix = match rot {
        Rotation::R0 => [s, 0.0, 0.0, s, ox - s * tx, oy - s * ty],
        Rotation::R90 => [0.0, -s, s, 0.0, ox - s * ty, oy + s * (w + tx)],
        Rotation::R180 => [-s, 0.0, 0.0, -s, ox + s * (w + tx), oy + s * (h + ty)],
        Rotation::R270 => [0.0, s, -s, 0.0, ox + s * (h + ty), oy - s * tx],
    };
    let bleed = page.bleed().turned(slot.rotation).scaled(s);
    let slot_rect = slot.rect();
    let (base, edges) = if matching {
        (slot_rect, [true; 4])
    } else {
        let placed = Rect::new(left, top, pw, ph);
        let x0 = slot_rect.x.max(placed.x);
        let y0 = slot_rect.y.max(placed.y);
        let x1 = slot_rect.right().min(placed.right());
        let y1 = slot_rect.bottom().min(placed.bottom());
        let near = |a: f64, b: f64| (a - b).abs() <= SIZE_TOLERANCE;
        (
            Rect::new(x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0)),
            [
                near(y0, slot_rect.y),
                near(x1, slot_rect.right()),
                near(y1, slot_rect.bottom()),
                near(x0, slot_rect.x),
            ],
        )
    };
    let ext = |on: bool, b: f64, r: f64| if on { b.max(0.0).min(r) } else { 0.0 };
    let (et, er, eb, el) = (
        ext(edges[0], bleed.top, room.top),
        ext(edges[1], bleed.right, room.right),
        ext(edges[2], bleed.bottom, room.bottom),
        ext(edges[3], bleed.left, room.left),
    );
    let clip =
        Rect::new(base.x - el, base.y - et, base.width + el + er, base.height + et + eb);
    let finite = matrix
        .iter()
        .chain([clip.x, clip.y, clip.width, clip.height].iter())
        .all(|v| v.is_finite());
    finite.then_some((matrix, clip))
}

/// Draws marks in registration colour, thin lines, y flipped to PDF space.
fn draw_marks(out: &mut Vec<u8>, marks: &[&Mark], sheet_h: f64, title: &str) {
    out.extend_from_slice(format!("q\n/{REG} CS /{REG} cs 1 SCN 1 scn\n").as_bytes());
    op(out, &[MARK_WIDTH], "w");
    for mark in marks {
        match mark {
            Mark::Crop(l) | Mark::Fold(l) | Mark::Slit(l) => {
                let dash: &[u8] = match mark {
                    Mark::Crop(_) => b"[] 0 d\n",
                    Mark::Fold(_) => b"[3 2] 0 d\n",
                    _ => b"[1 1] 0 d\n",
                };
                out.extend_from_slice(dash);
                op(out, &[l.x1, sheet_h - l.y1], "m");
                op(out, &[l.x2, sheet_h - l.y2], "l S");
            }
            Mark::Collation { rect, .. } => {
                op(
                    out,
                    &[rect.x, sheet_h - rect.bottom(), rect.width, rect.height],
                    "re f",
                );
            }
            Mark::Slug { x, y, text } => {
                let text = slug_text(text, title);
                out.extend_from_slice(format!("BT /{FONT} ").as_bytes());
                op(out, &[SLUG_SIZE], "Tf");
                // `y` is the line's centre: put the baseline a third of the size below it.
                op(out, &[1.0, 0.0, 0.0, 1.0, *x, sheet_h - y - SLUG_SIZE / 3.0], "Tm");
                out.push(b'<');
                for byte in win_ansi(&text) {
                    out.extend_from_slice(format!("{byte:02X}").as_bytes());
                }
                out.extend_from_slice(b"> Tj ET\n");
            }
        }
    }
    out.extend_from_slice(b"Q\n");
}

/// The slug text with `{title}` replaced (and its separator dropped when there is no title).
fn slug_text(text: &str, title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        text.replace("{title} · ", "").replace("{title}", "")
    } else {
        text.replace("{title}", title)
    }
}

/// Encodes text in WinAnsiEncoding; characters it lacks become `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    text.chars()
        .map(|c| match c as u32 {
            0x20..=0x7E | 0xA0..=0xFF => c as u32 as u8,
            _ => HIGH.iter().find(|&&(h, _)| h == c).map_or(b'?', |&(_, b)| b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_turn_clockwise() {
        let s = Sides { top: 1.0, right: 2.0, bottom: 3.0, left: 4.0 };
        assert_eq!(s.turned(Rotation::R0), s);
        assert_eq!(
            s.turned(Rotation::R90),
            Sides { top: 4.0, right: 1.0, bottom: 2.0, left: 3.0 }
        );
        assert_eq!(s.turned(Rotation::R180).turned(Rotation::R180), s);
        assert_eq!(s.turned(Rotation::R90).turned(Rotation::R270), s);
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        let text = |v: f64| {
            let mut out = Vec::new();
            num(&mut out, v);
            String::from_utf8(out).unwrap_or_default()
        };
        assert_eq!(text(1.0), "1");
        assert_eq!(text(-0.000_001), "0");
        assert_eq!(text(0.5), "0.5");
        assert_eq!(text(595.275_590_55), "595.27559");
        assert_eq!(text(f64::NAN), "0");
        assert_eq!(text(-12.25), "-12.25");
    }

    #[test]
    fn win_ansi_keeps_latin_and_typography() {
        assert_eq!(
            win_ansi("Été · “x” – €"),
            b"\xC9t\xE9 \xB7 \x93x\x94 \x96 \x80".to_vec()
        );
        assert_eq!(win_ansi("日本\n"), b"???".to_vec());
    }

    #[test]
    fn slug_title_is_substituted() {
        assert_eq!(
            slug_text("{title} · sheet 1/2 front", "Guide"),
            "Guide · sheet 1/2 front"
        );
        assert_eq!(slug_text("{title} · sheet 1/2 front", " "), "sheet 1/2 front");
    }

    #[test]
    fn free_room_is_half_the_gap_and_zero_where_slots_touch() {
        let slot = |x: f64, y: f64| Slot {
            page: Some(0),
            booklet_page: 0,
            x,
            y,
            width: 100.0,
            height: 100.0,
            rotation: Rotation::R0,
            shift: 0.0,
            spine: None,
            cell: 0,
        };
        let room = free_room(&[slot(0.0, 0.0), slot(100.0, 0.0), slot(0.0, 120.0)]);
        assert_eq!(room[0].right, 0.0);
        assert_eq!(room[1].left, 0.0);
        assert_eq!(room[0].bottom, 10.0);
        assert_eq!(room[2].top, 10.0);
        assert!(room[0].left.is_infinite() && room[0].top.is_infinite());
        // Slot 1 has nothing below it: slot 2 does not overlap it horizontally.
        assert!(room[1].bottom.is_infinite());
    }

    #[test]
    fn bleed_follows_the_turns_of_page_and_slot() {
        use super::super::{PlanOptions, Scheme, SheetSize, plan};
        let imp = plan(
            4,
            &PlanOptions::new(
                Scheme::Saddle,
                SheetSize::A4.size(),
                Size::new(100.0, 200.0),
            ),
        );
        let Ok(imp) = imp else { panic!("plan") };
        // Bleed on the page's left side only.
        let geom = |rotate: Rotation| PageGeom {
            id: (1, 0),
            trim: Bounds { x0: 0.0, y0: 0.0, x1: 100.0, y1: 200.0 },
            bbox: Bounds { x0: -5.0, y0: 0.0, x1: 100.0, y1: 200.0 },
            rotate,
            resources: None,
        };
        let open = Sides {
            top: f64::INFINITY,
            right: f64::INFINITY,
            bottom: f64::INFINITY,
            left: f64::INFINITY,
        };
        let slot = |rotation: Rotation, quarter: bool| Slot {
            page: Some(0),
            booklet_page: 0,
            x: 50.0,
            y: 60.0,
            width: if quarter { 200.0 } else { 100.0 },
            height: if quarter { 100.0 } else { 200.0 },
            rotation,
            shift: 0.0,
            spine: None,
            cell: 0,
        };
        // Turned a quarter clockwise, by the slot or by /Rotate, the left side goes on top.
        for (page_turn, slot_turn) in
            [(Rotation::R0, Rotation::R90), (Rotation::R90, Rotation::R0)]
        {
            let page = geom(page_turn);
            let placed = placement(&slot(slot_turn, true), &page, &imp, open);
            let Some((_, clip)) = placed else { panic!("placement") };
            assert_eq!(
                (clip.x, clip.y, clip.width, clip.height),
                (50.0, 55.0, 200.0, 105.0)
            );
        }
        // Upside down, the left side goes right.
        let placed =
            placement(&slot(Rotation::R180, false), &geom(Rotation::R0), &imp, open);
        let Some((matrix, clip)) = placed else { panic!("placement") };
        assert_eq!((clip.x, clip.y, clip.width, clip.height), (50.0, 60.0, 105.0, 200.0));
        // The page's origin (its bottom-left) lands at the slot's top-right.
        let sheet_h = imp.sheet.height;
        assert_eq!((matrix[4], matrix[5]), (150.0, sheet_h - 60.0));
        assert_eq!(geom(Rotation::R90).bleed().top, 5.0);
    }
}
