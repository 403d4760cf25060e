# Les fichiers du projet : ce que livret peut lire et écrire.
util-path-escapes = le chemin sort du dossier du projet
util-file-not-found = fichier introuvable
util-not-utf8 = { $path } : le fichier n'est pas du texte UTF-8
util-not-utf8-hint = enregistrez-le en UTF-8 (la plupart des éditeurs le proposent dans « Enregistrer sous » ou « Encodage »)
util-move-target-exists = { $path } existe déjà : livret ne le remplace pas
util-move-target-exists-hint = déplacez ou supprimez d'abord { $path }
util-lock-busy = un autre livret écrit { $what } depuis { $seconds } s (il tient { $path })
util-lock-busy-hint = attendez la fin de cette commande, puis relancez celle-ci
util-outside = { $path } : le chemin sort du dossier du projet
util-outside-hint = livret ne lit et n'écrit que dans le dossier du projet
util-unreadable-place = un endroit illisible
util-symlink-out-read = { $link } est un lien symbolique vers { $target }, hors du dossier du projet : livret ne lit pas à travers
util-symlink-out-write = { $link } est un lien symbolique vers { $target }, hors du dossier du projet : livret n'écrit pas à travers
util-symlink-folder-hint = remplacez { $link } par un vrai dossier à l'intérieur du dossier du projet
util-symlink-file-hint = remplacez { $link } par un vrai fichier à l'intérieur du dossier du projet
# Travail avec une limite de temps.
util-thread-failed = impossible de lancer un fil d'exécution pour { $name } ({ $reason })
util-thread-stopped = { $name } s'est arrêté de façon inattendue
util-gave-up = { $subject } : abandon après { $seconds } s (--timeout){ $consequence }
util-gave-up-loop-hint = un chapitre Typst peut boucler sans fin : cherchez une boucle ou une récursion qui ne se termine jamais
util-gave-up-timeout-hint = si le guide est seulement volumineux, accordez plus de temps avec --timeout SECONDES
# Tailles de fichiers.
util-size-kib = { $size } ko
util-size-mib = { $size } Mo
