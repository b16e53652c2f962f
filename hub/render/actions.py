"""What a reader can do next on a record page: one primary action, and what sits beside it.

An upcoming event: register (until the deadline); a past one: watch the recording or read the
report; a statement: sign or support it; a resource: open or download it; a case: contact the
buyer. Where the record gives no link for that, the action is to ask someone, found in this
order: the record's `contact` (with an e-mail or page), its organisers' websites, the hub's own
contact, and last the page on the hub of the contact's or organisers' organisation, so that the
action always leads somewhere. Facts of data/site.yml marked as placeholders are never used.

Templates get plain values (`Actions`) and only lay them out (`templates/_actions.md`).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

# File types a link can be recognised by, and the name readers know them by.
FILE_TYPES = {"pdf": "PDF", "doc": "Word", "docx": "Word", "odt": "ODT", "xls": "Excel", "xlsx": "Excel",
              "ods": "ODS", "csv": "CSV", "ppt": "PowerPoint", "pptx": "PowerPoint", "odp": "ODP", "zip": "ZIP",
              "epub": "EPUB", "txt": "TXT", "rtf": "RTF"}
SIGN_FORM = "sign-statement.yml"


@dataclass(frozen=True)
class Action:
    kind: str  # register, recording, report, sign, open, download, contact, website, calendar, subscribe, source
    label: str  # in the reader's language
    url: str | None = None  # absolute, mailto:, or relative to the page
    note: str = ""  # the deadline, the file type and language, or who is asked

    @property
    def external(self) -> bool:
        return bool(self.url) and self.url.startswith(("https://", "http://", "mailto:", "webcal://"))


@dataclass(frozen=True)
class Actions:
    primary: Action
    # An event's registration: `closed` is shown instead of `primary` once it closes (hub.js
    # also closes it in the reader's browser); once closed at build time there is no register link.
    closed: Action | None = None
    closed_now: bool = False
    deadline: str = ""  # YYYY-MM-DD, for hub.js
    timezone: str = ""
    end: str = ""  # ISO instant the event ends, for hub.js
    secondary: tuple[Action, ...] = ()


def record_actions(view, collection: str, record_id: str) -> Actions | None:
    """The actions of one record page in the view's language (None: the page has none)."""
    if collection == "topics":
        return None
    record = view.content[collection][record_id]
    decide = {"events": _event, "statements": _statement, "resources": _resource, "cases": _case,
              "organisations": _organisation}[collection]
    return decide(view, record_id, record)


# -- per collection --

def _event(view, record_id: str, event) -> Actions | None:
    index = view.r.index
    secondary = (Action("calendar", view.t("add_to_calendar"), f"../{record_id}.ics"),
                 Action("subscribe", view.t("subscribe_calendar"), _webcal(view)), *_source(view, event))
    ask = ask_action(view, event, event.organisers, "contact_organisers")
    if index.is_past(event):
        if event.recording:
            return Actions(Action("recording", view.t("watch_recording"), event.recording.url,
                                  _minutes(view, event.recording.duration_minutes)), secondary=secondary)
        report = next((d for d in event.documents if d.kind in ("report", "summary")), None)
        if event.report:
            return Actions(Action("report", view.t("read_report"), "#report"), secondary=secondary)
        if report:
            return Actions(Action("report", view.t("read_report"), report.url, _file_note(view, report.url, [report.language] if report.language else [])),
                           secondary=secondary)
        return Actions(ask, secondary=secondary)
    registration = event.registration
    if event.status == "cancelled" or registration is None:
        return Actions(ask, secondary=secondary)
    deadline = registration.deadline
    note = view.t("register_by", date=view.date(deadline)) if deadline else ""
    closed = Action(ask.kind, ask.label, ask.url, ask.note)
    return Actions(Action("register", view.t("register"), registration.url, note), closed=closed,
                   closed_now=index.registration_closed(event), deadline=deadline.isoformat() if deadline else "",
                   timezone=event.timezone, end=view.iso_end(event), secondary=secondary)


def _statement(view, record_id: str, statement) -> Actions:
    secondary = tuple(_source(view, statement))
    if not statement.open:
        return Actions(ask_action(view, statement, _statement_organisers(view, statement), "contact"), secondary=secondary)
    if statement.join:
        return Actions(Action("sign", view.t("sign_statement"), statement.join), secondary=secondary)
    form = sign_form_url(view.r.site.repository, record_id, view.plain(statement.title))
    if form:
        return Actions(Action("sign", view.t("sign_statement"), form, view.t("sign_form_note")), secondary=secondary)
    return Actions(ask_action(view, statement, _statement_organisers(view, statement), "ask_to_sign"), secondary=secondary)


def _resource(view, record_id: str, resource) -> Actions:
    secondary = tuple(_source(view, resource))
    if resource.url:
        kind = "download" if file_type(resource.url) else "open"
        label = view.t("download_resource") if kind == "download" else view.t("open_resource")
        return Actions(Action(kind, label, resource.url, _file_note(view, resource.url, resource.language)),
                       secondary=secondary)
    return Actions(ask_action(view, resource, resource.organisations, "ask_for_resource"), secondary=secondary)


def _case(view, record_id: str, case) -> Actions:
    return Actions(ask_action(view, case, case.buyers, "contact_buyer"), secondary=tuple(_source(view, case)))


def _organisation(view, record_id: str, organisation) -> Actions | None:
    if not organisation.website:
        return None
    return Actions(Action("website", view.t("visit_website"), organisation.website, _host(organisation.website)),
                   secondary=tuple(_source(view, organisation)))


# -- asking someone --

def ask_action(view, record, organisers: list[str], label_key: str) -> Action:
    """Ask the record's contact, else its organisers, else the hub; never a dead end while one is known."""
    label = view.t(label_key)
    contact = record.contact
    who = contact_note(view, contact)
    organisations = view.content["organisations"]
    if contact and contact.email:
        return Action("contact", label, f"mailto:{contact.email}", who)
    if contact and contact.url:
        return Action("contact", label, contact.url, who)
    named = [contact.organisation] if contact and contact.organisation in organisations else []
    named += [o for o in organisers if o in organisations and o not in named]
    for org_id in named:
        website = organisations[org_id].website
        if website:
            return Action("contact", label, website, who or view.plain(organisations[org_id].name))
    site = view.r.site
    if site.contact:
        return Action("contact", label, f"mailto:{site.contact}", who or view.plain(site.name))
    if named:
        # Nobody's address is known: the organisation's page on the hub says who they are and what they did.
        return Action("contact", label, view.link("organisations", named[0]),
                      who or view.plain(organisations[named[0]].name))
    return Action("contact", label, None, who)


def contact_note(view, contact) -> str:
    """'Josefine Hintz, Project officer, ICLEI Europe · josefine@example.org', from what is known."""
    if contact is None:
        return ""
    organisation = contact.organisation
    if organisation in view.content["organisations"]:
        organisation = view.plain(view.content["organisations"][organisation].name)
    who = ", ".join(p for p in (contact.name, view.plain(contact.role) if contact.role else "", organisation) if p)
    return " · ".join(p for p in (who, contact.email or "") if p)


def _statement_organisers(view, statement) -> list[str]:
    """Who to ask about a statement: its contact's organisation, then those who coordinate or hold its events."""
    events = view.content["events"]
    coordinating = [s.organisation for s in statement.signatories if s.role == "coordinating"]
    held = [o for e in statement.events if e in events for o in events[e].organisers]
    procuring = [s.organisation for s in statement.signatories if s.role != "supporting"]
    return list(dict.fromkeys(coordinating + held + procuring))


# -- links --

def sign_form_url(repository: str | None, statement_id: str, title: str) -> str | None:
    """The GitHub issue form for signing, with this statement already chosen (None off GitHub)."""
    if not repository or urlsplit(repository).hostname != "github.com":
        return None
    query = urlencode({"template": SIGN_FORM, "statement": statement_id, "title": f"Sign: {title}"})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def propose_event_url(repository: str | None) -> str | None:
    if not repository or urlsplit(repository).hostname != "github.com":
        return None
    return f"{repository.rstrip('/')}/issues/new?{urlencode({'template': 'propose-event.yml'})}"


def file_type(url: str) -> str:
    """'PDF' for a link to a .pdf file; '' when the address does not say."""
    name = posixpath.basename(urlsplit(url).path)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return FILE_TYPES.get(extension, "")


def _file_note(view, url: str, languages) -> str:
    return ", ".join(p for p in (file_type(url), view.languages(languages) if languages else "") if p)


def _minutes(view, minutes) -> str:
    return view.t("minutes", count=minutes) if minutes else ""


def _webcal(view) -> str:
    return "webcal://" + view.r.config.page_url(view.lang, "calendar.ics").split("://", 1)[1]


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _source(view, record):
    if record.source:
        yield Action("source", view.t("source"), record.source, _host(record.source))
