# Le dossier du projet et sources/guide.toml.
project-folder-missing = impossible d'ouvrir le dossier du projet { $path } ({ $reason })
project-folder-missing-hint = lancez livret dans le dossier du guide (celui que `livret new` a créé, qui contient sources/guide.toml), ou indiquez-le avec --project DOSSIER
project-not-utf8 = l'octet { $byte } n'est pas du texte UTF-8
project-not-utf8-hint = enregistrez guide.toml en UTF-8 (la plupart des éditeurs le proposent dans « Enregistrer sous » ou « Encodage »)
project-inside-sources-hint = vous êtes dans sources/ : remontez d'un dossier (cd ..) et lancez livret là, ou ajoutez --project ..
project-manifest-missing-hint = le dossier d'un guide contient sources/guide.toml : allez (`cd`) dans le dossier créé par `livret new`, ou créez-en un avec `livret new mon-guide`
project-did-you-mean = vouliez-vous dire `{ $key }` ?
project-manifest-comments-hint = chaque clé est expliquée dans les commentaires du guide.toml écrit par `livret new`
project-date-form = la date `{ $value }` n'est pas écrite sous la forme année-mois-jour
project-date-hint = écrivez la date sous la forme année-mois-jour, sans guillemets : date = 2026-03-15 pour le 15 mars 2026
project-date-hint-same-day = écrivez-la sous la forme année-mois-jour, sans guillemets : date = { $date }
project-date-no-such-day = la date { $value } n'existe pas (année-mois-jour : le mois va-t-il de 01 à 12, et le jour existe-t-il dans ce mois ?)
project-date-no-day = la date n'a pas de jour
project-toml-duplicate-table = la table { $table } est écrite deux fois : elle existe déjà à la ligne { $line }
project-toml-duplicate-table-hint = ajoutez vos lignes à la table { $table } de la ligne { $line } (ou modifiez-les là) et supprimez cette seconde ligne { $table }
project-toml-table-made-by-key = la table { $table } est déjà créée à la ligne { $line } par `{ $key }`
project-toml-table-made-by-key-hint = écrivez plutôt cette ligne dans la table { $table } (sans la partie avant le point), et supprimez la ligne { $line }
project-toml-duplicate-key = `{ $key }` est défini deux fois dans { $table } : il l'est déjà à la ligne { $line }
project-toml-duplicate-key-top = `{ $key }` est défini deux fois : il l'est déjà à la ligne { $line }
project-toml-duplicate-key-elsewhere = `{ $key }` est défini deux fois (il l'est déjà plus haut dans le fichier, peut-être comme table [… .{ $key }] ou clé à point)
project-toml-duplicate-key-hint = gardez une seule des deux : modifiez la valeur là où elle est déjà écrite et supprimez cette ligne
project-toml-unquoted = la valeur de `{ $key }` est du texte et doit être entre guillemets
project-toml-unquoted-hint = écrivez-la entre guillemets droits : { $example }
project-toml-missing-key = { $table } n'a pas de `{ $key }` : cette clé est obligatoire
project-toml-unknown-key = `{ $key }` n'est pas une clé de { $table }
project-toml-known-keys = les clés sont : { $keys }
project-toml-expected-number = `{ $key }` prend un nombre entier, sans guillemets (par exemple { $key } = 2)
project-toml-expected-decimal = `{ $key }` prend un nombre, sans guillemets, avec un point pour les décimales (par exemple { $key } = 1.5)
project-toml-expected-text = `{ $key }` prend du texte entre guillemets (par exemple { $key } = "…")
project-toml-expected-list = `{ $key }` prend une liste entre crochets (par exemple { $key } = ["…", "…"])
project-toml-expected-boolean = `{ $key }` prend true ou false, sans guillemets
project-length-expecting = une longueur en mm, en nombre (5) ou avec son unité ("5mm")
project-guide-id-invalid = l'identifiant du guide `{ $id }` ne peut pas servir dans des noms de fichiers
project-guide-id-invalid-hint = utilisez des minuscules sans accents, des chiffres et des tirets, par exemple id = "securite-collaborative"
project-chapters-empty = la liste des chapitres est vide
project-chapters-empty-hint = donnez les noms des fichiers de chapitres dans l'ordre de lecture, sans .md, par exemple chapters = ["01-introduction"]
project-chapter-not-stem = le chapitre `{ $name }` n'est pas un simple nom de fichier
project-chapter-not-stem-hint = les chapitres sont dans sources/<langue>/ ; donnez seulement le nom, sans dossier, `..` ni .md
project-chapter-twice = le chapitre `{ $name }` figure deux fois dans la liste
project-no-language = aucune table [[language]] n'est déclarée
project-no-language-hint = ajoutez une table [[language]] avec code, name et fonts pour chaque langue (voir le guide.toml écrit par `livret new`)
project-language-code-invalid = le code de langue `{ $code }` n'est pas valide
project-language-code-hint = utilisez un code ISO 639 de deux ou trois lettres, comme `fr`, `bm` ou `nqo`
project-language-twice = la langue `{ $code }` est déclarée deux fois
project-language-no-fonts = la langue `{ $code }` n'a pas de police
project-language-no-fonts-hint = indiquez des familles de polices présentes dans fonts/, par exemple fonts = ["Andika"]
project-source-language-unknown = la langue source `{ $code }` ne figure parmi aucune table [[language]]
project-source-title-missing = il n'y a pas de titre pour la langue source `{ $code }` dans [guide.title]
project-no-layout = aucune table [[layout]] n'est déclarée
project-no-layout-hint = ajoutez une table [[layout]], par exemple name = "pocket-a6"
project-layout-name-invalid = le nom de mise en page `{ $name }` n'est pas valide
project-layout-name-hint = n'utilisez que des lettres, des chiffres, `-` et `_` : c'est aussi le nom du fichier layouts/<nom>.typ
project-preset-layout-unknown = ce préréglage d'impression nomme la mise en page `{ $layout }`, qui n'est pas déclarée
project-declared-layouts = mises en page déclarées : { $layouts }
project-page-size-invalid = `{ $text }` n'est pas un format de page ; écrivez a6, a5, letter… ou LxHmm comme 105x148mm
project-choice-unknown = valeur inconnue `{ $given }` pour { $key } (écrivez l'une de : { $expected })
project-sheet-invalid = `{ $given }` n'est pas un format de feuille ; écrivez a3, a4, a5, letter, legal, tabloid, ou LxHmm comme 210x297mm (chaque côté de 10 mm à 5080 mm)
project-mark-unknown = repère inconnu `{ $mark }` (écrivez crop, fold, collation, slug ou all)
project-back-offset-form = `{ $text }` n'est pas un décalage du verso ; écrivez deux longueurs, droite puis haut, par exemple « 1,5mm,-0,5mm » ou « 1.5mm,-0.5mm »
project-back-offset-one-value = `{ $text }` se lit comme une seule valeur à virgule ou comme deux longueurs : donnez les deux décalages, droite puis haut, par exemple « 1,5mm,0mm » ou « 1.5mm,0mm »
project-length-unit = unité inconnue `{ $unit }` dans `{ $text }` ; utilisez mm
project-length-not-a-length = `{ $text }` n'est pas une longueur ; écrivez un nombre avec son unité, par exemple "1.5mm" (avec un point)
project-length-negative = { $key } doit être une longueur en mm, 0 ou plus, et non { $value }
project-length-invalid = `{ $text }` n'est pas une longueur de 0 ou plus ; écrivez par exemple "5mm"
project-paper-caliper-range = { $key } : un papier de { $mm } mm d'épaisseur n'est pas accepté par une imprimante (0,03 à 0,6 mm)
project-paper-weight-range = { $key } : un papier de { $gsm } g/m² n'est pas accepté par une imprimante (30 à 400 g/m²)
project-paper-weight-invalid = `{ $value }` n'est pas un grammage ; écrivez un nombre de g/m², par exemple paper-weight = 80
project-byte-size-invalid = `{ $text }` n'est pas une taille ; écrivez par exemple "3 MB" ou "800 kB"
project-byte-size-unit = `{ $unit }` n'est pas une unité de taille ; utilisez kB, MB ou GB (par exemple 4GB)
project-byte-size-not-positive = `{ $text }` n'est pas une taille supérieure à zéro
# Les blocs d'un chapitre, en mots.
project-kind-heading = un titre
project-kind-paragraph = un paragraphe
project-kind-item = un élément de liste
project-kind-cell = une cellule de tableau
project-kind-callout = un encadré
project-kind-quote = une citation
project-kind-footnote = une note de bas de page
project-kind-alt = la description d'une image (texte alternatif)
project-kind-term = un terme
project-kind-definition = une définition
project-kind-code = un bloc de code
project-kind-html = un bloc HTML
project-block-end = la fin du chapitre
project-block-heading = un titre de niveau { $level }
project-block-inside = { $kind } dans { $container }
project-block-with = { $block } avec { $anchors }
project-in-list = une liste
project-in-quote = une citation
project-in-callout = un encadré
project-in-table = un tableau
project-in-footnote = une note de bas de page
project-in-terms = une liste de définitions
project-anchor-image = l'image { $name }
project-anchor-link = le lien { $target }
project-anchor-note = la note [^{ $label }]
project-parting-translation = la traduction
project-parting-imported = le chapitre importé
project-parting-at-line = { $what } (ligne { $line })
project-parting = la source a { $source }, { $other } { $translation }
project-unpaired-source = { $count ->
        [one] le bloc de la source à la ligne { $lines } n'a
       *[other] les blocs de la source aux lignes { $lines } n'ont
    } pas d'équivalent dans la traduction
project-unpaired-translation = { $count ->
        [one] le bloc de la traduction à la ligne { $lines } n'en a
       *[other] les blocs de la traduction aux lignes { $lines } n'en ont
    } aucun dans la source
# Constats marqués comme voulus.
project-intended-source-language = `{ $code }` est la langue source ; les constats se marquent dans les traductions
project-intended-already = déjà marqué comme voulu : { $check } dans { $id }
project-intended-marked = marqué comme voulu : { $check } dans { $id }
project-intended-form = `{ $item }` : forme attendue ID-DU-BLOC:VÉRIFICATION
project-intended-form-hint = copiez-le depuis la ligne `if intended:` qu'affiche `livret check`, par exemple 01-introduction#paragraph-3f2a9c1b:numbers
project-intended-not-a-check = `{ $name }` n'est pas une vérification
project-intended-checks = les vérifications sont { $names }
project-intended-not-an-id = `{ $id }` n'est pas un identifiant de bloc (CHAPITRE#BLOC)
project-intended-id-hint = copiez-le depuis la ligne `if intended:` qu'affiche `livret check`
project-intended-no-block = `{ $id }` n'est plus un bloc de { $file }
project-intended-no-block-hint = copiez l'identifiant depuis la ligne `if intended:` qu'affiche `livret check` (par exemple { $example })
project-source-chapter-no-file = le chapitre source `{ $chapter }` n'a pas de fichier
# Traductions relues (check --accept).
project-accept-source-language = `{ $code }` est la langue source ; seules les traductions s'acceptent
project-accept-untranslated-hint = traduisez d'abord le chapitre, puis acceptez-le
project-accepted-chapter = marqué comme relu par rapport à la source actuelle : { $chapter }
project-accept-never = { $chapter } n'a jamais été accepté en `{ $code }`, il n'a donc aucun bloc accepté
project-accept-never-hint = relisez tout le chapitre, puis : { $command }
project-accept-hash-only = { $chapter } : seule l'empreinte de la source acceptée a été gardée (status.toml), des blocs isolés ne peuvent donc pas encore être acceptés
project-accept-hash-only-hint = relisez tout le chapitre et acceptez-le une fois ; les changements suivants s'afficheront ensuite bloc par bloc : { $command }
project-change-changed = modifié
project-change-added = ajouté
project-change-removed = supprimé
project-change-moved = déplacé
project-change-unreviewed = non relu
project-accepted-block-last = marqué comme relu par rapport à la source actuelle : { $place } (le bloc { $change } ; le chapitre est maintenant à jour)
project-accepted-block = marqué comme relu par rapport à la source actuelle : { $place } (le bloc { $change })
project-changed-lines = { $count ->
        [one] le bloc modifié est à la ligne
       *[other] les blocs modifiés sont aux lignes
    } { $lines }
project-accept-nothing = rien à accepter : { $kind } à la ligne { $line } n'a pas changé depuis son acceptation
project-accept-unchanged = { $kind } à la ligne { $line } n'a pas changé depuis son acceptation ({ $changed })
project-accept-give-line-hint = donnez la ligne que `livret check` a affichée pour le bloc
project-accept-changed-hint = { $changed } ; `livret check` les liste
project-accept-no-block-line = aucun bloc du chapitre ne commence à la ligne { $line } ni ne la contient
project-accept-no-block-id = aucun bloc du chapitre, actuel ou accepté, n'a cet identifiant
# Chapitres, cibles et relectures enregistrées.
project-chapter-too-large = { $path } : le chapitre fait { $size } Mo, plus que les { $max } Mo que livret compose en un chapitre
project-chapter-too-large-hint = découpez-le en plusieurs chapitres, ou vérifiez que c'est bien le texte voulu
project-chapter-both = { $md } et { $typ } existent tous les deux
project-chapter-both-hint = gardez un seul des deux fichiers
project-not-translated-yet = { $path } n'est pas encore traduit
project-shard-invalid = `{ $text }` n'est pas une part : écrivez K/N, par exemple 2/4
project-shard-range = part { $text } : K doit être entre 1 et N
project-unknown-layout = mise en page inconnue `{ $name }`
project-known-layouts = mises en page de sources/guide.toml : { $names }
project-unknown-language = langue inconnue `{ $name }`
project-known-languages = langues de sources/guide.toml : { $names }
project-unknown-chapter = chapitre inconnu `{ $chapter }`
project-known-chapters = chapitres de sources/guide.toml : { $names }
project-review-records = les relectures enregistrées de `{ $code }` ({ $path })
project-status-damaged-hint = ce fichier est écrit par `livret check --accept` ; supprimez-le pour repartir de zéro
project-snapshot-damaged-hint = ce fichier est écrit par `livret check --accept` ; supprimez-le et acceptez de nouveau le chapitre : { $command }
project-snapshot-header-expected = en-tête de bloc `@@ <type> <chemin> <lignes>` attendu, trouvé `{ $line }`
project-snapshot-short = le bloc annonce { $count } ligne(s) mais le fichier se termine avant
project-snapshot-blank-expected = une ligne vide est attendue après le texte du bloc
project-snapshot-header-fields = un en-tête de bloc demande un type, un chemin et un nombre de lignes : `@@ { $header }`
project-snapshot-kind = type de bloc inconnu `{ $kind }`
project-snapshot-count = `{ $count }` n'est pas un nombre de lignes
project-snapshot-word = mot inconnu `{ $word }` dans un en-tête de bloc
project-snapshot-no-accepted = pas de ligne `accepted = "sha256:…"`
project-block-ids = les identifiants de blocs de `{ $code }` ({ $path })
project-block-ids-damaged-hint = ce fichier est écrit par livret ; supprimez-le et relancez la commande ({ $path } : les blocs recevront alors les identifiants de leur texte)
# Les constats des vérifications de traduction (en anglais dans le JSON).
project-qa-footnotes = la source a { $source } appel(s) de note [^…], la traduction { $translation }
project-qa-emphasis = la source a { $source } italique(s) (*…*), la traduction { $translation }
project-qa-strong = la source a { $source } gras (**…**), la traduction { $translation }
project-qa-identical = la traduction est le texte source lui-même
project-qa-none = aucun
project-qa-numbers = les nombres diffèrent : la source a { $source }, la traduction a { $translation }
project-qa-urls = les adresses web ou cibles de liens diffèrent : la source a { $source }, la traduction a { $translation }
project-qa-emails = les adresses e-mail diffèrent : la source a { $source }, la traduction a { $translation }
project-qa-question-mark = un point d'interrogation
project-qa-exclamation-mark = un point d'exclamation
project-qa-colon = deux-points
project-qa-no-mark = ni `?`, ni `!`, ni `:`
project-qa-punctuation = la source se termine par { $source }, la traduction par { $translation }
