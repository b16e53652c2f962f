"""hub/mkdocs/search_dedup.py removes the same entries mkdocs-static-i18n's own (quadratic) pass would."""
from hub.mkdocs.search_dedup import drop_duplicate_translations


def entry(location, title="Events", text="Same text"):
    return {"location": location, "title": title, "text": text}


def test_translated_entries_that_repeat_the_default_language_go():
    entries = [entry(""), entry("events/"), entry("events/#past", "Past"),
               entry("sv/events/"), entry("sv/events/#past", "Past"),          # repeats: go
               entry("sv/events/#past", "Tidigare"), entry("de/events/", text="Andere"),  # translated: stay
               entry("sv/", "Events")]                                          # the home page's twin: goes
    drop_duplicate_translations(entries, ["en", "sv", "de"])
    assert [e["location"] for e in entries] == ["", "events/", "events/#past", "sv/events/#past", "de/events/"]
