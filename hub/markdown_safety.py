"""Refuse active content in Markdown fields; render and sanitise Markdown to HTML.

Contributors may write Markdown and simple HTML. Scripts, frames, event handlers and
`javascript:`/`data:` links are errors (found here, with their line); nh3 then cleans the
rendered HTML as a second line of defence.
"""
from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

_UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "<script> is not allowed in Markdown: link to the script's page instead"),
    (re.compile(r"<\s*iframe\b", re.I), "<iframe> is not allowed in Markdown: give the address as a link (recordings go in `recording`)"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "event-handler attributes (on...=) are not allowed in Markdown"),
    (re.compile(r"(\]\(\s*<?|\b(href|src)\s*=\s*[\"']?\s*|<)(javascript|data|vbscript)\s*:", re.I),
     "javascript: and data: links are not allowed: use an https:// address"),
]


def unsafe_markdown(text: str) -> list[tuple[int, str]]:
    """(line offset from the text's first line, message) for each unsafe construct."""
    found = []
    for pattern, message in _UNSAFE:
        for match in pattern.finditer(text):
            found.append((text.count("\n", 0, match.start()), message))
    return found


_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3",
         "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
         "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "title", "width", "height"},
               "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "*": {"lang"}}


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Markdown -> sanitised HTML. Headings start at h2: the page title is the only h1."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https", "http", "mailto"},
                     link_rel="noopener")
