"""The hub outlives its engine: ProperDocs (the maintained continuation of MkDocs 1.x) builds the same site."""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from sitebuild import FIXTURE_NOW, site_files

# An engine names itself in Material's <meta name="generator"> (where the theme writes one); nothing else may differ.
_GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    out = {}
    for name, data in site_files(site).items():
        if name.endswith(".gz"):
            data = gzip.decompress(data)  # the archive's own timestamp is not content
        out[name] = _GENERATOR.sub(b"", data)
    return out


def test_properdocs_builds_the_same_pages_as_mkdocs(basic_site: Path, tmp_path: Path):
    project = basic_site.parent
    env = dict(os.environ, HUB_NOW=FIXTURE_NOW, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"properdocs build failed:\n{result.stdout}\n{result.stderr}"
    with_mkdocs, with_properdocs = _files(basic_site), _files(out)
    assert sorted(with_properdocs) == sorted(with_mkdocs)
    different = [name for name in with_mkdocs if with_mkdocs[name] != with_properdocs[name]]
    assert not different, f"ProperDocs and MkDocs disagree on {len(different)} files, e.g. {different[:5]}"
