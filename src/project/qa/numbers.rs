//! Numbers in a text, compared by value whatever digits and separators write them:
//! N'Ko digits (߀–߉), Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits
//! are their Latin values; `5 000`, `5,000` and `5.000` are the same amount, `1,5`
//! and `1.5` the same decimal, `20 22 33 44` and `20-22-33-44` the same phone
//! number; a date whose parts are reordered (`15/01/2026`, `01/15/2026`) is the same
//! date.

/// The value of a decimal digit of the scripts the guides are written in.
pub fn digit(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{07C0}'..='\u{07C9}' => '\u{07C0}', // N'Ko
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic (Persian, Urdu)
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // fullwidth
        _ => return None,
    };
    Some(u32::from(c) - u32::from(zero))
}

/// Whether `c` joins two groups of digits into one number when it stands alone
/// between them: spaces of grouping (plain, no-break, narrow no-break, thin),
/// decimal and thousands marks (Latin and Arabic), and the marks of dates, times and
/// phone numbers (`h` as in `8h30`).
fn joins(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{202F}'
            | '\u{2009}'
            | '.'
            | ','
            | '\''
            | '/'
            | '-'
            | ':'
            | 'h'
            | 'H'
            | '\u{066B}'
            | '\u{066C}'
            | '\u{060C}'
    )
}

/// One number as written, and its digit groups as Latin digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// As written in the text.
    pub shown: String,
    /// Its groups of digits, in order, in Latin digits.
    pub groups: Vec<String>,
}

impl Number {
    /// Every digit, in order, with the leading zeros of the whole number dropped:
    /// `5 000` and `5000` give `5000`; `07` and `7` give `7`.
    fn digits(&self) -> String {
        let all: String = self.groups.concat();
        let trimmed = all.trim_start_matches('0');
        if trimmed.is_empty() { "0".into() } else { trimmed.into() }
    }

    /// Its groups sorted, each without leading zeros: the same for a date whose day
    /// and month swapped places.
    fn sorted_groups(&self) -> Vec<String> {
        let mut g: Vec<String> = self
            .groups
            .iter()
            .map(|g| {
                let t = g.trim_start_matches('0');
                if t.is_empty() { "0".to_string() } else { t.to_string() }
            })
            .collect();
        g.sort();
        g
    }
}

/// The numbers of a text, in order.
pub fn numbers(text: &str) -> Vec<Number> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut groups = vec![String::new()];
        loop {
            match chars.get(i) {
                Some(&c) if digit(c).is_some() => {
                    let d = digit(c).expect("a digit");
                    groups.last_mut().expect("a group").push_str(&d.to_string());
                    i += 1;
                }
                Some(&c)
                    if joins(c)
                        && chars.get(i + 1).is_some_and(|&n| digit(n).is_some()) =>
                {
                    groups.push(String::new());
                    i += 1;
                }
                _ => break,
            }
        }
        out.push(Number { shown: chars[start..i].iter().collect(), groups });
    }
    out
}

/// The numbers of `source` missing from `translation` and those of `translation`
/// not in `source`, as written: equal when their digits are (whatever the digits'
/// script and the separators), else when their groups are the same in another order;
/// and what is left is equal when it is the same digits in the same order.
pub fn compare(source: &str, translation: &str) -> (Vec<String>, Vec<String>) {
    let mut src = numbers(source);
    let mut tr = numbers(translation);
    for key in [
        (|n: &Number| vec![n.digits()]) as fn(&Number) -> Vec<String>,
        Number::sorted_groups,
    ] {
        let mut i = 0;
        while i < src.len() {
            let k = key(&src[i]);
            match tr.iter().position(|t| key(t) == k) {
                Some(j) => {
                    src.remove(i);
                    tr.remove(j);
                }
                None => i += 1,
            }
        }
    }
    // What is left may be the same digits grouped otherwise (`+223 20 22 33 44` and
    // `(+223) 20 22 33 44`): the same digits in the same order are the same numbers.
    let all = |v: &[Number]| v.iter().map(|n| n.groups.concat()).collect::<String>();
    if !src.is_empty() && all(&src) == all(&tr) {
        return (Vec::new(), Vec::new());
    }
    let shown = |v: Vec<Number>| v.into_iter().map(|n| n.shown).collect();
    (shown(src), shown(tr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hours_changed_are_found_with_both_numbers() {
        assert_eq!(
            compare("sous 72 heures", "within 27 hours"),
            (vec!["72".to_string()], vec!["27".to_string()])
        );
    }

    #[test]
    fn the_same_values_in_other_clothes_are_equal() {
        let same = [
            ("appelez le 17", "ߞߊ߬ 17 ߞߟߌ߫"),
            ("appelez le 17", "ߞߊ߬ ߁߇ ߞߟߌ߫"),
            ("le 17", "١٧"),
            ("le 17", "۱۷"),
            ("5 000 FCFA", "5,000 CFA francs"),
            ("5\u{202F}000 FCFA", "5000 CFA"),
            ("1,5 km", "1.5 km"),
            ("+223 20 22 33 44", "+223 20-22-33-44"),
            ("+223 20 22 33 44", "(+223) 20 22 33 44"),
            ("le 15/01/2026", "on 01/15/2026"),
            ("le 1er mai", "on May 01"),
            ("à 8h30", "at 8:30"),
        ];
        for (a, b) in same {
            assert_eq!(compare(a, b), (vec![], vec![]), "{a} | {b}");
        }
        assert_eq!(
            compare("le 17 ou le 18", "17 or 19"),
            (vec!["18".to_string()], vec!["19".to_string()])
        );
        assert_eq!(compare("20 22 33 44", "20 22 33 45").0, ["20 22 33 44"]);
    }

    proptest! {
        /// A number written with any of the digit sets is equal to itself in Latin
        /// digits, and a different number is not.
        #[test]
        fn digit_sets_are_values(n in 0u64..10_000_000, m in 0u64..10_000_000, set in 0usize..4) {
            let zeros = ['0', '\u{07C0}', '\u{0660}', '\u{06F0}'];
            let write = |v: u64| -> String {
                v.to_string().chars().map(|c| {
                    char::from_u32(u32::from(zeros[set]) + c.to_digit(10).unwrap()).unwrap()
                }).collect()
            };
            let (lost, added) = compare(&format!("a {n} b"), &format!("x {} y", write(n)));
            prop_assert!(lost.is_empty() && added.is_empty());
            let (lost, added) = compare(&format!("a {n} b"), &format!("x {} y", write(m)));
            prop_assert_eq!(lost.is_empty(), n == m);
            prop_assert_eq!(added.is_empty(), n == m);
        }
    }
}
