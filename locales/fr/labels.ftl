# Les avertissements de la construction sur les mots qu'une mise en page imprime dans une langue (les `labels` de guide.toml).
labels-missing = { $lang } : { $count ->
        [one] un mot imprimé par la mise en page manque
       *[other] { $count } mots imprimés par la mise en page manquent
    } dans ses labels de guide.toml ; son livret les montre donc en anglais : { $labels }. Ajoutez-les aux `labels` de la langue (livret n'a ses propres mots qu'en français et en anglais).
labels-to-translate = { $lang } : { $count ->
        [one] un label de guide.toml est
       *[other] { $count } labels de guide.toml sont
    } encore à traduire (ils commencent par une marque de langue comme [fr] et s'impriment ainsi) : { $labels }.
