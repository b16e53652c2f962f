"""Lighthouse on a phone: accessibility, best practices and SEO are 100 (tools/audit.py; `make audit` does more)."""
import os
import shutil
import sys

import pytest
from sitebuild import REPO

sys.path.insert(0, str(REPO / "tools"))
import audit  # noqa: E402


@pytest.fixture(scope="module")
def served(basic_site):
    if not os.access(audit.CHROMIUM, os.X_OK) or not shutil.which("node") or not audit.LIGHTHOUSE.exists():
        pytest.skip(f"Lighthouse needs node, node_modules/lighthouse and Chromium at {audit.CHROMIUM}")
    server = audit.SiteServer(basic_site)
    yield server.url
    server.close()


@pytest.mark.parametrize("path", ["", "events/spring-dialogue/"])
def test_phone_scores_100_in_accessibility_best_practices_and_seo(served, path):
    result = audit.lighthouse(served + path, categories=audit.MUST_BE_100)
    print(f"/{path}: {result['scores']}")
    assert all(result["scores"][c] == 100 for c in audit.MUST_BE_100), (result["scores"], result["failed"])
