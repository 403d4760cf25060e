//! The interface language: every sentence livret says, in French or English, from one
//! Fluent catalogue (`locales/<lang>/*.ftl`) embedded in the binary.
//!
//! The language is chosen once per run by [`detect`] (`--ui-lang`, then `LIVRET_LANG`,
//! then the locale: `LC_ALL`, `LC_MESSAGES`, `LANG`; `fr_*` → French, anything else
//! English) and installed with [`install`]. Messages are made with [`tr!`](crate::tr):
//! a [`Text`] that reads in the interface language and serialises in English, so JSON
//! output never depends on the locale.

mod catalogue;
mod lang;
mod text;

pub use catalogue::{CATALOGUE, Resource, has_key, message};
pub use lang::{UiLang, current, detect, detect_from, flag_in_args, install};
pub use text::{Arg, Text, decimal, serialize_whole};

/// Makes a [`Text`](crate::i18n::Text) from a catalogue key and named values:
/// `tr!("build-done", count = 3, path = &path)`.
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::from_key(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests;
