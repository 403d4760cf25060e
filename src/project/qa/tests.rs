use proptest::prelude::*;

use super::*;

fn checks(source: &str, translation: &str) -> Vec<Check> {
    check_block(source, translation).into_iter().map(|f| f.check).collect()
}

#[test]
fn a_faithful_translation_has_no_finding() {
    let fr = "Appelez le **17** ou écrivez à [la brigade](mailto:brigade@exemple.ml) sous *72 heures*[^n] : voir https://exemple.ml/aide.";
    let en = "Call **17** or write to [the brigade](mailto:brigade@exemple.ml) within *72 hours*[^n]: see https://exemple.ml/aide.";
    assert_eq!(check_block(fr, en), vec![]);
    let nqo = "ߞߊ߬ **߁߇** ߞߟߌ߫ ߥߟߊ߫ [ߓߙߌߜߊߘ](mailto:brigade@exemple.ml) *߇߂ ߕߎ߬ߡߊ߬ߙߋ߲*[^n] ߞߣߐ߫ https://exemple.ml/aide.";
    assert_eq!(check_block(fr, nqo), vec![]);
}

#[test]
fn seventy_two_hours_made_twenty_seven_is_found() {
    let f = check_block("Signalez-le sous 72 heures.", "Report it within 27 hours.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].check, Check::Numbers);
    assert_eq!(
        (f[0].source.as_slice(), f[0].translation.as_slice()),
        (&["72".to_string()][..], &["27".to_string()][..])
    );
    assert!(
        f[0].message.contains("72") && f[0].message.contains("27"),
        "{}",
        f[0].message
    );
}

#[test]
fn each_check_finds_its_difference() {
    assert_eq!(checks("Voir https://a.ml.", "See https://b.ml."), [Check::Urls]);
    assert_eq!(
        checks("Voir [ici](https://a.ml).", "See [here](https://a.ml/en)."),
        [Check::Urls]
    );
    assert_eq!(checks("Écrire à a@b.ml.", "Write to a@c.ml."), [Check::Emails]);
    assert_eq!(checks("Une note[^n].", "A note."), [Check::Footnotes]);
    assert_eq!(checks("Un *mot*.", "A word."), [Check::Emphasis]);
    assert_eq!(checks("Un **mot**.", "A *word*."), [Check::Emphasis, Check::Strong]);
    assert_eq!(checks("Qui appeler ?", "Who to call."), [Check::Punctuation]);
    let long = "La sécurité se construit ensemble, avec tout le monde.";
    assert_eq!(checks(long, long), [Check::Identical]);
    assert_eq!(
        checks(long, &format!("  {}\n", long.replace(", ", ",\n"))),
        [Check::Identical]
    );
    // A short text may be its own translation; an empty one is not a translation.
    assert_eq!(checks("Police", "Police"), []);
    assert_eq!(checks(long, "  "), []);
}

#[test]
fn numbers_in_addresses_and_note_labels_are_not_numbers() {
    assert_eq!(
        checks(
            "Voir [le site](https://a.ml/2024/17)[^1].",
            "See [the site](https://a.ml/2024/17)[^1]."
        ),
        []
    );
    assert_eq!(checks("Écrire à agent17@police.ml.", "Write to agent17@police.ml."), []);
}

#[test]
fn names_round_trip() {
    for c in ALL_CHECKS {
        assert_eq!(Check::from_name(c.name()), Some(c));
    }
    assert_eq!(Check::from_name("nombres"), None);
}

proptest! {
    /// Any text is read without a panic, and a text checked against itself finds
    /// nothing but, perhaps, that it is the source itself.
    #[test]
    fn a_text_against_itself_is_clean(text in "[a-zA-Z0-9 *_\\[\\]^():/.@!?߀-߉٠-٩\n>-]{0,80}") {
        let found = checks(&text, &text);
        prop_assert!(found.iter().all(|c| *c == Check::Identical), "{found:?}");
    }

    /// Any pair of texts is checked without a panic.
    #[test]
    fn any_pair_is_checked(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        let _ = check_block(&a, &b);
    }
}
