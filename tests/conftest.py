import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import shared_build  # noqa: E402


@pytest.fixture(scope="session")
def shared_tmp(tmp_path_factory) -> Path:
    """A folder all xdist workers of this session share (for sites built once)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


@pytest.fixture(scope="session")
def basic_site(shared_tmp) -> Path:
    """tests/fixtures/basic built with HUB_NOW=2021-06-01T00:00 UTC."""
    return shared_build(shared_tmp, "basic")


@pytest.fixture(autouse=True)
def _not_under_github_actions(monkeypatch):
    """`check` adds workflow annotations under GitHub Actions; tests that want them set GITHUB_ACTIONS themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
