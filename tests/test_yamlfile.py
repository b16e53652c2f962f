"""Strict YAML reading: text as written, the line of everything, and refusals with their line."""
import time

import pytest

from hub.load.yamlfile import MAX_DEPTH, YamlProblem, read_yaml


def read(text: str):
    return read_yaml("data/x.yml", text.encode("utf-8"))


def refused(text) -> list[str]:
    with pytest.raises(YamlProblem) as caught:
        read_yaml("data/x.yml", text if isinstance(text, bytes) else text.encode("utf-8"))
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("written,value", [
    ("NO", "NO"),  # YAML 1.1: false
    ("no", "no"),
    ("yes", "yes"),  # YAML 1.1: true
    ("on", "on"),
    ("09:00", "09:00"),  # YAML 1.1: 540
    ("1_000", "1_000"),  # YAML 1.1: 1000
    ("0o17", "0o17"),
    ("2021-06-14", "2021-06-14"),  # PyYAML: a date object
    ("2021-06-14T16:00", "2021-06-14T16:00"),
    ("1.50", "1.50"),
    (".inf", ".inf"),
    ("'true'", "true"),
    ('"null"', "null"),
    ("true", True),
    ("false", False),
    ("null", None),
    ("~", None),
    ("", None),
])
def test_scalars_are_text_except_true_false_null(written, value):
    assert read(f"value: {written}\n").data == {"value": value}


def test_keys_are_text_as_written():
    assert read("no: Norsk\n1: one\ntrue: yes\n").data == {"no": "Norsk", "1": "one", "true": "yes"}


def test_lines_of_keys_items_and_missing_fields():
    doc = read("title: A\nspeakers:\n  - name: B\n    role: C\n  - role: D\nagenda:\n- {title: E}\n")
    assert doc.line_of(("title",)) == 1
    assert doc.line_of(("speakers", 0, "role")) == 4
    assert doc.line_of(("speakers", 1)) == 5
    assert doc.line_of(("speakers", 1, "name")) == 5  # missing: the line of its object
    assert doc.line_of(("agenda", 0, "title")) == 7
    assert doc.line_of(("nothing", "here")) == 1


def test_block_text_starts_on_the_line_after_its_indicator():
    doc = read("name: A\ndescription: |\n  First line\n  Second\nsummary: One line\n")
    assert doc.text_line(("description",)) == 3
    assert doc.text_line(("summary",)) == 5


def test_windows_line_endings_are_fine():
    doc = read_yaml("data/x.yml", b"title: A\r\nkind: webinar\r\n")
    assert doc.data == {"title": "A", "kind": "webinar"}
    assert doc.line_of(("kind",)) == 2


def test_duplicate_keys_are_all_reported():
    assert refused("a: 1\nb: 2\na: 3\nc:\n  d: 4\n  d: 5\n") == [
        "data/x.yml:3: a: duplicate key (first given on line 1): keep one, or the other is lost",
        "data/x.yml:6: c.d: duplicate key (first given on line 5): keep one, or the other is lost"]


def test_duplicate_key_whose_values_are_lists():
    assert refused("topics:\n  - a\ntopics:\n  - b\n") == [
        "data/x.yml:3: topics: duplicate key (first given on line 1): keep one, or the other is lost"]


def test_anchor_and_alias_are_refused_where_they_are():
    assert refused("a: &x 1\nb:\n  - *x\n") == [
        "data/x.yml:1: YAML anchor '&x' is not allowed: write the value out in full",
        "data/x.yml:3: YAML alias '*x' is not allowed: write the value out in full"]


def test_merge_key_is_refused():
    assert "data/x.yml:3: YAML merge keys (<<) are not allowed: write the fields out in full" in \
        refused("base: &b {a: 1}\nother:\n  <<: *b\n")


def test_alias_bomb_is_never_expanded():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]  # 10^12 items
    started = time.process_time()
    assert len(refused("\n".join(levels) + "\n")) == 23  # one per anchor, one per aliased line
    assert time.process_time() - started < 5  # generous: expanding would never finish


def test_tags_are_refused_but_str_is_plain_quoting():
    assert refused("a: !!int 3\n") == ["data/x.yml:1: YAML tag '!!int' is not allowed: write the value as plain text"]
    assert refused("a: !custom x\n") == ["data/x.yml:1: YAML tag '!custom' is not allowed: write the value as plain text"]
    assert read("a: !!str 09:00\n").data == {"a": "09:00"}


def test_bom_not_utf8_tabs_and_control_characters():
    assert refused(b"\xef\xbb\xbfa: 1\n") == [
        "data/x.yml:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"]
    assert refused(b"a: 1\nb: \xe9\n") == ["data/x.yml:2: not UTF-8 text (byte 0xe9): save the file as UTF-8"]
    assert refused("a:\n\t- 1\n") == ["data/x.yml:2: tab character: YAML must be indented with spaces, not tabs"]
    assert refused("a: 'x\x00'\n") == [
        "data/x.yml:1: invisible control character U+0000: delete it (it often comes with text pasted from another program)"]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "   \n# another\n"])
def test_empty_files_are_refused(text):
    assert refused(text) == ["data/x.yml:1: the file is empty: a record needs at least its required fields"]


def test_syntax_error_names_its_line_in_one_line():
    [problem] = refused("title: A\nsummary: [unclosed\nkind: webinar\n")
    assert problem.startswith("data/x.yml:")
    assert "not valid YAML" in problem and "\n" not in problem


def test_second_document_is_refused():
    assert refused("a: 1\n---\nb: 2\n") == ["data/x.yml:2: a second YAML document ('---'): one file holds one record"]


def test_complex_keys_are_refused():
    assert refused("? [a, b]\n: c\n") == ["data/x.yml:1: a key must be a simple name, not a list or a group of fields"]


def test_nesting_limit():
    assert read("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n").data
    assert refused("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n") == [
        f"data/x.yml:1: nested more than {MAX_DEPTH} levels deep: no record needs that many"]


def test_very_deep_block_nesting_does_not_crash():
    text = "a:\n  " + "- " * 200_000 + "x\n"  # a list in a list in a list ...
    assert refused(text) == [f"data/x.yml:2: nested more than {MAX_DEPTH} levels deep: no record needs that many"]
