"""Vendor the JS/CSS that folium pages load from CDNs, so that geo's maps work offline.

For every CDN URL that folium 0.20.0 and the plugins geo uses (MeasureControl, Fullscreen,
MiniMap) put in a page, fetch the npm package holding the same file with `npm pack`, check its
integrity against the pinned hash, and write into geo/web/vendor/:
  - the file, with every CSS url(...) to an image or font replaced by a data: URI, so that each
    stylesheet is self-contained once inlined;
  - licenses/<package>-<version>.txt, each package's licence text;
  - MANIFEST.json: per file the package, version, path in the tarball, sha256, licence and the
    CDN URL(s) it replaces, in the order geo.offline_html inlines them.

The output depends only on the pinned tarballs and the installed folium, so a re-run rewrites the
same bytes. Run: python scripts/vendor_web_assets.py   (needs npm and the npm registry)
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import distribution
from pathlib import Path

import folium
import folium.plugins

REPO = Path(__file__).resolve().parents[1]
VENDOR_DIR = REPO / "geo" / "web" / "vendor"
FOLIUM_VERSION = "0.20.0"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # the registry's sha512: a tarball re-published under the same version fails
    license: str  # SPDX expression
    license_file: str  # path inside the tarball

    @property
    def slug(self) -> str:
        return f"{self.name.replace('@', '').replace('/', '-')}-{self.version}"


LEAFLET = NpmPackage(
    "leaflet", "1.9.3",
    "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
    "BSD-2-Clause", "package/LICENSE")
JQUERY = NpmPackage(
    "jquery", "3.7.1",
    "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
    "MIT", "package/LICENSE.txt")
BOOTSTRAP = NpmPackage(
    "bootstrap", "5.2.2",
    "sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ==",
    "MIT", "package/LICENSE")
# folium asks for Bootstrap 3.0.0's glyphicons, which npm does not have (its 3.x starts at 3.1.1);
# 3.4.1, the last 3.x, has every 3.0.0 glyph at the same code point, and 62 more.
BOOTSTRAP3 = NpmPackage(
    "bootstrap", "3.4.1",
    "sha512-yN5oZVmRCwe5aKwzRj6736nSmKDX7pLYwsXiCj/EYmo16hODaBiT4En5btW/jhBF/seV+XMx3aYwukYC3A49DA==",
    "MIT", "package/LICENSE")
FONTAWESOME = NpmPackage(
    "@fortawesome/fontawesome-free", "6.2.0",
    "sha512-CNR7qRIfCwWHNN7FnKUniva94edPdyQzil/zCwk3v6k4R6rR2Fr8i4s3PM7n/lyfPA6Zfko9z5WDzFxG9SW1uQ==",
    "CC-BY-4.0 AND OFL-1.1 AND MIT", "package/LICENSE.txt")
# A verbatim npm copy of lvoogdt/Leaflet.awesome-markers v2.0.2, the release cdnjs serves; the npm
# package `leaflet.awesome-markers` is a fork whose sprite and CSS differ. The copy declares MIT in
# package.json "licenses" but ships no licence file, so the text comes from the fork (below),
# which carries the original author's MIT licence unchanged.
AWESOME_MARKERS = NpmPackage(
    "drmonty-leaflet-awesome-markers", "2.0.2",
    "sha512-g508pdnnHQr9l4kU6McvJzcSd0w1FvHFlZZCYc4oT+zjwYJi1qtj0fFBFEWMKoNfHK4UcBya1eccyjKfu4chjQ==",
    "MIT", "")
AWESOME_MARKERS_LICENSE_SOURCE = NpmPackage(
    "leaflet.awesome-markers", "2.0.5",
    "sha512-Ne/xDjkGyaujwNVVkv2tyXQUV0ZW7gZ0Mo0FuQY4jp2qWrvXi0hwDBvmZyF/8YOvybyMabTMM/mFWCTd1jZIQA==",
    "MIT", "package/LICENSE")
LEAFLET_MEASURE = NpmPackage(
    "leaflet-measure", "2.1.7",
    "sha512-IvoHIoVTIQSXUgaNnAMF17qXFB+dF5ICdwmY8BHyq/Hh33/xeGqQUUYlz0pRMzFN9NUcjsT6JBhCr1ia0CG5ug==",
    "MIT", "package/LICENSE")
LEAFLET_FULLSCREEN = NpmPackage(
    "leaflet.fullscreen", "3.0.0",
    "sha512-81wWSUXz1ZtdneR0v5eJDWXUSx+Zo5J50WXWeydG/UcILfIEAgz/iOjZSi3p00Z9MJ/FC/P5i3CgdYuEAos0yQ==",
    "MIT", "package/LICENSE")
LEAFLET_MINIMAP = NpmPackage(
    "leaflet-minimap", "3.6.1",
    "sha512-6px8f6cfv1rKB6ACpL6bbUFGxipZOq4KsntJgBj9nOcW1RYa5+xFp8emOZwks9X+VtVVsQEwWwfgT1kTTL/LzA==",
    "BSD-2-Clause", "package/LICENSE.txt")

JSDELIVR = "https://cdn.jsdelivr.net"
CDNJS = "https://cdnjs.cloudflare.com/ajax/libs"


class Tarball:
    """The files of an npm tarball, held in memory (the largest package unpacks to ~20 MB)."""

    def __init__(self, path: Path):
        with tarfile.open(path) as tar:
            self._files = {member.name: tar.extractfile(member).read()
                           for member in tar if member.isfile()}

    def read(self, member: str) -> bytes:
        return self._files[member]

    def text(self, member: str) -> str:
        return self.read(member).decode("utf-8")


@dataclass
class Built:
    """A vendored file's content and the tarball members embedded in it as data: URIs."""

    content: bytes
    embedded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Asset:
    path: str  # under geo/web/vendor/
    package: NpmPackage
    source: str  # path inside the tarball
    replaces: tuple[str, ...]
    build: Callable[[Tarball, str], Built]
    how: str  # how the file relates to the tarball member and to the CDN file it replaces


def verbatim(tarball: Tarball, source: str) -> Built:
    return Built(tarball.read(source))


MIME_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".woff2": "font/woff2"}


def data_uri(tarball: Tarball, member: str) -> str:
    mime = MIME_TYPES[posixpath.splitext(member)[1]]
    return f"data:{mime};base64,{base64.b64encode(tarball.read(member)).decode('ascii')}"


CSS_URL = re.compile(r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]+?)(?P=quote)\s*\)""")
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
FONT_SRC = re.compile(r"(?P<src>src\s*:\s*)(?P<value>[^;}]*)(?P<end>;?\s*)")


def woff2_sources_only(css: str) -> str:
    """Keep only the woff2 source of each @font-face.

    Every browser that runs Leaflet 1.9 reads woff2; the eot/woff/ttf/svg fallbacks would only
    double or triple the size of a page that embeds its fonts.
    """

    def filter_src(match: re.Match) -> str:
        # Before data: URIs are embedded, no source contains a comma of its own.
        kept = [entry for entry in match["value"].split(",") if re.search(
            r"""format\(\s*["']woff2["']\s*\)""", entry)]
        return f"{match['src']}{','.join(kept).strip()}{match['end']}" if kept else ""

    return FONT_FACE.sub(lambda face: FONT_SRC.sub(filter_src, face[0]), css)


def embed_urls(css: str, css_member: str, tarball: Tarball) -> Built:
    """Replace each url(...) naming a file of the package by a data: URI of that file."""
    embedded = []

    def replace(match: re.Match) -> str:
        url = match["url"]
        if url.startswith(("data:", "#")):  # already inline, or an SVG/VML fragment reference
            return match[0]
        if re.match(r"(?:[a-z]+:)?//", url, re.I):
            raise ValueError(f"{css_member} loads a remote URL: {url}")
        member = posixpath.normpath(posixpath.join(posixpath.dirname(css_member),
                                                   url.split("?")[0].split("#")[0]))
        embedded.append(member)
        return f"url({match['quote']}{data_uri(tarball, member)}{match['quote']})"

    result = CSS_URL.sub(replace, css)
    return Built(result.encode("utf-8"), sorted(set(embedded)))


def self_contained_css(tarball: Tarball, source: str) -> Built:
    return embed_urls(woff2_sources_only(tarball.text(source)), source, tarball)


GLYPHICON_RULE = re.compile(r"^\.glyphicon[^{]*\{[^}]*\}", re.M)


def glyphicons_only(tarball: Tarball, source: str) -> Built:
    """Bootstrap 3's glyphicon rules and font, without the rest of Bootstrap 3.

    The URL folium uses serves the whole Bootstrap 3 stylesheet, whose resets fight Bootstrap 5
    (it shrinks the page's fonts); awesome-markers needs only the icon font.
    """
    css = tarball.text(source)
    banner = css[: css.index("*/") + 2]
    font_face = next(face[0] for face in FONT_FACE.finditer(css) if "Glyphicons" in face[0])
    rules = [rule[0] for rule in GLYPHICON_RULE.finditer(css)
             if all(selector.strip().startswith(".glyphicon")
                    for selector in rule[0].split("{")[0].split(","))]
    subset = "\n".join([banner, font_face, *rules]) + "\n"
    return embed_urls(woff2_sources_only(subset), source, tarball)


def leaflet_default_icon(tarball: Tarball, source: str) -> Built:
    """Point L.Icon.Default at data: URIs.

    Leaflet 1.9 finds its default marker images by reading leaflet.css's
    .leaflet-default-icon-path background and cutting "marker-icon.png" off that URL, or else from
    the href of a <link> to leaflet.css. An inlined stylesheet with a data: URI gives neither, so
    markers would ask for "marker-icon.png" beside the page; setting imagePath to a string also
    stops Leaflet from probing for it.
    """
    images = {option: f"{source}/{name}" for option, name in [
        ("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
        ("shadowUrl", "marker-shadow.png")]}
    options = ",\n".join(f"  {option}: {json.dumps(data_uri(tarball, member))}"
                         for option, member in images.items())
    script = (
        "/* Leaflet's default marker images (Leaflet, BSD-2-Clause) as data: URIs, for pages that\n"
        "   inline leaflet.css. Written by geo's scripts/vendor_web_assets.py. */\n"
        'L.Icon.Default.imagePath = "";\n'
        f"L.Icon.Default.mergeOptions({{\n{options}\n}});\n")
    return Built(script.encode("utf-8"), sorted(images.values()))


def awesome_rotate_css() -> bytes:
    """folium's leaflet.awesome.rotate CSS: the class folium.Icon(angle=n) gives its icon.

    It lives in folium's git repository, not in its wheel nor on npm. The original also repeats
    each rule with -ms- and -webkit- prefixes that no browser running Leaflet 1.9 needs.
    """
    rules = "\n".join(f".fa-rotate-{angle}{{transform:rotate({angle}deg)}}"
                      for angle in range(1, 361))
    return (f"/* folium {FOLIUM_VERSION} (MIT): folium/templates/leaflet.awesome.rotate.css,"
            f" regenerated by geo's scripts/vendor_web_assets.py */\n{rules}\n").encode()


ASSETS = [
    Asset("leaflet/leaflet.js", LEAFLET, "package/dist/leaflet.js",
          (f"{JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.js",), verbatim, "identical"),
    Asset("leaflet/default-icon.js", LEAFLET, "package/dist/images",
          (f"{JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.js",), leaflet_default_icon,
          "generated: sets L.Icon.Default's images to data: URIs of marker-icon.png,"
          " marker-icon-2x.png and marker-shadow.png; runs right after leaflet.js"),
    Asset("leaflet/leaflet.css", LEAFLET, "package/dist/leaflet.css",
          (f"{JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.css",), self_contained_css,
          "images embedded as data: URIs"),
    Asset("jquery/jquery.min.js", JQUERY, "package/dist/jquery.min.js",
          ("https://code.jquery.com/jquery-3.7.1.min.js",), verbatim, "identical"),
    Asset("bootstrap/bootstrap.bundle.min.js", BOOTSTRAP, "package/dist/js/bootstrap.bundle.min.js",
          (f"{JSDELIVR}/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",), verbatim,
          "identical"),
    Asset("bootstrap/bootstrap.min.css", BOOTSTRAP, "package/dist/css/bootstrap.min.css",
          (f"{JSDELIVR}/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css",), self_contained_css,
          "identical (its only url()s are data: URIs already)"),
    Asset("bootstrap3-glyphicons/glyphicons.css", BOOTSTRAP3, "package/dist/css/bootstrap.css",
          ("https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",),
          glyphicons_only,
          "subset: the banner, the Glyphicons Halflings @font-face (woff2 only, embedded) and the"
          " .glyphicon rules of Bootstrap 3.4.1; the CDN file is the whole Bootstrap 3.0.0 CSS"),
    Asset("fontawesome/fontawesome.min.css", FONTAWESOME, "package/css/fontawesome.min.css",
          (f"{JSDELIVR}/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",),
          self_contained_css, "part of all.min.css: the core classes and icon code points"),
    Asset("fontawesome/solid.min.css", FONTAWESOME, "package/css/solid.min.css",
          (f"{JSDELIVR}/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",),
          self_contained_css, "part of all.min.css: the solid font, woff2 only, embedded"),
    Asset("fontawesome/regular.min.css", FONTAWESOME, "package/css/regular.min.css",
          (f"{JSDELIVR}/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",),
          self_contained_css,
          "part of all.min.css: the regular font, woff2 only, embedded (brands and the v4/v5"
          " compatibility fonts are left out)"),
    Asset("awesome-markers/leaflet.awesome-markers.js", AWESOME_MARKERS,
          "package/js/leaflet.awesome-markers.js",
          (f"{CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",), verbatim,
          "identical to upstream v2.0.2"),
    Asset("awesome-markers/leaflet.awesome-markers.css", AWESOME_MARKERS,
          "package/css/leaflet.awesome-markers.css",
          (f"{CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",),
          self_contained_css, "images embedded as data: URIs"),
    Asset("leaflet-measure/leaflet-measure.min.js", LEAFLET_MEASURE,
          "package/dist/leaflet-measure.min.js",
          (f"{JSDELIVR}/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js",), verbatim,
          "the npm release of the same tag"),
    Asset("leaflet-measure/leaflet-measure.css", LEAFLET_MEASURE,
          "package/dist/leaflet-measure.css",
          (f"{JSDELIVR}/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css",),
          self_contained_css, "images embedded as data: URIs (the npm CSS is minified already)"),
    Asset("leaflet-fullscreen/Control.FullScreen.js", LEAFLET_FULLSCREEN,
          "package/Control.FullScreen.js",
          (f"{JSDELIVR}/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js",), verbatim,
          "the unminified source: the .min.js URL is minified on the fly by the CDN"),
    Asset("leaflet-fullscreen/Control.FullScreen.css", LEAFLET_FULLSCREEN,
          "package/Control.FullScreen.css",
          (f"{JSDELIVR}/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css",),
          self_contained_css, "icon embedded as a data: URI"),
    Asset("leaflet-minimap/Control.MiniMap.min.js", LEAFLET_MINIMAP,
          "package/dist/Control.MiniMap.min.js",
          (f"{CDNJS}/leaflet-minimap/3.6.1/Control.MiniMap.js",), verbatim,
          "the minified build of the same release; the npm package has no unminified build"),
    Asset("leaflet-minimap/Control.MiniMap.min.css", LEAFLET_MINIMAP,
          "package/dist/Control.MiniMap.min.css",
          (f"{CDNJS}/leaflet-minimap/3.6.1/Control.MiniMap.css",), self_contained_css,
          "minified build of the same release, images embedded as data: URIs"),
]
AWESOME_ROTATE_PATH = "folium/leaflet.awesome.rotate.css"
AWESOME_ROTATE_URL = (f"{JSDELIVR}/gh/python-visualization/folium/folium/templates/"
                      "leaflet.awesome.rotate.min.css")


def folium_cdn_urls() -> set[str]:
    """Every JS/CSS URL that folium and the plugins geo uses put in a page."""
    elements = [folium.Map, folium.plugins.MeasureControl, folium.plugins.Fullscreen,
                folium.plugins.MiniMap]
    return {url for element in elements
            for _, url in [*element.default_js, *element.default_css]}


def npm_pack(package: NpmPackage, destination: Path) -> Path:
    result = subprocess.run(
        ["npm", "pack", f"{package.name}@{package.version}", "--json", "--ignore-scripts",
         "--loglevel=error", "--pack-destination", str(destination)],
        check=True, capture_output=True, text=True)
    (packed,) = json.loads(result.stdout)
    if packed["integrity"] != package.integrity:
        raise RuntimeError(f"{package.name}@{package.version}: integrity {packed['integrity']}"
                           f" is not the pinned {package.integrity}")
    return destination / packed["filename"]


def check_inlinable(path: str, content: bytes) -> None:
    """Refuse content that geo.offline_html could not put inside a <style> element."""
    if path.endswith(".css") and re.search(rb"</style", content, re.I):
        raise ValueError(f"{path} contains '</style', which would end its inline <style>")


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def build(out: Path, work: Path) -> dict:
    folium_version = distribution("folium").version
    if folium_version != FOLIUM_VERSION:
        raise RuntimeError(f"folium {folium_version} installed; these assets are for "
                           f"{FOLIUM_VERSION}: check its CDN URLs and update ASSETS")
    mapped = {url for asset in ASSETS for url in asset.replaces} | {AWESOME_ROTATE_URL}
    if missing := folium_cdn_urls() - mapped:
        raise RuntimeError(f"folium references URLs with no vendored file: {sorted(missing)}")

    packages = sorted({asset.package for asset in ASSETS} | {AWESOME_MARKERS_LICENSE_SOURCE},
                      key=lambda package: package.slug)
    tarballs = {package: Tarball(npm_pack(package, work)) for package in packages}

    licenses = out / "licenses"
    licenses.mkdir(parents=True)
    package_entries = []
    for package in packages:
        if package is AWESOME_MARKERS_LICENSE_SOURCE:
            continue
        license_from = AWESOME_MARKERS_LICENSE_SOURCE if package is AWESOME_MARKERS else package
        license_path = f"licenses/{package.slug}.txt"
        (out / license_path).write_bytes(tarballs[license_from].read(license_from.license_file))
        package_entries.append({
            "registry": "npm", "name": package.name, "version": package.version,
            "integrity": package.integrity, "license": package.license,
            "license_file": license_path,
            "license_file_source": f"{license_from.name}@{license_from.version}"
                                   f" {license_from.license_file}"})
    folium_license = "licenses/folium-0.20.0.txt"
    (out / folium_license).write_text(distribution("folium").read_text("licenses/LICENSE.txt"))
    package_entries.append({
        "registry": "pypi", "name": "folium", "version": FOLIUM_VERSION, "license": "MIT",
        "license_file": folium_license,
        "license_file_source": f"folium {FOLIUM_VERSION} wheel, licenses/LICENSE.txt"})

    file_entries = []
    for asset in ASSETS:
        built = asset.build(tarballs[asset.package], asset.source)
        file_entries.append(write_file(out, asset.path, built.content, {
            "package": asset.package.name, "version": asset.package.version,
            "source": asset.source, "embedded": built.embedded, "how": asset.how,
            "license": asset.package.license, "replaces": list(asset.replaces)}))
    file_entries.append(write_file(out, AWESOME_ROTATE_PATH, awesome_rotate_css(), {
        "package": "folium", "version": FOLIUM_VERSION,
        "source": "folium/templates/leaflet.awesome.rotate.css (folium's git repository)",
        "embedded": [], "how": "generated: the same .fa-rotate-1 ... .fa-rotate-360 rules,"
                              " unprefixed", "license": "MIT", "replaces": [AWESOME_ROTATE_URL]}))

    return {
        "about": "Offline copies of the JS/CSS folium pages load from CDNs; written by"
                 " scripts/vendor_web_assets.py, read by geo/offline_html.py. Files replacing the"
                 " same URL are inlined in the order listed.",
        "folium": FOLIUM_VERSION,
        "packages": package_entries,
        "files": file_entries,
    }


def write_file(out: Path, path: str, content: bytes, entry: dict) -> dict:
    check_inlinable(path, content)
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return {"path": path, **entry, "bytes": len(content), "sha256": sha256(content)}


def main() -> int:
    VENDOR_DIR.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=VENDOR_DIR.parent, prefix=".vendor-") as tmp:
        work, out = Path(tmp) / "npm", Path(tmp) / "vendor"
        work.mkdir()
        out.mkdir()
        manifest = build(out, work)
        (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
        # Swap the whole folder so that a failed run leaves the previous vendor/ untouched.
        if VENDOR_DIR.exists():
            shutil.rmtree(VENDOR_DIR)
        out.rename(VENDOR_DIR)
    total = sum(entry["bytes"] for entry in manifest["files"])
    print(f"{len(manifest['files'])} files, {total:,} bytes in {VENDOR_DIR.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
