//! `livret check`: what translators need to know about their language, against the
//! source language — missing and stale chapters, characters no font can show, page
//! counts and what they do to printing, and typst warnings.

pub mod confirm;
mod findings;
mod orphans;
mod pages;
pub mod qa;

pub use findings::{
    EmptyPageReport, LanguageReport, LayoutReport, LonelyHeadingReport, OverflowReport,
    Placeholders, Stale, Unshowable,
};
pub use orphans::Orphan;
pub use qa::QaFinding;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::build::Project;
use crate::build::target::{CompiledTarget, Context, TargetSpec, compile_target};
use crate::project::manifest::{self, Manifest};
use crate::project::review::{self, State};
use crate::project::segments::is_untranslated;
use crate::project::{accept, chapters, intended, status, targets};
use crate::tr;
use crate::util::diag::{Error, Result};

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The project folder.
    pub project: PathBuf,
    /// Languages to check (all translations when empty).
    pub langs: Vec<String>,
    /// Chapters to mark as current for the (single) language given.
    pub accept: Vec<String>,
    /// Findings to mark as intended for the (single) language given (`ID:CHECK`).
    pub intended: Vec<String>,
    /// Also use the system's fonts.
    pub system_fonts: bool,
}

/// Checks the languages and returns one report each.
pub fn check(options: &CheckOptions) -> Result<Vec<LanguageReport>> {
    let manifest = Arc::new(manifest::load(&options.project)?);
    if !options.accept.is_empty() {
        let [lang] = options.langs.as_slice() else {
            return Err(Error::new(tr!("check-accept-one-lang"))
                .with_hint(tr!("check-accept-one-lang-hint")));
        };
        for done in accept::accept(&manifest, lang, &options.accept)? {
            // Not on stdout: --format json must stay one JSON document.
            eprintln!("{done}");
        }
        for warning in confirm::accept_warnings(&manifest, lang, &options.accept)? {
            eprintln!("{} {warning}", tr!("term-warning"));
        }
    }
    if !options.intended.is_empty() {
        let [lang] = options.langs.as_slice() else {
            return Err(Error::new(tr!("check-intended-one-lang"))
                .with_hint(tr!("check-intended-one-lang-hint")));
        };
        for done in intended::mark(&manifest, lang, &options.intended)? {
            eprintln!("{done}");
        }
        for warning in confirm::intended_warnings(&manifest, lang, &options.intended)? {
            eprintln!("{} {warning}", tr!("term-warning"));
        }
    }
    let langs = targets::select(
        &options.langs,
        manifest.languages.iter().map(|l| l.code.as_str()),
        "language",
    )?;
    let project = Project::with_manifest(manifest.clone(), options.system_fonts)?;
    let ctx = project.context();
    let source = manifest.guide.source_language.as_str();
    // The source language, compiled once per layout: its page counts, and its report.
    let mut source_targets = BTreeMap::new();
    for layout in &manifest.layouts {
        source_targets.insert(layout.name.as_str(), compile(ctx, source, &layout.name)?);
    }
    let mut reports = Vec::new();
    for lang in langs {
        let mut report = LanguageReport::new(&lang, manifest.guide.chapters.len());
        chapter_status(&manifest, &lang, &mut report)?;
        translation_checks(&manifest, &lang, &mut report)?;
        for (i, layout) in manifest.layouts.iter().enumerate() {
            let compiled;
            let target = if lang == source {
                &source_targets[layout.name.as_str()]
            } else {
                compiled = compile(ctx, &lang, &layout.name)?;
                &compiled
            };
            if i == 0 {
                // Characters and warnings do not depend on the layout: report them once.
                report.unshowable = pages::unshowable(target);
                report.warnings = target.compiled.warnings.clone();
            }
            let source_pages =
                source_targets[layout.name.as_str()].compiled.document.pages().len();
            pages::layout_findings(
                &manifest,
                &layout.name,
                target,
                source_pages,
                &mut report,
            )?;
        }
        reports.push(report);
        // Typst's caches of earlier languages would only grow (and count against
        // --memory): keep what is recent.
        typst::comemo::evict(10);
    }
    Ok(reports)
}

/// Compiles one target as a build's print edition is laid out (4-page multiple).
fn compile(ctx: Context, lang: &str, layout: &str) -> Result<CompiledTarget> {
    compile_target(ctx, &TargetSpec { lang, layout, strict: false, page_multiple: 4 })
}

/// Missing chapters, and translations whose source changed since they were accepted
/// (with the blocks that changed, when a snapshot of the accepted source exists).
fn chapter_status(
    manifest: &Manifest,
    lang: &str,
    report: &mut LanguageReport,
) -> Result<()> {
    let source = manifest.guide.source_language.as_str();
    let accepted = status::read(manifest, lang)?;
    for stem in manifest.chapter_stems() {
        if let Some(path) = chapters::missing(manifest, lang, stem)? {
            report.missing.push(path);
            continue;
        }
        if lang == source {
            report.translated += 1;
            continue;
        }
        match placeholders(manifest, lang, stem)? {
            Some(p) => report.placeholders.push(p),
            None => report.translated += 1,
        }
        let Some(r) = review::review(manifest, lang, stem, &accepted)? else { continue };
        if r.state == State::Current {
            continue;
        }
        report.stale.push(Stale {
            chapter: r.chapter,
            file: r.translation,
            source: r.source,
            never_accepted: r.state == State::NeverAccepted,
            no_snapshot: r.state == State::NoSnapshot,
            changes: r.blocks,
            structure: r.structure,
        });
    }
    Ok(())
}

/// The blocks of translation `stem` still under the untranslated mark (`[fr] `), if any.
fn placeholders(
    manifest: &Manifest,
    lang: &str,
    stem: &str,
) -> Result<Option<Placeholders>> {
    let Some(file) = chapters::find(manifest, lang, stem)? else { return Ok(None) };
    let source = manifest.guide.source_language.as_str();
    let chapter = review::read_chapter(manifest, file)?;
    let mut lines: Vec<usize> = chapter
        .blocks
        .iter()
        .filter(|b| is_untranslated(&b.text, source))
        .map(|b| b.line)
        .collect();
    let blocks = lines.len();
    lines.dedup();
    Ok((!lines.is_empty()).then(|| Placeholders {
        file: chapter.file.rel.clone(),
        mark: format!("[{source}]"),
        blocks,
        lines,
    }))
}

/// The translation checks of every chapter, and what the guide no longer lists.
fn translation_checks(
    manifest: &Manifest,
    lang: &str,
    report: &mut LanguageReport,
) -> Result<()> {
    if lang == manifest.guide.source_language {
        return Ok(());
    }
    let status = status::read(manifest, lang)?;
    for stem in manifest.chapter_stems() {
        report.findings.extend(qa::chapter_findings(manifest, lang, stem, &status)?);
    }
    report.orphans = orphans::orphans(manifest, lang, &status)?;
    Ok(())
}
