"""What the browser tests share: the site server, a reader (browser context) and axe-core's report.

The fixtures that make them are in conftest.py.
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
from audit import PagesHandler  # noqa: E402  the site served as GitHub Pages serves it
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic",
                 # Belt and braces: no name but 127.0.0.1 resolves, so a stray request fails fast, offline.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs (a page left mid-load): not a failure


class Server:
    def __init__(self, site: Path):
        handler = functools.partial(PagesHandler, directory=str(site))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# Waits in the page (one round trip) until hub.js has run.
_READY = """async () => {
  while (!document.documentElement.hasAttribute("data-hub-ready")) await new Promise(r => setTimeout(r, 5));
}"""

# axe-core over the page in the light palette, then once more for contrast in the dark one
# (Material switches palettes by this body attribute, as its own toggle does).
_AUDIT = """async (options) => {
  while (!document.documentElement.hasAttribute("data-hub-ready")) await new Promise(r => setTimeout(r, 5));
  // Material fades colours when the palette changes; axe must see the settled ones.
  const still = document.createElement("style");
  still.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
  document.head.appendChild(still);
  const body = document.body, scheme = body.getAttribute("data-md-color-scheme");
  body.setAttribute("data-md-color-scheme", "default");
  const light = (await axe.run(document, options.all)).violations;
  body.setAttribute("data-md-color-scheme", "slate");
  const dark = (await axe.run(document, options.contrast)).violations;
  body.setAttribute("data-md-color-scheme", scheme);
  still.remove();
  return {lang: document.documentElement.lang, light, dark};
}"""
WCAG_RULES = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
CONTRAST_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                  "resultTypes": ["violations"]}


class Reader:
    """A browser context as one reader has it (window size, zone, colour scheme), with its requests."""

    def __init__(self, browser, site_url: str, axe: bool = False, **options):
        self.site_url = site_url
        self.context = browser.new_context(**options)
        if axe:
            self.context.add_init_script(path=str(AXE))
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []  # 'status url' of every response of 400 or more
        self.console_errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))

    @property
    def foreign(self) -> list[str]:
        """Requests since the last `open` to any host but the test server's."""
        return [url for url in self.requests
                if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:"))]

    def open(self, path: str, wait_for_script: bool = True):
        """Load site path `path` ('sv/events/x/'); wait until hub.js has run, or without
        script until the stylesheets have loaded: DOMContentLoaded can come before them, and a
        visibility check then sees the page unstyled (a CI failure of test_search_box)."""
        self.requests, self.errors, self.failed, self.console_errors = [], [], [], []
        until = "domcontentloaded" if wait_for_script else "load"
        self.response = self.page.goto(self.site_url + path, wait_until=until)
        if wait_for_script:
            self.page.evaluate(_READY)
        return self.page

    def audit(self) -> dict:
        """{lang, light, dark}: the page's language and axe-core's WCAG 2.1 A/AA violations."""
        if not self.page.evaluate("() => !!window.axe"):
            self.page.add_script_tag(path=str(AXE))
        return self.page.evaluate(_AUDIT, {"all": WCAG_RULES, "contrast": CONTRAST_RULES})

    def axe(self) -> list[dict]:
        """axe-core's WCAG 2.1 A/AA violations on the current page as it is."""
        if not self.page.evaluate("() => !!window.axe"):
            self.page.add_script_tag(path=str(AXE))
        return self.page.evaluate("options => axe.run(document, options).then(r => r.violations)", WCAG_RULES)

    def close(self):
        self.context.close()


def describe(violations: list[dict]) -> str:
    """axe violations as lines a developer can act on."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)
