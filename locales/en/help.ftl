# --help: every command's about (help-<command path>), its examples (.examples),
# every argument's help (help-<command path>--<argument>), and each possible value's
# help (an attribute named after the value). Global options are at the root (help--quiet).

help = Turn a multilingual guide into pocket booklets and print-ready imposed sheets
help--quiet = Print only errors and warnings
help--verbose = Print more: timings and what each step read
help--color = Colours in messages: auto (on a terminal, unless NO_COLOR is set), always, never
    .auto = On a terminal, unless `NO_COLOR` is set
    .always = Always
    .never = Never
    .value = WHEN
help--ui-lang = The language livret speaks in (default: from LIVRET_LANG, else the locale)
    .en = English
    .fr = French
    .value = LANG
help--help = Print help
help--version = Print version

help-new = Start a new guide: a commented guide.toml, sample chapters, layouts and fonts
    .examples = Examples:
          livret new mon-guide
          livret new guide-kayes --lang fr,bm,en --layout pocket-a6,pocket-a7
          cd mon-guide && livret build
help-new--dir = The folder to create (it must be empty or new)
    .value = DIR
help-new--langs = Language codes, the source language first
    .value = LANGS
help-new--layouts = Pocket formats (pocket-a6, pocket-a7)
    .value = LAYOUTS
help-new--force = Write into a folder that is not empty

help-build = Build reading PDFs for every language × layout into out/
    .examples = Example:
          livret build --lang fr --layout pocket-a6
help-build--project = The project folder, holding sources/guide.toml
    .value = DIR
help-build--langs = Only this language (repeatable)
    .value = L
help-build--layouts = Only this layout (repeatable)
    .value = NAME
help-build--strict = Fail when a translation misses chapters instead of showing the source text
help-build--no-print = Only the reading PDFs: skip the print presets (imposed sheets and job tickets)
help-build--force = Rebuild every target, even those whose sources did not change
help-build--jobs = Targets built at the same time (default: one per processor core; at most 64)
    .value = N
help-build--timeout = Stop with an error when one target takes longer than this many seconds
    .value = SECONDS
help-build--memory = Stop with an error when a target needs more memory than this (e.g. 2GB, or `none`); targets with Typst chapters are built in a process of their own.
    .value = SIZE
help-build--shard = Build only the K-th of N parts of the targets (stable), e.g. on CI machine K of N.
    .value = K/N
help-build--package = Also gather the print files, job tickets and a README for the print shop in DIR (or in one zip archive, the same bytes for the same build, when it ends in .zip)
    .value = DIR
help-build--pdf-standard = Make the reading PDFs meet a PDF standard, e.g. a-2b (PDF/A-2b, for archives).
    .value = STANDARD
help-build--list-targets = List the targets this command would build, and build nothing
help-build--format = With --list-targets: human (one per line) or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT
help-build--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-impose = Impose any PDF on printer sheets (saddle stitch, cut and stack, zine…)
    .examples = Examples:
          livret impose guide-a6.pdf -o sheets.pdf --scheme cutstack --sheet a4
          livret impose zine.pdf -o zine-sheet.pdf --scheme zine --sheet letter --marks fold
help-impose--input = The PDF to impose (any PDF: pages stay vector, fonts stay embedded)
    .value = INPUT
help-impose--output = Where to write the sheets; the job ticket goes beside it (`.txt`)
    .value = OUTPUT.pdf
help-impose--scheme = saddle, cutstack, copies, signatures, zine, cards or wire
    .value = SCHEME
help-impose--sheet = Sheet size: a3, a4, a5, letter, legal, tabloid, or WxHmm / WxHin
    .value = SHEET
help-impose--duplex = The flip your printer makes when printing both sides: long or short
    .value = DUPLEX
help-impose--signature-sheets = Sheets per signature (with --scheme signatures; default 4)
    .value = K
help-impose--creep = Paper thickness in mm: inner sheets' pages move toward the fold by this much each. Default: the --caliper or --paper-weight's thickness when one is given, else 0.
    .value = MM
help-impose--paper-weight = The paper's weight in g/m² (80 for office paper): its thickness gives the creep, the spine, and a warning when a stack is too thick to fold and staple
    .value = G/M²
help-impose--caliper = The paper's thickness instead of its weight: 0.1 (mm) or 0.1mm
    .value = LENGTH
help-impose--binding-margin = Room on the spine edge of every leaf for wire, spiral or comb holes (--scheme wire): 8 (mm) or 8mm
    .value = LENGTH
help-impose--marks = Marks to draw: crop, fold, collation, slug (comma-separated, or all)
    .value = LIST
help-impose--printer-margin = What your printer cannot print near the paper's edge: 5 (mm) or 5mm, 0.2in
    .value = LENGTH
help-impose--back-offset = Move every back side to make up for the printer's misregistration: right,up as seen on the back, e.g. 1.5mm,-0.5mm, or with decimal commas 1,5mm,-0,5mm; always both values (measure them with `livret calibrate`).
    .value = X,Y
help-impose--manual-duplex = For printers without duplex: write the fronts and the backs as two files
help-impose--plan = Also write the imposition plan as JSON (for tests and other tools)
    .value = FILE.json
help-impose--preview = Also draw every printed side as a PNG (side-1.png, side-2.png, …) in DIR, and the job sheet's pages (ticket-1.png in French, ticket-2.png in English)
    .value = DIR
help-impose--preview-dpi = Resolution of the --preview pictures (10 to 1200)
    .value = DPI
help-impose--blanks = Where padding blanks go: before-last (the back cover stays last) or end
    .value = BLANKS
help-impose--binding = Where the spine is: left, or right for right-to-left scripts (N'Ko, Arabic). Default: right when the PDF reads right to left (/ViewerPreferences /Direction /R2L), else left.
    .value = BINDING
help-impose--fit = Pages of another size than most: shrink scales every page into its slot (and the slots into the printable area); center centres them, shrinking only what is larger
    .shrink = Scale the pages down so that they fit inside the printable area
    .center = Accept pages of other sizes, centred in their slot
    .value = FIT
help-impose--rotate = Pages of the other orientation (landscape in a portrait job): auto turns them a quarter to fill their slot, none keeps them as they are
    .value = auto|none
help-impose--trim = The finished size of pages whose PDF has no TrimBox (the rest of the page box is bleed): a6, a7, or WxHmm such as 105x148mm
    .value = WxH
help-impose--bleed = The bleed included in pages whose PDF has no TrimBox, on every side: 3 (mm) or 3mm
    .value = LENGTH
help-impose--quantity = Copies (or cards) ordered: the ticket adds 5 % overs and says the paper it takes
    .value = N

help-calibrate = Write a duplex calibration sheet: rulers at each edge and a registration cross, to measure how much a printer clips and how far it shifts the back side
    .examples = Example:
          livret calibrate --sheet a4 --duplex long -o calibration.pdf
help-calibrate--sheet = The paper of your jobs: a4, a3, letter, legal, tabloid, or WxHmm / WxHin
    .value = SHEET
help-calibrate--duplex = The flip your printer makes when printing both sides: long or short
    .value = DUPLEX
help-calibrate--orientation = The orientation of your job's sheets (its ticket gives the command): portrait or landscape. The driver turns a landscape sheet, so measure in the job's own.
    .value = ORIENTATION
help-calibrate--output = Where to write the sheet (a two-page PDF: front, back)
    .value = OUTPUT.pdf

help-check = Check translations: missing and stale chapters, each block against its source (numbers, links, e-mail addresses, notes, emphasis, final punctuation), chapters the guide no longer lists, characters no font can show, page counts against the source language. Exit 1 when something needs attention.
    .examples = Examples:
          livret check --lang bm
          livret check --lang bm --accept 05-signaler   (after reviewing it)
          livret check --lang bm --accept 05-signaler:12   (one changed block)
          livret check --lang bm --intended 05-signaler#quote-6ce28b51:numbers
          livret check --format json
help-check--project = The project folder, holding sources/guide.toml
    .value = DIR
help-check--langs = Only this language (repeatable)
    .value = L
help-check--accept = Mark this chapter of the one --lang as reviewed against the current source, or with `:LINE` only its changed block at that source line, as check prints it (repeatable)
    .value = CHAPTER[:LINE]
help-check--intended = Mark a translation check's finding in one block of the one --lang as intended, as check prints it: BLOCK-ID:CHECK (repeatable); kept in status.toml
    .value = BLOCK-ID:CHECK
help-check--format = human (a table and one line per problem) or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT
help-check--timeout = Stop with an error when the command takes longer than this many seconds
    .value = SECONDS
help-check--memory = Stop with an error when the compilations need more memory than this (e.g. 2GB, or `none`): the command runs in a process of its own under that limit.
    .value = SIZE
help-check--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-proof = A proof PDF: each translated page beside the source page, chapter by chapter
    .examples = Example:
          livret proof --lang bm --against fr --layout pocket-a6
help-proof--project = The project folder, holding sources/guide.toml
    .value = DIR
help-proof--lang = The translation to proof
    .value = L
help-proof--against = The language to compare with (default: the source language)
    .value = L2
help-proof--layout = The layout (default: the first in guide.toml)
    .value = NAME
help-proof--changes = Mark the source blocks changed since the translation was accepted, and their translations (a bar in the margin, a light background)
help-proof--timeout = Stop with an error when the command takes longer than this many seconds
    .value = SECONDS
help-proof--memory = Stop with an error when the compilations need more memory than this (e.g. 2GB, or `none`): the command runs in a process of its own under that limit.
    .value = SIZE
help-proof--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-preview = PNG previews: a contact sheet of every page, and the pages themselves
    .examples = Example:
          livret preview --lang bm --layout pocket-a6 --dpi 150
help-preview--project = The project folder, holding sources/guide.toml
    .value = DIR
help-preview--langs = Only this language (repeatable)
    .value = L
help-preview--layouts = Only this layout (repeatable)
    .value = NAME
help-preview--dpi = Resolution of the page PNGs
    .value = DPI
help-preview--contact-only = Only the contact sheet, not every page
help-preview--timeout = Stop with an error when the command takes longer than this many seconds
    .value = SECONDS
help-preview--memory = Stop with an error when the compilations need more memory than this (e.g. 2GB, or `none`): the command runs in a process of its own under that limit.
    .value = SIZE
help-preview--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-images = List every raster image: pixels, printed size, dpi, what each edition embeds
    .examples = Example:
          livret images --lang fr --layout pocket-a7
help-images--project = The project folder, holding sources/guide.toml
    .value = DIR
help-images--langs = Only this language (repeatable)
    .value = L
help-images--layouts = Only this layout (repeatable)
    .value = NAME
help-images--format = human (a table per booklet) or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT
help-images--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-report = Work on build reports (out/<guide>/report.json)
    .examples = Example:
          livret report merge shard-1/report.json shard-2/report.json -o report.json

help-report-merge = Merge the report.json files of sharded builds into one
    .examples = Example:
          livret report merge shard-1/report.json shard-2/report.json -o report.json
help-report-merge--reports = The shards' reports
    .value = REPORT
help-report-merge--output = Where to write the merged report (default: standard output)
    .value = FILE

help-help = Print this message or the help of the given subcommand(s)

help-fonts = List the fonts a build can use, the scripts they cover, and each language's stack
    .examples = Examples:
          livret fonts
          livret fonts --project mon-guide --format json
help-fonts--project = The project folder, holding sources/guide.toml
    .value = DIR
help-fonts--format = human or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT

help-completions = Print a shell completion script (bash, zsh, fish, powershell, elvish)
    .examples = Examples:
          livret completions bash > ~/.local/share/bash-completion/completions/livret
          livret completions fish > ~/.config/fish/completions/livret.fish
help-completions--shell = The shell
    .value = SHELL

help-man = Write the manual pages (livret.1 and one per command) into a folder
    .examples = Example:
          livret man man/ && man -l man/livret.1
help-man--dir = Where to write them
    .value = DIR

help-watch = Rebuild a language's reading PDF on every change, incrementally (Ctrl-C stops)
    .examples = Example:
          livret watch --lang bm --layout pocket-a6
help-watch--project = The project folder, holding sources/guide.toml
    .value = DIR
help-watch--lang = The language to rebuild
    .value = L
help-watch--layout = The layout (default: the first in guide.toml)
    .value = NAME
help-watch--serve = Also show the pages in a browser on localhost, reloaded after every rebuild
help-watch--port = The port for `--serve` (default: the first free of 3000–3005; 0: any free port, printed)
    .value = N
help-watch--max-builds = Stop after this many builds (for scripts and benchmarks)
    .value = N
help-watch--timeout = Give up a rebuild that takes longer than this many seconds
    .value = SECONDS
help-watch--memory = Stop with an error when the compilations need more memory than this (e.g. 2GB, or `none`): the command runs in a process of its own under that limit.
    .value = SIZE
help-watch--pdf-standard = Make the reading PDFs meet a PDF standard, e.g. a-2b (as `build` does).
    .value = STANDARD
help-watch--system-fonts = Also use the fonts installed on this system (builds stop being reproducible elsewhere)

help-po = A translation as PO files for Poedit, Lokalize or Weblate, and back
    .examples = Examples:
          livret po export --lang bm            (writes po/bm/*.po and the template)
          livret po import --lang bm po/bm

help-po-export = Write one PO file per chapter of a translation (msgid: a source block, msgstr: its translation, fuzzy where the source changed since) and a template (.pot)
    .examples = Example:
          livret po export --lang bm po/bm
help-po-export--project = The project folder, holding sources/guide.toml
    .value = DIR
help-po-export--lang = The translation
    .value = L
help-po-export--dir = The folder of PO files (default: po/<L> in the project)
    .value = DIR
help-po-export--format = human or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT

help-po-import = Write the translated chapters back from PO files, and record the non-fuzzy blocks as reviewed. Nothing is written when a file has a problem.
    .examples = Example:
          livret po import --lang bm po/bm
help-po-import--project = The project folder, holding sources/guide.toml
    .value = DIR
help-po-import--lang = The translation
    .value = L
help-po-import--dir = The folder of PO files (default: po/<L> in the project)
    .value = DIR
help-po-import--format = human or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT

help-chapter = Work on the guide's chapters in every language at once
    .examples = Example:
          livret chapter rename 02-forces 02-forces-securite --dry-run

help-chapter-rename = Rename a chapter in one step: its file in every language, the translations' accepted snapshots and status.toml keys, and the chapter list in guide.toml. After an upstream rename (guide.toml already lists NEW), renames what the translations still keep under OLD. Nothing is changed when a name is taken.
    .examples = Example:
          livret chapter rename 02-forces 02-forces-securite
help-chapter-rename--project = The project folder, holding sources/guide.toml
    .value = DIR
help-chapter-rename--old = The chapter's name now (its file stem, as in guide.toml)
    .value = OLD
help-chapter-rename--new = Its new name
    .value = NEW
help-chapter-rename--dry-run = Only say what would be moved and edited
help-chapter-rename--format = human or json
    .human = Text for people
    .json = JSON for tools
    .value = FORMAT

help-isolated = Builds one target of `livret build --memory` (livret runs this itself, in a process of its own)
help-isolated--job = The job, as JSON
         at /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/panicking.rs:689:5
         at /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/panicking.rs:80:14
         at ./src/cli/help/tests.rs:83:9
         at ./src/cli/help/tests.rs:72:63
         at /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/ops/function.rs:250:5
         at /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/ops/function.rs:250:5
    .value = JOB
