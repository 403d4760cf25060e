//! Which language a run speaks: chosen once from the flag, `LIVRET_LANG` or the locale.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language livret speaks to its users in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum UiLang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl UiLang {
    /// Both languages, English first.
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Fr];

    /// The language's code, as in `locales/<code>/`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Fr => "fr",
        }
    }

    /// The language named by a locale or a code (`fr_ML.UTF-8`, `fr`, `en_GB`, `C`);
    /// `None` for an empty value or a language livret does not speak.
    pub fn from_locale(value: &str) -> Option<UiLang> {
        let value = value.trim();
        let lang = value.split(['_', '-', '.', '@', ':']).next().unwrap_or("");
        match lang.to_ascii_lowercase().as_str() {
            "fr" => Some(UiLang::Fr),
            "en" | "c" | "posix" => Some(UiLang::En),
            _ => None,
        }
    }
}

/// The language installed for this run (English until [`install`] is called).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the interface language of this run.
pub fn install(lang: UiLang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The interface language of this run.
pub fn current() -> UiLang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => UiLang::Fr,
        _ => UiLang::En,
    }
}

/// The language a run speaks: the `--ui-lang` flag, else `LIVRET_LANG`, else the
/// locale (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty, as
/// POSIX reads them). A locale of a language livret does not speak gives English.
pub fn detect(flag: Option<UiLang>) -> UiLang {
    detect_from(flag, |name| std::env::var(name).ok())
}

/// [`detect`] with the environment given as a function (for tests).
pub fn detect_from(flag: Option<UiLang>, env: impl Fn(&str) -> Option<String>) -> UiLang {
    if let Some(lang) = flag {
        return lang;
    }
    if let Some(lang) = env("LIVRET_LANG").and_then(|v| UiLang::from_locale(&v)) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|v| !v.trim().is_empty());
    locale.and_then(|v| UiLang::from_locale(&v)).unwrap_or_default()
}

/// The `--ui-lang` value given on a command line, read before clap parses it (the help
/// clap prints must already be in that language).
pub fn flag_in_args(args: &[std::ffi::OsString]) -> Option<UiLang> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value =
            if arg == "--ui-lang" { iter.next() } else { arg.strip_prefix("--ui-lang=") };
        if let Some(lang) = value.and_then(UiLang::from_locale) {
            return Some(lang);
        }
    }
    None
}
