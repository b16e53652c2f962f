"""Draw the default link-preview card: tools/card.svg -> docs/assets/images/card.png (1200x630).

Run once after changing card.svg, and commit the PNG: the build only copies it (no image
library or browser at build time). Uses headless Chromium (CHROMIUM_PATH, else `chromium`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tools" / "card.svg"
TARGET = ROOT / "docs" / "assets" / "images" / "card.png"
WIDTH, HEIGHT = 1200, 630


def main() -> int:
    browser = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("make_card: needs Chromium (set CHROMIUM_PATH or install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}",
                        f"--screenshot={TARGET}", SOURCE.as_uri()], check=True, capture_output=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
