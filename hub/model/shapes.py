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


@dataclass(frozen=True)
class Shape:
    kind: str  # "text" (text or translations), "list", "object", "choice", "value" or "any"
    item: "Shape | None" = None  # what a list holds
    model: type | None = None  # the class of an object
    choices: tuple = ()  # the values a choice allows
    validator: str = ""  # a plain value's validator in fields.py, e.g. "_date"


TEXT = Shape("text")


def field_shape(info: FieldInfo) -> Shape:
    """The shape of one model field (pydantic keeps a field's own Annotated metadata apart)."""
    tp = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return shape_of(tp)


def shape_of(tp) -> Shape:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(tp)
            plain = next((m for m in metadata if isinstance(m, PlainValidator)), None)
            if plain is not None:
                return TEXT if plain.func is _text_or_translations else Shape("value", validator=plain.func.__name__)
            tp = base
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        elif origin is list:
            return Shape("list", item=shape_of(typing.get_args(tp)[0]))
        elif origin is typing.Literal:
            return Shape("choice", choices=typing.get_args(tp))
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            return Shape("object", model=tp)
        else:
            return Shape("any")


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
