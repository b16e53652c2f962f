"""The check after the build: no record may go missing from pages, listings or the export."""
import json
import shutil

import pytest

from hub.emit import completeness

from hub.emit import outputs
from hub.render.build import load_build

SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture
def built(basic_site):
    """(build, site folder) for the basic fixture site, built once per session."""
    return load_build(str(basic_site.parent), SITE_URL), basic_site


@pytest.fixture
def copy(built, tmp_path):
    """A copy of the built site's pages and export, to break on purpose."""
    build, site = built
    dest = tmp_path / "site"
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("assets", "search", "*.ics", "*.xml", "*.png"))
    return build, dest


def test_the_check_runs_after_every_build():
    assert completeness.check in outputs.CHECKS


def test_the_built_fixture_site_is_complete(built):
    build, site = built
    assert completeness.check(build, str(site)) == []


def test_an_export_that_lists_every_record_passes(copy):
    build, site = copy
    (site / "api").mkdir(exist_ok=True)
    (site / "api/topics.json").write_text(json.dumps([{"id": topic} for topic in build.content.topics]))
    assert completeness.check(build, str(site)) == []


def test_a_missing_page_is_reported_with_its_record_file(copy):
    build, site = copy
    (site / "sv/events/spring-dialogue/index.html").unlink()
    assert completeness.check(build, str(site)) == [
        "data/events/spring-dialogue.yml: no page in sv (expected sv/events/spring-dialogue/index.html)"]


def test_a_record_missing_from_its_listing_is_reported(copy):
    build, site = copy
    listing = site / "de/cases/index.html"
    html = listing.read_text(encoding="utf-8")
    assert 'href="malmo-phones/"' in html
    listing.write_text(html.replace('href="malmo-phones/"', 'href="#"'), encoding="utf-8")
    assert completeness.check(build, str(site)) == ["data/cases/malmo-phones.yml: not linked from the de listing /de/cases/"]


def test_a_topic_missing_from_its_listing_is_reported(copy):
    build, site = copy
    listing = site / "topics/index.html"
    listing.write_text(listing.read_text(encoding="utf-8").replace('href="laptops/"', 'href="#"'), encoding="utf-8")
    assert completeness.check(build, str(site)) == ["data/topics.yml: laptops: not linked from the en listing /topics/"]


def test_a_missing_listing_page_is_reported(copy):
    build, site = copy
    (site / "fi/resources/index.html").unlink()
    assert completeness.check(build, str(site)) == ["resources: no listing page in fi (expected fi/resources/index.html)"]


def test_a_record_missing_from_the_export_is_reported(copy):
    build, site = copy
    export = site / "api/organisations.json"
    export.parent.mkdir(exist_ok=True)
    items = [{"id": record_id} for record_id in build.content["organisations"] if record_id != "city-of-oslo"]
    export.write_text(json.dumps(items))
    assert completeness.check(build, str(site)) == ["data/organisations/city-of-oslo.yml: missing from /api/organisations.json"]
