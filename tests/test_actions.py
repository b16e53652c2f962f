"""Which action a record page leads with, and what stands beside it (hub/render/actions.py)."""
import shutil
from pathlib import Path

import pytest

from hub.index.signatories import standing
from hub.render.actions import file_type, record_actions, sign_form_url
from hub.render.build import load_build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "basic" / "data"
NOW = "2021-06-01T00:00"


def make_build(tmp_path, files: dict[str, str] | None = None, now: str = NOW, monkeypatch=None):
    """The basic fixture with `files` (path under data/ -> YAML) written over it, loaded and indexed."""
    root = tmp_path / "hub"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(FIXTURE, root / "data")
    for name, text in (files or {}).items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("HUB_NOW", now)
    return load_build(str(root), "https://hub.example.net/")


def actions(build, collection, record_id, lang="en"):
    here = build.config.path_prefix(lang) + f"{collection}/{record_id}/"
    return record_actions(build.renderer.view(lang, here), collection, record_id)


EVENT = """title: Webinar
kind: webinar
start: 2021-10-31T10:00
end: 2021-10-31T11:00
timezone: Europe/Oslo
online: true
summary: A webinar.
organisers: [city-of-oslo]
added: 2021-05-20
"""


def test_an_upcoming_event_leads_with_register_and_its_deadline(tmp_path, monkeypatch):
    build = make_build(tmp_path, monkeypatch=monkeypatch)
    a = actions(build, "events", "autumn-webinar")
    assert (a.primary.kind, a.primary.label, a.primary.url) == ("register", "Register", "https://example.org/autumn")
    assert a.primary.note == "Register by 29 October 2021."
    assert not a.closed_now and a.deadline == "2021-10-29" and a.timezone == "Europe/Oslo"
    assert a.closed.kind == "contact"  # what shows once registration closes: never a dead end
    assert [s.kind for s in a.secondary] == ["calendar", "subscribe"]
    assert a.secondary[1].url == "webcal://hub.example.net/calendar.ics"
    sv = actions(build, "events", "autumn-webinar", "sv")
    assert sv.primary.label == "Anmäl dig"
    assert sv.secondary[1].url == "webcal://hub.example.net/sv/calendar.ics"


def test_after_the_deadline_the_page_has_no_live_register_link(tmp_path, monkeypatch):
    build = make_build(tmp_path, now="2021-10-30T12:00", monkeypatch=monkeypatch)
    a = actions(build, "events", "autumn-webinar")
    assert a.closed_now
    page = build.renderer.record_page("events", "autumn-webinar", "en")
    assert "https://example.org/autumn" not in page
    assert "Registration is closed." in page and 'data-action="contact"' in page


def test_a_past_event_offers_its_recording_else_its_report(tmp_path, monkeypatch):
    report = EVENT.replace("2021-10-31", "2021-03-01") + "report: What was said.\n"
    build = make_build(tmp_path, {"events/held.yml": report}, now="2021-12-01T00:00", monkeypatch=monkeypatch)
    a = actions(build, "events", "autumn-webinar")
    assert (a.primary.kind, a.primary.url) == ("recording", "https://www.youtube.com/watch?v=abc123")
    assert a.primary.label == "Watch the recording"
    held = actions(build, "events", "held")
    assert (held.primary.kind, held.primary.url, held.primary.label) == ("report", "#report", "Read the report")
    assert "{ #report }" in build.renderer.record_page("events", "held", "en")


def test_without_a_link_the_action_is_the_contact(tmp_path, monkeypatch):
    contact = EVENT + "contact: {name: Tom Sullivan, role: Communications Advisor, organisation: city-of-oslo, email: tom@example.net}\n"
    build = make_build(tmp_path, {"events/asked.yml": contact}, monkeypatch=monkeypatch)
    a = actions(build, "events", "asked")
    assert (a.primary.kind, a.primary.url) == ("contact", "mailto:tom@example.net")
    assert a.primary.label == "Contact the organisers"
    assert a.primary.note == "Tom Sullivan, Communications Advisor, City of Oslo · tom@example.net"


def test_then_the_organisers_website_then_the_hubs_contact(tmp_path, monkeypatch):
    by_website = EVENT.replace("[city-of-oslo]", "[city-of-oslo, city-of-malmo]")
    build = make_build(tmp_path, {"events/a.yml": by_website, "events/b.yml": EVENT}, monkeypatch=monkeypatch)
    assert actions(build, "events", "a").primary.url == "https://malmo.se/"  # Oslo has no website
    b = actions(build, "events", "b").primary
    assert (b.url, b.note) == ("mailto:hub@example.org", "Test Hub")


def test_with_the_hubs_contact_a_placeholder_the_organisers_page_on_the_hub(tmp_path, monkeypatch):
    site = (FIXTURE / "site.yml").read_text().replace("contact: hub@example.org", "# placeholder: not known\ncontact: hub@example.org")
    build = make_build(tmp_path, {"events/b.yml": EVENT, "site.yml": site}, monkeypatch=monkeypatch)
    b = actions(build, "events", "b", "sv").primary
    assert (b.url, b.note) == ("../../organisations/city-of-oslo/", "City of Oslo")


STATEMENT = """title: Statement
date: 2021-01-29
summary: Buyers commit.
open: true
added: 2021-01-29
"""


def test_a_statement_leads_with_signing(tmp_path, monkeypatch):
    build = make_build(tmp_path, {"statements/joinable.yml": STATEMENT + "join: https://example.net/join\n"},
                       monkeypatch=monkeypatch)
    joinable = actions(build, "statements", "joinable").primary
    assert (joinable.kind, joinable.url, joinable.label) == ("sign", "https://example.net/join", "Sign or support this statement")
    # No `join`: the GitHub issue form for signing, with this statement already chosen.
    form = actions(build, "statements", "phone-statement").primary
    assert form.kind == "sign"
    assert form.url == ("https://github.com/example/test-hub/issues/new?template=sign-statement.yml"
                        "&statement=phone-statement&title=Sign%3A+Joint+statement+on+phones")


def test_no_form_while_the_repository_is_a_placeholder(tmp_path, monkeypatch):
    site = (FIXTURE / "site.yml").read_text().replace("repository: https://github.com/example/test-hub",
                                                      "repository: https://github.com/example/test-hub  # placeholder")
    build = make_build(tmp_path, {"site.yml": site}, monkeypatch=monkeypatch)
    a = actions(build, "statements", "phone-statement").primary
    assert a.kind == "contact" and a.label == "Ask how to sign or support this statement"
    assert a.url == "https://malmo.se/"  # the website of a signatory that buys
    assert build.edit_url("data/events/x.yml") is None


def test_sign_form_only_on_github():
    assert sign_form_url("https://gitlab.com/a/b", "x", "X") is None
    assert sign_form_url(None, "x", "X") is None


def test_a_resource_opens_or_downloads_with_its_type_and_language(tmp_path, monkeypatch):
    pdf = """title: Criteria
kind: criteria
published: 2020
url: https://example.net/files/criteria.PDF?v=2
summary: Criteria.
language: [nl, en]
added: 2021-01-01
"""
    build = make_build(tmp_path, {"resources/pdf.yml": pdf}, monkeypatch=monkeypatch)
    download = actions(build, "resources", "pdf").primary
    assert (download.kind, download.label, download.note) == ("download", "Download", "PDF, Dutch, English")
    assert actions(build, "resources", "pdf", "de").primary.note == "PDF, Niederländisch, Englisch"
    opened = actions(build, "resources", "webinar-recording").primary
    assert (opened.kind, opened.url) == ("open", "https://vimeo.com/123")
    asked = actions(build, "resources", "summary-report").primary  # no url: ask the organisation
    assert (asked.kind, asked.label, asked.url) == ("contact", "Ask for this resource", "mailto:hub@example.org")


def test_file_types():
    assert file_type("https://x.org/a/report.docx") == "Word"
    assert file_type("https://x.org/report") == "" and file_type("https://x.org/") == ""


def test_a_case_leads_with_contacting_the_buyer(tmp_path, monkeypatch):
    build = make_build(tmp_path, monkeypatch=monkeypatch)
    a = actions(build, "cases", "malmo-phones", "sv").primary
    assert (a.kind, a.url) == ("contact", "https://malmo.se/")
    assert a.label == "Kontakta den upphandlande organisationen"


def test_source_sits_beside_the_primary_action(tmp_path, monkeypatch):
    case = (FIXTURE / "cases" / "malmo-phones.yml").read_text() + "source: https://www.example.net/news/1\n"
    build = make_build(tmp_path, {"cases/malmo-phones.yml": case}, monkeypatch=monkeypatch)
    (source,) = actions(build, "cases", "malmo-phones").secondary
    assert (source.kind, source.url, source.note) == ("source", "https://www.example.net/news/1", "example.net")


def test_an_organisation_with_a_website_leads_there_one_without_has_no_action(tmp_path, monkeypatch):
    build = make_build(tmp_path, monkeypatch=monkeypatch)
    assert actions(build, "organisations", "city-of-malmo").primary.url == "https://malmo.se/"
    assert actions(build, "organisations", "city-of-oslo") is None


COUNTED = """title: Pact
date: 2021-06-14
summary: A pact.
commitments: [One, Two, Three]
commitments_total: 9
signatories:
  - {organisation: city-of-malmo, role: procuring, signed: 2021-01-29}
  - {organisation: city-of-oslo, signed: 2021-02-01}
  - {organisation: test-network, role: supporting}
open: true
added: 2021-06-14
"""
COMMITTED = """title: Pact
date: 2021-06-14
summary: A pact.
signatories:
  - {organisation: city-of-malmo, committed: 2021-04-20}
  - {organisation: city-of-oslo, committed: 2021-04-20, role: coordinating}
added: 2021-06-14
"""


@pytest.mark.parametrize("lang, backing, quoted", [
    ("en", "2 signatories · 1 supporter", "3 of 9 commitments quoted"),
    ("sv", "2 undertecknare · 1 som stöder", "3 av 9 åtaganden citeras"),
])
def test_statements_count_signatories_apart_from_supporters(tmp_path, monkeypatch, lang, backing, quoted):
    build = make_build(tmp_path, {"statements/pact.yml": COUNTED, "statements/committed.yml": COMMITTED},
                       monkeypatch=monkeypatch)
    view = build.renderer.view(lang, "statements/pact/")
    statement = build.content["statements"]["pact"]
    assert view.backing(statement) == backing
    assert view.quoted(statement) == quoted
    page = build.renderer.record_page("statements", "pact", lang)
    assert backing in page and quoted in page
    assert backing in build.renderer.listing("statements", lang)
    committed = build.content["statements"]["committed"]
    assert standing(committed).committed == 2 and standing(committed).signatories == 0
    assert build.renderer.view("en", "").backing(committed) == "2 committed to join"
    assert view.quoted(build.content["statements"]["phone-statement"]) == ""  # quotes all it has


def test_with_nothing_upcoming_the_home_page_invites_to_subscribe_and_propose(tmp_path, monkeypatch):
    from bs4 import BeautifulSoup
    build = make_build(tmp_path, now="2030-01-01T00:00", monkeypatch=monkeypatch)
    home = BeautifulSoup(build.renderer.home("sv"), "lxml")
    invite = home.select_one("[data-empty-for=upcoming]")
    assert not invite.has_attr("hidden")
    links = {a["data-action"]: a["href"] for a in invite.select("a[data-action]")}
    assert links == {"subscribe": "webcal://hub.example.net/sv/calendar.ics",
                     "propose": "https://github.com/example/test-hub/issues/new?template=propose-event.yml"}
    assert "Prenumerera på alla evenemang" in invite.get_text() and "Föreslå ett evenemang" in invite.get_text()
    # Statements open for signatories are listed with their action.
    sign = home.select_one("li.hub-item a[data-action=sign]")
    assert sign["href"].startswith("https://github.com/example/test-hub/issues/new?template=sign-statement.yml")


def test_with_events_coming_the_invitation_waits_for_hub_js(tmp_path, monkeypatch):
    from bs4 import BeautifulSoup
    build = make_build(tmp_path, monkeypatch=monkeypatch)
    home = BeautifulSoup(build.renderer.home("en"), "lxml")
    assert home.select_one("[data-empty-for=upcoming]").has_attr("hidden")
    assert home.select_one("p.hub-invite a[data-action=propose]")  # proposing is always on offer
