"""Lighthouse scores of the built site (`make audit`): home, a listing, an event and a statement,
in English and Swedish, on a phone and a desktop.

Lighthouse is the pinned npm package (node_modules/lighthouse) driving Debian's Chromium
(CHROMIUM_PATH, default /usr/bin/chromium); the site is served from a folder on 127.0.0.1.
Accessibility, best practices and SEO must be 100 (the exit status says whether they are);
performance is printed only: on a shared machine it measures the machine as much as the site.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
MUST_BE_100 = ("accessibility", "best-practices", "seo")
CATEGORIES = ("performance",) + MUST_BE_100


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like GitHub Pages: a missing path gets /404.html with status 404.
    (tests/browser/browsing.py serves the browser tests' sites with it too.)"""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class SiteServer:
    """The built site on 127.0.0.1, a missing path answered with /404.html and status 404 (as GitHub Pages)."""

    def __init__(self, site: Path):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(site)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def lighthouse(url: str, desktop: bool = False, categories=CATEGORIES) -> dict:
    """{'scores': {category: 0-100}, 'failed': ['category: audit id: title', ...]} for one page."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                   f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"]
        if desktop:
            command.append("--preset=desktop")
        result = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text())
    scores = {name: round(100 * (c["score"] or 0)) for name, c in data["categories"].items()}
    failed = []
    for name, category in data["categories"].items():
        if name == "performance":
            continue
        for ref in category["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{name}: {ref['id']}: {audit['title']}")
    return {"scores": scores, "failed": failed}


def first_record(site: Path, collection: str) -> str:
    """The site path of the first record page of a collection ('events/x/'), skipping redirect pages."""
    for folder in sorted((site / collection).iterdir()):
        page = folder / "index.html"
        if page.exists() and b'http-equiv="refresh"' not in page.read_bytes()[:1024]:
            return f"{collection}/{folder.name}/"
    raise SystemExit(f"{site}/{collection}/ has no record page")


def pages(site: Path) -> list[str]:
    return ["", "events/", first_record(site, "events"), first_record(site, "statements")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site", help="the built site (default site/)")
    parser.add_argument("--lang", action="append", help="languages to audit (default en and sv)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} has no built site: run `make build` first", file=sys.stderr)
        return 2
    server = SiteServer(args.site)
    bad = 0
    print(f"{'page':48} {'device':8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
    try:
        for lang in args.lang or ["en", "sv"]:
            prefix = "" if lang == "en" else f"{lang}/"
            for path in pages(args.site):
                for desktop in (False, True):
                    result = lighthouse(server.url + prefix + path, desktop)
                    scores = result["scores"]
                    print(f"/{prefix + path:47} {'desktop' if desktop else 'phone':8} "
                          + " ".join(f"{scores.get(c, 0):>13}" for c in CATEGORIES), flush=True)
                    for line in result["failed"]:
                        print(f"    {line}")
                    bad += any(scores.get(c, 0) < 100 for c in MUST_BE_100)
    finally:
        server.close()
    if bad:
        print(f"{bad} page views score under 100 in accessibility, best practices or SEO")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
