# Ce que check --accept et check --intended signalent en plus de leurs confirmations.
review-accepted-still-marked = { $chapter } a encore { $count ->
    [one] { $count } bloc marqué { $mark } : il reste à traduire
   *[other] { $count } blocs marqués { $mark } : ils restent à traduire
  } (le premier en { $file }) ; accepter dit que la traduction suit l'original actuel, pas qu'elle est finie
review-intended-no-finding = check ne trouve aucun problème « { $check } » sur { $id } en ce moment : la marque est gardée mais ne masque rien (copiez l'identifiant et la vérification d'une ligne « si c'est voulu : » de `livret check --lang …`)
