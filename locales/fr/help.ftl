# --help : la description de chaque commande (help-<chemin de la commande>), ses
# exemples (.examples), l'aide de chaque argument (help-<chemin>--<argument>) et celle
# de chaque valeur possible (un attribut au nom de la valeur). Les options globales sont
# à la racine (help--quiet).

help = Faire d'un guide multilingue des livrets de poche et des feuilles imposées prêtes à imprimer
help--quiet = N'afficher que les erreurs et les avertissements
help--verbose = Afficher davantage : les durées et ce que chaque étape a lu
help--color = Couleurs dans les messages : auto (dans un terminal, sauf si NO_COLOR est défini), always (toujours), never (jamais)
    .auto = Dans un terminal, sauf si `NO_COLOR` est défini
    .always = Toujours
    .never = Jamais
    .value = QUAND
help--ui-lang = La langue dans laquelle livret vous parle (par défaut : LIVRET_LANG, sinon la langue du système)
    .en = Anglais
    .fr = Français
    .value = LANGUE
help--help = Afficher l'aide
help--version = Afficher la version

help-new = Commencer un nouveau guide : un guide.toml commenté, des chapitres d'exemple, les mises en page et les polices
    .examples = Exemples :
          livret new mon-guide
          livret new guide-kayes --lang fr,bm,en --layout pocket-a6,pocket-a7
          cd mon-guide && livret build
help-new--dir = Le dossier à créer (il doit être vide ou ne pas exister)
    .value = DOSSIER
help-new--langs = Les codes des langues, la langue source en premier
    .value = LANGUES
help-new--layouts = Les formats de poche (pocket-a6, pocket-a7)
    .value = FORMATS
help-new--force = Écrire dans un dossier qui n'est pas vide

help-build = Fabriquer les PDF de lecture de chaque langue × format dans out/
    .examples = Exemple :
          livret build --lang fr --layout pocket-a6
help-build--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-build--langs = Seulement cette langue (peut être répété)
    .value = LANGUE
help-build--layouts = Seulement ce format (peut être répété)
    .value = NOM
help-build--strict = Échouer quand il manque des chapitres à une traduction, au lieu de montrer le texte source
help-build--no-print = Seulement les PDF de lecture : sauter les préréglages d'impression (feuilles imposées et fiches de travail)
help-build--force = Refabriquer tous les livrets, même ceux dont les sources n'ont pas changé
help-build--jobs = Livrets fabriqués en même temps (par défaut : un par cœur de processeur ; 64 au plus)
    .value = N
help-build--timeout = S'arrêter avec une erreur quand une cible prend plus que ce nombre de secondes
    .value = SECONDES
help-build--memory = S'arrêter avec une erreur quand une cible demande plus de mémoire que cela (par exemple 2GB, ou `none`) ; les cibles qui ont des chapitres Typst sont fabriquées dans un processus à part.
    .value = TAILLE
help-build--shard = Ne fabriquer que la K-ième des N parts des cibles (stable), par exemple sur la machine K de N d'une intégration continue.
    .value = K/N
help-build--package = Rassembler aussi les fichiers d'impression, les fiches de travail et un README pour l'imprimerie dans DOSSIER (ou dans une archive zip, aux mêmes octets pour la même fabrication, quand DOSSIER finit par .zip)
    .value = DOSSIER
help-build--pdf-standard = Rendre les PDF de lecture conformes à une norme PDF, par exemple a-2b (PDF/A-2b, pour l'archivage).
    .value = NORME
help-build--list-targets = Lister les cibles que cette commande fabriquerait, sans rien fabriquer
help-build--format = Avec --list-targets : human (une par ligne) ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT
help-build--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-impose = Imposer n'importe quel PDF sur des feuilles d'imprimante (piqûre à cheval, coupe et pile, zine…)
    .examples = Exemples :
          livret impose guide-a6.pdf -o feuilles.pdf --scheme cutstack --sheet a4
          livret impose zine.pdf -o zine-feuille.pdf --scheme zine --sheet letter --marks fold
help-impose--input = Le PDF à imposer (n'importe quel PDF : les pages restent vectorielles, les polices restent incorporées)
    .value = PDF
help-impose--output = Où écrire les feuilles ; la fiche de travail est écrite à côté (`.txt`)
    .value = SORTIE.pdf
help-impose--scheme = saddle, cutstack, copies, signatures, zine, cards ou wire
    .value = SCHÉMA
help-impose--sheet = Format de feuille : a3, a4, a5, letter, legal, tabloid, ou LxHmm / LxHin
    .value = FEUILLE
help-impose--duplex = Le retournement que fait votre imprimante en recto verso : long ou short (bord long ou bord court)
    .value = RECTO-VERSO
help-impose--signature-sheets = Feuilles par cahier (avec --scheme signatures ; 4 par défaut)
    .value = K
help-impose--creep = Épaisseur du papier en mm : les pages des feuilles intérieures se rapprochent du pli d'autant chacune. Par défaut : l'épaisseur de --caliper ou de --paper-weight quand l'un est donné, sinon 0.
    .value = MM
help-impose--paper-weight = Le grammage du papier en g/m² (80 pour du papier de bureau) : son épaisseur donne la chasse, le dos, et un avertissement quand une pile est trop épaisse pour être pliée et agrafée
    .value = G/M²
help-impose--caliper = L'épaisseur du papier au lieu de son grammage : 0.1 (mm) ou 0.1mm
    .value = LONGUEUR
help-impose--binding-margin = Place laissée sur le bord du dos de chaque feuillet pour les trous d'une reliure spirale, wire-o ou peigne (--scheme wire) : 8 (mm) ou 8mm
    .value = LONGUEUR
help-impose--marks = Repères à tracer : crop (coupe), fold (pli), collation (assemblage), slug (informations) ; séparés par des virgules, ou all (tous)
    .value = LISTE
help-impose--printer-margin = Ce que votre imprimante ne peut pas imprimer près du bord du papier : 5 (mm) ou 5mm, 0.2in
    .value = LONGUEUR
help-impose--back-offset = Décaler chaque verso pour compenser le défaut de repérage de l'imprimante : droite,haut vu du verso, par exemple 1,5mm,-0,5mm ou 1.5mm,-0.5mm (virgule ou point décimal) ; donnez toujours les deux valeurs (mesurez-les avec `livret calibrate`).
    .value = X,Y
help-impose--manual-duplex = Pour les imprimantes sans recto verso : écrire les rectos et les versos dans deux fichiers
help-impose--plan = Écrire aussi le plan d'imposition en JSON (pour les tests et d'autres outils)
    .value = FICHIER.json
help-impose--preview = Dessiner aussi chaque face imprimée en PNG (side-1.png, side-2.png, …) dans DOSSIER, et les pages de la fiche illustrée (ticket-1.png en français, ticket-2.png en anglais)
    .value = DOSSIER
help-impose--preview-dpi = Résolution des images de --preview (10 à 1200)
    .value = DPI
help-impose--blanks = Où vont les pages blanches de complément : before-last (la quatrième de couverture reste la dernière) ou end (à la fin)
    .value = PAGES-BLANCHES
help-impose--binding = Où est le dos : left (à gauche), ou right (à droite) pour les écritures de droite à gauche (N'Ko, arabe). Par défaut : right quand le PDF se lit de droite à gauche (/ViewerPreferences /Direction /R2L), sinon left.
    .value = RELIURE
help-impose--fit = Pages d'une autre taille que la plupart : shrink réduit chaque page pour qu'elle tienne dans son emplacement (et les emplacements dans la zone imprimable) ; center les centre, en ne réduisant que ce qui est plus grand
    .shrink = Réduire les pages pour qu'elles tiennent dans la zone imprimable
    .center = Accepter des pages d'autres tailles, centrées dans leur emplacement
    .value = AJUSTEMENT
help-impose--rotate = Pages de l'autre orientation (paysage dans un travail en portrait) : auto les tourne d'un quart de tour pour remplir leur emplacement, none les garde telles quelles
    .value = auto|none
help-impose--trim = Le format fini des pages dont le PDF n'a pas de TrimBox (le reste de la page est du fond perdu) : a6, a7, ou LxHmm comme 105x148mm
    .value = LxH
help-impose--bleed = Le fond perdu compris dans les pages dont le PDF n'a pas de TrimBox, de chaque côté : 3 (mm) ou 3mm
    .value = LONGUEUR
help-impose--quantity = Exemplaires (ou cartes) commandés : la fiche ajoute 5 % de passe et dit le papier qu'il faut
    .value = N

help-calibrate = Écrire une feuille d'étalonnage recto verso : des règles à chaque bord et une croix de repérage, pour mesurer ce qu'une imprimante coupe et de combien elle décale le verso
    .examples = Exemple :
          livret calibrate --sheet a4 --duplex long -o etalonnage.pdf
help-calibrate--sheet = Le papier de vos travaux : a4, a3, letter, legal, tabloid, ou LxHmm / LxHin
    .value = FEUILLE
help-calibrate--duplex = Le retournement que fait votre imprimante en recto verso : long ou short (bord long ou bord court)
    .value = RECTO-VERSO
help-calibrate--orientation = L'orientation des feuilles de votre travail (sa fiche donne la commande) : portrait ou landscape (paysage). Le pilote tourne une feuille en paysage : mesurez donc dans l'orientation du travail.
    .value = ORIENTATION
help-calibrate--output = Où écrire la feuille (un PDF de deux pages : recto, verso)
    .value = SORTIE.pdf

help-check = Vérifier les traductions : chapitres manquants et périmés, chaque bloc comparé à sa source (nombres, liens, adresses e-mail, notes, mise en valeur, ponctuation finale), chapitres que le guide ne liste plus, caractères qu'aucune police n'affiche, nombre de pages comparé à la langue source. Code de sortie 1 quand quelque chose demande votre attention.
    .examples = Exemples :
          livret check --lang bm
          livret check --lang bm --accept 05-signaler   (après l'avoir relu)
          livret check --lang bm --accept 05-signaler:12   (un seul bloc modifié)
          livret check --lang bm --intended 05-signaler#quote-6ce28b51:numbers
          livret check --format json
help-check--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-check--langs = Seulement cette langue (peut être répété)
    .value = LANGUE
help-check--accept = Marquer ce chapitre de l'unique --lang comme relu par rapport à la source actuelle, ou avec `:LINE` (un numéro de ligne) seulement son bloc modifié à cette ligne de la source, comme check l'affiche (peut être répété)
    .value = CHAPITRE[:LIGNE]
help-check--intended = Marquer comme voulu un constat d'une vérification dans un bloc de l'unique --lang, comme check l'affiche : BLOCK-ID:CHECK (peut être répété) ; gardé dans status.toml
    .value = ID-DU-BLOC:VÉRIFICATION
help-check--format = human (un tableau et une ligne par problème) ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT
help-check--timeout = S'arrêter avec une erreur quand la commande prend plus que ce nombre de secondes
    .value = SECONDES
help-check--memory = S'arrêter avec une erreur quand les compilations demandent plus de mémoire que cela (par exemple 2GB, ou `none`) : la commande tourne dans un processus à part sous cette limite.
    .value = TAILLE
help-check--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-proof = Un PDF d'épreuve : chaque page traduite à côté de la page source, chapitre par chapitre
    .examples = Exemple :
          livret proof --lang bm --against fr --layout pocket-a6
help-proof--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-proof--lang = La traduction à vérifier
    .value = LANGUE
help-proof--against = La langue avec laquelle comparer (par défaut : la langue source)
    .value = LANGUE2
help-proof--layout = Le format (par défaut : le premier de guide.toml)
    .value = NOM
help-proof--changes = Marquer les blocs de la source modifiés depuis l'acceptation de la traduction, et leurs traductions (un trait dans la marge, un fond clair)
help-proof--timeout = S'arrêter avec une erreur quand la commande prend plus que ce nombre de secondes
    .value = SECONDES
help-proof--memory = S'arrêter avec une erreur quand les compilations demandent plus de mémoire que cela (par exemple 2GB, ou `none`) : la commande tourne dans un processus à part sous cette limite.
    .value = TAILLE
help-proof--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-preview = Aperçus PNG : une planche-contact de toutes les pages, et les pages elles-mêmes
    .examples = Exemple :
          livret preview --lang bm --layout pocket-a6 --dpi 150
help-preview--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-preview--langs = Seulement cette langue (peut être répété)
    .value = LANGUE
help-preview--layouts = Seulement ce format (peut être répété)
    .value = NOM
help-preview--dpi = Résolution des PNG des pages
    .value = DPI
help-preview--contact-only = Seulement la planche-contact, pas chaque page
help-preview--timeout = S'arrêter avec une erreur quand la commande prend plus que ce nombre de secondes
    .value = SECONDES
help-preview--memory = S'arrêter avec une erreur quand les compilations demandent plus de mémoire que cela (par exemple 2GB, ou `none`) : la commande tourne dans un processus à part sous cette limite.
    .value = TAILLE
help-preview--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-images = Lister chaque image matricielle : pixels, taille imprimée, dpi, ce que chaque édition incorpore
    .examples = Exemple :
          livret images --lang fr --layout pocket-a7
help-images--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-images--langs = Seulement cette langue (peut être répété)
    .value = LANGUE
help-images--layouts = Seulement ce format (peut être répété)
    .value = NOM
help-images--format = human (un tableau par livret) ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT
help-images--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-report = Travailler sur les rapports de fabrication (out/<guide>/report.json)
    .examples = Exemple :
          livret report merge part-1/report.json part-2/report.json -o report.json

help-report-merge = Fusionner en un seul les report.json des fabrications réparties (--shard)
    .examples = Exemple :
          livret report merge part-1/report.json part-2/report.json -o report.json
help-report-merge--reports = Les rapports des parts
    .value = RAPPORT
help-report-merge--output = Où écrire le rapport fusionné (par défaut : la sortie standard)
    .value = FICHIER

help-help = Afficher ce message ou l'aide des sous-commandes données

help-fonts = Lister les polices qu'une fabrication peut utiliser, les écritures qu'elles couvrent, et la liste de polices de chaque langue
    .examples = Exemples :
          livret fonts
          livret fonts --project mon-guide --format json
help-fonts--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-fonts--format = human ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT

help-completions = Afficher un script de complétion pour le shell (bash, zsh, fish, powershell, elvish)
    .examples = Exemples :
          livret completions bash > ~/.local/share/bash-completion/completions/livret
          livret completions fish > ~/.config/fish/completions/livret.fish
help-completions--shell = Le shell
    .value = SHELL

help-man = Écrire les pages de manuel (livret.1 et une par commande) dans un dossier
    .examples = Exemple :
          livret man man/ && man -l man/livret.1
help-man--dir = Où les écrire
    .value = DOSSIER

help-watch = Refabriquer le PDF de lecture d'une langue à chaque modification, de façon incrémentale (Ctrl-C arrête)
    .examples = Exemple :
          livret watch --lang bm --layout pocket-a6
help-watch--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-watch--lang = La langue à refabriquer
    .value = LANGUE
help-watch--layout = Le format (par défaut : le premier de guide.toml)
    .value = NOM
help-watch--serve = Montrer aussi les pages dans un navigateur, sur localhost, rechargées après chaque fabrication
help-watch--port = Le port de `--serve` (par défaut : le premier libre de 3000 à 3005 ; 0 : n'importe quel port libre, affiché)
    .value = N
help-watch--max-builds = S'arrêter après ce nombre de fabrications (pour les scripts et les mesures)
    .value = N
help-watch--timeout = Abandonner une fabrication qui prend plus que ce nombre de secondes
    .value = SECONDES
help-watch--memory = S'arrêter avec une erreur quand les compilations demandent plus de mémoire que cela (par exemple 2GB, ou `none`) : la commande tourne dans un processus à part sous cette limite.
    .value = TAILLE
help-watch--pdf-standard = Rendre les PDF de lecture conformes à une norme PDF, par exemple a-2b (comme `build`).
    .value = NORME
help-watch--system-fonts = Utiliser aussi les polices installées sur ce système (les fabrications ne sont alors plus reproductibles ailleurs)

help-po = Une traduction en fichiers PO pour Poedit, Lokalize ou Weblate, et retour
    .examples = Exemples :
          livret po export --lang bm            (écrit po/bm/*.po et le modèle)
          livret po import --lang bm po/bm

help-po-export = Écrire un fichier PO par chapitre d'une traduction (msgid : un bloc de la source, msgstr : sa traduction, fuzzy là où la source a changé depuis) et un modèle (.pot)
    .examples = Exemple :
          livret po export --lang bm po/bm
help-po-export--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-po-export--lang = La traduction
    .value = LANGUE
help-po-export--dir = Le dossier des fichiers PO (par défaut : po/<L> dans le projet)
    .value = DOSSIER
help-po-export--format = human ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT

help-po-import = Réécrire les chapitres traduits à partir des fichiers PO, et marquer comme relus les blocs qui ne sont pas fuzzy. Rien n'est écrit quand un fichier a un problème.
    .examples = Exemple :
          livret po import --lang bm po/bm
help-po-import--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-po-import--lang = La traduction
    .value = LANGUE
help-po-import--dir = Le dossier des fichiers PO (par défaut : po/<L> dans le projet)
    .value = DOSSIER
help-po-import--format = human ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT

help-chapter = Travailler sur les chapitres du guide dans toutes les langues à la fois
    .examples = Exemple :
          livret chapter rename 02-forces 02-forces-securite --dry-run

help-chapter-rename = Renommer un chapitre en une fois : son fichier dans chaque langue, les copies acceptées et les clés de status.toml des traductions, et la liste des chapitres dans guide.toml. Après un renommage en amont (guide.toml liste déjà NEW), renomme ce que les traductions gardent encore sous OLD. Rien n'est changé quand un nom est déjà pris.
    .examples = Exemple :
          livret chapter rename 02-forces 02-forces-securite
help-chapter-rename--project = Le dossier du projet, qui contient sources/guide.toml
    .value = DOSSIER
help-chapter-rename--old = Le nom actuel du chapitre (le nom de son fichier sans extension, comme dans guide.toml)
    .value = ANCIEN
help-chapter-rename--new = Son nouveau nom
    .value = NOUVEAU
help-chapter-rename--dry-run = Dire seulement ce qui serait déplacé et modifié
help-chapter-rename--format = human ou json
    .human = Texte pour les personnes
    .json = JSON pour les outils
    .value = FORMAT

help-isolated = Fabrique une cible de `livret build --memory` (livret la lance lui-même, dans un processus à part)
help-isolated--job = La tâche, en JSON
    .value = TÂCHE
