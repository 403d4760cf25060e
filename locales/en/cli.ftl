# clap's own words in --help.
cli-help-usage = Usage:
cli-help-command-value = COMMAND
cli-help-commands = Commands:
cli-help-arguments = Arguments:
cli-help-options = Options:
cli-help-default = [default: { $value }]
cli-help-possible-values = [possible values: { $values }]
cli-help-possible-value = { $name }:{ $pad } { $help }
cli-help-possible-values-heading = Possible values:

# clap's usage errors.
cli-error-more = For more information, try '{ $flag }'.
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-with-possible-values = { $message } [possible values: { $values }]
cli-error-refused-value = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-missing-arguments = the following required arguments were not provided: { $args }
cli-error-missing-command = '{ $command }' requires a subcommand but one was not provided
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-conflict-command = the subcommand '{ $command }' cannot be used with '{ $other }'
cli-error-twice = the argument '{ $arg }' cannot be used multiple times
cli-error-no-equals = an equal sign is needed when giving a value to '{ $arg }'
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-number-of-values = '{ $arg }' takes { $wanted } { $wanted ->
    [one] value
   *[other] values
    }, { $given } { $given ->
    [one] was
   *[other] were
    } given
cli-error-not-utf8 = an argument is not valid UTF-8 text
cli-error-similar-command = a similar subcommand exists: '{ $name }'
cli-error-similar-argument = a similar argument exists: '{ $name }'
cli-error-similar-value = a similar value exists: '{ $name }'
cli-error-tip-pass-as-value = to pass '{ $arg }' as a value, use '{ $how }'
cli-error-tip-remove-dashes = subcommand '{ $command }' exists; to use it, remove the '--' before it

# Values of the command line livret checks itself.
cli-args-not-jobs = `{ $value }` is not a number of targets
cli-args-jobs-range = builds at most { $most } targets at once, at least 1 (omit -j for one per core)
cli-args-memory-min = give at least { $megabytes } MB (livret itself needs that much)
cli-args-not-seconds = `{ $value }` is not a number of seconds
cli-args-seconds-range = give between 1 and 86400 seconds (a day)
cli-args-not-dpi = `{ $value }` is not a resolution
cli-args-dpi-range = use a resolution between 10 and 1200 dpi, e.g. --preview-dpi 60

# livret build: progress, the lines of each target, the closing lines.
cli-progress-up-to-date = done: up to date
cli-progress-done = done: { $pages } pages, { $size }
cli-progress-timing = { $lang } { $layout }: built in { $millis } ms from { $inputs } project { $inputs ->
    [one] file
   *[other] files
    }, { $decodes } image { $decodes ->
    [one] decode
   *[other] decodes
    }
cli-target-up-to-date = up to date: { $path } (and its editions and print files)
cli-target-wrote = wrote { $path } ({ $pages } pages, { $width }×{ $height } mm, { $size })
cli-target-wrote-untranslated = { $wrote }; not yet translated: { $chapters } ({ $count ->
    [one] 1 chapter
   *[other] { $count } chapters
    })
cli-target-wrote-screen = wrote { $path } (screen edition, { $size })
cli-target-images = images: { $count } { $count ->
    [one] file
   *[other] files
    } checked; { $decoded ->
    [0] none to resize, copies reused from { $cache }
    [one] { $decoded } copy resized now for print and screen, the others reused ready-made from { $cache }
   *[other] { $decoded } copies resized now for print and screen, the others reused ready-made from { $cache }
    }
cli-target-wrote-print = wrote { $path } ({ $sheets } { $scheme } { $sheets ->
    [one] sheet
   *[other] sheets
    }, { $size }), its job ticket { $ticket } and job sheet { $job_sheet }
cli-build-packaged = packaged { $count } { $count ->
    [one] file
   *[other] files
    } for the print shop in { $path } (see its README.txt)
cli-build-done = built { $count } { $count ->
    [one] target
   *[other] targets
    }, { $kept } up to date (--force rebuilds them); every output is listed in { $report }
cli-build-not-a-job = not a build job ({ $reason })

# The table livret build ends with.
cli-table-target = target
cli-table-pages = pages
cli-table-sheets = sheets per copy (booklets)
cli-table-reading = reading
cli-table-screen = screen
cli-table-print-files = print files
cli-table-ink = ink per printed side (average/fullest)
cli-table-warnings = warnings
cli-table-target-kept = { $lang } { $layout } (up to date)
cli-table-sheets-for-booklets = { $preset } { $sheets } for { $booklets }
cli-table-ink-colour = { $mean }/{ $max } %
cli-table-ink-black = { $mean }/{ $max } % K

# livret check.
cli-check-col-language = language
cli-check-col-chapters = chapters
cli-check-col-missing = missing
cli-check-col-stale = stale
cli-check-col-no-glyph = characters no font shows
cli-check-col-layouts = per layout: pages, sheets per print preset (source language in brackets)
cli-check-layout-sheets = { $pages }: { $sheets }
cli-check-layout-pages = { $layout } { $pages } p. ({ $source })
cli-check-missing = { $missing } (the source chapter is shown with a banner)
cli-check-no-glyph = { $place }: `{ $character }` { $code } { $name } has no glyph in the language's fonts (it prints as an empty box); add a font that has it (see livret fonts)
cli-check-more-sheets = { $layout } needs { $count } { $count ->
    [one] sheet
   *[other] sheets
    } per copy on { $preset }, { $more } more than the source language
cli-check-overflow = `{ $text }` runs { $excess } mm out of its column in { $layout } (page { $page }); shorten it, allow a break (a hyphen or a space), or check the layout
cli-check-lonely-heading = heading `{ $heading }` ends page { $page } of { $layout } with nothing after it, its text starts overleaf; shorten what follows it or the page before it
cli-check-empty-page = page { $page } of { $layout } is empty; look for a page break too many, or something too big for the page before it
cli-check-empty-page-in = page { $page } of { $layout } is empty (in { $chapter }); look for a page break too many, or something too big for the page before it
cli-check-warning = warning: { $warning }
cli-finding = { $check }: { $message } (source { $source })
cli-finding-if-intended = if intended: { $command }
cli-findings-intended = { $count } check { $count ->
    [one] finding
   *[other] findings
    } marked as intended (status.toml, [intended]) not shown
cli-orphan = chapter `{ $chapter }` is not in sources/guide.toml, so no build uses it; if it was renamed: { $rename }; if it was removed: delete its files (translation, .accepted/{ $chapter }.txt, its line in status.toml)
cli-orphan-new-name = NEW-NAME

# livret check: a stale translation and its changed blocks.
cli-stale-never-accepted = stale { $file } (never marked as reviewed); after review: { $accept }
cli-stale-pending = { $file } has { $untranslated } { $untranslated ->
    [one] block
   *[other] blocks
    } not translated yet and { $fuzzy } not reviewed yet (fuzzy), below
cli-stale-markdown-only = stale { $file } (the source chapter changed since it was reviewed), but none of its text did: only the Markdown around it; after review: { $accept }
cli-stale-hash-only = stale { $file } (the source chapter changed since it was reviewed); after review: { $accept }
cli-stale-blocks = stale { $file } (the source chapter changed since it was reviewed), { $count ->
    [one] 1 block below
   *[other] { $count } blocks below
    }; after review: { $accept }
cli-stale-no-snapshot = only a hash of the accepted source was kept, so what changed cannot be shown; once you accept the chapter again, later changes are shown block by block
cli-stale-source-only = blocks of the source with no counterpart in the translation: { $lines }
cli-stale-translation-only = blocks of the translation with no counterpart in the source: { $lines } (the other blocks are paired)
cli-block-kind = { $kind }
cli-block-in-translation = translation { $place }
cli-block-after-in-translation = translation: after { $place }
cli-block-not-in-translation-yet = not in the translation yet
cli-block-not-in-translation = not in the translation
cli-block-no-longer-in-translation = no longer in the translation
cli-block-changed = changed { $kind } at { $place }{ $name ->
   *[other] {""}
    }
cli-block-added = added { $kind } at { $place }{ $name ->
   *[other] {""}
    }
cli-block-removed = removed { $kind }, was before { $place }
cli-block-moved = moved { $kind }, now at { $place }
cli-block-untranslated = not translated yet: { $kind } at { $place }
cli-block-fuzzy = translation not reviewed yet (fuzzy): { $kind } at { $place }
cli-block-translate-it = translate it in the chapter, or with { $command }
cli-block-after-review = after review: { $command }

# livret po export and import.
cli-po-unpaired = { $file } is built differently from the source: { $reason }; the source's blocks without a counterpart start empty in the PO, every other block is paired
cli-po-exported = { $count } { $count ->
    [one] entry
   *[other] entries
    }: { $translated } translated, { $fuzzy } fuzzy, { $untranslated } untranslated
cli-po-exported-kept = { $count } { $count ->
    [one] translation
   *[other] translations
    } of the PO file kept, not imported yet
cli-po-exported-obsolete = { $count } obsolete (#~) { $count ->
    [one] entry
   *[other] entries
    } of blocks no longer in the source
cli-po-template = the template (every text of the guide)
cli-po-next = next: translate in a PO editor, then: { $command }
cli-po-written = written: { $count } blocks translated, { $review }
cli-po-unchanged = unchanged: { $count } blocks translated, { $review }
cli-po-all-accepted = all accepted
cli-po-fuzzy-to-review = { $count } fuzzy still to review
cli-po-not-translated-yet = { $count } not translated yet (kept as the source text, marked with its language; first: { $first })
cli-po-kept-in-chapter = { $count } { $count ->
    [one] block
   *[other] blocks
    } changed in the chapter since the export kept as they are
cli-po-left-unpaired = left as it is: { $reason }
cli-po-left-untranslated = left as it is: no translation in the PO files
cli-po-waiting = { $count } { $count ->
    [one] chapter
   *[other] chapters
    } with no translation yet: the build shows them in the source language
cli-po-left-unchanged = the chapters left as they are were not changed at all; the others were written
cli-po-conflicts = left as it is: { $count } { $count ->
    [one] block
   *[other] blocks
    } changed both in the PO file and in the chapter since the export
cli-po-conflict-at = conflict at { $place } (source { $source }):
cli-po-conflict-po = PO file { $place }:
cli-po-conflict-chapter = chapter { $place }:
cli-po-conflicts-hint = choose for each block: to keep the chapter's text, empty the msgstr (or copy the chapter's text into it); to keep the PO's, copy it into the chapter; then import again

# livret impose, calibrate, images, fonts.
cli-wrote = wrote { $path }
cli-impose-summary = { $pages } pages → { $sheets } { $scheme } { $sheets ->
    [one] sheet
   *[other] sheets
    } of { $sheet } ({ $booklets } { $booklets ->
    [one] booklet
   *[other] booklets
    })
cli-impose-ink-front = ink per printed side: { $mean } % on average, { $max } % on the fullest (sheet { $sheet }, front; C+M+Y+K, solid black = 100 %)
cli-impose-ink-back = ink per printed side: { $mean } % on average, { $max } % on the fullest (sheet { $sheet }, back; C+M+Y+K, solid black = 100 %)
cli-impose-ink-estimated = ink per printed side: about { $mean } % on average, estimated from { $measured } of the { $pages } pages (the first, the last and the others evenly spread between; the pages not drawn counted as their mean; the fullest side is not known; C+M+Y+K, solid black = 100 %)
cli-impose-ink-none = ink per printed side: not measured (every page is past the drawing limits)
cli-impose-preview-too-big = --preview-dpi { $dpi } draws each side of { $sheet } in { $pixels } pixels, more than the { $millions } million livret draws
cli-impose-preview-dpi-hint = use --preview-dpi { $dpi } or less
cli-calibrate-sheet = calibration sheet { $sheet } { $orientation } ({ $size }), { $duplex }-edge duplex: print it double-sided at 100%, like your jobs in this orientation
cli-calibrate-read = read the clipped margin on the rulers (printer-margin) and, against the light from the back, the offset (back-offset = "right,up")
cli-images-none = no photos or images (PNG, JPEG)
cli-images-line = p. { $page } { $path }  { $pixels } px  printed { $width }×{ $height } mm  { $dpi } dpi  print: { $print }  screen: { $screen }  ({ $place })
cli-fonts-heading = Fonts a build can use:
cli-fonts-scripts = scripts: { $scripts }
cli-fonts-style-word = { $word ->
   *[other] { $word }
    }
cli-fonts-script = { $script ->
    [latin] Latin
    [bambara] Latin for Bambara (ɛ ɔ ɲ ŋ)
    [nko] N'Ko
    [ajami] Arabic (Ajami)
    [tifinagh] Tifinagh
   *[other] { $script }
    }
cli-fonts-languages = Languages of guide.toml:
cli-fonts-stack = fonts: { $fonts }
cli-fonts-shown-with = { $count } { $count ->
    [one] character
   *[other] characters
    }, shown with { $font }
cli-fonts-no-font = { $count } { $count ->
    [one] character
   *[other] characters
    }, NO FONT of the stack shows them all — add one to fonts/ and to the language's fonts

# The other commands.
cli-rename-moved = moved { $from } -> { $to }
cli-rename-would-move = would move { $from } -> { $to }
cli-rename-edited = edited { $file }
cli-rename-would-edit = would edit { $file }
cli-rename-dry-run = nothing was changed (--dry-run)
cli-rename-done = chapter `{ $old }` is now `{ $new }`
cli-new-created = created { $path } with { $count } files
cli-new-next = next: { $command }   (then edit sources/guide.toml and the chapters)
cli-report-merged = wrote { $path } ({ $count } outputs from { $reports } reports)
cli-preview-wrote = wrote { $path } and { $count } page { $count ->
    [one] PNG
   *[other] PNGs
    }
cli-proof-wrote = wrote { $path } ({ $count } proof { $count ->
    [one] sheet
   *[other] sheets
    })
cli-proof-marked = marked { $count } changed { $count ->
    [one] block
   *[other] blocks
    } since acceptance, on { $sheets } { $sheets ->
    [one] sheet
   *[other] sheets
    }
cli-proof-hash-only = { $chapter }: the source changed since it was accepted, but only its hash was kept: its changes are not marked (once it is reviewed, `{ $command }` keeps a snapshot)
cli-watch-built = built { $path } ({ $pages } pages) in { $millis } ms (typst { $typst } ms)
cli-watch-failed = failed; watching for the next change
cli-watch-serving = serving the pages at { $url }
cli-man-written = wrote the manual pages in { $path }
cli-po-then = { $first }; { $then }
