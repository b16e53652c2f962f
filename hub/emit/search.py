"""The site's search: Pagefind indexes the built pages once every language is built.

Pagefind (the `pagefind_bin` wheel, run offline) writes `pagefind/` beside the pages: one index
per language, from each page's `<html lang>`, fetched in small fragments by the reader's browser
only when they search. It reads only the element marked `data-pagefind-body` (the article, see
overrides/main.html), so navigation, header and footer stay out; the "not yet translated"
notices are skipped too. Pages without the mark (404, redirects) are not indexed at all.

Record pages carry filters: `collection` (event, case, ...) and, for events, `when`
(upcoming or past at build time; hub.js moves events that end later, the index cannot).
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pagefind_bin

OUTPUT = "pagefind"
# Shown on the page, not what the page is about.
IGNORED = (".hub-notice", ".md-content__button", ".headerlink")

# The filter value of each collection: one word, the same in every language (the UI translates it).
COLLECTION = {"events": "event", "cases": "case", "statements": "statement", "resources": "resource",
              "organisations": "organisation", "topics": "topic"}


def page_filters(build, record: str | None) -> dict[str, str]:
    """The Pagefind filters of a page: {'collection': 'event', 'when': 'past'}; {} for other pages."""
    if not record:
        return {}
    collection, record_id = record.split("/", 1)
    filters = {"collection": COLLECTION[collection]}
    if collection == "events":
        filters["when"] = "past" if build.index.is_past(build.content["events"][record_id]) else "upcoming"
    return filters


def filter_attributes(filters: dict[str, str]) -> dict[str, str]:
    """The article's attributes for Pagefind: each value in `data-<name>`, named in `data-pagefind-filter`."""
    if not filters:
        return {}
    attributes = {f"data-{name}": value for name, value in filters.items()}
    # Pagefind reads several filters of one element only from its attributes: 'collection[data-collection], ...'.
    attributes["data-pagefind-filter"] = ", ".join(f"{name}[data-{name}]" for name in filters)
    return attributes


def write(build, site_dir: str) -> None:
    if next(Path(site_dir).rglob("*.html"), None) is None:
        return  # no pages (the emitters' tests write beside none): nothing to search, and Pagefind refuses
    command = [str(pagefind_bin.get_executable()), "--site", site_dir, "--output-subdir", OUTPUT,
               "--exclude-selectors", ", ".join(IGNORED), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
