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

import copy
import os
import posixpath
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


# What MkDocs' Page.render (mkdocs 1.6.1) sets on the page: all a cached render must set again.
# tests/test_couplings.py renders a page and fails if render sets anything else.
RENDERED = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")


class RenderCache:
    """Record pages whose skeletons are the same come out of Markdown the same: convert each once.

    A skeleton is only a page's headings and block markers (see split), so most record pages of a
    collection share one with the others in their language (the same parts, the same headings).
    MkDocs' Page.render builds a Markdown converter with every extension for each page and runs it;
    here the first page with a skeleton does that, and the others with the same skeleton, in the
    same folder (relative links in a heading would resolve the same) and the same pass (the same
    config), get copies of what it set. One per language pass; `HUB_RENDER_CACHE=0` turns it off
    (tests/test_prerender.py builds a site both ways and compares every file).
    """

    def __init__(self):
        self._rendered: dict[tuple[str, str], dict] = {}
        self._shared: dict[tuple, str] = {}
        self.enabled = os.environ.get("HUB_RENDER_CACHE", "1") != "0"

    def shared(self, page):
        """For a record page, main.html's `hub_shared(block, super)`: the theme block as rendered for the
        first record page of the pass in the same folder with the same headings (the same skeleton).

        The blocks it is used for (tabs, site_nav, config) read the navigation (no record page is in
        it, so none is active), URLs relative to the folder, the page's table of contents (from its
        skeleton) and its `hide` meta; nothing else of the page. None when off: main.html renders them.
        """
        if not self.enabled:
            return None
        key = (posixpath.dirname(page.url.rstrip("/")), page.markdown, repr(page.meta.get("hide")))

        def block(name: str, render):
            done = self._shared.get((name, *key))
            if done is None:
                done = self._shared[(name, *key)] = render()
            return done

        return block

    def render(self, page, config, files) -> None:
        """Page.render(config, files) for a page whose markdown is a skeleton."""
        key = (posixpath.dirname(page.file.src_uri), page.markdown)
        done = self._rendered.get(key) if self.enabled else None
        if done is None:
            type(page).render(page, config, files)
            if self.enabled:
                self._rendered[key] = _copy({name: getattr(page, name) for name in RENDERED})
            return
        for name, value in _copy(done).items():
            setattr(page, name, value)


def _copy(rendered: dict) -> dict:
    """A copy one page can change without changing another's (the files linked to stay themselves)."""
    out = dict(rendered)
    out["toc"] = copy.deepcopy(rendered["toc"])
    if rendered["present_anchor_ids"] is not None:
        out["present_anchor_ids"] = set(rendered["present_anchor_ids"])
    if rendered["links_to_anchors"] is not None:
        out["links_to_anchors"] = {file: dict(links) for file, links in rendered["links_to_anchors"].items()}
    return out
