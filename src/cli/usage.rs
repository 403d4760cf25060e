//! clap's usage errors (an unknown option, a missing or invalid value…) said in the
//! interface language: its error kind and context mapped to catalogue messages, its
//! tips as livret's hints, then the usage line and where to read more.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::term;
use crate::i18n::Text;
use crate::tr;
use crate::util::diag::Error;

/// The text to print for a usage error of clap's.
pub fn render(err: &clap::Error) -> String {
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // The help itself (already in the interface language).
        return err.render().to_string();
    }
    let mut error = Error::new(message(err));
    for hint in hints(err) {
        error = error.with_hint(hint);
    }
    let mut out = term::render_error(&error);
    if let Some(usage) = context_str(err, ContextKind::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n\n{} {usage}", tr!("cli-help-usage")));
    }
    out.push_str(&format!("\n\n{}\n", tr!("cli-error-more", flag = "--help")));
    out
}

/// A context value as one string (a list joined with commas).
fn context_str(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => {
            Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "))
        }
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A context number.
fn context_number(err: &clap::Error, kind: ContextKind) -> Option<isize> {
    match err.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// The error's sentence.
fn message(err: &clap::Error) -> Text {
    let arg = context_str(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = context_str(err, ContextKind::InvalidValue).unwrap_or_default();
    let sub = context_str(err, ContextKind::InvalidSubcommand).unwrap_or_default();
    let main = match err.kind() {
        ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!("cli-error-unknown-command", command = sub),
        ErrorKind::InvalidValue if value.is_empty() => {
            tr!("cli-error-missing-value", arg = arg)
        }
        ErrorKind::InvalidValue => {
            tr!("cli-error-invalid-value", value = value, arg = arg)
        }
        ErrorKind::ValueValidation => {
            let reason =
                std::error::Error::source(err).map(|s| s.to_string()).unwrap_or_default();
            tr!("cli-error-refused-value", value = value, arg = arg, reason = reason)
        }
        ErrorKind::MissingRequiredArgument => {
            tr!("cli-error-missing-arguments", args = arg)
        }
        ErrorKind::MissingSubcommand => tr!("cli-error-missing-command", command = sub),
        ErrorKind::ArgumentConflict => conflict(err, &arg),
        ErrorKind::NoEquals => tr!("cli-error-no-equals", arg = arg),
        ErrorKind::TooManyValues => {
            tr!("cli-error-too-many-values", value = value, arg = arg)
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let wanted = context_number(err, ContextKind::MinValues)
                .or_else(|| context_number(err, ContextKind::ExpectedNumValues))
                .unwrap_or(0);
            let given = context_number(err, ContextKind::ActualNumValues).unwrap_or(0);
            tr!("cli-error-number-of-values", arg = arg, wanted = wanted, given = given)
        }
        ErrorKind::InvalidUtf8 => tr!("cli-error-not-utf8"),
        _ => Text::raw(clap_sentence(err)),
    };
    match context_str(err, ContextKind::ValidValue) {
        Some(values) if err.kind() == ErrorKind::InvalidValue => {
            tr!("cli-error-with-possible-values", message = main, values = values)
        }
        _ => main,
    }
}

/// Two arguments that cannot go together (or one given twice).
fn conflict(err: &clap::Error, arg: &str) -> Text {
    let prior = context_str(err, ContextKind::PriorArg).unwrap_or_default();
    if arg.is_empty() {
        tr!(
            "cli-error-conflict-command",
            command =
                context_str(err, ContextKind::InvalidSubcommand).unwrap_or_default(),
            other = prior
        )
    } else if prior == arg {
        tr!("cli-error-twice", arg = arg)
    } else {
        tr!("cli-error-conflict", arg = arg, other = prior)
    }
}

/// clap's own first line, without its `error: ` (for kinds livret has no message for).
fn clap_sentence(err: &clap::Error) -> String {
    let text = err.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// The error's suggestions as hints.
fn hints(err: &clap::Error) -> Vec<Text> {
    let mut out = Vec::new();
    let similar = [
        (ContextKind::SuggestedSubcommand, "command"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ];
    for (kind, what) in similar {
        if let Some(name) = context_str(err, kind) {
            out.push(match what {
                "command" => tr!("cli-error-similar-command", name = name),
                "argument" => tr!("cli-error-similar-argument", name = name),
                _ => tr!("cli-error-similar-value", name = name),
            });
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = err.get(ContextKind::Suggested) {
        for tip in tips {
            out.push(tip_text(&tip.to_string()));
        }
    }
    out
}

/// One of clap's free-text tips, in the interface language when livret knows it.
fn tip_text(tip: &str) -> Text {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match quoted[..] {
        [arg, how] if tip.starts_with("to pass '") => {
            tr!("cli-error-tip-pass-as-value", arg = arg, how = how)
        }
        [command, _] if tip.starts_with("subcommand '") => {
            tr!("cli-error-tip-remove-dashes", command = command)
        }
        _ => Text::raw(tip),
    }
}
