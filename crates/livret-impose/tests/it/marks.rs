//! The PDF backend paints exactly the crate's mark drawings: lines (width, dash), fills
//! and slug texts read back from its output. livret's `tests/impose_sheets.rs` checks the
//! typst painter against the same drawings and this backend.

use livret_impose::pdf::{PlaceOptions, impose_pdf, read_info};
use livret_impose::{
    MarkOptions, PlanOptions, Scheme, SheetSize, all_sides, drawings, plan,
};

use crate::support::marks::{assert_same, expected, painted};
use crate::support::{Gen, make, words_per_page};

#[test]
fn pdf_backend_paints_the_mark_drawings() {
    let cases = [
        (Scheme::Signatures, (200.0, 280.0), 24),
        (Scheme::Cutstack, (297.64, 419.53), 16),
        (Scheme::Zine, (209.76, 297.64), 8),
    ];
    for (scheme, size, pages) in cases {
        let input = make(&Gen { size, ..Gen::new(pages) });
        let info = read_info(&input).unwrap();
        let mut popts = PlanOptions::new(scheme, SheetSize::A4.size(), info.sizes[0]);
        popts.signature_sheets = Some(1);
        let imp = plan(info.pages, &popts).unwrap();
        let opts = PlaceOptions {
            marks: MarkOptions::ALL,
            title: "Guide".into(),
            ..PlaceOptions::new(&imp)
        };
        let out = impose_pdf(&input, &imp, &opts).unwrap();
        let read = painted(&out);
        let words = words_per_page(&out);
        let sides = all_sides(&imp);
        assert_eq!(read.len(), sides.len());
        for (n, side) in sides.iter().enumerate() {
            let drawn = drawings(side.get(&imp).unwrap(), MarkOptions::ALL, "Guide");
            assert_same(&read[n], &expected(&drawn), &format!("{scheme} side {}", n + 1));
            for d in &drawn {
                if let livret_impose::Drawing::Text { text, .. } = d {
                    assert!(words[n].join(" ").contains(text.as_str()), "{text}");
                }
            }
        }
    }
}
