//! Every word of the desk's interface, in English and French, in one place (to move
//! into the Fluent catalogues `locales/{en,fr}/desk.ftl` once they exist). Pages ask
//! for a key in the interface language the reader chose; the browser's script gets the
//! words it shows as JSON.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// English.
    En,
    /// French.
    Fr,
}

impl Ui {
    /// The language a cookie value names (English when none).
    pub fn from_code(code: Option<&str>) -> Ui {
        match code {
            Some("fr") => Ui::Fr,
            _ => Ui::En,
        }
    }

    /// Its code (`en`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Fr => "fr",
        }
    }

    /// The other one (for the switch).
    pub fn other(self) -> Ui {
        match self {
            Ui::En => Ui::Fr,
            Ui::Fr => Ui::En,
        }
    }
}

/// Key, English, French.
const WORDS: &[(&str, &str, &str)] = &[
    ("desk", "livret desk", "livret desk"),
    ("switch", "Français", "English"),
    ("translate", "Translate", "Traduire"),
    ("editions", "Editions", "Éditions"),
    ("print", "Print desk", "Impression"),
    (
        "home-intro",
        "Translate beside the laid-out booklet, build the editions, impose any PDF for the printer.",
        "Traduire à côté du livret mis en page, fabriquer les éditions, imposer n’importe quel PDF pour l’imprimeur.",
    ),
    ("progress", "Progress", "Avancement"),
    ("chapter", "Chapter", "Chapitre"),
    ("current", "accepted", "acceptés"),
    ("stale", "stale", "périmés"),
    ("review", "to review", "à relire"),
    ("untranslated", "untranslated", "non traduits"),
    ("state-current", "accepted", "accepté"),
    ("state-stale", "source changed", "source modifiée"),
    ("state-review", "to review", "à relire"),
    ("state-untranslated", "not translated", "pas traduit"),
    ("source", "Source", "Source"),
    ("translation", "Translation", "Traduction"),
    ("save", "Save", "Enregistrer"),
    ("accept", "Accept", "Accepter"),
    ("accept-chapter", "Accept the whole chapter", "Accepter tout le chapitre"),
    ("saved", "Saved.", "Enregistré."),
    ("accepted", "Accepted.", "Accepté."),
    (
        "unchanged",
        "Nothing to save: the file says the same.",
        "Rien à enregistrer : le fichier dit la même chose.",
    ),
    (
        "conflict",
        "Changed meanwhile elsewhere: nothing was written. Both texts are below.",
        "Modifié entre-temps ailleurs : rien n’a été écrit. Les deux textes sont ci-dessous.",
    ),
    ("theirs", "Now in the file", "Maintenant dans le fichier"),
    ("mine", "Yours (kept in the editor)", "Le vôtre (gardé dans l’éditeur)"),
    ("use-mine", "Save mine over it", "Enregistrer le mien à la place"),
    ("use-theirs", "Take the file’s", "Prendre celui du fichier"),
    ("error", "Error", "Erreur"),
    ("diff", "What changed in the source", "Ce qui a changé dans la source"),
    ("checks", "Checks", "Vérifications"),
    ("preview", "Page preview", "Aperçu de la page"),
    ("building", "Building…", "Fabrication…"),
    ("built", "Built", "Fabriqué"),
    ("page", "page", "page"),
    (
        "not-on-page",
        "This block is not on the pages.",
        "Ce bloc n’est pas sur les pages.",
    ),
    (
        "typst-chapter",
        "A Typst chapter: edit its file.",
        "Un chapitre Typst : modifiez son fichier.",
    ),
    ("language", "Language", "Langue"),
    ("layout", "Layout", "Format"),
    ("up-to-date", "up to date", "à jour"),
    ("out-of-date", "stale", "à refaire"),
    ("not-built", "not built", "pas fabriqué"),
    ("failed", "failed", "échec"),
    ("warnings", "warnings", "avertissements"),
    ("build", "Build", "Fabriquer"),
    ("build-all", "Build all", "Tout fabriquer"),
    ("package", "Zip package for the print shop", "Paquet zip pour l’imprimeur"),
    ("report", "Report", "Rapport"),
    ("file", "File", "Fichier"),
    ("kind", "Kind", "Type"),
    ("pages", "Pages", "Pages"),
    ("sheets", "Sheets", "Feuilles"),
    ("size", "Size", "Taille"),
    ("reading", "reading PDF", "PDF de lecture"),
    ("screen", "screen", "écran"),
    ("print-file", "print PDF", "PDF d’impression"),
    ("ticket", "ticket", "fiche"),
    ("job-sheet", "job sheet", "fiche illustrée"),
    (
        "drop",
        "Drop a PDF here, or choose one:",
        "Déposez un PDF ici, ou choisissez-en un :",
    ),
    ("or-target", "or a booklet of this guide:", "ou un livret de ce guide :"),
    ("input", "PDF to impose", "PDF à imposer"),
    ("scheme", "Scheme", "Schéma"),
    ("sheet", "Sheet", "Feuille"),
    ("duplex", "Duplex", "Recto verso"),
    ("binding", "Binding", "Reliure"),
    ("auto", "automatic", "automatique"),
    ("fit", "Fit", "Ajustement"),
    ("none", "none", "aucun"),
    ("marks", "Marks", "Repères"),
    ("creep", "Creep (mm)", "Chasse (mm)"),
    ("quantity", "Quantity", "Quantité"),
    ("back-offset", "Back offset (right,up)", "Décalage du verso (droite,haut)"),
    ("impose", "Impose", "Imposer"),
    ("sides", "Printed sides", "Faces imprimées"),
    ("calibration", "Calibration sheet", "Feuille d’étalonnage"),
    ("calibrate", "Make the calibration sheet", "Faire la feuille d’étalonnage"),
    ("uploaded", "Received:", "Reçu :"),
    ("working", "Working…", "En cours…"),
];

/// The words of `key` in `ui` (the key itself when unknown, so a typo shows).
pub fn tr(ui: Ui, key: &str) -> &'static str {
    WORDS.iter().find(|(k, _, _)| *k == key).map_or("?", |(_, en, fr)| match ui {
        Ui::En => en,
        Ui::Fr => fr,
    })
}

/// Every word in `ui` as a JSON object, for the browser's script.
pub fn json(ui: Ui) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        WORDS.iter().map(|(k, _, _)| (k.to_string(), tr(ui, k).into())).collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_once_and_french_typography() {
        let mut keys: Vec<&str> = WORDS.iter().map(|w| w.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), WORDS.len());
        for (key, _, fr) in WORDS {
            for mark in [":", ";", "?", "!"] {
                for (i, _) in fr.match_indices(mark) {
                    assert!(fr[..i].ends_with(' '), "{key}: no space before `{mark}`");
                }
            }
        }
    }
}
