//! An independent folding simulation: prints, cuts, stacks and folds sheets in 3-D and
//! reads the booklet page by page, knowing nothing of the planner.
//!
//! Input: a [`Recipe`] (what the printer's ticket says: sheet, cut grid, fold direction,
//! duplex flip axis, signature size) and, per output PDF page in order (sheet 1 front,
//! sheet 1 back, sheet 2 front, …), a list of [`Observation`]s: what can be read off that
//! page. An observation is a label (the booklet page number printed on the page, 1-based;
//! `None` for a blank), a point inside the page's box (its centre, or the centre of a
//! label printed in the middle of the page) in PDF points with the origin at the top-left
//! of the page as displayed and y down, and the clockwise rotation of the page's content
//! as displayed (0, 90, 180 or 270). Blank pages may be left out.
//!
//! Output: per booklet (several for step-and-repeat copies), the faces as a reader turns
//! the pages: the label read (`None` for a blank face) and the rotation seen (0 = upright).
//!
//! Model: right-handed 3-D, X to the right of a sheet's front as displayed, Y up, Z out of
//! the front. Every leaf half is a face with a centre, a normal and the printed items on
//! it; folds are rigid rotations. Folds are mountain folds (the stack's top ends outside).
#![allow(dead_code)]

/// A direction on the displayed sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Top to bottom as displayed.
    Vertical,
    /// Left to right as displayed.
    Horizontal,
}

/// The printer's instructions in numbers.
#[derive(Debug, Clone)]
pub struct Recipe {
    /// `saddle`, `cutstack`, `copies`, `signatures` or `zine`.
    pub scheme: String,
    /// Sheet width as displayed, pt.
    pub sheet_width: f64,
    /// Sheet height as displayed, pt.
    pub sheet_height: f64,
    /// Left edge of the cut grid on the front, pt.
    pub grid_x: f64,
    /// Top edge of the cut grid on the front, pt.
    pub grid_y: f64,
    /// Width of one cut piece, pt.
    pub cell_width: f64,
    /// Height of one cut piece, pt.
    pub cell_height: f64,
    /// Pieces across.
    pub cols: usize,
    /// Pieces down.
    pub rows: usize,
    /// Direction of the fold through the middle of each piece (ignored for the zine).
    pub fold: Dir,
    /// The axis the duplex printer flips the sheet about, on the displayed sheet.
    pub flip: Dir,
    /// Sheets per signature (`signatures` only).
    pub signature_sheets: usize,
}

/// What can be read off one page box of an output PDF page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// Booklet page number printed on the page (1-based), `None` for a blank.
    pub label: Option<usize>,
    /// A point inside the page box, pt from the left.
    pub x: f64,
    /// A point inside the page box, pt from the top.
    pub y: f64,
    /// Clockwise rotation of the content as displayed: 0, 90, 180 or 270.
    pub rotation: u16,
}

/// One face of the finished booklet as the reader sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    /// The label printed there, `None` if blank.
    pub label: Option<usize>,
    /// Clockwise rotation the reader sees: 0 = upright.
    pub rotation: u16,
}

type V3 = [f64; 3];

const X: V3 = [1.0, 0.0, 0.0];
const Y: V3 = [0.0, 1.0, 0.0];
const Z: V3 = [0.0, 0.0, 1.0];
const TOL: f64 = 1e-3;

fn add(a: V3, b: V3) -> V3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}
fn scale(a: V3, k: f64) -> V3 {
    [a[0] * k, a[1] * k, a[2] * k]
}
fn neg(a: V3) -> V3 {
    scale(a, -1.0)
}
fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
fn cross(a: V3, b: V3) -> V3 {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

/// A rigid motion: p ↦ m·p + t, with m given by the images of X, Y and Z.
#[derive(Clone, Copy)]
struct Motion {
    ix: V3,
    iy: V3,
    iz: V3,
    t: V3,
}

impl Motion {
    fn vector(&self, v: V3) -> V3 {
        add(add(scale(self.ix, v[0]), scale(self.iy, v[1])), scale(self.iz, v[2]))
    }
    fn point(&self, p: V3) -> V3 {
        add(self.vector(p), self.t)
    }
    /// Half turn about the line through `p` along `axis` (X, Y or Z).
    fn half_turn(axis: V3, p: V3) -> Motion {
        let flip = |e: V3| if dot(e, axis).abs() > 0.5 { e } else { neg(e) };
        let (ix, iy, iz) = (flip(X), flip(Y), flip(Z));
        let m = Motion { ix, iy, iz, t: [0.0; 3] };
        // Fix p: t = p − m·p.
        let mp = m.vector(p);
        Motion { t: add(p, neg(mp)), ..m }
    }
    /// Rotation about the Y axis (through the origin) sending X to `image_of_x`.
    fn about_y(image_of_x: V3) -> Motion {
        Motion { ix: image_of_x, iy: Y, iz: cross(image_of_x, Y), t: [0.0; 3] }
    }
    fn then(self, next: Motion) -> Motion {
        Motion {
            ix: next.vector(self.ix),
            iy: next.vector(self.iy),
            iz: next.vector(self.iz),
            t: next.point(self.t),
        }
    }
}

/// Something printed: its label, a point on it and its "up" direction, in 3-D.
#[derive(Debug, Clone, Copy)]
struct Item {
    label: Option<usize>,
    pos: V3,
    up: V3,
}

/// One side of one leaf half: a centre, the outward normal of that side, what is on it.
#[derive(Debug, Clone)]
struct Face {
    center: V3,
    normal: V3,
    items: Vec<Item>,
}

impl Face {
    fn apply(&mut self, m: &Motion) {
        self.center = m.point(self.center);
        self.normal = m.vector(self.normal);
        for item in &mut self.items {
            item.pos = m.point(item.pos);
            item.up = m.vector(item.up);
        }
    }
}

/// Display "up" of content turned `rotation` degrees clockwise, as (dx, dy) with y down.
fn display_up(rotation: u16) -> Result<(f64, f64), String> {
    match rotation {
        0 => Ok((0.0, -1.0)),
        90 => Ok((1.0, 0.0)),
        180 => Ok((0.0, 1.0)),
        270 => Ok((-1.0, 0.0)),
        r => Err(format!("rotation {r} is not a multiple of 90")),
    }
}

/// Rotation seen for an up vector with components (right, up) in the viewer's frame.
fn seen_rotation(right: f64, up: f64) -> u16 {
    if up > 0.5 {
        0
    } else if right > 0.5 {
        90
    } else if up < -0.5 {
        180
    } else {
        270
    }
}

/// Print: every observation as an item lying on the sheet (front up, in the Z = 0 plane),
/// in the front's frame. The back is mapped through the duplex flip: turning the sheet
/// about the flip axis shows the back exactly as displayed.
fn print_sheet(
    recipe: &Recipe,
    front: &[Observation],
    back: &[Observation],
) -> Result<Vec<(Item, bool)>, String> {
    let (w, h) = (recipe.sheet_width, recipe.sheet_height);
    let mut items = Vec::new();
    for o in front {
        let (dx, dy) = display_up(o.rotation)?;
        items.push((
            Item { label: o.label, pos: [o.x, -o.y, 0.0], up: [dx, -dy, 0.0] },
            true,
        ));
    }
    for o in back {
        let (dx, dy) = display_up(o.rotation)?;
        // The viewer's right and up directions, and where the displayed origin lies.
        let (right, up, origin) = match recipe.flip {
            Dir::Vertical => (neg(X), Y, [w, 0.0, 0.0]),
            Dir::Horizontal => (X, neg(Y), [0.0, -h, 0.0]),
        };
        let pos = add(origin, add(scale(right, o.x), scale(up, -o.y)));
        let up_vec = add(scale(right, dx), scale(up, -dy));
        items.push((Item { label: o.label, pos, up: up_vec }, false));
    }
    Ok(items)
}

/// A cut piece: its four faces (half 0/1 × front/back) in piece-local coordinates
/// (origin at the piece's centre, fold line through the origin).
struct Piece {
    faces: Vec<Face>,
    empty: bool,
}

/// Cuts every sheet into pieces; `pieces[sheet][cell]`.
fn cut(recipe: &Recipe, sides: &[Vec<Observation>]) -> Result<Vec<Vec<Piece>>, String> {
    if !sides.len().is_multiple_of(2) {
        return Err(format!(
            "{} output pages: sheets need a front and a back",
            sides.len()
        ));
    }
    let (cw, ch) = (recipe.cell_width, recipe.cell_height);
    let mut sheets = Vec::new();
    for (k, pair) in sides.chunks(2).enumerate() {
        let mut pieces: Vec<Piece> = (0..recipe.cols * recipe.rows)
            .map(|_| {
                let half_offset = match recipe.fold {
                    Dir::Vertical => [cw / 4.0, 0.0, 0.0],
                    Dir::Horizontal => [0.0, ch / 4.0, 0.0],
                };
                let mut faces = Vec::new();
                for sign in [-1.0, 1.0] {
                    for normal in [Z, neg(Z)] {
                        faces.push(Face {
                            center: scale(half_offset, sign),
                            normal,
                            items: Vec::new(),
                        });
                    }
                }
                Piece { faces, empty: true }
            })
            .collect();
        for (item, on_front) in print_sheet(recipe, &pair[0], &pair[1])? {
            let (x, y) = (item.pos[0], -item.pos[1]);
            let col = ((x - recipe.grid_x) / cw).floor();
            let row = ((y - recipe.grid_y) / ch).floor();
            let side = if on_front { "front" } else { "back" };
            if col < 0.0
                || row < 0.0
                || col >= recipe.cols as f64
                || row >= recipe.rows as f64
            {
                return Err(format!(
                    "sheet {} {side}: page at ({x:.1}, {y:.1}) is outside every piece",
                    k + 1
                ));
            }
            let (col, row) = (col as usize, row as usize);
            let cx = recipe.grid_x + (col as f64 + 0.5) * cw;
            let cy = recipe.grid_y + (row as f64 + 0.5) * ch;
            let local = Item { pos: [x - cx, -(y - cy), 0.0], ..item };
            let across = match recipe.fold {
                Dir::Vertical => local.pos[0],
                Dir::Horizontal => local.pos[1],
            };
            if across.abs() < TOL {
                return Err(format!(
                    "sheet {} {side}: page at ({x:.1}, {y:.1}) straddles a fold",
                    k + 1
                ));
            }
            let half = usize::from(across > 0.0);
            let face = half * 2 + usize::from(!on_front);
            let piece = &mut pieces[row * recipe.cols + col];
            piece.faces[face].items.push(local);
            piece.empty = false;
        }
        sheets.push(pieces);
    }
    Ok(sheets)
}

/// Stacks pieces (first = top, all fronts up), folds the stack once along the pieces'
/// fold line as a mountain fold, and reads it.
fn fold_and_read(recipe: &Recipe, stack: Vec<Piece>) -> Result<Vec<Read>, String> {
    let mut faces = Vec::new();
    for (i, piece) in stack.into_iter().filter(|p| !p.empty).enumerate() {
        for mut face in piece.faces {
            let z = -(i as f64) + 0.25 * face.normal[2];
            face.apply(&Motion { ix: X, iy: Y, iz: Z, t: [0.0, 0.0, z] });
            faces.push(face);
        }
    }
    if faces.is_empty() {
        return Ok(Vec::new());
    }
    let bottom = faces.iter().map(|f| f.center[2]).fold(f64::INFINITY, f64::min) - 0.5;
    // Fold the half on the left (or the top) under the stack.
    let (axis, moving, away): (V3, fn(&Face) -> bool, V3) = match recipe.fold {
        Dir::Vertical => (Y, |f| f.center[0] < 0.0, X),
        Dir::Horizontal => (X, |f| f.center[1] > 0.0, neg(Y)),
    };
    let fold = Motion::half_turn(axis, [0.0, 0.0, bottom]);
    for face in faces.iter_mut().filter(|f| moving(f)) {
        face.apply(&fold);
    }
    // The reader holds the booklet spine left, either side up, and takes the one whose
    // cover reads upright.
    let view_a = read(&faces, Z, away)?;
    let view_b = read(&faces, neg(Z), away)?;
    let upright = |v: &[Read]| v.first().is_some_and(|r| r.rotation == 0);
    Ok(if !upright(&view_a) && upright(&view_b) { view_b } else { view_a })
}

/// Reads the folded faces from the side `toward` (pointing at the reader), with `right`
/// pointing away from the spine.
fn read(faces: &[Face], toward: V3, right: V3) -> Result<Vec<Read>, String> {
    let up = cross(toward, right);
    let mut order: Vec<&Face> = faces.iter().collect();
    order.sort_by(|a, b| dot(b.center, toward).total_cmp(&dot(a.center, toward)));
    let mut out = Vec::new();
    for (i, face) in order.iter().enumerate() {
        let facing = dot(face.normal, toward) > 0.5;
        if facing != (i % 2 == 0) {
            return Err(format!("face {i} faces the wrong way after folding"));
        }
        if dot(face.center, right) < -TOL {
            return Err(format!("face {i} lies beyond the spine after folding"));
        }
        match face.items.as_slice() {
            [] => out.push(Read { label: None, rotation: 0 }),
            [item] => {
                let sign = if facing { 1.0 } else { -1.0 };
                let rotation =
                    seen_rotation(sign * dot(item.up, right), dot(item.up, up));
                out.push(Read {
                    label: item.label,
                    rotation: if item.label.is_some() { rotation } else { 0 },
                });
            }
            many => {
                return Err(format!(
                    "{} pages printed on one booklet page: {:?}",
                    many.len(),
                    many.iter().map(|i| i.label).collect::<Vec<_>>()
                ));
            }
        }
    }
    Ok(out)
}

/// Runs the whole job: print, cut, stack, fold, read. One reading per booklet.
pub fn simulate(
    recipe: &Recipe,
    sides: &[Vec<Observation>],
) -> Result<Vec<Vec<Read>>, String> {
    if recipe.scheme == "zine" {
        return zine(recipe, sides).map(|b| vec![b]);
    }
    if recipe.scheme == "wire" || recipe.scheme == "cards" {
        return leaves(recipe, sides);
    }
    let mut sheets = cut(recipe, sides)?;
    let cells = recipe.cols * recipe.rows;
    // Take piece (k, c) out of the table.
    let mut take = |k: usize, c: usize| {
        std::mem::replace(&mut sheets[k][c], Piece { faces: Vec::new(), empty: true })
    };
    let n = sides.len() / 2;
    match recipe.scheme.as_str() {
        // Cut, then lay pile 0 (sheet 1 on top) over pile 1, …: one stack, one fold.
        "saddle" | "cutstack" => {
            let stack =
                (0..cells).flat_map(|c| (0..n).map(move |k| (k, c))).collect::<Vec<_>>();
            let stack = stack.into_iter().map(|(k, c)| take(k, c)).collect();
            Ok(vec![fold_and_read(recipe, stack)?])
        }
        // Every pile is its own booklet.
        "copies" => (0..cells)
            .map(|c| fold_and_read(recipe, (0..n).map(|k| take(k, c)).collect()))
            .collect(),
        // Groups of K sheets, each cut and stacked and folded alone; gathered in order.
        "signatures" => {
            let k_per = recipe.signature_sheets.max(1);
            let mut book = Vec::new();
            for start in (0..n).step_by(k_per) {
                let end = (start + k_per).min(n);
                let mut stack = Vec::new();
                for c in 0..cells {
                    for k in start..end {
                        stack.push(take(k, c));
                    }
                }
                book.extend(fold_and_read(recipe, stack)?);
            }
            Ok(vec![book])
        }
        other => Err(format!("unknown scheme {other}")),
    }
}

/// Flat leaves, never folded: every sheet is cut into its pieces; each piece is read
/// front first, then its back after turning it over about its vertical edge (as a page
/// or a card is turned). `wire`: the piles laid pile 1 (sheets 1…S) on top of pile 2, …,
/// one book read leaf by leaf. `cards`: every piece is its own item, read as front and
/// back (sheet by sheet, piece by piece).
fn leaves(recipe: &Recipe, sides: &[Vec<Observation>]) -> Result<Vec<Vec<Read>>, String> {
    if !sides.len().is_multiple_of(2) {
        return Err(format!(
            "{} output pages: sheets need a front and a back",
            sides.len()
        ));
    }
    let (cw, ch) = (recipe.cell_width, recipe.cell_height);
    let cells = recipe.cols * recipe.rows;
    let n = sides.len() / 2;
    // pieces[k][c] = (front items, back items)
    let mut pieces: Vec<Vec<(Vec<Item>, Vec<Item>)>> =
        (0..n).map(|_| (0..cells).map(|_| (Vec::new(), Vec::new())).collect()).collect();
    for (k, pair) in sides.chunks(2).enumerate() {
        for (item, on_front) in print_sheet(recipe, &pair[0], &pair[1])? {
            let (x, y) = (item.pos[0], -item.pos[1]);
            let col = ((x - recipe.grid_x) / cw).floor();
            let row = ((y - recipe.grid_y) / ch).floor();
            let side = if on_front { "front" } else { "back" };
            if col < 0.0
                || row < 0.0
                || col >= recipe.cols as f64
                || row >= recipe.rows as f64
            {
                return Err(format!(
                    "sheet {} {side}: page at ({x:.1}, {y:.1}) is outside every piece",
                    k + 1
                ));
            }
            let piece = &mut pieces[k][row as usize * recipe.cols + col as usize];
            if on_front { piece.0.push(item) } else { piece.1.push(item) }
        }
    }
    // The reader sees a front from +Z (right X, up Y), a back after turning the leaf
    // about its vertical edge: from −Z, right −X, up Y.
    let face = |items: &[Item], right: V3, what: &str| -> Result<Read, String> {
        match items {
            [] => Ok(Read { label: None, rotation: 0 }),
            [item] => Ok(Read {
                label: item.label,
                rotation: if item.label.is_some() {
                    seen_rotation(dot(item.up, right), dot(item.up, Y))
                } else {
                    0
                },
            }),
            many => Err(format!(
                "{} pages printed on one {what}: {:?}",
                many.len(),
                many.iter().map(|i| i.label).collect::<Vec<_>>()
            )),
        }
    };
    let read = |piece: &(Vec<Item>, Vec<Item>)| -> Result<[Read; 2], String> {
        Ok([face(&piece.0, X, "front")?, face(&piece.1, neg(X), "back")?])
    };
    let mut out = Vec::new();
    if recipe.scheme == "cards" {
        for sheet in &pieces {
            for piece in sheet {
                out.push(read(piece)?.to_vec());
            }
        }
        return Ok(out);
    }
    let mut book = Vec::new();
    for c in 0..cells {
        for sheet in &pieces {
            let piece = &sheet[c];
            if piece.0.is_empty() && piece.1.is_empty() {
                continue;
            }
            book.extend(read(piece)?);
        }
    }
    out.push(book);
    Ok(out)
}

/// The one-sheet mini zine, printed on the front only: fold in half along the long middle
/// (printed side out), slit the middle half of that fold, push the ends together so the
/// slit opens into four wings round one spine, and flatten the wings so the piece at the
/// bottom right is the cover.
fn zine(recipe: &Recipe, sides: &[Vec<Observation>]) -> Result<Vec<Read>, String> {
    if recipe.cols != 4 || recipe.rows != 2 {
        return Err(format!(
            "a zine has 4×2 panels, not {}×{}",
            recipe.cols, recipe.rows
        ));
    }
    if sides.iter().skip(1).any(|s| !s.is_empty()) || sides.len() > 2 {
        return Err("a zine is printed on one side of one sheet".into());
    }
    let (w, h) = (recipe.sheet_width, recipe.sheet_height);
    let (pw, ph) = (recipe.cell_width, recipe.cell_height);
    // panels[col][row]: the printed face of each panel (printed side only).
    let mut panels: Vec<Vec<Face>> = (0..4)
        .map(|col| {
            (0..2)
                .map(|row| Face {
                    center: [(col as f64 + 0.5) * pw, -(row as f64 + 0.5) * ph, 0.0],
                    normal: Z,
                    items: Vec::new(),
                })
                .collect()
        })
        .collect();
    let front = sides.first().map(Vec::as_slice).unwrap_or(&[]);
    for (item, _) in print_sheet(recipe, front, &[])? {
        let (x, y) = (item.pos[0], -item.pos[1]);
        let (col, row) = ((x / pw).floor(), (y / ph).floor());
        if !(0.0..4.0).contains(&col) || !(0.0..2.0).contains(&row) {
            return Err(format!("page at ({x:.1}, {y:.1}) is off the sheet"));
        }
        panels[col as usize][row as usize].items.push(item);
    }
    // 1. Mountain fold along the long middle: the top row swings behind.
    let fold = Motion::half_turn(X, [0.0, -h / 2.0, 0.0]);
    for col in panels.iter_mut() {
        col[0].apply(&fold);
    }
    // 2. Push the ends together about the spine (x = w/4 meets x = 3w/4); the slit middle
    //    opens: the front layer's middle bulges toward the reader (+Z), the back layer's
    //    away (−Z). Each panel turns about the spine so it points along its wing.
    //    3. Flatten every wing onto the back-layer wing's direction (−Z).
    let to_spine = |x0: f64| Motion { ix: X, iy: Y, iz: Z, t: [-x0, 0.0, 0.0] };
    let turn = |image_of_x: V3| Motion::about_y(image_of_x);
    let moves: [[Motion; 2]; 4] = [
        // col 0: wing points −X; flattened −X → −Z.
        [to_spine(w / 4.0).then(turn(Z)), to_spine(w / 4.0).then(turn(Z))],
        // col 1: top (back layer) X → −Z; bottom (front layer) X → +Z, then a half turn.
        [
            to_spine(w / 4.0).then(turn(neg(Z))),
            to_spine(w / 4.0).then(turn(Z)).then(turn(neg(X))),
        ],
        // col 2: top −X → −Z; bottom −X → +Z, then a half turn.
        [
            to_spine(3.0 * w / 4.0).then(turn(Z)),
            to_spine(3.0 * w / 4.0).then(turn(neg(Z))).then(turn(neg(X))),
        ],
        // col 3: wing points +X; flattened +X → −Z.
        [
            to_spine(3.0 * w / 4.0).then(turn(neg(Z))),
            to_spine(3.0 * w / 4.0).then(turn(neg(Z))),
        ],
    ];
    for (col, pair) in panels.iter_mut().enumerate() {
        for (row, face) in pair.iter_mut().enumerate() {
            face.apply(&moves[col][row]);
        }
    }
    // Wings stack along X in their order round the spine, starting at the cover's wing:
    // col 3 (came from +X), the back-layer middle (−Z), col 0 (−X), the front-layer middle.
    let wings: [[(usize, usize); 2]; 4] =
        [[(3, 0), (3, 1)], [(1, 0), (2, 0)], [(0, 0), (0, 1)], [(1, 1), (2, 1)]];
    let (toward, right) = (X, neg(Z));
    let up = cross(toward, right);
    let mut out = Vec::new();
    for wing in wings {
        let faces: Vec<&Face> = wing.iter().map(|&(c, r)| &panels[c][r]).collect();
        for want in [1.0, -1.0] {
            let found: Vec<&&Face> = faces
                .iter()
                .filter(|f| (dot(f.normal, toward) - want).abs() < 0.5)
                .collect();
            let [face] = found.as_slice() else {
                return Err("a wing does not show one printed face on each side".into());
            };
            match face.items.as_slice() {
                [] => out.push(Read { label: None, rotation: 0 }),
                [item] => {
                    let rotation =
                        seen_rotation(want * dot(item.up, right), dot(item.up, up));
                    out.push(Read {
                        label: item.label,
                        rotation: if item.label.is_some() { rotation } else { 0 },
                    });
                }
                _ => return Err("two pages printed on one zine panel".into()),
            }
        }
    }
    Ok(out)
}
