//! The catalogue is complete in both languages and the code asks only for what it has.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

use super::*;

/// Message keys (and `key.attribute`s) of a Fluent source, each with the variables it uses.
fn keys(area: &str, lang: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("locales/{lang}/{area}.ftl does not parse: {errors:?}")
    });
    let mut keys = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                if let Some(value) = &m.value {
                    keys.insert(m.id.name.to_string(), variables(value));
                }
                for attr in &m.attributes {
                    keys.insert(
                        format!("{}.{}", m.id.name, attr.id.name),
                        variables(&attr.value),
                    );
                }
            }
            Entry::Junk { content } => {
                panic!("locales/{lang}/{area}.ftl: junk {content:?}")
            }
            _ => {}
        }
    }
    keys
}

/// The variables a pattern uses, in every variant.
fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut out);
        }
    }
    out
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                out.extend(variables(&variant.value));
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, out);
            }
            for arg in &arguments.named {
                inline_variables(&arg.value, out);
            }
        }
        InlineExpression::Placeable { expression } => {
            expression_variables(expression, out)
        }
        _ => {}
    }
}

/// Every key of the catalogue with its variables, per language.
fn catalogue_keys() -> [BTreeMap<String, BTreeSet<String>>; 2] {
    let mut en = BTreeMap::new();
    let mut fr = BTreeMap::new();
    for area in CATALOGUE {
        for (key, vars) in keys(area.area, "en", area.en) {
            assert!(en.insert(key.clone(), vars).is_none(), "{key} twice in English");
        }
        for (key, vars) in keys(area.area, "fr", area.fr) {
            assert!(fr.insert(key.clone(), vars).is_none(), "{key} twice in French");
        }
    }
    [en, fr]
}

#[test]
fn every_message_is_in_both_languages_with_the_same_placeables() {
    let [en, fr] = catalogue_keys();
    let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
    for (key, vars) in &en {
        assert_eq!(vars, &fr[key], "{key}: English and French use other values");
    }
    // Each area's file exists in both languages and says something.
    for area in CATALOGUE {
        assert!(
            !area.en.trim().is_empty() && !area.fr.trim().is_empty(),
            "{}",
            area.area
        );
    }
}

/// The keys the code names: `tr!("key"` and `from_key("key"`, in every Rust file of src/.
fn keys_in_code() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let pattern =
        regex::Regex::new(r#"(?:tr!|from_key)\(\s*"([A-Za-z0-9_.-]+)""#).unwrap();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().starts_with(root.join("i18n"))
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for cap in pattern.captures_iter(&text) {
            found.insert(cap[1].to_string(), entry.path().display().to_string());
        }
    }
    found
}

/// Key prefixes the code builds at run time (not written out in a `tr!`); the desk's
/// words (`desk-`) are all sent to the browser's script (`desk::text::json`).
const BUILT_KEYS: &[&str] = &["help", "io-failed-", "desk-"];

#[test]
fn the_code_asks_only_for_keys_the_catalogue_has_and_uses_them_all() {
    let [en, _] = catalogue_keys();
    let code = keys_in_code();
    let missing: Vec<_> = code.iter().filter(|(k, _)| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "keys used but not in the catalogue: {missing:?}");
    let unused: Vec<_> = en
        .keys()
        .filter(|k| {
            !code.contains_key(*k) && !BUILT_KEYS.iter().any(|p| k.starts_with(p))
        })
        .collect();
    assert!(unused.is_empty(), "keys in the catalogue no code uses: {unused:?}");
}

#[test]
fn locale_and_flags_choose_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(detect_from(None, env(&[("LANG", "fr_ML.UTF-8")])), UiLang::Fr);
    assert_eq!(detect_from(None, env(&[("LANG", "C")])), UiLang::En);
    assert_eq!(detect_from(None, env(&[])), UiLang::En);
    assert_eq!(
        detect_from(None, env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "fr_FR")])),
        UiLang::Fr
    );
    assert_eq!(
        detect_from(None, env(&[("LANG", "fr_FR"), ("LC_MESSAGES", "C")])),
        UiLang::En
    );
    assert_eq!(detect_from(None, env(&[("LC_ALL", ""), ("LANG", "fr_FR")])), UiLang::Fr);
    assert_eq!(detect_from(None, env(&[("LANG", "de_DE.UTF-8")])), UiLang::En);
    assert_eq!(
        detect_from(None, env(&[("LANG", "C"), ("LIVRET_LANG", "fr")])),
        UiLang::Fr
    );
    assert_eq!(
        detect_from(Some(UiLang::En), env(&[("LIVRET_LANG", "fr"), ("LANG", "fr_FR")])),
        UiLang::En
    );
    let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
    assert_eq!(
        flag_in_args(&args(&["livret", "--ui-lang", "fr", "build"])),
        Some(UiLang::Fr)
    );
    assert_eq!(
        flag_in_args(&args(&["livret", "build", "--ui-lang=en"])),
        Some(UiLang::En)
    );
    assert_eq!(flag_in_args(&args(&["livret", "--", "--ui-lang=fr"])), None);
}

#[test]
fn decimals_take_a_comma_in_french() {
    assert_eq!(text::format_decimal(1.5, 2, UiLang::Fr), "1,5");
    assert_eq!(text::format_decimal(1.5, 2, UiLang::En), "1.5");
    assert_eq!(text::format_decimal(148.0, 1, UiLang::Fr), "148");
    assert_eq!(text::format_decimal(-0.001, 1, UiLang::En), "0");
    assert_eq!(text::format_decimal(2.456, 1, UiLang::Fr), "2,5");
}

#[test]
fn a_text_reads_in_the_interface_language_and_serialises_in_english() {
    assert_eq!(message(UiLang::Fr, "term-error", &[]), "erreur :");
    assert_eq!(message(UiLang::En, "term-error", &[]), "error:");
    let text = Text::raw("chemin");
    assert_eq!(serde_json::to_string(&text).unwrap(), "\"chemin\"");
    assert_eq!(message(UiLang::Fr, "no-such-key", &[]), "no-such-key");
}
