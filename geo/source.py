"""Text in: turn the bytes of a news article (plain text or an HTML page) into clean text.

Later stages (place recognition, claim extraction) read `Article.text`. Every character of it
can be traced back to the characters of `Article.original`, the decoded file as the user has
it, so that each mention and claim can point at what the user wrote:
`article.to_original(start, end)` gives the span of `original` that `text[start:end]` came from.

Reading goes: bytes -> decoded `original` -> (HTML only) readable text -> (HTML only) the
lines of it that are the article -> repairs and whitespace clean-up -> `text`. Each step after
decoding is recorded in an `OffsetMap`.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

MAX_ARTICLE_BYTES = 10_000_000
"""Articles are tens of kilobytes; 10 MB leaves room for a saved web page with inline assets
while keeping the offset map and ftfy's work small."""

# Share of C0 control characters (other than whitespace) above which decoded "text" is taken
# for binary data: text holds at most a few stray ones, while binary formats that happen to
# have no NUL byte are full of them.
_BINARY_CONTROL_SHARE = 0.3

# ftfy and the character alignment of its changes work on lines; a very long line is fixed in
# pieces of about this many characters so that the alignment stays cheap.
_FIX_UNIT_CHARS = 2000

# Whether two single-byte decodings look equally clean, as judged by charset-normalizer's
# "chaos" (share of odd-looking characters).
_CHAOS_TOLERANCE = 0.1


@cache
def _ftfy_config(html_page: bool):
    """ftfy's settings; ftfy (0.1 s to import) loads at the first text that is not plain ASCII.

    Curly quotes are the author's, not damage. Control characters are removed afterwards by
    _remove_invisible_characters, which keeps them out of ftfy's changes to align. In a page's
    text, entities were decoded already; any "&amp;" left was written as such."""
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, remove_control_chars=False)
    return config._replace(unescape_html=False) if html_page else config


class SourceError(ValueError):
    """Input that cannot be read as an article; the message is one line naming the problem."""


@dataclass(frozen=True, eq=False)
class OffsetMap:
    """Where each character of a derived text came from in the text it was derived from.

    The derived text is cut into pieces. Piece i starts at derived offset `starts[i]` and came
    from `source[source_starts[i]:source_ends[i]]`. A copied piece is those very characters,
    so offsets inside it map one to one. Any other piece is a rewrite (an entity decoded,
    mojibake repaired, a whitespace run collapsed, a paragraph break standing for a tag) and
    each of its characters maps to the whole source span it replaced. Source characters that
    were dropped (tags, control characters) are gaps between pieces.
    """

    starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]
    copied: tuple[bool, ...]
    length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        builder = _MapBuilder()
        builder.add_piece(length, 0, length, copied=True)
        return builder.build_map()

    @property
    def piece_count(self) -> int:
        return len(self.starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The source span that derived[start:end] came from."""
        if not 0 <= start <= end <= self.length:
            raise IndexError(f"span ({start}, {end}) is outside a text of {self.length} chars")
        if start == end:
            position = self._source_position(start)
            return position, position
        first, last = self.piece_at(start), self.piece_at(end - 1)
        if self.copied[first]:
            source_start = self.source_starts[first] + (start - self.starts[first])
        else:
            source_start = self.source_starts[first]
        if self.copied[last]:
            source_end = self.source_starts[last] + (end - self.starts[last])
        else:
            source_end = self.source_ends[last]
        return int(source_start), int(source_end)

    def piece_at(self, offset: int) -> int:
        """The index of the piece that holds derived[offset]."""
        return bisect.bisect_right(self.starts, offset) - 1

    def piece_end(self, piece: int) -> int:
        return int(self.starts[piece + 1]) if piece + 1 < self.piece_count else self.length

    def _source_position(self, offset: int) -> int:
        if not self.piece_count:
            return 0
        if offset == self.length:
            return int(self.source_ends[-1])
        return self.to_original(offset, offset + 1)[0]


class _MapBuilder:
    """Builds a derived text and its OffsetMap piece by piece, in order.

    Adjacent copies of adjacent source text merge into one piece, so a text that is mostly
    unchanged needs only a few pieces however long it is.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._source_starts: list[int] = []
        self._source_ends: list[int] = []
        self._copied: list[bool] = []
        self._length = 0

    def copy(self, text: str, source_start: int) -> None:
        """Append `text`, which is source[source_start:source_start + len(text)]."""
        if text:
            self._parts.append(text)
            self.add_piece(len(text), source_start, source_start + len(text), copied=True)

    def rewrite(self, text: str, source_start: int, source_end: int) -> None:
        """Append `text`, which replaces source[source_start:source_end]."""
        if text:
            self._parts.append(text)
            self.add_piece(len(text), source_start, source_end, copied=False)

    def keep(self, text: str, offset_map: OffsetMap, start: int, end: int) -> None:
        """Append text[start:end] unchanged, with the origins that `offset_map` gives it."""
        if start == end:
            return
        self._parts.append(text[start:end])
        first, last = offset_map.piece_at(start), offset_map.piece_at(end - 1)
        self._keep_part_of_piece(offset_map, first, start, end)
        if last > first:
            self._keep_whole_pieces(offset_map, first + 1, last)
            self._keep_part_of_piece(offset_map, last, start, end)

    def _keep_part_of_piece(self, offset_map: OffsetMap, piece: int, start: int, end: int) -> None:
        piece_start = int(offset_map.starts[piece])
        kept_start = max(start, piece_start)
        kept_end = min(end, offset_map.piece_end(piece))
        source_start = int(offset_map.source_starts[piece])
        if offset_map.copied[piece]:
            source_start += kept_start - piece_start
            self.add_piece(kept_end - kept_start, source_start,
                           source_start + kept_end - kept_start, copied=True)
        else:
            self.add_piece(kept_end - kept_start, source_start,
                           int(offset_map.source_ends[piece]), copied=False)

    def _keep_whole_pieces(self, offset_map: OffsetMap, first: int, stop: int) -> None:
        """Append pieces first..stop-1 as they are."""
        if first == stop:
            return
        shift = self._length - offset_map.starts[first]
        self._starts.extend(start + shift for start in offset_map.starts[first:stop])
        self._source_starts.extend(offset_map.source_starts[first:stop])
        self._source_ends.extend(offset_map.source_ends[first:stop])
        self._copied.extend(offset_map.copied[first:stop])
        self._length = offset_map.piece_end(stop - 1) + shift

    def add_piece(self, length: int, source_start: int, source_end: int, copied: bool) -> None:
        if not length:
            return
        if (copied and self._copied and self._copied[-1]
                and self._source_ends[-1] == source_start):
            self._source_ends[-1] = source_end
        else:
            self._starts.append(self._length)
            self._source_starts.append(source_start)
            self._source_ends.append(source_end)
            self._copied.append(copied)
        self._length += length

    def build_map(self) -> OffsetMap:
        return OffsetMap(
            starts=tuple(self._starts),
            source_starts=tuple(self._source_starts),
            source_ends=tuple(self._source_ends),
            copied=tuple(self._copied),
            length=self._length,
        )

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), self.build_map()


Edit = tuple[int, int, str]
"""Replace text[start:end] by the string."""


def _apply_edits(text: str, offset_map: OffsetMap, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """`text` with `edits` (sorted, not overlapping) made, and its map to the original."""
    builder = _MapBuilder()
    position = 0
    for start, end, replacement in edits:
        builder.keep(text, offset_map, position, start)
        builder.rewrite(replacement, *offset_map.to_original(start, end))
        position = end
    builder.keep(text, offset_map, position, len(text))
    return builder.build()


def _regex_edits(pattern: re.Pattern[str], text: str,
                 replace: Callable[[re.Match[str]], str]) -> list[Edit]:
    edits = []
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement != match.group():
            edits.append((match.start(), match.end(), replacement))
    return edits


@dataclass
class _Draft:
    """The text as it goes through the clean-up steps, with its map and what was repaired."""

    text: str
    offset_map: OffsetMap
    repairs: list[str] = field(default_factory=list)

    def edit(self, edits: list[Edit], repair: str = "") -> None:
        if edits:
            self.text, self.offset_map = _apply_edits(self.text, self.offset_map, edits)
            if repair:
                self.repairs.append(repair)


# --- Decoding ---------------------------------------------------------------------------------

_UTF16_AND_32_MARKS = (  # UTF-32 first: its little-endian byte order mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ASCII_BYTES = bytes(range(128))
_C0_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_STRAY_BYTES_AS_CP1252 = "geo.source.stray-bytes-as-cp1252"


def _decode_stray_bytes_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    stray = error.object[error.start:error.end]
    import ftfy.bad_codecs  # noqa: F401  registers the "sloppy-windows-1252" codec

    return stray.decode("sloppy-windows-1252"), error.end


codecs.register_error(_STRAY_BYTES_AS_CP1252, _decode_stray_bytes_as_cp1252)


def _decode(data: bytes, label: str) -> tuple[str, str, list[str]]:
    """The decoded text, the codec's name and any repair that decoding needed."""
    for mark, encoding in _UTF16_AND_32_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as error:
                raise SourceError(f"{label}: starts with a {encoding} byte order mark but is not "
                                  f"valid {encoding} (byte {error.start})") from None
    if b"\x00" in data:
        raise SourceError(f"{label}: looks binary, not text (it contains NUL bytes; UTF-16 text "
                          "needs a byte order mark)")
    utf8_marked = data.startswith(codecs.BOM_UTF8)
    utf8 = "utf-8-sig" if utf8_marked else "utf-8"
    try:
        return data.decode(utf8), utf8, []
    except UnicodeDecodeError:
        pass
    if utf8_marked or _mostly_utf8(data):
        text = data.decode(utf8, errors=_STRAY_BYTES_AS_CP1252)
        return text, utf8, ["stray bytes that were not UTF-8 read as cp1252"]
    encoding = _detect_single_byte_encoding(data, label)
    try:
        return data.decode(encoding), encoding, [f"not UTF-8: decoded as {encoding}"]
    except UnicodeDecodeError as error:
        raise SourceError(f"{label}: not UTF-8, and not valid {encoding} either "
                          f"(byte {error.start})") from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: UTF-8 text with a few stray bytes
    (cp1252 quotes pasted in, typically) rather than text in a legacy encoding."""
    utf8_bytes = sum(len(sequence) for sequence in _UTF8_MULTIBYTE.findall(data))
    high_bytes = len(data.translate(None, _ASCII_BYTES))
    return utf8_bytes * 2 > high_bytes


def _detect_single_byte_encoding(data: bytes, label: str) -> str:
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise SourceError(f"{label}: looks binary, not text (no text encoding fits it)")
    # charset-normalizer cannot tell the Western code pages apart on a short text: it picks
    # cp1250 or cp1257 for cp1252 text with curly quotes and "é". cp1252 is by far the most
    # common legacy encoding of English text (browsers use it for latin-1 too), so it wins
    # whenever it decodes the bytes about as cleanly as the best guess.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _CHAOS_TOLERANCE:
            return "cp1252"
    return codecs.lookup(best.encoding).name


def _reject_binary(text: str, label: str) -> None:
    controls = len(_C0_CONTROL.findall(text))
    if controls > _BINARY_CONTROL_SHARE * len(text):
        raise SourceError(f"{label}: looks binary, not text "
                          f"({controls / len(text):.0%} of it is control characters)")


# --- HTML -------------------------------------------------------------------------------------

_HTML_MARKER = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_COMMON_CLOSING_TAG = re.compile(
    r"</(?:p|div|span|a|b|i|em|strong|li|ul|ol|td|tr|table|h[1-6]|article|section)\s*>",
    re.IGNORECASE)
_HIDDEN_ELEMENTS = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header",
                              "footer", "aside", "form"})
_BLOCK_ELEMENTS = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"})
_VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                            "meta", "param", "source", "track", "wbr"})
_HTML_NEWLINES = re.compile(r"[\r\n]+")


def _looks_like_html(text: str) -> bool:
    """A page or a fragment of one: judged by content, as saved pages are often named .txt."""
    head = text[:65536]
    return (_HTML_MARKER.search(head, 0, 4096) is not None
            or len(_COMMON_CLOSING_TAG.findall(head)) >= 3)


@dataclass
class _HtmlPiece:
    text: str
    source_start: int
    source_end: int
    copied: bool
    article: int | None  # which top-level <article> it is in
    in_main: bool


class _ReadableTextParser(HTMLParser):
    """Collects the readable text of an HTML page, each piece with its span in the source.

    Built on html.parser rather than trafilatura or lxml because those report no source
    offsets, and every character of the text must point back into the HTML (trafilatura only
    judges which of its lines are the article: _article_lines). With convert_charrefs=False
    each entity arrives on its own, so its span is known too.
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[_HtmlPiece] = []
        self._source = source
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", source))]
        self._open: list[tuple[str, bool]] = []  # (tag, whether it hides its content)
        self._hidden_depth = 0
        self._article_depth = 0
        self._articles_seen = 0
        self._main_depth = 0
        # The text of the page's <title> and of its first <h1>, and which of them is open.
        self._captured: dict[str, list[str]] = {}
        self._capturing: str | None = None

    def title(self) -> str | None:
        for tag in ("title", "h1"):
            title = " ".join("".join(self._captured.get(tag, ())).split())
            if title:
                import ftfy

                return ftfy.fix_text(title, _ftfy_config(html_page=True))
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._position()
        self._add_break(tag, start, start + len(self.get_starttag_text() or ""))
        if tag in _VOID_ELEMENTS:
            return
        # An <article>'s own <header> holds its headline, not the site's banner.
        hides = tag in _HIDDEN_ELEMENTS and not (tag == "header" and self._article_depth)
        self._open.append((tag, hides))
        self._hidden_depth += hides
        if tag == "article":
            self._article_depth += 1
            if self._article_depth == 1:
                self._articles_seen += 1
        elif tag == "main":
            self._main_depth += 1
        if tag in ("title", "h1") and tag not in self._captured and not (
                self._hidden_depth or self._capturing):
            self._captured[tag], self._capturing = [], tag

    def handle_endtag(self, tag: str) -> None:
        if all(open_tag != tag for open_tag, _ in self._open):
            return  # a stray end tag, as browsers ignore it
        while True:
            open_tag, hides = self._open.pop()
            self._hidden_depth -= hides
            self._article_depth -= open_tag == "article"
            self._main_depth -= open_tag == "main"
            if open_tag == self._capturing:
                self._capturing = None
            if open_tag == tag:
                break
        start = self._position()
        end = self._source.find(">", start) + 1 or len(self._source)
        self._add_break(tag, start, end)

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        start = self._position()
        copied_from = 0
        for newlines in _HTML_NEWLINES.finditer(data):  # a newline in HTML is just a space
            self._add(data[copied_from:newlines.start()], start + copied_from, copied=True)
            self._add(" ", start + newlines.start(), start + newlines.end(), copied=False)
            copied_from = newlines.end()
        self._add(data[copied_from:], start + copied_from, copied=True)

    def handle_entityref(self, name: str) -> None:
        self._add_reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._add_reference("&#" + name)

    def _add_reference(self, reference: str) -> None:
        if self._hidden_depth:
            return
        start = self._position()
        end = start + len(reference) + self._source.startswith(";", start + len(reference))
        written = self._source[start:end]
        decoded = html.unescape(written)
        self._add(decoded, start, end, copied=decoded == written)

    def _add_break(self, tag: str, start: int, end: int) -> None:
        if tag == "br":
            self._add("\n", start, end, copied=False)
        elif tag in _BLOCK_ELEMENTS:
            self._add("\n\n", start, end, copied=False)

    def _add(self, text: str, start: int, end: int | None = None, *, copied: bool) -> None:
        if not text or self._hidden_depth:
            return
        if self._capturing:
            self._captured[self._capturing].append(text)
            if self._capturing == "title":
                return  # the <title> is the page's name, not part of its text
        article = self._articles_seen if self._article_depth else None
        self.pieces.append(_HtmlPiece(text, start, start + len(text) if end is None else end,
                                      copied, article, self._main_depth > 0))

    def _position(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


def _extract_readable_text(source: str) -> tuple[str, OffsetMap, str | None]:
    """The readable text of an HTML page (the lines of its article, where trafilatura can tell
    them: _article_lines), its map into the page's source, and its title."""
    parser = _ReadableTextParser(source)
    parser.feed(source)
    parser.close()
    builder = _MapBuilder()
    for piece in _main_content(parser.pieces):
        if piece.copied:
            builder.copy(piece.text, piece.source_start)
        else:
            builder.rewrite(piece.text, piece.source_start, piece.source_end)
    text, offset_map = builder.build()
    # trafilatura reads the whole page, not only the part that _main_content chose.
    page_text_chars = sum(len(piece.text) for piece in parser.pieces)
    page_text_runs = sum(not piece.text.isspace() for piece in parser.pieces)
    if (len(text) >= _ARTICLE_FILTER_MIN_CHARS and page_text_chars <= _ARTICLE_FILTER_MAX_CHARS
            and page_text_runs <= _ARTICLE_FILTER_MAX_RUNS):
        text, offset_map = _article_lines(source, text, offset_map)
    return text, offset_map, parser.title()


def _main_content(pieces: list[_HtmlPiece]) -> list[_HtmlPiece]:
    """The pieces of the largest <article>, else of <main>, else all of them."""
    article_sizes: dict[int, int] = {}
    for piece in pieces:
        if piece.article is not None:
            article_sizes[piece.article] = (article_sizes.get(piece.article, 0)
                                            + len(piece.text.strip()))
    if article_sizes and max(article_sizes.values()):
        largest = max(article_sizes, key=article_sizes.__getitem__)
        return [piece for piece in pieces if piece.article == largest]
    main = [piece for piece in pieces if piece.in_main]
    return main if any(piece.text.strip() for piece in main) else pieces


# Under this many characters of readable text a page is a fragment or a brief, with no room
# for furniture, and trafilatura, tuned on whole pages, drops real lines of it (a headline, a
# list of places, a table).
_ARTICLE_FILTER_MIN_CHARS = 500
# trafilatura's time grows faster than the page. With the runs of text (text between tags) in
# one paragraph or table it grows as their square: 3,000 runs took it 1.5 s, 24,000 almost
# three minutes. With the length of the text it grows about linearly: 200,000 characters took
# it 0.7 s, a million 1.7 s. A page past either bound is read whole, as it was before
# trafilatura; an article page is well within them (a long story with its clutter has some
# hundreds of runs and tens of thousands of characters).
_ARTICLE_FILTER_MAX_RUNS = 3_000
_ARTICLE_FILTER_MAX_CHARS = 200_000
# Fewer of geo's words than this in trafilatura's text means it missed the article (it kept a
# caption or a notice) rather than found a short one: the whole text is more useful then.
_ARTICLE_MIN_WORDS = 25
# A word of geo's text is the article's when it and its neighbours, this many words in a row,
# are in trafilatura's text too. A word alone would be found anywhere ("Kabul" in a menu and
# in the story); a run of three is found only where trafilatura kept that very passage.
_ARTICLE_RUN_WORDS = 3
_WORD = re.compile(r"[^\W_]+")
# A line with the whitespace after it, up to the next line's first character, so that kept
# lines stay apart as they were. A line without words (a "|" between menu items) is never kept.
_LINE_AND_BREAK = re.compile(r"\S[^\n]*\s*")


def _article_lines(page: str, text: str, offset_map: OffsetMap) -> tuple[str, OffsetMap]:
    """The lines of `text`, the page's readable text, that are its article rather than the
    site's furniture (menus, cookie notices, "most read" lists, teasers, reader comments),
    with their map into the page; `text` itself when trafilatura finds too little of it.

    trafilatura decides what is the article but reports no offsets, so its text only votes:
    a line of geo's own text is kept when at least half of its words are in trafilatura's
    text in the same company, and keeps its map into the page as it is."""
    import numpy as np
    import trafilatura  # here: importing it takes a quarter of a second, and plain text needs none

    # A table in the story is the article's (the dead by town). favor_precision is left off:
    # it drops the headline and standfirst of many pages too.
    article = trafilatura.extract(page, include_comments=False, include_tables=True,
                                  output_format="txt") or ""
    article_runs = set(_word_runs([word.casefold() for word in _WORD.findall(article)]))
    words = list(_WORD.finditer(text))
    in_article = np.zeros(len(words), dtype=bool)
    for index, run in enumerate(_word_runs([word.group().casefold() for word in words])):
        if run in article_runs:
            in_article[index:index + _ARTICLE_RUN_WORDS] = True
    word_starts = [word.start() for word in words]
    builder = _MapBuilder()
    words_kept = 0
    for line in _LINE_AND_BREAK.finditer(text):
        first = bisect.bisect_left(word_starts, line.start())
        stop = bisect.bisect_left(word_starts, line.end(), first)
        if stop > first and 2 * in_article[first:stop].sum() >= stop - first:
            builder.keep(text, offset_map, line.start(), line.end())
            words_kept += stop - first
    if words_kept < _ARTICLE_MIN_WORDS:
        return text, offset_map
    return builder.build()


def _word_runs(words: list[str]) -> Iterator[tuple[str, ...]]:
    """Each run of _ARTICLE_RUN_WORDS consecutive words, in order: the i-th starts at words[i]."""
    return zip(*(words[shift:] for shift in range(_ARTICLE_RUN_WORDS)), strict=False)


# --- Clean-up ---------------------------------------------------------------------------------

_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# UTF-8 punctuation that was read as Latin-1 and then lost its C1 control characters, as in
# the founding article: an en dash (bytes E2 80 93) is left as a lone "â", "…" (E2 80 A6) as
# "â¦". The lost bytes cannot be recovered: ftfy leaves a lone "â" alone and misreads "â¦ " as
# "⦠". So these are repaired from context before ftfy runs. A spaced "â" was a dash (which
# one is lost; the spaced en dash of British news style is used) and "â" inside an English
# contraction was an apostrophe.
_LOST_BYTE_MOJIBAKE = re.compile(
    r"(?P<ellipsis>â¦)|(?P<dash>(?<!\S)â(?!\S))"
    # the two lost bytes of U+2019 are sometimes left as one space: "Sheriffâ s Office"
    r"|(?P<apostrophe>(?<=[A-Za-z])â ?(?=(?:s|t|d|m|ll|re|ve)\b))")
_LOST_BYTE_REPAIRS = {"ellipsis": "\u2026", "dash": "\u2013", "apostrophe": "\u2019"}
_WORD_OR_SPACE = re.compile(r"\S+|\s+")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]+")
# A paragraph break between two paragraphs ("\n\n" between words) is tidy already: it is passed
# over here, not matched and put back, as most articles hold many.
_UNTIDY_WHITESPACE = re.compile(r"\A\s+|(?!\n\n(?!\s))\s{2,}|\s+\Z|[^\S \n]")
_LETTER = re.compile(r"[^\W\d_]")


def _clean(draft: _Draft, html_page: bool) -> None:
    _unify_line_breaks(draft)
    _repair_lost_byte_mojibake(draft)
    _fix_with_ftfy(draft, html_page)
    _remove_invisible_characters(draft)
    _tidy_whitespace(draft)


def _unify_line_breaks(draft: _Draft) -> None:
    draft.edit(_regex_edits(_LINE_BREAK, draft.text, lambda match: "\n"),
               "line breaks (CRLF, CR ...) changed to LF")


def _repair_lost_byte_mojibake(draft: _Draft) -> None:
    if "â" not in draft.text:  # a quick way past the regular expression for most articles
        return
    counts: dict[str, int] = {}

    def repair(match: re.Match[str]) -> str:
        assert match.lastgroup is not None
        replacement = _LOST_BYTE_REPAIRS[match.lastgroup]
        change = f"'{match.group()}' -> '{replacement}'"
        counts[change] = counts.get(change, 0) + 1
        return replacement

    edits = _regex_edits(_LOST_BYTE_MOJIBAKE, draft.text, repair)
    draft.edit(edits, "mojibake with lost bytes repaired: "
               + ", ".join(f"{change} ({count})" for change, count in counts.items()))


def _fix_with_ftfy(draft: _Draft, html_page: bool) -> None:
    edits: list[Edit] = []
    steps: dict[str, None] = {}  # in the order ftfy took them
    units_fixed = 0
    for start, end in _fix_units(draft.text):
        unit = draft.text[start:end]
        if unit.isascii() and "&" not in unit and "\x1b" not in unit:
            continue  # nothing ftfy would change: no entity, no terminal escape
        import ftfy

        fixed, explanation = ftfy.fix_and_explain(unit, config=_ftfy_config(html_page))
        if fixed != unit:
            units_fixed += 1
            steps.update(dict.fromkeys(f"{step.action} {step.parameter}"
                                       for step in explanation or ()))
            edits.extend(_alignment_edits(unit, fixed, start))
    draft.edit(edits, f"ftfy fixed {units_fixed} line(s): {', '.join(steps)}")


def _fix_units(text: str) -> Iterator[tuple[int, int]]:
    """Spans of `text` for ftfy: its lines, a long line cut after sentences."""
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        start = line_start
        while line_end - start > _FIX_UNIT_CHARS:
            sentence_end = text.rfind(". ", start + 1, start + _FIX_UNIT_CHARS)
            cut = sentence_end + 1 if sentence_end != -1 else start + _FIX_UNIT_CHARS
            yield start, cut
            start = cut
        yield start, line_end
        line_start = line_end + 1


def _alignment_edits(before: str, after: str, offset: int) -> Iterator[Edit]:
    """Small edits that turn `before` (at `offset` in the text) into `after`.

    ftfy's repairs rarely merge or split words, so the words of the two usually pair up one to
    one and only the changed ones need aligning character by character: difflib on every
    changed line whole is far too slow on a big file."""
    before_words, after_words = _WORD_OR_SPACE.findall(before), _WORD_OR_SPACE.findall(after)
    if len(before_words) != len(after_words):
        yield from _character_edits(before, after, offset)
        return
    word_start = offset
    for old, new in zip(before_words, after_words, strict=True):
        if old != new:
            yield from _character_edits(old, new, word_start)
        word_start += len(old)


def _shared_start(a: str, b: str) -> int:
    """How many characters a and b share at their start."""
    shorter = min(len(a), len(b))
    return next((i for i, (x, y) in enumerate(zip(a[:shorter], b[:shorter], strict=True))
                 if x != y), shorter)


def _character_edits(before: str, after: str, offset: int) -> Iterator[Edit]:
    """Edits that turn `before` into `after`; a same-length change is taken character by
    character. What the two share at either end is set aside first (in linear time): ftfy's
    repairs are local, and difflib is quadratic in what is left (a 2,000-character "word"
    around one "&amp;" took a second)."""
    head = _shared_start(before, after)
    tail = _shared_start(before[head:][::-1], after[head:][::-1])
    if head or tail:
        yield from _character_edits(before[head:len(before) - tail],
                                    after[head:len(after) - tail], offset + head)
        return
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                yield offset + i1 + k, offset + i1 + k + 1, after[j1 + k]
        else:
            yield offset + i1, offset + i2, after[j1:j2]


def _remove_invisible_characters(draft: _Draft) -> None:
    edits = _regex_edits(_INVISIBLE, draft.text, lambda match: "")
    removed = sum(end - start for start, end, _ in edits)
    draft.edit(edits, f"{removed} control or invisible character(s) removed")


def _tidy_whitespace(draft: _Draft) -> None:
    """One space between words, one newline between lines, a blank line between paragraphs."""
    length = len(draft.text)

    def tidy(match: re.Match[str]) -> str:
        if match.start() == 0 or match.end() == length:
            return ""
        newlines = match.group().count("\n")
        return "\n\n" if newlines > 1 else "\n" if newlines else " "

    draft.edit(_regex_edits(_UNTIDY_WHITESPACE, draft.text, tidy))


# --- Reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Article:
    """An article as later stages read it (`text`) and as the user has it (`original`)."""

    text: str = field(repr=False)
    original: str = field(repr=False)
    offset_map: OffsetMap = field(repr=False)
    encoding: str  # Python's name of the codec that decoded the bytes
    format: str  # "text" or "html"
    title: str | None
    repairs: tuple[str, ...]  # what was fixed, for the user's information
    name: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that text[start:end] came from: the very same characters
        where they were copied, the whole entity, mojibake or whitespace run where they were
        rewritten."""
        return self.offset_map.to_original(start, end)


def read_article_file(path: str | Path) -> Article:
    """Read an article from a file; a SourceError says what is wrong with it."""
    path = Path(path)
    try:
        _check_size(path.stat().st_size, str(path))
        with open(path, "rb") as handle:
            # Devices and pipes have no size to check: read one byte past the limit at most.
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise SourceError(f"{path}: cannot read it: {error.strerror}") from None
    return read_article(data, str(path))


def read_article(data: bytes, name: str = "-") -> Article:
    """Read an article (plain text or HTML, any common encoding) from its bytes; `name` is
    what error messages call it ("-" for standard input)."""
    label = "standard input" if name == "-" else name
    _check_size(len(data), label)
    original, encoding, repairs = _decode(data, label)
    _reject_binary(original, label)
    if _looks_like_html(original):
        extracted, offset_map, title = _extract_readable_text(original)
        draft = _Draft(extracted, offset_map, repairs)
        _clean(draft, html_page=True)
        text_format = "html"
    else:
        draft = _Draft(original, OffsetMap.identity(len(original)), repairs)
        _clean(draft, html_page=False)
        text_format, title = "text", None
    if not draft.text:
        readable = " (the page has no readable text)" if text_format == "html" else ""
        raise SourceError(f"{label}: the article is empty{readable}")
    if not _LETTER.search(draft.text):
        raise SourceError(f"{label}: the article contains no letters, so nothing to read")
    return Article(draft.text, original, draft.offset_map, encoding, text_format, title,
                   tuple(draft.repairs), name)


def _check_size(size: int, label: str) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise SourceError(f"{label}: over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for an "
                          "article")
