//! Which targets (language × layout) a command works on: the user's selection checked
//! against the manifest, in a stable order, optionally one shard of them.

use serde::Serialize;

use crate::project::manifest::Manifest;
use crate::tr;
use crate::util::diag::{Error, Result};
use crate::util::suggest::did_you_mean;

/// One part of a stable partition of the targets, for spreading builds over machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, 1-based.
    pub index: usize,
    /// Into how many parts.
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let bad = || String::from(tr!("project-shard-invalid", text = text));
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(tr!("project-shard-range", text = text).into());
        }
        Ok(Self { index, count })
    }
}

/// One (language, layout) to build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetId {
    /// Language code.
    pub lang: String,
    /// Layout name.
    pub layout: String,
}

/// The selected targets in a stable order (language, then layout, as in the
/// manifest), keeping only `shard`'s part: target i goes to shard i mod N + 1.
pub fn targets(
    manifest: &Manifest,
    langs: &[String],
    layouts: &[String],
    shard: Option<Shard>,
) -> Result<Vec<TargetId>> {
    let langs =
        select(langs, manifest.languages.iter().map(|l| l.code.as_str()), "language")?;
    let layouts = select(layouts, manifest.layout_names().into_iter(), "layout")?;
    let all = langs.iter().flat_map(|lang| {
        layouts
            .iter()
            .map(move |layout| TargetId { lang: lang.clone(), layout: layout.clone() })
    });
    Ok(all
        .enumerate()
        .filter(|(i, _)| shard.is_none_or(|s| i % s.count + 1 == s.index))
        .map(|(_, t)| t)
        .collect())
}

/// Keeps the asked names (all when none asked), erroring on unknown ones with a
/// "did you mean" hint; `what` is `language` or `layout`.
pub fn select<'a>(
    asked: &[String],
    known: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<Vec<String>> {
    let known: Vec<&str> = known.collect();
    if asked.is_empty() {
        return Ok(known.iter().map(|s| s.to_string()).collect());
    }
    for name in asked {
        if !known.contains(&name.as_str()) {
            let list = known.join(", ");
            let (message, hint) = match what {
                "layout" => (
                    tr!("project-unknown-layout", name = name.as_str()),
                    tr!("project-known-layouts", names = list),
                ),
                _ => (
                    tr!("project-unknown-language", name = name.as_str()),
                    tr!("project-known-languages", names = list),
                ),
            };
            let mut err = Error::new(message);
            if let Some(best) = did_you_mean(name, &known) {
                err = err.with_hint(tr!("project-did-you-mean", key = best));
            }
            return Err(err.with_hint(hint));
        }
    }
    Ok(asked.to_vec())
}
