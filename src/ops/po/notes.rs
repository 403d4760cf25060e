//! What a PO entry tells translators and their tools beyond its texts: the `md-text`
//! flag (Weblate then runs its Markdown checks on the entry) and, as `#.` notes, what
//! livret's translation checks (`project::qa`) find in its translation, those marked
//! as intended left out.

use super::pofile::Entry;
use crate::i18n::Text;
use crate::project::qa;
use crate::project::status::StatusFile;

/// The flag that tells Weblate an entry is Markdown.
pub const MARKDOWN_FLAG: &str = "md-text";

/// Adds the `md-text` flag to each entry.
pub fn flag_markdown(entries: &mut [Entry]) {
    for e in entries {
        if !e.flags.iter().any(|f| f == MARKDOWN_FLAG) {
            e.flags.push(MARKDOWN_FLAG.to_string());
        }
    }
}

/// Adds the `md-text` flag, and one `#. check …` note per finding of the translation
/// checks in a translated entry (`check NAME: what differs`).
pub fn annotate(entries: &mut [Entry], status: &StatusFile) {
    flag_markdown(entries);
    for e in entries {
        let id = e.msgctxt.clone().unwrap_or_default();
        for f in qa::check_block(&e.msgid, &e.msgstr) {
            if !status.is_intended(&id, f.check.name()) {
                // In English whatever the interface language: PO files do not change
                // with the locale of the run that exports them.
                let message = Text::of(f.message);
                e.extracted.push(format!(
                    "check {}: {}",
                    f.check.name(),
                    message.english()
                ));
            }
        }
    }
}
