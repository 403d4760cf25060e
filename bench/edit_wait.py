#!/usr/bin/env python3
"""One edit of a translator, then wait until a watcher's output shows it.

Used by bench/watch.sh for `livret watch` and `typst watch` alike, so that both are
timed the same way from outside: hyperfine times this whole command (Python's start,
the edit, the wait). The same command with --no-wait is the baseline to subtract.

  edit_wait.py FILE [--wait OUTPUT] [--no-wait] [--timeout S] [--log FILE]

The edit puts a new word (` révisé123456789`, a number never used before) at the end
of FILE's longest line of prose, replacing the one an earlier run put there: the text
never grows, and each run is new to typst's caches. In a Markdown chapter and in a
main.typ it is the same kind of edit: one word of one paragraph.
The wait polls OUTPUT until its modification time, size or inode differ from before the
edit and, for a PDF, the file ends with `%%EOF` (typst-cli writes in place, livret
renames a whole file).
With --log, the time from just before the edit to the output seen whole is also
appended to FILE (milliseconds, one line per run): the same runs without Python's start,
whose spread on a loaded machine is larger than the rebuild itself.
"""
import argparse
import os
import sys
import time

WORD = " révisé"


def stamp(path):
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def complete(path):
    if not path.endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as f:
            f.seek(-64, os.SEEK_END)
            return b"%%EOF" in f.read()
    except OSError:
        return False


def strip(line):
    """The line without the word an earlier run added."""
    at = line.rfind(WORD)
    if at >= 0 and line[at + len(WORD):].isdigit():
        return line[:at]
    return line


def edit(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    # The longest line that reads as prose, starting with a letter in the first column
    # (a paragraph's line in Markdown or in main.typ; not the header's arguments); the
    # choice is stable because each run replaces its own word.
    candidates = [
        i for i, line in enumerate(lines)
        if len(line) > 80 and line[:1].isalpha()
    ]
    if not candidates:
        sys.exit(f"{path}: no paragraph to edit")
    i = max(candidates, key=lambda k: len(strip(lines[k])))
    # A new word each time (typst's caches cannot have seen it), the old one removed.
    lines[i] = strip(lines[i]) + f"{WORD}{time.monotonic_ns() % 10**9}"
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--wait")
    parser.add_argument("--no-wait", action="store_true")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--log")
    args = parser.parse_args()
    before = stamp(args.wait) if args.wait else None
    started = time.monotonic()
    edit(args.file)
    if args.no_wait or not args.wait:
        return
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        now = stamp(args.wait)
        if now is not None and now != before and complete(args.wait):
            if args.log:
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(f"{(time.monotonic() - started) * 1000:.2f}\n")
            return
        time.sleep(0.0005)
    sys.exit(f"{args.wait} did not change within {args.timeout} s")


if __name__ == "__main__":
    main()
