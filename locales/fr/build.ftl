# livret build : étapes, avertissements et erreurs de la construction (src/build).

build-zip-failed = impossible d'écrire l'archive zip ({ $reason })

# Ce que fait une cible (affiché à côté de la cible pendant sa construction).
build-stage-print-edition = édition imprimée
build-stage-screen-edition = édition écran
build-stage-print-sheets = feuilles d'impression ({ $scheme } sur { $sheet })

# Budgets de taille (print-budget, screen-budget d'un [[layout]] dans guide.toml).
build-over-print-budget = { $pdf } pèse { $size }, plus que le budget de l'édition imprimée de cette mise en page, { $budget } (print-budget dans guide.toml)
build-over-print-budget-images = { $pdf } pèse { $size }, plus que le budget de l'édition imprimée de cette mise en page, { $budget } (print-budget dans guide.toml) ; images les plus lourdes : { $images }
build-over-screen-budget = { $pdf } pèse { $size }, plus que le budget de l'édition écran de cette mise en page, { $budget } (screen-budget dans guide.toml)
build-over-screen-budget-images = { $pdf } pèse { $size }, plus que le budget de l'édition écran de cette mise en page, { $budget } (screen-budget dans guide.toml) ; images les plus lourdes : { $images }

# Fichiers d'impression.
build-blank-pages-added = { $name } : { $count ->
    [one] { $count } page blanche ajoutée pour compléter les feuilles
   *[other] { $count } pages blanches ajoutées pour compléter les feuilles
}
build-in-printer-margin = { $name } : le contenu { $count ->
    [one] de { $count } page placée
   *[other] de { $count } pages placées
} (la première : page { $first }) entre jusqu'à { $depth } mm dans la marge non imprimable de { $margin } mm de l'imprimante et risque d'être coupé
build-in-printer-margin-hint = mettez fit = "shrink" dans ce préréglage [[print]], ou élargissez les marges de la mise en page

# Images.
build-blurry-image = { $place } : l'image `{ $path }` n'a que { $dpi } dpi à la taille où elle est imprimée (page { $page }, { $width } × { $height } mm) : elle sera floue à l'impression ; utilisez un fichier d'au moins { $needed } pixels de large

# build --package.
build-package-not-empty = { $path } n'est pas vide
build-package-not-empty-hint = donnez à --package un nouveau dossier (ou videz celui-ci) : les anciens fichiers se mêleraient aux nouveaux ; ou un nom finissant par .zip pour une seule archive
build-package-nothing = il n'y a aucun fichier d'impression à rassembler
build-package-nothing-hint = ajoutez des préréglages [[print]] à guide.toml, et construisez sans --no-print

# Le verrou de construction (une seule construction à la fois par projet).
build-lock-failed = impossible de prendre le verrou de construction { $path }
build-lock-held = une autre construction livret est en cours sur ce projet (le processus { $pid } tient le verrou { $path })
build-lock-held-named = une autre construction livret est en cours sur ce projet (le processus { $pid }, `{ $name }`, tient le verrou { $path })
build-lock-held-wait = attendez la fin de cette construction, puis relancez-la
build-lock-not-livret = le processus { $pid } n'est pas livret : le verrou a sans doute été laissé par une construction interrompue
build-lock-remove = si aucune construction livret ne tourne sur ce projet, supprimez le verrou et relancez : rm { $path }

# Rapports des constructions en parts (livret report merge).
build-report-unreadable = { $path } : ce n'est pas un rapport livret ({ $reason })
build-report-unreadable-hint = donnez les fichiers out/<guide>/report.json écrits par `livret build`
build-report-other-guide = { $path } : guide `{ $guide }` édition { $edition }, mais le premier rapport est celui du guide `{ $first_guide }` édition { $first_edition }
build-report-other-guide-hint = ne fusionnez que les parts d'une même construction
build-report-differs = { $path } : { $file } diffère du même fichier dans un rapport précédent
build-report-differs-hint = deux parts ont construit la même cible différemment : reconstruisez-la
build-report-none = aucun rapport à fusionner

build-threads-failed = impossible de lancer { $count } fils de construction ({ $reason })

# Cibles construites dans un processus à part (build --memory, --timeout).
build-memory-limit-failed = impossible de limiter la mémoire d'une construction ({ $reason })
build-own-program-missing = impossible de trouver le programme livret lui-même ({ $reason })
build-process-failed = impossible de lancer un processus de construction ({ $reason })
build-process-unreadable = un processus de construction a répondu quelque chose que livret ne sait pas lire ({ $reason })
build-timed-out = { $target } : abandon après { $seconds } s (--timeout) ; rien de cette cible n'a été enregistré
build-timed-out-loop = un chapitre Typst tourne peut-être sans fin : cherchez une boucle ou une récursion qui ne s'arrête jamais
build-timed-out-more = si le guide est seulement gros, accordez plus de temps avec --timeout SECONDES
build-suspects-any = ses chapitres ou ses images
build-out-of-memory = { $target } : arrêté : il lui fallait plus de mémoire que --memory n'en permet ({ $memory }) ; rien de cette cible n'a été enregistré
build-out-of-memory-look = un chapitre construit peut-être un texte, une liste ou une image énorme : regardez { $suspects }
build-out-of-memory-more = si le guide est seulement gros, accordez plus de mémoire avec --memory, par exemple --memory 8GB
build-process-silent = aucun message
build-process-stopped = { $target } : le processus de construction s'est arrêté de façon inattendue ({ $last }) ; rien de cette cible n'a été enregistré
build-process-stopped-look = regardez { $suspects }
build-size-gb = { $size } Go
build-size-mb = { $size } Mo

# Caractères et export PDF.
build-no-glyph = { $count ->
    [one] aucune police de la langue `{ $lang }` ne sait afficher { $chars }, page { $page } : il s'imprime comme une case vide
   *[other] aucune police de la langue `{ $lang }` ne sait afficher ces { $count } caractères : { $chars }, page { $page } : ils s'impriment comme des cases vides
} ; ajoutez aux polices de la langue `{ $lang }` dans guide.toml une police qui les a (`livret fonts` dit quelles écritures chaque police couvre)
build-not-standard = { $pdf } ne respecte pas la norme { $standard }
build-pdf-failed = { $pdf } n'a pas pu être écrit
build-pdf-failed-hint = corrigez les endroits indiqués ; aucun PDF n'a été écrit
build-image-refused = image `{ $path }` : { $why }

# Une pile trop épaisse pour être pliée et agrafée (préréglages de build, options d'impose).
build-thick = { $count } feuilles ou morceaux sont pliés ensemble ({ $mm } mm) : plus que les { $limit } qui se plient et s'agrafent proprement en papier de { $paper }
build-thick-assumed-options = { $count } feuilles ou morceaux sont pliés ensemble ({ $mm } mm) : plus que les { $limit } qui se plient et s'agrafent proprement en papier de { $paper } (grammage supposé : indiquez --paper-weight)
build-thick-assumed-preset = { $count } feuilles ou morceaux sont pliés ensemble ({ $mm } mm) : plus que les { $limit } qui se plient et s'agrafent proprement en papier de { $paper } (grammage supposé : indiquez le paper-weight du préréglage)
build-thick-hint-options = utilisez --signature-sheets { $sheets } ({ $count } cahiers)
build-thick-hint-options-scheme = utilisez --scheme signatures --signature-sheets { $sheets } ({ $count } cahiers, cousus ou collés), ou --scheme wire
build-thick-hint-preset = signature-sheets = { $sheets } ({ $count } cahiers) dans ce préréglage [[print]]
build-thick-hint-preset-scheme = scheme = "signatures" et signature-sheets = { $sheets } ({ $count } cahiers, cousus ou collés) dans ce préréglage [[print]], ou scheme = "wire"
