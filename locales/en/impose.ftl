# livret impose: any PDF onto printer sheets (src/ops/impose*.rs).

impose-not-pdf = output { $path } should end in .pdf
impose-not-pdf-hint = e.g. -o sheets.pdf
impose-nothing-written = nothing was written
impose-binding-right = binding on the right: the PDF reads right to left (/Direction /R2L); --binding left to override
impose-and-more = { " " }and { $count } more
impose-protected = the input PDF is protected by an owner password (it opens without one): it was decrypted in memory and the output is not protected
impose-portrait = portrait
impose-landscape = landscape
impose-turned = { $count ->
    [one] page { $pages } turned a quarter (top to the left) to fill its { $orientation } slot
   *[other] pages { $pages } turned a quarter (top to the left) to fill their { $orientation } slot
}
impose-turned-hint = use --rotate none to keep them as they are
impose-scaled = { $count ->
    [one] page { $pages } is not { $slot } (the most common size): scaled to { $range } to fit its slot
   *[other] pages { $pages } are not { $slot } (the most common size): scaled to { $range } to fit their slot
}
impose-centred = { $count ->
    [one] page { $pages } is not { $slot } (the most common size): centred in its slot at its own size
   *[other] pages { $pages } are not { $slot } (the most common size): centred in their slot at their own size
}
impose-in-printer-margin = the content of { $count ->
    [one] page { $pages }
   *[other] pages { $pages }
} reaches up to { $depth } mm into the printer's { $margin } mm unprintable margin and may be cut off
impose-margin-shrink = use --fit shrink to scale the pages into the printable area (to { $scale } %), or check the printer's real margin with `livret calibrate`
impose-margin-calibrate = check the printer's real margin with `livret calibrate` (--printer-margin)
impose-blank-pages = { $count ->
    [one] { $count } blank page added to fill the sheets
   *[other] { $count } blank pages added to fill the sheets
}
impose-no-pages = { $input }: the PDF has no pages
impose-other-orientation-hint = it is a page of the other orientation: use --rotate auto to turn it into its slot
impose-one-size-hint = imposition needs pages of one size: use --fit center to centre the others in their slot (shrunk if larger), or --fit shrink to scale every page into its slot
impose-odd-size = { $input }: page { $page } is { $size } mm but page { $like } is { $common } mm (the most common size)
impose-odd-size-turned = { $input }: page { $page } is { $size } mm but most pages are, once turned, { $common } mm (the most common size)

# The input PDF as the imposition reads it.
impose-pdf-not-pdf = the input is not a PDF file (it has no %PDF- header)
impose-pdf-not-pdf-hint = export or print the document to PDF, then impose that file
impose-pdf-encrypted = the input PDF is encrypted with a password needed to open it
impose-pdf-encrypted-hint = decrypt it first with its password, e.g. `qpdf --decrypt --password=PASSWORD input.pdf decrypted.pdf`
impose-pdf-corrupt = the input PDF is damaged ({ $cause })
impose-pdf-corrupt-hint = the file may be incomplete (an interrupted download or copy): export it again from its source, or try `qpdf input.pdf repaired.pdf`
impose-pdf-empty = the input PDF has no pages
impose-pdf-empty-hint = the input PDF must have at least one page
impose-pdf-page-size = page { $page } is { $size } but the booklet pages are { $expected } (trim sizes differ)
impose-pdf-page-size-hint = use --fit center to centre pages of other sizes in their slot, or --fit shrink to scale every page into it
impose-pdf-plan-mismatch = the plan does not match the input PDF ({ $cause })
impose-pdf-plan-mismatch-hint = make the plan from this PDF's page count and size
impose-pdf-bad-box = page { $page }: { $problem }
impose-pdf-bad-box-hint = the PDF's maker wrote a page size no printer has: export the PDF again, or set the page size with `qpdf` or a PDF editor

# What is worth knowing about a job (the job ticket says it too).
impose-print-forbidden = the input PDF's permissions forbid printing it (an owner-password protection): make sure you have the right to print it
impose-size = { $width } × { $height }
impose-shrunk = pages shrunk to { $percent } % to fit the printable area: the finished pages are { $size } mm, not { $original } mm
impose-marks-skipped = { $count ->
    [one] { $count } mark could not be drawn: no room between the pages and the sheet's edge (or inside the printer's margin)
   *[other] { $count } marks could not be drawn: no room between the pages and the sheet's edge (or inside the printer's margin)
}
impose-marks-skipped-hint = use a larger --sheet, or --fit shrink to make room
impose-near-standard = the pages are { $size } mm, a little larger than { $name } ({ $standard } mm): { $now } go on a sheet side instead of { $could }, taking { $sheets } sheets instead of { $better }, and the finished size includes the extra
impose-near-standard-hint = if the extra is bleed or rounding, --trim { $trim } lays them out as { $name } ({ $could } to a side); or --fit shrink scales them into the slots

# The files livret impose writes, checked before anything is written.
impose-out-output = the output
impose-out-output-fix = choose another -o OUTPUT.pdf
impose-out-backs = the backs file of --manual-duplex
impose-out-backs-fix = choose another -o OUTPUT.pdf: the backs are written beside it as OUTPUT-backs.pdf
impose-out-ticket = the job ticket
impose-out-ticket-fix = choose another -o OUTPUT.pdf: the job ticket is written beside it as OUTPUT.txt
impose-out-job-sheet = the job sheet
impose-out-job-sheet-fix = choose another -o OUTPUT.pdf: the job sheet is written beside it as OUTPUT-ticket.pdf
impose-out-plan = the plan of --plan
impose-out-plan-fix = choose another --plan FILE.json
impose-out-is-input = { $what } { $path } would overwrite the input { $input }
impose-out-twice = { $what } { $path } is also { $earlier }: one would replace the other
impose-preview-is-input = the previews of --preview { $dir } would overwrite the input { $input }
impose-preview-fix = choose another --preview DIR: the sides are written there as side-N.png, the job sheet as ticket-1.png and ticket-2.png
impose-preview-fix-or = or choose another --preview DIR: the sides are written there as side-N.png, the job sheet as ticket-1.png and ticket-2.png
impose-out-folder = { $what } { $path } is a folder
impose-out-no-folder = the folder { $dir } of { $what } does not exist
impose-out-no-folder-hint = create it first, or write elsewhere
impose-out-is-preview = { $what } { $path } would be overwritten by the previews of --preview { $dir }

# The input PDF.
impose-input-missing-hint = give the path of an existing PDF file
impose-input-folder = { $input } is a folder
impose-input-not-file = { $input } is not a regular file (a device or a pipe)
impose-input-not-file-hint = give the path of a PDF file
impose-input-too-big = { $input } is larger than { $max } MiB, more than a print file should be
impose-input-too-big-hint = split it (e.g. `qpdf --split-pages=100 in.pdf part.pdf`) and impose each part
