"""Render record pages, listings and the home page as Markdown with HTML blocks.

Python prepares the data, Jinja templates in `templates/` lay it out. Output is the body of
an MkDocs page: `## ` headings (for the table of contents and search sections) between HTML
blocks. Every link is relative to the page it is on, so the site works under any path.
"""
from __future__ import annotations

import html
import json
import posixpath
from functools import lru_cache

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from hub.render import dates
from hub.render.collation import collated, sort_key
from hub.render.filters import filter_facets
from hub.render.head import shortened
from hub.index.indexes import Index
from hub.index.signatories import standing
from hub.load.markdown_safety import render_markdown
from hub.load.placeholders import placeholders, without_placeholders
from hub.load.siteconfig import SiteConfig
from hub.model.records import COLLECTIONS
from hub.model.shapes import title_field
from hub.render.actions import propose_event_url, record_actions
from hub.render.text import markdown_text, pick, translated_in, ui_strings

TEMPLATES = posixpath.join(posixpath.dirname(__file__), "templates")



def template_env() -> Environment:
    """The Jinja environment of the page templates (one per Renderer; the parallel build compiles ahead with one)."""
    # auto_reload off: templates do not change during a build, and checking costs a stat per page and item.
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False)


def page_path(collection: str, record_id: str | None = None) -> str:
    """Site path without language prefix: 'events/' or 'events/<id>/'."""
    return f"{collection}/{record_id}/" if record_id else f"{collection}/"


class Renderer:
    """Renders pages for one loaded hub; one instance per build, shared by every language."""

    def __init__(self, index: Index, config: SiteConfig):
        self.index = index
        self.content = index.content
        self.config = config
        # The hub's facts as pages show them: a fact marked as a placeholder in data/site.yml is left out.
        self.site = without_placeholders(self.content.site, placeholders(config.root))
        self.env = template_env()
        self.when_cache: dict[tuple, str] = {}
        self._items: tuple[str, dict[tuple, Markup]] = ("", {})  # (language, its list items)
        # Listings and home pages, rendered once per language. Kept on the instance (not an
        # lru_cache on the method, which would keep every old build alive under `make serve`).
        self._pages: dict[tuple[str, str], str] = {}

    def items(self, lang: str) -> dict[tuple, Markup]:
        """The rendered list items of `lang`; languages are built one after the other, so only one is kept."""
        if self._items[0] != lang:
            self._items = (lang, {})
        return self._items[1]

    def view(self, lang: str, here: str) -> "View":
        return View(self, lang, here)

    # -- pages --

    def record_page(self, collection: str, record_id: str, lang: str) -> str:
        here = self.config.path_prefix(lang) + page_path(collection, record_id)
        view = self.view(lang, here)
        if collection == "topics":
            record = None
        else:
            record = self.content[collection][record_id]
        template = self.env.get_template(f"{collection}.md")
        return template.render(h=view, id=record_id, record=record, ix=self.index)

    def listing(self, collection: str, lang: str) -> str:
        if (collection, lang) not in self._pages:
            here = self.config.path_prefix(lang) + page_path(collection)
            view = self.view(lang, here)
            self._pages[(collection, lang)] = self.env.get_template(f"list_{collection}.md").render(h=view, ix=self.index)
        return self._pages[(collection, lang)]

    def home(self, lang: str) -> str:
        if ("", lang) not in self._pages:
            view = self.view(lang, self.config.path_prefix(lang))
            self._pages[("", lang)] = self.env.get_template("home.md").render(h=view, ix=self.index)
        return self._pages[("", lang)]

    # -- page facts for front matter --

    def title(self, collection: str, record_id: str, lang: str) -> str:
        if collection == "topics":
            return pick(self.content.topics[record_id], lang).text
        record = self.content[collection][record_id]
        return pick(getattr(record, title_field(COLLECTIONS[collection])), lang).text

    def description(self, collection: str, record_id: str, lang: str) -> str:
        if collection == "topics":
            return self.title(collection, record_id, lang)
        record = self.content[collection][record_id]
        summary = pick(getattr(record, "summary", None) or getattr(record, "description", None), lang)
        return shortened(summary.text) if summary else self.title(collection, record_id, lang)

    def front_matter(self, collection: str, record_id: str, lang: str) -> str:
        # Material prints page titles and descriptions into HTML unescaped (<title>, <h1>,
        # <meta content>, nav), so they are escaped here, once, for every place they appear.
        meta = {"title": html.escape(self.title(collection, record_id, lang)),
                "description": html.escape(self.description(collection, record_id, lang)),
                "hub_record": f"{collection}/{record_id}",
                # The plugin renders the body itself (on_page_markdown): mkdocs-macros need not parse it.
                "render_macros": False}
        # JSON is YAML: every value is safely quoted whatever the record holds.
        return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n"


class View:
    """What templates call: texts in the reader's language, links relative to this page."""

    def __init__(self, renderer: Renderer, lang: str, here: str):
        self.r = renderer
        self.lang = lang
        self.here = here
        self.ui = ui_strings(lang)
        self.content = renderer.content

    # texts
    def t(self, key: str, **values) -> str:
        # "1 signatory", not "1 signatories": a `<key>_one` string serves a count of one.
        if values.get("count") in (1, "1") and f"{key}_one" in self.ui:
            key = f"{key}_one"
        text = self.ui[key]
        return text.format(**values) if values else text

    def text(self, value) -> Markup:
        return self._shown(value, escape)

    def heading(self, value) -> Markup:
        """A text for a Markdown heading: as `text`, and with no Markdown syntax (attr_list, links)."""
        return self._shown(value, markdown_text)

    def _shown(self, value, safe) -> Markup:
        """`value` in this language, made safe by `safe`; an English fallback marked as English."""
        shown = pick(value, self.lang)
        if shown is None:
            return Markup("")
        if shown.fallback and self.lang != "en":
            return Markup(f'<span lang="en">{safe(shown.text)}</span>')
        return safe(shown.text)

    def plain(self, value) -> str:
        shown = pick(value, self.lang)
        return shown.text if shown else ""

    def md(self, value) -> Markup:
        shown = pick(value, self.lang)
        if shown is None:
            return Markup("")
        html = render_markdown(shown.text)
        if shown.fallback and self.lang != "en":
            return Markup(f'<div class="hub-prose" lang="en">{html}</div>')
        return Markup(f'<div class="hub-prose">{html}</div>')

    def actions(self, collection: str, record_id: str):
        """The page's primary action and those beside it (hub/render/actions.py decides)."""
        return record_actions(self, collection, record_id)

    def open_action(self, statement_id: str):
        """A statement's primary action where it is listed, while it is open for signatories (else None)."""
        if not self.content["statements"][statement_id].open:
            return None
        return record_actions(self, "statements", statement_id).primary

    def backing(self, statement) -> str:
        """'4 signatories · 3 supporters · 7 committed to join': who stands behind a statement."""
        counts = standing(statement)
        parts = [self.t(key, count=n) for key, n in (("signatory_count", counts.signatories),
                 ("supporter_count", counts.supporters), ("committed_count", counts.committed)) if n]
        return " · ".join(parts) or self.t("no_signatories")

    def quoted(self, statement) -> str:
        """'3 of 9 commitments quoted' when the record lists only some of them, else ''."""
        counts = standing(statement)
        return self.t("commitments_quoted", quoted=counts.quoted, total=counts.total) if counts.partly_quoted else ""

    def calendar_url(self) -> str:
        return "webcal://" + self.r.config.page_url(self.lang, "calendar.ics").split("://", 1)[1]

    def propose_event_url(self) -> str | None:
        return propose_event_url(self.r.site.repository)

    def untranslated(self, *values) -> bool:
        """True when any main text of the page is shown in English on a non-English page."""
        return self.lang != "en" and not all(translated_in(v, self.lang) for v in values if v is not None)

    # links
    def url(self, path: str) -> str:
        return relative_url(self.r.config.path_prefix(self.lang) + path, self.here)

    def link(self, collection: str, record_id: str) -> str:
        return self.url(page_path(collection, record_id))

    def name(self, collection: str, record_id: str) -> Markup:
        return self.text(self._name_value(collection, record_id))

    def by_name(self, collection: str, items, attribute: str | None = None) -> list:
        """Ids (or objects naming one by `attribute`) in the alphabetical order of their names here (ICU)."""
        def name(item):
            record_id = getattr(item, attribute) if attribute else item
            return self.plain(self._name_value(collection, record_id))
        return collated(list(items), self.lang, name)

    def _name_value(self, collection: str, record_id: str):
        if collection == "topics":
            return self.content.topics[record_id]
        return getattr(self.content[collection][record_id], title_field(COLLECTIONS[collection]))

    def listing(self, collection: str) -> list[str]:
        """The listing's ids: newest first, then (and organisations only) by name in the reader's language."""
        return self.r.index.listing(collection, lambda i: sort_key(self.plain(self._name_value(collection, i)), self.lang))

    def filter_facets(self, collection: str, ids) -> dict:
        return filter_facets(self, collection, list(ids))

    def item(self, collection: str, record_id: str) -> Markup:
        """A record's list item (`_parts.md`), rendered once per language and folder of pages.

        An event is listed on each of its organisers' and topics' pages: its item is the same on
        every page of a folder if links are made from a neutral sibling (`_/`, never an id), so
        they lead to the same place from any page there, itself included.
        """
        if not self.here:
            return _render_item(self, collection, record_id)  # the site root has no siblings
        folder = posixpath.dirname(self.here.rstrip("/"))
        key, items = (collection, record_id, folder), self.r.items(self.lang)
        if key not in items:
            items[key] = _render_item(View(self.r, self.lang, f"{folder}/_/" if folder else "_/"), collection, record_id)
        return items[key]

    def a(self, collection: str, record_id: str) -> Markup:
        return Markup(f'<a href="{escape(self.link(collection, record_id))}">{self.name(collection, record_id)}</a>')

    def org(self, value: str | None) -> Markup:
        """An organisation field that holds an id (linked) or a plain name."""
        if not value:
            return Markup("")
        if value in self.content["organisations"]:
            return self.a("organisations", value)
        return escape(value)

    # dates, places, languages
    def when(self, event) -> str:
        # An event is shown on many pages (listings, organisers, topics): Babel formats it once per language.
        key = (event.start, event.end, event.timezone, self.lang)
        if key not in self.r.when_cache:
            self.r.when_cache[key] = dates.event_when(*key)
        return self.r.when_cache[key]

    def date(self, day) -> str:
        return dates.long_date(day, self.lang)

    def published(self, value: str) -> str:
        return dates.year_month(value, self.lang)

    def iso_start(self, event) -> str:
        return dates.aware(event.start, event.timezone).isoformat()

    def iso_end(self, event) -> str:
        return dates.aware(event.end, event.timezone).isoformat()

    def country(self, code: str | None) -> str:
        return _locale(self.lang).territories.get(code, code) if code else ""

    def language(self, code: str) -> str:
        name = _locale(self.lang).languages.get(code, code)
        return name[:1].upper() + name[1:]

    def languages(self, codes) -> str:
        return ", ".join(self.language(code) for code in codes)  # as written: the first is the main language

    def number(self, value) -> str:
        from babel.numbers import format_decimal
        return format_decimal(value, locale=dates.babel_locale(self.lang)) if isinstance(value, (int, float)) else str(value)

    def money(self, value, currency) -> str:
        from babel.numbers import format_currency
        return format_currency(value, currency, locale=dates.babel_locale(self.lang)) if currency else self.number(value)

    def attr_list(self, values) -> str:
        return " ".join(values)


def _render_item(view: View, collection: str, record_id: str) -> Markup:
    parts = view.r.env.get_template("_parts.md").module
    if collection == "events":
        return parts.event_item(view, view.r.index, record_id)
    return parts.record_item(view, collection, record_id)


def relative_url(target: str, here: str) -> str:
    """`target` ('sv/events/x/') as a link from the page at `here` ('sv/topics/y/'): '../../events/x/'.

    What posixpath.relpath gives for these site paths, without its calls to os.getcwd (a page has dozens of links).
    """
    to, at = target.split("/"), here.split("/")
    to, at = [p for p in to if p], [p for p in at if p]
    common = 0
    while common < len(to) and common < len(at) and to[common] == at[common]:
        common += 1
    rel = "/".join([".."] * (len(at) - common) + to[common:])
    if not rel:
        return "./"
    return rel + "/" if target.endswith("/") or not target else rel


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(dates.babel_locale(lang))
