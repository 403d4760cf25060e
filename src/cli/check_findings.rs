//! `livret check`'s lines for the translation checks' findings (each located in the
//! translation and the source, with how to mark it as intended) and for translations
//! of chapters the guide no longer lists (with how to rename or remove them).

use crate::ops::check::{Orphan, QaFinding};

/// One line per finding not marked as intended, then how many were.
pub fn finding_lines(lang: &str, findings: &[QaFinding], out: &mut String) {
    for f in findings.iter().filter(|f| !f.intended) {
        out.push_str(&format!(
            "{lang}: {}:{}: {}: {} (source {}:{})\n    if intended: livret check --lang {lang} --intended {}:{}\n",
            f.file,
            f.line,
            f.check.name(),
            f.message,
            f.source_file,
            f.source_line,
            f.id,
            f.check.name()
        ));
    }
    let intended = findings.iter().filter(|f| f.intended).count();
    if intended > 0 {
        out.push_str(&format!(
            "{lang}: {intended} check finding(s) marked as intended (status.toml, [intended]) not shown\n"
        ));
    }
}

/// One line per chapter the guide no longer lists, saying what to do.
pub fn orphan_lines(lang: &str, orphans: &[Orphan], out: &mut String) {
    for o in orphans {
        let rename = match &o.renamed_to {
            Some(new) => format!("livret chapter rename {} {new}", o.chapter),
            None => format!("livret chapter rename {} NEW-NAME", o.chapter),
        };
        out.push_str(&format!(
            "{lang}: {}: chapter `{}` is not in sources/guide.toml, so no build uses it; if it was renamed: {rename}; if it was removed: delete its files (translation, .accepted/{}.txt, its line in status.toml)\n",
            o.file, o.chapter, o.chapter
        ));
    }
}
