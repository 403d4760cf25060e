//! A message in the interface language and in English, and the values put into it.

use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;

use super::lang::UiLang;

/// A message for users: read in the interface language (`Display`, `Deref<str>`),
/// serialised in English (JSON output does not depend on the locale).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Text {
    ui: String,
    en: String,
}

impl Text {
    /// Text that reads the same in every language (a path, a compiler's own message).
    pub fn raw(text: impl Into<String>) -> Self {
        let text = text.into();
        Self { ui: text.clone(), en: text }
    }

    /// The text in the interface language.
    pub fn as_str(&self) -> &str {
        &self.ui
    }

    /// The text in English.
    pub fn english(&self) -> &str {
        &self.en
    }

    /// The text in `lang` (the interface language or English; others fall back to it).
    pub fn in_lang(&self, lang: UiLang) -> &str {
        if lang == UiLang::En { &self.en } else { &self.ui }
    }

    /// Appends text that reads the same in both languages.
    pub fn push_str(&mut self, text: &str) {
        self.ui.push_str(text);
        self.en.push_str(text);
    }

    /// Appends `other`, each language to its own.
    pub fn push_text(&mut self, other: &Text) {
        self.ui.push_str(&other.ui);
        self.en.push_str(&other.en);
    }

    /// The text in the interface language and in English (to carry it whole between
    /// processes).
    pub fn into_parts(self) -> (String, String) {
        (self.ui, self.en)
    }

    /// A text from its two parts (see [`Text::into_parts`]).
    pub fn from_parts(ui: String, en: String) -> Self {
        Self { ui, en }
    }

    /// This text followed by `other` (both languages kept apart).
    pub fn join(&self, sep: &str, other: &Text) -> Text {
        Text {
            ui: format!("{}{sep}{}", self.ui, other.ui),
            en: format!("{}{sep}{}", self.en, other.en),
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.ui
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.ui
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ui)
    }
}

thread_local! {
    /// Whether texts serialise whole (both languages) on this thread.
    static WHOLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every [`Text`] serialised in both languages (`[ui, en]`), as a
/// process hands its results to another; otherwise texts serialise in English.
pub fn serialize_whole<T>(f: impl FnOnce() -> T) -> T {
    let before = WHOLE.with(|w| w.replace(true));
    let out = f();
    WHOLE.with(|w| w.set(before));
    out
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if WHOLE.with(|w| w.get()) {
            (&self.ui, &self.en).serialize(s)
        } else {
            s.serialize_str(&self.en)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    /// A plain string (the same in both languages) or `[ui, en]`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Form {
            Plain(String),
            Whole(String, String),
        }
        Ok(match Form::deserialize(d)? {
            Form::Plain(text) => Text::raw(text),
            Form::Whole(ui, en) => Text { ui, en },
        })
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::raw(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::raw(text)
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::raw(text.clone())
    }
}

impl From<&Text> for Text {
    fn from(text: &Text) -> Self {
        text.clone()
    }
}

impl Text {
    /// `text` as a message: a [`Text`] as it is, a `String` as text that reads the same
    /// in every language (for values whose type may be either).
    pub fn of(text: impl Into<Text>) -> Text {
        text.into()
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.ui
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.ui == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.ui == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &self.ui == other
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is (a name, a path, a code).
    Str(String),
    /// A whole number (plural forms are chosen by it).
    Int(i64),
    /// A decimal number shown with this many decimals at most (a decimal comma in French).
    Decimal(f64, u8),
    /// A message, in the language being written.
    Text(Text),
}

/// `value` with at most `places` decimals, trailing zeros dropped: `1.5` reads `1,5`
/// in French.
pub fn decimal(value: f64, places: u8) -> Arg {
    Arg::Decimal(value, places)
}

impl Arg {
    /// The value as Fluent takes it, written for `lang`.
    pub(super) fn value(&self, lang: UiLang) -> FluentValue<'_> {
        match self {
            Arg::Str(s) => FluentValue::from(s.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Decimal(x, places) => {
                FluentValue::from(format_decimal(*x, *places, lang))
            }
            Arg::Text(t) => FluentValue::from(t.in_lang(lang)),
        }
    }
}

/// `x` with at most `places` decimals, no trailing zeros, a decimal comma in French.
pub(super) fn format_decimal(x: f64, places: u8, lang: UiLang) -> String {
    let mut s = format!("{x:.*}", places as usize);
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    match lang {
        UiLang::Fr => s.replace('.', ","),
        UiLang::En => s,
    }
}

macro_rules! int_args {
    ($($t:ty)*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::from(*n)
            }
        }
    )*};
}
int_args!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);

impl From<f64> for Arg {
    fn from(x: f64) -> Self {
        Arg::Decimal(x, 2)
    }
}

impl From<f32> for Arg {
    fn from(x: f32) -> Self {
        Arg::Decimal(f64::from(x), 2)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Str(c.to_string())
    }
}

impl From<&Path> for Arg {
    fn from(p: &Path) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<&PathBuf> for Arg {
    fn from(p: &PathBuf) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<PathBuf> for Arg {
    fn from(p: PathBuf) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(t)
    }
}

impl From<&Text> for Arg {
    fn from(t: &Text) -> Self {
        Arg::Text(t.clone())
    }
}
