"""`python -m hub new <collection> <id>`: write a new record with every field of the model.

Required fields are left empty, so `make check` fails until they are filled in; the optional
ones are commented out with a note on what they take. All of it is read from model.py.
"""
from __future__ import annotations

import os
import re
import sys
from datetime import date

from hub.model.fields import ID_PATTERN
from hub.load.content import suggest_id
from hub.model.markers import Hint, Markdown, Note, Plain, Ref
from hub.model.records import COLLECTIONS, example_id, singular
from hub.load.problems import suggestion
from hub.model.shapes import Shape, field_shape

SINGULAR = {model.singular: collection for collection, model in COLLECTIONS.items()}  # "event" -> "events"
_COLUMN = 32  # where the notes start, so they line up
_TEXT_LIST_HINT = "a list, one item per '- ' line"


def new_record(root: str, collection: str, record_id: str, today: date | None = None) -> str:
    """Write data/<collection>/<id>.yml; return its path relative to root. ValueError says what is wrong."""
    collection = SINGULAR.get(collection, collection)
    if collection not in COLLECTIONS:
        known = list(SINGULAR) + list(COLLECTIONS)
        raise ValueError(f"unknown collection '{collection}'{suggestion(collection, known, listing=False)} "
                         f"(one of {', '.join(SINGULAR)})")
    if not re.fullmatch(ID_PATTERN, record_id):
        raise ValueError(f"'{record_id}' is not a valid id: use lower-case letters, digits and single hyphens, "
                         f"like {suggest_id(record_id)}")
    rel = f"data/{collection}/{record_id}.yml"
    folder = os.path.join(root, "data", collection)
    for name in (f"{record_id}.yml", f"{record_id}.yaml", f"{record_id}.md"):
        if os.path.exists(os.path.join(folder, name)):
            raise ValueError(f"data/{collection}/{name} already exists: choose another id, or edit that file")
    owner = _alias_owner(folder, record_id)
    if owner:
        raise ValueError(f"'{record_id}' is a former id of data/{collection}/{owner} (in its aliases): choose another id")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(root, rel), "x", encoding="utf-8") as handle:
        handle.write(record_text(collection, record_id, today or date.today()))
    return rel


def record_text(collection: str, record_id: str, today: date) -> str:
    """The YAML of a new record: required fields empty, optional ones commented out."""
    lines = [f"# A new {singular(collection)}; its page will be /{collection}/{record_id}/.",
             "# Fill in the fields that are not commented out: they are required. To use another field,",
             "# delete the '# ' in front of it. Delete what you do not need. Then run `make check`.",
             "# The contributor guide, CONTRIBUTING.md, has a full example."]
    model = COLLECTIONS[collection]
    for name, info in model.model_fields.items():
        note = note_for(collection, name, info)
        if name == "added":
            lines.append(_line(f"added: {today.isoformat()}", "the day the record was added to the hub"))
        elif info.is_required():
            empty = " []" if field_shape(info).kind == "list" else ""
            lines.append(_line(f"{name}:{empty}", "required · " + note))
        else:
            lines.extend(_optional(collection, name, field_shape(info), note, info.default))
    return "\n".join(lines) + "\n"


def _optional(collection: str, name: str, shape: Shape, note: str, default) -> list[str]:
    if shape.kind == "object":
        return [_line(f"# {name}:", note)] + _fields(collection, name, shape.model, "#   ")
    if shape.kind == "list" and shape.item.kind == "object":
        return [_line(f"# {name}:", note)] + _fields(collection, f"{name}.*", shape.item.model, "#   - ", "#     ")
    shown = "" if default in (None, [], "") else " " + _yaml_value(default)
    return [_line(f"# {name}:{shown}", note)]


def _fields(collection: str, path: str, model, first: str, rest: str | None = None) -> list[str]:
    lines = []
    for i, (name, info) in enumerate(model.model_fields.items()):
        prefix = first if i == 0 or rest is None else rest
        note = note_for(collection, f"{path}.{name}", info)
        lines.append(_line(f"{prefix}{name}:", ("required · " if info.is_required() else "") + note))
    return lines


def note_for(collection: str, path: str, info) -> str:
    """What a field takes, from its type and markers in the model (and its description, where it has one)."""
    name = path.rsplit(".", 1)[-1]
    shape = field_shape(info)
    description = info.description
    ref, hint = shape.marker(Ref), shape.marker(Hint)
    if ref:
        one, example = singular(ref.collection), example_id(ref.collection)
        article = "an" if one[0] in "aeiou" else "a"
        if ref.or_name:
            text = f"{article} {one} id like {example}, or a name"
            description = None  # the model's description says the same
        elif shape.kind == "list":
            text = f"{one} ids, like [{example}]"
        else:
            text = f"{article} {one} id like {example}"
    elif shape.marker(Markdown):
        text = "Markdown text" + (", or write it in a file <id>.md beside this one" if name == "description" else "")
    elif shape.kind == "choice":
        text = "one of " + ", ".join(map(str, shape.choices))
    elif shape.kind == "list":
        item_hint = shape.item.marker(Hint)
        text = ("a list, each item starting with '- '" if shape.item.kind == "object"
                else item_hint.many if item_hint and item_hint.many else _TEXT_LIST_HINT)
    elif shape.kind in ("text", "value"):
        text = hint.text if hint else "a value"
    else:
        text = ""
    plain, note = shape.marker(Plain), shape.marker(Note)
    extra = [t for t in (plain and f"at most {plain.limit} characters, plain text", note and note.text, description) if t]
    return " · ".join([t for t in [text] if t] + extra)


def _line(code: str, note: str) -> str:
    return f"{code.ljust(_COLUMN - 1)} # {note}" if note else code


def _yaml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _alias_owner(folder: str, record_id: str) -> str | None:
    """The file whose `aliases` hold `record_id`: a new record must not take over an old URL."""
    from hub.load.yamlfile import YamlProblem, read_yaml
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yml"):
            continue
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                data = read_yaml(name, handle.read()).data
        except (YamlProblem, OSError):
            continue
        aliases = data.get("aliases") if isinstance(data, dict) else None
        if record_id == aliases or isinstance(aliases, list) and record_id in aliases:
            return name
    return None


def register(commands) -> None:
    parser = commands.add_parser("new", help="write a new record with every field, ready to fill in",
                                 description="Write data/<collection>/<id>.yml with every field of the model.")
    parser.add_argument("collection", help="event, case, statement, resource or organisation")
    parser.add_argument("id", help="the new record's id, e.g. nordic-market-dialogue-2021")
    parser.set_defaults(run=run)


def run(args, root: str, out=None) -> int:
    out = out or sys.stdout
    try:
        rel = new_record(root, args.collection, args.id)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr if out is sys.stdout else out)
        return 1
    print(f"wrote {rel}: fill in the required fields, then run `make check`", file=out)
    return 0

