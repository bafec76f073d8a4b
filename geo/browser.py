"""Debian's chromium, driven by Playwright, with no way out to the network.

Used to render the map's picture (scripts/render_map.py) and by the browser tests. Playwright
drives /usr/bin/chromium (Debian's package; never `playwright install`). Every request that is
not part of the page (file:, data:, blob:, or this machine) is aborted and recorded, so what
the browser shows is what a reader without a network sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from geo.atomic import atomic_path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium itself calls home at every start.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
PHONE_VIEWPORT = {"width": 390, "height": 844}  # a phone held upright (iPhone 12 to 15)
# A map is ready when Leaflet has drawn its layers and the fonts are in.
MAP_READY = ("document.querySelectorAll('.leaflet-overlay-pane path').length > 0"
             " && document.fonts.status === 'loaded'")


class ChromiumMissing(RuntimeError):
    pass


@contextmanager
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        raise ChromiumMissing(f"{CHROMIUM} is missing (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class OfflinePage:
    """A page in its own browser context that aborts and records every request from outside
    the page (`blocked`), and records every request (`requested`) and console error."""

    def __init__(self, browser, timeout_ms: int = 30_000, viewport: dict = VIEWPORT):
        self.context = browser.new_context(viewport=viewport, has_touch=viewport["width"] < 600)
        self.context.set_default_timeout(timeout_ms)
        self.blocked: list[str] = []
        self.requested: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._only_local)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _only_local(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, page_path: Path, ready: str | None = None) -> None:
        self.page.goto(Path(page_path).resolve().as_uri(), wait_until="load")
        if ready:
            self.page.wait_for_function(ready)

    def close(self) -> None:
        self.context.close()


def render_png(page_path: Path, png_path: Path, viewport: dict = VIEWPORT) -> None:
    """Screenshot a map page, refusing one that asked for anything outside itself."""
    with chromium() as browser:
        offline = OfflinePage(browser, viewport=viewport)
        offline.open(page_path, ready=MAP_READY)
        png = offline.page.screenshot(type="png")
        offline.close()
    if offline.blocked or offline.errors:
        raise RuntimeError(f"{page_path} is not offline-clean: blocked {offline.blocked}, "
                           f"errors {offline.errors}")
    with atomic_path(png_path) as tmp:
        tmp.write_bytes(png)
