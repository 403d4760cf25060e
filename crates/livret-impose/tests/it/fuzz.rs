//! Corrupt inputs: random byte damage never panics.

use crate::support;

use livret_impose::pdf::{PdfInput, PlaceOptions, impose_pdf};
use livret_impose::{PlanOptions, Scheme, SheetSize, plan};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn damaged_bytes_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20),
        compress in any::<bool>(),
    ) {
        let g = support::Gen { compress, inherited: true, ..support::Gen::new(5) };
        let mut input = support::make(&g);
        for (at, byte) in flips {
            let i = at.index(input.len());
            input[i] = byte;
        }
        if let Ok(parsed) = PdfInput::parse(&input) {
            let info = parsed.info();
            let opts = PlanOptions::new(Scheme::Saddle, SheetSize::A3.size(), livret_impose::Size::new(support::A5.0, support::A5.1));
            if let Ok(imp) = plan(info.pages, &opts) {
                let mut place = PlaceOptions::new(&imp);
                place.fit = livret_impose::fit::PageFit::Center;
                place.marks.slug = true;
                let _ = impose_pdf(&input, &imp, &place);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_after_header_never_panic(body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut input = b"%PDF-1.4\n".to_vec();
        input.extend(body);
        let _ = PdfInput::parse(&input).map(|p| p.info());
    }
}
