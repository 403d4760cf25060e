//! Every word of the desk's interface, in English and French, from the Fluent
//! catalogue (`locales/{en,fr}/desk.ftl`, keys `desk-…`). The interface language is
//! the reader's choice (a cookie), by default the one livret runs in; pages ask for a
//! key, and the browser's script gets every word of the area as JSON.

use crate::i18n::{self, UiLang};

/// The interface language of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// English.
    En,
    /// French.
    Fr,
}

impl Ui {
    /// The language a cookie value names; without one, livret's own.
    pub fn from_code(code: Option<&str>) -> Ui {
        match code {
            Some("fr") => Ui::Fr,
            Some(_) => Ui::En,
            None if i18n::current() == UiLang::Fr => Ui::Fr,
            None => Ui::En,
        }
    }

    /// Its code (`en`, `fr`).
    pub fn code(self) -> &'static str {
        self.lang().code()
    }

    /// The other one (for the switch).
    pub fn other(self) -> Ui {
        match self {
            Ui::En => Ui::Fr,
            Ui::Fr => Ui::En,
        }
    }

    /// The catalogue's language.
    pub fn lang(self) -> UiLang {
        match self {
            Ui::En => UiLang::En,
            Ui::Fr => UiLang::Fr,
        }
    }
}

/// The words of `desk-<key>` in `ui`.
pub fn tr(ui: Ui, key: &str) -> String {
    i18n::message(ui.lang(), &format!("desk-{key}"), &[])
}

/// The words of `desk-<key>` in `ui` with the values `args`.
pub fn tr_with(ui: Ui, key: &str, args: &[(&str, i18n::Arg)]) -> String {
    i18n::message(ui.lang(), &format!("desk-{key}"), args)
}

/// A block kind's name (`heading`, `callout`…) in `ui` (`titre`, `encadré`…).
pub fn block_kind(ui: Ui, name: &str) -> String {
    match crate::project::segments::Kind::from_name(name) {
        Some(kind) => tr(ui, &format!("block-{}", kind.name())),
        None => name.to_string(),
    }
}

/// An error as the desk shows it, after its own "Error:" word: the message and one
/// `hint:` line per hint, in `ui`, without the terminal's `error:` prefix.
pub fn error(ui: Ui, err: &crate::util::diag::Error) -> String {
    let hint = i18n::message(ui.lang(), "term-hint", &[]);
    let mut text = err.message.in_lang(ui.lang()).to_string();
    for h in &err.hints {
        text.push_str(&format!("\n{hint} {}", h.in_lang(ui.lang())));
    }
    text
}

/// The keys of the desk's area (without `desk-`), as the English catalogue lists them.
fn keys() -> Vec<&'static str> {
    let area = i18n::CATALOGUE.iter().find(|a| a.area == "desk");
    area.map_or("", |a| a.en)
        .lines()
        .filter_map(|l| l.strip_prefix("desk-")?.split_once(" =").map(|(k, _)| k))
        .collect()
}

/// Every word of the desk in `ui` as a JSON object (keys without `desk-`), for the
/// browser's script.
pub fn json(ui: Ui) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        keys().into_iter().map(|k| (k.to_string(), tr(ui, k).into())).collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_both_languages() {
        let keys = keys();
        assert!(keys.len() > 60, "{keys:?}");
        for key in keys {
            let (en, fr) = (tr(Ui::En, key), tr(Ui::Fr, key));
            assert!(!en.starts_with("desk-") && !fr.starts_with("desk-"), "{key}");
        }
        assert_eq!(tr(Ui::Fr, "save"), "Enregistrer");
        assert_eq!(block_kind(Ui::Fr, "callout"), "encadré");
        assert_eq!(block_kind(Ui::En, "heading"), "heading");
        let names = "heading paragraph item cell callout quote footnote alt term definition code html";
        for name in names.split(' ') {
            assert!(crate::project::segments::Kind::from_name(name).is_some(), "{name}");
            assert!(super::keys().contains(&format!("block-{name}").as_str()), "{name}");
        }
        assert!(json(Ui::Fr).contains("\"accept\":\"Accepter\""));
    }

    #[test]
    fn every_word_the_pages_and_the_script_ask_for_is_there() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/desk");
        let rust = regex::Regex::new(r#"tr(?:_with)?\(ui, "([a-z0-9-]+)""#).unwrap();
        let script =
            regex::Regex::new(r#"words(?:\.([a-z]+)|\["([a-z0-9-]+)"\])"#).unwrap();
        let keys = keys();
        let mut asked = Vec::new();
        for file in std::fs::read_dir(&dir).unwrap().flatten() {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            asked.extend(rust.captures_iter(&text).map(|c| c[1].to_string()));
        }
        let js = std::fs::read_to_string(dir.join("assets/desk.js")).unwrap();
        for c in script.captures_iter(&js) {
            asked.push(c.get(1).or(c.get(2)).unwrap().as_str().to_string());
        }
        assert!(asked.len() > 40, "{asked:?}");
        let missing: Vec<_> =
            asked.iter().filter(|k| !keys.contains(&k.as_str())).collect();
        assert!(missing.is_empty(), "not in locales/*/desk.ftl: {missing:?}");
    }
}
