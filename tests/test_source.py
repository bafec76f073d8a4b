import html
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.source import MAX_ARTICLE_BYTES, Article, SourceError, read_article, read_article_file
from tests.founding_case import ARTICLE

MALI_SENTENCE = "about 700 miles from the Algerian border with Mali"


def original_of(article: Article, start: int, end: int) -> str:
    source_start, source_end = article.to_original(start, end)
    return article.original[source_start:source_end]


def original_of_phrase(article: Article, phrase: str) -> str:
    start = article.text.index(phrase)
    return original_of(article, start, start + len(phrase))


def assert_copied_pieces_are_exact(article: Article) -> None:
    """The map's own invariant: a copied piece reads the same in `text` and `original`, and the
    pieces follow the original in order."""
    offset_map = article.offset_map
    piece_ends = [*offset_map.starts[1:], offset_map.length]
    for i, piece_end in enumerate(piece_ends):
        if offset_map.copied[i]:
            source = article.original[offset_map.source_starts[i]:offset_map.source_ends[i]]
            assert article.text[offset_map.starts[i]:piece_end] == source
    assert list(offset_map.source_starts) == sorted(offset_map.source_starts)
    assert offset_map.length == len(article.text)


# --- The founding article ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def founding() -> Article:
    return read_article_file(ARTICLE)


def test_founding_article_mojibake_is_repaired(founding):
    assert "â" not in founding.text
    assert re.search("wounded [\u2013\u2014] two Britons", founding.text)
    assert "move around \u2026 unlike the foreign hostages" in founding.text
    assert any("mojibake" in repair for repair in founding.repairs)
    assert (founding.encoding, founding.format, founding.title) == ("utf-8", "text", None)


def test_founding_article_repairs_point_at_the_damaged_characters(founding):
    dash = founding.text.index("\u2013")
    ellipsis = founding.text.index("\u2026")
    assert original_of(founding, dash, dash + 1) == "â"
    assert original_of(founding, ellipsis, ellipsis + 1) == "â¦"
    assert original_of_phrase(founding, "around \u2026 unlike") == "around â¦ unlike"


def test_founding_article_mali_sentence_maps_to_the_same_words(founding):
    assert original_of_phrase(founding, MALI_SENTENCE) == MALI_SENTENCE
    start = founding.text.index(MALI_SENTENCE)
    source_start, _ = founding.to_original(start, start + 1)
    assert founding.original.index(MALI_SENTENCE) == source_start
    assert_copied_pieces_are_exact(founding)


# --- Encodings and plain-text repairs ------------------------------------------------------------

CP1252_SENTENCE = ("\u201cCaf\u00e9\u201d \u2013 the na\u00efve r\u00e9sum\u00e9 of "
                   "A\u00efn Amenas\u2019s siege.")


def test_cp1252_file_comes_out_right(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(CP1252_SENTENCE.encode("cp1252"))
    article = read_article_file(path)
    assert article.text == CP1252_SENTENCE
    assert article.encoding == "cp1252"
    assert any("cp1252" in repair for repair in article.repairs)
    assert original_of_phrase(article, "A\u00efn Amenas") == "A\u00efn Amenas"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark(codec):
    data = ("\ufeff" + "Ain Amenas is \u201cabout 700 miles\u201d from Mali.\r\n").encode(codec)
    article = read_article(data)
    assert article.text == "Ain Amenas is \u201cabout 700 miles\u201d from Mali."
    assert article.encoding == "utf-16"
    assert original_of_phrase(article, "from Mali.") == "from Mali."


def test_utf8_byte_order_mark_is_not_part_of_the_text():
    article = read_article(b"\xef\xbb\xbfAin Amenas, Algeria")
    assert article.original == article.text == "Ain Amenas, Algeria"
    assert article.encoding == "utf-8-sig"


def test_crlf_line_endings_become_newlines_and_stay_mapped():
    original = "Ain Amenas\r\nis in Algeria.\r\n\r\n\r\nMali lies   south.\r\n"
    article = read_article(original.encode())
    assert article.text == "Ain Amenas\nis in Algeria.\n\nMali lies south."
    assert article.original == original
    newline = article.text.index("\n")
    assert original_of(article, newline, newline + 1) == "\r\n"
    assert original_of_phrase(article, "Algeria.\n\nMali") == "Algeria.\r\n\r\n\r\nMali"
    assert original_of_phrase(article, "lies south") == "lies   south"
    assert_copied_pieces_are_exact(article)


def test_ftfy_mojibake_is_fixed_and_mapped():
    original = ("The caf\u00c3\u00a9 in Algeria\u00e2\u20ac\u2122s south "
                "\u00e2\u20ac\u201d near Mali.")
    article = read_article(original.encode())
    assert article.text == "The caf\u00e9 in Algeria\u2019s south \u2014 near Mali."
    assert original_of_phrase(article, "caf\u00e9") == "caf\u00c3\u00a9"
    assert original_of_phrase(article, "near Mali") == "near Mali"
    assert any("ftfy" in repair for repair in article.repairs)
    assert_copied_pieces_are_exact(article)


def test_lost_byte_apostrophes_are_repaired_but_real_circumflexes_kept():
    article = read_article("Algeria\u00e2s army didn\u00e2t wait at the ch\u00e2teau.".encode())
    assert article.text == "Algeria\u2019s army didn\u2019t wait at the ch\u00e2teau."


def test_lost_byte_apostrophes_left_as_a_space_are_repaired():
    article = read_article("the Douglas County Sheriff\u00e2 s Office; they\u00e2 re sure".encode())
    assert article.text == "the Douglas County Sheriff\u2019s Office; they\u2019re sure"


def test_utf8_with_stray_cp1252_bytes_keeps_every_character():
    data = "Ain Amenas \u2013 caf\u00e9 ".encode() + b"\x93quoted\x94"
    article = read_article(data)
    assert article.text == "Ain Amenas \u2013 caf\u00e9 \u201cquoted\u201d"
    assert article.encoding == "utf-8"


def test_control_characters_are_removed_and_mapped():
    article = read_article(b"Ain\x07 Amenas\x1b near Mali\x7f.")
    assert article.text == "Ain Amenas near Mali."
    assert original_of_phrase(article, "Ain Amenas") == "Ain\x07 Amenas"


def test_clean_text_needs_one_piece_however_long():
    paragraph = "Ain Amenas is about 700 miles from the Algerian border with Mali. "
    article = read_article(("\n\n".join([paragraph.strip()] * 3000)).encode())
    assert article.offset_map.piece_count == 1


# --- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hostages seized at Ain Amenas &amp; Algeria&#8217;s response | World news</title>
<style>body { font-family: "Tessalit"; }</style>
<script>var places = ["Gao", "Kidal"]; if (a < b && c) { document.write("<p>Timbuktu</p>"); }
</script>
</head>
<body>
<header class="site"><nav><a href="/">Home</a> <a href="/world">Tripoli desk</a></nav></header>
<!-- a comment about Bamako -->
<main>
<article>
<header><h1>Algerian troops surround <em>gas field</em></h1></header>
<p>The <b>Ain <i>Amenas</i></b> field is about 700&nbsp;miles from the
   Algerian border with Mali.</p>
<p>Algeria&#8217;s minister said &ldquo;we reject all negotiations&rdquo; &mdash; BP &amp;
   Statoil run the site.</p>
<ul><li>Libya</li><li>Niger &#x2014; Agadez</li></ul>
<table><tr><td>In Salah</td><td>Tamanrasset</td></tr></table>
<noscript>Enable JavaScript to see Ouargla</noscript>
</article>
<aside>Related: Ouagadougou</aside>
<form><label>Search Niamey</label></form>
</main>
<footer>Kings Place, London</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def page() -> Article:
    return read_article(PAGE.encode(), "page.html")


def test_html_page_readable_text(page):
    assert page.format == "html"
    assert page.title == "Hostages seized at Ain Amenas & Algeria\u2019s response | World news"
    assert page.text.split("\n\n") == [
        "Algerian troops surround gas field",
        "The Ain Amenas field is about 700 miles from the Algerian border with Mali.",
        "Algeria\u2019s minister said \u201cwe reject all negotiations\u201d \u2014 BP & Statoil "
        "run the site.",
        "Libya",
        "Niger \u2014 Agadez",
        "In Salah",
        "Tamanrasset",
    ]


@pytest.mark.parametrize("hidden", ["Gao", "Kidal", "Timbuktu", "Tessalit", "Tripoli", "Bamako",
                                    "Ouargla", "Ouagadougou", "Niamey", "London", "Home"])
def test_html_page_drops_scripts_styles_comments_and_page_furniture(page, hidden):
    assert hidden not in page.text


@pytest.mark.parametrize(("phrase", "source"), [
    ("Ain Amenas field", "Ain <i>Amenas</i></b> field"),
    ("700 miles", "700&nbsp;miles"),
    ("Mali.", "Mali."),
    ("Algeria\u2019s minister", "Algeria&#8217;s minister"),
    ("BP & Statoil", "BP &amp;\n   Statoil"),
    ("Niger \u2014 Agadez", "Niger &#x2014; Agadez"),
    ("surround gas field", "surround <em>gas field"),
])
def test_html_spans_point_at_the_html_source(page, phrase, source):
    assert original_of_phrase(page, phrase) == source


def test_html_every_character_maps_to_its_source(page):
    for i, char in enumerate(page.text):
        if not char.isspace():
            assert html.unescape(original_of(page, i, i + 1)) == char
    assert_copied_pieces_are_exact(page)


def test_html_prefers_the_article_over_the_rest_of_the_page():
    page = ("<html><body><div><p>Teaser: floods in Dhaka</p></div>"
            "<article><p>Gunmen seized the Ain Amenas gas plant.</p></article>"
            "<div><p>Most read: Lagos traffic</p></div></body></html>")
    article = read_article(page.encode())
    assert article.text == "Gunmen seized the Ain Amenas gas plant."


def test_html_is_recognised_by_content_not_by_name():
    fragment = b"<p>Ain Amenas</p>\n<p>is in <b>Algeria</b>.</p><p>Mali is south.</p>"
    assert read_article(fragment, "pasted.txt").format == "html"
    plain = read_article(b"Ain Amenas is in Algeria; 3 < 4 and 5 > 2.", "story.html")
    assert plain.format == "text"


def test_html_title_falls_back_to_the_first_heading():
    article = read_article(b"<html><body><h1>Siege at <b>Ain Amenas</b></h1><p>Text.</p>"
                           b"<h1>Other</h1></body></html>")
    assert article.title == "Siege at Ain Amenas"


# --- Bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    (b"", "the article is empty"),
    (b"  \r\n\t\n  ", "the article is empty"),
    ("\ufeff \n ".encode("utf-16-le"), "the article is empty"),
    (b"<html><body><script>var city = 'Gao';</script></body></html>", "the article is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "looks binary, not text"),
    (bytes(range(1, 32)) * 50 + b"Mali", "looks binary, not text"),
    (b"12 34 -- 56.7 % ... 2013\n", "contains no letters"),
])
def test_bad_input_is_a_clear_one_line_error(data, message):
    with pytest.raises(SourceError, match=message) as caught:
        read_article(data, "input.txt")
    assert str(caught.value).startswith("input.txt: ")
    assert "\n" not in str(caught.value)


def test_oversized_input_is_rejected_at_once(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(20_000_000)
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"over the 10 MB limit for an article"):
        read_article_file(big)
    with pytest.raises(SourceError, match="over the 10 MB limit"):
        read_article(b"a" * (MAX_ARTICLE_BYTES + 1))
    assert time.perf_counter() - started < 1


def test_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="cannot read it"):
        read_article_file(tmp_path / "nowhere.txt")


def test_spans_outside_the_text_are_refused(founding):
    with pytest.raises(IndexError):
        founding.to_original(0, len(founding.text) + 1)
    assert founding.to_original(5, 5) == (5, 5)


# --- Properties ----------------------------------------------------------------------------------

# Characters that cannot look like mojibake to ftfy: no letter of a single-byte code page (any
# can be the lead byte of UTF-8 misread), no "&" or "<" (entities, HTML); plus whitespace and
# invisible characters for the clean-up to remove.
WORD_CHARACTERS = st.sampled_from(
    list("AaBbMmZz09.,;:!?'\"()-/") + list("\u4e2d\u10d0\u0915")
    + list("\u2019\u201c\u201d\u2013\u2014\u2026"))
# Control characters come padded with spaces: a text of more than 30% of them is binary.
SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\n\n\n", "\r", "\u00a0",
                              "\u2028", " \x07 ", "\x0c", "\u200b", " \x1c ", "\ufeff"])
LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]")


def words_only(text: str) -> str:
    return " ".join(INVISIBLE.sub("", LINE_BREAKS.sub(" ", text)).split())


@st.composite
def plain_articles(draw) -> str:
    words = draw(st.lists(st.text(WORD_CHARACTERS, min_size=1, max_size=8), max_size=40))
    words.append("Mali")  # an article has letters
    separators = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    return "".join(separator + word for separator, word in zip(separators, words, strict=True))


@settings(max_examples=200, deadline=None)
@given(text=plain_articles(), data=st.data())
def test_every_span_maps_back_to_the_same_characters(text, data):
    article = read_article(text.encode())
    for i, char in enumerate(article.text):
        if not char.isspace():
            assert original_of(article, i, i + 1) == char
    start = data.draw(st.integers(0, len(article.text)))
    end = data.draw(st.integers(start, len(article.text)))
    assert words_only(original_of(article, start, end)) == words_only(article.text[start:end])
    assert_copied_pieces_are_exact(article)


REFERENCES = {"&": ["&amp;", "&#38;"], "<": ["&lt;"], "\u00e9": ["&eacute;", "&#233;", "&#xE9;"],
              "\u2019": ["&rsquo;", "&#8217;"], "\u00a0": ["&nbsp;"],
              " ": [" ", "\n  ", "\r\n\t"]}


@st.composite
def html_paragraphs(draw) -> tuple[list[str], str]:
    """Paragraphs of text and an HTML page that holds them, with characters written as entity
    or character references at random."""
    characters = st.sampled_from([*"Amenas Mali 700", *REFERENCES])
    paragraphs, markup = [], []
    for _ in range(draw(st.integers(1, 4))):
        text = "Mali" + "".join(draw(st.lists(characters, max_size=30)))
        paragraphs.append(text)
        written = "".join(draw(st.sampled_from(REFERENCES.get(char, [char]))) for char in text)
        markup.append(f"<p>{written}</p>")
    return paragraphs, "<!DOCTYPE html><html><body>\n" + "\n".join(markup) + "\n</body></html>"


@settings(max_examples=200, deadline=None)
@given(page=html_paragraphs())
def test_every_html_character_maps_to_what_the_source_writes(page):
    paragraphs, source = page
    article = read_article(source.encode())
    assert article.text == "\n\n".join(" ".join(text.split()) for text in paragraphs)
    for i, char in enumerate(article.text):
        if not char.isspace():
            assert html.unescape(original_of(article, i, i + 1)) == char
    assert_copied_pieces_are_exact(article)
