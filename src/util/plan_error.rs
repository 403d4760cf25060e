//! The imposition planner's errors ([`PlanError`], from the livret-impose crate, which
//! speaks English only) said in the interface language, with their hints written for
//! `livret impose`'s options or for guide.toml's `[[print]]` keys.

use livret_impose::plan::MAX_SLOTS;
use livret_impose::{PlanError, Scheme, Size, to_mm};

use crate::i18n::{Arg, Text, decimal};
use crate::tr;

/// How a hint names the settings: as `livret impose` options or guide.toml keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settings {
    /// `--sheet a3`, `--fit shrink`.
    Options,
    /// `sheet = "a3"`, `fit = "shrink"` (in a `[[print]]` entry).
    Manifest,
}

impl Settings {
    /// `name` set to `value`: `--name value` or `name = value` (`quoted` strings
    /// in quotes, as TOML writes them).
    fn set(self, name: &str, value: &str, quoted: bool) -> String {
        match (self, quoted) {
            (Settings::Options, _) => format!("--{name} {value}"),
            (Settings::Manifest, true) => format!("{name} = \"{value}\""),
            (Settings::Manifest, false) => format!("{name} = {value}"),
        }
    }

    /// The setting `name` itself: `--name` or `name`.
    fn name(self, name: &str) -> String {
        match self {
            Settings::Options => format!("--{name}"),
            Settings::Manifest => name.to_string(),
        }
    }
}

/// A length in pt as millimetres with at most one decimal (a decimal comma in French).
fn mm(pt: f64) -> Arg {
    decimal(to_mm(pt), 1)
}

/// Why the plan cannot be made, in the interface language.
pub fn message(err: &PlanError) -> Text {
    match err {
        PlanError::NoPages => tr!("plan-no-pages"),
        PlanError::InvalidSize { what, size } => {
            let (width, height) = (mm(size.width), mm(size.height));
            match *what {
                "sheet" => tr!("plan-invalid-sheet-size", width = width, height = height),
                _ => tr!("plan-invalid-page-size", width = width, height = height),
            }
        }
        PlanError::InvalidLength { what, value } => {
            let value = decimal(to_mm(*value), 2);
            match *what {
                "creep" => tr!("plan-invalid-creep", value = value),
                "binding margin" => tr!("plan-invalid-binding-margin", value = value),
                _ => tr!("plan-invalid-printer-margin", value = value),
            }
        }
        PlanError::BackOffset { axis, value } if value.is_finite() => tr!(
            "plan-back-offset-too-large",
            axis = *axis,
            value = decimal(to_mm(*value), 2),
            max = decimal(livret_impose::MAX_BACK_OFFSET_MM, 1)
        ),
        PlanError::BackOffset { axis, .. } => {
            tr!("plan-back-offset-not-a-number", axis = *axis)
        }
        PlanError::ZeroSignatureSheets => tr!("plan-zero-signature-sheets"),
        PlanError::TooManyPages { scheme, pages, max } => {
            tr!("plan-too-many-pages", scheme = scheme.name(), pages = *pages, max = *max)
        }
        PlanError::MarginTooLarge { margin, sheet } => tr!(
            "plan-margin-too-large",
            margin = mm(*margin),
            width = mm(sheet.width),
            height = mm(sheet.height)
        ),
        PlanError::CreepTooLarge { creep, shift, limit, sheets } => tr!(
            "plan-creep-too-large",
            creep = decimal(to_mm(*creep), 2),
            shift = mm(*shift),
            limit = mm(*limit),
            sheets = *sheets
        ),
        PlanError::TooLarge { slots } => {
            tr!("plan-too-large", slots = *slots, max = MAX_SLOTS)
        }
        PlanError::DoesNotFit { scheme, page, needed, sheet, .. } => {
            does_not_fit(*scheme, *page, *needed, *sheet)
        }
    }
}

/// What does not fit on the sheet: the zine's grid, a card, a leaf or a spread.
fn does_not_fit(scheme: Scheme, page: Size, needed: Size, sheet: Size) -> Text {
    let (page_width, page_height) = (mm(page.width), mm(page.height));
    let (width, height) = (mm(needed.width), mm(needed.height));
    let (sheet_width, sheet_height) = (mm(sheet.width), mm(sheet.height));
    match scheme {
        Scheme::Zine => tr!(
            "plan-does-not-fit-zine",
            page_width = page_width,
            page_height = page_height,
            width = width,
            height = height,
            sheet_width = sheet_width,
            sheet_height = sheet_height
        ),
        Scheme::Cards => tr!(
            "plan-does-not-fit-card",
            page_width = page_width,
            page_height = page_height,
            width = width,
            height = height,
            sheet_width = sheet_width,
            sheet_height = sheet_height
        ),
        Scheme::Wire => tr!(
            "plan-does-not-fit-leaf",
            page_width = page_width,
            page_height = page_height,
            width = width,
            height = height,
            sheet_width = sheet_width,
            sheet_height = sheet_height
        ),
        _ => tr!(
            "plan-does-not-fit-spread",
            page_width = page_width,
            page_height = page_height,
            width = width,
            height = height,
            sheet_width = sheet_width,
            sheet_height = sheet_height
        ),
    }
}

/// What the user can do about it, naming the settings as `settings` writes them.
pub fn hint(err: &PlanError, settings: Settings) -> Text {
    let s = settings;
    match err {
        PlanError::NoPages => tr!("plan-no-pages-hint"),
        PlanError::InvalidSize { .. } => tr!("plan-invalid-size-hint"),
        PlanError::InvalidLength { .. } => tr!("plan-invalid-length-hint"),
        PlanError::BackOffset { .. } => {
            tr!(
                "plan-back-offset-hint",
                setting = s.set("back-offset", "1.5mm,-0.5mm", true)
            )
        }
        PlanError::ZeroSignatureSheets => {
            tr!(
                "plan-zero-signature-sheets-hint",
                setting = s.set("signature-sheets", "1", false)
            )
        }
        PlanError::TooManyPages { .. } => tr!(
            "plan-too-many-pages-hint",
            saddle = s.set("scheme", "saddle", true),
            cutstack = s.set("scheme", "cutstack", true)
        ),
        PlanError::MarginTooLarge { .. } => {
            tr!("plan-margin-too-large-hint", setting = s.name("printer-margin"))
        }
        PlanError::CreepTooLarge { .. } => tr!(
            "plan-creep-too-large-hint",
            weight = s.name("paper-weight"),
            caliper = s.name("caliper"),
            signatures = s.set("scheme", "signatures", true)
        ),
        PlanError::TooLarge { .. } => tr!("plan-too-large-hint"),
        PlanError::DoesNotFit { suggestion, .. } => {
            let shrink = s.set("fit", "shrink", true);
            match suggestion {
                Some(sheet) => tr!(
                    "plan-does-not-fit-hint",
                    sheet = s.set("sheet", &sheet.name(), true),
                    shrink = shrink
                ),
                None => tr!(
                    "plan-does-not-fit-custom-hint",
                    sheet = s.name("sheet"),
                    shrink = shrink
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use livret_impose::{BackOffset, SheetSize};

    use super::*;
    use crate::i18n::{UiLang, message as say};

    /// One error of every variant (the match makes a new variant fail to compile here).
    fn every_variant() -> Vec<PlanError> {
        let size = Size::new(297.6, 420.9);
        let all = vec![
            PlanError::NoPages,
            PlanError::InvalidSize { what: "sheet", size },
            PlanError::InvalidSize { what: "page", size },
            PlanError::InvalidLength { what: "creep", value: -1.0 },
            PlanError::InvalidLength { what: "printer margin", value: -1.0 },
            PlanError::InvalidLength { what: "binding margin", value: -1.0 },
            PlanError::BackOffset { axis: "x", value: 90.0 },
            PlanError::BackOffset { axis: "y", value: f64::NAN },
            PlanError::ZeroSignatureSheets,
            PlanError::TooManyPages { scheme: Scheme::Zine, pages: 12, max: 8 },
            PlanError::MarginTooLarge { margin: 200.0, sheet: size },
            PlanError::CreepTooLarge { creep: 3.0, shift: 40.0, limit: 30.0, sheets: 12 },
            PlanError::TooLarge { slots: 5_000_000 },
        ];
        let fits =
            [Scheme::Zine, Scheme::Cards, Scheme::Wire, Scheme::Saddle].map(|scheme| {
                let suggestion = (scheme == Scheme::Saddle).then_some(SheetSize::A3);
                PlanError::DoesNotFit {
                    scheme,
                    page: size,
                    needed: size,
                    sheet: size,
                    suggestion,
                }
            });
        let mut all = all;
        all.extend(fits);
        for err in &all {
            match err {
                PlanError::NoPages
                | PlanError::InvalidSize { .. }
                | PlanError::InvalidLength { .. }
                | PlanError::BackOffset { .. }
                | PlanError::ZeroSignatureSheets
                | PlanError::TooManyPages { .. }
                | PlanError::MarginTooLarge { .. }
                | PlanError::CreepTooLarge { .. }
                | PlanError::TooLarge { .. }
                | PlanError::DoesNotFit { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_planning_error_has_a_message_and_a_hint_from_the_catalogue() {
        for err in every_variant() {
            let text = message(&err);
            // Not the key itself: the catalogue has it.
            assert!(!text.starts_with("plan-"), "{err:?}: {text}");
            for settings in [Settings::Options, Settings::Manifest] {
                let hint = hint(&err, settings);
                assert!(!hint.starts_with("plan-"), "{err:?}: {hint}");
            }
        }
        // The data goes in: the sizes in mm, the pages, the axis.
        let size = Size::new(297.6, 420.9);
        let err = PlanError::InvalidSize { what: "sheet", size };
        assert!(message(&err).contains("105"), "{}", message(&err));
        let err = PlanError::TooManyPages { scheme: Scheme::Zine, pages: 12, max: 8 };
        assert!(message(&err).contains("12") && message(&err).contains("zine"));
        let err = PlanError::BackOffset { axis: "y", value: f64::NAN };
        assert!(message(&err).contains('y'), "{}", message(&err));
        let bad = BackOffset::from_mm(0.0, 30.0).bad_axis().unwrap();
        let err = PlanError::BackOffset { axis: bad.0, value: bad.1 };
        assert!(message(&err).contains("30"), "{}", message(&err));
    }

    #[test]
    fn hints_name_options_or_guide_toml_keys() {
        let size = Size::new(300.0, 400.0);
        let err = PlanError::DoesNotFit {
            scheme: Scheme::Saddle,
            page: size,
            needed: size,
            sheet: size,
            suggestion: Some(SheetSize::A3),
        };
        let options = hint(&err, Settings::Options);
        assert!(
            options.contains("--sheet a3") && options.contains("--fit shrink"),
            "{options}"
        );
        let keys = hint(&err, Settings::Manifest);
        assert!(
            keys.contains("sheet = \"a3\"") && keys.contains("fit = \"shrink\""),
            "{keys}"
        );
        // French: a decimal comma in the sizes.
        let fr = say(
            UiLang::Fr,
            "plan-invalid-page-size",
            &[("width", decimal(105.5, 1)), ("height", decimal(148.0, 1))],
        );
        assert!(fr.contains("105,5"), "{fr}");
    }
}
