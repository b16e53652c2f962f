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
from hub.model.records import COLLECTIONS, Site

FOLDER = "schemas"
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


def rendered() -> dict[str, str]:
    """File name -> the exact text written, so a test can compare with the committed files."""
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in schemas().items()}


def write_schemas(root: str) -> list[str]:
    """Write schemas/*.schema.json; return the files that changed."""
    folder = os.path.join(root, FOLDER)
    os.makedirs(folder, exist_ok=True)
    changed = []
    for name, text in rendered().items():
        path = os.path.join(folder, name)
        if _read(path) != text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            changed.append(f"{FOLDER}/{name}")
    return changed


def outdated(root: str) -> list[str]:
    """Committed schema files that differ from the model's (or are missing)."""
    return [f"{FOLDER}/{name}" for name, text in rendered().items() if _read(os.path.join(root, FOLDER, name)) != text]


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def register(commands) -> None:
    parser = commands.add_parser("schemas", help="write the JSON Schemas for editors into schemas/",
                                 description="Write schemas/*.schema.json from the content model.")
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

