# livret check (src/ops/check).

check-accept-one-lang = --accept demande exactement une --lang
check-accept-one-lang-hint = nommez la traduction dont vous acceptez les chapitres, par exemple livret check --lang bm --accept 01-introduction
check-intended-one-lang = --intended demande exactement une --lang
check-intended-one-lang-hint = nommez la traduction dont vous marquez les constats, par exemple livret check --lang bm --intended 01-introduction#paragraph-3f2a9c1b:numbers
