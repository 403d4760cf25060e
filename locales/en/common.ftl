# The labels livret puts before a message on the terminal.
term-error = error:
term-warning = warning:
term-hint = hint:

# Files and folders that could not be read or written.
io-failed-create-folder = failed to create the folder { $path } ({ $reason })
io-failed-create-the-build-lock = failed to create the build lock { $path } ({ $reason })
io-failed-list = failed to list { $path } ({ $reason })
io-failed-lock = failed to lock { $path } ({ $reason })
io-failed-move = failed to move { $path } ({ $reason })
io-failed-open-project-folder = failed to open the project folder { $path } ({ $reason })
io-failed-open-the-lock = failed to open the lock { $path } ({ $reason })
io-failed-open = failed to open { $path } ({ $reason })
io-failed-read = failed to read { $path } ({ $reason })
io-failed-remove-the-build-record = failed to remove the build record { $path } ({ $reason })
io-failed-write-manual-pages-in = failed to write manual pages in { $path } ({ $reason })
io-failed-write = failed to write { $path } ({ $reason })
io-reason-not-found = no such file or folder
io-reason-permission = permission denied
io-reason-exists = it already exists
io-reason-folder = it is a folder
io-reason-not-folder = not a folder
io-reason-full = the disk is full
io-reason-read-only = the disk is read-only
term-about = { $subject }: { $text }
