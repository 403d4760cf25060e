# `livret new`: what it refuses.
new-not-empty = { $path } is not empty
new-not-empty-hint = choose a new folder, or add --force to add the missing files (the files already there are kept as they are)
new-no-language = no language given
new-no-language-hint = name the languages with --lang, the source language first, e.g. --lang fr,bm,en
new-bad-language = `{ $lang }` is not a usable language code (or it is given twice)
new-bad-language-hint = a code is two or three lowercase letters (ISO 639): fr, en, bm, ff, nqo, ar, taq, tmh…, separated by commas; for a language or script without a code of its own (Bambara in Ajami), ISO 639 keeps qaa to qtz for local use
new-unknown-layout = unknown layout `{ $layout }`
new-did-you-mean = did you mean `{ $name }`?
new-layouts-shipped = the layouts livret ships: { $names }

# The comments `livret new` writes in guide.toml (each line becomes a `# ` comment).
new-toml-header = The guide's manifest. livret checks every key: a typo is an error naming its line.
new-toml-id = Short name used in output file names: lowercase letters, digits and dashes.
new-toml-source-language = The language the chapters are written in first; the others are translations of it.
new-toml-publisher = Who publishes the guide (printed on the cover and in the colophon).
new-toml-edition =
    Edition number and date, printed in the colophon and in the PDF metadata. For a new
    edition, raise the number, change the date (year-month-day, without quotes) and edit
    the list under guide.changes below.
new-toml-licence = The licence of the text, printed in the colophon.
new-toml-chapters = Chapters in reading order: each is sources/<language>/<name>.md (Markdown) or .typ (Typst).
new-toml-title = The title on the cover, per language.
new-toml-subtitle = A subtitle under the title (optional), per language.
new-toml-changes =
    What changed in this edition, printed in the colophon: edit these lists (one per
    language, one sentence per item) for each new edition; this table is already here,
    do not add a second one. A language without a list shows the source language's.
new-toml-code = code: a short language code, also the folder sources/<code>/.
new-toml-name = name: the language's name in itself, printed on the cover.
new-toml-rtl = Written right to left: pages turn the other way and the booklet is bound on the right.
new-toml-fonts = fonts: font families from fonts/, in order of preference (`livret fonts` lists them).
new-toml-unknown-language =
    livret does not know this language (it knows { $known }): Andika covers Latin
    scripts; add a font under fonts/ and name it here if your script needs another.
new-toml-draft = A sample translation: "draft" prints a note in the colophon until it is reviewed.
new-toml-labels = The words the layout prints in this language (table of contents, boxes, colophon).
new-toml-labels-to-translate =
    To translate: livret has no words of its own in { $lang }, so these are the { $source }
    words under the mark [{ $source }]; the build warns until they are translated.
new-toml-layouts =
    Pocket formats. Each uses layouts/<name>.typ unless `template` says otherwise;
    screen-budget = "3 MB" warns when the PDF for phones grows past it.
new-toml-print =
    Print presets: how a layout is imposed on office-printer sheets.
    scheme: saddle, cutstack, copies, signatures, zine, cards (flat items) or wire
    (single leaves: binding-margin = 8); sheet: a4, a3, letter…; paper-weight = 80
    (g/m², or caliper = 0.1 in mm) gives creep and a warning when a stack is too thick;
    quantity = 500 puts the copies, 5 % overs and the paper they take on the ticket;
    also duplex = "long" or "short", marks = ["crop", "fold"], creep (mm),
    printer-margin = "5mm", colour = "gray" for a black-and-white printer,
    back-offset = "1.5mm,-0.5mm" (right, up on the back: measure it with `livret calibrate`).
