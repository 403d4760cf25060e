//! Mark lines and fills read back from a PDF page's own content stream (forms placed with
//! `Do` are not entered: the pages are not marks), to compare both painters with the
//! crate's drawings.

#![allow(dead_code)]

use livret_impose::{Drawing, Line, Rect};
use lopdf::content::Content;
use lopdf::{Document, Object};

/// A stroke or fill as painted, in sheet coordinates (pt, top-left origin, y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Painted {
    /// A stroked straight segment: from, to, line width, dash pattern (pt).
    Line { from: (f64, f64), to: (f64, f64), width: f64, dash: Vec<f64> },
    /// A filled path, by its bounding box.
    Fill(Rect),
}

/// Tolerance for comparing painted and planned geometry, in pt.
const TOL: f64 = 0.02;

/// `a` times `b` as PDF matrices (apply `a` first).
fn concat(a: [f64; 6], b: [f64; 6]) -> [f64; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// A number operand.
fn f(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("not a number: {other:?}"),
    }
}

/// The strokes and fills of every page of `pdf`, in page order.
pub fn painted(pdf: &[u8]) -> Vec<Vec<Painted>> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).expect("a page dictionary");
            let media =
                page.get(b"MediaBox").and_then(Object::as_array).expect("MediaBox");
            let height = f(&media[3]) - f(&media[1]);
            let content = doc.get_page_content(id);
            page_painted(&Content::decode(&content).expect("a content stream"), height)
        })
        .collect()
}

/// The height of a page's media box, inherited or not.
fn media_height(doc: &Document, mut id: lopdf::ObjectId) -> f64 {
    loop {
        let node = doc.get_dictionary(id).expect("a page tree node");
        if let Ok(media) = node.get(b"MediaBox").and_then(|m| doc.dereference(m)) {
            let media = media.1.as_array().expect("a MediaBox array");
            return f(&media[3]) - f(&media[1]);
        }
        id = node.get(b"Parent").and_then(Object::as_reference).expect("a MediaBox");
    }
}

/// Interprets one content stream: `q Q cm w d m l re h S s f F f* B b n`, nothing else.
fn page_painted(content: &Content, height: f64) -> Vec<Painted> {
    let mut out = Vec::new();
    let identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let (mut ctm, mut width, mut dash) = (identity, 1.0, Vec::<f64>::new());
    let mut path: Vec<Vec<(f64, f64)>> = Vec::new();
    let to_sheet = |m: [f64; 6], x: f64, y: f64| {
        let (px, py) = (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        (px, height - py)
    };
    for op in &content.operations {
        let a = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push((ctm, width, dash.clone())),
            "Q" => {
                (ctm, width, dash) = stack.pop().unwrap_or((identity, 1.0, Vec::new()))
            }
            "cm" => {
                let m = [f(&a[0]), f(&a[1]), f(&a[2]), f(&a[3]), f(&a[4]), f(&a[5])];
                ctm = concat(m, ctm);
            }
            "w" => width = f(&a[0]),
            "d" => {
                dash =
                    a[0].as_array().map(|v| v.iter().map(f).collect()).unwrap_or_default()
            }
            "m" => path.push(vec![to_sheet(ctm, f(&a[0]), f(&a[1]))]),
            "l" => {
                let p = to_sheet(ctm, f(&a[0]), f(&a[1]));
                path.last_mut().expect("l after m").push(p);
            }
            "re" => {
                let (x, y, w, h) = (f(&a[0]), f(&a[1]), f(&a[2]), f(&a[3]));
                path.push(
                    [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                        .iter()
                        .map(|&(x, y)| to_sheet(ctm, x, y))
                        .collect(),
                );
            }
            "h" => {}
            "S" | "s" => {
                let scale = (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs().sqrt();
                for sub in path.drain(..) {
                    for pair in sub.windows(2) {
                        out.push(Painted::Line {
                            from: pair[0],
                            to: pair[1],
                            width: width * scale,
                            dash: dash.iter().map(|d| d * scale).collect(),
                        });
                    }
                }
            }
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                let points: Vec<(f64, f64)> = path.drain(..).flatten().collect();
                let (x0, x1) = points
                    .iter()
                    .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
                let (y0, y1) = points
                    .iter()
                    .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
                out.push(Painted::Fill(Rect::new(x0, y0, x1 - x0, y1 - y0)));
            }
            "n" => path.clear(),
            _ => {}
        }
    }
    out
}

/// The lines and fills of the crate's drawings, as a painter must paint them.
pub fn expected(drawings: &[Drawing]) -> Vec<Painted> {
    drawings
        .iter()
        .filter_map(|d| match d {
            Drawing::Line { line: Line { x1, y1, x2, y2 }, stroke } => {
                Some(Painted::Line {
                    from: (*x1, *y1),
                    to: (*x2, *y2),
                    width: stroke.width,
                    dash: stroke.dash.to_vec(),
                })
            }
            Drawing::Fill { rect, .. } => Some(Painted::Fill(*rect)),
            Drawing::Text { .. } => None,
        })
        .collect()
}

/// Whether two painted items agree within the tolerance (a line either way round).
fn same(a: &Painted, b: &Painted) -> bool {
    let near = |x: f64, y: f64| (x - y).abs() <= TOL;
    let pt = |p: (f64, f64), q: (f64, f64)| near(p.0, q.0) && near(p.1, q.1);
    match (a, b) {
        (
            Painted::Line { from: f1, to: t1, width: w1, dash: d1 },
            Painted::Line { from: f2, to: t2, width: w2, dash: d2 },
        ) => {
            ((pt(*f1, *f2) && pt(*t1, *t2)) || (pt(*f1, *t2) && pt(*t1, *f2)))
                && near(*w1, *w2)
                && d1.len() == d2.len()
                && d1.iter().zip(d2).all(|(x, y)| near(*x, *y))
        }
        (Painted::Fill(r1), Painted::Fill(r2)) => {
            near(r1.x, r2.x)
                && near(r1.y, r2.y)
                && near(r1.width, r2.width)
                && near(r1.height, r2.height)
        }
        _ => false,
    }
}

/// Checks that `got` holds exactly the `want` items (in any order); `what` names the page.
pub fn assert_same(got: &[Painted], want: &[Painted], what: &str) {
    let mut left: Vec<&Painted> = got.iter().collect();
    for w in want {
        let Some(i) = left.iter().position(|g| same(g, w)) else {
            panic!("{what}: {w:?} not painted; painted: {got:#?}");
        };
        left.swap_remove(i);
    }
    assert!(left.is_empty(), "{what}: painted beyond the marks: {left:#?}");
}
