//! `livret build --package DIR`: what a print shop needs in one folder — every print
//! file with its job ticket, and a README in French and English listing them, with
//! their SHA-256 so the shop can check what it received. `--package NAME.zip` puts the
//! same files in one zip archive instead, the same bytes for the same build.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::build::archive;
use crate::build::output::BuiltTarget;
use crate::build::output::OutputKind;
use crate::build::report::{self, ReportEntry};
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project, write_atomic};

/// Copies the print files and tickets of `built` with a README into `dest`: a folder
/// (new or empty), or a zip archive when `dest` ends in `.zip` (written whole or not
/// at all, replacing an older one); returns the names of the files packaged.
pub fn package(
    manifest: &Manifest,
    built: &[BuiltTarget],
    dest: &Path,
) -> Result<Vec<String>> {
    let zip =
        dest.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) && !dest.is_dir();
    if !zip && fs::read_dir(dest).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(Error::new(tr!("build-package-not-empty", path = dest))
            .with_hint(tr!("build-package-not-empty-hint")));
    }
    let report = report::collect(manifest);
    let entries: Vec<&ReportEntry> = report
        .outputs
        .iter()
        .filter(|e| e.output.kind.for_print_shop())
        .filter(|e| built.iter().any(|t| t.lang == e.lang && t.layout == e.layout))
        .collect();
    if entries.is_empty() {
        return Err(Error::new(tr!("build-package-nothing"))
            .with_hint(tr!("build-package-nothing-hint")));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in &entries {
        let bytes = read_project(&manifest.root, &entry.output.path)?;
        files.push((file_name(&entry.output.path).to_string(), bytes));
    }
    files.push(("README.txt".to_string(), readme_text(manifest, &entries).into_bytes()));
    if zip {
        let date = crate::typeset::world::build_date(manifest.date()?)?;
        let day = (
            date.year().unwrap_or(1980),
            date.month().unwrap_or(1),
            date.day().unwrap_or(1),
        );
        write_atomic(dest, &archive::zip(&files, day)?)?;
    } else {
        for (name, bytes) in &files {
            write_atomic(&dest.join(name), bytes)?;
        }
    }
    Ok(files.into_iter().map(|(name, _)| name).collect())
}

/// The last component of a `/`-separated path.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `note` for a print file made for a black-and-white printer, else nothing.
fn gray<'a>(print: &ReportEntry, note: &'a str) -> &'a str {
    if print.output.path.contains("-gray") { note } else { "" }
}

/// The README: in French, then in English, then the checksums.
fn readme_text(manifest: &Manifest, entries: &[&ReportEntry]) -> String {
    let source = &manifest.guide.source_language;
    let title = manifest.title(source);
    let (y, m, d) = manifest.date().unwrap_or((0, 0, 0));
    let date = format!("{y:04}-{m:02}-{d:02}");
    let edition = manifest.guide.edition;
    let mut out = String::new();
    let _ = writeln!(out, "{title} — édition / edition {edition} — {date}\n");
    let prints: Vec<&&ReportEntry> =
        entries.iter().filter(|e| e.output.kind == OutputKind::Print).collect();
    let ticket_of = |print: &ReportEntry| {
        let stem = file_name(&print.output.path).trim_end_matches(".pdf").to_string();
        format!("{stem}.txt")
    };
    let sheet_of = |print: &ReportEntry| {
        let stem = file_name(&print.output.path).trim_end_matches(".pdf");
        format!("{}.pdf", paths::job_sheet_stem(stem))
    };
    let language = |code: &str| {
        manifest
            .language(code)
            .map_or(code.to_string(), |l| format!("{} ({code})", l.name))
    };

    out.push_str("FRANÇAIS — fichiers pour l'imprimeur\n\n");
    out.push_str(
        "Chaque fichier PDF est à imprimer tel quel, à 100 % (sans « ajuster à la page »).\n\
         À côté de chacun, sa fiche de travail (.txt) dit comment imprimer, couper, plier et\n\
         agrafer, avec les chiffres de ce travail. Lisez-la avant d'imprimer. Sa fiche\n\
         illustrée (-ticket.pdf, une page en français, une en anglais) le montre en images :\n\
         la feuille 1 en miniature avec ses numéros de page, les coupes, les plis, l'ordre\n\
         des piles, les réglages de l'imprimante et l'encre.\n\n",
    );
    for p in &prints {
        let _ = writeln!(
            out,
            "- {} : {}, format {}, {} feuille(s) pour {} livret(s) ({}{}) — fiche : {}, fiche illustrée : {}",
            file_name(&p.output.path),
            language(&p.lang),
            p.layout,
            p.sheets.unwrap_or(0),
            p.booklets.unwrap_or(1),
            p.scheme.map_or(String::new(), |s| s.to_string()),
            gray(p, ", imprimante noir et blanc"),
            ticket_of(p),
            sheet_of(p)
        );
    }
    out.push_str("\nENGLISH — files for the print shop\n\n");
    out.push_str(
        "Print each PDF file as it is, at 100% (no \"fit to page\").\n\
         Beside each one, its job ticket (.txt) says how to print, cut, fold and staple,\n\
         with this job's numbers. Read it before printing. Its job sheet (-ticket.pdf, one\n\
         page in French, one in English) shows it in pictures: sheet 1 in miniature with its\n\
         page numbers, the cuts, the folds, the order of the piles, the printer settings\n\
         and the ink.\n\n",
    );
    for p in &prints {
        let _ = writeln!(
            out,
            "- {}: {}, {} format, {} sheet(s) for {} booklet(s) ({}{}) — ticket: {}, job sheet: {}",
            file_name(&p.output.path),
            language(&p.lang),
            p.layout,
            p.sheets.unwrap_or(0),
            p.booklets.unwrap_or(1),
            p.scheme.map_or(String::new(), |s| s.to_string()),
            gray(p, ", black-and-white printer"),
            ticket_of(p),
            sheet_of(p)
        );
    }
    out.push_str(
        "\nSHA-256 (pour vérifier les fichiers reçus / to check the files received: sha256sum -c)\n\n",
    );
    for e in entries {
        let _ = writeln!(out, "{}  {}", e.output.sha256, file_name(&e.output.path));
    }
    out
}
