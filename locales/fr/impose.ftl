# livret impose : n'importe quel PDF sur des feuilles d'imprimante (src/ops/impose*.rs).

impose-not-pdf = le fichier de sortie { $path } doit finir par .pdf
impose-not-pdf-hint = par exemple -o feuilles.pdf
impose-nothing-written = rien n'a été écrit
impose-binding-right = reliure à droite : le PDF se lit de droite à gauche (/Direction /R2L) ; --binding left pour relier à gauche
impose-and-more = { " " }et { $count } de plus
impose-protected = le PDF d'entrée est protégé par un mot de passe propriétaire (il s'ouvre sans mot de passe) : il a été déchiffré en mémoire et le fichier produit n'est pas protégé
impose-portrait = portrait
impose-landscape = paysage
impose-turned = { $count ->
    [one] page { $pages } tournée d'un quart de tour (le haut à gauche) pour remplir son emplacement { $orientation }
   *[other] pages { $pages } tournées d'un quart de tour (le haut à gauche) pour remplir leur emplacement { $orientation }
}
impose-turned-hint = utilisez --rotate none pour les garder telles quelles
impose-scaled = { $count ->
    [one] la page { $pages } n'est pas en { $slot } (le format le plus courant) : réduite à { $range } pour tenir dans son emplacement
   *[other] les pages { $pages } ne sont pas en { $slot } (le format le plus courant) : réduites à { $range } pour tenir dans leur emplacement
}
impose-centred = { $count ->
    [one] la page { $pages } n'est pas en { $slot } (le format le plus courant) : centrée dans son emplacement à sa propre taille
   *[other] les pages { $pages } ne sont pas en { $slot } (le format le plus courant) : centrées dans leur emplacement à leur propre taille
}
impose-in-printer-margin = le contenu { $count ->
    [one] de la page { $pages }
   *[other] des pages { $pages }
} entre jusqu'à { $depth } mm dans la marge non imprimable de { $margin } mm de l'imprimante et risque d'être coupé
impose-margin-shrink = utilisez --fit shrink pour réduire les pages à la zone imprimable (à { $scale } %), ou mesurez la vraie marge de l'imprimante avec `livret calibrate`
impose-margin-calibrate = mesurez la vraie marge de l'imprimante avec `livret calibrate` (--printer-margin)
impose-blank-pages = { $count ->
    [one] { $count } page blanche ajoutée pour remplir les feuilles
   *[other] { $count } pages blanches ajoutées pour remplir les feuilles
}
impose-no-pages = { $input } : le PDF n'a aucune page
impose-other-orientation-hint = c'est une page de l'autre orientation : utilisez --rotate auto pour la tourner dans son emplacement
impose-one-size-hint = l'imposition demande des pages d'un seul format : utilisez --fit center pour centrer les autres dans leur emplacement (réduites si plus grandes), ou --fit shrink pour ajuster chaque page à son emplacement
impose-odd-size = { $input } : la page { $page } mesure { $size } mm, mais la page { $like } mesure { $common } mm (le format le plus courant)
impose-odd-size-turned = { $input } : la page { $page } mesure { $size } mm, mais la plupart des pages mesurent, une fois tournées, { $common } mm (le format le plus courant)

# Le PDF d'entrée tel que l'imposition le lit.
impose-pdf-not-pdf = le fichier d'entrée n'est pas un PDF (il n'a pas d'en-tête %PDF-)
impose-pdf-not-pdf-hint = exportez ou imprimez le document en PDF, puis imposez ce fichier
impose-pdf-encrypted = le PDF d'entrée est chiffré avec un mot de passe nécessaire pour l'ouvrir
impose-pdf-encrypted-hint = déchiffrez-le d'abord avec son mot de passe, par exemple `qpdf --decrypt --password=MOTDEPASSE entree.pdf dechiffre.pdf`
impose-pdf-corrupt = le PDF d'entrée est endommagé ({ $cause })
impose-pdf-corrupt-hint = le fichier est peut-être incomplet (un téléchargement ou une copie interrompus) : exportez-le de nouveau depuis sa source, ou essayez `qpdf entree.pdf repare.pdf`
impose-pdf-empty = le PDF d'entrée n'a aucune page
impose-pdf-empty-hint = le PDF d'entrée doit avoir au moins une page
impose-pdf-page-size = la page { $page } mesure { $size } mais les pages du livret mesurent { $expected } (les formats rognés diffèrent)
impose-pdf-page-size-hint = utilisez --fit center pour centrer les pages d'autres formats dans leur emplacement, ou --fit shrink pour ajuster chaque page à son emplacement
impose-pdf-plan-mismatch = le plan ne correspond pas au PDF d'entrée ({ $cause })
impose-pdf-plan-mismatch-hint = faites le plan à partir du nombre de pages et du format de ce PDF
impose-pdf-bad-box = page { $page } : { $problem }
impose-pdf-bad-box-hint = le logiciel qui a fait ce PDF a écrit un format de page qu'aucune imprimante n'a : exportez de nouveau le PDF, ou fixez le format de page avec `qpdf` ou un éditeur de PDF

# Ce qu'il faut savoir d'un travail (la fiche de travail le dit aussi).
impose-print-forbidden = les permissions du PDF d'entrée interdisent de l'imprimer (une protection par mot de passe propriétaire) : assurez-vous d'avoir le droit de l'imprimer
impose-size = { $width } × { $height }
impose-shrunk = pages réduites à { $percent } % pour tenir dans la zone imprimable : les pages finies mesurent { $size } mm, et non { $original } mm
impose-marks-skipped = { $count ->
    [one] { $count } repère n'a pas pu être dessiné : pas de place entre les pages et le bord de la feuille (ou dans la marge de l'imprimante)
   *[other] { $count } repères n'ont pas pu être dessinés : pas de place entre les pages et le bord de la feuille (ou dans la marge de l'imprimante)
}
impose-marks-skipped-hint = utilisez une --sheet plus grande, ou --fit shrink pour faire de la place
impose-near-standard = les pages mesurent { $size } mm, un peu plus que le format { $name } ({ $standard } mm) : { $now } tiennent sur une face de feuille au lieu de { $could }, ce qui prend { $sheets } feuilles au lieu de { $better }, et le format fini comprend le surplus
impose-near-standard-hint = si le surplus est du fond perdu ou un arrondi, --trim { $trim } les place comme des { $name } ({ $could } par face) ; ou --fit shrink les réduit à leurs emplacements

# Les fichiers qu'écrit livret impose, vérifiés avant d'écrire quoi que ce soit.
impose-out-output = le fichier de sortie
impose-out-output-fix = choisissez un autre -o SORTIE.pdf
impose-out-backs = le fichier des versos de --manual-duplex
impose-out-backs-fix = choisissez un autre -o SORTIE.pdf : les versos sont écrits à côté, sous le nom SORTIE-backs.pdf
impose-out-ticket = la fiche de travail
impose-out-ticket-fix = choisissez un autre -o SORTIE.pdf : la fiche de travail est écrite à côté, sous le nom SORTIE.txt
impose-out-job-sheet = la fiche illustrée
impose-out-job-sheet-fix = choisissez un autre -o SORTIE.pdf : la fiche illustrée est écrite à côté, sous le nom SORTIE-ticket.pdf
impose-out-plan = le plan de --plan
impose-out-plan-fix = choisissez un autre --plan FICHIER.json
impose-out-is-input = { $what } { $path } écraserait le fichier d'entrée { $input }
impose-out-twice = { $what } { $path } est aussi { $earlier } : l'un remplacerait l'autre
impose-preview-is-input = les aperçus de --preview { $dir } écraseraient le fichier d'entrée { $input }
impose-preview-fix = choisissez un autre --preview DOSSIER : les faces y sont écrites sous les noms side-N.png, la fiche illustrée sous ticket-1.png et ticket-2.png
impose-preview-fix-or = ou choisissez un autre --preview DOSSIER : les faces y sont écrites sous les noms side-N.png, la fiche illustrée sous ticket-1.png et ticket-2.png
impose-out-folder = { $what } { $path } est un dossier
impose-out-no-folder = le dossier { $dir } n'existe pas (pour { $what })
impose-out-no-folder-hint = créez-le d'abord, ou écrivez ailleurs
impose-out-is-preview = les aperçus de --preview { $dir } écraseraient { $what } { $path }

# Le PDF d'entrée.
impose-input-missing-hint = donnez le chemin d'un fichier PDF existant
impose-input-folder = { $input } est un dossier
impose-input-not-file = { $input } n'est pas un fichier ordinaire (un périphérique ou un tube)
impose-input-not-file-hint = donnez le chemin d'un fichier PDF
impose-input-too-big = { $input } dépasse { $max } Mio, plus qu'un fichier d'impression ne devrait peser
impose-input-too-big-hint = découpez-le (par exemple `qpdf --split-pages=100 entree.pdf partie.pdf`) et imposez chaque partie
