"""Turn pydantic's validation errors into contributor messages with file, line and field."""
from __future__ import annotations

import difflib
import re
import types
import typing

from pydantic import BaseModel, ValidationError

from hub.model.errors import Problem, field_name, shown
from hub.load.yamlfile import Document


def from_validation(doc: Document, model: type[BaseModel], err: ValidationError, base: tuple = ()) -> list[Problem]:
    problems = []
    for e in err.errors(include_url=False):
        loc = base + tuple(e["loc"])
        kind = e["type"]
        if kind == "extra_forbidden":
            known = known_fields(model, tuple(e["loc"])[:-1])
            name = str(loc[-1])
            if name == "id" and len(e["loc"]) == 1:
                record_id = doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                message = f"records have no id field: the file name is the id ({record_id}); remove this line"
            else:
                message = "unknown field" + suggestion(name, known)
        elif kind == "missing":
            message = "required field is missing"
        elif kind == "literal_error":
            expected = e["ctx"]["expected"]
            near = suggestion(str(e["input"]), re.findall(r"'([^']*)'", expected), listing=False)
            message = f"expected one of {expected}, got {shown(e['input'])}{near}"
        elif kind in ("list_type", "tuple_type"):
            message = f"expected a list (lines starting with '- '), got {shown(e['input'])}"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            message = f"expected a group of fields (key: value), got {shown(e['input'])}"
        elif kind == "hub":
            message = e["msg"]
            # A check on a whole object names its field first ("captions: ..."): report it there.
            named = re.match(r"([a-z_]+): (.*)", message, re.S)
            if named and named[1] in known_fields(model, tuple(e["loc"])) and isinstance(e["input"], dict):
                loc, message = loc + (named[1],), named[2]
        else:
            message = f"{e['msg'][0].lower()}{e['msg'][1:]}, got {shown(e['input'])}"
        if e.get("input", "") is None and kind != "hub":
            message = message.replace("got None", "got nothing")
        problems.append(Problem(doc.path, doc.line_of(loc), field_name(loc), message))
    return problems


def suggestion(name: str, known: list[str], listing: bool = True) -> str:
    """"; did you mean 'x'?" for a near miss, else (with `listing`) the names there are."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if not close:
        lowered = {k.lower(): k for k in known}
        close = [lowered[name.lower()]] if name.lower() in lowered else []
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; known fields: {', '.join(known)}" if known and listing else ""


def known_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the object at `loc` inside `model`, following lists and optionals."""
    current: object = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(tp):
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp
