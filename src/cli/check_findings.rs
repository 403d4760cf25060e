//! `livret check`'s lines for the translation checks' findings (each located in the
//! translation and the source, with how to mark it as intended) and for translations
//! of chapters the guide no longer lists (with how to rename or remove them).

use crate::ops::check::{Orphan, QaFinding};
use crate::tr;

/// One line per finding not marked as intended, then how many were.
pub fn finding_lines(lang: &str, findings: &[QaFinding], out: &mut String) {
    for f in findings.iter().filter(|f| !f.intended) {
        let finding = tr!(
            "cli-finding",
            check = f.check.name(),
            message = &f.message,
            source = format!("{}:{}", f.source_file, f.source_line)
        );
        let intended = tr!(
            "cli-finding-if-intended",
            command = format!(
                "livret check --lang {lang} --intended {}:{}",
                f.id,
                f.check.name()
            )
        );
        out.push_str(&format!(
            "{lang}: {}:{}: {finding}\n    {intended}\n",
            f.file, f.line
        ));
    }
    let intended = findings.iter().filter(|f| f.intended).count();
    if intended > 0 {
        let text = tr!("cli-findings-intended", count = intended);
        out.push_str(&format!("{lang}: {text}\n"));
    }
}

/// One line per chapter the guide no longer lists, saying what to do.
pub fn orphan_lines(lang: &str, orphans: &[Orphan], out: &mut String) {
    for o in orphans {
        let rename = match &o.renamed_to {
            Some(new) => format!("livret chapter rename {} {new}", o.chapter),
            None => format!(
                "livret chapter rename {} {}",
                o.chapter,
                tr!("cli-orphan-new-name")
            ),
        };
        let text = tr!("cli-orphan", chapter = &o.chapter, rename = rename);
        out.push_str(&format!("{lang}: {}: {text}\n", o.file));
    }
}
