"""Built from the seed content: each record page's primary action is in the first screen, and leads somewhere.

At 375 px (a phone, 375 × 667, the smallest common first screen) and 1280 px, in all seven
languages. An internal link must load; external and mailto: links must be well-formed (the
internet is not fetched).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from browsing import Reader, Server
from seedsite import seed_site
from sitebuild import LANGUAGES, REPO, prefix

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
           "desktop": {"viewport": {"width": 1280, "height": 800}}}
RECORDS = [f"{c}/{p.stem}/" for c in ("events", "cases", "statements", "resources")
           for p in sorted((REPO / "data" / c).glob("*.yml"))]
_MAILTO = re.compile(r"^mailto:[^\s@/]+@[^\s@/]+\.[a-z]{2,}$", re.IGNORECASE)

# The primary action as the reader sees it: the first visible button of the actions under the title.
_PRIMARY = """() => {
  const box = document.querySelector("article .hub-actions");
  if (!box) return null;
  const link = [...box.querySelectorAll(".hub-actions__primary a.md-button--primary")]
    .find(a => a.offsetParent !== null);
  if (!link) return null;
  const r = link.getBoundingClientRect();
  return {href: link.getAttribute("href"), text: link.textContent.trim(), top: r.top, bottom: r.bottom,
          left: r.left, right: r.right, height: innerHeight, width: innerWidth};
}"""


@pytest.fixture(scope="module")
def seed_url(shared_tmp):
    server = Server(seed_site(shared_tmp))
    yield server.url
    server.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_primary_action_is_in_the_first_screen_and_leads_somewhere(browser, seed_url, screen, lang):
    reader = Reader(browser, seed_url, **SCREENS[screen])
    try:
        wrong = []
        for path in RECORDS:
            page_path = prefix(lang) + path
            page = reader.open(page_path)
            action = page.evaluate(_PRIMARY)
            if reader.errors:
                wrong.append(f"{page_path}: script errors {reader.errors}")
            if action is None:
                wrong.append(f"{page_path}: no visible primary action")
                continue
            if not (0 <= action["top"] and action["bottom"] <= action["height"] and action["right"] <= action["width"]):
                wrong.append(f"{page_path}: {action['text']!r} is outside the first screen ({action})")
            href = action["href"]
            if href.startswith(("https://", "http://")):
                if not urlsplit(href).hostname:
                    wrong.append(f"{page_path}: {href!r} is not a web address")
            elif href.startswith("mailto:"):
                if not _MAILTO.match(href):
                    wrong.append(f"{page_path}: {href!r} is not an e-mail address")
            elif href.startswith("#"):
                if not page.query_selector(f"[id='{href[1:]}']"):
                    wrong.append(f"{page_path}: {href!r} names nothing on the page")
            else:
                response = reader.page.goto(urljoin(seed_url + page_path, href), wait_until="domcontentloaded")
                if response is None or response.status != 200:
                    wrong.append(f"{page_path}: {href!r} does not load ({response and response.status})")
        assert not wrong, "\n".join(wrong)
    finally:
        reader.close()
