"""What the rest of the hub needs to know about a field, declared on the field itself.

Put in a field's `Annotated[...]`; validation, backlinks, JSON Schemas, the scaffold, the
export and feeds read them through hub/model/shapes.py, so no other table restates the model.
"""
from __future__ import annotations

from dataclasses import dataclass


class Marker:
    """Base of the markers; pydantic ignores metadata it does not know, except the schema hook."""

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        schema.update(self.json_schema())
        return schema

    def json_schema(self) -> dict:
        return {}


@dataclass(frozen=True)
class Ref(Marker):
    """The value names a record of `collection` (or a topic/series); `or_name`: a plain name is fine too."""

    collection: str
    or_name: bool = False


@dataclass(frozen=True)
class Markdown(Marker):
    """Markdown text: checked for unsafe HTML, rendered and sanitised; may live in `<id>.md`."""

    def json_schema(self) -> dict:
        return {"markdown": True}


@dataclass(frozen=True)
class Title(Marker):
    """The record's title: page heading, link text, feed and calendar title."""


@dataclass(frozen=True)
class Plain(Marker):
    """Plain text (no Markdown) of at most `limit` characters in each language."""

    limit: int

    def json_schema(self) -> dict:
        return {"maxLength": self.limit}


@dataclass(frozen=True)
class Hint(Marker):
    """How to write a value, shown beside the field in a new record; `many`: for a list of them."""

    text: str
    many: str = ""


@dataclass(frozen=True)
class Note(Marker):
    """A rule beside the field in a new record (`python -m hub new`), e.g. 'after start'."""

    text: str
