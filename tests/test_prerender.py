"""hub/mkdocs/prerender.py: record pages skip Markdown except their headings, and come out the same."""
import shutil

import markdown

from hub.mkdocs.prerender import join, split

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
PAGE = """<p class="hub-notice" role="note">Not translated</p>

<div class="hub-facts-box">
<dl><dt>When</dt><dd>14 June 2021</dd></dl>

<p>## not a heading: inside the box</p>
</div>

## Registration { #registration }

<div class="hub-registration"><p><a href="https://example.org/?a=1&amp;b=2">Register</a><br>by 1 June</p></div>
<ul class="hub-list">
<li>One</li>
</ul>

## Speakers

<ul><li><strong>Anna</strong></li></ul>
"""


def normalise(html: str) -> str:
    return " ".join(html.split())


def test_blocks_skip_markdown_and_come_back_where_they_were():
    skeleton, blocks = split(PAGE)
    assert [line for line in skeleton.splitlines() if line.startswith("#")] == \
        ["## Registration { #registration }", "## Speakers"]
    assert len(blocks) == 3 and "<" not in skeleton.replace("<!--hub-block-", "")
    converted = markdown.markdown(skeleton, extensions=EXTENSIONS)
    assert normalise(join(converted, blocks)) == normalise(markdown.markdown(PAGE, extensions=EXTENSIONS))


def test_pages_with_markdown_outside_html_go_through_markdown_whole():
    assert split("## Heading\n\nSome *Markdown* text.\n") is None
    assert split("<strong>inline first</strong> text\n") is None
    assert split('<div markdown>\n\n## Inside\n\n</div>\n') is None
    assert split("<div>\n<p>never closed\n") is None
    assert split("<div></div> trailing text\n") is None


def test_the_render_cache_changes_no_file_of_the_site(basic_site, tmp_path):
    # Record pages with the same skeleton share one Markdown render (RenderCache): without it, the same site.
    import os

    from sitebuild import build, site_files

    project = tmp_path / "project"
    shutil.copytree(basic_site.parent, project, ignore=shutil.ignore_patterns("site"))
    os.environ["HUB_RENDER_CACHE"] = "0"
    try:
        uncached = build(project)
    finally:
        del os.environ["HUB_RENDER_CACHE"]
    assert site_files(uncached) == site_files(basic_site)
