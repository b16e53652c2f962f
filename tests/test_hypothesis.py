"""Random input to the loader: it loads, or raises the hub's own DataError; it never crashes."""
import tempfile
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
