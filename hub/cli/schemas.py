"""`python -m hub schemas`: JSON Schemas for editors, generated from the content model.

The VS Code YAML extension reads them (.vscode/settings.json maps data/** to them), giving
completion and red squiggles as contributors type. They are committed; a test fails when they
differ from what model.py gives, so regenerate them after changing the model.
"""
from __future__ import annotations

import json
import os
import sys

from pydantic import TypeAdapter

from hub.model.fields import ID_PATTERN, Text
from hub.cli.new import note_for
from hub.model.records import COLLECTIONS, Site
from hub.model.shapes import field_shape

FOLDER = "schemas"
GUIDE = "CONTRIBUTING.md"
REFERENCE_START = "<!-- Generated from hub/model/records.py by `python -m hub schemas`: do not edit by hand. -->"
REFERENCE_END = "<!-- End of the generated field reference. -->"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NOTE = "Generated from hub/model/records.py by `python -m hub schemas` (make schemas); do not edit by hand."


def schemas() -> dict[str, dict]:
    """File name -> schema, for every collection and for topics, series and the site."""
    out = {}
    for collection, model in COLLECTIONS.items():
        out[f"{collection}.schema.json"] = _document(model.model_json_schema(), f"One record in data/{collection}/<id>.yml")
    vocabulary = {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                  "additionalProperties": TypeAdapter(Text).json_schema()}
    out["topics.schema.json"] = _document(dict(vocabulary), "data/topics.yml: one line per topic, `<topic-id>: text`")
    out["series.schema.json"] = _document(dict(vocabulary), "data/series.yml: one line per event series, `<series-id>: text`")
    out["site.schema.json"] = _document(Site.model_json_schema(), "data/site.yml: facts about the hub itself")
    return out


def _document(schema: dict, description: str) -> dict:
    return {"$schema": _DRAFT, "description": f"{description}. {_NOTE}", **schema}


def rendered(root: str) -> dict[str, str]:
    """Path -> the exact text written, so a test can compare with the committed files."""
    out = {f"{FOLDER}/{name}": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
           for name, schema in schemas().items()}
    guide = _read(os.path.join(root, GUIDE))
    if guide is not None and REFERENCE_START in guide and REFERENCE_END in guide:
        head, rest = guide.split(REFERENCE_START, 1)
        out[GUIDE] = f"{head}{REFERENCE_START}\n{field_reference()}{REFERENCE_END}{rest.split(REFERENCE_END, 1)[1]}"
    return out


def field_reference() -> str:
    """Every field of every collection, as the contributor guide lists them (from the same notes as `hub new`)."""
    lines = []
    for collection, model in COLLECTIONS.items():
        lines += ["", f"#### `data/{collection}/<id>.yml`", "", "| field | what it takes |", "| --- | --- |"]
        for name, info in model.model_fields.items():
            lines.append(_row(collection, name, name, info))
            shape = field_shape(info)
            nested = shape.model if shape.kind == "object" else \
                shape.item.model if shape.kind == "list" and shape.item.kind == "object" else None
            if nested is not None:
                path = name if shape.kind == "object" else f"{name}.*"
                shown = name if shape.kind == "object" else f"{name}[]"
                for sub, sub_info in nested.model_fields.items():
                    lines.append(_row(collection, f"{path}.{sub}", f"{shown}.{sub}", sub_info))
    return "\n".join(lines) + "\n\n"


def _row(collection: str, path: str, shown: str, info) -> str:
    note = note_for(collection, path, info).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return f"| `{shown}` | {'**required** · ' if info.is_required() else ''}{note} |"


def write_schemas(root: str) -> list[str]:
    """Write schemas/*.schema.json and the guide's field reference; return the files that changed."""
    os.makedirs(os.path.join(root, FOLDER), exist_ok=True)
    changed = []
    for name, text in rendered(root).items():
        path = os.path.join(root, name)
        if _read(path) != text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            changed.append(name)
    return changed


def outdated(root: str) -> list[str]:
    """Committed files that differ from what the model gives (or are missing)."""
    return [name for name, text in rendered(root).items() if _read(os.path.join(root, name)) != text]


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def register(commands) -> None:
    parser = commands.add_parser("schemas", help="write the JSON Schemas for editors and the guide's field reference",
                                 description="Write schemas/*.schema.json and CONTRIBUTING.md's field reference "
                                             "from the content model.")
    parser.add_argument("--check", action="store_true", help="only report whether the committed schemas are current")
    parser.set_defaults(run=run)


def run(args, root: str, out=None) -> int:
    out = out or sys.stdout
    if args.check:
        stale = outdated(root)
        for path in stale:
            print(f"{path}: out of date with hub/model/records.py: run `make schemas`", file=out)
        return 1 if stale else 0
    changed = write_schemas(root)
    print(f"wrote {', '.join(changed)}" if changed else "schemas/ is up to date", file=out)
    return 0

