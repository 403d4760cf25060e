# `check` : les blocs d'une traduction qui gardent le texte de l'original sous sa marque de langue.
placeholders-not-translated = { $lang } : { $file } : { $count ->
        [one] 1 bloc n'est pas encore traduit (ligne { $lines } : le texte de l'original sous la marque { $mark }) ; traduisez-le
       *[other] { $count } blocs ne sont pas encore traduits (lignes { $lines } : le texte de l'original sous la marque { $mark }) ; traduisez-les
    } et enlevez la marque
