"""The hub built from tests/fixtures/hostile: a data/site.yml hostile in every field, over fixtures/basic.

Shared by tests/test_site_facts.py (the HTML has no live markup) and tests/browser/test_hostile_site.py
(nothing runs in Chromium). Each payload would set `window.__pwned`.
"""
from __future__ import annotations

import fcntl
import re
import shutil
from pathlib import Path

import yaml
from lxml import html as lxml_html

from sitebuild import FIXTURES, LANGUAGES, build, prepare_project

# Fields whose strict validation may refuse a payload outright: refusing it is the other line of defence.
ADDRESS_FIELDS = {"contact": ("contact",), "repository": ("repository",),
                  "accessibility.contact": ("accessibility", "contact"),
                  "accessibility.enforcement.url": ("accessibility", "enforcement", "url")}
_EVENT_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)
_ACTIVE_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
# `{{ 7*7 }}` rendered by Jinja: 49 standing alone (the fixture has no other 49).
_JINJA_RESULT = re.compile(r"(?<![\d.])49(?![\d.])")


def hostile_site(shared_tmp: Path) -> tuple[Path, list[str]]:
    """(the built site, the address fields `check` refused), built once per test session."""
    folder = shared_tmp / "site-hostile"
    folder.mkdir(parents=True, exist_ok=True)
    with open(shared_tmp / "site-hostile.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        project = folder / "project"
        if not (folder / "BUILT").exists():
            prepare_project(project, FIXTURES / "basic" / "data")
            shutil.copytree(FIXTURES / "hostile" / "data", project / "data", dirs_exist_ok=True)
            refused = _drop_refused_addresses(project)
            build(project)
            (folder / "BUILT").write_text("\n".join(refused))
        refused = [f for f in (folder / "BUILT").read_text().split("\n") if f]
    return project / "site", refused


def _drop_refused_addresses(project: Path) -> list[str]:
    """Replace the address payloads `check` refuses (naming data/site.yml and the field); any other problem fails."""
    from hub.load.content import load_content
    from hub.model.errors import DataError
    try:
        load_content(str(project), LANGUAGES)
        return []
    except DataError as err:
        problems = err.problems
    refused = sorted({p.field for p in problems})
    unexpected = [str(p) for p in problems if p.path != "data/site.yml" or p.field not in ADDRESS_FIELDS or p.line < 1]
    assert not unexpected, f"check refused more than address payloads: {unexpected}"
    site = project / "data" / "site.yml"
    data = yaml.safe_load(site.read_text(encoding="utf-8"))
    for name in refused:
        *parents, last = ADDRESS_FIELDS[name]
        holder = data
        for key in parents:
            holder = holder[key]
        # A plain address in its place (enforcement.url is required): the build goes on with the other payloads.
        holder[last] = "refused@example.org" if name.endswith("contact") else "https://example.org/refused"
    site.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return refused


def live_markup(path: Path) -> list[str]:
    """What in this HTML page would run or was made by a payload: scripts, handlers, active links, Jinja."""
    doc = lxml_html.fromstring(path.read_bytes())
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if _EVENT_ATTRIBUTE.match(name) and "__pwned" in value:
                found.append(f"<{element.tag} {name}={value[:40]!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and _ACTIVE_URL.match(value):
                found.append(f"<{element.tag} {name}={value[:40]!r}>")
        if element.tag == "script" and "__pwned" in (element.text or "") \
                and element.get("type") not in ("application/ld+json", "application/json"):
            found.append(f"<script>{(element.text or '')[:40]}")
    if _JINJA_RESULT.search(doc.text_content()):
        found.append("49: Jinja rendered {{ 7*7 }}")
    return found
