//! Opening a project, one way for every command that compiles: the manifest (typed at
//! load), the fonts it may use (the project's and typst's embedded ones, the system's
//! only when asked), the documents' date, and the targets asked for.

use std::path::Path;
use std::sync::Arc;

use typst::foundations::Datetime;

use crate::build::target::Context;
use crate::project::manifest::{self, Manifest};
use crate::project::targets::{self, Shard, TargetId};
use crate::typeset::fonts::Fonts;
use crate::typeset::world;
use crate::util::diag::Result;

/// An opened project: what every compilation of one command shares.
pub struct Project {
    /// The loaded manifest.
    pub manifest: Arc<Manifest>,
    /// The fonts compilations may use.
    pub fonts: Arc<Fonts>,
    /// The documents' date (`SOURCE_DATE_EPOCH`, else the manifest's).
    pub date: Datetime,
}

impl Project {
    /// Opens the project in `dir`; `system_fonts` adds the fonts installed on this
    /// machine (`--system-fonts`). Fails on a bad manifest, font folder or date.
    pub fn open(dir: &Path, system_fonts: bool) -> Result<Self> {
        let manifest = manifest::load(dir)?;
        Self::with_manifest(Arc::new(manifest), system_fonts)
    }

    /// Opens a project whose manifest is already loaded.
    pub fn with_manifest(manifest: Arc<Manifest>, system_fonts: bool) -> Result<Self> {
        let fonts = Fonts::load(&manifest.root, system_fonts)?;
        let date = world::build_date(manifest.date()?)?;
        Ok(Self { manifest, fonts, date })
    }

    /// Opens a project whose manifest is loaded with fonts already loaded (`watch`
    /// keeps them while no font file changes).
    pub fn with_fonts(manifest: Arc<Manifest>, fonts: Arc<Fonts>) -> Result<Self> {
        let date = world::build_date(manifest.date()?)?;
        Ok(Self { manifest, fonts, date })
    }

    /// What a compilation needs from the project.
    pub fn context(&self) -> Context<'_> {
        Context { manifest: &self.manifest, fonts: &self.fonts, date: self.date }
    }

    /// The targets asked for (every language and layout when none is named), checked
    /// against the manifest with a "did you mean" for typos.
    pub fn targets(
        &self,
        langs: &[String],
        layouts: &[String],
        shard: Option<Shard>,
    ) -> Result<Vec<TargetId>> {
        targets::targets(&self.manifest, langs, layouts, shard)
    }

    /// The layout named, checked against the manifest, or the first of guide.toml.
    pub fn layout_or_first(&self, layout: Option<&str>) -> Result<String> {
        match layout {
            Some(name) => {
                let known = self.manifest.layout_names();
                let asked = [name.to_string()];
                Ok(targets::select(&asked, known.into_iter(), "layout")?.remove(0))
            }
            None => Ok(self.manifest.layouts[0].name.clone()),
        }
    }

    /// The language named, checked against the manifest.
    pub fn language(&self, lang: &str) -> Result<String> {
        let known = self.manifest.languages.iter().map(|l| l.code.as_str());
        Ok(targets::select(&[lang.to_string()], known, "language")?.remove(0))
    }
}
