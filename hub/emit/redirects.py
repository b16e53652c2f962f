"""Stable URLs: a record's former ids (`aliases`) keep working as small redirect pages.

`<lang prefix><collection>/<alias>/index.html` in every language sends the reader on to
`<collection>/<id>/` with a meta refresh (no script needed) and a visible link for anyone whose
browser does not follow it; `rel=canonical` tells search engines where the page lives now.
A calendar client cannot follow a page's redirect: ics.py writes a former id's
`events/<old-id>.ics` itself, the same calendar as the current id's.
"""
from __future__ import annotations

import os

from markupsafe import escape

from hub.model.records import COLLECTIONS
from hub.model.shapes import title_field
from hub.render.text import pick, ui_strings

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{moved} <a href="{target}">{title}</a></p>
</body>
</html>
"""


def write(build, site_dir: str) -> None:
    for collection, old_id, record_id in aliases(build.content):
        for lang in build.config.languages:
            path = f"{build.config.path_prefix(lang)}{collection}/{old_id}/index.html"
            target = os.path.join(site_dir, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(redirect_page(build, lang, collection, record_id))


def aliases(content):
    """(collection, former id, current id) for every alias in data/."""
    for collection, records in content.records.items():
        for record_id, record in records.items():
            for old_id in record.aliases:
                yield collection, old_id, record_id


def redirect_page(build, lang: str, collection: str, record_id: str) -> str:
    record = build.content[collection][record_id]
    title = pick(getattr(record, title_field(COLLECTIONS[collection])), lang).text
    return _PAGE.format(lang=lang, title=escape(title), moved=escape(ui_strings(lang)["page_moved"]),
                        # Relative, so the redirect works wherever the site is published.
                        target=f"../{record_id}/",
                        canonical=escape(build.config.page_url(lang, f"{collection}/{record_id}/")))

