"""Render a map page to PNG in headless Debian chromium, offline (see geo/browser.py): as a
desktop screen shows it (map.png) and as a phone does (map_phone.png), beside the page.

    python scripts/render_map.py outputs/ain_amenas_2013/map.html

Fails (exit 2) if chromium is missing, or if the page asked for anything outside itself or
logged an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.browser import PHONE_VIEWPORT, ChromiumMissing, render_png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="the map's HTML page")
    args = parser.parse_args()
    try:
        render_png(args.page, args.page.with_name("map.png"))
        render_png(args.page, args.page.with_name("map_phone.png"), PHONE_VIEWPORT)
    except (ChromiumMissing, RuntimeError) as err:
        print(f"render_map: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
