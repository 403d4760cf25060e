# livret check (src/ops/check).

check-accept-one-lang = --accept needs exactly one --lang
check-accept-one-lang-hint = name the translation whose chapters you accept, e.g. livret check --lang bm --accept 01-introduction
check-intended-one-lang = --intended needs exactly one --lang
check-intended-one-lang-hint = name the translation whose findings you mark, e.g. livret check --lang bm --intended 01-introduction#paragraph-3f2a9c1b:numbers
