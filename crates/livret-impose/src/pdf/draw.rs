//! Drawing sheet sides: placed page forms, clipped to their slots, and the marks.

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::copy::Copier;
use super::read::{Bounds, PageGeom};
use super::types::{PlaceOptions, SIZE_TOLERANCE, Sides};
use crate::choice::Rotation;
use crate::fit::{Placed, place};
use crate::geometry::{EPS, Rect};
use crate::marks::{Drawing, MARK_WIDTH, drawings};
use crate::plan::{Imposition, Mark, SidePlan, Slot};

/// Sheet-side content shorter than this is written uncompressed, in bytes: setting up
/// deflate costs more time than the few bytes it would save are worth.
const COMPRESS_MIN: usize = 512;

/// Resource name of the registration colour space on sheet pages.
const REG: &str = "Reg";

/// Resource name of the slug font on sheet pages.
const FONT: &str = "Slug";

/// The shared objects marks use: registration colour and the slug font, each made only if
/// some written side draws a mark that needs it.
pub(super) struct MarkResources {
    pub(super) colour: Option<ObjectId>,
    pub(super) font: Option<ObjectId>,
}

impl MarkResources {
    /// Adds the objects the marks on `sides` need.
    pub(super) fn new(
        copier: &mut Copier,
        sides: &[&SidePlan],
        options: &PlaceOptions,
    ) -> Self {
        let marks = options.marks;
        let any = |f: &dyn Fn(&Mark) -> bool| sides.iter().any(|s| s.marks.iter().any(f));
        let colour = any(&|m| marks.wants(m)).then(|| {
            let id = copier.alloc();
            copier.out.insert(id, registration_colour());
            id
        });
        let font = any(&|m| marks.slug && matches!(m, Mark::Slug { .. })).then(|| {
            let id = copier.alloc();
            copier.out.insert(id, helvetica());
            id
        });
        Self { colour, font }
    }

    /// The resource entries a side with these marks needs.
    fn add_to(&self, res: &mut Dictionary, side: &SidePlan, options: &PlaceOptions) {
        let drawn: Vec<&Mark> =
            side.marks.iter().filter(|m| options.marks.wants(m)).collect();
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
pub(super) struct Sheets<'a> {
    /// The page tree node the sheet pages go under.
    pub(super) tree: ObjectId,
    pub(super) plan: &'a Imposition,
    pub(super) pages: &'a [PageGeom],
    /// The form of each input page, if drawn.
    pub(super) forms: &'a [Option<ObjectId>],
    pub(super) options: &'a PlaceOptions,
    pub(super) marks: MarkResources,
}

impl Sheets<'_> {
    /// Adds one sheet side as an output page (content stream and dictionary); returns the
    /// page's id.
    pub(super) fn page(&self, copier: &mut Copier, side: &SidePlan) -> ObjectId {
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

/// A one-entry dictionary object.
pub(super) fn dict_of(key: &str, value: Object) -> Object {
    let mut dict = Dictionary::new();
    dict.set(key, value);
    Object::Dictionary(dict)
}

/// Registration colour: a Separation `/All` that prints on every plate.
pub(super) fn registration_colour() -> Object {
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
pub(super) fn helvetica() -> Object {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    Object::Dictionary(font)
}

/// Writes a number to a content stream: at most five decimals, no exponent, no `-0`.
pub(super) fn num(out: &mut Vec<u8>, v: f64) {
    let v = if v.is_finite() && v.abs() >= 5e-6 { v } else { 0.0 };
    let text = format!("{v:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    out.extend_from_slice(if text == "-0" { b"0" } else { text.as_bytes() });
}

/// Writes numbers separated by spaces, then `op` and a newline.
pub(super) fn op(out: &mut Vec<u8>, values: &[f64], op: &str) {
    for &v in values {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// Free room beyond each side of each slot on a side, in pt: half the gap to the nearest
/// slot facing it (0 where slots touch), unbounded toward the sheet edge.
pub(super) fn free_room(slots: &[Slot]) -> Vec<Sides> {
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
pub(super) fn draw_side(
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
        let Some(fitted) = place(page.size(), plan.page, options.fit, options.turn)
        else {
            continue;
        };
        let Some((matrix, clip)) = placement(slot, page, fitted, plan, *room) else {
            continue;
        };
        out.extend_from_slice(b"q\n");
        op(out, &[clip.x, sheet_h - clip.bottom(), clip.width, clip.height], "re W n");
        op(out, &matrix, "cm");
        out.extend_from_slice(format!("/P{index} Do\nQ\n").as_bytes());
        if !used.iter().any(|&(i, _)| i == index) {
            used.push((index, *form));
        }
    }
    used.sort_unstable_by_key(|&(i, _)| i);
    let marks = drawings(side, options.marks, &options.title);
    if !marks.is_empty() {
        draw_marks(out, &marks, sheet_h);
    }
    used
}

/// Where a page goes: the `cm` matrix from its user space to the sheet, and the clip
/// rectangle on the sheet (top-left origin, y down), for a page turned and scaled as
/// `fitted` says. `None` if the numbers are unusable.
pub(super) fn placement(
    slot: &Slot,
    page: &PageGeom,
    fitted: Placed,
    plan: &Imposition,
    room: Sides,
) -> Option<([f64; 6], Rect)> {
    let turn = fitted.turn.then(slot.rotation);
    let rot = page.rotate.then(turn);
    let (w, h) = (page.trim.width(), page.trim.height());
    let (dw, dh) = if rot.is_quarter() { (h, w) } else { (w, h) };
    let matching = fitted.exact;
    let s = plan.scale * fitted.scale;
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
    let bleed = page.bleed().turned(turn).scaled(s);
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

/// Paints mark drawings in registration colour, y flipped to PDF space.
pub(super) fn draw_marks(out: &mut Vec<u8>, marks: &[Drawing], sheet_h: f64) {
    out.extend_from_slice(format!("q\n/{REG} CS /{REG} cs 1 SCN 1 scn\n").as_bytes());
    let mut width = marks
        .iter()
        .find_map(|m| match m {
            Drawing::Line { stroke, .. } => Some(stroke.width),
            _ => None,
        })
        .unwrap_or(MARK_WIDTH);
    op(out, &[width], "w");
    for mark in marks {
        match mark {
            Drawing::Line { line: l, stroke } => {
                if stroke.width != width {
                    width = stroke.width;
                    op(out, &[width], "w");
                }
                out.push(b'[');
                for (i, &v) in stroke.dash.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    num(out, v);
                }
                out.extend_from_slice(b"] 0 d\n");
                op(out, &[l.x1, sheet_h - l.y1], "m");
                op(out, &[l.x2, sheet_h - l.y2], "l S");
            }
            Drawing::Fill { rect, .. } => {
                op(
                    out,
                    &[rect.x, sheet_h - rect.bottom(), rect.width, rect.height],
                    "re f",
                );
            }
            Drawing::Text { x, y, size, text, .. } => {
                out.extend_from_slice(format!("BT /{FONT} ").as_bytes());
                op(out, &[*size], "Tf");
                // `y` is the line's centre: put the baseline a third of the size below it.
                op(out, &[1.0, 0.0, 0.0, 1.0, *x, sheet_h - y - size / 3.0], "Tm");
                out.push(b'<');
                for byte in win_ansi(text) {
                    out.extend_from_slice(format!("{byte:02X}").as_bytes());
                }
                out.extend_from_slice(b"> Tj ET\n");
            }
        }
    }
    out.extend_from_slice(b"Q\n");
}

/// Encodes text in WinAnsiEncoding; characters it lacks become `?`.
pub(super) fn win_ansi(text: &str) -> Vec<u8> {
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

    /// A page of the slot's size, placed as it is.
    const EXACT: Placed = Placed { turn: Rotation::R0, scale: 1.0, exact: true };

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
        use crate::{PlanOptions, Scheme, SheetSize, Size, plan};
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
            has_trim: true,
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
            let placed = placement(&slot(slot_turn, true), &page, EXACT, &imp, open);
            let Some((_, clip)) = placed else { panic!("placement") };
            assert_eq!(
                (clip.x, clip.y, clip.width, clip.height),
                (50.0, 55.0, 200.0, 105.0)
            );
        }
        // Upside down, the left side goes right.
        let placed = placement(
            &slot(Rotation::R180, false),
            &geom(Rotation::R0),
            EXACT,
            &imp,
            open,
        );
        let Some((matrix, clip)) = placed else { panic!("placement") };
        assert_eq!((clip.x, clip.y, clip.width, clip.height), (50.0, 60.0, 105.0, 200.0));
        // The page's origin (its bottom-left) lands at the slot's top-right.
        let sheet_h = imp.sheet.height;
        assert_eq!((matrix[4], matrix[5]), (150.0, sheet_h - 60.0));
        assert_eq!(geom(Rotation::R90).bleed().top, 5.0);
    }
}
