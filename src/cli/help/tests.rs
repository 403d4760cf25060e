//! Every command, argument and described value of the command tree has its help in
//! both languages, and every `help-…` message of the catalogue belongs to one.

use std::collections::BTreeSet;

use clap::{Command, CommandFactory};

use super::{arg_key, command_key};
use crate::cli::args::Cli;
use crate::i18n::{CATALOGUE, UiLang, message};

/// The help keys the tree asks for, each with the English doc comment it replaces.
fn tree_keys() -> Vec<(String, String)> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "help", &mut out);
    let mut seen = BTreeSet::new();
    out.retain(|(k, _)| seen.insert(k.clone()));
    out
}

/// The keys of one command and of the commands below it.
fn walk(cmd: &Command, key: &str, out: &mut Vec<(String, String)>) {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    out.push((key.to_string(), about));
    if let Some(after) = cmd.get_after_help() {
        out.push((format!("{key}.examples"), after.to_string()));
    }
    for arg in cmd.get_arguments() {
        let arg_key = arg_key(key, arg);
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push((arg_key.clone(), help));
        if arg.get_action().takes_values() {
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    out.push((
                        format!("{arg_key}.{}", value.get_name()),
                        help.to_string(),
                    ));
                }
            }
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &command_key(key, sub.get_name()), out);
    }
}

/// The `help-…` keys (and their attributes) of the catalogue, in one language's files.
fn catalogue_help_keys(lang: UiLang) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for area in CATALOGUE {
        let source = if lang == UiLang::En { area.en } else { area.fr };
        let resource = fluent_syntax::parser::parse(source).expect("parses");
        for entry in &resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if m.id.name != "help" && !m.id.name.starts_with("help-") {
                    continue;
                }
                keys.insert(m.id.name.to_string());
                for attr in &m.attributes {
                    keys.insert(format!("{}.{}", m.id.name, attr.id.name));
                }
            }
        }
    }
    keys
}

#[test]
fn every_command_and_argument_has_its_help_in_both_languages() {
    let tree: Vec<(String, String)> = tree_keys();
    if std::env::var_os("LIVRET_DUMP_HELP").is_some() {
        for (key, text) in &tree {
            println!("{key} = {}", text.replace('\n', "\n    "));
        }
    }
    for lang in UiLang::ALL {
        let have = catalogue_help_keys(lang);
        let missing: Vec<&str> =
            tree.iter().map(|(k, _)| k.as_str()).filter(|k| !have.contains(*k)).collect();
        assert!(missing.is_empty(), "help missing in {lang:?}: {missing:?}");
        let wanted: BTreeSet<&str> = tree.iter().map(|(k, _)| k.as_str()).collect();
        let unused: Vec<&String> =
            have.iter().filter(|k| !wanted.contains(k.as_str())).collect();
        assert!(unused.is_empty(), "help no command uses, in {lang:?}: {unused:?}");
    }
}

#[test]
fn help_reads_in_french_with_french_headings() {
    // The tree itself is made in the interface language; here its messages are read
    // in French directly.
    assert_eq!(message(UiLang::Fr, "help--help", &[]), "Afficher l'aide");
    assert_eq!(message(UiLang::Fr, "cli-help-usage", &[]), "Utilisation :");
    let cmd = super::localize(Cli::command());
    let build = cmd.find_subcommand("build").expect("build");
    assert!(
        build
            .get_after_help()
            .is_some_and(|a| a.to_string().contains("\n  livret build"))
    );
}
