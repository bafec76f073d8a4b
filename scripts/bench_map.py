"""Benchmark the founding case's map: build time, page size, time until ready in Chromium.

    python scripts/bench_map.py [ARTICLE] [--runs N]

Baselines, built from the same layers:
- plain folium: one folium.GeoJson per layer and one for the 1:50m countries as they are
  stored (no simplification), no popups, tooltips, legend or controls, assets inlined the
  same way;
- empty Leaflet: a page with Leaflet inlined and an empty map, the floor of any Leaflet page.
Each figure is the median of N runs; pages load from file:// in Debian's chromium with every
request from outside the page aborted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import folium

from geo import base_layers
from geo.browser import CHROMIUM, OfflinePage, chromium
from geo.incident_layers import build_layers
from geo.incident_map import article_text, map_html
from geo.offline_html import assert_self_contained, inline_assets
from geo.pipeline import Pipeline
from geo.source import read_article_file

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared" / "seed" / "ain_amenas_2013.txt"
# Leaflet has drawn the page's SVG, or (the empty map) set up its map pane.
DRAWN = "document.querySelectorAll('.leaflet-overlay-pane path').length > 0"
EMPTY_MAP_READY = "document.querySelector('.leaflet-map-pane') !== null"


def median_seconds(task, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_folium_html(layers) -> str:
    page = folium.Map(tiles=None)
    folium.GeoJson(base_layers.countries("50m")[["name", "geometry"]], name="basemap").add_to(page)
    for name, frame in layers.items():
        if not frame.empty:
            folium.GeoJson(frame, name=name).add_to(page)
    return inline_assets(page.get_root().render())


def empty_leaflet_html() -> str:
    page = folium.Map(tiles=None, location=[0, 0], zoom_start=2)
    return inline_assets(page.get_root().render())


def seconds_until_ready(browser, page_path: Path, ready: str, runs: int) -> float:
    def load():
        offline = OfflinePage(browser)
        offline.page.goto(page_path.as_uri(), wait_until="load")
        offline.page.wait_for_function(ready)
        offline.close()
        if offline.blocked or offline.errors:
            raise SystemExit(f"{page_path.name}: blocked {offline.blocked}, "
                             f"errors {offline.errors}")

    load()  # warm Chromium's caches for the vendored libraries' code
    return median_seconds(load, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=ARTICLE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    analysis = Pipeline().analyse(read_article_file(args.article))
    layers = build_layers(analysis)
    text = article_text(analysis)
    pages = {"geo map": inline_assets(map_html(layers, text)),
             "plain folium": plain_folium_html(layers), "empty Leaflet": empty_leaflet_html()}
    for page_html in pages.values():
        assert_self_contained(page_html)

    build = median_seconds(lambda: inline_assets(map_html(layers, text)), args.runs)
    plain_build = median_seconds(lambda: plain_folium_html(layers), args.runs)
    sizes = {name: len(page_html.encode()) for name, page_html in pages.items()}

    print(f"founding case: {args.article.name}, median of {args.runs} runs")
    print(f"{'':14}{'geo map':>12}{'plain folium':>14}{'ratio':>8}")
    print(f"{'build':14}{build * 1000:>10.0f}ms{plain_build * 1000:>12.0f}ms"
          f"{build / plain_build:>7.2f}x")
    print(f"{'page size':14}{sizes['geo map'] / 1e6:>10.2f}MB"
          f"{sizes['plain folium'] / 1e6:>12.2f}MB{sizes['geo map'] / sizes['plain folium']:>7.2f}x"
          f"   (empty Leaflet page: {sizes['empty Leaflet'] / 1e6:.2f} MB)")

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing (Debian package chromium): no browser timings")
        return 0
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        paths = {}
        for name, page_html in pages.items():
            paths[name] = Path(folder) / f"{name.replace(' ', '_')}.html"
            paths[name].write_text(page_html, encoding="utf-8")
        ready = {name: seconds_until_ready(browser, path, EMPTY_MAP_READY if name ==
                                           "empty Leaflet" else DRAWN, args.runs)
                 for name, path in paths.items()}
    empty = ready["empty Leaflet"]
    print(f"{'ready':14}{ready['geo map'] * 1000:>10.0f}ms{ready['plain folium'] * 1000:>12.0f}ms"
          f"{ready['geo map'] / ready['plain folium']:>7.2f}x"
          f"   (empty Leaflet map: {empty * 1000:.0f} ms; geo map {ready['geo map'] / empty:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
