#!/usr/bin/env python3
"""Driver of bench/desk.sh: saves one block of a chapter in a running `livret desk` N
times, as the translate room does (POST the save, then GET the preview, which rebuilds,
then GET the previewed page), and prints the time from the save to the new page, one
line per sample in ms, then the median. Usage: desk_save.py URL LANG CHAPTER N"""
import http.client, json, re, statistics, sys, time, urllib.parse

url, lang, chapter, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
parts = urllib.parse.urlsplit(url)
host = parts.netloc
token = urllib.parse.parse_qs(parts.query)["token"][0]
cookie = "livret_desk=" + token


def call(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(host, timeout=120)
    h = {"Cookie": cookie, **(headers or {})}
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    if r.status != 200:
        sys.exit(f"{method} {path}: {r.status} {data[:300]!r}")
    return data


page = call("GET", f"/translate/{lang}/{chapter}").decode()
csrf = re.search(r'name="desk-csrf" content="([0-9a-f]+)"', page).group(1)
block, base = re.search(r'data-id="([^"]*#paragraph-[^"]*)" data-base="([^"]*)"', page).groups()
preview = json.loads(call("GET", f"/api/preview/{lang}/{chapter}"))  # the first build
samples = []
for i in range(n):
    text = f"Security is built together, sample {i} of the desk benchmark."
    body = json.dumps({"id": block, "base": base, "text": text}).encode()
    started = time.perf_counter()
    saved = json.loads(call("POST", f"/api/save/{lang}/{chapter}", body,
                            {"X-Desk-Csrf": csrf, "Content-Type": "application/json"}))
    preview = json.loads(call("GET", f"/api/preview/{lang}/{chapter}"))
    page_no = preview["places"][block][0]["page"]
    svg = call("GET", f"/preview/{lang}/{preview['build']}/{page_no}.svg")
    took = (time.perf_counter() - started) * 1000
    assert saved["outcome"] == "written", saved
    base = saved["block"]["base"]
    samples.append((took, preview["took_ms"], len(svg)))
    print(f"{took:.1f} ms (rebuild {preview['took_ms']} ms, page {page_no}, build {preview['build']})")
times = [s[0] for s in samples]
rebuilds = [s[1] for s in samples]
print(f"median {statistics.median(times):.1f} ms, min {min(times):.1f}, max {max(times):.1f}; "
      f"rebuild alone median {statistics.median(rebuilds):.0f} ms; n={n}")
