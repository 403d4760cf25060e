# Les mots de clap dans --help.
cli-help-usage = Utilisation :
cli-help-command-value = COMMANDE
cli-help-commands = Commandes :
cli-help-arguments = Arguments :
cli-help-options = Options :
cli-help-default = [par défaut : { $value }]
cli-help-possible-values = [valeurs possibles : { $values }]
cli-help-possible-value = { $name } :{ $pad } { $help }
cli-help-possible-values-heading = Valeurs possibles :

# Les erreurs d'utilisation de clap.
cli-error-more = Pour en savoir plus, essayez « { $flag } ».
cli-error-unknown-argument = argument inattendu « { $arg } »
cli-error-unknown-command = sous-commande inconnue « { $command } »
cli-error-missing-value = « { $arg } » demande une valeur, mais aucune n'a été donnée
cli-error-invalid-value = valeur « { $value } » invalide pour « { $arg } »
cli-error-with-possible-values = { $message } [valeurs possibles : { $values }]
cli-error-refused-value = valeur « { $value } » invalide pour « { $arg } » : { $reason }
cli-error-missing-arguments = ces arguments obligatoires manquent : { $args }
cli-error-missing-command = « { $command } » demande une sous-commande, mais aucune n'a été donnée
cli-error-conflict = l'argument « { $arg } » ne peut pas être utilisé avec « { $other } »
cli-error-conflict-command = la sous-commande « { $command } » ne peut pas être utilisée avec « { $other } »
cli-error-twice = l'argument « { $arg } » ne peut être donné qu'une fois
cli-error-no-equals = il faut un signe égal pour donner une valeur à « { $arg } »
cli-error-too-many-values = valeur « { $value } » inattendue pour « { $arg } » ; il n'en fallait pas d'autre
cli-error-number-of-values = « { $arg } » prend { $wanted } { $wanted ->
    [one] valeur
   *[other] valeurs
    }, { $given } { $given ->
    [one] a été donnée
   *[other] ont été données
    }
cli-error-not-utf8 = un argument n'est pas un texte UTF-8 valide
cli-error-similar-command = une sous-commande semblable existe : « { $name } »
cli-error-similar-argument = un argument semblable existe : « { $name } »
cli-error-similar-value = une valeur semblable existe : « { $name } »
cli-error-tip-pass-as-value = pour donner « { $arg } » comme valeur, écrivez « { $how } »
cli-error-tip-remove-dashes = la sous-commande « { $command } » existe ; pour l'utiliser, enlevez le « -- » devant

# Les valeurs de la ligne de commande que livret vérifie lui-même.
cli-args-not-jobs = « { $value } » n'est pas un nombre de cibles
cli-args-jobs-range = livret fabrique au plus { $most } cibles à la fois, et au moins 1 (sans -j : une par cœur)
cli-args-memory-min = donnez au moins { $megabytes } Mo (livret lui-même a besoin d'autant)
cli-args-not-seconds = « { $value } » n'est pas un nombre de secondes
cli-args-seconds-range = donnez entre 1 et 86400 secondes (une journée)
cli-args-not-dpi = « { $value } » n'est pas une résolution
cli-args-dpi-range = donnez une résolution entre 10 et 1200 dpi, par exemple --preview-dpi 60

# livret build : la progression, les lignes de chaque cible, les lignes de fin.
cli-progress-up-to-date = fait : déjà à jour
cli-progress-done = fait : { $pages } pages, { $size }
cli-progress-timing = { $lang } { $layout } : fabriqué en { $millis } ms à partir de { $inputs } { $inputs ->
    [one] fichier
   *[other] fichiers
    } du projet, { $decodes } { $decodes ->
    [one] image décodée
   *[other] images décodées
    }
cli-target-up-to-date = déjà à jour : { $path } (avec ses éditions et ses fichiers d'impression)
cli-target-wrote = écrit { $path } ({ $pages } pages, { $width }×{ $height } mm, { $size })
cli-target-wrote-untranslated = { $wrote } ; pas encore traduits : { $chapters } ({ $count ->
    [one] 1 chapitre
   *[other] { $count } chapitres
    })
cli-target-wrote-screen = écrit { $path } (édition pour écran, { $size })
cli-target-images = images : { $count } { $count ->
    [one] fichier vérifié
   *[other] fichiers vérifiés
    } ; { $decoded ->
    [0] aucune à redimensionner, copies reprises de { $cache }
    [one] { $decoded } copie redimensionnée maintenant pour l'impression et l'écran, les autres reprises de { $cache }
   *[other] { $decoded } copies redimensionnées maintenant pour l'impression et l'écran, les autres reprises de { $cache }
    }
cli-target-wrote-print = écrit { $path } ({ $sheets } { $sheets ->
    [one] feuille
   *[other] feuilles
    } { $scheme }, { $size }), sa fiche de travail { $ticket } et sa fiche illustrée { $job_sheet }
cli-build-packaged = { $count } { $count ->
    [one] fichier rassemblé
   *[other] fichiers rassemblés
    } pour l'imprimerie dans { $path } (voir son README.txt)
cli-build-done = { $count ->
    [0] aucun livret fabriqué
    [one] { $count } livret fabriqué
   *[other] { $count } livrets fabriqués
    }, { $kept } déjà à jour (--force les refabrique) ; tous les fichiers produits sont listés dans { $report }
cli-build-not-a-job = ce n'est pas une tâche de fabrication ({ $reason })

# Le tableau qui termine livret build.
cli-table-target = cible
cli-table-pages = pages
cli-table-sheets = feuilles par exemplaire (livrets)
cli-table-reading = lecture
cli-table-screen = écran
cli-table-print-files = fichiers d'impression
cli-table-ink = encre par face imprimée (moyenne/la plus chargée)
cli-table-warnings = avertissements
cli-table-target-kept = { $lang } { $layout } (à jour)
cli-table-sheets-for-booklets = { $preset } { $sheets } pour { $booklets }
cli-table-ink-colour = { $mean }/{ $max } %
cli-table-ink-black = { $mean }/{ $max } % N

# livret check.
cli-check-col-language = langue
cli-check-col-chapters = chapitres
cli-check-col-missing = manquants
cli-check-col-stale = périmés
cli-check-col-no-glyph = caractères sans police
cli-check-col-layouts = par format : pages, feuilles par préréglage d'impression (celles de la langue source entre parenthèses)
cli-check-layout-sheets = { $pages } : { $sheets }
cli-check-layout-pages = { $layout } { $pages } p. ({ $source })
cli-check-missing = { $missing } (le chapitre source est montré avec un bandeau)
cli-check-no-glyph = { $place } : « { $character } » { $code } { $name } n'a pas de glyphe dans les polices de la langue (il s'imprime comme une case vide) ; ajoutez une police qui l'a (voir livret fonts)
cli-check-more-sheets = { $layout } demande { $count } { $count ->
    [one] feuille
   *[other] feuilles
    } par exemplaire sur { $preset }, { $more } de plus que la langue source
cli-check-overflow = « { $text } » dépasse de sa colonne de { $excess } mm dans { $layout } (page { $page }) ; raccourcissez-le, permettez une coupure (un trait d'union ou une espace) ou vérifiez la mise en page
cli-check-lonely-heading = le titre « { $heading } » termine la page { $page } de { $layout } sans rien après lui, son texte commence au verso ; raccourcissez ce qui le suit ou la page d'avant
cli-check-empty-page = la page { $page } de { $layout } est vide ; cherchez un saut de page en trop, ou un élément trop grand pour la page d'avant
cli-check-empty-page-in = la page { $page } de { $layout } est vide (dans { $chapter }) ; cherchez un saut de page en trop, ou un élément trop grand pour la page d'avant
cli-check-warning = avertissement : { $warning }
cli-finding = { $check } : { $message } (source { $source })
cli-finding-if-intended = si c'est voulu : { $command }
cli-findings-intended = { $count } { $count ->
    [one] constat marqué
   *[other] constats marqués
    } comme voulu (status.toml, [intended]) non { $count ->
    [one] montré
   *[other] montrés
    }
cli-orphan = le chapitre « { $chapter } » n'est pas dans sources/guide.toml, donc aucun livret ne l'utilise ; s'il a été renommé : { $rename } ; s'il a été supprimé : effacez ses fichiers (la traduction, .accepted/{ $chapter }.txt, sa ligne dans status.toml)
cli-orphan-new-name = NOUVEAU-NOM

# livret check : une traduction périmée et ses blocs modifiés.
cli-stale-never-accepted = { $file } est périmé (jamais marqué comme relu) ; après relecture : { $accept }
cli-stale-pending = { $file } a { $untranslated } { $untranslated ->
    [one] bloc pas encore traduit
   *[other] blocs pas encore traduits
    } et { $fuzzy } à revoir (fuzzy), ci-dessous
cli-stale-markdown-only = { $file } est périmé (le chapitre source a changé depuis sa relecture), mais aucun de ses textes n'a changé : seulement le Markdown autour ; après relecture : { $accept }
cli-stale-hash-only = { $file } est périmé (le chapitre source a changé depuis sa relecture) ; après relecture : { $accept }
cli-stale-blocks = { $file } est périmé (le chapitre source a changé depuis sa relecture), { $count ->
    [one] { $count } bloc ci-dessous
   *[other] { $count } blocs ci-dessous
    } ; après relecture : { $accept }
cli-stale-no-snapshot = seule une empreinte de la source acceptée a été gardée, on ne peut donc pas montrer ce qui a changé ; une fois le chapitre accepté de nouveau, les changements suivants seront montrés bloc par bloc
cli-stale-source-only = blocs de la source sans équivalent dans la traduction : { $lines }
cli-stale-translation-only = blocs de la traduction sans équivalent dans la source : { $lines } (les autres blocs sont appariés)
cli-block-kind = { $kind ->
    [heading] titre
    [paragraph] paragraphe
    [item] élément de liste
    [cell] cellule
    [callout] encadré
    [quote] citation
    [footnote] note
    [alt] texte alternatif
    [term] terme
    [definition] définition
    [code] code
    [html] HTML
   *[other] { $kind }
    }
cli-block-in-translation = traduction : { $place }
cli-block-after-in-translation = traduction : après { $place }
cli-block-not-in-translation-yet = pas encore dans la traduction
cli-block-not-in-translation = pas dans la traduction
cli-block-no-longer-in-translation = n'est plus dans la traduction
cli-block-changed = { $kind } { $name ->
    [cell] modifiée
    [quote] modifiée
    [footnote] modifiée
    [definition] modifiée
   *[other] modifié
    }, { $place }
cli-block-added = { $kind } { $name ->
    [cell] ajoutée
    [quote] ajoutée
    [footnote] ajoutée
    [definition] ajoutée
   *[other] ajouté
    }, { $place }
cli-block-removed = supprimé : { $kind }, était avant { $place }
cli-block-moved = déplacé : { $kind }, maintenant à { $place }
cli-block-untranslated = pas encore traduit : { $kind } à { $place }
cli-block-fuzzy = traduction pas encore relue (fuzzy) : { $kind } à { $place }
cli-block-translate-it = traduisez-le dans le chapitre, ou avec { $command }
cli-block-after-review = après relecture : { $command }

# livret po export et import.
cli-po-unpaired = { $file } n'est pas construit comme la source : { $reason } ; les blocs de la source sans équivalent commencent vides dans le PO, tous les autres blocs sont appariés
cli-po-exported = { $count } { $count ->
    [one] entrée
   *[other] entrées
    } : { $translated } { $translated ->
    [one] traduite
   *[other] traduites
    }, { $fuzzy } à revoir (fuzzy), { $untranslated } non { $untranslated ->
    [one] traduite
   *[other] traduites
    }
cli-po-exported-kept = { $count } { $count ->
    [one] traduction du fichier PO gardée, pas encore importée
   *[other] traductions du fichier PO gardées, pas encore importées
    }
cli-po-exported-obsolete = { $count } { $count ->
    [one] entrée obsolète
   *[other] entrées obsolètes
    } (#~) de blocs qui ne sont plus dans la source
cli-po-template = le modèle (tous les textes du guide)
cli-po-next = ensuite : traduisez dans un éditeur PO, puis : { $command }
cli-po-written = écrit : { $count } { $count ->
    [one] bloc traduit
   *[other] blocs traduits
    }, { $review }
cli-po-unchanged = inchangé : { $count } { $count ->
    [one] bloc traduit
   *[other] blocs traduits
    }, { $review }
cli-po-all-accepted = tous acceptés
cli-po-fuzzy-to-review = { $count } à revoir (fuzzy)
cli-po-not-translated-yet = { $count } pas encore { $count ->
    [one] traduit
   *[other] traduits
    } (ils gardent le texte source marqué de sa langue ; le premier : { $first })
cli-po-kept-in-chapter = { $count } { $count ->
    [one] bloc modifié
   *[other] blocs modifiés
    } dans le chapitre depuis l'export, { $count ->
    [one] gardé tel quel
   *[other] gardés tels quels
    }
cli-po-left-unpaired = laissé tel quel : { $reason }
cli-po-left-untranslated = laissé tel quel : aucune traduction dans les fichiers PO
cli-po-waiting = { $count } { $count ->
    [one] chapitre
   *[other] chapitres
    } sans traduction pour l'instant : la fabrication { $count ->
    [one] le montre
   *[other] les montre
    } dans la langue source
cli-po-left-unchanged = les chapitres laissés tels quels n'ont pas du tout été modifiés ; les autres ont été écrits
cli-po-conflicts = laissé tel quel : { $count } { $count ->
    [one] bloc modifié
   *[other] blocs modifiés
    } à la fois dans le fichier PO et dans le chapitre depuis l'export
cli-po-conflict-at = conflit à { $place } (source { $source }) :
cli-po-conflict-po = fichier PO { $place } :
cli-po-conflict-chapter = chapitre { $place } :
cli-po-conflicts-hint = choisissez pour chaque bloc : pour garder le texte du chapitre, videz le msgstr (ou copiez-y le texte du chapitre) ; pour garder celui du PO, copiez-le dans le chapitre ; puis importez de nouveau

# livret impose, calibrate, images, fonts.
cli-wrote = écrit { $path }
cli-impose-summary = { $pages } pages → { $sheets } { $sheets ->
    [one] feuille
   *[other] feuilles
    } { $scheme } en { $sheet } ({ $booklets } { $booklets ->
    [one] livret
   *[other] livrets
    })
cli-impose-ink-front = encre par face imprimée : { $mean } % en moyenne, { $max } % sur la plus chargée (feuille { $sheet }, recto ; C+M+J+N, noir plein = 100 %)
cli-impose-ink-back = encre par face imprimée : { $mean } % en moyenne, { $max } % sur la plus chargée (feuille { $sheet }, verso ; C+M+J+N, noir plein = 100 %)
cli-impose-ink-estimated = encre par face imprimée : environ { $mean } % en moyenne, estimée sur { $measured } des { $pages } pages (la première, la dernière et les autres à intervalles réguliers entre elles ; les pages non dessinées comptées comme leur moyenne ; la plus chargée n'est pas connue ; C+M+J+N, noir plein = 100 %)
cli-impose-ink-none = encre par face imprimée : non mesurée (toutes les pages dépassent les limites du dessin)
cli-impose-preview-too-big = --preview-dpi { $dpi } dessine chaque face de { $sheet } en { $pixels } pixels, plus que les { $millions } millions que livret dessine
cli-impose-preview-dpi-hint = utilisez --preview-dpi { $dpi } ou moins
cli-calibrate-sheet = feuille d'étalonnage { $sheet } { $orientation ->
    [landscape] paysage
   *[other] portrait
    } ({ $size }), recto verso retourné sur le bord { $duplex ->
    [long] long
    [short] court
   *[other] { $duplex }
    } : imprimez-la en recto verso à 100 %, comme vos travaux dans cette orientation
cli-calibrate-read = lisez la marge coupée sur les règles (printer-margin) et, par transparence depuis le verso, le décalage (back-offset = "droite,haut")
cli-images-none = aucune photo ni image (PNG, JPEG)
cli-images-line = p. { $page } { $path }  { $pixels } px  imprimée { $width }×{ $height } mm  { $dpi } dpi  impression : { $print }  écran : { $screen }  ({ $place })
cli-fonts-heading = Polices qu'une fabrication peut utiliser :
cli-fonts-scripts = écritures : { $scripts }
cli-fonts-style-word = { $word ->
    [bold] gras
    [semibold] demi-gras
    [light] maigre
    [regular] normal
    [italic] italique
   *[other] { $word }
    }
cli-fonts-script = { $script ->
    [latin] latin
    [bambara] latin du bambara (ɛ ɔ ɲ ŋ)
    [nko] N'Ko
    [ajami] arabe (ajami)
    [tifinagh] tifinagh
   *[other] { $script }
    }
cli-fonts-languages = Langues de guide.toml :
cli-fonts-stack = polices : { $fonts }
cli-fonts-shown-with = { $count } { $count ->
    [one] caractère, affiché
   *[other] caractères, affichés
    } avec { $font }
cli-fonts-no-font = { $count } { $count ->
    [one] caractère
   *[other] caractères
    }, AUCUNE POLICE de la liste ne les affiche tous — ajoutez-en une dans fonts/ et dans les polices de la langue

# Les autres commandes.
cli-rename-moved = déplacé { $from } -> { $to }
cli-rename-would-move = déplacerait { $from } -> { $to }
cli-rename-edited = modifié { $file }
cli-rename-would-edit = modifierait { $file }
cli-rename-dry-run = rien n'a été changé (--dry-run)
cli-rename-done = le chapitre « { $old } » s'appelle maintenant « { $new } »
cli-new-created = { $path } créé avec { $count } fichiers
cli-new-next = ensuite : { $command }   (puis modifiez sources/guide.toml et les chapitres)
cli-report-merged = écrit { $path } ({ $count } fichiers produits, de { $reports } rapports)
cli-preview-wrote = écrit { $path } et { $count } { $count ->
    [one] page PNG
   *[other] pages PNG
    }
cli-proof-wrote = écrit { $path } ({ $count } { $count ->
    [one] planche
   *[other] planches
    } d'épreuve)
cli-proof-marked = { $count } { $count ->
    [one] bloc modifié
   *[other] blocs modifiés
    } depuis la dernière relecture { $count ->
    [one] est marqué
   *[other] sont marqués
    }, sur { $sheets } { $sheets ->
    [one] planche
   *[other] planches
    }
cli-proof-hash-only = { $chapter } : la source a changé depuis son acceptation, mais seule son empreinte a été gardée : ses changements ne sont pas marqués (une fois le chapitre relu, « { $command } » en garde une copie)
cli-watch-built = fabriqué { $path } ({ $pages } pages) en { $millis } ms (typst { $typst } ms)
cli-watch-failed = échec ; en attente de la prochaine modification
cli-watch-serving = les pages sont servies à l'adresse { $url }
cli-man-written = pages de manuel écrites dans { $path }
cli-po-then = { $first } ; { $then }
