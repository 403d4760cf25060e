//! The box a page's content actually paints, read cheaply from its content streams
//! (no rendering): paths filled or stroked, images, shadings, text (estimated from the
//! text matrix, font size and the font's glyph widths), forms followed a few levels
//! deep. Paint in white (a page-sized white background) is not ink and is left out; clipping is not followed
//! (a clipped image counts whole, then the box is cut to the page). Bounded: a stream
//! that decompresses past [`MAX_CONTENT_BYTES`], that cannot be parsed to its end, or a
//! page of more than [`MAX_OPERATIONS`] operations counts as painted all over (what a
//! margin check must then assume).

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font_widths::Widths;
use super::read::{Bounds, PageGeom, number, resolve};

/// Most bytes a page's content streams may decompress to before it counts as full.
pub const MAX_CONTENT_BYTES: usize = 64 << 20;

/// Most operations read on one page (forms included) before it counts as full.
pub const MAX_OPERATIONS: usize = 2_000_000;

/// Deepest nesting of forms followed.
const MAX_FORM_DEPTH: usize = 8;

/// An affine matrix `[a b c d e f]` as PDF writes it.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (a point goes through `m` first).
fn concat(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, (x, y): (f64, f64)) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// The painted box of a page in default user space (y up): `None` when nothing is
/// painted, the page's whole box when the page is too heavy to read.
pub(super) fn content_box(doc: &Document, page: &PageGeom) -> Option<Bounds> {
    let objects = &doc.objects;
    let Some(Object::Dictionary(dict)) = objects.get(&page.id) else { return None };
    let resources = page
        .resources
        .and_then(|id| match objects.get(&id) {
            Some(Object::Dictionary(d)) => d.get(b"Resources").ok(),
            _ => None,
        })
        .map(|r| resolve(objects, r));
    let data = match page_content(objects, dict) {
        Some(data) => data,
        None => return Some(page.bbox),
    };
    let mut reader = Reader {
        objects,
        found: None,
        operations: 0,
        full: false,
        fonts: vec![Widths::unknown()],
        font_ids: BTreeMap::new(),
    };
    reader.run(&data, resources, IDENTITY, 0);
    if reader.full {
        return Some(page.bbox);
    }
    reader.found.and_then(|b| b.intersect(&page.bbox))
}

/// The page's content streams, decompressed and joined; `None` when they are too large.
fn page_content(
    objects: &BTreeMap<ObjectId, Object>,
    dict: &Dictionary,
) -> Option<Vec<u8>> {
    let contents = dict.get(b"Contents").ok().map(|c| resolve(objects, c));
    let streams: Vec<&Object> = match contents {
        Some(Object::Array(items)) => items.iter().map(|o| resolve(objects, o)).collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    let mut data = Vec::new();
    for stream in streams {
        let Object::Stream(stream) = stream else { continue };
        let left = MAX_CONTENT_BYTES.saturating_sub(data.len());
        let part = stream.get_plain_content_with_limit(left).ok()?;
        data.extend_from_slice(&part);
        data.push(b' ');
    }
    Some(data)
}

/// The graphics state the box needs.
#[derive(Clone, Copy)]
struct State {
    ctm: Matrix,
    fill_white: bool,
    stroke_white: bool,
    line_width: f64,
}

/// The text state the box needs.
#[derive(Clone, Copy)]
struct Text {
    matrix: Matrix,
    line: Matrix,
    size: f64,
    leading: f64,
    scale: f64,
    invisible: bool,
    /// The current font: its index in [`Reader::fonts`].
    font: usize,
}

/// Walks content streams, growing the box.
struct Reader<'a> {
    objects: &'a BTreeMap<ObjectId, Object>,
    found: Option<Bounds>,
    operations: usize,
    full: bool,
    /// The fonts met, read once each (by object); the first is [`Widths::unknown`].
    fonts: Vec<Widths>,
    /// Where each font object read is in `fonts`.
    font_ids: BTreeMap<ObjectId, usize>,
}

impl Reader<'_> {
    /// Adds the points (already in user space), grown by `pad` on every side.
    fn add(&mut self, points: &[(f64, f64)], pad: f64) {
        for &(x, y) in points {
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let b = Bounds { x0: x - pad, y0: y - pad, x1: x + pad, y1: y + pad };
            self.found = Some(match self.found {
                Some(f) => f.union(&b),
                None => b,
            });
        }
    }

    /// Reads one content stream with `resources` under `ctm`.
    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&Object>,
        ctm: Matrix,
        depth: usize,
    ) {
        let mut gs =
            State { ctm, fill_white: false, stroke_white: false, line_width: 1.0 };
        let mut stack: Vec<State> = Vec::new();
        let mut path: Vec<(f64, f64)> = Vec::new();
        let mut text = Text {
            matrix: IDENTITY,
            line: IDENTITY,
            size: 0.0,
            leading: 0.0,
            scale: 1.0,
            invisible: false,
            font: 0,
        };
        for op in Content::decode_iter(data) {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                self.full = true;
            }
            if self.full {
                return;
            }
            // A stream that cannot be read to its end may paint anywhere.
            let Ok(op) = op else {
                self.full = true;
                return;
            };
            let nums: Vec<f64> =
                op.operands.iter().filter_map(|o| number(self.objects, o)).collect();
            match op.operator.as_str() {
                "q" if stack.len() < 64 => stack.push(gs),
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" if nums.len() == 6 => {
                    gs.ctm = concat(
                        &[nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]],
                        &gs.ctm,
                    )
                }
                "w" if !nums.is_empty() => gs.line_width = nums[0].abs(),
                "g" | "rg" | "k" | "sc" | "scn" => {
                    gs.fill_white = is_white(&op.operator, &nums)
                }
                "G" | "RG" | "K" | "SC" | "SCN" => {
                    gs.stroke_white = is_white(&op.operator.to_ascii_lowercase(), &nums)
                }
                // A shading fills the clip: take the whole page.
                "sh" => self.full = true,
                "BI" | "ID" | "EI" => self.add(&unit_square(&gs.ctm), 0.0),
                "Do" => self.xobject(&op.operands, resources, &gs, depth),
                "Tf" if nums.len() == 1 => {
                    text.size = nums[0];
                    text.font = self.font(op.operands.first(), resources);
                }
                other => {
                    if !self.path_op(other, &nums, &gs, &mut path) {
                        self.text_op(other, &op.operands, &nums, &gs, &mut text);
                    }
                }
            }
        }
    }

    /// Path construction and painting; whether `op` was one.
    fn path_op(
        &mut self,
        op: &str,
        nums: &[f64],
        gs: &State,
        path: &mut Vec<(f64, f64)>,
    ) -> bool {
        let pen = gs.line_width * scale_of(&gs.ctm) / 2.0;
        match op {
            "m" | "l" if nums.len() == 2 => path.push(apply(&gs.ctm, (nums[0], nums[1]))),
            "c" | "v" | "y" => {
                for pair in nums.chunks(2).filter(|p| p.len() == 2) {
                    path.push(apply(&gs.ctm, (pair[0], pair[1])));
                }
            }
            "re" if nums.len() == 4 => {
                let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
                for p in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                    path.push(apply(&gs.ctm, p));
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                let stroke = matches!(op, "S" | "s" | "B" | "B*" | "b" | "b*");
                let fill = matches!(op, "f" | "F" | "f*" | "B" | "B*" | "b" | "b*");
                let inked = (stroke && !gs.stroke_white) || (fill && !gs.fill_white);
                if inked {
                    self.add(path, if stroke { pen } else { 0.0 });
                }
                path.clear();
            }
            _ => return false,
        }
        true
    }

    /// Text operators: positions and glyph boxes estimated from the font size.
    fn text_op(
        &mut self,
        op: &str,
        operands: &[Object],
        nums: &[f64],
        gs: &State,
        t: &mut Text,
    ) {
        let translate = |tx: f64, ty: f64| [1.0, 0.0, 0.0, 1.0, tx, ty];
        match op {
            "BT" => {
                t.matrix = IDENTITY;
                t.line = IDENTITY;
            }
            "TL" if nums.len() == 1 => t.leading = nums[0],
            "Tz" if nums.len() == 1 => t.scale = nums[0] / 100.0,
            "Tr" if nums.len() == 1 => t.invisible = nums[0] == 3.0 || nums[0] == 7.0,
            "Td" | "TD" if nums.len() == 2 => {
                if op == "TD" {
                    t.leading = -nums[1];
                }
                t.line = concat(&translate(nums[0], nums[1]), &t.line);
                t.matrix = t.line;
            }
            "Tm" if nums.len() == 6 => {
                t.line = [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]];
                t.matrix = t.line;
            }
            "T*" => {
                t.line = concat(&translate(0.0, -t.leading), &t.line);
                t.matrix = t.line;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op != "Tj" && op != "TJ" {
                    t.line = concat(&translate(0.0, -t.leading), &t.line);
                    t.matrix = t.line;
                }
                let font = self.fonts.get(t.font).unwrap_or(&self.fonts[0]);
                let ems: f64 = operands.iter().map(|o| string_width(o, font)).sum();
                let width = ems * t.size * t.scale;
                if !(t.invisible || gs.fill_white) && ems > 0.0 {
                    let m = concat(&t.matrix, &gs.ctm);
                    let (lo, hi) = (-0.25 * t.size, t.size);
                    let corners = [(0.0, lo), (width, lo), (0.0, hi), (width, hi)];
                    let points: Vec<_> = corners.iter().map(|&p| apply(&m, p)).collect();
                    self.add(&points, 0.0);
                }
                t.matrix = concat(&translate(width, 0.0), &t.matrix);
            }
            _ => {}
        }
    }

    /// The index in `fonts` of the font `name` of `resources` (0, the unknown font,
    /// when it is not there).
    fn font(&mut self, name: Option<&Object>, resources: Option<&Object>) -> usize {
        let Some(Object::Name(name)) = name else { return 0 };
        let entry = resources
            .and_then(|r| r.as_dict().ok())
            .and_then(|r| r.get(b"Font").ok())
            .map(|f| resolve(self.objects, f))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok());
        let id = match entry {
            Some(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        if let Some(index) = id.and_then(|id| self.font_ids.get(&id)) {
            return *index;
        }
        let Some(Object::Dictionary(font)) = entry.map(|f| resolve(self.objects, f))
        else {
            return 0;
        };
        self.fonts.push(Widths::of(self.objects, font));
        let index = self.fonts.len() - 1;
        if let Some(id) = id {
            self.font_ids.insert(id, index);
        }
        index
    }

    /// `Do`: an image is its unit square; a form is read with its matrix, in its box.
    fn xobject(
        &mut self,
        operands: &[Object],
        resources: Option<&Object>,
        gs: &State,
        depth: usize,
    ) {
        let Some(Object::Name(name)) = operands.first() else { return };
        let found = resources
            .and_then(|r| r.as_dict().ok())
            .and_then(|r| r.get(b"XObject").ok())
            .map(|x| resolve(self.objects, x))
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .map(|x| resolve(self.objects, x));
        let Some(Object::Stream(stream)) = found else { return };
        let subtype = stream.dict.get(b"Subtype").ok().and_then(|s| s.as_name().ok());
        if subtype != Some(b"Form".as_slice()) {
            self.add(&unit_square(&gs.ctm), 0.0);
            return;
        }
        if depth >= MAX_FORM_DEPTH {
            self.full = true;
            return;
        }
        let matrix = match stream.dict.get(b"Matrix").map(|m| resolve(self.objects, m)) {
            Ok(Object::Array(items)) if items.len() == 6 => {
                let v: Vec<f64> =
                    items.iter().filter_map(|o| number(self.objects, o)).collect();
                if v.len() == 6 { [v[0], v[1], v[2], v[3], v[4], v[5]] } else { IDENTITY }
            }
            _ => IDENTITY,
        };
        let Ok(data) = stream.get_plain_content_with_limit(MAX_CONTENT_BYTES) else {
            self.full = true;
            return;
        };
        let inner = stream.dict.get(b"Resources").ok().map(|r| resolve(self.objects, r));
        let before = self.found.take();
        self.run(&data, inner.or(resources), concat(&matrix, &gs.ctm), depth + 1);
        let painted = self.found.take();
        self.found = before;
        if let Some(p) = painted {
            let clip = form_box(self.objects, &stream.dict, &concat(&matrix, &gs.ctm));
            let p = match clip {
                Some(c) => p.intersect(&c),
                None => Some(p),
            };
            if let Some(p) = p {
                self.add(&[(p.x0, p.y0), (p.x1, p.y1)], 0.0);
            }
        }
    }
}

/// A form's `/BBox` in user space through `m`.
fn form_box(
    objects: &BTreeMap<ObjectId, Object>,
    dict: &Dictionary,
    m: &Matrix,
) -> Option<Bounds> {
    let Ok(Object::Array(items)) = dict.get(b"BBox").map(|b| resolve(objects, b)) else {
        return None;
    };
    let v: Vec<f64> = items.iter().filter_map(|o| number(objects, o)).collect();
    let [a, b, c, d] = v[..] else { return None };
    let pts = [(a, b), (c, b), (a, d), (c, d)].map(|p| apply(m, p));
    let xs = pts.map(|p| p.0);
    let ys = pts.map(|p| p.1);
    let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
    let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    Some(Bounds { x0: min(xs), y0: min(ys), x1: max(xs), y1: max(ys) })
}

/// The unit square through `m` (where an image is drawn).
fn unit_square(m: &Matrix) -> [(f64, f64); 4] {
    [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|p| apply(m, p))
}

/// How much `m` scales lengths (the root of its determinant's size).
fn scale_of(m: &Matrix) -> f64 {
    (m[0] * m[3] - m[1] * m[2]).abs().sqrt()
}

/// Whether a colour operator sets white: grey 1, RGB 1 1 1, CMYK 0 0 0 0.
fn is_white(op: &str, nums: &[f64]) -> bool {
    let all = |v: f64| !nums.is_empty() && nums.iter().all(|&n| (n - v).abs() < 1e-6);
    match (op, nums.len()) {
        ("g", 1) | ("rg", 3) => all(1.0),
        ("k", 4) => all(0.0),
        ("sc" | "scn", 1 | 3) => all(1.0),
        ("sc" | "scn", 4) => all(0.0),
        _ => false,
    }
}

/// The width of a text operand in em (its strings' glyphs in `font`).
fn string_width(obj: &Object, font: &Widths) -> f64 {
    match obj {
        Object::String(bytes, _) => font.width(bytes),
        Object::Array(items) => items.iter().map(|o| string_width(o, font)).sum(),
        _ => 0.0,
    }
}
