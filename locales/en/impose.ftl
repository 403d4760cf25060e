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
