# The watch page (livret watch --serve) and its server.
serve-building = building…
serve-failed = the last edit does not build; the pages below are older
serve-pdf-link = PDF
serve-page-alt = page { $page }
serve-cannot = cannot serve the pages ({ $reason })
serve-port = port { $port }: { $reason }
serve-port-hint = choose another port with `--port N` (0 lets the system choose)
serve-forbidden-host = forbidden host
serve-method-not-allowed = method not allowed
serve-internal-error = internal error
serve-not-found = not found
