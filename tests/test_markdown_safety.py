"""Markdown fields: active content is an error with its line; rendered HTML is sanitised by nh3."""
import pytest
from bs4 import BeautifulSoup

from hub.load.markdown_safety import bad_scheme, render_markdown, unsafe_markdown

SAFE = [
    "Plain **Markdown** with a [link](https://example.org/) and <mailto:buyer@example.org>.",
    "<details><summary>More</summary>Details.</details>",
    '<img src="/assets/images/logo.svg" alt="A">',
    "![Logo](../assets/images/logo.svg) and [a page](https://example.org/a.png)",
    "Datasheet: see the data: section below. Java script: a language.",
    "[relative](../cases/x/) and [anchor](#top)",
    "a < b and c > d, 3 <4",
    "# Title {: #top .wide }",
    "Sets {a, b} and a = b.",
]
UNSAFE = [
    ("<script>alert(1)</script>", 0, "<script>"),
    ("Text\n\n<SCRIPT SRC=//example.org/x.js></SCRIPT>", 2, "<script>"),
    ('<iframe src="https://example.org"></iframe>', 0, "<iframe>"),
    ('<object data="https://example.org/x.swf"></object>', 0, "<object>"),
    ('<embed src="https://example.org/x.swf">', 0, "<embed>"),
    ('<img src=x onerror=alert(1)>', 0, "onerror="),
    ('<svg/onload=alert(1)>', 0, "onload="),
    ("<a\nhref='#'\nonmouseover=\"x()\">a</a>", 0, "onmouseover="),
    ("[a](javascript:alert(1))", 0, "javascript:"),
    ("[a]( <javascript:alert(1)> )", 0, "javascript:"),
    ("[a](JaVaScRiPt:alert(1))", 0, "javascript:"),
    ("[a](javascript&#58;alert(1))", 0, "javascript:"),
    ("[a](java&#x09;script:alert(1))", 0, "javascript:"),
    ("[a](javascript\\:alert(1))", 0, "javascript:"),
    ("text\n\n[a][ref]\n\n[ref]: javascript:alert(1)", 4, "javascript:"),
    ("<javascript:alert(1)>", 0, "javascript:"),
    ('<a href=" javascript:alert(1)">a</a>', 0, "javascript:"),
    ('<a href="&#106;avascript:alert(1)">a</a>', 0, "javascript:"),
    ("![x](data:image/svg+xml;base64,PHN2Zz4=)", 0, "data:"),
    ('<img src="data:image/png;base64,AAAA">', 0, "data:"),
    ('<a href="vbscript:msgbox(1)">a</a>', 0, "vbscript:"),
    ('<img srcset="a.png 1x, javascript:alert(1) 2x">', 0, "javascript:"),
    # docs/ pages are not cleaned by nh3: elements that act on the whole page are refused.
    ('<base href="https://example.org/">', 0, "<base>"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org/">', 0, "<meta>"),
    ('<form action="https://example.org/"><input name="p"></form>', 0, "<form>"),
    ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>', 0, "javascript:"),
    # attr_list (on for docs/ pages) turns {: key=value } into attributes.
    ('# Title {: onclick="alert(1)" }', 0, "onclick="),
    ("Text\n{: #x .y onmouseover='alert(1)' }", 1, "onmouseover="),
    ("[a](x.md){: href=javascript:alert(1) }", 0, "javascript:"),
    ('![a](a.png){: src="https://tracker.example/p.gif" }', 0, "another host"),
]
# Anything the browser would fetch from another host by itself: the site promises it loads nothing.
FOREIGN = [
    "![pixel](https://tracker.example/p.gif)",
    "![pixel](<https://tracker.example/p.gif> \"t\")",
    "![pixel][p]\n\n[p]: https://tracker.example/p.gif",
    '<img src="//tracker.example/p.gif">',
    '<img src="/\\tracker.example/p.gif">',
    '<img src="HTTPS://tracker.example/p.gif">',
    '<img src="&#104;ttps://tracker.example/p.gif">',
    '<img src="a.png" srcset="a.png 1x, https://tracker.example/b.png 2x">',
    '<picture><source srcset="https://tracker.example/a.webp"><img src="a.png"></picture>',
    '<video src="https://tracker.example/v.mp4"></video>',
    '<video poster="https://tracker.example/p.png"></video>',
    '<audio src="https://tracker.example/a.mp3"></audio>',
    '<video><track src="https://tracker.example/c.vtt"></video>',
    '<link rel="preload" href="https://tracker.example/f.woff2">',
    '<svg><image href="https://tracker.example/p.png"/></svg>',
    '<a href="/page/" ping="https://tracker.example/ping">a</a>',
    '<p style="background: url(\'https://tracker.example/p.png\')">a</p>',
    '<style>@import "https://tracker.example/s.css";</style>',
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_file_from_another_host_is_refused(text):
    found = unsafe_markdown(text)
    assert found and all("loads a file from another host" in message and "docs/assets/" in message
                         for _line, message in found), found


@pytest.mark.parametrize("text", SAFE)
def test_safe_markdown_passes(text):
    assert unsafe_markdown(text) == []


@pytest.mark.parametrize("text,line,what", UNSAFE, ids=[u[0][:40] for u in UNSAFE])
def test_unsafe_markdown_is_found_on_its_line(text, line, what):
    found = unsafe_markdown(text)
    assert found, text
    assert found[0][0] == line
    assert what in found[0][1]


def test_bad_scheme_reads_urls_as_a_browser_does():
    assert bad_scheme("  JAVA\tSCRIPT:alert(1)") == "javascript"
    assert bad_scheme("&#x6A;avascript:x") == "javascript"
    assert bad_scheme("data:text/html,x") == "data"
    assert bad_scheme("https://example.org/javascript:") is None
    assert bad_scheme("/path/data:x") is None


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(render_markdown(text), "lxml")


def test_render_keeps_formatting_links_and_starts_headings_at_h2():
    doc = _html("# Heading\n\n**bold** and [link](https://example.org/) <mailto:a@example.org>")
    assert doc.select_one("h2").get_text() == "Heading"
    assert doc.select_one("h1") is None
    assert doc.select_one("strong").get_text() == "bold"
    assert doc.select_one("a")["href"] == "https://example.org/"
    assert "noopener" in doc.select_one("a")["rel"]


def test_render_strips_active_content_even_when_not_refused():
    # The loader refuses all of these; nh3 is the second line of defence if one got through.
    doc = _html('<script>alert(1)</script><iframe src="https://x.org"></iframe>'
                '<img src="https://example.org/a.png" onerror="alert(1)">'
                '<a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a>'
                '<style>body{display:none}</style><form action="https://x.org"><input></form>')
    assert not doc.select("script, iframe, style, form, input")
    assert not doc.select("[onerror]")
    for a in doc.select("a"):
        assert not a.get("href", "").startswith(("javascript", "data"))
    assert doc.select_one("img")["src"] == "https://example.org/a.png"


def test_raw_html_of_plain_text_stays_text_in_code():
    doc = _html("Use `<script>` tags? No.")
    assert doc.select_one("code").get_text() == "<script>"
    assert not doc.select("script")


def test_what_the_line_scan_misses_is_found_in_the_rendered_html(monkeypatch):
    from hub.load import markdown_safety
    monkeypatch.setattr(markdown_safety, "_scan_links", lambda text: [])
    assert unsafe_markdown("[a](javascript:alert(1))") == [
        (0, "the rendered Markdown contains a javascript: link: remove it")]


def test_a_text_markdown_would_take_minutes_to_read_is_refused_before_rendering():
    # 4,000 '[' took Python-Markdown 25 s on this machine; a megabyte of them, hours.
    assert unsafe_markdown("[" * 4000) == [(0, "at most 300 '[' in one Markdown text (more take Markdown minutes "
                                               "to read), got 4,000: split the text, or link to a document")]
    assert unsafe_markdown("[a](https://example.org/) " * 300) == []
