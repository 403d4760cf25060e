//! `--help` in the interface language: every command's and argument's help text comes
//! from the catalogue's `help-…` messages (`help-build` for `livret build`'s about,
//! `help-build--force` for its `--force`), clap's own headings with them.

use clap::Command;

use crate::i18n::{self, Text};

/// `cmd` (the whole command tree) with its help texts from the catalogue.
pub fn localize(cmd: Command) -> Command {
    localize_at(cmd, "help")
}

/// One command and, below it, its subcommands; `key` is the command's catalogue key.
fn localize_at(mut cmd: Command, key: &str) -> Command {
    if let Some(about) = lookup(key) {
        cmd = cmd.about(about.to_string()).long_about(None::<&str>);
    }
    let prefix = key.to_string();
    cmd = cmd.mut_args(|arg| {
        let arg_key = format!("{prefix}--{}", arg.get_id());
        match lookup(&arg_key) {
            Some(help) => arg.help(help.to_string()).long_help(None::<&str>),
            None => arg,
        }
    });
    cmd.mut_subcommands(|sub| {
        let sub_key = format!("{prefix}-{}", sub.get_name());
        localize_at(sub, &sub_key)
    })
}

/// The catalogue's message `key`, if it has one.
fn lookup(key: &str) -> Option<Text> {
    i18n::has_key(key).then(|| Text::from_key(key, &[]))
}
