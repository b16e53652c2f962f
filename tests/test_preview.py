"""`LANGS=en,sv make serve` builds only those languages (hub/mkdocs/preview.py), and the theme's
templates are compiled once per process (hub/mkdocs/template_cache.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from jinja2 import DictLoader, Environment
from sitebuild import FIXTURE_NOW, FIXTURES, LANGUAGES, prepare_project

from hub.mkdocs import preview
from hub.mkdocs.template_cache import MemoryBytecodeCache

ALL = tuple(LANGUAGES)


def test_wanted_keeps_site_order_and_always_the_default_language():
    assert preview.wanted(ALL, "en") == ("en",)
    assert preview.wanted(ALL, "sv") == ("en", "sv")
    assert preview.wanted(ALL, "de, sv") == ("en", "sv", "de")
    assert preview.wanted(ALL, "all") == ALL
    assert preview.wanted(ALL, "") == ALL


def test_an_unknown_language_is_named():
    with pytest.raises(ValueError, match=r"LANGS: xx is not a language of this site \(mkdocs.yml has en, sv"):
        preview.wanted(ALL, "en,xx")


def test_preview_build_has_only_the_languages_asked_for(tmp_path):
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    env = dict(os.environ, HUB_NOW=FIXTURE_NOW, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1",
               HUB_LANGS="en,sv")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "events" / "spring-dialogue" / "index.html").exists()
    assert (site / "sv" / "events" / "spring-dialogue" / "index.html").exists()
    assert (site / "sv" / "calendar.ics").exists()
    for lang in LANGUAGES[2:]:
        assert not (site / lang).exists(), f"{lang} was built though only en,sv were asked for"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/sv/events/spring-dialogue/" in sitemap and "/de/events/" not in sitemap


def _env(cache, **settings):
    templates = {"page.html": "{% for x in items %}{{ x }}{% endfor %}", "other.html": "{{ a }}"}
    env = Environment(loader=DictLoader(templates), **settings)
    env.bytecode_cache = cache
    return env, templates


def test_a_template_is_compiled_once_for_many_environments(monkeypatch):
    cache = MemoryBytecodeCache()
    compiled = []
    real = Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return real(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    for _ in range(3):
        env, _templates = _env(cache)
        assert env.get_template("page.html").render(items=[1, 2]) == "12"
    assert len(compiled) == 1


def test_a_changed_template_or_other_settings_are_compiled_again():
    cache = MemoryBytecodeCache()
    env, templates = _env(cache)
    assert env.get_template("other.html").render(a="x") == "x"
    templates_changed = Environment(loader=DictLoader({"other.html": "[{{ a }}]"}))
    templates_changed.bytecode_cache = cache
    assert templates_changed.get_template("other.html").render(a="x") == "[x]"
    # Different delimiters make different code from the same name: never shared.
    odd = Environment(loader=DictLoader({"other.html": "<<a>>{{ a }}"}), variable_start_string="<<",
                      variable_end_string=">>")
    odd.bytecode_cache = cache
    assert odd.get_template("other.html").render(a="x") == "x{{ a }}"

