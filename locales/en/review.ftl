# What check --accept and check --intended warn about besides their confirmations.
review-accepted-still-marked = { $chapter } still has { $count ->
    [one] { $count } block marked { $mark }: it remains to translate
   *[other] { $count } blocks marked { $mark }: they remain to translate
  } (the first at { $file }); accepting says the translation follows the current source, not that it is done
review-intended-no-finding = check finds no { $check } finding on { $id } now: the mark is kept but silences nothing (copy the id and the check from an `if intended:` line of `livret check --lang …`)
