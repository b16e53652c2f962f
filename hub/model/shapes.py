"""What each field of the content model holds, read from the model classes themselves.

The scaffold (`python -m hub new`), the translation status and the language check walk
records with these, so a field added to model.py is picked up everywhere without retyping.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import PlainValidator

from hub.model.fields import _text_or_translations
from hub.model.markers import Markdown, Marker, Plain, Ref, Title


@dataclass(frozen=True)
class Shape:
    kind: str  # "text" (text or translations), "list", "object", "choice", "value" or "any"
    item: "Shape | None" = None  # what a list holds
    model: type | None = None  # the class of an object
    choices: tuple = ()  # the values a choice allows
    validator: str = ""  # a plain value's validator in fields.py, e.g. "_date"
    markers: tuple = ()  # the field's Marker objects (hub/model/markers.py)

    def marker(self, kind: type[Marker]) -> Marker | None:
        """This field's marker of that kind, on the field itself or on what its list holds."""
        for found in self.markers + (self.item.markers if self.item else ()):
            if isinstance(found, kind):
                return found
        return None


TEXT = Shape("text")


def field_shape(info: FieldInfo) -> Shape:
    """The shape of one model field (pydantic keeps a field's own Annotated metadata apart)."""
    tp = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return shape_of(tp)


def shape_of(tp) -> Shape:
    markers: list = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(tp)
            markers += [m for m in metadata if isinstance(m, Marker)]
            plain = next((m for m in metadata if isinstance(m, PlainValidator)), None)
            if plain is not None:
                kind = "text" if plain.func is _text_or_translations else "value"
                return Shape(kind, validator=plain.func.__name__ if kind == "value" else "", markers=tuple(markers))
            tp = base
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        elif origin is list:
            return Shape("list", item=shape_of(typing.get_args(tp)[0]), markers=tuple(markers))
        elif origin is typing.Literal:
            return Shape("choice", choices=typing.get_args(tp), markers=tuple(markers))
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            return Shape("object", model=tp, markers=tuple(markers))
        else:
            return Shape("any", markers=tuple(markers))


def texts(shape: Shape, data, loc: tuple = ()):
    """Yield (loc, value) for every text in `data` (as read, or a validated model) of this shape."""
    if data is None:
        return
    if shape.kind == "text":
        yield loc, data
    elif shape.kind == "list" and isinstance(data, (list, tuple)):
        for i, item in enumerate(data):
            yield from texts(shape.item, item, loc + (i,))
    elif shape.kind == "object" and isinstance(data, (dict, BaseModel)):
        for name, field in fields_of(shape.model):
            value = data.get(name) if isinstance(data, dict) else getattr(data, name, None)
            yield from texts(field, value, loc + (name,))


@lru_cache(maxsize=None)
def fields_of(model: type[BaseModel]) -> tuple[tuple[str, Shape], ...]:
    """(name, shape) of every field of a model, worked out once."""
    return tuple((name, field_shape(info)) for name, info in model.model_fields.items())


def model_shape(model: type[BaseModel]) -> Shape:
    return Shape("object", model=model)


# ---- what the markers declare, gathered once per model ----

@lru_cache(maxsize=None)
def references(model: type[BaseModel]) -> dict[str, Ref]:
    """Field path (`*` for each list item, e.g. `speakers.*.organisation`) -> what it names."""
    found: dict[str, Ref] = {}

    def walk(shape: Shape, path: str):
        ref = shape.marker(Ref)
        if ref is not None:
            found[path] = ref
        if shape.kind == "object":
            for name, field in fields_of(shape.model):
                walk(field, f"{path}.{name}" if path else name)
        elif shape.kind == "list" and shape.item.kind == "object":
            walk(shape.item, f"{path}.*")

    walk(model_shape(model), "")
    return found


@lru_cache(maxsize=None)
def markdown_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The record's own Markdown fields (those that may also live in `<id>.md`)."""
    return tuple(name for name, shape in fields_of(model) if shape.marker(Markdown))


@lru_cache(maxsize=None)
def title_field(model: type[BaseModel]) -> str:
    titles = [name for name, shape in fields_of(model) if shape.marker(Title)]
    if len(titles) != 1:
        raise TypeError(f"{model.__name__} must mark exactly one field as its Title(), found {titles}")
    return titles[0]


@lru_cache(maxsize=None)
def plain_limits(model: type[BaseModel]) -> dict[str, int]:
    """Top-level plain-text fields with their limit in characters."""
    return {name: shape.marker(Plain).limit for name, shape in fields_of(model) if shape.marker(Plain)}
