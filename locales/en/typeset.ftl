# Typesetting: typst's diagnostics placed where the user can act.
typeset-compile-failed-hint = fix what is shown at the place named (a chapter, or guide.toml); no PDF was written
typeset-setting-refused = the layout cannot use `{ $key }` = { $value } written here: { $message } (met in { $layout })
typeset-met-in = { $message } (met in { $layout })
typeset-layout-line-hint = this happened in the layout { $file }, not in your text: if you edited that file, check your change there; if not, tell the people who maintain livret
typeset-setting-code-hint = a language code has two or three lowercase letters (ISO 639), such as `fr`, `bm` or `nqo`; the sources/<code>/ folder takes the same name
typeset-setting-fonts-hint = name font families that are in fonts/ (`livret fonts` lists them), e.g. fonts = ["Andika"]
typeset-setting-dir-hint = write dir = "ltr" (left to right) or dir = "rtl" (right to left, for N'Ko or Ajami)
typeset-setting-hint = change `{ $key }` at { $place }: every key is explained in the comments of the guide.toml `livret new` writes
# Markdown chapters.
typeset-image-without-file = an image without a file: `![…]()`
typeset-image-without-file-hint = write the file after the text, e.g. ![A map](images/map.png)
typeset-markdown-too-deep = Markdown nested too deep: more than { $lists } lists and quotes, or { $elements } elements in all, inside one another
typeset-markdown-too-deep-hint = flatten the structure: a pocket page has room for a few levels of indentation
typeset-front-matter = the chapter starts with front matter (lines 1–{ $last }), which livret would print as a rule and a heading
typeset-front-matter-hint = delete the block: the title and other details of a guide live in sources/guide.toml (for a rule followed by a heading, leave a blank line after the first `---`)
typeset-raw-html = raw HTML `{ $html }` is printed as text: livret does not render HTML
typeset-raw-html-hint = write it in Markdown, or put a backslash before `<` (`\<`) to print it as text without this warning
typeset-comment-unclosed = `<!--` opens a comment that is never closed: what follows would be hidden, or printed
typeset-comment-unclosed-hint = close the hidden note with `-->` where it ends, or write `\<!--` to print these characters
typeset-link-not-live = the link to `{ $link }` is printed as plain text: only http, https, mailto and tel links, and links to a heading (#anchor), are made live
typeset-link-not-live-hint = link to a web address (https://…), an e-mail (mailto:…) or a telephone number (tel:…), or write the text without a link
typeset-strict-warning = { $message } (an error with --strict)
# Images in chapters.
typeset-image-call-lost = { $file }: livret could not find an image call in the Typst it made (a bug)
typeset-image-web = image `{ $dest }` is a web address
typeset-image-web-hint = download the image into sources/images/ and refer to it as images/<name>
typeset-image-outside = image path `{ $dest }` leaves sources/
typeset-image-outside-hint = images are referred to relative to sources/, e.g. images/logo.png
typeset-image-format = image `{ $dest }`: livret prints PNG, JPEG, GIF, WebP, SVG and PDF images, not `.{ $ext }` files
typeset-image-format-hint = convert it to PNG (drawings) or JPEG (photos), e.g. with GIMP, and change the name here
typeset-image-refused = image `{ $dest }`: { $problem }
typeset-image-missing = image `{ $dest }` not found (looked for { $looked })
typeset-image-missing-hint = put the file under sources/images/ or fix the path
# Putting a language's book together.
typeset-unknown-language = unknown language `{ $code }`
typeset-known-languages = languages in sources/guide.toml: { $codes }
typeset-strict-missing = language `{ $code }` is missing { $count ->
        [one] { $count } chapter
       *[other] { $count } chapters
    }: { $files }
typeset-strict-missing-hint = translate them, or build without --strict to show the source chapters with a banner
typeset-unknown-layout = unknown layout `{ $layout }`
typeset-known-layouts = layouts in sources/guide.toml: { $layouts }
typeset-template-refused = layout `{ $layout }`: template { $template }: { $problem }
typeset-template-refused-hint = layouts live in layouts/; set `template` in the [[layout]] entry
typeset-source-chapter-missing = chapter `{ $stem }` has no file: neither { $md } nor { $typ } exists
typeset-source-chapter-missing-hint = create { $md }, or remove `{ $stem }` from the chapter list
typeset-preset-refused = print preset `{ $preset }` (layout `{ $layout }`): { $problem }
typeset-preset-refused-hint = nothing was compiled or written
# Ink measures.
typeset-ink-unmeasured = ink not measured on { $count ->
        [one] page
       *[other] pages
    } { $pages }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    } ({ $reason }): the figures leave them out
typeset-ink-over-stream = a content stream inflates past { $mb } MB
typeset-ink-over-operations = its drawing runs past { $count } operations
typeset-ink-over-images = its images have more than { $millions } million pixels
typeset-ink-over-depth = its forms are nested deeper than { $levels } levels
typeset-ink-over-encoding = a content stream could not be read
typeset-ink-unreadable = the renderer cannot read this PDF
typeset-ink-other-page-tree = the renderer reads another page tree in this PDF
typeset-ink-empty-box = its page box is empty
typeset-ink-pdf-image = a PDF image on it: { $reason }
# What a guide may read, its date, fonts, PDF.
typeset-off-limits = `{ $path }` is not part of the guide: chapters and layouts may read only files in sources/, layouts/ and fonts/, outside hidden folders
typeset-no-packages = packages are not available to guides; copy what you need into layouts/
typeset-epoch-not-number = SOURCE_DATE_EPOCH is `{ $value }`, not a number of seconds
typeset-epoch-out-of-range = SOURCE_DATE_EPOCH `{ $value }` is out of range
typeset-epoch-hint = unset it, or set it to a Unix timestamp such as 1767225600
typeset-date-invalid = the date { $date } is not a valid date
typeset-date-invalid-hint = write a day that exists in date = (year-month-day) in sources/guide.toml, e.g. date = 2026-03-15
typeset-font-unusable = { $path }: not a usable font file
typeset-font-unusable-hint = remove it from fonts/ or replace it with a TrueType/OpenType file (.ttf or .otf)
typeset-pdf-finish-failed = could not finish the PDF ({ $reason })
typeset-render-wrong-size = internal error: a rendered page has the wrong size
typeset-png-failed = failed to encode a PNG ({ $reason })
typeset-pdf-export-failed = PDF export failed ({ $reason })
typeset-pdf-standard-unknown = unknown PDF standard `{ $name }`
typeset-pdf-standard-hint = for archiving use a-2b (or a-1b, a-2u, a-3b, a-3u, a-4); plain PDF versions: 1.4 to 2.0
