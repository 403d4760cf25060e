# Composition : les diagnostics de typst placés là où l'utilisateur peut agir.
typeset-compile-failed-hint = corrigez ce qui est indiqué à l'endroit nommé (un chapitre, ou guide.toml) ; aucun PDF n'a été écrit
typeset-setting-refused = la mise en page ne peut pas utiliser `{ $key }` = { $value } écrit ici : { $message } (rencontré dans { $layout })
typeset-met-in = { $message } (rencontré dans { $layout })
typeset-layout-line-hint = cela s'est produit dans la mise en page { $file }, pas dans votre texte : si vous avez modifié ce fichier, vérifiez votre modification ; sinon, signalez-le aux personnes qui maintiennent livret
typeset-setting-code-hint = un code de langue a deux ou trois lettres minuscules (ISO 639), comme `fr`, `bm` ou `nqo` ; le dossier sources/<code>/ porte le même nom
typeset-setting-fonts-hint = nommez des familles de polices présentes dans fonts/ (`livret fonts` les liste), par exemple fonts = ["Andika"]
typeset-setting-dir-hint = écrivez dir = "ltr" (de gauche à droite) ou dir = "rtl" (de droite à gauche, pour le N'Ko ou l'ajami)
typeset-setting-hint = modifiez `{ $key }` en { $place } : chaque clé est expliquée dans les commentaires du guide.toml écrit par `livret new`
# Chapitres Markdown.
typeset-image-without-file = une image sans fichier : `![…]()`
typeset-image-without-file-hint = écrivez le fichier après le texte, par exemple ![Une carte](images/carte.png)
typeset-markdown-too-deep = Markdown trop imbriqué : plus de { $lists } listes et citations, ou { $elements } éléments en tout, les uns dans les autres
typeset-markdown-too-deep-hint = simplifiez la structure : une page de poche n'a de place que pour quelques niveaux de retrait
typeset-front-matter = le chapitre commence par un en-tête de métadonnées (lignes 1–{ $last }), que livret imprimerait comme un trait et un titre
typeset-front-matter-hint = supprimez ce bloc : le titre et les autres informations du guide sont dans sources/guide.toml (pour un trait suivi d'un titre, laissez une ligne vide après le premier `---`)
typeset-raw-html = le HTML brut `{ $html }` est imprimé tel quel : livret n'interprète pas le HTML
typeset-raw-html-hint = écrivez-le en Markdown, ou mettez une barre oblique inverse avant `<` (`\<`) pour l'imprimer comme du texte sans cet avertissement
typeset-comment-unclosed = `<!--` ouvre un commentaire qui n'est jamais fermé : la suite serait cachée, ou imprimée
typeset-comment-unclosed-hint = fermez la note cachée avec `-->` là où elle se termine, ou écrivez `\<!--` pour imprimer ces caractères
typeset-link-not-live = le lien vers `{ $link }` est imprimé comme simple texte : seuls les liens http, https, mailto et tel, et les liens vers un titre (#ancre), sont actifs
typeset-link-not-live-hint = faites un lien vers une adresse web (https://…), un courriel (mailto:…) ou un numéro de téléphone (tel:…), ou écrivez le texte sans lien
typeset-strict-warning = { $message } (une erreur avec --strict)
# Images des chapitres.
typeset-image-call-lost = { $file } : livret n'a pas trouvé d'appel d'image dans le Typst qu'il a produit (un bogue)
typeset-image-web = l'image `{ $dest }` est une adresse web
typeset-image-web-hint = téléchargez l'image dans sources/images/ et désignez-la par images/<nom>
typeset-image-outside = le chemin d'image `{ $dest }` sort de sources/
typeset-image-outside-hint = les images se désignent depuis sources/, par exemple images/logo.png
typeset-image-format = image `{ $dest }` : livret imprime les images PNG, JPEG, GIF, WebP, SVG et PDF, pas les fichiers `.{ $ext }`
typeset-image-format-hint = convertissez-la en PNG (dessins) ou JPEG (photos), par exemple avec GIMP, et changez le nom ici
typeset-image-refused = image `{ $dest }` : { $problem }
typeset-image-missing = image `{ $dest }` introuvable (cherchée en { $looked })
typeset-image-missing-hint = placez le fichier dans sources/images/ ou corrigez le chemin
# Assemblage du livre d'une langue.
typeset-unknown-language = langue inconnue `{ $code }`
typeset-known-languages = langues de sources/guide.toml : { $codes }
typeset-strict-missing = il manque { $count ->
        [one] { $count } chapitre
       *[other] { $count } chapitres
    } à la langue `{ $code }` : { $files }
typeset-strict-missing-hint = traduisez-les, ou construisez sans --strict pour montrer les chapitres source avec un bandeau
typeset-unknown-layout = mise en page inconnue `{ $layout }`
typeset-known-layouts = mises en page de sources/guide.toml : { $layouts }
typeset-template-refused = mise en page `{ $layout }` : modèle { $template } : { $problem }
typeset-template-refused-hint = les mises en page sont dans layouts/ ; indiquez `template` dans la table [[layout]]
typeset-source-chapter-missing = le chapitre `{ $stem }` n'a pas de fichier : ni { $md } ni { $typ } n'existe
typeset-source-chapter-missing-hint = créez { $md }, ou retirez `{ $stem }` de la liste des chapitres
typeset-preset-refused = préréglage d'impression `{ $preset }` (mise en page `{ $layout }`) : { $problem }
typeset-preset-refused-hint = rien n'a été compilé ni écrit
# Mesures d'encre.
typeset-ink-unmeasured = encre non mesurée sur { $count ->
        [one] la page
       *[other] les pages
    } { $pages }{ $more ->
        [0] {""}
       *[other] {" "}et { $more } autres
    } ({ $reason }) : les chiffres ne { $count ->
        [one] la comptent
       *[other] les comptent
    } pas
typeset-ink-over-stream = un flux de contenu dépasse { $mb } Mo une fois décompressé
typeset-ink-over-operations = son dessin dépasse { $count } opérations
typeset-ink-over-images = ses images ont plus de { $millions } millions de pixels
typeset-ink-over-depth = ses formulaires sont imbriqués sur plus de { $levels } niveaux
typeset-ink-over-encoding = un flux de contenu n'a pas pu être lu
typeset-ink-unreadable = le moteur de rendu ne peut pas lire ce PDF
typeset-ink-other-page-tree = le moteur de rendu lit un autre arbre de pages dans ce PDF
typeset-ink-empty-box = sa boîte de page est vide
typeset-ink-pdf-image = une image PDF s'y trouve : { $reason }
# Ce qu'un guide peut lire, sa date, ses polices, le PDF.
typeset-off-limits = `{ $path }` ne fait pas partie du guide : chapitres et mises en page ne peuvent lire que des fichiers de sources/, layouts/ et fonts/, hors dossiers cachés
typeset-no-packages = les paquets typst ne sont pas disponibles pour les guides ; copiez ce dont vous avez besoin dans layouts/
typeset-epoch-not-number = SOURCE_DATE_EPOCH vaut `{ $value }`, ce n'est pas un nombre de secondes
typeset-epoch-out-of-range = SOURCE_DATE_EPOCH `{ $value }` est hors limites
typeset-epoch-hint = supprimez cette variable, ou donnez-lui un horodatage Unix comme 1767225600
typeset-date-invalid = la date { $date } n'existe pas
typeset-date-invalid-hint = écrivez un jour qui existe dans date = (année-mois-jour) de sources/guide.toml, par exemple date = 2026-03-15
typeset-font-unusable = { $path } : ce n'est pas un fichier de police utilisable
typeset-font-unusable-hint = retirez-le de fonts/ ou remplacez-le par un fichier TrueType/OpenType (.ttf ou .otf)
typeset-pdf-finish-failed = impossible de terminer le PDF ({ $reason })
typeset-render-wrong-size = erreur interne : une page rendue n'a pas la bonne taille
typeset-png-failed = échec de l'encodage d'un PNG ({ $reason })
typeset-pdf-export-failed = l'export PDF a échoué ({ $reason })
typeset-pdf-standard-unknown = norme PDF inconnue `{ $name }`
typeset-pdf-standard-hint = pour l'archivage, utilisez a-2b (ou a-1b, a-2u, a-3b, a-3u, a-4) ; versions PDF simples : 1.4 à 2.0
