"""UI strings in every language, and the English fallback of record texts (hub/render/text.py)."""
import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hub.load.siteconfig import read_site_config
from hub.render.text import LOCALES, Localised, pick, ui_strings

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = read_site_config(str(ROOT)).languages
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
KEY_LINE = re.compile(r'^"?([A-Za-z0-9_-]+)"?:')


def locale_path(lang: str) -> str:
    return os.path.join(LOCALES, f"{lang}.yml")


def read_locale(lang: str) -> dict:
    with open(locale_path(lang), encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


ENGLISH = read_locale("en")


def test_every_site_language_has_a_locale_file():
    missing = [lang for lang in LANGUAGES if not os.path.exists(locale_path(lang))]
    assert not missing, f"mkdocs.yml builds {missing} but hub/locales/ has no file for them"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_english_key_is_translated(lang):
    strings = read_locale(lang)
    missing = [key for key in ENGLISH if not isinstance(strings.get(key), str) or not strings[key].strip()]
    assert not missing, f"hub/locales/{lang}.yml lacks (or leaves empty) {len(missing)} key(s): {', '.join(missing)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_key_is_defined_twice(lang):
    # Files grow by appending; YAML would silently keep only the last of two equal keys.
    with open(locale_path(lang), encoding="utf-8") as handle:
        keys = Counter(m.group(1) for line in handle if (m := KEY_LINE.match(line)))
    assert not [key for key, n in keys.items() if n > 1], f"hub/locales/{lang}.yml repeats keys"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_placeholders_match_english(lang):
    strings = read_locale(lang)
    wrong = {
        key: sorted(set(PLACEHOLDER.findall(strings[key])))
        for key, english in ENGLISH.items()
        if key in strings and set(PLACEHOLDER.findall(strings[key])) != set(PLACEHOLDER.findall(english))
    }
    assert not wrong, f"hub/locales/{lang}.yml: placeholders differ from en.yml in {wrong}"


def test_fallback_notice_is_in_the_readers_language():
    assert "svenska" in ui_strings("sv")["not_translated"]
    assert "Deutsche" in ui_strings("de")["not_translated"]


def test_pick_returns_the_language_when_present():
    value = {"en": "Market dialogue", "sv": "Marknadsdialog"}
    assert pick(value, "sv") == Localised("Marknadsdialog", "sv", False)
    assert pick(value, "en") == Localised("Market dialogue", "en", False)


def test_pick_falls_back_to_english_marked_as_fallback():
    assert pick({"en": "Market dialogue", "sv": "Marknadsdialog"}, "de") == Localised("Market dialogue", "en", True)
    assert pick("Market dialogue", "fi") == Localised("Market dialogue", "en", True)
    assert pick("Market dialogue", "en") == Localised("Market dialogue", "en", False)
    assert pick(None, "nl") is None
