"""Make folium pages that work offline: inline the vendored JS/CSS, refuse anything remote.

A folium page loads Leaflet, jQuery, Bootstrap, Font Awesome and its plugins from CDNs, so offline
it is a blank page. `inline_assets` swaps each such <script src> and <link rel=stylesheet> for the
copy vendored in geo/web/vendor (see scripts/vendor_web_assets.py), and `assert_self_contained`
refuses a page that would still fetch something from outside itself when opened.
"""

from __future__ import annotations

import base64
import binascii
import functools
import html
import json
import re
import urllib.parse
from collections.abc import Collection
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import folium
import folium.plugins

from geo.atomic import write_text

VENDOR = resources.files("geo.web") / "vendor"

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class NotSelfContained(ValueError):
    """The page would load something from outside itself; `findings` says what and where."""

    def __init__(self, findings: list[str]):
        self.findings = findings
        listing = "\n".join(f"  - {finding}" for finding in findings)
        super().__init__(f"page is not self-contained; opening it would load:\n{listing}")


def optional_osm_layer(name: str = "OpenStreetMap (online)") -> folium.TileLayer:
    """OSM tiles as a base layer the reader may switch on when online; hidden on opening."""
    return folium.TileLayer(
        OSM_TILES, name=name, show=False, overlay=False,
        attr='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
             " contributors")


# ---------------------------------------------------------------------------------------------
# Inlining

_SCRIPT_ELEMENT = re.compile(r"<script\b(?P<attributes>[^>]*)>\s*</script\s*>", re.I)
_LINK_ELEMENT = re.compile(r"<link\b(?P<attributes>[^>]*?)/?>", re.I)
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'"""
    r"""|(?P<bare>[^\s"'=<>`]+)))?""")
# The HTML spec's advice for inline scripts: these sequences would end the element early or
# switch the parser into a state where "</script>" no longer ends it. "\x3C" is "<" in JS
# strings, template literals and regular expressions alike.
_SCRIPT_HAZARD = re.compile(r"<(?=!--|/?script)", re.I)


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        value = next((v for v in match.group("double", "single", "bare") if v is not None), "")
        found[match["name"].lower()] = html.unescape(value)
    return found


@functools.cache
def _vendored_paths_by_url() -> dict[str, tuple[str, ...]]:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    paths: dict[str, list[str]] = {}
    for entry in manifest["files"]:
        for url in entry["replaces"]:
            paths.setdefault(url, []).append(entry["path"])
    return {url: tuple(url_paths) for url, url_paths in paths.items()}


@functools.cache
def _inline_element(path: str) -> str:
    content = (VENDOR / path).read_text(encoding="utf-8")
    if path.endswith(".js"):
        escaped = _SCRIPT_HAZARD.sub(r"\\x3C", content)
        return f'<script data-vendored="{path}">\n{escaped}\n</script>'
    return f'<style data-vendored="{path}">\n{content}\n</style>'


def inline_assets(page: folium.Map | str) -> str:
    """The page's HTML with every CDN script and stylesheet that geo vendors inlined.

    References to anything not in geo/web/vendor/MANIFEST.json are left as they are, for
    `assert_self_contained` to report.
    """
    page_html = page if isinstance(page, str) else page.get_root().render()
    already_inlined: set[str] = set()

    def vendored(url: str | None) -> str | None:
        paths = _vendored_paths_by_url().get(url or "")
        if paths is None:
            return None
        # Loading a library twice would replace it under the plugins already attached to it.
        fresh = [path for path in paths if path not in already_inlined]
        already_inlined.update(fresh)
        return "\n".join(_inline_element(path) for path in fresh)

    def replace_script(match: re.Match) -> str:
        inline = vendored(_attributes(match["attributes"]).get("src"))
        return match[0] if inline is None else inline

    def replace_link(match: re.Match) -> str:
        attributes = _attributes(match["attributes"])
        if "stylesheet" not in attributes.get("rel", "").lower().split():
            return match[0]
        inline = vendored(attributes.get("href"))
        return match[0] if inline is None else inline

    return _LINK_ELEMENT.sub(replace_link, _SCRIPT_ELEMENT.sub(replace_script, page_html))


# ---------------------------------------------------------------------------------------------
# Checking

# Markup attributes whose URL the browser fetches as it renders the page.
_LOADING_ATTRIBUTES = {
    "script": {"src"}, "link": {"href"}, "img": {"src", "srcset"}, "iframe": {"src"},
    "frame": {"src"}, "embed": {"src"}, "object": {"data"}, "source": {"src", "srcset"},
    "video": {"src", "poster"}, "audio": {"src"}, "track": {"src"}, "input": {"src"},
    "base": {"href"}, "image": {"href", "xlink:href"}, "use": {"href", "xlink:href"},
    "body": {"background"},
}
_REMOTE = r"(?:https?:)?//[^\s\"'`()<>\\]+"
_CSS_IMPORT_OR_URL = re.compile(
    r"""@import\s*(?:url\(\s*)?["']?\s*(?P<import>[^"')\s;]+)"""
    r"""|url\(\s*["']?\s*(?P<url>[^"')\s]+)""", re.I)
# HTML or CSS written inside JS strings, as folium writes popups and tooltips; the quote may be
# escaped (\") and "<" written as \u003c.
_REMOTE_MARKUP_IN_JS = re.compile(
    rf"""\b(?:src|srcset|poster)\s*=\s*\\?["']?\s*(?P<url>{_REMOTE})"""
    rf"""|(?:<|\\u003c)link\b[^>]*?\bhref\s*=\s*\\?["']?\s*(?P<link>{_REMOTE})"""
    rf"""|(?:@import\s*|url\(\s*)\\?["']?\s*(?P<css>{_REMOTE})""", re.I)
_JS_LOADER = re.compile(
    r"""\b(?P<call>L\.(?:imageOverlay|videoOverlay)|fetch|\$\.(?:ajax|getJSON|getScript|get)"""
    r"""|importScripts|import)\s*\(\s*(?P<quote>["'`])(?P<url>[^"'`]*)(?P=quote)""")
_TILE_LAYER = re.compile(
    r"""(?:\b(?:var|let|const)\s+(?P<name>[\w$]+)\s*=\s*)?"""
    r"""\bL\.tileLayer(?:\.wms)?\(\s*(?P<quote>["'`])(?P<url>[^"'`]*)(?P=quote)""")
_LAYER_CONTROL_ENTRY = r"""["'][^"'\n]*["']\s*:\s*{name}(?![\w$])"""


def _is_inside_page(url: str) -> bool:
    """data: and blob: URLs and #fragments are part of the page; anything else is fetched."""
    return url.strip().lower().startswith(("data:", "blob:", "#", "about:blank"))


class _PageScanner(HTMLParser):
    """Collects loading attributes, CSS, inline scripts and nested documents of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loaded: list[tuple[str, str]] = []  # (where, url)
        self.css: list[str] = []
        self.scripts: list[str] = []
        self.nested_pages: list[str] = []
        self._text_element: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _LOADING_ATTRIBUTES.get(tag, ()):
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name.endswith(
                    "srcset") else [value]
                self.loaded += [(f"<{tag} {name}>", url) for url in urls]
            if name == "style":
                self.css.append(value)
            if tag in ("iframe", "frame") and name == "srcdoc":
                self.nested_pages.append(value)
            if tag in ("iframe", "frame") and name == "src" and value.startswith("data:text/html"):
                self.nested_pages.append(_decode_data_url(value))
        if tag in ("script", "style"):
            self._text_element, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._text_element:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._text_element:
            (self.scripts if tag == "script" else self.css).append("".join(self._text))
            self._text_element = None


def _decode_data_url(url: str) -> str:
    header, _, payload = url.partition(",")
    try:
        raw = base64.b64decode(payload) if header.endswith(";base64") else (
            urllib.parse.unquote_to_bytes(payload))
    except binascii.Error:
        return ""
    return raw.decode("utf-8", errors="replace")


def _tile_layer_findings(scripts: str, online_tile_templates: Collection[str]) -> list[str]:
    findings = []
    for match in _TILE_LAYER.finditer(scripts):
        url, name = match["url"], match["name"]
        if _is_inside_page(url):
            continue
        where = f"tile layer {name or '(unnamed)'}: {url}"
        if url not in online_tile_templates:
            findings.append(f"{where} (not an allowed online tile source)")
            continue
        if name is None:
            findings.append(f"{where} (shown on opening)")
            continue
        uses = len(re.findall(rf"(?<![\w$]){re.escape(name)}(?![\w$])", scripts))
        in_layer_control = len(re.findall(
            _LAYER_CONTROL_ENTRY.format(name=re.escape(name)), scripts))
        if uses > 1 + in_layer_control:
            findings.append(f"{where} (shown on opening: its variable is used beyond its"
                            " declaration and the layers control)")
    return findings


def _findings(page_html: str, online_tile_templates: Collection[str]) -> list[str]:
    scanner = _PageScanner()
    scanner.feed(page_html)
    scanner.close()
    findings = [f"{where}: {url}" for where, url in scanner.loaded if not _is_inside_page(url)]
    for css in scanner.css:
        for match in _CSS_IMPORT_OR_URL.finditer(css):
            url = match["import"] or match["url"]
            if not _is_inside_page(url):
                findings.append(f"CSS {'@import' if match['import'] else 'url()'}: {url}")
    scripts = "\n".join(scanner.scripts)
    for match in _REMOTE_MARKUP_IN_JS.finditer(scripts):
        where = {"url": "src= in a script", "link": "<link href> in a script",
                 "css": "CSS url() or @import in a script"}[match.lastgroup]
        findings.append(f"{where}: {match[match.lastgroup]}")
    findings += [f"{match['call']}(): {match['url']}" for match in _JS_LOADER.finditer(scripts)
                 if not _is_inside_page(match["url"])]
    findings += _tile_layer_findings(scripts, online_tile_templates)
    for nested in scanner.nested_pages:
        findings += [f"in an iframe: {finding}"
                     for finding in _findings(nested, online_tile_templates)]
    return findings


def assert_self_contained(page_html: str, *,
                          online_tile_templates: Collection[str] = (OSM_TILES,)) -> None:
    """Raise NotSelfContained if opening the page would fetch anything from outside it.

    Checked, in the page and in iframes given as data:text/html or srcdoc:
      - markup that loads as it renders (script src, link href, img src/srcset, iframe src,
        object data, media, svg image/use, base href): only data:, blob: or #fragment URLs;
      - CSS in <style> elements and style attributes: @import and url(), same rule (fonts
        and images included);
      - inline scripts: http(s) and protocol-relative (//) URLs in markup or CSS written inside
        JS strings (src=, srcset=, poster=, <link href=, url(), @import), and any literal URL
        other than data:/blob: passed to L.imageOverlay, L.videoOverlay, fetch, $.ajax, $.get,
        $.getJSON, $.getScript, import or importScripts.
    Tile layers get one exception: an L.tileLayer whose URL template is in
    `online_tile_templates` (by default OSM's) may be remote if the page does not show it on
    opening, i.e. its variable appears only in its declaration and in the layers control, so
    that the reader has to switch it on (see `optional_osm_layer`). Any other tile layer must
    draw from data: URLs. Links (<a href>) are not loads and are not checked.
    """
    if findings := _findings(page_html, online_tile_templates):
        raise NotSelfContained(findings)


def save_offline_html(page: folium.Map | str, path: Path, *,
                      online_tile_templates: Collection[str] = (OSM_TILES,)) -> None:
    """Inline the vendored assets and write the page; if it is not self-contained, raise
    NotSelfContained and write nothing."""
    page_html = inline_assets(page)
    assert_self_contained(page_html, online_tile_templates=online_tile_templates)
    write_text(path, page_html)
