"""A real build: Jinja in a contributor's page is text, the hub's own pages still run their macros,
and a warning from `check` is shown without failing `mkdocs build --strict`."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import FIXTURES, FIXTURE_NOW, page, prepare_project

PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}"
AMBIGUOUS = """\
title: Night launch
kind: launch
start: 2021-10-31T02:30
end: 2021-10-31T04:00
timezone: Europe/Brussels
online: true
summary: Launched in the night the clocks go back.
organisers: [city-of-malmo]
added: 2021-05-01
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("site-files")
    project = prepare_project(base / "project", FIXTURES / "basic" / "data")
    marker = base / "ran"
    (project / "docs" / "guide.md").write_text(f"# Guide\n\nWritten by a contributor: {PAYLOAD % marker}\n\n"
                                               "{% for x in range(3) %}{{ x }}{% endfor %}\n", encoding="utf-8")
    (project / "data" / "events" / "night-launch.yml").write_text(AMBIGUOUS, encoding="utf-8")
    env = dict(os.environ, HUB_NOW=FIXTURE_NOW, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    return result, project / "site", marker


def test_jinja_in_a_contributor_page_neither_runs_nor_breaks_the_build(built):
    result, site, marker = built
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    text = page(site, "guide/").select_one("article").get_text()
    # Shown as text (Markdown reads the double underscores as bold, which is fine).
    assert "{{ cycler." in text and f"os.popen('touch {marker}').read() }}}}" in text
    assert "{% for x in range(3) %}{{ x }}{% endfor %}" in text


def test_the_hubs_own_pages_still_run_their_macros(built):
    result, site, _marker = built
    assert result.returncode == 0, result.stdout + result.stderr
    events = page(site, "events/")
    assert events.select_one('a[href$="winter-workshop/"]') is not None
    for path in ["", "sv/", "privacy/", "de/accessibility/"]:
        assert "{{" not in page(site, path).select_one("article").get_text(), path


def test_a_warning_is_shown_and_the_strict_build_passes(built):
    result, site, _marker = built
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert ("warning: data/events/night-launch.yml:3: start: 2021-10-31T02:30 happens twice in Europe/Brussels"
            in output)
    assert output.count("happens twice") == 1  # once, not once per language pass
    assert (site / "events" / "night-launch" / "index.html").exists()
