# The build's warnings about the words a layout prints in a language (guide.toml's `labels`).
labels-missing = { $lang }: { $count ->
        [one] one word the layout prints is
       *[other] { $count } words the layout prints are
    } not in its labels in guide.toml, so its booklet shows them in English: { $labels }. Add them to the language's `labels` (livret has its own words only in French and English).
labels-to-translate = { $lang }: { $count ->
        [one] one label in guide.toml is
       *[other] { $count } labels in guide.toml are
    } still to translate (they start with a language mark such as [fr] and print so): { $labels }.
