"""Hostile text on every route into geo's outputs stays text (tests/hostile_corpus.py).

Routes: a sentence that names a place (its popup), a claim's sentence, an HTML page's title,
the article's file name, gazetteer names, and a claims file's labels. Each output is checked
by reading the file as its own consumer would: the map in Debian's chromium with probes that a
payload would trip, report.md rendered by a CommonMark renderer with GitHub's extensions, the
KML's descriptions parsed as the HTML that Google Earth shows, the JSON and GeoJSON parsed,
places.csv read as CSV, and what geo prints checked for characters a terminal acts on.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import itertools
import json
import unicodedata
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from geo import gazetteer_build as build
from geo.browser import MAP_READY, OfflinePage
from geo.cli import main as geo_main
from geo.offline_html import assert_self_contained
from tests.hostile_corpus import PAYLOADS, SENTINEL, Payload, file_name, visible_runs

pytestmark = pytest.mark.usefixtures("gazetteer")

PAYLOAD_IDS = [f"{payload.family}-{number}" for number, payload in enumerate(PAYLOADS)]


def article(payload_texts: list[str]) -> str:
    """Each payload in a sentence that names a place and in a claim's sentence."""
    return "".join(f"Algiers {text} is the capital of Algeria.\n" for text in payload_texts) + (
        "".join(f"In Amenas is about {700 + 10 * number} miles from the Algerian border with "
                f"Mali, officials said {text}.\n" for number, text in enumerate(payload_texts)))


def html_article(payload_text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>"
                         for line in article([payload_text]).splitlines())
    return (f"<html><head><title>{html.escape(payload_text)}</title></head><body>"
            f"<article>{paragraphs}</article></body></html>")


def words(text: str) -> str:
    """Whitespace as a browser shows it: runs of it are one space."""
    return " ".join(text.split())


def run_geo(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = geo_main(list(args))
    return status, stdout.getvalue(), stderr.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading each output as its consumer does


class _Markup(HTMLParser):
    """Tags, attributes and text of an HTML fragment or page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def handlers(self) -> list[str]:
        return [f"<{tag} {name}>" for tag, attrs in self.tags for name, _ in attrs
                if name.startswith("on")]


# What geo's own markup uses in report.md, popups and KML descriptions.
MARKDOWN_TAGS = {"h1", "h2", "p", "strong", "code", "ul", "li", "table", "thead", "tbody", "tr",
                 "th", "td", "a"}
MARKDOWN_LINKS = {"http://geonames.org"}  # the attribution GeoNames' licence asks for
POPUP_TAGS = {"div", "b", "br", "blockquote", "mark", "p", "em", "span", "dl", "dt", "dd"}


def check_markdown(path: Path, payload: Payload) -> None:
    rendered = _Markup(MarkdownIt("gfm-like").render(path.read_text(encoding="utf-8")))
    assert {tag for tag, _ in rendered.tags} <= MARKDOWN_TAGS
    assert {dict(attrs)["href"] for tag, attrs in rendered.tags if tag == "a"} <= MARKDOWN_LINKS
    assert "\x1b" not in path.read_text(encoding="utf-8")
    shown = "".join(rendered.text)
    for run in visible_runs(payload.seen):
        assert words(run) in words(shown)


def check_kml(path: Path, payload: Payload) -> None:
    namespace = {"kml": "http://www.opengis.net/kml/2.2"}
    descriptions = [element.text or "" for element in
                    ElementTree.parse(path).getroot().iterfind(".//kml:description", namespace)]
    shown = []
    for description in descriptions:
        markup = _Markup(description)
        assert {tag for tag, _ in markup.tags} <= POPUP_TAGS
        assert markup.handlers == []
        shown.append("".join(markup.text))
    assert words(payload.seen) in words(" ".join(shown))


def check_page_file(path: Path, script_elements: int) -> None:
    page = path.read_text(encoding="utf-8")
    assert_self_contained(page)
    markup = _Markup(page)
    assert markup.handlers == []
    assert sum(tag == "script" for tag, _ in markup.tags) == script_elements
    assert [tag for tag, _ in markup.tags if tag in ("iframe", "object", "embed", "pwned")] == []


# Installed before the page's own scripts: records elements that only a payload would create.
WATCH_FOR_PAYLOADS = """
window.__created = [];
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(records => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      for (const e of [node, ...node.querySelectorAll('*')]) {
        const tag = e.tagName.toLowerCase();
        const handler = [...e.attributes].some(a => a.name.startsWith('on'));
        // Leaflet's own links (close buttons, controls) go to #fragments.
        const link = !(e.getAttribute('href') || '#').startsWith('#');
        if (handler || link || ['script', 'iframe', 'object', 'embed', 'frame', 'pwned',
                                'base', 'meta', 'link'].includes(tag))
          window.__created.push(e.outerHTML.slice(0, 200));
      }
    }
  }).observe(document, {childList: true, subtree: true});
});
"""

# Opens every popup and tooltip the reader can open (by the events a click and a hover
# fire), collects what they show, then waits for anything a payload scheduled.
READ_THE_PAGE = """async () => {
  const map = Object.values(window).find(value => value instanceof L.Map);
  const popups = [], tooltips = [];
  const leaves = [];
  map.eachLayer(layer => { if (!(layer instanceof L.LayerGroup)) leaves.push(layer); });
  for (const leaf of leaves) {
    const at = leaf.getLatLng ? leaf.getLatLng()
             : leaf.getBounds ? leaf.getBounds().getCenter() : null;
    if (!at) continue;
    leaf.fire('click', {latlng: at}, true);
    document.querySelectorAll('.leaflet-popup-content').forEach(e => popups.push(e.innerText));
    map.closePopup();
    leaf.fire('mouseover', {latlng: at}, true);
    document.querySelectorAll('.leaflet-tooltip').forEach(e => tooltips.push(e.innerText));
    leaf.fire('mouseout', {latlng: at}, true);
  }
  await new Promise(resolve => setTimeout(resolve, 300));
  return {popups, tooltips, title: document.title, pwned: window.pwned ?? null,
          legend: document.querySelector('.geo-legend').innerText,
          probeElements: document.querySelectorAll('pwned').length,
          created: window.__created};
}"""


@pytest.fixture(scope="module")
def read_page(chromium):
    def read(path: Path) -> dict:
        offline = OfflinePage(chromium)
        try:
            offline.context.add_init_script(WATCH_FOR_PAYLOADS)
            offline.open(path, ready=MAP_READY)
            shown = offline.page.evaluate(READ_THE_PAGE)
        finally:
            offline.close()
        assert offline.errors == [] and offline.blocked == []
        assert shown["pwned"] is None and shown["probeElements"] == 0
        assert shown["created"] == []
        return shown

    return read


@pytest.fixture(scope="module")
def script_elements(tmp_path_factory) -> int:
    """The <script> elements of a map of harmless text: a payload must add none."""
    folder = tmp_path_factory.mktemp("harmless")
    (folder / "harmless.txt").write_text(article("and harmless words"), encoding="utf-8")
    assert run_geo("run", str(folder / "harmless.txt"), "--out", str(folder / "out"))[0] == 0
    return sum(tag == "script" for tag, _ in
               _Markup((folder / "out" / "map.html").read_text(encoding="utf-8")).tags)


# ---------------------------------------------------------------------------------------------
# Articles: their text, their HTML title and their file name


def check_article_run(path: Path, payloads: list[Payload], read_page, script_elements: int
                      ) -> dict:
    """Map the article at `path` and check every output for each of `payloads`; returns what
    the page shows."""
    Path(SENTINEL).unlink(missing_ok=True)
    out = path.parent / "out"
    status, _, stderr = run_geo("run", str(path), "--out", str(out))
    assert status == 0, stderr
    assert not Path(SENTINEL).exists()

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    lines = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))
    check_page_file(out / "map.html", script_elements)
    shown = read_page(out / "map.html")
    popups = words(" ".join(shown["popups"]))
    assert "49" not in popups and "uid=" not in popups
    for payload in payloads:
        seen = words(payload.seen)
        assert any(seen in words(claim["sentence"]) for claim in report["claims"])
        assert any(seen in words(feature["properties"]["sentence"])
                   for feature in lines["features"])
        check_markdown(out / "report.md", payload)
        check_kml(out / "layers.kml", payload)
        assert popups.count(seen) >= 2  # its claim's popup and Algiers'
    return shown


# Eight payloads to an article: Algiers' popup quotes its first eight sentences. Text with
# closing tags is read as a saved HTML page (geo.source), so those payloads reach an article's
# text through the HTML pages below, escaped in their source.
ARTICLE_PAYLOADS = [payload for payload in PAYLOADS if not payload.breaks_lines]
TEXT_PAYLOADS = [payload for payload in ARTICLE_PAYLOADS if "</" not in payload.text]
TEXT_ARTICLES = [TEXT_PAYLOADS[start:start + 8] for start in range(0, len(TEXT_PAYLOADS), 8)]


@pytest.mark.parametrize("payloads", TEXT_ARTICLES,
                         ids=[PAYLOAD_IDS[PAYLOADS.index(group[0])] for group in TEXT_ARTICLES])
def test_hostile_plain_text_articles_stay_text(tmp_path, read_page, script_elements,
                                               payloads):
    path = tmp_path / file_name(payloads[0], ".txt")  # the map's title
    path.write_text(article([payload.text for payload in payloads]), encoding="utf-8")
    shown = check_article_run(path, payloads, read_page, script_elements)
    # A text's title is its first sentence (cut at a word if long), payload and all, as text.
    title = shown["title"].removeprefix("geo: ").removesuffix("…")
    assert words(f"Algiers {payloads[0].seen} is the capital of Algeria.").startswith(title)
    assert title.startswith("Algiers") and title in words(shown["legend"])


@pytest.mark.parametrize("payload", ARTICLE_PAYLOADS,
                         ids=[PAYLOAD_IDS[PAYLOADS.index(p)] for p in ARTICLE_PAYLOADS])
def test_hostile_html_pages_and_their_titles_stay_text(tmp_path, read_page, script_elements,
                                                      payload):
    path = tmp_path / file_name(payload, ".html")  # the report's source
    path.write_text(html_article(payload.text), encoding="utf-8")
    shown = check_article_run(path, [payload], read_page, script_elements)
    if payload.shown is None:  # the title is cleaned less than the text; compare plain ones
        assert shown["title"] == words(f"geo: {payload.text}")
        assert words(payload.text) in words(shown["legend"])
    report_md = (path.parent / "out" / "report.md").read_text(encoding="utf-8")
    source = _Markup(MarkdownIt("gfm-like").render(report_md.split("\n")[2]))
    assert [tag for tag, _ in source.tags] == ["p", "code"]  # the file name, verbatim


# ---------------------------------------------------------------------------------------------
# Gazetteer names


def _letters(number: int) -> str:
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(number))


@pytest.fixture(scope="module")
def hostile_gazetteer(tmp_path_factory) -> Path:
    """A store whose towns are named with the payloads; articles call them Zorbb, Zorbc..."""
    gathering = build.Gathering()
    gathering.add(build.Place(
        source_id="test:dz", name="Algeria", kind="country", country_code="DZ", lat=28.0,
        lon=2.0, importance=1.0, placement="test", source="test"), aliases=["Algeria"])
    for number, payload in enumerate(PAYLOADS):
        gathering.add(build.Place(
            source_id=f"test:{number}", name=payload.text, kind="city", country_code="DZ",
            lat=30.0 + number / 10, lon=3.0, importance=0.9, placement="test", source="test",
            population=1_000_000), aliases=[f"Zorb{_letters(number)}"])
    path = tmp_path_factory.mktemp("gazetteer") / "hostile.sqlite"
    build.write_store(gathering, path, {"schema_version": build.SCHEMA_VERSION})
    return path


def test_hostile_gazetteer_names_stay_text(tmp_path, hostile_gazetteer, read_page,
                                           monkeypatch):
    monkeypatch.setenv("GEO_GAZETTEER", str(hostile_gazetteer))
    names = [f"Zorb{_letters(number)}" for number in range(len(PAYLOADS))]
    text = "These towns are in Algeria.\n" + "".join(
        f"{town} is about 11 km south of {north}.\n"
        for town, north in itertools.pairwise(names))
    (tmp_path / "towns.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status, stdout, stderr = run_geo("run", str(tmp_path / "towns.txt"), "--out", str(out))
    assert status == 0, stderr

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(p["name"] for p in report["places"] if p["kind"] == "city") == sorted(
        p.text for p in PAYLOADS)
    shown = read_page(out / "map.html")
    page_text = words(" ".join(shown["popups"] + shown["tooltips"]) + shown["legend"])
    kml = " ".join(_Markup(element.text or "").text[0] for element in ElementTree.parse(
        out / "layers.kml").getroot().iter() if element.tag.endswith("}name") and element.text)
    with open(out / "places.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for payload in PAYLOADS:
        for run in visible_runs(payload.text):
            assert words(run) in page_text
            assert words(run) in words(kml)
    assert all(not row["name"].startswith(("=", "+", "-", "@")) for row in rows)
    with open(out / "claims.csv", encoding="utf-8-sig", newline="") as handle:
        claims = list(csv.DictReader(handle))
    assert len(claims) >= len(PAYLOADS) - 1  # a direction claim per pair of towns
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in claims
               for cell in row.values())
    assert not _acts_on_a_terminal(stdout)
    for payload in PAYLOADS:  # the names as the gazetteer has them, not cleaned like articles
        check_markdown(out / "report.md", Payload(payload.family, payload.text))


def test_hostile_gazetteer_names_are_printed_safely(hostile_gazetteer, monkeypatch):
    monkeypatch.setenv("GEO_GAZETTEER", str(hostile_gazetteer))
    names = [f"Zorb{_letters(number)}" for number in range(len(PAYLOADS))]
    for options in ([], ["--json"]):
        status, printed, _ = run_geo("geocode", *names, "--limit", "1", *options)
        assert status == 0
        assert not _acts_on_a_terminal(printed)
        for payload in PAYLOADS:
            for run in visible_runs(payload.text):
                assert run in printed or options  # JSON escapes quotes and backslashes
    results = [json.loads(line)["results"][0]["name"] for line in printed.splitlines()]
    assert results == [payload.text for payload in PAYLOADS]


# ---------------------------------------------------------------------------------------------
# Claims files (geo verify)


def _acts_on_a_terminal(text: str) -> bool:
    """Control and format characters other than the newline: escape sequences, bells,
    carriage returns, bidirectional overrides."""
    return any(unicodedata.category(c) in ("Cc", "Cf") and c != "\n" for c in text)


def _claims_csv(payload: Payload, reference: str = "border:DZA/MLI") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # quotes a cell with "\r" only when it ends lines with one
    writer.writerow(["subject", "relation", "reference", "value", "unit", "hedge",
                     "subject_label", "reference_label", "note"])
    writer.writerow(["28.04 9.56", "distance", reference, "700", "mi", "about",
                     payload.text, payload.text, payload.text])
    return buffer.getvalue()


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_hostile_claim_labels_stay_text(tmp_path, payload):
    claims = tmp_path / "claims.csv"
    claims.write_bytes(_claims_csv(payload).encode())

    status, table, _ = run_geo("verify", str(claims))
    assert status == 0
    assert not _acts_on_a_terminal(table)
    for run in visible_runs(payload.text):
        assert run in table

    status, printed, _ = run_geo("verify", str(claims), "--json")
    assert status == 0
    assert not _acts_on_a_terminal(printed)
    (verdict,) = json.loads(printed)
    assert payload.text in verdict["claim"]  # JSON keeps the text exactly, as data


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_an_unknown_hostile_place_is_named_safely_in_one_line(tmp_path, payload):
    claims = tmp_path / "claims.csv"
    claims.write_bytes(_claims_csv(payload, reference="place:" + payload.text).encode())
    status, stdout, stderr = run_geo("verify", str(claims))
    assert status == 2 and stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith("geo verify: error:")
    assert not _acts_on_a_terminal(stderr)
