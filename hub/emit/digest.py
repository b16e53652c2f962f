"""`python -m hub digest --since DATE --lang CODE [--html]`: what is new, ready to paste into a newsletter.

New means `added` (or a signatory's `signed`) on or after DATE; upcoming events are listed
whenever they were added, the new ones marked. Texts and dates are in the chosen language,
links absolute (from `site_url`, or the SITE_URL variable). Markdown by default; `--html`
gives a fragment for e-mail tools.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from hub.render import dates
from hub.render.build import load_build
from hub.model.errors import DataError
from hub.model.instants import first_day
from hub.emit.names import country_name, event_place
from hub.load.siteconfig import read_site_config
from hub.render.text import pick, ui_strings


@dataclass
class Item:
    title: str
    url: str
    details: str = ""  # dates, place, kind: one line
    summary: str = ""
    new: bool = False


@dataclass
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)


def digest(build, since: date, lang: str) -> list[Section]:
    """The sections with something in them, in newsletter order."""
    ui, items, index = ui_strings(lang), _Items(build, since, lang), build.index
    sections = [
        Section(ui["digest_coming_up"], [items.event(i, mark_new=True) for i in index.upcoming]),
        Section(ui["digest_past_events_added"], [items.event(i) for i in index.past if items.is_new("events", i)]),
        Section(ui["digest_new_cases"], [items.case(i) for i in items.new("cases")]),
        Section(ui["digest_new_resources"], [items.resource(i) for i in items.new("resources")]),
        Section(ui["digest_new_statements"], [items.statement(i) for i in items.new("statements")]),
        Section(ui["digest_new_signatories"], items.signatories()),
    ]
    return [s for s in sections if s.items]


class _Items:
    """One digest line per record, in one language, with absolute links."""

    def __init__(self, build, since: date, lang: str):
        self.content, self.index, self.config = build.content, build.index, build.config
        self.since, self.lang, self.ui = since, lang, ui_strings(lang)
        self.view = build.renderer.view(lang, "")

    def is_new(self, collection: str, record_id: str) -> bool:
        return self.content[collection][record_id].added >= self.since

    def new(self, collection: str) -> list[str]:
        return [i for i in self.index.newest(collection) if self.is_new(collection, i)]

    def event(self, event_id: str, mark_new: bool = False) -> Item:
        event = self.content["events"][event_id]
        title = self.text(event.title)
        if event.status != "scheduled":
            title = f"{self.ui['status_' + event.status]}: {title}"
        when = dates.event_when(event.start, event.end, event.timezone, self.lang)
        return Item(title, self.url("events", event_id), f"{when} · {event_place(event, self.lang)}",
                    self.text(event.summary), mark_new and self.is_new("events", event_id))

    def case(self, case_id: str) -> Item:
        case = self.content["cases"][case_id]
        details = f"{country_name(case.country, self.lang)}, {case.year}"
        return Item(self.text(case.title), self.url("cases", case_id), details, self.text(case.summary))

    def resource(self, resource_id: str) -> Item:
        resource = self.content["resources"][resource_id]
        details = f"{self.ui['resource_' + resource.kind]}, {dates.year_month(resource.published, self.lang)}"
        return Item(self.text(resource.title), self.url("resources", resource_id), details, self.text(resource.summary))

    def statement(self, statement_id: str) -> Item:
        statement = self.content["statements"][statement_id]
        # "4 signatories · 3 supporters", as the statement's page counts them.
        backing = self.view.backing(statement)
        return Item(self.text(statement.title), self.url("statements", statement_id),
                    f"{dates.long_date(statement.date, self.lang)} · {backing}", self.text(statement.summary))

    def signatories(self) -> list[Item]:
        """One line per statement: who signed since the date, and when."""
        out = []
        for statement_id in self.index.listing("statements"):
            statement = self.content["statements"][statement_id]
            # Those who signed since the date, and those who committed to join since and have not signed yet.
            # `committed` may be a month ("2021-04"): it counts from its first day and is shown as written.
            joined = sorted([(s.signed, s.organisation, "", dates.long_date(s.signed, self.lang))
                             for s in statement.signatories if s.signed and s.signed >= self.since] +
                            [(first_day(s.committed), s.organisation, f"{self.ui['committed']}: ",
                              dates.year_month(s.committed, self.lang)) for s in statement.signatories
                             if not s.signed and s.committed and first_day(s.committed) >= self.since])
            if joined:
                names = ", ".join(f"{self.text(self.content['organisations'][org].name)} ({how}{when})"
                                  for _day, org, how, when in joined)
                out.append(Item(self.text(statement.title), self.url("statements", statement_id),
                                f"{names} — {self.view.backing(statement)}"))
        return out

    def text(self, value) -> str:
        shown = pick(value, self.lang)
        return shown.text if shown else ""

    def url(self, collection: str, record_id: str) -> str:
        return self.config.page_url(self.lang, f"{collection}/{record_id}/")


def as_markdown(build, sections: list[Section], since: date, lang: str) -> str:
    ui = ui_strings(lang)
    day = dates.long_date(since, lang)
    lines = [f"# {_md(ui['digest_title'].format(date=day))}", ""]
    if not sections:
        lines += [_md(ui["digest_nothing"].format(date=day)), ""]
    for section in sections:
        lines += [f"## {_md(section.heading)}", ""]
        for item in section.items:
            line = f"- **[{_md(item.title)}]({_md_url(item.url)})**"
            if item.new:
                line += f" *({_md(ui['digest_new'])})*"
            if item.details:
                line += f" — {_md(item.details)}"
            if item.summary:
                line += f". {_md(item.summary)}" if item.details else f" — {_md(item.summary)}"
            lines.append(line)
        lines.append("")
    home = build.config.page_url(lang)
    lines.append(f"{_md(ui['digest_more'])}: <{_md_url(home)}>")
    return "\n".join(lines) + "\n"


def as_html(build, sections: list[Section], since: date, lang: str) -> str:
    ui = ui_strings(lang)
    day = dates.long_date(since, lang)
    parts = [Markup('<div lang="{}">').format(lang), Markup("<h1>{}</h1>").format(ui["digest_title"].format(date=day))]
    if not sections:
        parts.append(Markup("<p>{}</p>").format(ui["digest_nothing"].format(date=day)))
    for section in sections:
        parts.append(Markup("<h2>{}</h2>\n<ul>").format(section.heading))
        for item in section.items:
            html = Markup('<li><strong><a href="{}">{}</a></strong>').format(item.url, item.title)
            if item.new:
                html += Markup(" <em>({})</em>").format(ui["digest_new"])
            if item.details:
                html += Markup(" — {}").format(item.details)
            if item.summary:
                html += (Markup(". {}") if item.details else Markup(" — {}")).format(item.summary)
            parts.append(html + Markup("</li>"))
        parts.append(Markup("</ul>"))
    home = build.config.page_url(lang)
    parts.append(Markup('<p>{}: <a href="{}">{}</a></p>\n</div>').format(ui["digest_more"], home, home))
    return "\n".join(str(p) for p in parts) + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _md(text: str) -> str:
    """Record text shown as written: Markdown's own characters escaped."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _md_url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")

