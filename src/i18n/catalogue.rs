//! The embedded Fluent catalogue: one resource per area, in English and French.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::lang::UiLang;
use super::lang::current;
use super::text::{Arg, Text};

/// One area's messages: its name and its English and French Fluent sources.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    /// The area, as in `locales/<lang>/<area>.ftl`.
    pub area: &'static str,
    /// The English source.
    pub en: &'static str,
    /// The French source.
    pub fr: &'static str,
}

/// Declares the catalogue's areas from `locales/{en,fr}/<area>.ftl`.
macro_rules! areas {
    ($($area:literal)*) => {
        /// Every area of the catalogue.
        pub const CATALOGUE: &[Resource] = &[$(Resource {
            area: $area,
            en: include_str!(concat!("../../locales/en/", $area, ".ftl")),
            fr: include_str!(concat!("../../locales/fr/", $area, ".ftl")),
        }),*];
    };
}

areas!(
    "common" "desk" "shop" "cli" "help" "serve" "build" "ops" "po" "impose" "check" "labels"
    "new" "placeholders" "project" "typeset" "images" "util" "plan" "review"
);

/// The English bundle, parsed the first time a message is made.
static ENGLISH: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(UiLang::En));

/// The French bundle, parsed only when a run speaks French.
static FRENCH: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(UiLang::Fr));

/// The bundle of `lang`.
fn bundle_of(lang: UiLang) -> &'static FluentBundle<FluentResource> {
    match lang {
        UiLang::En => &ENGLISH,
        UiLang::Fr => &FRENCH,
    }
}

/// The bundle of every area in `lang` (a source that does not parse is a bug the
/// catalogue test finds; what parses of it is kept).
fn bundle(lang: UiLang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No invisible isolation marks around values: the terminal would show them escaped.
    bundle.set_use_isolating(false);
    for area in CATALOGUE {
        let source = match lang {
            UiLang::En => area.en,
            UiLang::Fr => area.fr,
        };
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `key` (or `key.attribute`) in `lang` with `args`; a key missing in
/// `lang` falls back to English, one missing in both is shown as the key itself.
pub fn message(lang: UiLang, key: &str, args: &[(&str, Arg)]) -> String {
    format_in(lang, key, args)
        .or_else(|| format_in(UiLang::En, key, args))
        .unwrap_or_else(|| key.to_string())
}

/// The message in one language's bundle, if it is there.
fn format_in(lang: UiLang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle_of(lang);
    let (id, attribute) = match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(attr) => message.get_attribute(attr)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.value(lang));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// Whether the catalogue has the message `key` (or `key.attribute`) in English.
pub fn has_key(key: &str) -> bool {
    let bundle = bundle_of(UiLang::En);
    match key.split_once('.') {
        Some((id, attr)) => {
            bundle.get_message(id).is_some_and(|m| m.get_attribute(attr).is_some())
        }
        None => bundle.get_message(key).is_some_and(|m| m.value().is_some()),
    }
}

impl Text {
    /// The catalogue's message `key` (`key.attribute` for an attribute) with `args`.
    pub fn from_key(key: &str, args: &[(&str, Arg)]) -> Self {
        let ui_lang = current();
        let en = message(UiLang::En, key, args);
        let ui =
            if ui_lang == UiLang::En { en.clone() } else { message(ui_lang, key, args) };
        Self::from_parts(ui, en)
    }
}
