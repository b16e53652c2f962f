"""The hub's own facts as a page in one language shows them (hub/render/site_facts.py)."""
from pathlib import Path

import pytest

from hub.render.build import load_build
from hub.render.site_facts import as_html, site_fact, site_facts
from hub.render.text import Localised

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "basic"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("facts")
    (root / "mkdocs.yml").write_text((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text())
    (root / "data").symlink_to(FIXTURE / "data")
    return load_build(str(root))


def test_facts_in_a_language_with_english_fallback_marked(build):
    facts = site_facts(build, "sv")
    assert facts["name"] == Localised("Testnavet", "sv", False)
    assert facts["funding"] == Localised("Funded by the test budget.", "en", True)
    assert facts["prefix"] == "sv/" and facts["locale"] == "sv"
    assert site_facts(build, "en")["locale"] == "en-GB" and site_facts(build, "en")["prefix"] == ""
    assert facts["accessibility"]["contact"] == "access@example.org"
    assert facts["accessibility"]["reviewed"] == "1 maj 2021"
    assert facts["ui"]["accessibility_statement"] == "Tillgänglighetsredogörelse"


def test_site_fact_by_path_and_as_html(build):
    facts = site_facts(build, "de")
    assert as_html(site_fact(facts, "accessibility.enforcement.name")) == '<span lang="en">Test enforcement body</span>'
    assert as_html(site_fact(facts, "contact")) == "hub@example.org"
    assert as_html(site_fact(facts, "name")) == '<span lang="en">Test Hub</span>'
    assert as_html(None) == ""


def test_unknown_fact_names_the_known_ones(build):
    with pytest.raises(KeyError, match="accessibility.contact"):
        site_fact(site_facts(build, "en"), "accessibility.phone")


# -- data/site.yml is text: nothing in it becomes HTML, Markdown or script --

import markdown  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from hub.render.site_facts import EmailAddress, WebAddress  # noqa: E402
from hub.render.text import markdown_text  # noqa: E402
from sitebuild import LANGUAGES, page, prefix  # noqa: E402
from hostile import ADDRESS_FIELDS, hostile_site, live_markup  # noqa: E402

# The Markdown extensions of mkdocs.yml, which a site fact passes through on the accessibility and privacy pages.
_MARKDOWN = dict(extensions=["attr_list", "md_in_html", "tables", "toc"])
PAYLOAD = ('Hub <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=1"> '
           '[x](javascript:window.__pwned=1) ![i](x.png) <https://x.org> `c` *e* _u_ {{ 7*7 }} \\* # {: onclick="p" }')


def _rendered(markdown_source: str) -> tuple[str, object]:
    html = markdown.markdown(markdown_source, **_MARKDOWN)
    return html, lxml_html.fragment_fromstring(html, create_parent="div")


@pytest.mark.parametrize("where", ["{}", "# {}", "Before {} after", "[{}](mailto:x@example.org)"])
def test_a_text_fact_stays_text_through_markdown(where):
    html, tree = _rendered(where.format(markdown_text(PAYLOAD)))
    assert [e.tag for e in tree.iter() if e.tag not in ("div", "p", "h1", "a")] == []
    assert not any(name.startswith("on") for e in tree.iter() for name in e.attrib)
    assert " ".join(PAYLOAD.split()) in tree.text_content()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80))
def test_any_text_reads_the_same_after_markdown(text):
    """Whatever a contributor writes, Markdown shows exactly it (whitespace collapsed), in one paragraph or heading."""
    _html, tree = _rendered("# " + markdown_text(text)) if " ".join(text.split()) else ("", None)
    if tree is not None:
        assert tree.text_content() == " ".join(text.split())
        assert [e.tag for e in tree.iter()] == ["div", "h1"]


def test_addresses_cannot_leave_their_link_or_attribute():
    web = as_html(WebAddress('https://example.org/"onmouseover="x")[x](javascript:alert(1))'))
    assert web == "https://example.org/%22onmouseover=%22x%22%29%5Bx%5D%28javascript:alert%281%29%29"
    assert as_html(WebAddress("javascript:alert(1)")) == "" and as_html(WebAddress("data:text/html,x")) == ""
    email = as_html(EmailAddress('a"b)[x](javascript:alert(1))@example.org'))
    assert ":" not in email and '"' not in email and "(" not in email and email.endswith("@example.org")
    assert as_html(WebAddress("https://example.org/a-b_c?d=1&e=2#f")) == "https://example.org/a-b_c?d=1&e=2#f"
    assert as_html(EmailAddress("first.last+hub@example.org")) == "first.last+hub@example.org"
    _html, tree = _rendered(f"[{email}](mailto:{email}) and [name]({web})")
    assert [a.get("href")[:7] for a in tree.iter("a")] == ["mailto:", "https:/"]


@pytest.fixture(scope="module")
def hostile(shared_tmp):
    return hostile_site(shared_tmp)


def test_no_page_of_a_hostile_site_yml_has_live_markup(hostile):
    site, _refused = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 7 * 20
    found = {f"{p.relative_to(site)}: {m}" for p in pages for m in live_markup(p)}
    assert not found, "\n".join(sorted(found)[:20])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_hostile_values_are_shown_as_written(hostile, lang):
    """Escaped, not dropped: a reader sees the text (and the Jinja) as it stands in data/site.yml."""
    site, refused = hostile
    home = page(site, prefix(lang))
    heading = home.select_one("article h1").get_text()
    name = {"sv": "Navet </title><script>", "de": "Hub {: onclick=window.__pwned=1 }"}.get(lang, "Hub <script>")
    assert heading.startswith(name)
    footer = home.select_one(".hub-footer").get_text(" ")
    assert "{{ 7*7 }}" in footer and "<img src=x onerror=" in footer
    if "contact" not in refused:
        assert """hub"onmouseover="window.__pwned='contact'""" in footer
    privacy = page(site, f"{prefix(lang)}privacy/").select_one("article").get_text(" ")
    assert "[x](javascript:window.__pwned='privacy-link') {{ 7*7 }}" in privacy
    assert "# Heading {: onclick=" in privacy
    statement = page(site, f"{prefix(lang)}accessibility/").select_one("article")
    assert 'Body <script>window.__pwned="body-script"</script>' in statement.get_text(" ")
    # The facts that are links still are, to where they say (or are gone, if strict validation refused them).
    hrefs = [a["href"] for a in statement.select("a[href]")]
    if "accessibility.contact" not in refused:
        assert any(h.startswith("mailto:access%22onmouseover") for h in hrefs)
    if "accessibility.enforcement.url" not in refused:
        assert any(h.startswith("https://example.org/%22onmouseover") for h in hrefs)
    assert set(refused) <= set(ADDRESS_FIELDS)


def test_hostile_site_name_is_escaped_once_in_titles_and_head_tags(hostile):
    site, _refused = hostile
    events = page(site, "sv/events/")
    assert events.title.get_text().startswith("Evenemang - Navet </title><script>")
    assert len(events.find_all("title")) == 1
    og = events.find("meta", property="og:site_name")["content"]
    assert og.startswith('Navet </title><script>window.__pwned="sv-title"</script>')
    logo = events.select_one(".md-header__button.md-logo")
    # Material's `| e` does not escape it a second time: the tooltip reads as the name.
    assert logo["title"].startswith("Navet </title>") and "&lt;" not in logo["title"]
