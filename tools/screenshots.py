"""Screenshots of the seed site for the README: home, an event page (in English and Swedish) and the cases listing, on a
desktop (1280 px) and a phone (375 px) screen, saved as docs/assets/screenshots/<page>-<screen>.png.

    .venv/bin/python tools/screenshots.py            # builds data/ into a temporary folder first
    .venv/bin/python tools/screenshots.py --site site --full-page --out /tmp/shots

Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Not part of the test run.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "event": "events/nordic-market-dialogue-smartphones-2020/",
    "cases": "cases/",
    # The same event as a Swedish reader sees it: every text in Swedish, nothing left in English.
    "event-sv": "sv/events/nordic-market-dialogue-smartphones-2020/",
}
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def build_site(dest: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=REPO, env=env,
                   check=True)
    return dest


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def take(site: Path, out: Path, full_page: bool, scheme: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                                 args=CHROMIUM_ARGS)
            for screen, options in SCREENS.items():
                context = browser.new_context(color_scheme=scheme, timezone_id="Europe/Brussels", locale="en-GB",
                                              **options)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="networkidle")
                    page.wait_for_selector("html[data-hub-ready]", state="attached")
                    suffix = "" if scheme == "light" else f"-{scheme}"
                    target = out / f"{name}-{screen}{suffix}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build data/ now)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "assets" / "screenshots")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--scheme", choices=["light", "dark"], default="light")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        for path in take(site, args.out, args.full_page, args.scheme):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
