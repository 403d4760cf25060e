//! `livret build --package DIR`: what a print shop needs in one folder — every print
//! file with its job ticket, and a README in French and English listing them, with
//! their SHA-256 so the shop can check what it received.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::build::output::BuiltTarget;
use crate::build::output::OutputKind;
use crate::build::report::{self, ReportEntry};
use crate::project::manifest::Manifest;
use crate::project::paths;
use crate::util::diag::{Error, Result};
use crate::util::fs::{read_project, write_atomic};

/// Copies the print files and tickets of `built` into `dir` (new or empty) with a
/// README; returns the files written.
pub fn package(
    manifest: &Manifest,
    built: &[BuiltTarget],
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    if fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(Error::new(format!("{} is not empty", dir.display()))
            .with_hint("give --package a new folder (or empty this one): old files would mix with the new"));
    }
    let report = report::collect(manifest);
    let entries: Vec<&ReportEntry> = report
        .outputs
        .iter()
        .filter(|e| e.output.kind.for_print_shop())
        .filter(|e| built.iter().any(|t| t.lang == e.lang && t.layout == e.layout))
        .collect();
    if entries.is_empty() {
        return Err(Error::new("there are no print files to package").with_hint(
            "add [[print]] presets to guide.toml, and build without --no-print",
        ));
    }
    let mut written = Vec::new();
    for entry in &entries {
        let bytes = read_project(&manifest.root, &entry.output.path)?;
        let to = dir.join(file_name(&entry.output.path));
        write_atomic(&to, &bytes)?;
        written.push(to);
    }
    let readme = dir.join("README.txt");
    write_atomic(&readme, readme_text(manifest, &entries).as_bytes())?;
    written.push(readme);
    Ok(written)
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
