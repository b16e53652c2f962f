"""The JSON export: `api/<collection>.json` for every collection and `api/index.json`, at the root only.

Each record is an object with `id` and the model's field names, values as a contributor writes
them (dates `2021-06-14`, datetimes `2021-06-14T16:00` wall-clock in the record's `timezone`),
except that every text is `{lang: text}` for the languages it has, so readers need no fallback rule.
Derived fields help sites that embed lists: `page` ({lang: absolute URL of the record's page}),
for events `start_utc`/`end_utc`, for statements `counts` (signatories, supporters, committed). Fields without a value are left out.
"""
from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone

from pydantic import BaseModel

from hub.index.signatories import standing
from hub.model.instants import utc
from hub.model.records import COLLECTIONS, VOCABULARIES
from hub.model.shapes import Shape, field_shape

# The vocabularies: which key their one text goes under.


def write(build, site_dir: str) -> None:
    folder = os.path.join(site_dir, "api")
    os.makedirs(folder, exist_ok=True)
    exported = collections(build)
    for name, items in exported.items():
        _save(os.path.join(folder, f"{name}.json"), items)
    _save(os.path.join(folder, "index.json"), index(build, exported))


def collections(build) -> dict[str, list[dict]]:
    """Every collection as the list written to api/<name>.json."""
    content, config = build.content, build.config
    out: dict[str, list[dict]] = {}
    for name in COLLECTIONS:
        out[name] = [record_json(build, name, record_id) for record_id in sorted(content[name])]
    for name, vocabulary in VOCABULARIES.items():
        out[name] = [{"id": term_id, vocabulary.key: _texts(text)} for term_id, text in getattr(content, name).items()]
        if name == "topics":
            for item in out[name]:
                item["page"] = _pages(config, f"topics/{item['id']}/")
    return out


def record_json(build, collection: str, record_id: str) -> dict:
    record = build.content[collection][record_id]
    out = {"id": record_id, **_model(record)}
    out["page"] = _pages(build.config, f"{collection}/{record_id}/")
    if collection == "statements":
        # Who stands behind it, counted as the pages count (hub/index/signatories.py).
        counts = standing(record)
        out["counts"] = {"signatories": counts.signatories, "supporters": counts.supporters,
                         "committed": counts.committed, "commitments_quoted": counts.quoted}
    if collection == "events":
        out["start_utc"] = _utc(record.start, record.timezone)
        out["end_utc"] = _utc(record.end, record.timezone)
    return out


def index(build, exported: dict[str, list]) -> dict:
    config = build.config
    return {
        "name": _texts(build.content.site.name),
        "site_url": config.site_url,
        "built": build.index.now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "languages": list(config.languages),
        "collections": {name: {"url": f"{config.site_url}api/{name}.json", "count": len(items)}
                        for name, items in exported.items()},
    }


# -- one value, led by the field's shape in the model --

def _model(obj: BaseModel) -> dict:
    out = {}
    for name, info in type(obj).model_fields.items():
        value = _value(getattr(obj, name), field_shape(info))
        if value is not None:
            out[name] = value
    return out


def _value(value, shape: Shape):
    if value is None:
        return None
    if shape.kind == "text":
        return _texts(value)
    if isinstance(value, BaseModel):
        return _model(value)
    if isinstance(value, list):
        return [_value(item, shape.item or Shape("any")) for item in value]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _texts(value) -> dict[str, str] | None:
    """A text as {lang: text}: a plain string is the English text."""
    if value is None:
        return None
    return {"en": value} if isinstance(value, str) else dict(value)


def _pages(config, path: str) -> dict[str, str]:
    return {lang: config.page_url(lang, path) for lang in config.languages}


def _utc(wall: datetime, zone: str) -> str:
    return utc(wall, zone).strftime("%Y-%m-%dT%H:%M:%SZ")


def _save(path: str, data) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
