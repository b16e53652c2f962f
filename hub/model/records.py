"""The content model: the one declaration of every collection and field.

Validation, the JSON Schemas for editors (`python -m hub schemas`) and the field lists in
`python -m hub new` all come from these classes. `../CONTENT-MODEL.md` is the contract.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from hub.model.fields import (Bool, Clock, Country, Currency, Date, DateTime, Email, Id, Language,
                     NumberOrText, PartialDate, PlainText, Text, TimeZone, Url, Year, _url, amount, as_list, count,
                     fail, ids)
from hub.model.markers import Markdown, Note, Plain, Ref, Title
from pydantic_core import PydanticCustomError


def _list(item):
    return Annotated[list[item], BeforeValidator(as_list)]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt `tittle:` must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


_ORGANISATION_OR_NAME = Ref("organisations", or_name=True)


class Contact(Strict):
    name: Optional[PlainText] = None
    role: Optional[Text] = None
    email: Optional[Email] = None
    url: Optional[Url] = Field(None, description="A page where the contact can be reached.")
    organisation: Annotated[Optional[PlainText], _ORGANISATION_OR_NAME] = Field(None, description="An organisation id, or a name.")


class Record(Strict):
    singular: ClassVar[str]  # "event": in messages and in `python -m hub new event <id>`
    example: ClassVar[str]  # an id shown where a field names a record of this collection
    in_feeds: ClassVar[bool] = True  # listed in the news feeds, the digest and "newest"

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
    organisation: Annotated[Optional[PlainText], _ORGANISATION_OR_NAME] = Field(None, description="An organisation id, or a name.")


class AgendaItem(Strict):
    start: Optional[Clock] = None
    end: Optional[Clock] = None
    title: Text
    speakers: _list(PlainText) = []


class Recording(Strict):
    url: Url
    published: Optional[Date] = None
    duration_minutes: Optional[count(100_000)] = None
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
        if value is not True:
            try:
                _url(value)  # the same strict address as every url field
            except PydanticCustomError as err:
                raise fail(f"captions: {err.message()}") from None
    return data


class Document(Strict):
    title: Text
    url: Url
    kind: Optional[Literal["slides", "report", "summary", "statement", "other"]] = None
    language: Optional[Language] = None


class Contract(Strict):
    value: Optional[amount(10**13)] = None
    currency: Optional[Currency] = None
    devices: Optional[count(10_000_000)] = None
    duration_months: Optional[count(1_200)] = None


class Result(Strict):
    label: Text
    value: Optional[NumberOrText] = None
    unit: Optional[PlainText] = None


class Signatory(Strict):
    organisation: Annotated[Id, Ref("organisations")]
    signed: Optional[Date] = None
    # Announcements date commitments loosely ("in April"): a month or a year is enough.
    committed: Optional[PartialDate] = Field(None, description="When the organisation committed to join, before it signed.")
    role: Optional[Literal["procuring", "coordinating", "supporting"]] = None


# ---- the collections ----

class Organisation(Record):
    singular: ClassVar[str] = "organisation"
    example: ClassVar[str] = "city-of-malmo"
    in_feeds: ClassVar[bool] = False

    name: Annotated[Text, Title()]
    short_name: Optional[PlainText] = None
    kind: Literal["public-buyer", "network", "ngo", "government", "research", "supplier", "other"]
    country: Optional[Country] = None
    website: Optional[Url] = None
    description: Annotated[Optional[Text], Markdown()] = None


class Event(Record):
    singular: ClassVar[str] = "event"
    example: ClassVar[str] = "nordic-market-dialogue"

    title: Annotated[Text, Title()]
    kind: Literal["webinar", "workshop", "market-dialogue", "conference", "launch", "meeting", "training"]
    start: DateTime
    end: Annotated[DateTime, Note("after start")]
    timezone: TimeZone
    status: Literal["scheduled", "cancelled", "postponed"] = "scheduled"
    online: Bool = False
    location: Annotated[Optional[Location], Note("required unless `online: true`")] = None
    summary: Annotated[Text, Plain(500)]
    description: Annotated[Optional[Text], Markdown()] = None
    organisers: Annotated[ids(1), Ref("organisations")]
    topics: Annotated[_list(Id), Ref("topics")] = []
    language: _list(Language) = ["en"]
    registration: Optional[Registration] = None
    speakers: list[Speaker] = []
    agenda: list[AgendaItem] = []
    audience: Optional[Text] = None
    recording: Optional[Recording] = None
    report: Annotated[Optional[Text], Markdown()] = None
    documents: list[Document] = []
    series: Annotated[Optional[Id], Ref("series")] = None
    funding: Optional[Text] = None
    added: Date


class Case(Record):
    singular: ClassVar[str] = "case"
    example: ClassVar[str] = "dutch-learning-network"

    title: Annotated[Text, Title()]
    summary: Text
    buyers: Annotated[ids(1), Ref("organisations")]
    country: Country
    year: Year
    topics: Annotated[ids(1), Ref("topics")]
    description: Annotated[Optional[Text], Markdown()] = None
    procedure: Optional[Text] = None
    criteria: _list(Text) = []
    labels: _list(PlainText) = []
    verification: Optional[Text] = None
    contract: Optional[Contract] = None
    results: list[Result] = []
    lessons: Annotated[Optional[Text], Markdown()] = None
    documents: list[Document] = []
    events: Annotated[_list(Id), Ref("events")] = []
    added: Date


class Statement(Record):
    singular: ClassVar[str] = "statement"
    example: ClassVar[str] = "joint-statement"

    title: Annotated[Text, Title()]
    date: Date
    summary: Text
    commitments: _list(Text) = []
    commitments_total: Optional[count(10_000)] = Field(None, description="How many commitments the statement has, when `commitments` quotes only some.")
    signatories: list[Signatory] = []
    open: Bool = False
    join: Optional[Url] = None
    topics: Annotated[_list(Id), Ref("topics")] = []
    documents: list[Document] = []
    events: Annotated[_list(Id), Ref("events")] = []
    description: Annotated[Optional[Text], Markdown()] = None
    added: Date


class Resource(Record):
    singular: ClassVar[str] = "resource"
    example: ClassVar[str] = "learning-network-summary"

    title: Annotated[Text, Title()]
    kind: Literal["report", "guidance", "criteria", "recording", "toolkit", "article"]
    published: PartialDate
    url: Optional[Url] = None
    summary: Text
    language: _list(Language) = []
    topics: Annotated[_list(Id), Ref("topics")] = []
    organisations: Annotated[_list(Id), Ref("organisations")] = []
    events: Annotated[_list(Id), Ref("events")] = []
    captions: Optional[Any] = Field(None, description="For recordings: URL of a WebVTT file, or true.")
    description: Annotated[Optional[Text], Markdown()] = None
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



@dataclass(frozen=True)
class Vocabulary:
    """A file of `<id>: text` lines that records name (topics, series)."""

    singular: str
    key: str  # the text's name in the JSON export: {"id", "<key>", ...}
    example: str


VOCABULARIES: dict[str, Vocabulary] = {
    "topics": Vocabulary("topic", "name", "smartphones"),
    "series": Vocabulary("series", "title", "meet-the-market"),
}


def singular(collection: str) -> str:
    """'organisations' -> 'organisation', for collections and vocabularies alike."""
    model = COLLECTIONS.get(collection)
    return model.singular if model else VOCABULARIES[collection].singular


def example_id(collection: str) -> str:
    model = COLLECTIONS.get(collection)
    return model.example if model else VOCABULARIES[collection].example
