//! `--help` in the interface language: every command's and argument's help text comes
//! from the catalogue's `help-…` messages (`help-build` for `livret build`'s about,
//! its `.examples` attribute for the examples after it, `help-build--force` for its
//! `--force`, an attribute per possible value with a help of its own), and clap's own
//! words (headings, `[default: …]`, `[possible values: …]`) from `cli-help-…`.

use clap::{Arg, Command};

use crate::i18n::{self, Text};
use crate::tr;

/// `cmd` (the whole command tree) with its help texts from the catalogue.
pub fn localize(mut cmd: Command) -> Command {
    // Built first, so that clap's own `--help`, `--version` and `help` are there too.
    cmd.build();
    localize_at(cmd, "help")
}

/// The catalogue key of `parent`'s subcommand `name` (clap's `help` has one key).
pub fn command_key(parent: &str, name: &str) -> String {
    if name == "help" || parent == "help-help" {
        "help-help".to_string()
    } else {
        format!("{parent}-{}", name.trim_start_matches('_').replace('_', "-"))
    }
}

/// The catalogue key of an argument of the command keyed `command` (global options,
/// `--help` and `--version` have one key each, at the root).
pub fn arg_key(command: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    if arg.is_global_set() || id == "help" || id == "version" {
        format!("help--{id}")
    } else {
        format!("{command}--{id}")
    }
}

/// One command and, below it, its subcommands; `key` is the command's catalogue key.
fn localize_at(mut cmd: Command, key: &str) -> Command {
    if let Some(about) = lookup(key) {
        cmd = cmd.about(about.to_string()).long_about(None::<&str>);
    }
    if let Some(examples) = lookup(&format!("{key}.examples")) {
        cmd = cmd.after_help(examples_text(&examples)).after_long_help(None::<&str>);
    }
    let prefix = key.to_string();
    cmd = cmd.mut_args(|arg| localize_arg(arg, &prefix));
    let layout = template(&cmd);
    cmd = cmd.help_template(layout);
    cmd.mut_subcommands(|sub| {
        let sub_key = command_key(&prefix, sub.get_name());
        localize_at(sub, &sub_key)
    })
}

/// Examples as the catalogue writes them (a heading, then one per line), indented.
fn examples_text(examples: &str) -> String {
    let mut lines = examples.lines();
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push_str("\n  ");
        out.push_str(line);
    }
    out
}

/// One argument's help, its default and possible values said in the interface language.
fn localize_arg(arg: Arg, command: &str) -> Arg {
    let key = arg_key(command, &arg);
    let Some(help) = lookup(&key)
        .map(|t| t.to_string())
        .or_else(|| arg.get_help().map(|h| h.to_string()))
    else {
        return arg;
    };
    let takes_values = arg.get_action().takes_values();
    let values: Vec<_> = if takes_values && !arg.is_hide_possible_values_set() {
        arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect()
    } else {
        Vec::new()
    };
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default =
        (takes_values && !arg.is_hide_default_value_set() && !defaults.is_empty())
            .then(|| tr!("cli-help-default", value = defaults.join(",")));
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let possible = (!names.is_empty())
        .then(|| tr!("cli-help-possible-values", values = names.join(", ")));
    let mut short = help.clone();
    for extra in default.iter().chain(possible.iter()) {
        short.push(' ');
        short.push_str(extra);
    }
    let described: Vec<(String, Text)> = values
        .iter()
        .filter_map(|v| {
            let own = v.get_help()?.to_string();
            let text = lookup(&format!("{key}.{}", v.get_name()))
                .unwrap_or_else(|| Text::raw(own));
            Some((v.get_name().to_string(), text))
        })
        .collect();
    let arg = arg.hide_default_value(true).hide_possible_values(true).help(short);
    if described.is_empty() {
        return arg.long_help(None::<&str>);
    }
    let width = described.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0);
    let mut long = format!("{help}\n\n{}", tr!("cli-help-possible-values-heading"));
    for (name, text) in &described {
        let pad = " ".repeat(width - name.chars().count());
        let line = tr!("cli-help-possible-value", name = name, pad = pad, help = text);
        long.push_str(&format!("\n- {line}"));
    }
    if let Some(default) = default {
        long.push_str(&format!("\n\n{default}"));
    }
    arg.long_help(long)
}

/// The help's layout with its headings in the interface language, each section only
/// when the command has something to put in it.
fn template(cmd: &Command) -> String {
    let mut out = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}",
        tr!("cli-help-usage")
    );
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        out.push_str(&format!("\n\n{}\n{{subcommands}}", tr!("cli-help-commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        out.push_str(&format!("\n\n{}\n{{positionals}}", tr!("cli-help-arguments")));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        out.push_str(&format!("\n\n{}\n{{options}}", tr!("cli-help-options")));
    }
    out.push_str("{after-help}");
    out
}

/// The catalogue's message `key`, if it has one.
fn lookup(key: &str) -> Option<Text> {
    i18n::has_key(key).then(|| Text::from_key(key, &[]))
}

#[cfg(test)]
mod tests;
