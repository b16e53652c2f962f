"""The content model: the one declaration of every collection and field.

Validation, the JSON Schemas for editors (`python -m hub schemas`) and the field lists in
`python -m hub new` all come from these classes. `../CONTENT-MODEL.md` is the contract.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from hub.model.fields import (Bool, Clock, Country, Currency, Date, DateTime, Email, Id, Int, Language, Number,
                     NumberOrText, PartialDate, PlainText, Text, TimeZone, Url, as_list, fail, ids)


def _list(item):
    return Annotated[list[item], BeforeValidator(as_list)]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt `tittle:` must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Contact(Strict):
    name: Optional[PlainText] = None
    role: Optional[Text] = None
    email: Optional[Email] = None
    url: Optional[Url] = Field(None, description="A page where the contact can be reached.")
    organisation: Optional[PlainText] = Field(None, description="An organisation id, or a name.")


class Record(Strict):
    aliases: _list(Id) = Field([], description="Former ids of this record; their old URLs redirect here.")
    source: Optional[Url] = Field(None, description="The original announcement or page this record was written from.")
    contact: Optional[Contact] = Field(None, description="Who to ask; shown as the action where there is no link for it.")
    updated: Optional[Date] = Field(None, description="The day the record last changed in substance, when git history "
                                    "cannot tell (calendars' LAST-MODIFIED, feeds' updated).")


# ---- nested objects: only the fields that identify them are required ----

class Location(Strict):
    venue: Optional[Text] = None
    city: Optional[Text] = None
    country: Optional[Country] = None


class Registration(Strict):
    url: Url = Field(description="Where to register.")
    deadline: Optional[Date] = Field(None, description="Last day to register; shown as closed after it.")


class Speaker(Strict):
    name: PlainText
    role: Optional[Text] = None
    organisation: Optional[PlainText] = Field(None, description="An organisation id, or a name.")


class AgendaItem(Strict):
    start: Optional[Clock] = None
    end: Optional[Clock] = None
    title: Text
    speakers: _list(PlainText) = []


class Recording(Strict):
    url: Url
    published: Optional[Date] = None
    duration_minutes: Optional[Int] = None
    captions: Optional[Any] = Field(None, description="URL of a WebVTT file, or true when the player has captions.")

    @model_validator(mode="before")
    @classmethod
    def _captions(cls, data):
        return _check_captions(data)


def _check_captions(data):
    if isinstance(data, dict) and "captions" in data and data["captions"] is not None:
        value = data["captions"]
        if value is not True and not (isinstance(value, str) and value.startswith(("https://", "http://"))):
            raise fail("captions: expected true or the https:// address of a WebVTT file", value)
    return data


class Document(Strict):
    title: Text
    url: Url
    kind: Optional[Literal["slides", "report", "summary", "statement", "other"]] = None
    language: Optional[Language] = None


class Contract(Strict):
    value: Optional[Number] = None
    currency: Optional[Currency] = None
    devices: Optional[Int] = None
    duration_months: Optional[Int] = None


class Result(Strict):
    label: Text
    value: Optional[NumberOrText] = None
    unit: Optional[PlainText] = None


class Signatory(Strict):
    organisation: Id
    signed: Optional[Date] = None
    committed: Optional[Date] = Field(None, description="When the organisation committed to join, before it signed.")
    role: Optional[Literal["procuring", "coordinating", "supporting"]] = None


# ---- the collections ----

class Organisation(Record):
    name: Text
    short_name: Optional[PlainText] = None
    kind: Literal["public-buyer", "network", "ngo", "government", "research", "supplier", "other"]
    country: Optional[Country] = None
    website: Optional[Url] = None
    description: Optional[Text] = Field(None, json_schema_extra={"markdown": True})


class Event(Record):
    title: Text
    kind: Literal["webinar", "workshop", "market-dialogue", "conference", "launch", "meeting", "training"]
    start: DateTime
    end: DateTime
    timezone: TimeZone
    status: Literal["scheduled", "cancelled", "postponed"] = "scheduled"
    online: Bool = False
    location: Optional[Location] = None
    summary: Annotated[Text, Field(json_schema_extra={"maxLength": 500})]
    description: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    organisers: ids(1)
    topics: _list(Id) = []
    language: _list(Language) = ["en"]
    registration: Optional[Registration] = None
    speakers: list[Speaker] = []
    agenda: list[AgendaItem] = []
    audience: Optional[Text] = None
    recording: Optional[Recording] = None
    report: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    documents: list[Document] = []
    series: Optional[Id] = None
    funding: Optional[Text] = None
    added: Date


class Case(Record):
    title: Text
    summary: Text
    buyers: ids(1)
    country: Country
    year: Int
    topics: ids(1)
    description: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    procedure: Optional[Text] = None
    criteria: _list(Text) = []
    labels: _list(PlainText) = []
    verification: Optional[Text] = None
    contract: Optional[Contract] = None
    results: list[Result] = []
    lessons: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    documents: list[Document] = []
    events: _list(Id) = []
    added: Date


class Statement(Record):
    title: Text
    date: Date
    summary: Text
    commitments: _list(Text) = []
    commitments_total: Optional[Int] = Field(None, description="How many commitments the statement has, when `commitments` quotes only some.")
    signatories: list[Signatory] = []
    open: Bool = False
    join: Optional[Url] = None
    topics: _list(Id) = []
    documents: list[Document] = []
    events: _list(Id) = []
    description: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    added: Date


class Resource(Record):
    title: Text
    kind: Literal["report", "guidance", "criteria", "recording", "toolkit", "article"]
    published: PartialDate
    url: Optional[Url] = None
    summary: Text
    language: _list(Language) = []
    topics: _list(Id) = []
    organisations: _list(Id) = []
    events: _list(Id) = []
    captions: Optional[Any] = Field(None, description="For recordings: URL of a WebVTT file, or true.")
    description: Optional[Text] = Field(None, json_schema_extra={"markdown": True})
    added: Date

    @model_validator(mode="before")
    @classmethod
    def _captions(cls, data):
        return _check_captions(data)


class Enforcement(Strict):
    name: Text
    url: Url


class Accessibility(Strict):
    contact: Optional[Email] = None
    enforcement: Optional[Enforcement] = None
    reviewed: Optional[Date] = None


class Site(Strict):
    name: Text
    tagline: Optional[Text] = None
    contact: Optional[Email] = None
    funding: Optional[Text] = None
    repository: Optional[Url] = None
    accessibility: Optional[Accessibility] = None
    privacy: Optional[Text] = None


# Collections with one file per record, in the order listings and exports use.
COLLECTIONS: dict[str, type[Record]] = {
    "organisations": Organisation,
    "events": Event,
    "cases": Case,
    "statements": Statement,
    "resources": Resource,
}

# Fields that hold Markdown: checked for unsafe HTML, rendered and sanitised.
MARKDOWN_FIELDS = ("description", "report", "lessons")

# Where a record names another: field path (`*` for each list item) -> collection it names.
REFERENCES: dict[str, dict[str, str]] = {
    "events": {"organisers": "organisations", "topics": "topics", "series": "series",
               "speakers.*.organisation": "organisations?", "contact.organisation": "organisations?"},
    "cases": {"buyers": "organisations", "topics": "topics", "events": "events",
              "contact.organisation": "organisations?"},
    "statements": {"signatories.*.organisation": "organisations", "topics": "topics", "events": "events",
                   "contact.organisation": "organisations?"},
    "resources": {"topics": "topics", "organisations": "organisations", "events": "events",
                  "contact.organisation": "organisations?"},
    "organisations": {"contact.organisation": "organisations?"},
}
# A trailing `?` marks a field that may also hold a plain name: it links when it names a record.
