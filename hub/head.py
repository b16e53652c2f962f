"""Tags for a page's <head>: link previews, alternates, structured data (filled in by issue 3)."""
from __future__ import annotations


def page_head(build, lang: str, url: str, record: str | None, title: str, description: str | None) -> str:
    """HTML for the page's <head>; `url` is the page's site path, `record` 'events/<id>' or None."""
    return ""
