//! The flat schemes `cards` and `wire`, and the right-bound zine, checked by the
//! independent simulation (cut, stack, turn leaves over, fold) on the plan alone.

use crate::support::{fold, recipe};

use fold::{Observation, Read};
use livret_impose::ticket::{TicketInfo, ticket};
use livret_impose::{
    Binding, Blanks, Duplex, Edge, Imposition, PlanOptions, Scheme, SheetSize, Size, mm,
    plan, print_order,
};
use recipe::recipe;

/// Every slot's label, centre and rotation, per output side (blanks left out).
fn observe(imp: &Imposition) -> Vec<Vec<Observation>> {
    let side = |slots: &[livret_impose::Slot]| {
        slots
            .iter()
            .filter(|s| s.page.is_some())
            .map(|s| Observation {
                label: s.page.map(|p| p + 1),
                x: s.x + s.width / 2.0,
                y: s.y + s.height / 2.0,
                rotation: s.rotation.degrees(),
            })
            .collect::<Vec<_>>()
    };
    imp.sheets.iter().flat_map(|s| [side(&s.front.slots), side(&s.back.slots)]).collect()
}

fn card() -> Size {
    Size::from_mm(85.0, 55.0)
}

fn up(label: Option<usize>) -> Read {
    Read { label, rotation: 0 }
}

#[test]
fn a_two_sided_business_card_is_ten_per_a4_with_its_back_behind_it() {
    for duplex in [Duplex::Long, Duplex::Short] {
        let mut opts = PlanOptions::new(Scheme::Cards, SheetSize::A4.size(), card());
        opts.duplex = duplex;
        let imp = plan(2, &opts).unwrap();
        assert_eq!(imp.sheets.len(), 1);
        assert_eq!(imp.grid.cells(), 10, "{duplex}: {}×{}", imp.grid.cols, imp.grid.rows);
        assert!(!imp.one_sided());
        let cards = fold::simulate(&recipe(&imp, 1), &observe(&imp)).unwrap();
        assert_eq!(cards.len(), 10);
        for c in &cards {
            assert_eq!(c, &vec![up(Some(1)), up(Some(2))], "{duplex}");
        }
        // Cut, never folded: crop marks only.
        let t = ticket(
            &imp,
            &TicketInfo {
                title: "Carte",
                file: "c.pdf",
                backs_file: None,
                sheet_name: "a4",
                quantity: None,
                bleed: 0.0,
            },
        );
        assert!(
            t.contains("10 cards per sheet, 1 sheet = 10 cards. No fold, no staple."),
            "{t}"
        );
        assert!(!t.contains("Staple") && !t.contains("Fold"), "{t}");
        assert!(
            imp.sheets[0]
                .front
                .marks
                .iter()
                .all(|m| !matches!(m, livret_impose::Mark::Fold(_)))
        );
    }
}

#[test]
fn one_page_is_a_one_sided_card_and_more_pages_are_one_card_per_sheet() {
    let opts = PlanOptions::new(Scheme::Cards, SheetSize::A4.size(), card());
    let one = plan(1, &opts).unwrap();
    assert!(one.one_sided());
    assert_eq!(print_order(&one).len(), 1, "the fronts alone are printed");
    let t = ticket(
        &one,
        &TicketInfo {
            title: "Carte",
            file: "c.pdf",
            backs_file: None,
            sheet_name: "a4",
            quantity: None,
            bleed: 0.0,
        },
    );
    assert!(t.contains("single-sided"), "{t}");
    assert!(!t.contains("calibrate"), "{t}");
    for c in fold::simulate(&recipe(&one, 1), &observe(&one)).unwrap() {
        assert_eq!(c, vec![up(Some(1)), up(None)]);
    }
    let five = plan(5, &opts).unwrap();
    assert_eq!(five.sheets.len(), 3);
    let cards = fold::simulate(&recipe(&five, 1), &observe(&five)).unwrap();
    for (i, c) in cards.iter().enumerate() {
        let k = i / 10;
        let back = (2 * k + 2 <= 5).then_some(2 * k + 2);
        assert_eq!(c, &vec![up(Some(2 * k + 1)), up(back)], "card {i}");
    }
}

/// The reading a wire-bound book must give: 1…N, the blank (odd counts) just before the
/// last page or at the end.
fn wire_reading(pages: usize, blanks: Blanks) -> Vec<Read> {
    let mut want: Vec<Read> = (1..=pages).map(|p| up(Some(p))).collect();
    if pages % 2 == 1 {
        if blanks == Blanks::BeforeLast && pages >= 2 {
            want.insert(pages - 1, up(None));
        } else {
            want.push(up(None));
        }
    }
    want
}

#[test]
fn wire_leaves_cut_and_stack_into_order_with_the_margin_on_the_spine() {
    let mut failures = Vec::new();
    for sheet in [SheetSize::A4, SheetSize::A3, SheetSize::Letter] {
        for page in [Size::from_mm(105.0, 148.0), Size::from_mm(148.0, 210.0), card()] {
            for duplex in [Duplex::Long, Duplex::Short] {
                for binding in [Binding::Left, Binding::Right] {
                    for margin in [0.0, 8.0] {
                        for blanks in [Blanks::BeforeLast, Blanks::End] {
                            for pages in (1..=30).chain([77]) {
                                let mut opts =
                                    PlanOptions::new(Scheme::Wire, sheet.size(), page);
                                opts.duplex = duplex;
                                opts.binding = binding;
                                opts.binding_margin = mm(margin);
                                opts.blanks = blanks;
                                let what = format!(
                                    "{pages} pages {page} on {sheet} {duplex} {binding} margin {margin} {blanks:?}"
                                );
                                if let Err(e) = check_wire(pages, &opts) {
                                    failures.push(format!("{what}: {e}"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures[..failures.len().min(5)].join("\n"));
}

fn check_wire(pages: usize, opts: &PlanOptions) -> Result<(), String> {
    let imp = plan(pages, opts).map_err(|e| e.to_string())?;
    let books = fold::simulate(&recipe(&imp, 1), &observe(&imp))?;
    let [book] = books.as_slice() else { return Err(format!("{} books", books.len())) };
    // Pieces with nothing printed are set aside; the one blank shares its leaf.
    let want = wire_reading(pages, opts.blanks);
    if *book != want {
        return Err(format!("reads {book:?}, expected {want:?}"));
    }
    // Every leaf: the binding margin between the page and the cell's spine edge, on
    // the side its spine says, and the page flush with the cell's other edge.
    let g = imp.grid;
    let m = opts.binding_margin;
    for side in imp.sheets.iter().flat_map(|s| [&s.front, &s.back]) {
        for slot in &side.slots {
            let (cx, cy) = slot.rect().center();
            let col = ((cx - g.x) / g.cell.width).floor() as usize;
            let row = ((cy - g.y) / g.cell.height).floor() as usize;
            let cell = g.cell_rect(row * g.cols + col);
            let (near, far) = match slot.spine {
                Some(Edge::Left) => (slot.x - cell.x, cell.right() - slot.rect().right()),
                Some(Edge::Right) => {
                    (cell.right() - slot.rect().right(), slot.x - cell.x)
                }
                other => return Err(format!("spine {other:?} on a wire leaf")),
            };
            if (near - m).abs() > 1e-6 || far.abs() > 1e-6 {
                return Err(format!("margin {near} / {far} pt on {slot:?}"));
            }
        }
    }
    // The front's spine edge is the binding's.
    let first = &imp.sheets[0].front.slots[0];
    let want_edge = if opts.binding == Binding::Left { Edge::Left } else { Edge::Right };
    if first.spine != Some(want_edge) {
        return Err(format!("front spine {:?}", first.spine));
    }
    Ok(())
}

#[test]
fn wire_tickets_say_cut_stack_punch_and_never_fold() {
    let mut opts =
        PlanOptions::new(Scheme::Wire, SheetSize::A4.size(), Size::from_mm(105.0, 148.0));
    opts.binding_margin = mm(8.0);
    let imp = plan(40, &opts).unwrap();
    let t = ticket(
        &imp,
        &TicketInfo {
            title: "Guide",
            file: "g.pdf",
            backs_file: None,
            sheet_name: "a4",
            quantity: None,
            bleed: 0.0,
        },
    );
    assert!(t.contains("Do not fold. Punch the stack along the left edge of the front (the spine; 8 mm binding margin)"), "{t}");
    assert!(t.contains("marge de reliure") && t.contains("8 mm"), "{t}");
    assert!(!t.contains("Staple"), "{t}");
    opts.binding_margin = 0.0;
    let t = ticket(
        &plan(40, &opts).unwrap(),
        &TicketInfo {
            title: "Guide",
            file: "g.pdf",
            backs_file: None,
            sheet_name: "a4",
            quantity: None,
            bleed: 0.0,
        },
    );
    assert!(
        t.contains("no binding margin added: the holes take the pages' own inner margin"),
        "{t}"
    );
}

#[test]
fn a_right_bound_zine_is_the_mirror_image_of_the_left_bound_one() {
    let page = Size::from_mm(74.0, 105.0);
    let mut opts = PlanOptions::new(Scheme::Zine, SheetSize::A4.size(), page);
    let left = plan(8, &opts).unwrap();
    opts.binding = Binding::Right;
    let right = plan(8, &opts).unwrap();
    assert_eq!(right.binding, Binding::Right);
    let w = right.sheet.width;
    // Folded as it is, the right-bound sheet does not read 1…8 with the spine on the
    // left; its mirror image does.
    let as_is = fold::simulate(&recipe(&right, 1), &observe(&right)).unwrap();
    let want: Vec<Read> = (1..=8).map(|p| up(Some(p))).collect();
    assert_ne!(as_is[0], want);
    let mut mirrored = observe(&right);
    for o in mirrored.iter_mut().flatten() {
        o.x = w - o.x;
        o.rotation = (360 - o.rotation) % 360;
    }
    assert_eq!(fold::simulate(&recipe(&right, 1), &mirrored).unwrap()[0], want);
    assert_eq!(fold::simulate(&recipe(&left, 1), &observe(&left)).unwrap()[0], want);
    let t = ticket(
        &right,
        &TicketInfo {
            title: "Guide",
            file: "g.pdf",
            backs_file: None,
            sheet_name: "a4",
            quantity: None,
            bleed: 0.0,
        },
    );
    assert!(
        t.contains("page 1 (bottom left of the front) is the cover; bound on the right"),
        "{t}"
    );
    assert!(t.contains("la page 1 (en bas à gauche du recto) est la couverture"), "{t}");
}

#[test]
fn collation_marks_stay_inside_the_printable_area_or_are_counted() {
    // A6 spreads on A4: the grid touches the sheet's top edge, where the first
    // signature's mark used to fall.
    for margin in [0.0, 4.0, 10.0] {
        let mut opts = PlanOptions::new(
            Scheme::Signatures,
            SheetSize::A4.size(),
            Size::from_mm(105.0, 148.0),
        );
        opts.signature_sheets = Some(1);
        opts.printer_margin = mm(margin);
        let imp = plan(64, &opts).unwrap();
        let (w, h) = (imp.sheet.width, imp.sheet.height);
        let mut drawn = 0;
        for sheet in &imp.sheets {
            for mark in &sheet.front.marks {
                if let livret_impose::Mark::Collation { rect, .. } = mark {
                    let m = mm(margin) - 1e-6;
                    assert!(
                        rect.x >= m
                            && rect.y >= m
                            && rect.right() <= w - m
                            && rect.bottom() <= h - m,
                        "margin {margin}: {rect:?}"
                    );
                    drawn += 1;
                }
            }
        }
        // Each signature's mark fits along the printable part of its spine.
        assert_eq!(drawn, imp.groups.len(), "margin {margin}");
    }
}
