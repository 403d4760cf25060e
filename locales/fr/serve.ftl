# La page de livret watch --serve et son serveur.
serve-building = construction en cours…
serve-failed = la dernière modification ne se construit pas ; les pages ci-dessous sont plus anciennes
serve-pdf-link = PDF
serve-page-alt = page { $page }
serve-cannot = impossible de servir les pages ({ $reason })
serve-port = port { $port } : { $reason }
serve-port-hint = choisissez un autre port avec `--port N` (0 laisse le système choisir)
serve-forbidden-host = hôte interdit
serve-method-not-allowed = méthode non autorisée
serve-internal-error = erreur interne
serve-not-found = introuvable
