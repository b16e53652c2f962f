"""Link previews and structured data in every page's <head>, and absolute URLs under a project path."""
from __future__ import annotations

import json
from pathlib import Path

import feedparser
from icalendar import Calendar
from lxml import html as lxml_html

from hub.render.head import CARD, og_locale, page_title, shortened
from hub.render.jsonld import script
from sitebuild import FIXTURES, LANGUAGES, build, page, prepare_project

SITE = "http://127.0.0.1:8000/"
OG_LOCALES = {"en": "en_GB", "sv": "sv_SE", "nb": "nb_NO", "da": "da_DK", "fi": "fi_FI", "nl": "nl_NL", "de": "de_DE"}


def _pages(site: Path):
    """(path, parsed head) of every page except redirect pages for former ids."""
    for path in sorted(site.rglob("index.html")):
        if "assets" in path.parts or "search" in path.parts:
            continue
        doc = lxml_html.fromstring(path.read_bytes())
        if not doc.xpath("//meta[@http-equiv='refresh']"):
            yield path, doc


def _meta(doc, key):
    # Searched in the whole document, not only <head>: markup in a record's title (which Material
    # prints raw in <title>, see test_site.py) makes parsers close <head> early.
    return doc.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")


def _json_ld(site: Path, path: str) -> dict:
    scripts = page(site, path).select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_og_locale_names():
    assert {lang: og_locale(lang) for lang in LANGUAGES} == OG_LOCALES


def test_every_page_has_link_preview_tags_and_one_canonical(basic_site):
    count = 0
    for path, doc in _pages(basic_site):
        lang = doc.get("lang")
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        assert len(canonical) == 1, path  # Material writes it; head.py must not repeat it
        assert _meta(doc, "og:url") == canonical, path
        for key in ("og:title", "og:description", "og:site_name", "twitter:title", "twitter:description"):
            values = _meta(doc, key)
            assert len(values) == 1 and values[0].strip(), (path, key)
        assert _meta(doc, "og:locale") == [OG_LOCALES[lang]], path
        assert sorted(_meta(doc, "og:locale:alternate")) == sorted(v for k, v in OG_LOCALES.items() if k != lang)
        assert _meta(doc, "og:image") == [SITE + CARD] == _meta(doc, "twitter:image"), path
        assert _meta(doc, "twitter:card") == ["summary_large_image"]
        hreflangs = doc.xpath("//head/link[@rel='alternate'][@hreflang]/@hreflang")
        assert sorted(hreflangs) == sorted(LANGUAGES + ["x-default"]), path  # each language once, no duplicates
        assert all(h.startswith(SITE) for h in doc.xpath("//head/link[@rel='alternate'][@hreflang]/@href")), path
        count += 1
    assert count > 7 * 20
    assert (basic_site / CARD).is_file()


def test_preview_text_is_the_records_in_the_pages_language(basic_site):
    doc = lxml_html.fromstring((basic_site / "sv" / "events" / "spring-dialogue" / "index.html").read_bytes())
    assert _meta(doc, "og:title") == ["Marknadsdialog på våren"]
    assert _meta(doc, "og:description") == ["Upphandlare möter leverantörer om smarttelefoner."]
    assert _meta(doc, "og:site_name") == ["Testnavet"]
    assert _meta(doc, "og:type") == ["article"]
    assert _meta(doc, "og:url") == [SITE + "sv/events/spring-dialogue/"]
    # The calendar of this event, besides the site's feed and calendar.
    assert SITE + "sv/events/spring-dialogue.ics" in doc.xpath("//link[@type='text/calendar']/@href")


def test_event_json_ld(basic_site):
    data = _json_ld(basic_site, "events/spring-dialogue/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Spring market dialogue"
    assert data["startDate"] == "2021-03-28T09:00:00+02:00" and data["endDate"] == "2021-03-28T12:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {"@type": "PostalAddress", "addressLocality": "Malmö",
                                           "addressCountry": "SE"}
    assert data["organizer"] == [{"@type": "Organization", "name": "City of Malmö", "url": "https://malmo.se/"}]
    assert data["offers"]["url"] == "https://example.org/register"
    assert data["url"] == SITE + "events/spring-dialogue/"
    assert data["description"] == "Buyers meet suppliers on smartphones."


def test_online_and_cancelled_event_json_ld(basic_site):
    webinar = _json_ld(basic_site, "de/events/autumn-webinar/")
    assert webinar["startDate"] == "2021-10-31T10:00:00+01:00"
    assert webinar["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert webinar["location"] == {"@type": "VirtualLocation", "url": "https://example.org/autumn"}
    assert [o["name"] for o in webinar["organizer"]] == ["City of Oslo", "Test Network"]
    cancelled = _json_ld(basic_site, "events/cancelled-meeting/")
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in cancelled


def test_json_ld_stays_inside_its_script_element(basic_site):
    raw = (basic_site / "events" / "autumn-webinar" / "index.html").read_text(encoding="utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\\u003claptops\\u003e" in block
    assert json.loads(block)["description"] == "A webinar about <laptops> & fair labour."
    hostile = script({"name": "</script><script>alert(1)</script><!--"})
    assert hostile.count("</script>") == 1 and hostile.endswith("</script>")
    assert "<!--" not in hostile
    inner = hostile.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(inner) == {"name": "</script><script>alert(1)</script><!--"}


def test_case_and_resource_json_ld(basic_site):
    case = _json_ld(basic_site, "sv/cases/malmo-phones/")
    assert case["@type"] == "Article"
    assert case["headline"] == "Malmö köper rättvisa telefoner"
    assert case["url"] == SITE + "sv/cases/malmo-phones/"
    assert case["datePublished"] == "2021-01-15"
    report = _json_ld(basic_site, "resources/summary-report/")
    assert report["@type"] == "Report" and report["datePublished"] == "2019"
    assert report["inLanguage"] == ["nl"] and report["author"][0]["name"] == "Test Network"
    recording = _json_ld(basic_site, "resources/webinar-recording/")
    assert recording["@type"] == "CreativeWork" and recording["url"] == "https://vimeo.com/123"
    assert recording["mainEntityOfPage"] == SITE + "resources/webinar-recording/"


def test_listing_pages_are_websites_without_json_ld(basic_site):
    doc = page(basic_site, "nl/events/")
    assert doc.select_one('meta[property="og:type"]')["content"] == "website"
    assert doc.select_one('head script[type="application/ld+json"]') is None


def test_absolute_urls_keep_a_project_path(tmp_path):
    """Published at https://org.github.io/repo/: every absolute URL carries /repo/."""
    base = "https://org.github.io/repo/"
    site = build(prepare_project(tmp_path / "project", FIXTURES / "basic" / "data"), site_url=base)
    doc = lxml_html.fromstring((site / "sv" / "events" / "spring-dialogue" / "index.html").read_bytes())
    assert _meta(doc, "og:url") == [base + "sv/events/spring-dialogue/"]
    assert _meta(doc, "og:image") == [base + CARD]
    assert doc.xpath("//link[@type='application/atom+xml']/@href") == [base + "sv/feed.xml"]
    assert base + "sv/calendar.ics" in doc.xpath("//link[@type='text/calendar']/@href")
    assert json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])["url"] == \
        base + "sv/events/spring-dialogue/"
    webcal = page(site, "sv/events/spring-dialogue/").select(".hub-calendar-links a")[1]["href"]
    assert webcal == "webcal://org.github.io/repo/sv/calendar.ics"
    feed = feedparser.parse((site / "sv" / "feed.xml").read_bytes())
    assert feed.bozo == 0 and all(e.link.startswith(base + "sv/") for e in feed.entries)
    cal = Calendar.from_ical((site / "sv" / "calendar.ics").read_bytes())
    assert {str(e["URL"]) for e in cal.walk("VEVENT")} >= {base + "sv/events/spring-dialogue/"}
    # A renamed event keeps the UID of its first id (aliases: [old-spring-dialogue]).
    assert {str(e["UID"]) for e in cal.walk("VEVENT")} >= {"old-spring-dialogue@org.github.io"}
    events = json.loads((site / "api" / "events.json").read_text(encoding="utf-8"))
    assert all(e["page"]["en"].startswith(base + "events/") for e in events)
    moved = page(site, "sv/events/old-spring-dialogue/")
    assert moved.select_one('link[rel="canonical"]')["href"] == base + "sv/events/spring-dialogue/"


def _sitemap(site: Path) -> dict[str, dict[str, str]]:
    """Each page's address in the sitemap -> {hreflang: href} of its alternates."""
    from lxml import etree
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    return {url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                   for link in url.findall("x:link", ns)}
            for url in root.findall("s:url", ns)}


def test_head_alternates_are_absolute_with_x_default_and_agree_with_the_sitemap(basic_site):
    sitemap = _sitemap(basic_site)
    assert all(links.get("x-default") == links["en"] for links in sitemap.values())
    compared = 0
    for path, doc in _pages(basic_site):
        canonical = doc.xpath("//link[@rel='canonical']/@href")[0]
        head = {link.get("hreflang"): link.get("href") for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")}
        assert canonical in sitemap, f"{path}: {canonical} is not in the sitemap"
        assert head == sitemap[canonical], path
        assert head[doc.get("lang")] == canonical, path
        compared += 1
    assert compared == len(sitemap)  # every page of the sitemap, and nothing else


def test_the_title_names_the_site_once(basic_site):
    for path, doc in _pages(basic_site):
        title = doc.findtext(".//title")
        site = _meta(doc, "og:site_name")[0]
        assert title.count(site) == 1, (path, title)
    assert page(basic_site, "sv/").title.string == "Testnavet"
    assert page(basic_site, "sv/events/").title.string.endswith(" - Testnavet")


def test_page_titles():
    assert page_title("Circular and Fair ICT Hub", "Circular and Fair ICT Hub") == "Circular and Fair ICT Hub"
    assert page_title("", "Hub") == page_title(None, "Hub") == "Hub"
    assert page_title("Events", "Hub") == "Events - Hub"
    assert page_title("Events - Hub", "Hub") == "Events - Hub"


def test_descriptions_end_at_a_word_with_an_ellipsis_when_cut():
    text = "Six Nordic public buyers in dialogue with resellers, suppliers and other stakeholders"
    assert shortened(text, 200) == text
    assert shortened(text, 30) == "Six Nordic public buyers in…"
    assert shortened(text, 28) == "Six Nordic public buyers in…"  # the cut falls just after a word
    assert shortened(text, 58) == "Six Nordic public buyers in dialogue with resellers…"  # no comma before the ellipsis
    assert all(len(shortened(text, n)) <= n for n in range(12, 90))
    assert shortened("  spread\n over   lines  ", 200) == "spread over lines"


def test_long_record_descriptions_are_cut_in_every_preview(tmp_path):
    summary = " ".join(["Buyers meet suppliers on circular and fair smartphones."] * 8)
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    record = project / "data" / "events" / "winter-workshop.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("summary: A past workshop.", f"summary: {summary}"),
                      encoding="utf-8")
    site = build(project)
    doc = lxml_html.fromstring((site / "events" / "winter-workshop" / "index.html").read_bytes())
    values = [_meta(doc, key)[0] for key in ("description", "og:description", "twitter:description")]
    assert len(set(values)) == 1
    kept = values[0][:-1]
    assert values[0].endswith("…") and len(values[0]) <= 200
    assert summary.startswith(kept) and summary[len(kept)] == " "  # whole words only
