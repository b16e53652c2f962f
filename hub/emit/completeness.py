"""After the build: nothing lost. Every record has its page in every language, is linked from
its listing in every language, and is in /api/<collection>.json when that file is written.

Registered in outputs.CHECKS; any message fails the build.
"""
from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


def check(build, site_dir: str) -> list[str]:
    config = build.config
    wanted: dict[str, list[str]] = {}
    for collection, record_id in build.record_keys():
        wanted.setdefault(collection, []).append(record_id)
    problems = []
    for lang in config.languages:
        prefix = config.path_prefix(lang)
        for collection, ids in wanted.items():
            listing = f"{prefix}{collection}/"
            linked = _links(site_dir, config.site_url, listing)
            for record_id in ids:
                where = _source(build, collection, record_id)
                page = f"{prefix}{collection}/{record_id}/"
                if not os.path.isfile(os.path.join(site_dir, page, "index.html")):
                    problems.append(f"{where}: no page in {lang} (expected {page}index.html)")
                if linked is None:
                    continue
                if page not in linked:
                    problems.append(f"{where}: not linked from the {lang} listing /{listing}")
            if linked is None:
                problems.append(f"{collection}: no listing page in {lang} (expected {listing}index.html)")
    for collection, ids in wanted.items():
        exported = _exported(site_dir, collection)
        if exported is None:
            continue
        for record_id in ids:
            if record_id not in exported:
                problems.append(f"{_source(build, collection, record_id)}: missing from /api/{collection}.json")
    return problems


def _source(build, collection: str, record_id: str) -> str:
    return build.content.sources.get((collection, record_id)) or f"data/{collection}.yml: {record_id}"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _links(site_dir: str, site_url: str, listing: str) -> set[str] | None:
    """Site paths ('sv/events/x/') the listing page links to; None when there is no such page."""
    path = os.path.join(site_dir, listing, "index.html")
    if not os.path.isfile(path):
        return None
    parser = _Links()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    found = set()
    for href in parser.hrefs:
        url = urljoin(site_url + listing, href)
        if url.startswith(site_url):
            found.add(urlsplit(url[len(site_url):]).path)
    return found


def _exported(site_dir: str, collection: str) -> set[str] | None:
    path = os.path.join(site_dir, "api", f"{collection}.json")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as handle:
        items = json.load(handle)
    return {item.get("id") for item in items if isinstance(item, dict)}
