# Les étiquettes que livret met devant un message dans le terminal.
term-error = erreur :
term-warning = avertissement :
term-hint = conseil :

# Fichiers et dossiers qui n'ont pas pu être lus ou écrits.
io-failed-create-folder = impossible de créer le dossier { $path } ({ $reason })
io-failed-create-the-build-lock = impossible de créer le verrou de construction { $path } ({ $reason })
io-failed-list = impossible de lister { $path } ({ $reason })
io-failed-lock = impossible de verrouiller { $path } ({ $reason })
io-failed-move = impossible de déplacer { $path } ({ $reason })
io-failed-open-project-folder = impossible d'ouvrir le dossier du projet { $path } ({ $reason })
io-failed-open-the-lock = impossible d'ouvrir le verrou { $path } ({ $reason })
io-failed-open = impossible d'ouvrir { $path } ({ $reason })
io-failed-read = impossible de lire { $path } ({ $reason })
io-failed-remove-the-build-record = impossible de supprimer l'enregistrement de construction { $path } ({ $reason })
io-failed-write-manual-pages-in = impossible d'écrire les pages de manuel dans { $path } ({ $reason })
io-failed-write = impossible d'écrire { $path } ({ $reason })
io-reason-not-found = fichier ou dossier introuvable
io-reason-permission = permission refusée
io-reason-exists = il existe déjà
io-reason-folder = c'est un dossier
io-reason-not-folder = ce n'est pas un dossier
io-reason-full = le disque est plein
io-reason-read-only = le disque est en lecture seule
term-about = { $subject } : { $text }
