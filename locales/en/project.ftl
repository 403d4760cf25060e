# The project folder and sources/guide.toml.
project-folder-missing = cannot open the project folder { $path } ({ $reason })
project-folder-missing-hint = run livret in the guide's folder (the one `livret new` made, with sources/guide.toml in it), or name it with --project DIR
project-not-utf8 = byte { $byte } is not UTF-8 text
project-not-utf8-hint = save guide.toml as UTF-8 (most editors have it under “Save as” or “Encoding”)
project-inside-sources-hint = you are inside sources/: go up one folder (cd ..) and run livret there, or add --project ..
project-manifest-missing-hint = a guide's folder has sources/guide.toml: `cd` into the folder `livret new` made, or create one with `livret new mon-guide`
project-did-you-mean = did you mean `{ $key }`?
project-manifest-comments-hint = every key is explained in the comments of the guide.toml `livret new` writes
project-date-form = the date `{ $value }` is not written year-month-day
project-date-hint = write the date as year-month-day, without quotes: date = 2026-03-15 for 15 March 2026
project-date-hint-same-day = write it year-month-day, without quotes: date = { $date }
project-date-no-such-day = the date { $value } does not exist (year-month-day: is the month from 01 to 12, and the day in that month?)
project-date-no-day = the date has no day
project-toml-duplicate-table = the table { $table } is written twice: it is already at line { $line }
project-toml-duplicate-table-hint = add your lines to the { $table } at line { $line } (or change them there) and delete this second { $table } line
project-toml-table-made-by-key = the table { $table } is already made at line { $line } by `{ $key }`
project-toml-table-made-by-key-hint = write that line inside the { $table } table instead (without the part before the dot), and delete line { $line }
project-toml-duplicate-key = `{ $key }` is set twice in { $table }: it is already at line { $line }
project-toml-duplicate-key-top = `{ $key }` is set twice: it is already at line { $line }
project-toml-duplicate-key-elsewhere = `{ $key }` is set twice (it is already set higher up in the file, maybe as a table [… .{ $key }] or a dotted key)
project-toml-duplicate-key-hint = keep one of the two: change the value where it is already written and delete this line
project-toml-unquoted = the value of `{ $key }` is text and must be in quotes
project-toml-unquoted-hint = write it between straight quotes: { $example }
project-toml-missing-key = { $table } has no `{ $key }`: this key is needed
project-toml-unknown-key = `{ $key }` is not a key of { $table }
project-toml-known-keys = the keys are: { $keys }
project-toml-expected-number = `{ $key }` takes a whole number, without quotes (e.g. { $key } = 2)
project-toml-expected-decimal = `{ $key }` takes a number, without quotes, with a point for decimals (e.g. { $key } = 1.5)
project-toml-expected-text = `{ $key }` takes text in quotes (e.g. { $key } = "…")
project-toml-expected-list = `{ $key }` takes a list in square brackets (e.g. { $key } = ["…", "…"])
project-toml-expected-boolean = `{ $key }` takes true or false, without quotes
project-length-expecting = a length in mm, as a number (5) or with its unit ("5mm")
project-guide-id-invalid = the guide id `{ $id }` cannot be used in file names
project-guide-id-invalid-hint = use lowercase letters, digits and dashes, e.g. id = "securite-collaborative"
project-chapters-empty = the chapter list is empty
project-chapters-empty-hint = list the chapter files' names in reading order, without .md, e.g. chapters = ["01-introduction"]
project-chapter-not-stem = the chapter `{ $name }` is not a plain file name
project-chapter-not-stem-hint = chapters live in sources/<lang>/; give the name only, without folders, `..` or .md
project-chapter-twice = the chapter `{ $name }` is listed twice
project-no-language = no [[language]] is declared
project-no-language-hint = add a [[language]] table with code, name and fonts for each language (see the guide.toml `livret new` writes)
project-language-code-invalid = the language code `{ $code }` is not valid
project-language-code-hint = use an ISO 639 code of two or three letters, such as `fr`, `bm` or `nqo`
project-language-twice = the language `{ $code }` is declared twice
project-language-no-fonts = the language `{ $code }` has no fonts
project-language-no-fonts-hint = list font families from fonts/, e.g. fonts = ["Andika"]
project-source-language-unknown = the source language `{ $code }` is not among the [[language]] tables
project-source-title-missing = there is no title for the source language `{ $code }` in [guide.title]
project-no-layout = no [[layout]] is declared
project-no-layout-hint = add a [[layout]] table, e.g. name = "pocket-a6"
project-layout-name-invalid = the layout name `{ $name }` is not valid
project-layout-name-hint = use letters, digits, `-` and `_` only: it is also the file name layouts/<name>.typ
project-preset-layout-unknown = this print preset names the layout `{ $layout }`, which is not declared
project-declared-layouts = declared layouts: { $layouts }
project-page-size-invalid = `{ $text }` is not a page size; write a6, a5, letter… or WxHmm such as 105x148mm
project-choice-unknown = unknown { $key } `{ $given }` (write one of: { $expected })
project-sheet-invalid = `{ $given }` is not a sheet size; write a3, a4, a5, letter, legal, tabloid, or WxHmm such as 210x297mm (each side from 10 mm to 5080 mm)
project-mark-unknown = unknown mark `{ $mark }` (write crop, fold, collation, slug or all)
project-back-offset-form = `{ $text }` is not a back offset; write two lengths, right then up, e.g. "1.5mm,-0.5mm"
project-back-offset-one-value = `{ $text }` reads as one value with a decimal comma or as two lengths: give both offsets, right then up, e.g. "1,5mm,0mm" or "1.5mm,0mm"
project-length-unit = unknown unit `{ $unit }` in `{ $text }`; use mm
project-length-not-a-length = `{ $text }` is not a length; write a number with its unit, e.g. "1.5mm"
project-length-negative = { $key } must be a length in mm, 0 or more, not { $value }
project-length-invalid = `{ $text }` is not a length of 0 or more; write e.g. "5mm"
project-paper-caliper-range = { $key }: a paper { $mm } mm thick is not one a printer takes (0.03 to 0.6 mm)
project-paper-weight-range = { $key }: a paper of { $gsm } g/m² is not one a printer takes (30 to 400 g/m²)
project-paper-weight-invalid = `{ $value }` is not a paper weight; write a number of g/m², e.g. paper-weight = 80
project-byte-size-invalid = `{ $text }` is not a size; write e.g. "3 MB" or "800 kB"
project-byte-size-unit = `{ $unit }` is not a size unit; use kB, MB or GB (e.g. 4GB)
project-byte-size-not-positive = `{ $text }` is not a size above zero
# Blocks of a chapter, in words.
project-kind-heading = a heading
project-kind-paragraph = a paragraph
project-kind-item = a list item
project-kind-cell = a table cell
project-kind-callout = a callout
project-kind-quote = a quote
project-kind-footnote = a footnote
project-kind-alt = an image's description (alt text)
project-kind-term = a term
project-kind-definition = a definition
project-kind-code = a code block
project-kind-html = an HTML block
project-block-end = the end of the chapter
project-block-heading = a level-{ $level } heading
project-block-inside = { $kind } in { $container }
project-block-with = { $block } with { $anchors }
project-in-list = a list
project-in-quote = a quote
project-in-callout = a callout
project-in-table = a table
project-in-footnote = a footnote
project-in-terms = a definition list
project-anchor-image = the image { $name }
project-anchor-link = the link { $target }
project-anchor-note = the note [^{ $label }]
project-parting-translation = the translation
project-parting-imported = the imported chapter
project-parting-at-line = { $what } (line { $line })
project-parting = the source has { $source }, { $other } { $translation }
project-unpaired-source = the source's { $count ->
        [one] block at line { $lines } has
       *[other] blocks at lines { $lines } have
    } no counterpart in the translation
project-unpaired-translation = the translation's { $count ->
        [one] block at line { $lines } has
       *[other] blocks at lines { $lines } have
    } none in the source
# Findings marked as intended.
project-intended-source-language = `{ $code }` is the source language; findings are marked in translations
project-intended-already = already marked as intended: { $check } in { $id }
project-intended-marked = marked as intended: { $check } in { $id }
project-intended-form = `{ $item }`: expected BLOCK-ID:CHECK
project-intended-form-hint = copy it from the `if intended:` line `livret check` prints, e.g. 01-introduction#paragraph-3f2a9c1b:numbers
project-intended-not-a-check = `{ $name }` is not a check
project-intended-checks = the checks are { $names }
project-intended-not-an-id = `{ $id }` is not a block id (CHAPTER#BLOCK)
project-intended-id-hint = copy it from the `if intended:` line `livret check` prints
project-intended-no-block = `{ $id }` is no block of { $file } now
project-intended-no-block-hint = copy the id from the `if intended:` line `livret check` prints (e.g. { $example })
project-source-chapter-no-file = source chapter `{ $chapter }` has no file
# Reviewed translations (check --accept).
project-accept-source-language = `{ $code }` is the source language; only translations are accepted
project-accept-untranslated-hint = translate the chapter first, then accept it
project-accepted-chapter = marked as reviewed against the current source: { $chapter }
project-accept-never = { $chapter } was never accepted in `{ $code }`, so it has no accepted blocks
project-accept-never-hint = review the whole chapter, then: { $command }
project-accept-hash-only = { $chapter }: only the hash of the accepted source was kept (status.toml), so single blocks cannot be accepted yet
project-accept-hash-only-hint = review the whole chapter and accept it once; later changes are then shown block by block: { $command }
project-change-changed = changed
project-change-added = added
project-change-removed = removed
project-change-moved = moved
project-change-unreviewed = unreviewed
project-accepted-block-last = marked as reviewed against the current source: { $place } (the { $change } block; the chapter is now current)
project-accepted-block = marked as reviewed against the current source: { $place } (the { $change } block)
project-changed-lines = { $count ->
        [one] the changed block is at line
       *[other] the changed blocks are at lines
    } { $lines }
project-accept-nothing = nothing to accept: { $kind } at line { $line } has not changed since it was accepted
project-accept-unchanged = { $kind } at line { $line } has not changed since it was accepted ({ $changed })
project-accept-give-line-hint = give the line `livret check` printed for the block
project-accept-changed-hint = { $changed }; `livret check` lists them
project-accept-no-block-line = no block of the chapter starts at or contains line { $line }
project-accept-no-block-id = no block of the chapter, now or when accepted, has this id
# Chapters, targets and review records.
project-chapter-too-large = { $path }: the chapter is { $size } MB, more than the { $max } MB livret typesets in one chapter
project-chapter-too-large-hint = split it into several chapters, or check that it is the text you meant
project-chapter-both = { $md } and { $typ } both exist
project-chapter-both-hint = keep one of the two files
project-not-translated-yet = { $path } is not translated yet
project-shard-invalid = `{ $text }` is not a shard: write K/N, e.g. 2/4
project-shard-range = shard { $text }: K must be between 1 and N
project-unknown-layout = unknown layout `{ $name }`
project-known-layouts = layouts in sources/guide.toml: { $names }
project-unknown-language = unknown language `{ $name }`
project-known-languages = languages in sources/guide.toml: { $names }
project-unknown-chapter = unknown chapter `{ $chapter }`
project-known-chapters = chapters in sources/guide.toml: { $names }
project-review-records = the review records of `{ $code }` ({ $path })
project-status-damaged-hint = the file is written by `livret check --accept`; delete it to start over
project-snapshot-damaged-hint = the file is written by `livret check --accept`; delete it and accept the chapter again: { $command }
project-snapshot-header-expected = expected a block header `@@ <kind> <path> <lines>`, found `{ $line }`
project-snapshot-short = the block announces { $count } line(s) but the file ends first
project-snapshot-blank-expected = expected a blank line after the block's text
project-snapshot-header-fields = a block header needs a kind, a path and a line count: `@@ { $header }`
project-snapshot-kind = unknown block kind `{ $kind }`
project-snapshot-count = `{ $count }` is not a line count
project-snapshot-word = unknown word `{ $word }` in a block header
project-snapshot-no-accepted = no `accepted = "sha256:…"` line
project-block-ids = the block ids of `{ $code }` ({ $path })
project-block-ids-damaged-hint = the file is written by livret; delete it and run the command again ({ $path }: blocks then get the ids of their text)
# The translation checks' findings (in English in JSON).
project-qa-footnotes = the source has { $source } footnote reference(s) [^…], the translation has { $translation }
project-qa-emphasis = the source has { $source } emphasis (*…*), the translation has { $translation }
project-qa-strong = the source has { $source } strong emphasis (**…**), the translation has { $translation }
project-qa-identical = the translation is the source text itself
project-qa-none = none
project-qa-numbers = number(s) differ: the source has { $source }, the translation has { $translation }
project-qa-urls = URL(s) or link target(s) differ: the source has { $source }, the translation has { $translation }
project-qa-emails = e-mail address(es) differ: the source has { $source }, the translation has { $translation }
project-qa-question-mark = a question mark
project-qa-exclamation-mark = an exclamation mark
project-qa-colon = a colon
project-qa-no-mark = neither `?`, `!` nor `:`
project-qa-punctuation = the source ends with { $source }, the translation with { $translation }
