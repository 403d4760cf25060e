//! A small drawing surface that writes Typst markup: shapes and texts placed at
//! millimetre coordinates from the top-left corner of a fixed-size box. Every text
//! goes through [`string_literal`], so nothing a title or file name holds becomes code.

use std::fmt::Write as _;

use crate::typeset::markdown::string_literal;

/// Red of cut lines.
pub const CUT: &str = "rgb(\"#d0021b\")";
/// Blue of fold lines.
pub const FOLD: &str = "rgb(\"#1f5fbf\")";
/// Light grey of printed pages.
pub const PAGE: &str = "luma(232)";
/// Dark grey of outlines and pictograms.
pub const INK: &str = "luma(40)";

/// Typst markup of a box of `width` × `height` mm with absolutely placed drawings.
pub struct Canvas {
    width: f64,
    height: f64,
    items: String,
}

/// How a line is drawn: colour (a Typst colour expression), width in pt, dashed or not.
#[derive(Clone, Copy)]
pub struct Pen<'a> {
    /// The colour.
    pub paint: &'a str,
    /// The width in pt.
    pub width: f64,
    /// Dashed (folds) or solid.
    pub dashed: bool,
}

impl Pen<'_> {
    /// The Typst stroke.
    fn stroke(&self) -> String {
        let dash = if self.dashed { ", dash: \"dashed\"" } else { "" };
        format!("(paint: {}, thickness: {:.2}pt{dash})", self.paint, self.width)
    }
}

/// A solid pen.
pub fn pen(paint: &str, width: f64) -> Pen<'_> {
    Pen { paint, width, dashed: false }
}

/// A dashed pen.
pub fn dashed(paint: &str, width: f64) -> Pen<'_> {
    Pen { paint, width, dashed: true }
}

impl Canvas {
    /// An empty canvas of `width` × `height` mm.
    pub fn new(width: f64, height: f64) -> Self {
        Self { width, height, items: String::new() }
    }

    /// A rectangle, filled with `fill` (a Typst colour, or none) and outlined by `stroke`.
    pub fn rect(
        &mut self,
        (x, y, w, h): (f64, f64, f64, f64),
        fill: Option<&str>,
        stroke: Option<Pen>,
    ) {
        let fill = fill.map_or("none".to_string(), str::to_string);
        let stroke = stroke.map_or("none".to_string(), |p| p.stroke());
        let _ = writeln!(
            self.items,
            "#place(top + left, dx: {x:.2}mm, dy: {y:.2}mm, rect(width: {:.2}mm, height: {:.2}mm, fill: {fill}, stroke: {stroke}))",
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// A circle of radius `r` mm centred at (`x`, `y`).
    pub fn circle(
        &mut self,
        (x, y): (f64, f64),
        r: f64,
        fill: &str,
        stroke: Option<Pen>,
    ) {
        let stroke = stroke.map_or("none".to_string(), |p| p.stroke());
        let _ = writeln!(
            self.items,
            "#place(top + left, dx: {:.2}mm, dy: {:.2}mm, circle(radius: {r:.2}mm, fill: {fill}, stroke: {stroke}))",
            x - r,
            y - r
        );
    }

    /// A straight line.
    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), pen: Pen) {
        let _ = writeln!(
            self.items,
            "#place(top + left, line(start: ({x1:.2}mm, {y1:.2}mm), end: ({x2:.2}mm, {y2:.2}mm), stroke: {}))",
            pen.stroke()
        );
    }

    /// A filled polygon through `points`.
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &str) {
        let pts: Vec<String> =
            points.iter().map(|(x, y)| format!("({x:.2}mm, {y:.2}mm)")).collect();
        let _ = writeln!(
            self.items,
            "#place(top + left, polygon(fill: {fill}, stroke: none, {}))",
            pts.join(", ")
        );
    }

    /// A line ending in an arrow head at its end.
    pub fn arrow(&mut self, from: (f64, f64), to: (f64, f64), pen: Pen, head: f64) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let (ux, uy) = (dx / len, dy / len);
        let back = (to.0 - ux * head, to.1 - uy * head);
        self.line(from, back, pen);
        let (px, py) = (-uy * head * 0.55, ux * head * 0.55);
        self.polygon(
            &[to, (back.0 + px, back.1 + py), (back.0 - px, back.1 - py)],
            pen.paint,
        );
    }

    /// A quarter-ish arc from `from` to `to` bulging toward `control`, with an arrow head.
    pub fn curved_arrow(
        &mut self,
        from: (f64, f64),
        control: (f64, f64),
        to: (f64, f64),
        pen: Pen,
    ) {
        let _ = writeln!(
            self.items,
            "#place(top + left, curve(stroke: {}, curve.move(({:.2}mm, {:.2}mm)), curve.quad(({:.2}mm, {:.2}mm), ({:.2}mm, {:.2}mm))))",
            pen.stroke(),
            from.0,
            from.1,
            control.0,
            control.1,
            to.0,
            to.1
        );
        // The head points along the curve's last tangent (control → end).
        let (dx, dy) = (to.0 - control.0, to.1 - control.1);
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let head = 1.8;
        let back = (to.0 - dx / len * head, to.1 - dy / len * head);
        let (px, py) = (-dy / len * head * 0.55, dx / len * head * 0.55);
        self.polygon(
            &[to, (back.0 + px, back.1 + py), (back.0 - px, back.1 - py)],
            pen.paint,
        );
    }

    /// `text` of `size` pt centred in the area (`x`, `y`, `w`, `h`); `style` adds text
    /// arguments (`weight: "bold"`, `fill: red`), trusted: never from outside.
    pub fn text(
        &mut self,
        area: (f64, f64, f64, f64),
        size: f64,
        text: &str,
        style: &str,
    ) {
        let (x, y, w, h) = area;
        let _ = writeln!(
            self.items,
            "#place(top + left, dx: {x:.2}mm, dy: {y:.2}mm, box(width: {:.2}mm, height: {:.2}mm, align(center + horizon, text(size: {size:.1}pt{style}, {}))))",
            w.max(0.0),
            h.max(0.0),
            string_literal(text)
        );
    }

    /// Left-aligned `text` of `size` pt whose line is centred on `y`, starting at `x`.
    pub fn label(&mut self, (x, y): (f64, f64), size: f64, text: &str, style: &str) {
        let _ = writeln!(
            self.items,
            "#place(top + left, dx: {x:.2}mm, dy: {:.2}mm, box(height: {:.2}mm, align(left + horizon, text(size: {size:.1}pt{style}, {}))))",
            y - size * 0.21,
            size * 0.42,
            string_literal(text)
        );
    }

    /// The canvas as a Typst expression (a box), for a content block.
    pub fn finish(self) -> String {
        format!(
            "box(width: {:.2}mm, height: {:.2}mm)[\n{}]",
            self.width, self.height, self.items
        )
    }
}

/// `text` as a Typst string literal, for a content block: `#"…"`.
pub fn lit(text: &str) -> String {
    format!("#{}", string_literal(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped() {
        let mut c = Canvas::new(10.0, 10.0);
        c.text((0.0, 0.0, 10.0, 10.0), 8.0, "a\"); #panic(\"x", "");
        let out = c.finish();
        assert!(out.contains(r#""a\"); #panic(\"x""#), "{out}");
        assert_eq!(lit("#x"), "#\"#x\"");
    }
}
