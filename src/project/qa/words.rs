//! The lists two texts must share (URLs, e-mail addresses) and the final punctuation
//! they must agree on, whatever the script writes it with.

use super::{Check, Finding};
use crate::i18n::Text;
use crate::tr;

/// The items of `a` not matched in `b` and those of `b` not matched in `a`, each
/// item matched once (a URL given twice in the source must be twice in the
/// translation).
pub fn multiset_difference(a: &[String], b: &[String]) -> (Vec<String>, Vec<String>) {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut lost = Vec::new();
    for item in a {
        match rest.iter().position(|r| *r == item) {
            Some(i) => {
                rest.remove(i);
            }
            None => lost.push(item.clone()),
        }
    }
    (lost, rest.into_iter().cloned().collect())
}

/// The kinds of final punctuation a translation must keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Question,
    Exclamation,
    Colon,
}

impl End {
    /// The mark's kind: the Latin marks, their fullwidth forms, the Arabic question
    /// mark (also used in N'Ko and Ajami text), the reversed question mark, the
    /// Greek question mark, the Ethiopic ones, and N'Ko's exclamation mark.
    fn of(c: char) -> Option<End> {
        match c {
            '?' | '？' | '؟' | '⸮' | '\u{037E}' | '፧' | '꘏' => {
                Some(End::Question)
            }
            '!' | '！' | '߹' | '¡' => Some(End::Exclamation),
            ':' | '：' | '፥' | '꘎' => Some(End::Colon),
            _ => None,
        }
    }

    fn words(self) -> Text {
        match self {
            End::Question => tr!("project-qa-question-mark"),
            End::Exclamation => tr!("project-qa-exclamation-mark"),
            End::Colon => tr!("project-qa-colon"),
        }
    }
}

/// The last character of a text that is not space, a closing quote or bracket, an
/// emphasis mark, or a footnote reference (`… ?[^n]`).
fn last_mark(text: &str) -> Option<char> {
    let mut t = text.trim_end();
    loop {
        let before = t;
        t = t.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | '*' | '_' | '`' | '~')
        });
        if t.ends_with(']')
            && let Some(open) = t.rfind("[^")
        {
            t = &t[..open];
        }
        if t == before {
            break;
        }
    }
    t.chars().next_back()
}

/// A finding when the source ends with `?`, `!` or `:` and the translation does
/// not end with the same kind of mark (in its own script), or the other way round.
pub fn final_punctuation(source: &str, translation: &str) -> Option<Finding> {
    let src = last_mark(source).and_then(End::of);
    let tr = last_mark(translation).and_then(End::of);
    if src == tr {
        return None;
    }
    let said = |e: Option<End>| e.map_or_else(|| tr!("project-qa-no-mark"), End::words);
    let shown = |e: Option<End>, text: &str| match e {
        Some(_) => last_mark(text).map(String::from).into_iter().collect(),
        None => Vec::new(),
    };
    Some(Finding {
        check: Check::Punctuation,
        message: tr!(
            "project-qa-punctuation",
            source = said(src),
            translation = said(tr)
        ),
        source: shown(src, source),
        translation: shown(tr, translation),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_marks_of_every_script_are_their_kind() {
        assert!(final_punctuation("Qui appeler ?", "Who to call?").is_none());
        assert!(final_punctuation("Qui appeler ?", "ߖߋ߲߫ ߞߊ߬ ߞߟߌ߫؟").is_none());
        assert!(final_punctuation("Attention !", "ߖߊ߲߬ߞߊ߬ߙߊ߬߹").is_none());
        assert!(final_punctuation("Composez :", "Dial: ").is_none());
        assert!(final_punctuation("« Où ? »", "\"Where?\"").is_none());
        assert!(final_punctuation("Vraiment ?[^n]", "Really?[^n]").is_none());
        assert!(final_punctuation("Un texte.", "A text").is_none());
        let f = final_punctuation("Qui appeler ?", "Who to call.").unwrap();
        assert_eq!(f.check, Check::Punctuation);
        assert_eq!(f.source, ["?"]);
        assert!(f.message.contains("a question mark"), "{}", f.message);
        let f = final_punctuation("Composez", "Dial:").unwrap();
        assert_eq!(f.translation, [":"]);
    }

    #[test]
    fn lists_are_compared_as_multisets() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            multiset_difference(&s(&["a", "b", "a"]), &s(&["b", "a", "c"])),
            (s(&["a"]), s(&["c"]))
        );
    }
}
