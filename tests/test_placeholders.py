"""Facts of data/site.yml marked as placeholders (hub/load/placeholders.py): found, and left out."""
from hub.load.placeholders import marked, without_placeholders
from hub.load.yamlfile import read_yaml
from hub.model.records import Site

SITE = """\
name: Hub
# placeholder: no address yet;
# ask the operator.
contact: hub@example.org
funding: Funded.  # placeholder
repository: https://github.com/example/hub
accessibility:
  # a note that is not a marking
  contact: a@example.org
  # Placeholder: depends on the operator
  enforcement:
    name: Body
    url: https://example.org/body
"""


def test_marked_by_a_comment_above_or_after_and_a_group_marks_its_fields():
    doc = read_yaml("data/site.yml", SITE.encode())
    found = marked(SITE, doc.lines)
    assert [(p.line, p.field, p.note) for p in found] == [
        (4, "contact", "placeholder: no address yet; ask the operator."),
        (5, "funding", "placeholder"),
        (11, "accessibility.enforcement", "Placeholder: depends on the operator"),
    ]
    assert found[0].warning() == ("data/site.yml:4: contact: a placeholder, left out of every page "
                                  "(no address yet; ask the operator.)")


def test_pages_see_the_site_without_them():
    doc = read_yaml("data/site.yml", SITE.encode())
    site = without_placeholders(Site.model_validate(doc.data), marked(SITE, doc.lines))
    assert site.contact is None and site.funding is None and site.accessibility.enforcement is None
    assert site.repository == "https://github.com/example/hub" and site.accessibility.contact == "a@example.org"


def test_text_with_a_hash_is_not_a_marking():
    text = "name: Hub#placeholder\n"
    assert marked(text, read_yaml("data/site.yml", text.encode()).lines) == ()


def test_a_strict_build_lists_placeholders_and_does_not_fail_on_them(tmp_path):
    import os
    import subprocess
    import sys

    from sitebuild import FIXTURES, prepare_project
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    site = project / "data" / "site.yml"
    site.write_text(site.read_text().replace("funding: Funded by the test budget.",
                                             "# placeholder: the funder is not known yet\nfunding: Funded by the test budget."))
    env = dict(os.environ, HUB_NOW="2021-06-01T00:00", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "data/site.yml:5: funding: a placeholder, left out of every page (the funder is not known yet)" in result.stderr
    assert result.stderr.count("funding: a placeholder") == 1  # once per build, not once per language
    footer = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Funded by the test budget." not in footer
