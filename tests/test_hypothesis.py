"""Random input to the loader: it loads, or raises the hub's own DataError; it never crashes."""
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.model.errors import DataError
from hub.load.content import Content, load_content
from hub.load.markdown_safety import bad_scheme, render_markdown, unsafe_markdown
from hub.model.records import COLLECTIONS

LANGUAGES = ["en", "sv", "nb", "da", "fi", "nl", "de"]
FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PROJECT = Path(tempfile.mkdtemp(prefix="hub-fuzz-"))
for rel, text in {
    "data/site.yml": "name: Fuzz hub\n",
    "data/topics.yml": "smartphones: Smartphones\nlaptops: {en: Laptops, sv: Bärbara datorer}\n",
    "data/series.yml": "talks: Talks\n",
    "data/organisations/city-of-malmo.yml": "name: City of Malmö\nkind: public-buyer\n",
}.items():
    (_PROJECT / rel).parent.mkdir(parents=True, exist_ok=True)
    (_PROJECT / rel).write_text(text, encoding="utf-8")


def load_with(files: dict[str, bytes]) -> None:
    """Write the files, load, and accept only a Content or a DataError."""
    written = []
    try:
        for rel, raw in files.items():
            path = _PROJECT / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            written.append(path)
        try:
            assert isinstance(load_content(str(_PROJECT), LANGUAGES), Content)
        except DataError as err:
            assert err.problems
            assert err.report().splitlines()[-1].endswith(("file", "files"))
    finally:
        for path in written:
            path.unlink()


# Field names of every collection, some misspelt, and values YAML likes to surprise with.
_KEYS = sorted({name for model in COLLECTIONS.values() for name in model.model_fields}) + \
    ["tittle", "id", "en", "sv", "no", "url", "name", "start", "<<", "? x", "- a"]
_VALUES = ["NO", "yes", "09:00", "2021-02-30", "2021-06-14", "2021-06-14T16:00", "Europe/Stockholm", "CET",
           "javascript:alert(1)", "https://example.org/", "data:x", "true", "null", "~", "1e999", ".nan", "-1",
           "99999999999999999999", "city-of-malmo", "smartphones", "[a, b]", "{en: A, sv: B}", "{x: 1}", "[]",
           "{}", "|\n  <script>x</script>", '"\\u0000"', "&a x", "*a", "!!python/name:os.system", "'", '"',
           "[[[[[[", "{en: [1]}", "- a\n- b", "<iframe>", "[x](javascript:y)"]


@st.composite
def yamlish(draw) -> str:
    """Lines of `key: value`, sometimes indented into nested objects and lists."""
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        indent = "  " * draw(st.integers(0, 2))
        dash = draw(st.sampled_from(["", "", "- "]))
        key = draw(st.sampled_from(_KEYS))
        value = draw(st.one_of(st.sampled_from(_VALUES), st.text(max_size=20)))
        lines.append(f"{indent}{dash}{key}: {value}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(st.text(max_size=300))
def test_random_text_as_a_record(text):
    load_with({"data/events/fuzz.yml": text.encode("utf-8", "surrogatepass")})


@FUZZ
@given(yamlish(), st.sampled_from(list(COLLECTIONS)))
def test_random_fields_in_any_collection(text, collection):
    load_with({f"data/{collection}/fuzz.yml": text.encode("utf-8", "surrogatepass")})


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["data/events/fuzz.yml", "data/topics.yml", "data/site.yml"]))
def test_random_bytes_in_any_file(raw, rel):
    original = (_PROJECT / rel).read_bytes() if (_PROJECT / rel).exists() else None
    try:
        load_with({rel: raw})
    finally:
        if original is not None:
            (_PROJECT / rel).write_bytes(original)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>[]()!:=\"'&#;/\\ \nabcjsvtdrpilonfe*`-|x0123456789")), max_size=200))
def test_random_markdown_is_checked_and_rendered(text):
    found = unsafe_markdown(text)
    assert all(isinstance(line, int) and message for line, message in found)
    doc = BeautifulSoup(render_markdown(text), "lxml")
    assert not doc.select("script, iframe, object, embed")
    for element in doc.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs)
        for name in ("href", "src"):
            assert not bad_scheme(element.get(name) or "")


# -- whatever `check` accepts builds: every output, from generated valid records --

import json  # noqa: E402
import shutil  # noqa: E402

from hypothesis import assume  # noqa: E402

from hub.emit import outputs  # noqa: E402
from hub.index.indexes import build_index  # noqa: E402
from hub.load.siteconfig import SiteConfig  # noqa: E402
from hub.model.instants import now_from_env  # noqa: E402
from hub.render.build import HubBuild  # noqa: E402
from hub.render.head import page_head  # noqa: E402
from hub.render.pages import Renderer  # noqa: E402
from hub.render.site_facts import site_facts  # noqa: E402

# Any character a contributor may type: letters of every script, symbols, markup, emoji; not
# control characters, surrogates or unassigned code points, which `check` refuses.
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=40)
_MARKUP = st.sampled_from(["<b>x</b>", "&amp;", "{{ x }}", "{% raw %}", "[a](https://example.org/)", "**b**", "\\",
                           "'\"", "# h", "---", "<!--", "]]>", "\u202e", "𝔘", "ﷺ", " "])
# Not blank: `check` refuses an empty text ("leave the field out").
_SOME_TEXT = st.one_of(_TEXT, _MARKUP, st.builds(lambda a, b: a + b, _TEXT, _MARKUP)).filter(str.strip)
_ZONES = st.sampled_from(["Europe/Brussels", "Europe/Stockholm", "UTC", "Australia/Lord_Howe", "America/St_Johns",
                          "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/Sao_Paulo"])
_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
_URLS = st.sampled_from(["https://example.org/", "http://example.org/a?b=c&d=e#f", "mailto:a@example.org",
                         "https://xn--mlm-qla.example/%20x", "https://example.org:8443/ü/"])


def _translated(text_strategy):
    return st.one_of(text_strategy, st.dictionaries(st.sampled_from(LANGUAGES), text_strategy, min_size=1)
                     .map(lambda d: {"en": next(iter(d.values())), **d}))


@st.composite
def _event(draw):
    zone = draw(_ZONES)
    start = datetime.combine(draw(_DAYS), time(draw(st.integers(0, 23)), draw(st.integers(0, 59))))
    end = start + timedelta(minutes=draw(st.integers(1, 60 * 24 * 3)))
    assume(end.year <= 2200)
    record = {"title": draw(_translated(_SOME_TEXT)), "kind": "webinar", "start": f"{start:%Y-%m-%dT%H:%M}",
              "end": f"{end:%Y-%m-%dT%H:%M}", "timezone": zone, "summary": draw(_translated(_SOME_TEXT)),
              "organisers": ["city-of-malmo"], "added": draw(_DAYS).isoformat(),
              "status": draw(st.sampled_from(["scheduled", "cancelled", "postponed"]))}
    if draw(st.booleans()):
        record["online"] = True
    else:
        record["location"] = {"city": draw(_SOME_TEXT.filter(bool)), "country": draw(st.sampled_from(["SE", "NO", "FI"]))}
    if draw(st.booleans()):
        record["registration"] = {"url": draw(_URLS), "deadline": min(start.date(), draw(_DAYS)).isoformat()}
    if draw(st.booleans()):
        record["recording"] = {"url": draw(_URLS), "duration_minutes": draw(st.integers(0, 100_000)),
                               "published": draw(_DAYS).isoformat(), "captions": True}
    if draw(st.booleans()):
        record["speakers"] = [{"name": draw(_SOME_TEXT), "organisation": draw(st.sampled_from(["city-of-malmo", "Lund"]))}]
        record["agenda"] = [{"start": "09:00", "end": "09:30", "title": draw(_translated(_SOME_TEXT))}]
        record["description"] = draw(_translated(_SOME_TEXT))
        record["topics"] = draw(st.lists(st.sampled_from(["smartphones", "laptops"]), unique=True))
        record["series"] = "talks"
        record["language"] = draw(st.lists(st.sampled_from(["en", "sv", "fr"]), min_size=1, unique=True))
    return record


@st.composite
def _case(draw):
    number = st.one_of(st.integers(-10**15, 10**15), st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False))
    return {"title": draw(_translated(_SOME_TEXT)), "summary": draw(_SOME_TEXT), "buyers": ["city-of-malmo"],
            "country": "SE", "year": draw(st.integers(1900, 2200)), "topics": ["laptops"], "added": draw(_DAYS).isoformat(),
            "contract": {"value": draw(st.floats(0, 1e13, allow_nan=False)), "currency": "EUR",
                         "devices": draw(st.integers(0, 10_000_000)), "duration_months": draw(st.integers(0, 1200))},
            "results": [{"label": draw(_SOME_TEXT), "value": draw(st.one_of(number, _SOME_TEXT)), "unit": "kg"}],
            "criteria": [draw(_SOME_TEXT)], "labels": [draw(_SOME_TEXT)], "lessons": draw(_SOME_TEXT)}


@st.composite
def _others(draw):
    day = draw(_DAYS).isoformat()
    statement = {"title": draw(_SOME_TEXT), "date": day, "summary": draw(_SOME_TEXT), "added": day,
                 "commitments": [draw(_translated(_SOME_TEXT))], "commitments_total": draw(st.integers(0, 10_000)),
                 "signatories": [{"organisation": "city-of-malmo", "signed": day, "role": "procuring"}],
                 "open": draw(st.booleans()), "join": draw(_URLS)}
    published = draw(st.one_of(_DAYS.map(str), st.integers(1900, 2200).map(str),
                               _DAYS.map(lambda d: f"{d:%Y-%m}")))
    resource = {"title": draw(_SOME_TEXT), "kind": "report", "published": published, "summary": draw(_SOME_TEXT),
                "added": day, "url": draw(_URLS), "language": ["en"], "topics": ["smartphones"]}
    organisation = {"name": draw(_translated(_SOME_TEXT)), "kind": "ngo", "short_name": draw(_SOME_TEXT),
                    "website": draw(_URLS), "description": draw(_SOME_TEXT), "contact": {"email": "a@example.org"}}
    return statement, resource, organisation


def _project(tmp: Path, records: dict[str, dict]) -> None:
    shutil.copy(Path(__file__).resolve().parent.parent / "mkdocs.yml", tmp / "mkdocs.yml")
    for rel, text in {"data/site.yml": "name: Fuzz hub\ncontact: hub@example.org\n",
                      "data/topics.yml": "smartphones: Smartphones\nlaptops: {en: Laptops, sv: Bärbara datorer}\n",
                      "data/series.yml": "talks: Talks\n",
                      "data/organisations/city-of-malmo.yml": "name: City of Malmö\nkind: public-buyer\n"}.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text, encoding="utf-8")
    for rel, record in records.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        # JSON is YAML, and every value in it is quoted or a plain number: the strict reader reads it as written.
        (tmp / rel).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


# Few examples: each renders every page and writes every output in seven languages (about half a second).
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_event(), _case(), _others())
def test_whatever_check_accepts_builds_every_output(event, case, others):
    statement, resource, organisation = others
    tmp = Path(tempfile.mkdtemp(prefix="hub-outputs-"))
    try:
        _project(tmp, {"data/events/fuzz-event.yml": event, "data/cases/fuzz-case.yml": case,
                       "data/statements/fuzz-statement.yml": statement, "data/resources/fuzz-resource.yml": resource,
                       "data/organisations/fuzz-org.yml": organisation})
        try:
            content = load_content(str(tmp), LANGUAGES)
        except DataError:
            assume(False)  # refused by check (Markdown it does not allow, a time skipped by DST): nothing to build
        config = SiteConfig(str(tmp), tuple(LANGUAGES), "https://example.org/hub/")
        index = build_index(content, now_from_env("2021-06-01T00:00"))
        build = HubBuild(config, content, index, Renderer(index, config))
        for lang in LANGUAGES:
            build.renderer.home(lang)
            for collection in [*COLLECTIONS, "topics"]:
                build.renderer.listing(collection, lang)
            for collection, record_id in build.record_keys():
                build.renderer.front_matter(collection, record_id, lang)
                build.renderer.record_page(collection, record_id, lang)
                page_head(build, lang, f"{collection}/{record_id}/", f"{collection}/{record_id}",
                          build.renderer.title(collection, record_id, lang),
                          build.renderer.description(collection, record_id, lang))
            site_facts(build, lang)
        outputs.write_all(build, str(tmp / "site"))  # calendars, feeds, export, redirects
        assert (tmp / "site" / "calendar.ics").exists() and (tmp / "site" / "api" / "events.json").exists()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
