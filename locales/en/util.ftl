# Files of the project: what livret may read and write.
util-path-escapes = the path leads outside the project folder
util-file-not-found = file not found
util-not-utf8 = { $path }: the file is not UTF-8 text
util-not-utf8-hint = save it as UTF-8 (most editors have it under “Save as” or “Encoding”)
util-move-target-exists = { $path } already exists: livret does not replace it
util-move-target-exists-hint = move or delete { $path } first
util-lock-busy = another livret has been writing { $what } for { $seconds } s (it holds { $path })
util-lock-busy-hint = wait for that command to finish, then run this one again
util-outside = { $path }: the path leads outside the project folder
util-outside-hint = livret reads and writes only inside the project folder
util-unreadable-place = an unreadable place
util-symlink-out-read = { $link } is a symlink to { $target }, outside the project folder: livret does not read through it
util-symlink-out-write = { $link } is a symlink to { $target }, outside the project folder: livret does not write through it
util-symlink-folder-hint = replace { $link } with a real folder inside the project folder
util-symlink-file-hint = replace { $link } with a real file inside the project folder
# Work under a time limit.
util-thread-failed = cannot start a thread for { $name } ({ $reason })
util-thread-stopped = { $name } stopped unexpectedly
util-gave-up = { $subject } gave up after { $seconds } s (--timeout){ $consequence }
util-gave-up-loop-hint = a Typst chapter may loop for ever: look for a loop or a recursion that never ends
util-gave-up-timeout-hint = if the guide is only large, allow more time with --timeout SECONDS
# Sizes of files.
util-size-kib = { $size } KiB
util-size-mib = { $size } MiB
