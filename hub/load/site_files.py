"""Check `docs/` and `overrides/`, which contributors edit beside `data/`, before MkDocs reads them.

A symbolic link there would publish any file of the machine that builds the site, and Jinja in
a page would run Python at build time. mkdocs-macros renders only the pages that opt in
(`render_by_default: false` in mkdocs.yml); only the hub's own pages may, and they may only
call its macros. Pages are Markdown like the records' long texts and are held to the same rules
(no scripts, no control characters, nothing loaded from another host).
"""
from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import yaml

from hub.load.markdown_safety import markdown_to_html, unsafe_markdown
from hub.load.yamlfile import YamlProblem, control_characters, decode, read_yaml
from hub.model.errors import Problem, field_name
from hub.model.records import COLLECTIONS, Site
from hub.model.shapes import fields_of

FOLDERS = ("docs", "overrides")
MAX_PAGE_BYTES = 1_000_000  # as for a record file
# The hub's own pages: the home page, the listings, and the statements that name site facts.
_HUB_PAGE = re.compile(r"(index|(" + "|".join([*COLLECTIONS, "topics"]) + r")/index|accessibility|privacy)"
                       r"(\.[a-z]{2,3})?\.md")
_MACROS = ("home", "listing", "site_fact")
# A call of one of the hub's macros with at most one quoted argument, and nothing else.
_HUB_CALL = re.compile(r"\{\{\s*(" + "|".join(_MACROS) + r")\(\s*(\"[a-z_.]*\"|'[a-z_.]*')?\s*\)\s*\}\}")
# A paragraph shown only when its site fact is known (placeholders are left out): `{% if site_fact("contact") %}`.
_HUB_CONDITION = re.compile(r"\{%-?\s*(?:if\s+(site_fact)\(\s*(\"[a-z_.]*\"|'[a-z_.]*')\s*\)|else|endif)\s*-?%\}")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\{#", re.S)
# What a link or an image needs in Markdown or HTML: pages without any are not rendered to look.
_LINKISH = re.compile(r"\]\(|\]:|\b(?:href|src)\s*=", re.I)
_MARKUP_IN_META = re.compile(r"[<>\"]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)


def site_file_problems(root: str, generated: set[str] = frozenset()) -> list[Problem]:
    """Every problem in docs/ and overrides/ (folders that are missing have none).

    `generated` holds the docs-relative paths of the pages made from data/ (`events/<id>.md`),
    which pages may link to.
    """
    problems = []
    docs = os.path.join(root, "docs")
    existing = set(generated) | {os.path.relpath(os.path.join(here, name), docs).replace(os.sep, "/")
                                 for here, _dirs, names in os.walk(docs) for name in names}
    for folder in FOLDERS:
        top = os.path.join(root, folder)
        if os.path.islink(top):
            problems.append(Problem(folder, 1, "", _symlink(folder)))
            continue
        for here, dirs, files in os.walk(top):
            for name in sorted(dirs + files):
                path = os.path.join(here, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                if os.path.islink(path):
                    problems.append(Problem(rel, 1, "", _symlink(folder)))
                elif not os.path.isfile(path) and not os.path.isdir(path):
                    # A pipe or a device: MkDocs would wait on it for ever, or copy what it yields.
                    problems.append(Problem(rel, 1, "", "not a file: put plain files here"))
                elif folder == "docs" and name.endswith(".md") and os.path.isfile(path):
                    problems.extend(page_problems(rel, path, existing))
                    problems.extend(_taken_address(rel, generated))
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(here, d))]
    return problems


def page_problems(rel: str, path: str, existing: set[str] = frozenset()) -> list[Problem]:
    """Problems of one Markdown page in docs/; `existing`: docs-relative paths links may point to."""
    if os.path.getsize(path) > MAX_PAGE_BYTES:
        return [Problem(rel, 1, "", f"the page is {os.path.getsize(path):,} bytes: a page is at most 1 MB "
                                    "(1,000,000 bytes); split it")]
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = decode(rel, raw)
    except YamlProblem as err:
        return err.problems
    problems = control_characters(rel, text)
    if problems:
        return problems
    problems = [Problem(rel, 1 + offset, "", message) for offset, message in unsafe_markdown(text)]
    if not problems and _LINKISH.search(text):
        problems = _missing_targets(rel, text, existing)
    front = _FRONT_MATTER.match(text)
    if front and (front.group(1) or "").strip():
        problems.extend(_front_matter_problems(rel, front.group(1)))
    opts_in, line = False, 1
    if front and "render_macros" in (front.group(1) or ""):
        block = front.group(1)
        # Only that line is read (the whole block in pure-Python YAML cost a second for the hub's pages).
        row = re.search(r"^render_macros[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$", block, re.M)
        try:
            meta = {"render_macros": yaml.safe_load(row.group(1))} if row else (yaml.safe_load(block) or {})
        except yaml.YAMLError:
            meta = {}  # MkDocs reports front matter it cannot read; macros then see none
        # The test mkdocs-macros makes: `render_macros: yes` or `1` opts in as well.
        opts_in = isinstance(meta, dict) and meta.get("render_macros") == True  # noqa: E712
        line = 2 + block[: row.start()].count("\n") if row else 1
    hub_page = _HUB_PAGE.fullmatch(rel.removeprefix("docs/")) is not None
    if opts_in and not hub_page:
        problems.append(Problem(rel, line, "render_macros", "only the hub's own pages (home, listings, accessibility, "
                                                            "privacy) run macros: remove this line"))
    elif opts_in:
        for match in _JINJA.finditer(text):
            call = _HUB_CALL.fullmatch(match.group()) or _HUB_CONDITION.fullmatch(match.group())
            found = match.group() if len(match.group()) <= 60 else match.group()[:59] + "…"
            line = 1 + text.count("\n", 0, match.start())
            if not call:
                problems.append(Problem(rel, line, "", "this page runs macros, so it may only call the hub's, like "
                                        f"{{{{ site_fact(\"name\") }}}} or {{{{ listing(\"events\") }}}} (and "
                                        f"{{% if site_fact(\"contact\") %}} … {{% endif %}}), got {found!r}"))
                continue
            # The build stops at a macro call it cannot answer: check names it first.
            if call.group(1) is None:  # else / endif
                continue
            name, argument = call.group(1), (call.group(2) or "")[1:-1]
            known = {"home": [""], "listing": [*COLLECTIONS, "topics"], "site_fact": _site_fact_paths()}[name]
            if argument not in known:
                what = "no argument" if name == "home" else "one of " + ", ".join(known)
                problems.append(Problem(rel, line, "", f"{name}() takes {what}, got {found!r}"))
    elif hub_page and _HUB_CALL.search(text):
        problems.append(Problem(rel, 1, "render_macros", "the page calls the hub's macros: add `render_macros: true` "
                                                         "to its front matter (between --- lines at the top)"))
    return problems


def _symlink(folder: str) -> str:
    return f"symbolic links are not allowed in {folder}/: put the file itself here"


def _missing_targets(rel: str, text: str, existing: set[str]) -> list[Problem]:
    """Links to files that do not exist: `mkdocs build --strict` stops at each, so check names them first.

    The rule is MkDocs' own (mkdocs/structure/pages.py, path_to_url): a relative link whose last part
    has an extension must name a file of the site.
    """
    here = posixpath.dirname(rel.removeprefix("docs/"))
    problems = []
    for url in _LinkTargets.of(markdown_to_html(text)):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or not parts.path \
                or not posixpath.splitext(parts.path)[1]:
            continue
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path))).lstrip("/")
        if target not in existing:
            at = text.find(url)
            line = 1 + text.count("\n", 0, at) if at >= 0 else 1
            problems.append(Problem(rel, line, "", f"link to a file that does not exist: {url!r} (docs/{target}); "
                                                   "correct the address, or add the file"))
    return problems


class _LinkTargets(HTMLParser):
    """The addresses MkDocs checks: `href` of links and `src` of images."""

    @classmethod
    def of(cls, html_text: str) -> list[str]:
        parser = cls(convert_charrefs=True)
        parser.urls = []
        parser.feed(html_text)
        parser.close()
        return parser.urls

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "img": "src"}.get(tag)
        self.urls.extend(value for name, value in attrs if name == wanted and value)


@lru_cache(maxsize=None)
def _site_fact_paths() -> tuple[str, ...]:
    """The dotted paths of data/site.yml's fields (`accessibility.contact`): what site_fact() answers."""
    def walk(model, prefix=""):
        for name, shape in fields_of(model):
            if shape.kind == "object":
                yield from walk(shape.model, f"{prefix}{name}.")
            else:
                yield prefix + name
    return tuple(walk(Site))


def _taken_address(rel: str, generated: set[str]) -> list[Problem]:
    """A page at the address of a record's page (`docs/events/launch.md`, `.../launch/index.md`)."""
    page = re.sub(r"\.[a-z]{2,3}\.md$", ".md", rel.removeprefix("docs/"))
    page = re.sub(r"/(index|README)\.md$", ".md", page)
    if page not in generated:
        return []
    collection, record_id = page[:-3].split("/", 1)
    source = "data/topics.yml" if collection == "topics" else f"data/{collection}/{record_id}.yml"
    return [Problem(rel, 1, "", f"the page of {source} has this address (/{collection}/{record_id}/): "
                                "move or rename this page")]


def _front_matter_problems(rel: str, block: str) -> list[Problem]:
    """Material prints a page's title and description into the HTML as they are (MkDocs' Jinja does not
    escape): in a contributor's front matter, markup and quotes would become live HTML on every page
    that names the page (its head, the navigation, the footer)."""
    try:
        doc = read_yaml(rel, block.encode("utf-8"))
    except YamlProblem as err:
        return [Problem(p.path, p.line + 1, p.field, p.message) for p in err.problems]
    problems = []
    stack = [((), doc.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((loc + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((loc + (i,), item) for i, item in enumerate(value))
        elif isinstance(value, str) and _MARKUP_IN_META.search(value):
            problems.append(Problem(rel, doc.line_of(loc) + 1, field_name(loc),
                                    f"expected text without <, > or \" (the theme prints it into the page's HTML "
                                    f"as it is), got {value!r}"))
    return sorted(problems)
