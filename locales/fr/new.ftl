# `livret new` : ce qu'il refuse.
new-not-empty = { $path } n'est pas vide
new-not-empty-hint = choisissez un nouveau dossier, ou ajoutez --force pour ajouter les fichiers qui manquent (ceux qui sont déjà là restent tels quels)
new-no-language = aucune langue donnée
new-no-language-hint = nommez les langues avec --lang, la langue source d'abord, par exemple --lang fr,bm,en
new-bad-language = `{ $lang }` n'est pas un code de langue utilisable (ou il est donné deux fois)
new-bad-language-hint = un code a deux ou trois lettres minuscules (ISO 639) : fr, en, bm, ff, nqo, ar, taq, tmh…, séparés par des virgules ; pour une langue ou une écriture sans code à elle (le bambara en ajami), l'ISO 639 réserve qaa à qtz à un usage local
new-unknown-layout = mise en page inconnue : `{ $layout }`
new-did-you-mean = vouliez-vous dire `{ $name }` ?
new-layouts-shipped = les mises en page fournies avec livret : { $names }

# Les commentaires que `livret new` écrit dans guide.toml (chaque ligne devient un commentaire `# `).
new-toml-header = La fiche du guide. livret vérifie chaque clé : une faute de frappe est une erreur qui donne sa ligne.
new-toml-id = Nom court utilisé dans les noms des fichiers produits : lettres minuscules, chiffres et tirets.
new-toml-source-language = La langue dans laquelle les chapitres sont d'abord écrits ; les autres en sont des traductions.
new-toml-publisher = Qui publie le guide (imprimé sur la couverture et dans l'achevé d'imprimer).
new-toml-edition =
    Numéro et date de l'édition, imprimés dans l'achevé d'imprimer et dans les métadonnées
    du PDF. Pour une nouvelle édition, augmentez le numéro, changez la date (année-mois-jour,
    sans guillemets) et modifiez la liste sous guide.changes plus bas.
new-toml-licence = La licence du texte, imprimée dans l'achevé d'imprimer.
new-toml-chapters = Les chapitres dans l'ordre de lecture : chacun est sources/<langue>/<nom>.md (Markdown) ou .typ (Typst).
new-toml-title = Le titre sur la couverture, par langue.
new-toml-subtitle = Un sous-titre sous le titre (facultatif), par langue.
new-toml-changes =
    Ce qui change dans cette édition, imprimé dans l'achevé d'imprimer : modifiez ces listes
    (une par langue, une phrase par élément) à chaque nouvelle édition ; cette table est déjà
    là, n'en ajoutez pas une seconde. Une langue sans liste montre celle de la langue source.
new-toml-code = code : un code de langue court, aussi le nom du dossier sources/<code>/.
new-toml-name = name : le nom de la langue dans la langue elle-même, imprimé sur la couverture.
new-toml-rtl = S'écrit de droite à gauche : les pages tournent dans l'autre sens et le livret est relié à droite.
new-toml-fonts = fonts : les familles de polices de fonts/, par ordre de préférence (`livret fonts` les liste).
new-toml-unknown-language =
    livret ne connaît pas cette langue (il connaît { $known }) : Andika couvre les écritures
    latines ; ajoutez une police dans fonts/ et nommez-la ici si votre écriture en demande une autre.
new-toml-draft = Une traduction d'exemple : "draft" imprime une note dans l'achevé d'imprimer tant qu'elle n'est pas relue.
new-toml-labels = Les mots que la mise en page imprime dans cette langue (sommaire, encadrés, achevé d'imprimer).
new-toml-labels-to-translate =
    À traduire : livret n'a pas de mots à lui en { $lang } ; voici donc les mots en { $source },
    sous la marque [{ $source }] ; la construction prévient tant qu'ils ne sont pas traduits.
new-toml-layouts =
    Les formats de poche. Chacun utilise layouts/<nom>.typ, sauf si `template` en donne un
    autre ; screen-budget = "3 MB" prévient quand le PDF pour téléphone dépasse cette taille.
new-toml-print =
    Préréglages d'impression : comment une mise en page est imposée sur les feuilles d'une
    imprimante de bureau. scheme : saddle, cutstack, copies, signatures, zine, cards (cartes
    à plat) ou wire (feuillets simples : binding-margin = 8) ; sheet : a4, a3, letter… ;
    paper-weight = 80 (g/m², ou caliper = 0.1 en mm) donne la chasse et prévient quand une
    pile est trop épaisse ; quantity = 500 met sur la fiche les exemplaires, 5 % de passe
    et le papier qu'ils prennent ; aussi duplex = "long" ou "short", marks = ["crop", "fold"],
    creep (mm), printer-margin = "5mm", colour = "gray" pour une imprimante noir et blanc,
    back-offset = "1.5mm,-0.5mm" (vers la droite, vers le haut au verso : mesurez-le avec
    `livret calibrate`).
