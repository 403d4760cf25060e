# livret po export / import : fichiers PO pour les traducteurs (src/ops/po).

# Ce qui ne va pas dans un fichier PO, à une ligne (le fichier et la ligne sont mis devant).
po-syntax-obsolete-inside = une ligne obsolète `#~` au milieu d'une entrée
po-syntax-after = après `{ $keyword }` : { $why }
po-syntax-plural = les formes plurielles (`{ $keyword }`) ne sont pas utilisées dans les fichiers PO de livret
po-syntax-unknown-keyword = `{ $keyword }` n'est ni un mot-clé PO (msgctxt, msgid, msgstr) ni une chaîne entre guillemets
po-syntax-comment-inside = un commentaire au milieu d'une entrée (après son msgid)
po-syntax-previous-inside = une ligne `#|` au milieu d'une entrée (après son msgid)
po-syntax-previous-keyword = `#| { $keyword }` n'est ni un msgctxt ni un msgid précédent
po-syntax-msgctxt-place = `msgctxt` doit venir une seule fois, avant `msgid`
po-syntax-second-msgid = un deuxième `msgid` sans ligne vide avant
po-syntax-msgstr-alone = `msgstr` sans `msgid` avant lui
po-syntax-second-msgstr = un deuxième `msgstr` dans une même entrée
po-syntax-lone-string = une chaîne entre guillemets qui ne prolonge aucun mot-clé
po-syntax-no-msgstr = une entrée se termine sans son `msgstr`
po-syntax-no-msgid = une entrée se termine sans son `msgid` ni son `msgstr`
po-syntax-duplicate = cette entrée répète celle de la ligne { $first }
po-syntax-unquoted = une chaîne doit être écrite entre guillemets droits "…"
po-syntax-inner-quote = un guillemet droit à l'intérieur d'une chaîne s'écrit \"
po-syntax-lone-backslash = une chaîne se termine par une barre oblique inverse seule
po-syntax-octal = une séquence octale hors limites
po-syntax-escape = séquence d'échappement inconnue `{ $escape }`
po-syntax-hint = corrigez la ligne, ou exportez de nouveau et refaites la modification dans un éditeur PO

# Lecture d'un dossier de fichiers PO.
po-no-files = { $folder } : aucun fichier .po dans ce dossier
po-no-files-hint = écrivez-les d'abord : livret po export --lang { $lang } { $folder }
po-block-twice = le bloc `{ $id }` est déjà traduit dans { $first }
po-block-twice-hint = gardez une seule des deux entrées (un fichier PO par chapitre, ou un seul pour tout le guide)
po-too-big = { $file } : { $size } Mo, plus que les { $max } Mo que livret lit dans un fichier PO
po-too-big-hint = vérifiez que c'est bien le fichier voulu : le fichier PO d'un chapitre fait quelques dizaines de ko
po-not-utf8 = { $file } : le fichier n'est pas du texte UTF-8
po-not-utf8-hint = enregistrez-le en UTF-8 (Poedit et Lokalize le font par défaut)
po-charset = { $file } : l'en-tête indique charset={ $charset }, or livret ne lit que l'UTF-8
po-charset-hint = enregistrez le fichier en UTF-8 et mettez dans l'en-tête `Content-Type: text/plain; charset=UTF-8`
po-no-block-id = { $place } : cette entrée n'a pas d'identifiant de bloc livret comme msgctxt (`chapitre#paragraph-3f2a9c1b`)
po-no-block-id-hint = les entrées viennent de `livret po export` ; laissez leur msgctxt tel quel
po-source-language = `{ $lang }` est la langue source : ses chapitres sont les textes msgid, pas des traductions
po-source-language-hint = donnez la langue d'une traduction, par exemple --lang bm
po-no-language = { $place } : le fichier PO ne dit pas sa langue (pas de `Language:` dans son en-tête), il pourrait donc être de n'importe quelle langue
po-no-language-hint = si c'est la traduction `{ $lang }`, mettez dans son en-tête `Language: { $lang }` (Poedit : Traduction › Propriétés › Langue ; msginit --locale={ $lang } le fait pour un modèle), puis importez de nouveau
po-other-language = { $place } : ce fichier PO est en langue `{ $language }` (son en-tête), pas en `{ $lang }`
po-other-language-hint = importez-le avec --lang { $base } si c'est cette traduction, ou corrigez son en-tête `Language:`

# livret po export.
po-source-missing = le chapitre source `{ $stem }` n'a pas de fichier
po-source-missing-hint = écrivez d'abord sources/{ $source }/{ $stem }.md
po-export-typst-skipped = { $file } : un chapitre Typst, non exporté (son code ne peut pas être découpé en textes sans risque) ; traduisez directement le fichier sous le nom sources/{ $lang }/{ $stem }.typ
po-export-nothing-written = (rien n'a été écrit : l'export les écraserait)
po-export-unreadable-hint = corrigez le fichier (ou déplacez-le ailleurs), puis exportez de nouveau
po-export-not-utf8 = ce n'est pas du texte UTF-8
po-export-unreadable = { $why } ; le fichier ne peut pas être lu, ses traductions ne peuvent donc pas être gardées

# Ce qu'une traduction dans une entrée PO casse de son msgid.
po-block = { $kind ->
    [heading] titre
    [paragraph] paragraphe
    [item] élément de liste
    [cell] cellule de tableau
    [callout] encadré
    [quote] citation
    [footnote] note de bas de page
    [alt] description d'image
    [term] terme
    [definition] définition
    [code] code
    [html] HTML
   *[other] { $kind }
} `{ $path }`
po-structure-changed = cette traduction change la structure du chapitre : à elle seule, elle forme { $count ->
    [one] { $count } bloc ({ $blocks })
   *[other] { $count } blocs ({ $blocks })
} là où le msgid en forme { $msgid_count ->
    [one] { $msgid_count } ({ $msgid_blocks })
   *[other] { $msgid_count } ({ $msgid_blocks })
} (une ligne vide, ou une ligne commençant par `-`, `1.`, `#` ou `>`, commence un nouveau bloc)
po-anchor-dropped = la traduction perd { $anchors } du msgid
po-anchor-added = la traduction ajoute { $anchors }, absent du msgid
po-anchor-changed = la traduction remplace { $anchors } du msgid par { $into }
po-anchor-image = l'image `{ $target }`
po-anchor-link = la cible de lien `{ $target }`
po-anchor-footnote = l'étiquette de note `[^{ $label }]`

# livret po import.
po-import-typst-left = sources/{ $lang }/{ $stem }.typ est un chapitre Typst : laissé tel quel
po-import-unknown-chapter = le chapitre `{ $stem }` n'est pas dans sources/guide.toml : { $count ->
    [one] son entrée a été mise de côté
   *[other] ses { $count } entrées ont été mises de côté
}
po-import-refused = { $count ->
    [one] (rien n'a été écrit)
   *[other] ({ $count } problèmes ; rien n'a été écrit)
}
po-import-refused-hint = ne traduisez que les mots : gardez chaque image, cible de lien et étiquette de note ([^note]) du msgid, et les lignes qui font les listes et les titres
po-import-control-char = la traduction contient le caractère de contrôle invisible { $code } ; supprimez-le (un saut de ligne s'écrit `\n`)
po-import-bar = un `|` termine une cellule de tableau : écrivez-le `\|` dans la traduction
po-import-stray = `{ $id }` n'est plus un bloc de { $chapter } (retiré de la source) : sa traduction a été mise de côté
po-import-unpaired = ses blocs aux lignes { $own } n'ont pas d'équivalent dans la source, et ceux de la source aux lignes { $missing } n'en ont pas en lui : un chapitre reconstruit sur la structure de la source perdrait les siens ; ajoutez ces blocs de la source au chapitre (ou retirez les siens), puis importez de nouveau
po-import-structure = cette traduction change la structure du chapitre ({ $why })
