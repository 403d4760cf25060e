# Les commandes qui compilent sous un budget de mémoire (check, proof, preview, images, watch).
shop-memory-stopped = arrêté : la compilation demandait plus de mémoire que --memory ne le permet ({ $budget })
shop-memory-look-at = un chapitre construit peut-être un texte, une liste ou une image démesurés : voyez { $files }
shop-memory-unknown-chapters = les chapitres Typst et les images du guide
shop-memory-allow-more = si le guide est seulement gros, accordez davantage avec --memory, par exemple --memory 8GB
shop-memory-gb = { $size } Go
shop-memory-mb = { $size } Mo
shop-self-find = impossible de trouver le programme de livret lui-même ({ $reason })
shop-self-start = impossible de lancer un processus de livret ({ $reason })
shop-self-wait = impossible d'attendre le processus de livret ({ $reason })

# Un lien qu'un chapitre Typst écrit vers autre chose que le web, le courriel ou le téléphone.
shop-typst-link-as-text = { $place } : avertissement : le lien vers « { $url } » est imprimé comme du texte : seuls les liens http, https, mailto et tel deviennent des liens

# La quantité d'un préréglage d'impression.
shop-preset-quantity = quantity doit être un nombre d'exemplaires de 1 à 10000000, pas { $quantity }

# `livret images --memory`.
help-images--memory = S'arrêter avec une erreur quand les compilations demandent plus de mémoire que cela (par exemple 2GB, ou `none`) : la commande tourne dans un processus à part sous cette limite.
