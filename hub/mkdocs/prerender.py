"""Record pages reach MkDocs as HTML: only their headings go through Markdown.

A record page (pages.py) is `## ` headings between blocks of HTML. Python-Markdown would parse
each block with an HTML parser, twice (md_in_html, then MkDocs' scan for anchors), only to pass
it through unchanged: a fifth of a large build. So `split` keeps the headings (the table of
contents, heading ids and search sections come out as before) and leaves a comment where each
block was; `join` puts the blocks back into the HTML. A page with anything else at the top
level (Markdown text, a `markdown` attribute, an element left open) is not split: it goes
through Markdown whole, as before.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"#{1,6} ")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>")
_COMMENT = re.compile(r"<!--.*?-->")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Python-Markdown keeps an HTML block as it is only when it starts with one of these.
_BLOCK = {"address", "article", "aside", "blockquote", "canvas", "dd", "details", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
          "main", "nav", "ol", "p", "pre", "section", "table", "ul"}
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(\s*=|\s|/?$)")
_MARK = "<!--hub-block-{}-->"
_MARKS = re.compile(r"<!--hub-block-(\d+)-->")


def split(page: str) -> tuple[str, list[str]] | None:
    """(the headings with a marker for each block, the blocks), or None to keep the page whole."""
    skeleton: list[str] = []
    blocks: list[str] = []
    block: list[str] = []
    depth = 0

    def close_block():
        if any(line.strip() for line in block):
            skeleton.extend(["", _MARK.format(len(blocks)), ""])
            blocks.append("\n".join(block).strip("\n"))
        block.clear()

    for line in page.split("\n"):
        if depth == 0 and _HEADING.match(line):
            close_block()
            skeleton.append(line)
            continue
        if depth == 0 and line.strip():
            first = _TAG.match(line)
            if not first or first.group(1) or first.group(2).lower() not in _BLOCK:
                return None  # Markdown text, or an inline tag Markdown would wrap in a paragraph
        end = 0
        for tag in _TAG.finditer(_COMMENT.sub("", line)):
            closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
            if _MARKDOWN_ATTRIBUTE.search(attributes):
                return None  # md_in_html would render Markdown inside
            if name in _VOID or attributes.rstrip().endswith("/"):
                pass
            elif closing:
                depth -= 1
            else:
                depth += 1
            if depth < 0:
                return None
            end = tag.end()
        if depth == 0 and _COMMENT.sub("", line)[end:].strip():
            return None  # text after the block closes: Markdown's
        block.append(line)
    if depth:
        return None
    close_block()
    return "\n".join(skeleton) + "\n", blocks


def join(html: str, blocks: list[str]) -> str:
    """The HTML MkDocs made of the skeleton, with each block back in its place."""
    return _MARKS.sub(lambda mark: blocks[int(mark.group(1))], html)
