"""Turn a submitted issue form into record data: the fields the model declares, or problems by form field.

Only the shape is worked out here (lists from commas and lines, names to ids, the form's choices to
the model's values); whether the values are valid is for the model and `check` to say, in
`hub/cli/intake.py`, which maps their messages back to the form's labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from hub.load.content import Content, suggest_id
from hub.load.issue_form import Submission

MAX_FIELD = {"input": 500, "dropdown": 200, "textarea": 20_000, "checkboxes": 2_000}
# A form is plain text: any tag (or comment, or doctype) in it is refused, whatever the field.
_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
# Invisible characters: control characters (a line break and a tab aside) and the bidirectional
# overrides that make text read differently from how it is stored.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_EMAIL = re.compile(r"[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+")
_AGENDA = re.compile(r"^(\d{1,2}[:.]\d{2})\s*(?:[-–—]\s*(\d{1,2}[:.]\d{2}))?\s+(.+)$")
_DOCUMENT = re.compile(r"^(.*?)[\s,:–—-]*\s(https?://\S+)$")


@dataclass
class Draft:
    """What a submission adds to data/, before validation."""

    collection: str
    record_id: str = ""
    data: dict = field(default_factory=dict)
    organisation: tuple[str, dict] | None = None  # (id, fields) of a new organisation
    statement: str = ""  # signing: the statement the signatory joins
    signatory: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (form field id, message)
    # Record field (first part of a problem's field path) -> the form field it came from.
    sources: dict[str, str] = field(default_factory=dict)

    def problem(self, field_id: str, message: str) -> None:
        self.problems.append((field_id, message))


COLLECTION = {"propose-event": "events", "propose-case": "cases", "propose-resource": "resources",
              "sign-statement": "statements"}


def draft(submission: Submission, content: Content, today: date) -> Draft:
    form = submission.form.name
    out = Draft(COLLECTION.get(form, ""))
    if not out.collection:
        out.problem("", f"the form '{form}' is not one the hub can take in")
        return out
    _refuse_html_and_length(submission, out)
    if out.problems:
        return out  # nothing else is read from a hostile or oversized submission
    names = _Names(content)
    _new_organisation(submission, content, names, out)
    consent = submission.values.get("consent")
    if submission.form.field("consent") and not consent:
        out.problem("consent", "the box is not ticked: the hub publishes only what may be published")
    if form == "sign-statement":
        _signature(submission, content, names, today, out)
    else:
        _record(submission, content, names, today, out)
    return out


# -- the whole submission --

def _refuse_html_and_length(submission: Submission, out: Draft) -> None:
    for form_field in submission.form.fields:
        value = submission.values.get(form_field.id)
        text = "\n".join(value) if isinstance(value, list) else value or ""
        limit = MAX_FIELD.get(form_field.kind, 500)
        if len(text) > limit:
            out.problem(form_field.id, f"too long ({len(text):,} characters; at most {limit:,})")
        elif _HTML.search(text):
            out.problem(form_field.id, "HTML or script is not accepted here: write plain text "
                                       "(links as https:// addresses)")
        elif _INVISIBLE.search(text):
            char = _INVISIBLE.search(text).group()
            out.problem(form_field.id, f"holds an invisible character (U+{ord(char):04X}), often pasted from "
                                       "another program: type the text again")


class _Names:
    """Organisations, topics and series by id or by any of their names, as contributors write them."""

    def __init__(self, content: Content):
        self.organisations = _by_name(content["organisations"], ("name", "short_name"))
        self.topics = {k.casefold(): k for k in content.topics}
        for key, text in content.topics.items():
            for name in ([text] if isinstance(text, str) else text.values()):
                self.topics.setdefault(name.casefold(), key)
        self.series = {k.casefold(): k for k in content.series}
        for key, text in content.series.items():
            for name in ([text] if isinstance(text, str) else text.values()):
                self.series.setdefault(name.casefold(), key)


def _by_name(records: dict, fields: tuple[str, ...]) -> dict[str, str]:
    out = {record_id.casefold(): record_id for record_id in records}
    for record_id, record in records.items():
        for name in fields:
            value = getattr(record, name, None)
            for text in ([value] if isinstance(value, str) else (value or {}).values()):
                out.setdefault(" ".join(text.split()).casefold(), record_id)
    return out


def _new_organisation(submission: Submission, content: Content, names: _Names, out: Draft) -> None:
    name = submission.text("new_organisation_name")
    if not name:
        for other in ("new_organisation_kind", "new_organisation_country", "new_organisation_website"):
            if submission.text(other):
                out.problem("new_organisation_name", f"needed when '{submission.form.label(other)}' is given")
                return
        return
    key = " ".join(name.split()).casefold()
    if key in names.organisations:
        out.problem("new_organisation_name", f"the hub already lists this organisation as "
                                             f"'{names.organisations[key]}': name it by that id instead")
        return
    org_id = suggest_id(name)[:60].strip("-")
    data = {"name": name, "kind": submission.text("new_organisation_kind") or "other"}
    for field_id, key_name in (("new_organisation_country", "country"), ("new_organisation_website", "website")):
        if submission.text(field_id):
            data[key_name] = submission.text(field_id)
    out.organisation = (org_id, data)
    names.organisations[org_id] = org_id
    names.organisations[key] = org_id


def _organisation(names: _Names, value: str, field_id: str, out: Draft) -> str | None:
    key = " ".join(value.split()).casefold()
    if key in names.organisations:
        return names.organisations[key]
    out.problem(field_id, f"the hub lists no organisation '{value}': give its id from data/organisations/ "
                          "(like city-of-malmo) or its name as the hub writes it, or describe it under 'New organisation'")
    return None


def _organisations(names: _Names, value: str | None, field_id: str, out: Draft) -> list[str]:
    found = [_organisation(names, item, field_id, out) for item in _items(value)]
    return list(dict.fromkeys(i for i in found if i))


def _terms(vocabulary: dict[str, str], value: str | None, field_id: str, what: str, out: Draft) -> list[str]:
    found = []
    for item in _items(value):
        key = vocabulary.get(item.casefold())
        if key is None:
            known = ", ".join(sorted(set(vocabulary.values()))[:8])
            out.problem(field_id, f"the hub has no {what} '{item}' (some it has: {known})")
        elif key not in found:
            found.append(key)
    return found


def _items(value: str | None) -> list[str]:
    """'a, b' or one a line: the items, trimmed."""
    return [item.strip() for item in re.split(r"[,;\n]", value or "") if item.strip()]


def _lines(value: str | None) -> list[str]:
    return [line.strip(" -•*\t") for line in (value or "").split("\n") if line.strip(" -•*\t")]


# -- signing --

def _signature(submission: Submission, content: Content, names: _Names, today: date, out: Draft) -> None:
    statement_id = (submission.text("statement") or "").strip().strip("/").rsplit("/", 1)[-1]
    statements = content["statements"]
    if statement_id not in statements:
        known = ", ".join(sorted(statements)) or "none yet"
        out.problem("statement", f"the hub has no statement '{statement_id}' (its statements: {known})")
        return
    statement = statements[statement_id]
    if not statement.open:
        out.problem("statement", "this statement is closed for new signatories")
    out.statement = statement_id
    org_id = _organisation(names, submission.text("organisation") or "", "organisation", out)
    if org_id is None:
        return
    already = next((s for s in statement.signatories if s.organisation == org_id), None)
    if already is not None and already.signed is not None:
        out.problem("organisation", f"'{org_id}' has already signed this statement")
    role = (submission.text("role") or "").split(":", 1)[0].strip()
    signed = submission.text("signed") or today.isoformat()
    out.signatory = {"organisation": org_id, "role": role, "signed": signed}
    out.sources = {"organisation": "organisation", "role": "role", "signed": "signed"}


# -- a new record --

def _record(submission: Submission, content: Content, names: _Names, today: date, out: Draft) -> None:
    text, data, form = submission.text, {}, submission.form
    simple = [f.id for f in form.fields if f.id in ("title", "kind", "start", "end", "timezone", "summary",
              "description", "audience", "funding", "country", "year", "procedure", "verification", "lessons",
              "published", "url")]
    for field_id in simple:
        if text(field_id) is not None:
            data[field_id] = text(field_id)
    out.sources = {name: name for name in data}
    if form.field("online"):
        how = text("online") or ""
        data["online"] = not how.startswith("In person")
        out.sources["online"] = "online"
        if not how.startswith("Online only") and text("location"):
            data["location"] = _pairs(text("location"), ("venue", "city", "country"), "location", out)
            out.sources["location"] = "location"
    for field_id, target in (("organisers", "organisers"), ("buyers", "buyers"), ("organisations", "organisations")):
        if form.field(field_id):
            data[target] = _organisations(names, text(field_id), field_id, out)
            out.sources[target] = field_id
    if form.field("topics"):
        data["topics"] = _terms(names.topics, text("topics"), "topics", "topic", out)
        out.sources["topics"] = "topics"
    if text("series"):
        found = _terms(names.series, text("series"), "series", "series", out)
        if found:
            data["series"] = found[0]
        out.sources["series"] = "series"
    if text("events"):
        data["events"] = _items(text("events"))
        out.sources["events"] = "events"
    if text("language"):
        data["language"] = [code.lower() for code in _items(text("language"))]
        out.sources["language"] = "language"
    if text("labels"):
        data["labels"] = _items(text("labels"))
        out.sources["labels"] = "labels"
    if text("criteria"):
        data["criteria"] = _lines(text("criteria"))
        out.sources["criteria"] = "criteria"
    _registration(submission, data, out)
    _speakers_and_agenda(submission, names, data, out)
    _case_details(submission, data, out)
    _contact(submission, names, data, out)
    data["added"] = today.isoformat()
    data = {k: v for k, v in data.items() if v not in ([], {}, None, "")}
    out.data = data
    out.record_id = suggest_id(text("title") or "record")[:60].strip("-") or "record"


def _pairs(value: str, keys: tuple[str, ...], field_id: str, out: Draft) -> dict:
    """Lines `key: value` (venue: City Hall), as the form's example writes them."""
    found = {}
    for line in _lines(value):
        key, sep, rest = line.partition(":")
        key = key.strip().lower().replace(" ", "_")
        if not sep or key not in keys:
            out.problem(field_id, f"expected one line each for {', '.join(keys)}, like '{keys[0]}: ...', got {line!r}")
            continue
        found[key] = rest.strip()
    return found


def _registration(submission: Submission, data: dict, out: Draft) -> None:
    url, deadline = submission.text("registration_url"), submission.text("registration_deadline")
    if deadline and not url:
        out.problem("registration_url", "needed when a registration deadline is given")
    if url:
        data["registration"] = {"url": url, **({"deadline": deadline} if deadline else {})}
        out.sources["registration.url"] = "registration_url"
        out.sources["registration.deadline"] = "registration_deadline"
        out.sources["registration"] = "registration_url"


def _speakers_and_agenda(submission: Submission, names: _Names, data: dict, out: Draft) -> None:
    speakers = []
    for line in _lines(submission.text("speakers")):
        parts = [p.strip() for p in line.split(",")]
        speaker = {"name": parts[0]}
        if len(parts) > 1 and parts[1]:
            speaker["role"] = parts[1]
        if len(parts) > 2:
            organisation = ", ".join(parts[2:])
            speaker["organisation"] = names.organisations.get(organisation.casefold(), organisation)
        speakers.append(speaker)
    if speakers:
        data["speakers"] = speakers
        out.sources["speakers"] = "speakers"
    agenda = []
    for line in _lines(submission.text("agenda")):
        match = _AGENDA.match(line)
        if not match:
            out.problem("agenda", f"expected a line like '09:00–09:45 Welcome', got {line!r}")
            continue
        item = {"start": _clock(match[1])}
        if match[2]:
            item["end"] = _clock(match[2])
        item["title"] = match[3].strip()
        agenda.append(item)
    if agenda:
        data["agenda"] = agenda
        out.sources["agenda"] = "agenda"


def _clock(text: str) -> str:
    hours, minutes = re.split(r"[:.]", text)
    return f"{int(hours):02d}:{minutes}"


def _case_details(submission: Submission, data: dict, out: Draft) -> None:
    if submission.text("contract"):
        data["contract"] = _pairs(submission.text("contract"), ("value", "currency", "devices", "duration_months"),
                                  "contract", out)
        out.sources["contract"] = "contract"
    results = []
    for line in _lines(submission.text("results")):
        label, sep, rest = line.rpartition(":")
        if not sep:
            out.problem("results", f"expected a line like 'CO2e avoided: 120 t', got {line!r}")
            continue
        value, _, unit = rest.strip().partition(" ")
        results.append({"label": label.strip(), "value": value, **({"unit": unit.strip()} if unit.strip() else {})})
    if results:
        data["results"] = results
        out.sources["results"] = "results"
    documents = []
    for line in _lines(submission.text("documents")):
        match = _DOCUMENT.match(line)
        if not match or not match[1].strip():
            out.problem("documents", f"expected a line like 'Tender documents https://...', got {line!r}")
            continue
        documents.append({"title": match[1].strip(), "url": match[2]})
    if documents:
        data["documents"] = documents
        out.sources["documents"] = "documents"


def _contact(submission: Submission, names: _Names, data: dict, out: Draft) -> None:
    contact = {}
    for field_id, key in (("contact_name", "name"), ("contact_role", "role"), ("contact_email", "email")):
        if submission.text(field_id):
            contact[key] = submission.text(field_id)
            out.sources[f"contact.{key}"] = field_id
    organisation = submission.text("contact_organisation")
    if organisation:
        contact["organisation"] = names.organisations.get(" ".join(organisation.split()).casefold(), organisation)
        out.sources["contact.organisation"] = "contact_organisation"
    if contact:
        data["contact"] = contact
        out.sources["contact"] = "contact_name"
