#!/usr/bin/env python3
"""Write a minimal valid PDF of N A5 pages, each with its page number in Helvetica.

Standard library only. Usage: gen_pdf.py PAGES OUT.pdf
Each page has a compressed content stream (a heading, the page number in big type and
a few lines of body text) and shares one font object, like a small real booklet.
"""

import sys
import zlib

W, H = 419.5276, 595.2756  # A5 in pt (148 x 210 mm)

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat."
)


def page_content(n: int) -> bytes:
    lines = [f"BT /F1 96 Tf 60 {H / 2:.2f} Td (p{n}) Tj ET"]
    lines.append(f"BT /F1 14 Tf 40 {H - 50:.2f} Td (Chapter {1 + n // 10}) Tj ET")
    words = LOREM.split()
    y = H - 80
    for i in range(12):
        text = " ".join(words[(i * 3) % len(words):][:9])
        lines.append(f"BT /F1 9 Tf 40 {y:.2f} Td ({text}) Tj ET")
        y -= 12
    lines.append(f"BT /F1 9 Tf {W / 2:.2f} 30 Td ({n}) Tj ET")
    return "\n".join(lines).encode("latin-1")


def main() -> None:
    pages = int(sys.argv[1])
    out_path = sys.argv[2]
    objects: list[bytes] = []  # object k+1 at index k

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for n in range(1, pages + 1):
        data = zlib.compress(page_content(n))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        page = add(
            (
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {W} {H}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            ).encode()
        )
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Count {pages} /Kids [{kid_refs}] >>".encode()
    info = add(f"(Generated booklet of {pages} pages)".encode())
    info = add(f"<< /Title {objects[info - 1].decode()} /Producer (gen_pdf.py) >>".encode())

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
