# The other commands: calibrate, preview, proof, fonts, chapter, watch (src/ops).

# livret calibrate.
ops-calibrate-not-pdf = output { $path } should end in .pdf
ops-calibrate-not-pdf-hint = e.g. -o calibration.pdf
ops-calibrate-too-big = the calibration sheet cannot be { $sheet } ({ $size }; a side is at most { $max } mm)
ops-calibrate-too-small = the calibration sheet needs a sheet of at least { $min }; { $sheet } is { $size }
ops-calibrate-paper-hint = print it on the paper of your jobs: a4, a3, letter, legal or tabloid

# livret preview.
ops-preview-dpi = --dpi { $dpi } is out of range
ops-preview-dpi-hint = use a resolution between 10 and 1200 dpi, e.g. --dpi 100

# livret proof --changes.
ops-changes-against = --changes compares a translation with the source language `{ $source }`, not `{ $against }`
ops-changes-against-hint = drop --against, or drop --changes

# livret fonts.
ops-fonts-embedded = typst (embedded)
ops-fonts-embedded-licence = shipped with typst (OFL or similar)
ops-fonts-licence-file = see the licence file ({ $file })
ops-fonts-licence-unknown = unknown: no licence file beside it

# livret chapter rename.
ops-chapter-taken = chapter `{ $new }` is already in sources/guide.toml
ops-chapter-taken-hint = choose another name, or remove that chapter first
ops-chapter-files-taken = { $count ->
    [one] { $files } already exists: renaming `{ $old }` to `{ $new }` would overwrite it (nothing was changed)
   *[other] { $files } already exist: renaming `{ $old }` to `{ $new }` would overwrite them (nothing was changed)
}
ops-chapter-files-taken-hint = choose another name, or move those files away first
ops-chapter-ids-left = { $from } is left as it is: the renamed chapter's block ids are in { $to } already (delete { $from } when no PO file names `{ $old }` any more)
ops-chapter-po-names-old = { $po } names the chapter `{ $old }`: import it before renaming, or export again after (livret po export --lang { $lang })
ops-chapter-not-in-manifest = { $manifest }: chapter `{ $old }` not found
ops-chapter-bad-name = `{ $new }` is not a plain chapter name
ops-chapter-bad-name-hint = use letters, digits, dashes, dots and underscores, without folders, e.g. 02-forces-securite
ops-chapter-unknown = unknown chapter `{ $old }`: sources/guide.toml does not list it
ops-chapter-unknown-anywhere = unknown chapter `{ $old }`: sources/guide.toml does not list it, and no translation keeps anything under that name
ops-chapter-did-you-mean = did you mean `{ $best }`?
ops-chapter-known = the chapters are: { $chapters }

# livret watch.
ops-watch-status = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, built in { $millis } ms
ops-watch-failed = cannot watch files ({ $reason })
ops-watch-timed-out = the rebuild gave up after { $seconds } s (--timeout); watch stopped
ops-watch-not-forced = watch asked for a forced build

# livret proof: the captions above each page of the proof, and its errors.
ops-proof-unknown-language = unknown language `{ $lang }`
ops-proof-known-languages = the languages of guide.toml are: { $langs }
ops-proof-front-matter = front matter
ops-proof-back-matter = back matter
ops-proof-caption = { $lang } · { $what } · page { $page }
ops-proof-caption-no-page = { $lang } · { $what } · (no page)
