"""The content model is declared once: a field added to it reaches every place derived from it."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import pytest

from hub.cli import new, schemas, status
from hub.emit import export
from hub.index import build_index
from hub.load import load_content
from hub.model.errors import DataError
from hub.model.fields import Id, Text
from hub.model.markers import Markdown, Ref
from hub.model.records import COLLECTIONS, Event
from hub.model.shapes import markdown_fields, references, title_field
from hub.render.build import load_build

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "basic"
LANGUAGES = ["en", "sv", "nb", "da", "fi", "nl", "de"]


class EventWithHost(Event):
    """A copy of the model with two new fields, one a reference and one Markdown."""

    host: Annotated[Optional[Id], Ref("organisations")] = None
    notes: Annotated[Optional[Text], Markdown()] = None


@pytest.fixture
def hub_with_host(tmp_path, monkeypatch):
    monkeypatch.setitem(COLLECTIONS, "events", EventWithHost)
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _add_to_event(root: Path, text: str) -> None:
    path = root / "data" / "events" / "winter-workshop.yml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_every_collection_marks_one_title_and_its_references():
    assert {c: title_field(m) for c, m in COLLECTIONS.items()} == {
        "organisations": "name", "events": "title", "cases": "title", "statements": "title", "resources": "title"}
    assert references(Event)["speakers.*.organisation"] == Ref("organisations", or_name=True)
    assert "contact.organisation" in references(COLLECTIONS["cases"])


def test_a_new_reference_is_checked_with_the_line_and_a_suggestion(hub_with_host):
    _add_to_event(hub_with_host, "host: city-of-malmoe\n")
    with pytest.raises(DataError) as err:
        load_content(str(hub_with_host), LANGUAGES)
    assert "data/events/winter-workshop.yml" in err.value.report()
    assert "host: unknown organisation 'city-of-malmoe'; did you mean 'city-of-malmo'?" in err.value.report()


def test_a_new_reference_makes_a_backlink(hub_with_host):
    _add_to_event(hub_with_host, "host: test-network\n")
    content = load_content(str(hub_with_host), LANGUAGES)
    index = build_index(content, datetime(2021, 6, 1, tzinfo=timezone.utc))
    assert "winter-workshop" in index.names("organisations", "test-network")["events"]


def test_a_new_markdown_field_is_checked_for_active_content(hub_with_host):
    _add_to_event(hub_with_host, 'notes: "<script>alert(1)</script>"\n')
    assert markdown_fields(EventWithHost) == ("description", "report", "notes")
    with pytest.raises(DataError) as err:
        load_content(str(hub_with_host), LANGUAGES)
    assert "winter-workshop.yml" in err.value.report() and "notes" in err.value.report()


def test_new_fields_reach_schema_scaffold_status_and_export(hub_with_host):
    schema = schemas.schemas()["events.schema.json"]["properties"]
    assert "host" in schema and schema["notes"].get("markdown") is True
    assert "| `host` | an organisation id like city-of-malmo |" in schemas.field_reference()

    scaffold = new.record_text("events", "x", datetime(2021, 1, 1).date())
    assert any(line.startswith("# host:") and "an organisation id like city-of-malmo" in line
               for line in scaffold.splitlines())

    _add_to_event(hub_with_host, "host: test-network\nnotes: {en: Bring a laptop, sv: Ta med en dator}\n")
    content = load_content(str(hub_with_host), LANGUAGES)
    swedish = next(s for s in status.translation_status(content) if s.lang == "sv")
    assert "notes" not in swedish.missing.get("events/winter-workshop", [])
    finnish = next(s for s in status.translation_status(content) if s.lang == "fi")
    assert "notes" in finnish.missing["events/winter-workshop"]

    build = load_build(str(hub_with_host))
    exported = export.record_json(build, "events", "winter-workshop")
    assert exported["host"] == "test-network"
    assert exported["notes"] == {"en": "Bring a laptop", "sv": "Ta med en dator"}
