"""Saved news pages: geo reads the article, not the site around it (menus, cookie notices, "most
read" lists, teasers, reader comments, footers), and what it reads still points into the page.

The pages in tests/data/pages were written for these tests, each with the clutter of a real
site. What each page's story names, and what only its clutter names, is known from writing it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pytest
import trafilatura

from geo import source
from geo.source import Article, read_article
from tests.test_source import assert_copied_pieces_are_exact, original_of

pytestmark = pytest.mark.usefixtures("gazetteer")

PAGES_FOLDER = Path(__file__).parent / "data" / "pages"


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    story_between: tuple[str, str]  # where the story lies in the HTML: after one, before the other
    story_places: frozenset[str]  # named in the story, as written there
    # Named only in furniture that geo read before trafilatura judged the page (geo already
    # dropped <nav>, <header>, <footer>, <aside>, and what lies outside the <article>/<main>).
    clutter_places: frozenset[str]
    # Named only in furniture that geo dropped even before.
    dropped_places: frozenset[str] = frozenset()
    # Clutter places that trafilatura takes for part of the article.
    leaked_places: frozenset[str] = frozenset()

    @property
    def data(self) -> bytes:
        return (PAGES_FOLDER / self.file).read_bytes()


PAGES = [
    # No semantic elements at all: menu, cookie banner, sidebar, comments and footer are <div>s.
    Page("mozambique_floods.html",
         "Floods cut off Buzi as river bursts its banks near Beira | The Coastal Ledger",
         ('<h1 class="headline">', '<div class="sidebar">'),
         frozenset({"Beira", "Buzi", "Sofala", "Dondo", "Nhamatanda", "Maputo", "Chimoio",
                    "Manica", "Mozambique"}),
         frozenset({"Nairobi", "Lagos", "Johannesburg", "Accra", "Dublin", "Amsterdam",
                    "Kinshasa", "Lusaka", "Dakar", "Harare", "Quelimane", "Mombasa", "Kisumu",
                    "Kampala", "Cape Town"})),
    # An <article> that holds "most read", related links and the comments besides the story.
    Page("nepal_landslide.html",
         "Landslide buries homes near Pokhara after night of monsoon rain \u2013 Himalayan "
         "Daily Star",
         ("<h1>", '<div class="tags">'),
         frozenset({"Pokhara", "Kaski", "Kathmandu", "Gandaki", "Nepal"}),
         frozenset({"Colombo", "Lahore", "Thimphu", "Karachi", "Chittagong", "Jakarta"}),
         dropped_places=frozenset({"Delhi", "Dhaka", "Singapore"})),
    # A <main> that holds a sidebar and the comments besides the story.
    Page("chile_mine.html",
         "Miners trapped after tunnel collapse near Calama | Andes Wire",
         ("<h1>", '<div class="column-side">'),
         frozenset({"Calama", "Antofagasta", "Chile", "Santiago", "Sierra Gorda", "Atacama",
                    "Tocopilla", "Copiapó"}),
         frozenset({"Cordoba", "Medellín", "Cusco", "Jujuy", "Caracas", "Iquique", "Rosario"}),
         dropped_places=frozenset({"Bogotá", "Buenos Aires", "Montevideo", "Quito", "Lima",
                                   "Miraflores"}),
         # Its comments are in <div class="discussion">, a name trafilatura does not know.
         leaked_places=frozenset({"Iquique", "Rosario"})),
    # An old table-free layout: the story is <br>-separated text in a <div>, no <p> at all.
    Page("greece_wildfire.html",
         "Wildfire forces evacuation of villages near Patras",
         ('<div class="text">', '<div class="share">'),
         frozenset({"Patras", "Kato Achaia", "Greece", "Athens", "Aigio", "Pyrgos", "Italy",
                    "Peloponnese"}),
         frozenset({"Nicosia", "Thessaloniki", "Piraeus", "Crete", "Volos", "Larissa",
                    "Heraklion", "Kalamata", "Ioannina", "Rhodes", "Corfu"})),
]
PAGE_IDS = [page.file.removesuffix(".html") for page in PAGES]


def read_whole_page(data: bytes) -> Article:
    """The page as geo read it before trafilatura: every line of its readable text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "_article_lines", lambda page, text, offset_map: (text, offset_map))
        return read_article(data)


def found_names(pipeline, article: Article) -> set[str]:
    """The places found, as the text writes them."""
    return {mention.mention.text
            for mention in pipeline.analyse(article, with_claims=False).mentions}


@pytest.fixture(scope="module", params=PAGES, ids=PAGE_IDS)
def page(request) -> Page:
    return request.param


@pytest.fixture(scope="module")
def article(page) -> Article:
    return read_article(page.data, page.file)


def test_the_title_is_the_pages(page, article):
    assert article.format == "html"
    assert article.title == page.title


def test_the_places_of_the_story_are_found(pipeline, page, article):
    assert page.story_places <= found_names(pipeline, article)


def test_places_named_only_around_the_story_are_not_found(pipeline, page, article):
    """geo's reading of the whole page finds the clutter's places; the article's finds none,
    but for what trafilatura takes for the article."""
    whole_page = found_names(pipeline, read_whole_page(page.data))
    assert page.clutter_places <= whole_page
    assert not page.dropped_places & whole_page
    found = found_names(pipeline, article)
    assert (page.clutter_places | page.dropped_places) & found == page.leaked_places


@pytest.mark.xfail(strict=True, reason="trafilatura takes comments in a <div class='discussion'> "
                   "for part of the article")
def test_comments_in_a_container_trafilatura_does_not_know_are_dropped(pipeline):
    [chile] = [page for page in PAGES if page.leaked_places]
    assert not chile.leaked_places & found_names(pipeline, read_article(chile.data))


def test_every_mention_points_at_its_words_in_the_page(pipeline, page, article):
    story_start = article.original.index(page.story_between[0])
    story_end = article.original.index(page.story_between[1])
    for mention in pipeline.analyse(article, with_claims=False).mentions:
        start, end = article.to_original(mention.start, mention.end)
        written = " ".join(html.unescape(article.original[start:end]).split())
        assert written == mention.mention.text
        if mention.mention.text not in page.leaked_places:
            assert story_start < start < end < story_end, mention.mention.text


def test_every_character_maps_to_what_the_page_writes(article):
    for i, char in enumerate(article.text):
        if not char.isspace():
            assert html.unescape(original_of(article, i, i + 1)) == char
    assert_copied_pieces_are_exact(article)


def test_the_text_is_a_selection_of_the_whole_pages_lines(page, article):
    """Whole lines of the whole page's text, in their order: nothing rewritten or moved."""
    whole_page_lines = iter(read_whole_page(page.data).text.split("\n"))
    assert all(line in whole_page_lines for line in article.text.split("\n") if line)


FRAGMENT = b"<p>Troops left Kabul.</p>\n<p>They reached <b>Kandahar</b>.</p><p>Herat is quiet.</p>"


def test_a_bare_fragment_is_read_whole(pipeline):
    """Too short for trafilatura to judge, so geo's own reading stands."""
    article = read_article(FRAGMENT)
    assert article.format == "html"
    assert article.text == "Troops left Kabul.\n\nThey reached Kandahar.\n\nHerat is quiet."
    assert article.text == read_whole_page(FRAGMENT).text
    assert found_names(pipeline, article) == {"Kabul", "Kandahar", "Herat"}


def test_a_page_where_trafilatura_finds_nothing_is_read_whole(monkeypatch):
    data = PAGES[0].data
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    assert read_article(data).text == read_whole_page(data).text


def test_trafilatura_is_not_asked_about_a_page_too_big_for_it(monkeypatch):
    """Its time grows with the square of the runs of text in a block: a page with more runs
    than the bound is read whole rather than slowly."""
    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura was asked")

    monkeypatch.setattr(trafilatura, "extract", refuse)
    runs = "<b>Lagos</b> " * source._ARTICLE_FILTER_MAX_RUNS
    data = PAGES[0].data.replace(b"</body>", f"<p>{runs}</p></body>".encode())
    assert "Lagos Lagos" in read_article(data).text
