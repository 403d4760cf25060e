//! Front matter (a YAML `---` or TOML `+++` block at the very top, as Obsidian,
//! Jekyll, Hugo and Pandoc write) is refused: CommonMark would print it as a rule and
//! a heading. Only a block that really is YAML or TOML settings counts: `---` /
//! `Foo` / `---` is a rule and a heading, and is typeset as such.

use super::Refusal;

/// The refusal of the front matter `markdown` starts with, if it does.
pub(super) fn front_matter(markdown: &str) -> Option<Refusal> {
    let mut lines = markdown.lines().map(str::trim_end);
    let fence = lines.next().filter(|l| *l == "---" || *l == "+++")?;
    let rest: Vec<&str> = lines.collect();
    let close =
        rest.iter().position(|l| *l == fence || (fence == "---" && *l == "..."))?;
    let body = &rest[..close];
    // The settings start right after the fence (Pandoc's rule).
    if body.first().is_none_or(|l| l.trim().is_empty()) {
        return None;
    }
    let body = body.join("\n");
    let settings =
        if fence == "---" { is_yaml_mapping(&body) } else { is_toml_table(&body) };
    if !settings {
        return None;
    }
    let close = body.lines().count() + 2;
    Some(Refusal {
        line: 1,
        message: crate::tr!("typeset-front-matter", last = close),
        hint: crate::tr!("typeset-front-matter-hint"),
    })
}

/// Whether `text` is a YAML mapping of settings (`title: Guide`): at least one key,
/// each a word without spaces. Not a lone line of text (`Foo` is a valid YAML string,
/// `Une phrase, avec : deux points` a valid mapping, but neither is settings).
fn is_yaml_mapping(text: &str) -> bool {
    serde_yaml::from_str::<serde_yaml::Mapping>(text).is_ok_and(|map| {
        !map.is_empty()
            && map.keys().all(|key| {
                key.as_str()
                    .is_some_and(|k| !k.is_empty() && !k.contains(char::is_whitespace))
            })
    })
}

/// Whether `text` is a TOML table with at least one key.
fn is_toml_table(text: &str) -> bool {
    toml::from_str::<toml::Table>(text).is_ok_and(|table| !table.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_front_matter() {
        let yaml = front_matter("---\ntitle: Guide\ntags: [a, b]\n---\n# Titre\n");
        assert_eq!(yaml.map(|r| r.line), Some(1));
        assert!(front_matter("---\ntitle: Guide\n...\ntext\n").is_some());
        assert!(front_matter("+++\ntitle = \"Guide\"\n+++\n\ntext\n").is_some());
    }

    #[test]
    fn commonmark_wins_otherwise() {
        // A rule and two setext headings.
        assert!(front_matter("---\nFoo\n---\nBar\n---\n").is_none());
        assert!(front_matter("---\nUne phrase, avec : deux points.\n---\n").is_none());
        assert!(front_matter("+++\nFoo\n+++\n").is_none());
        // Not closed, or a blank line after the fence.
        assert!(front_matter("---\ntitle: Guide\n\ntext\n").is_none());
        assert!(front_matter("---\n\ntitle: Guide\n---\n").is_none());
        assert!(front_matter("# Titre\n---\ntitle: x\n---\n").is_none());
    }
}
