# livret po export / import: PO files for translators (src/ops/po).

# What is wrong in a PO file, at a line (the file and line are put before it).
po-syntax-obsolete-inside = an obsolete `#~` line inside an entry
po-syntax-after = after `{ $keyword }`: { $why }
po-syntax-plural = plural forms (`{ $keyword }`) are not used by livret's PO files
po-syntax-unknown-keyword = `{ $keyword }` is not a PO keyword (msgctxt, msgid, msgstr) nor a quoted string
po-syntax-comment-inside = a comment inside an entry (after its msgid)
po-syntax-previous-inside = a `#|` line inside an entry (after its msgid)
po-syntax-previous-keyword = `#| { $keyword }` is not a previous msgctxt or msgid
po-syntax-msgctxt-place = `msgctxt` must come once, before `msgid`
po-syntax-second-msgid = a second `msgid` without a blank line
po-syntax-msgstr-alone = `msgstr` without a `msgid` before it
po-syntax-second-msgstr = a second `msgstr` in one entry
po-syntax-lone-string = a quoted string that continues no keyword
po-syntax-no-msgstr = an entry ends without its `msgstr`
po-syntax-no-msgid = an entry ends without its `msgid` and `msgstr`
po-syntax-duplicate = this entry repeats the one at line { $first }
po-syntax-unquoted = a string must be written between double quotes
po-syntax-inner-quote = a double quote inside a string must be written \"
po-syntax-lone-backslash = a string ends with a lone backslash
po-syntax-octal = an octal escape out of range
po-syntax-escape = unknown escape sequence `{ $escape }`
po-syntax-hint = fix the line, or export again and redo the change in a PO editor

# Reading a folder of PO files.
po-no-files = { $folder }: no .po files there
po-no-files-hint = write them first: livret po export --lang { $lang } { $folder }
po-block-twice = the block `{ $id }` is already translated at { $first }
po-block-twice-hint = keep one of the two entries (one PO file per chapter, or one for the whole guide)
po-too-big = { $file }: { $size } MB, more than the { $max } MB livret reads in a PO file
po-too-big-hint = check that it is the file you meant: a chapter's PO file is tens of KB
po-not-utf8 = { $file }: the file is not UTF-8 text
po-not-utf8-hint = save it as UTF-8 (Poedit and Lokalize do by default)
po-charset = { $file }: the header says charset={ $charset }, livret reads UTF-8 only
po-charset-hint = save the file as UTF-8 and set the header to `Content-Type: text/plain; charset=UTF-8`
po-no-block-id = { $place }: this entry has no livret block id as its msgctxt (`chapter#paragraph-3f2a9c1b`)
po-no-block-id-hint = the entries come from `livret po export`; keep their msgctxt as it is
po-source-language = `{ $lang }` is the source language: its chapters are the msgid texts, not translations
po-source-language-hint = give the language of a translation, e.g. --lang bm
po-no-language = { $place }: the PO file does not say its language (no `Language:` in its header), so it could be any language's
po-no-language-hint = if it is the `{ $lang }` translation, set its header to `Language: { $lang }` (Poedit: Translation › Properties › Language; msginit --locale={ $lang } does it for a template), then import again
po-other-language = { $place }: this PO file is in language `{ $language }` (its header), not `{ $lang }`
po-other-language-hint = import it with --lang { $base } if it is that translation, or fix its `Language:` header

# livret po export.
po-source-missing = source chapter `{ $stem }` has no file
po-source-missing-hint = write sources/{ $source }/{ $stem }.md first
po-export-typst-skipped = { $file }: a Typst chapter, not exported (its code cannot be split into texts safely); translate the file itself as sources/{ $lang }/{ $stem }.typ
po-export-nothing-written = (nothing was written: the export would overwrite them)
po-export-unreadable-hint = fix the file (or move it away), then export again
po-export-not-utf8 = not UTF-8 text
po-export-unreadable = { $why }; the file cannot be read, so its translations cannot be kept

# What a translation in a PO entry breaks of its msgid.
po-block = { $kind ->
    [heading] heading
    [paragraph] paragraph
    [item] list item
    [cell] table cell
    [callout] callout
    [quote] quote
    [footnote] footnote
    [alt] image description
    [term] term
    [definition] definition
    [code] code
    [html] HTML
   *[other] { $kind }
} `{ $path }`
po-structure-changed = this translation changes the chapter's structure: on its own it makes { $count ->
    [one] { $count } block ({ $blocks })
   *[other] { $count } blocks ({ $blocks })
} where the msgid makes { $msgid_count ->
    [one] { $msgid_count } block ({ $msgid_blocks })
   *[other] { $msgid_count } blocks ({ $msgid_blocks })
} (a blank line, or a line starting with `-`, `1.`, `#` or `>`, starts a new block)
po-anchor-dropped = the translation drops { $anchors } of the msgid
po-anchor-added = the translation adds { $anchors }, not in the msgid
po-anchor-changed = the translation changes { $anchors } of the msgid into { $into }
po-anchor-image = the image `{ $target }`
po-anchor-link = the link target `{ $target }`
po-anchor-footnote = the footnote label `[^{ $label }]`

# livret po import.
po-import-typst-left = sources/{ $lang }/{ $stem }.typ is a Typst chapter: left as it is
po-import-unknown-chapter = chapter `{ $stem }` is not in sources/guide.toml: { $count ->
    [one] its entry was left aside
   *[other] its { $count } entries were left aside
}
po-import-refused = { $count ->
    [one] (nothing was written)
   *[other] ({ $count } problems; nothing was written)
}
po-import-refused-hint = translate only the words: keep every image, link target and footnote label ([^note]) of the msgid, and the lines that make lists and headings
po-import-control-char = the translation holds the invisible control character { $code }; delete it (a line break is `\n`)
po-import-bar = a `|` ends a table cell: write it `\|` in the translation
po-import-stray = `{ $id }` is no block of { $chapter } now (removed from the source): its translation was left aside
po-import-unpaired = its blocks at { $own } have no counterpart in the source, and the source's blocks at { $missing } none in it: a chapter rebuilt in the source's structure would lose its own; add those source blocks to the chapter (or remove its own), then import again
po-import-structure = this translation changes the chapter's structure ({ $why })
