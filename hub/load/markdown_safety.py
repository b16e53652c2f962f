"""Refuse active content in Markdown fields; render and sanitise Markdown to HTML.

Contributors may write Markdown and simple HTML. Scripts, frames, event handlers and
`javascript:`/`data:` links are errors, found here with their line: in HTML tags (read by an
HTML parser, so entities and odd quoting are decoded as a browser would) and in Markdown link
destinations (inline, reference definitions, autolinks). The rendered HTML is checked once
more, so whatever the line scan misses is still refused; nh3 then cleans the HTML that is
published, as a second line of defence.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3

SCRIPT = "<script> is not allowed in Markdown: link to the script's page instead"
FRAME = "<{tag}> is not allowed in Markdown: give the address as a link (recordings go in `recording`)"
HANDLER = "event-handler attributes ({name}=) are not allowed in Markdown"
LINK = "{scheme}: links are not allowed in Markdown: use an https:// address"
RENDERED = "the rendered Markdown contains {what}: remove it"
# The site loads nothing from other hosts (no tracking pixels, no third-party players).
FOREIGN = "{what} loads a file from another host ({url}): keep the file in docs/assets/ instead"

_FRAMES = {"iframe", "frame", "frameset", "object", "embed", "applet"}
# Elements that act on the whole page: <base> re-points every relative address (the theme's own
# scripts too), <meta> can redirect, a <form> posts what readers type elsewhere. docs/ pages are not
# cleaned by nh3, so they are refused here.
PAGE_WIDE = "<{tag}> is not allowed in Markdown: it acts on the whole page (link to a page instead)"
_PAGE_WIDE = {"base", "meta", "form"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "background", "cite", "longdesc",
                   "data", "srcset", "xlink:href", "ping", "manifest", "codebase", "dynsrc", "lowsrc",
                   # SVG animation sets another attribute (`attributeName=href values=javascript:...`)
                   "values", "to", "from", "by"}
_BAD_SCHEMES = ("javascript", "data", "vbscript")
# Characters a browser drops from a URL before it reads the scheme: ASCII whitespace and controls.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INLINE_LINK = re.compile(r"\]\(\s*(<[^>]*>|[^\s)]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.M)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_MENTIONS_SCHEME = re.compile("(" + "|".join(_BAD_SCHEMES) + "):")
# Attributes whose address the browser fetches by itself, on any element, and those that do on some.
_LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "ping", "codebase"}
_LOADING_HREF = {"link", "image", "use", "feimage"}
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^\s)]+)")
_CSS_FOREIGN = re.compile(r"url\(\s*['\"]?\s*((?:[a-z][a-z0-9+.\-]*:)?//[^'\")\s]*)|@import\s*['\"]?([^'\";\s]+)", re.I)


# Python-Markdown reads brackets in quadratic time or worse: 4,000 `[` take 25 s, a megabyte of them
# hours. No description needs more than this (the longest in the seeds has 2).
MAX_BRACKETS = 300


def unsafe_markdown(text: str) -> list[tuple[int, str]]:
    """(line offset from the text's first line, message) for each unsafe construct."""
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        return [(0, f"at most {MAX_BRACKETS} '[' in one Markdown text (more take Markdown minutes to read), "
                    f"got {brackets:,}: split the text, or link to a document")]
    found = _scan_html(text) + _scan_links(text) + _scan_attribute_lists(text)
    if not found and (_MENTIONS_SCHEME.search(_as_browser_reads(text)) or "![" in text):
        # A link or an image the line scan did not see (a reference-style image) may still come
        # out of the Markdown: check the HTML. (Only then: rendering every text would double the
        # cost of loading.)
        found = [(_line_naming(text, what), what if what.startswith(("<", "a style")) else RENDERED.format(what=what))
                 for _line, what in _scan_html(_to_html(text), rendered=True)]
    return sorted(set(found))


def _line_naming(text: str, message: str) -> int:
    """The line of the address a message about rendered HTML quotes (a reference definition), else 0."""
    quoted = re.search(r"\('(.+?)'\)", message)
    at = text.find(quoted.group(1).rstrip("…")) if quoted else -1
    return text.count("\n", 0, at) if at >= 0 else 0


def foreign(url: str) -> bool:
    """True for an address on another host (`https://x`, `//x`, `/\\x`), as a browser reads it."""
    url = _as_browser_reads(url).lstrip("<").replace("\\", "/")
    return url.startswith("//") or bool(re.match(r"[a-z][a-z0-9+.\-]*:", url)) and not bad_scheme(url)


def bad_scheme(url: str) -> str | None:
    """'javascript' for `java&#x73;cript:...`, as a browser would read it; None for a safe URL."""
    url = _as_browser_reads(url).lstrip("<")
    return next((scheme for scheme in _BAD_SCHEMES if url.startswith(scheme + ":")), None)


def _as_browser_reads(text: str) -> str:
    """Character references decoded, Markdown's backslash escapes and URL-ignored characters dropped."""
    return _IGNORED_IN_URL.sub("", _BACKSLASH_ESCAPE.sub(r"\1", html.unescape(text))).lower()


def _scan_links(text: str) -> list[tuple[int, str]]:
    found = []
    for pattern in (_INLINE_LINK, _REFERENCE, _AUTOLINK):
        for match in pattern.finditer(text):
            scheme = bad_scheme(match.group(1))
            if scheme:
                found.append((text.count("\n", 0, match.start(1)), LINK.format(scheme=scheme)))
    for match in _IMAGE.finditer(text):
        if foreign(match.group(1)):
            found.append((text.count("\n", 0, match.start()),
                          FOREIGN.format(what="the image", url=_quoted(match.group(1).strip("<>")))))
    return found


# `{: onclick="x()" }` after a heading or a paragraph: attr_list (on in mkdocs.yml for docs/ pages)
# makes each key=value an attribute of the element, so they are checked as if written in a tag.
_ATTRIBUTE_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_ATTRIBUTE = re.compile(r"([^\s=\"'{}#.]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")


def _scan_attribute_lists(text: str) -> list[tuple[int, str]]:
    found = []
    for block in _ATTRIBUTE_LIST.finditer(text):
        pairs = _ATTRIBUTE.findall(block.group(1))
        tag = "<span " + " ".join(f'{name}="{html.escape(value.strip(chr(34) + chr(39)))}"' for name, value in pairs) + ">"
        line = text.count("\n", 0, block.start())
        # Name what the contributor wrote, not the tag made up to check it.
        found.extend((line, message.replace("<span ", "{: ").replace("=...>", "=... }"))
                     for _offset, message in _scan_html(tag))
    return found


def _quoted(url: str) -> str:
    return repr(url if len(url) <= 60 else url[:59] + "…")


class _TagScanner(HTMLParser):
    def __init__(self, rendered: bool):
        super().__init__(convert_charrefs=True)
        self.rendered = rendered
        self.found: list[tuple[int, str]] = []
        self.in_style = False

    def add(self, message: str, what: str) -> None:
        self.found.append((self.getpos()[0] - 1, what if self.rendered else message))

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.add(SCRIPT, "a <script>")
        elif tag in _FRAMES:
            self.add(FRAME.format(tag=tag), f"an <{tag}>")
        elif tag in _PAGE_WIDE:
            self.add(PAGE_WIDE.format(tag=tag), f"a <{tag}>")
        self.in_style = tag == "style"
        for name, value in attrs:
            if name.startswith("on"):
                self.add(HANDLER.format(name=name), f"an {name}= attribute")
            elif name in _URL_ATTRIBUTES and value:
                scheme = bad_scheme(value) or next(filter(None, map(bad_scheme, value.split(","))), None)
                if scheme:
                    self.add(LINK.format(scheme=scheme), f"a {scheme}: link")
            if tag in _FRAMES or tag == "script":
                continue  # refused whole, above
            if value and (name in _LOADING_ATTRIBUTES or name in ("href", "xlink:href") and tag in _LOADING_HREF):
                # srcset is a list: "a.png 1x, https://x/b.png 2x"
                urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
                url = next((u for u in urls if foreign(u)), None)
                if url:
                    message = FOREIGN.format(what=f"<{tag} {name}=...>", url=_quoted(url))
                    self.add(message, message)
            elif name == "style" and value:
                self._css(value, tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self._css(data, "style")

    def _css(self, css: str, tag: str) -> None:
        for match in _CSS_FOREIGN.finditer(css):
            url = match.group(1) or match.group(2)
            if match.group(1) or foreign(url):
                message = FOREIGN.format(what=f"a style in <{tag}>", url=_quoted(url))
                self.add(message, message)


def _scan_html(text: str, rendered: bool = False) -> list[tuple[int, str]]:
    scanner = _TagScanner(rendered)
    scanner.feed(text)
    scanner.close()
    return scanner.found


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def markdown_to_html(text: str) -> str:
    """Markdown -> HTML as written, not sanitised: for checks that read it, never for publishing."""
    return _to_html(text)


def _to_html(text: str) -> str:
    # One converter, reset for each text: building it anew costs as much as converting a short text.
    return _MARKDOWN.reset().convert(text)


_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3",
         "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
         "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "title", "width", "height"},
               "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "*": {"lang"}}


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Markdown -> sanitised HTML. Headings start at h2: the page title is the only h1."""
    html_text = _to_html(text)
    html_text = re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html_text)
    return nh3.clean(html_text, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"https", "http", "mailto"},
                     link_rel="noopener")
