# Les autres commandes : calibrate, preview, proof, fonts, chapter, watch (src/ops).

# livret calibrate.
ops-calibrate-not-pdf = le fichier de sortie { $path } doit finir par .pdf
ops-calibrate-not-pdf-hint = par exemple -o calibration.pdf
ops-calibrate-too-big = la feuille de calibrage ne peut pas être en { $sheet } ({ $size } ; un côté mesure au plus { $max } mm)
ops-calibrate-too-small = la feuille de calibrage demande une feuille d'au moins { $min } ; { $sheet } mesure { $size }
ops-calibrate-paper-hint = imprimez-la sur le papier de vos travaux : a4, a3, letter, legal ou tabloid

# livret preview.
ops-preview-dpi = --dpi { $dpi } est hors des limites
ops-preview-dpi-hint = donnez une résolution entre 10 et 1200 dpi, par exemple --dpi 100

# livret proof --changes.
ops-changes-against = --changes compare une traduction avec la langue source `{ $source }`, pas avec `{ $against }`
ops-changes-against-hint = retirez --against, ou retirez --changes

# livret fonts.
ops-fonts-embedded = typst (intégrée)
ops-fonts-embedded-licence = fournie avec typst (OFL ou équivalente)
ops-fonts-licence-file = voir le fichier de licence ({ $file })
ops-fonts-licence-unknown = inconnue : aucun fichier de licence à côté

# livret chapter rename.
ops-chapter-taken = le chapitre `{ $new }` figure déjà dans sources/guide.toml
ops-chapter-taken-hint = choisissez un autre nom, ou retirez d'abord ce chapitre
ops-chapter-files-taken = { $count ->
    [one] { $files } existe déjà : renommer `{ $old }` en `{ $new }` l'écraserait (rien n'a été changé)
   *[other] { $files } existent déjà : renommer `{ $old }` en `{ $new }` les écraserait (rien n'a été changé)
}
ops-chapter-files-taken-hint = choisissez un autre nom, ou déplacez d'abord ces fichiers ailleurs
ops-chapter-ids-left = { $from } est laissé tel quel : les identifiants de blocs du chapitre renommé sont déjà dans { $to } (supprimez { $from } quand plus aucun fichier PO ne nomme `{ $old }`)
ops-chapter-po-names-old = { $po } nomme le chapitre `{ $old }` : importez-le avant de renommer, ou exportez-le de nouveau après (livret po export --lang { $lang })
ops-chapter-not-in-manifest = { $manifest } : chapitre `{ $old }` introuvable
ops-chapter-bad-name = `{ $new }` n'est pas un simple nom de chapitre
ops-chapter-bad-name-hint = utilisez des lettres, des chiffres, des tirets, des points et des soulignés, sans dossier, par exemple 02-forces-securite
ops-chapter-unknown = chapitre inconnu `{ $old }` : sources/guide.toml ne le liste pas
ops-chapter-unknown-anywhere = chapitre inconnu `{ $old }` : sources/guide.toml ne le liste pas, et aucune traduction ne garde quoi que ce soit sous ce nom
ops-chapter-did-you-mean = vouliez-vous dire `{ $best }` ?
ops-chapter-known = les chapitres sont : { $chapters }

# livret watch.
ops-watch-status = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, construction en { $millis } ms
ops-watch-failed = impossible de surveiller les fichiers ({ $reason })
ops-watch-timed-out = la reconstruction a abandonné après { $seconds } s (--timeout) ; la surveillance s'est arrêtée
ops-watch-not-forced = watch a demandé une construction forcée

# livret proof : les légendes au-dessus de chaque page de l'épreuve, et ses erreurs.
ops-proof-unknown-language = langue inconnue `{ $lang }`
ops-proof-known-languages = les langues de guide.toml sont : { $langs }
ops-proof-front-matter = pages de début
ops-proof-back-matter = pages de fin
ops-proof-caption = { $lang } · { $what } · page { $page }
ops-proof-caption-no-page = { $lang } · { $what } · (pas de page)
