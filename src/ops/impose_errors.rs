//! The imposition backend's errors (`livret_impose::pdf::PdfError`) in the user's
//! language: the crate says them in English, this names the input and says them from
//! the catalogue, with their hints.

use std::path::Path;

use livret_impose::pdf::PdfError;

use crate::i18n::Text;
use crate::tr;
use crate::util::diag::Error;

/// The error for `err` met reading or imposing `input`, with its hint.
pub fn pdf_error(input: &Path, err: &PdfError) -> Error {
    let (message, hint) = match err {
        PdfError::NotPdf => (tr!("impose-pdf-not-pdf"), tr!("impose-pdf-not-pdf-hint")),
        PdfError::Encrypted => {
            (tr!("impose-pdf-encrypted"), tr!("impose-pdf-encrypted-hint"))
        }
        PdfError::Corrupt(cause) => (
            tr!("impose-pdf-corrupt", cause = cause.as_str()),
            tr!("impose-pdf-corrupt-hint"),
        ),
        PdfError::Empty => (tr!("impose-pdf-empty"), tr!("impose-pdf-empty-hint")),
        PdfError::PageSize { page, size, expected } => (
            tr!(
                "impose-pdf-page-size",
                page = page,
                size = size.to_string(),
                expected = expected.to_string()
            ),
            tr!("impose-pdf-page-size-hint"),
        ),
        PdfError::PlanMismatch(cause) => (
            tr!("impose-pdf-plan-mismatch", cause = cause.as_str()),
            tr!("impose-pdf-plan-mismatch-hint"),
        ),
        PdfError::BadBox { page, problem } => (
            tr!("impose-pdf-bad-box", page = page, problem = problem.as_str()),
            tr!("impose-pdf-bad-box-hint"),
        ),
    };
    Error::new(Text::raw(input.display().to_string()).join(": ", &message))
        .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use livret_impose::Size;

    /// Every variant says what the crate says (in English) and the crate's hint.
    #[test]
    fn every_backend_error_reads_as_the_crate_says_it_in_english() {
        let size = Size::new(595.0, 842.0);
        let errors = [
            PdfError::NotPdf,
            PdfError::Encrypted,
            PdfError::Corrupt("it has no readable page tree".into()),
            PdfError::Empty,
            PdfError::PageSize { page: 3, size, expected: Size::new(420.0, 595.0) },
            PdfError::PlanMismatch("page 9 of 8".into()),
            PdfError::BadBox { page: 2, problem: "its MediaBox is empty".into() },
        ];
        for err in errors {
            let said = pdf_error(Path::new("in.pdf"), &err);
            assert_eq!(said.message.english(), format!("in.pdf: {err}"), "{err:?}");
            assert_eq!(said.hints.len(), 1, "{err:?}");
            assert_eq!(Some(said.hints[0].english().to_string()), err.hint(), "{err:?}");
        }
    }
}
