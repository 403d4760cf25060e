//! Test input PDFs made with lopdf.

#![allow(dead_code)]

use lopdf::{Dictionary, Document, Object, Stream};

/// A5 portrait in pt.
pub const A5: (f64, f64) = (419.527_559, 595.275_591);

/// What a generated page looks like.
#[derive(Clone, Debug)]
pub struct Gen {
    /// Number of pages.
    pub pages: usize,
    /// Trim size (user space, before /Rotate).
    pub size: (f64, f64),
    /// Bleed on every side (adds TrimBox/BleedBox and enlarges the MediaBox), 0 = none.
    pub bleed: f64,
    /// 0-based pages that get /Rotate 90 (their MediaBox is the size turned).
    pub rotate90: Vec<usize>,
    /// 0-based pages with another /Rotate (90, 180, 270, -90, 450…).
    pub rotate: Vec<(usize, i64)>,
    /// Put Resources on the Pages node instead of each page.
    pub inherited: bool,
    /// Split each page's content into an array of streams.
    pub array_contents: bool,
    /// Compress content streams.
    pub compress: bool,
    /// Draw a filled box over the whole bleed box (grey) and a black marker at the
    /// displayed top-left corner of the trim.
    pub paint: bool,
    /// Document title.
    pub title: Option<String>,
    /// 0-based pages of another trim size than `size` (mixed documents).
    pub sizes: Vec<(usize, (f64, f64))>,
}

impl Gen {
    /// `pages` plain A5 pages.
    pub fn new(pages: usize) -> Self {
        Gen {
            pages,
            size: A5,
            bleed: 0.0,
            rotate90: vec![],
            rotate: vec![],
            inherited: false,
            array_contents: false,
            compress: true,
            paint: false,
            title: None,
            sizes: vec![],
        }
    }
}

fn arr(v: [f64; 4]) -> Object {
    Object::Array(v.iter().map(|&x| Object::Real(x as f32)).collect())
}

/// Builds the PDF described by `g`; page k shows the word `pK` (1-based) in big Helvetica.
pub fn make(g: &Gen) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(Object::Dictionary(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
    ])));
    let resources = Dictionary::from_iter(vec![(
        "Font",
        Object::Dictionary(Dictionary::from_iter(vec![("F1", Object::Reference(font))])),
    )]);
    let mut kids = vec![];
    for k in 0..g.pages {
        let turn = if g.rotate90.contains(&k) {
            90
        } else {
            g.rotate.iter().find(|r| r.0 == k).map_or(0, |r| r.1)
        };
        let quarter = turn.rem_euclid(360);
        let rotated = quarter == 90 || quarter == 270;
        // In user space the page is the size turned for a /Rotate 90 page.
        let size = g.sizes.iter().find(|s| s.0 == k).map_or(g.size, |s| s.1);
        let (w, h) = if rotated { (size.1, size.0) } else { size };
        let b = g.bleed;
        let (x0, y0) = (10.0 + b, 20.0 + b); // trim origin, not at 0 on purpose
        let mut ops = String::new();
        if g.paint {
            ops += &format!(
                "0.5 g {} {} {} {} re f 0 g ",
                x0 - b,
                y0 - b,
                w + 2.0 * b,
                h + 2.0 * b
            );
            // displayed top-left: user top-left when upright, user bottom-left when /Rotate 90
            // The user-space corner that shows at the top-left once /Rotate is applied.
            let (mx, my) = match quarter {
                90 => (x0, y0),
                180 => (x0 + w - 40.0, y0),
                270 => (x0 + w - 40.0, y0 + h - 40.0),
                _ => (x0, y0 + h - 40.0),
            };
            ops += &format!("{mx} {my} 40 40 re f ");
        }
        let (tx, ty) = (x0 + 60.0, y0 + h / 2.0);
        let (a, bb, c, d) =
            if rotated { (0.0, 1.0, -1.0, 0.0) } else { (1.0, 0.0, 0.0, 1.0) };
        let (tx, ty) = if rotated { (x0 + w / 2.0, y0 + 60.0) } else { (tx, ty) };
        let text =
            format!("BT /F1 72 Tf {a} {bb} {c} {d} {tx} {ty} Tm (p{}) Tj ET", k + 1);
        let parts: Vec<String> = if g.array_contents {
            vec![format!("q {ops}"), format!("Q q {text}"), "Q".into()]
        } else {
            vec![format!("q {ops} Q q {text} Q")]
        };
        let mut refs = vec![];
        for part in parts {
            let mut s = Stream::new(Dictionary::new(), part.into_bytes());
            if g.compress {
                s.compress().unwrap();
            }
            refs.push(Object::Reference(doc.add_object(s)));
        }
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("MediaBox", arr([0.0, 0.0, x0 + w + b + 15.0, y0 + h + b + 25.0]));
        if b > 0.0 {
            page.set("TrimBox", arr([x0, y0, x0 + w, y0 + h]));
            page.set("BleedBox", arr([x0 - b, y0 - b, x0 + w + b, y0 + h + b]));
        } else {
            page.set("CropBox", arr([x0, y0, x0 + w, y0 + h]));
        }
        if turn != 0 {
            page.set("Rotate", Object::Integer(turn));
        }
        if !g.inherited {
            page.set("Resources", Object::Dictionary(resources.clone()));
        }
        page.set(
            "Contents",
            if refs.len() == 1 { refs.pop().unwrap() } else { Object::Array(refs) },
        );
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Count", Object::Integer(g.pages as i64));
    pages.set("Kids", Object::Array(kids));
    if g.inherited {
        pages.set("Resources", Object::Dictionary(resources));
    }
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    if let Some(title) = &g.title {
        let info = doc.add_object(Dictionary::from_iter(vec![(
            "Title",
            Object::string_literal(title.as_bytes().to_vec()),
        )]));
        doc.trailer.set("Info", Object::Reference(info));
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
