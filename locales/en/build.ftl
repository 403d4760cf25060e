# livret build: progress stages, warnings and errors of the build (src/build).

build-zip-failed = could not write the zip archive ({ $reason })

# What a target is doing (shown beside the target while it builds).
build-stage-print-edition = print edition
build-stage-screen-edition = screen edition
build-stage-print-sheets = print sheets ({ $scheme } on { $sheet })

# Size budgets (print-budget, screen-budget of a [[layout]] in guide.toml).
build-over-print-budget = { $pdf } is { $size }, over the layout's print budget of { $budget } (print-budget in guide.toml)
build-over-print-budget-images = { $pdf } is { $size }, over the layout's print budget of { $budget } (print-budget in guide.toml); biggest images: { $images }
build-over-screen-budget = { $pdf } is { $size }, over the layout's screen budget of { $budget } (screen-budget in guide.toml)
build-over-screen-budget-images = { $pdf } is { $size }, over the layout's screen budget of { $budget } (screen-budget in guide.toml); biggest images: { $images }

# Print files.
build-blank-pages-added = { $name }: { $count ->
    [one] { $count } blank page added to fill the sheets
   *[other] { $count } blank pages added to fill the sheets
}
build-in-printer-margin = { $name }: the content of { $count ->
    [one] { $count } placed page
   *[other] { $count } placed pages
} (first: page { $first }) reaches up to { $depth } mm into the printer's { $margin } mm unprintable margin and may be cut off
build-in-printer-margin-hint = set fit = "shrink" in this [[print]] preset, or widen the layout's margins

# Images.
build-blurry-image = { $place }: image `{ $path }` is { $dpi } dpi where it is printed (page { $page }, { $width } × { $height } mm): it will print blurry; use a file at least { $needed } pixels wide

# build --package.
build-package-not-empty = { $path } is not empty
build-package-not-empty-hint = give --package a new folder (or empty this one): old files would mix with the new; or a name ending in .zip for one archive
build-package-nothing = there are no print files to package
build-package-nothing-hint = add [[print]] presets to guide.toml, and build without --no-print

# The build lock (one build at a time per project).
build-lock-failed = cannot take the build lock { $path }
build-lock-held = another livret build is running on this project (process { $pid } holds the lock { $path })
build-lock-held-named = another livret build is running on this project (process { $pid }, `{ $name }`, holds the lock { $path })
build-lock-held-wait = wait for that build to finish, then build again
build-lock-not-livret = process { $pid } is not livret: the lock is probably left by a killed build
build-lock-remove = if no livret build runs on this project, delete the lock and build again: rm { $path }

# Reports of sharded builds (livret report merge).
build-report-unreadable = { $path }: not a livret report ({ $reason })
build-report-unreadable-hint = give the out/<guide>/report.json files written by `livret build`
build-report-other-guide = { $path }: guide `{ $guide }` edition { $edition }, but the first report is `{ $first_guide }` edition { $first_edition }
build-report-other-guide-hint = merge only the shards of one build
build-report-differs = { $path }: { $file } differs from the same file in an earlier report
build-report-differs-hint = two shards built the same target differently: build it again
build-report-none = no report to merge

build-threads-failed = cannot start { $count } build threads ({ $reason })

# Targets built in a process of their own (build --memory, --timeout).
build-memory-limit-failed = cannot limit the memory of a build ({ $reason })
build-own-program-missing = cannot find livret's own program ({ $reason })
build-process-failed = cannot start a build process ({ $reason })
build-process-unreadable = a build process answered what livret cannot read ({ $reason })
build-timed-out = { $target }: gave up after { $seconds } s (--timeout); nothing of this target was recorded
build-timed-out-loop = a Typst chapter may loop for ever: look for a loop or a recursion that never ends
build-timed-out-more = if the guide is only large, allow more time with --timeout SECONDS
build-suspects-any = its chapters or images
build-out-of-memory = { $target }: stopped: it needed more memory than --memory allows ({ $memory }); nothing of this target was recorded
build-out-of-memory-look = a chapter may build a huge text, list or image: look at { $suspects }
build-out-of-memory-more = if the guide is only large, allow more with --memory, e.g. --memory 8GB
build-process-silent = no message
build-process-stopped = { $target }: the build process stopped unexpectedly ({ $last }); nothing of this target was recorded
build-process-stopped-look = look at { $suspects }
build-size-gb = { $size } GB
build-size-mb = { $size } MB

# Characters and PDF export.
build-no-glyph = { $count ->
    [one] no font in the stack of `{ $lang }` can show { $chars }, page { $page }: it prints as an empty box
   *[other] no font in the stack of `{ $lang }` can show these { $count } characters: { $chars }, page { $page }: they print as empty boxes
}; add a font that has them to the `{ $lang }` language's fonts in guide.toml (`livret fonts` tells which scripts each font covers)
build-not-standard = { $pdf } does not meet { $standard }
build-pdf-failed = { $pdf } could not be written
build-pdf-failed-hint = fix the places shown; no PDF was written
build-image-refused = image `{ $path }`: { $why }

# A stack too thick to fold and staple (build's presets and impose's options).
build-thick = { $count } sheets or pieces are folded together ({ $mm } mm): more than the { $limit } that fold and staple cleanly on { $paper } paper
build-thick-assumed-options = { $count } sheets or pieces are folded together ({ $mm } mm): more than the { $limit } that fold and staple cleanly on { $paper } paper (assumed: give --paper-weight)
build-thick-assumed-preset = { $count } sheets or pieces are folded together ({ $mm } mm): more than the { $limit } that fold and staple cleanly on { $paper } paper (assumed: give the preset's paper-weight)
build-thick-hint-options = use --signature-sheets { $sheets } ({ $count } signatures)
build-thick-hint-options-scheme = use --scheme signatures --signature-sheets { $sheets } ({ $count } signatures, sewn or glued), or --scheme wire
build-thick-hint-preset = signature-sheets = { $sheets } ({ $count } signatures) in this [[print]] preset
build-thick-hint-preset-scheme = scheme = "signatures" and signature-sheets = { $sheets } ({ $count } signatures, sewn or glued) in this [[print]] preset, or scheme = "wire"
