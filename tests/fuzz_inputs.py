"""Generated article inputs that try to break geo: for the property tests and scripts/fuzz.py.

One grammar, two sources of choices
-----------------------------------
Every generator below is a plain function of a `Choices` object, which makes the decisions
(an integer in a range, one of some options, a coin toss, a run of random Unicode or bytes).
`Choices` has two implementations:

- `RandomChoices` wraps a `random.Random`: fast, no dependency, used by scripts/fuzz.py, which
  runs a hundred thousand inputs and rebuilds any of them from the seed and its index
  (`fuzz_input_for(seed, index)`);
- `DrawChoices` wraps hypothesis's `draw`: every decision is a hypothesis draw (integers,
  `st.text`, `st.binary`), so a failing example shrinks decision by decision towards the first
  option, the low end and no mutation.

The strategies (`article_bytes_strategy()`, `article_texts()`, `news_texts()`,
`claim_texts()`, `unicode_texts()`) are each the same function twice, under `st.one_of`: under
`st.composite` with `DrawChoices`, and with `RandomChoices` over a drawn seed. Hypothesis makes
most new examples by mutating earlier ones, so the first half crowds round a few articles
(300 of them once missed a crash that one random claim sentence in 25 makes); the second half
is as varied as the fuzzer's inputs but shrinks only to another seed.

So the tests and the fuzzer draw from one definition of the input space, the tests keep
hypothesis's reproducibility (and, for the first half, its shrinking), and the fuzzer avoids
`strategy.example()`, which is slow and not meant for use outside tests.

The input space
---------------
- random Unicode text from every block (controls, combining marks, right-to-left scripts,
  astral characters, non-characters, digits of other scripts, letters whose case mapping
  changes their length); surrogates cannot occur in text decoded from bytes and are left out;
- random bytes, and articles encoded in UTF-8 (with or without BOM), UTF-16/32 (with and
  without BOM), cp1252, Latin-1, Mac Roman..., then damaged (bytes flipped, cut, inserted);
- news-like sentences built from templates whose slots are places the gazetteer knows
  (Algiers, In Amenas, Mali, Timbuktu, Kabul, New York, Russia, Fiji, Samoa, Antarctica,
  Europe, the Middle East...), numbers in every form (huge, decimal, with commas, negative,
  "1e400", "a dozen", digits of other scripts), units, hedges, compass words (valid and
  not: "north south-west"), border phrases and regions ("in northern Mali"); each slot may be
  mutated, and the text as a whole too (long runs of digits or of one name, repeated words,
  punctuation, brackets, markup, mojibake, odd whitespace);
- mostly under 2,000 characters (about one in eight is longer, mostly from repeats and wide
  encodings); one news text in a hundred is long on purpose (up to `max_long` characters: the
  fuzzer's default is 60,000, the tests' 6,000).

`offset_problems(analysis, report)` states the offset invariants that both check.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")

DEFAULT_MAX_LONG = 60_000  # characters in the longest generated articles (scripts/fuzz.py)
TEST_MAX_LONG = 6_000      # ... in the property tests, which must stay fast


# --- Sources of choices -----------------------------------------------------------------------


class Choices(Protocol):
    max_long: int

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high]; shrinks towards `low`."""

    def choice(self, options: Sequence[T]) -> T:
        """One of `options`; shrinks towards the first."""

    def chance(self, percent: int) -> bool:
        """True `percent` times in a hundred; shrinks towards False."""

    def unicode_text(self, max_size: int) -> str:
        """Arbitrary text (no surrogates) of at most `max_size` characters."""

    def raw_bytes(self, max_size: int) -> bytes:
        """Arbitrary bytes, at most `max_size`."""


# Ranges of code points random text is drawn from, each about equally often: most of a
# news article's trouble hides in a few blocks, which a uniform draw over 0..0x10FFFF would
# hardly ever visit.
_CODE_POINT_RANGES = (
    (0x20, 0x7E),        # ASCII
    (0x00, 0x1F),        # C0 controls
    (0x7F, 0x9F),        # DEL, C1 controls
    (0xA0, 0xFF),        # Latin-1
    (0x100, 0x24F),      # Latin extended
    (0x300, 0x36F),      # combining marks
    (0x370, 0x52F),      # Greek, Cyrillic
    (0x590, 0x6FF),      # Hebrew, Arabic (right to left; Arabic-Indic digits)
    (0x900, 0x97F),      # Devanagari (its own digits)
    (0x1E00, 0x1EFF),    # Latin extended additional
    (0x2000, 0x206F),    # general punctuation: odd spaces, zero-width, bidi controls
    (0x2100, 0x21FF),    # letterlike symbols, number forms, arrows
    (0x3000, 0x30FF),    # CJK punctuation, kana
    (0x4E00, 0x9FFF),    # CJK ideographs
    (0xE000, 0xF8FF),    # private use
    (0xFB00, 0xFB06),    # ligatures whose upper case is longer ("ﬁ" -> "FI")
    (0xFE00, 0xFE0F),    # variation selectors
    (0xFF00, 0xFFEF),    # full-width forms (full-width digits)
    (0xFFF0, 0xFFFF),    # specials, non-characters
    (0x1D400, 0x1D7FF),  # mathematical letters and digits
    (0x1F300, 0x1FAFF),  # emoji
    (0xE0000, 0xE007F),  # tags
    (0x0, 0x10FFFF),     # anything at all
)
_SURROGATES = range(0xD800, 0xE000)
# Characters that change length or meaning under case mapping or normalisation.
_TRICKY_CHARACTERS = ("\u0130", "\u00df", "\u0149", "\ufb01", "\u1e9e", "\u03a3", "\u2126",
                      "\u212a", "\u01c5", "\u0345", "\u1f88", "\ufeff", "\u200b", "\u200d",
                      "\u202e", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\x00",
                      "\x1b[31m", "\ud7ff", "\U0010ffff", "e\u0301", "\u00a0", "\u3000")


class RandomChoices:
    """Choices from a `random.Random`, for scripts/fuzz.py."""

    def __init__(self, rng: random.Random, max_long: int = DEFAULT_MAX_LONG):
        self.rng = rng
        self.max_long = max_long

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def chance(self, percent: int) -> bool:
        return self.rng.randrange(100) < percent

    def unicode_text(self, max_size: int) -> str:
        rng = self.rng
        size = rng.randint(0, max_size)
        ranges = [rng.choice(_CODE_POINT_RANGES) for _ in range(rng.randint(1, 3))]
        characters = []
        while len(characters) < size:
            if rng.randrange(20) == 0:
                characters.append(rng.choice(_TRICKY_CHARACTERS))
                continue
            low, high = rng.choice(ranges)
            code = rng.randint(low, high)
            if code not in _SURROGATES:
                characters.append(chr(code))
        return "".join(characters)

    def raw_bytes(self, max_size: int) -> bytes:
        return self.rng.randbytes(self.rng.randint(0, max_size))


_WIDE = st.integers(0, 2**64 - 1)


class DrawChoices:
    """Choices drawn through hypothesis (inside `st.composite`), so that they shrink."""

    def __init__(self, draw: Callable, max_long: int = TEST_MAX_LONG):
        self.draw = draw
        self.max_long = max_long

    def integer(self, low: int, high: int) -> int:
        # hypothesis favours small and boundary values, and would hardly ever pick the middle
        # of a grammar's options; a wide draw reduced modulo the range is close to uniform,
        # as the fuzzer's is, and still shrinks towards `low`.
        span = high - low + 1
        if span > 2**32:
            return self.draw(st.integers(low, high))
        return low + self.draw(_WIDE) % span

    def choice(self, options: Sequence[T]) -> T:
        return options[self.integer(0, len(options) - 1)]

    def chance(self, percent: int) -> bool:
        # Shrinks towards 0, which is False.
        return self.integer(0, 99) >= 100 - percent

    def unicode_text(self, max_size: int) -> str:
        # hypothesis's default alphabet is every code point but the surrogates.
        size = self.integer(0, max_size)
        text = self.draw(st.text(min_size=size, max_size=size))
        for _ in range(self.integer(0, 3)):
            at = self.integer(0, len(text))
            text = text[:at] + self.choice(_TRICKY_CHARACTERS) + text[at:]
        return text

    def raw_bytes(self, max_size: int) -> bytes:
        return self.draw(st.binary(max_size=max_size))


# --- The words of news about places -----------------------------------------------------------

PLACES = (
    "Algiers", "In Amenas", "Ain Amenas", "In Aménas", "Tiguentourine", "Mali", "Timbuktu",
    "Gao", "Kidal", "Bamako", "Algeria", "Libya", "Niger", "Tunisia", "Mauritania", "Ghadames",
    "Tripoli", "Illizi", "Tamanrasset", "Oran", "Kabul", "Kandahar", "Herat", "Afghanistan",
    "Pakistan", "Islamabad", "New York", "Washington", "Los Angeles", "Russia", "Moscow",
    "Vladivostok", "Anadyr", "Chukotka", "Alaska", "Fiji", "Suva", "Samoa", "Apia", "Tonga",
    "Kiribati", "Antarctica", "Greenland", "Svalbard", "Europe", "Africa", "Asia",
    "the Middle East", "Middle East", "European Union", "the Sahara", "China", "Beijing", "Tibet",
    "Xinjiang", "Taiwan", "Kosovo", "Western Sahara", "North Korea", "Gaza", "Israel", "Crimea",
    "Ukraine", "Kyiv", "Syria", "Aleppo", "Iraq", "Mosul", "Turkey", "Yemen", "Somalia",
    "Mogadishu", "Sudan", "South Sudan", "Chad", "France", "Paris", "Norway", "Oslo", "Japan",
    "Tokyo", "Ireland", "Dublin", "London", "Downing Street", "the White House", "the Kremlin",
    "Britain", "the UK", "the US", "U.S.", "Rio de Janeiro", "Bosnia and Herzegovina",
    "St. Petersburg", "The Hague", "Hague", "Nice", "Reading", "March", "Georgia", "Jordan",
    "Chad", "Niger Delta", "Timbuktoo", "Algers", "Kabool", "Nu Yrok", "Amenas",
)
# Places that are points (towns, a gas plant): what a distance or direction claim is about.
TOWNS = (
    "Algiers", "In Amenas", "Ain Amenas", "Tiguentourine", "Timbuktu", "Bamako", "Ghadames",
    "Tripoli", "Kabul", "Islamabad", "Washington", "Los Angeles", "Moscow", "Vladivostok",
    "Anadyr", "Suva", "Apia", "Aleppo", "Mogadishu", "Beijing", "Kyiv", "Paris", "Oslo",
    "Tokyo", "Dublin", "London", "St. Petersburg", "The Hague", "Nice",
)
COUNTRIES = (
    "Algeria", "Mali", "Libya", "Niger", "Tunisia", "Mauritania", "Russia", "China", "Fiji",
    "Samoa", "Antarctica", "Afghanistan", "Pakistan", "Turkey", "Syria", "Iraq", "Kosovo",
    "Western Sahara", "Taiwan", "Greenland", "Norway", "France", "the US", "Israel", "Ukraine",
    "North Korea", "South Sudan", "Sudan", "Chad", "Japan", "Ireland", "Kiribati", "Tonga",
    "Europe", "Africa", "the Middle East", "European Union", "Alaska", "Gaza", "Svalbard",
)
DEMONYMS = (
    "Algerian", "Malian", "Libyan", "Nigerien", "Tunisian", "Russian", "Chinese", "Fijian",
    "Samoan", "Afghan", "Pakistani", "Turkish", "Syrian", "Iraqi", "Kosovar", "Taiwanese",
    "Norwegian", "French", "British", "American", "Israeli", "Ukrainian", "Sudanese", "Chadian",
    "Japanese", "Irish", "European", "African", "Arab", "Antarctic", "Sahrawi", "Palestinian",
)
HEDGES = ("", "", "about", "around", "roughly", "approximately", "approx.", "some", "circa",
          "an estimated", "~", "nearly", "almost", "just under", "close to", "more than", "over",
          "at least", "upwards of", "in excess of", "less than", "under", "up to", "at most",
          "within", "no more than", "exactly", "well over", "some some", "about nearly",
          "More Than", "UP TO")
UNITS = ("km", "kilometres", "kilometers", "kilometre", "kms", "KM", "miles", "mile", "mi", "Mi",
         "nmi", "nm", "nautical miles", "nautical mile", "m", "metres", "meters", "ft", "feet",
         "yards", "yd", "km²", "sq km", "square miles", "km/h", "mph", "kg", "%", "")
DIRECTIONS = ("north", "south", "east", "west", "north-east", "south-west", "southwest",
              "northeast", "north east", "NNE", "SW", "N", "north-northeast",
              "north-north-east", "north north-east", "south-southwest", "north south-west",
              "south north-east", "north-south", "east-west", "north northwest", "North",
              "SOUTH-WEST", "northwest-west", "northerly", "south-south-south-west", "nw")
PROXIMITY = ("on", "at", "along", "near", "close to", "next to", "by", "outside",
             "not far from", "straddling", "On", "NEAR", "right on", "just near")
PARTS = ("northern", "southern", "eastern", "western", "central", "north-eastern",
         "south-western", "northeastern", "southwestern", "north western", "Northern",
         "far northern", "north-central", "mid-western")
NUMBER_WORDS = ("five", "a dozen", "dozens of", "hundreds of", "twenty", "one hundred",
                "a few", "several", "half a", "a thousand", "zero", "a million")
# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, full-width, mathematical
# bold, Malayalam): Python's \d and float() accept them all.
FOREIGN_DIGITS = tuple("".join(chr(zero + i) for i in range(10))
                       for zero in (0x660, 0x6F0, 0x966, 0xFF10, 0x1D7CE, 0xD66))
FILLER = ("Algerian troops were in a standoff on Wednesday night with Islamist militants.",
          "Downing Street said \"several British nationals\" had been caught up in the attack.",
          "The hostages were freed, officials said.", "We reject all negotiations.",
          "Militants seized the gas field at dawn.", "It was not clear how many were held.",
          "Kablia said there were \"about 20 terrorists\" involved.", "",
          "French jets struck rebel bases \u2013 the ministry confirmed \u2013 on Monday\u2026",
          "Washington said it was monitoring the situation.", "Leon Panetta said so.",
          "APS and the BBC reported it.", "Bob Flores, a Texan, escaped. Flores said he ran.")
PUNCTUATION = (".", ",", ";", ":", "!", "?", "...", "\u2026", "\u2014", "\u2013", "-", "(", ")",
               "[", "]", "{", "}", "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab",
               "\u00bb", "/", "\\", "|", "&", "&amp;",
               "<", ">", "<p>", "</p>", "<br>", "<script>", "#", "*", "_", "`", "$", "%", "@")
WHITESPACE = (" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u2028", "\u3000",
              "\u200b", "\x0b", "\x0c", "\x85", "")


# --- Numbers ----------------------------------------------------------------------------------


def number(c: Choices) -> str:
    kind = c.integer(0, 15)
    if kind <= 3:  # ordinary
        return str(c.choice((0, 1, 5, 20, 50, 150, 700, 1116, 2500, 10000, c.integer(0, 99999))))
    if kind == 4:
        return f"{c.integer(0, 9999)}.{c.integer(0, 999)}"
    if kind == 5:
        return f"{c.integer(1, 999_999_999):,}"
    if kind == 6:
        return "-" + str(c.integer(1, 10000))
    if kind == 7:  # hundreds of digits
        return str(c.integer(1, 9)) + "".join(str(c.integer(0, 9)) for _ in range(3)) \
            + c.choice("0123456789") * c.integer(10, 600)
    if kind == 8:
        return c.choice(("1e400", "1e5", "1E-9", "inf", "NaN", "0x1F", "1_000", "+700", "-0",
                         "0.0", "00012", ".5", "5.", "1,00", "1,000,0000", "12,345.678.9",
                         "1/2", "½", "3½", "²", "10²", "1.7976931348623157e308", "9" * 309))
    if kind == 9:
        return c.choice(NUMBER_WORDS)
    if kind == 10:
        digits = c.choice(FOREIGN_DIGITS)
        return "".join(c.choice(digits) for _ in range(c.integer(1, 5)))
    if kind == 11:
        return ",".join(str(c.integer(0, 999)).zfill(3) for _ in range(c.integer(2, 60)))
    if kind == 12:
        return "0." + "0" * c.integer(1, 400) + "1"
    if kind == 13:
        return f"{c.integer(1, 999)}-{c.integer(1, 999)}"  # a range
    if kind == 14:
        return "".join(c.choice("0123456789,.") for _ in range(c.integer(1, 40)))
    return str(c.integer(0, 10**c.integer(1, 30)))


# --- Slots and templates ----------------------------------------------------------------------


def _mutated_word(c: Choices, word: str) -> str:
    """A slot's words, sometimes changed the way real text or damage changes them."""
    if not c.chance(25):
        return word
    how = c.integer(0, 11)
    if how == 0:
        return word.upper()
    if how == 1:
        return word.lower()
    if how == 2:
        return word + c.choice(("'s", "\u2019s", "'", "s", "-based", "-Mali", "/Libya"))
    if how == 3:
        return " ".join([word] * c.integer(2, 8))
    if how == 4 and word:  # a typo
        i = c.integer(0, len(word) - 1)
        return word[:i] + c.choice(("", word[i] * 2, "x", "é", "\u0301", "-")) + word[i + 1:]
    if how == 5:
        return c.choice(PUNCTUATION) + word + c.choice(PUNCTUATION)
    if how == 6:
        return word.replace(" ", c.choice(WHITESPACE))
    if how == 7:
        return c.unicode_text(8) + word
    if how == 8:
        return ""
    if how == 9:
        return f"({word})"
    if how == 10:
        return word.title()
    return word + c.choice(WHITESPACE) + word


def _place(c: Choices) -> str:
    return _mutated_word(c, c.choice(PLACES))


def _town(c: Choices) -> str:
    """Mostly a point place; sometimes any place, as articles are not careful."""
    return _mutated_word(c, c.choice(TOWNS) if c.chance(80) else c.choice(PLACES))


def _country(c: Choices) -> str:
    return _mutated_word(c, c.choice(COUNTRIES))


def _demonym(c: Choices) -> str:
    return _mutated_word(c, c.choice(DEMONYMS))


def _quantity(c: Choices) -> str:
    hedge = _mutated_word(c, c.choice(HEDGES))
    separator = c.choice((" ", " ", " ", "", "-", "\u00a0", "  "))
    text = f"{number(c)}{separator}{_mutated_word(c, c.choice(UNITS))}"
    if c.chance(15):  # a conversion in brackets, as papers print it
        text += f" ({number(c)} {c.choice(UNITS)})"
    return f"{hedge} {text}" if hedge else text


def _direction(c: Choices) -> str:
    return _mutated_word(c, c.choice(DIRECTIONS))


def _border(c: Choices) -> str:
    form = c.integer(0, 9)
    if form == 0:
        return f"the {_demonym(c)} border with {_country(c)}"
    if form == 1:
        return f"the border between {_country(c)} and {_country(c)}"
    if form == 2:
        dash = c.choice(("-", "\u2013", "/", " - "))
        return f"the {_country(c)}{dash}{_country(c)} border"
    if form == 3:
        return f"{_country(c)}'s border with {_country(c)}"
    if form == 4:
        return f"the {_demonym(c)} border"
    if form == 5:
        return f"the border with {_country(c)}"
    if form == 6:
        return "the border"
    if form == 7:
        return f"the {_country(c)} border"
    if form == 8:
        return f"the {_demonym(c)} border with {_country(c)} and {_country(c)}"
    return f"{_demonym(c)}-{_demonym(c)} border"


def _region(c: Choices) -> str:
    return f"{_mutated_word(c, c.choice(PARTS))} {_country(c)}"


Template = Callable[[Choices], str]
TEMPLATES: tuple[Template, ...] = (
    lambda c: f"{_town(c)} is {_quantity(c)} {_direction(c)} of {_town(c)}.",
    lambda c: f"{_town(c)} is {_quantity(c)} from {_border(c)}.",
    lambda c: f"{_town(c)} lies {_quantity(c)} away from {_place(c)}.",
    lambda c: f"The attack at {_place(c)} was {c.choice(PROXIMITY)} {_border(c)}.",
    lambda c: f"{_town(c)} is {c.choice(PROXIMITY)} {_border(c)}.",
    lambda c: f"{_demonym(c)} troops crossed into neighbouring {_country(c)} from {_place(c)}.",
    lambda c: f"{_country(c)}'s neighbour {_country(c)} closed {_border(c)}.",
    lambda c: f"Fighting spread to {_place(c)} in {_region(c)} and in {_region(c)}.",
    lambda c: f"{_town(c)}, in {_region(c)}, is {_quantity(c)} {_direction(c)} of {_town(c)}.",
    lambda c: f"Hostages were flown from the airport in {_place(c)} to {_place(c)}'s airport.",
    lambda c: f"The town is {_direction(c)} of {_place(c)}, {c.choice(PROXIMITY)} {_border(c)}.",
    lambda c: (f"{_town(c)} is {_quantity(c)} {_direction(c)} of {_town(c)} and "
               f"{_quantity(c)} from {_border(c)}."),
    lambda c: f"{_place(c)} borders {_country(c)}, bordering {_country(c)} and {_region(c)}.",
    lambda c: f"{_demonym(c)} officials in {_place(c)} said {_place(c)} was {_quantity(c)} away.",
    lambda c: f"Militants Seize Gas Field Near {_place(c)} {_direction(c).title()} Of {_place(c)}",
    lambda c: ", ".join(_place(c) for _ in range(c.integer(1, 12))) + ".",
    lambda c: f"\"{_town(c)} said\" {_quantity(c)} {_direction(c)} {_quantity(c)} of {_town(c)}",
    lambda c: " ".join(c.choice((_place, _quantity, _direction, _border, _region, number,
                                 _demonym))(c) for _ in range(c.integer(1, 12))),
    lambda c: c.choice(FILLER),
)


# The templates that make measured claims (distance, direction), for texts dense in them.
CLAIM_TEMPLATES = tuple(TEMPLATES[i] for i in (0, 1, 2, 8, 10, 11, 16))


def sentence(c: Choices) -> str:
    return c.choice(TEMPLATES)(c)


def claim_text(c: Choices) -> str:
    """A few sentences that each make a distance or direction claim, perhaps mutated."""
    text = " ".join(c.choice(CLAIM_TEMPLATES)(c) for _ in range(c.integer(1, 4)))
    for _ in range(c.choice((0, 0, 1))):
        text = _mutated_text(c, text)
    return text


# --- Whole texts ------------------------------------------------------------------------------


def _insert(c: Choices, text: str, piece: str) -> str:
    at = c.integer(0, len(text))
    return text[:at] + piece + text[at:]


def _mutated_text(c: Choices, text: str) -> str:
    """One change to a whole text."""
    how = c.integer(0, 15)
    if how == 0:
        return _insert(c, text, c.unicode_text(20))
    if how == 1 and text:  # cut a span out
        start = c.integer(0, len(text) - 1)
        return text[:start] + text[start + c.integer(1, 40):]
    if how == 2 and text:  # repeat a span
        start = c.integer(0, len(text) - 1)
        span = text[start:start + c.integer(1, 30)]
        return text[:start] + span * c.integer(2, 30) + text[start:]
    if how == 3:
        return _insert(c, text, c.choice("0123456789") * c.integer(50, 2000))
    if how == 4:
        name = c.choice(PLACES)
        return _insert(c, text, (name + c.choice((" ", ", ", "-", ""))) * c.integer(5, 200))
    if how == 5:
        return text.replace(" ", c.choice(WHITESPACE))
    if how == 6:
        return c.choice((str.upper, str.lower, str.title, str.swapcase))(text)
    if how == 7:
        return _insert(c, text, c.choice(_TRICKY_CHARACTERS))
    if how == 8:  # mojibake: UTF-8 read as cp1252 or Latin-1
        return text.encode("utf-8").decode(c.choice(("cp1252", "latin-1")), errors="replace")
    if how == 9:
        return _insert(c, text, c.choice(("<b>", "</div>", "&amp;", "&#x1F600;", "&#0;",
                                          "&nbsp;", "<!-- x -->", "<html>", "&#99999999;")))
    if how == 10:
        return c.choice(("(", "[", "\"", "«", "")) + text + c.choice((")", "]", "\"", "»", ""))
    if how == 11:
        return _insert(c, text, "".join(c.choice(PUNCTUATION) for _ in range(c.integer(1, 30))))
    if how == 12:
        return _insert(c, text, "\n" * c.integer(1, 50))
    if how == 13 and text:  # truncate
        return text[:c.integer(0, len(text))]
    if how == 14:
        return _insert(c, text, f" {_place(c)} {number(c)} {c.choice(UNITS)} ")
    return text + " " + text


def _long_text(c: Choices) -> str:
    """A long article (up to `c.max_long` characters): what makes work grow faster than the
    text does."""
    size = c.integer(2_000, max(2_000, c.max_long))
    return _long_text_of(c, size)[:size]


def _long_text_of(c: Choices, size: int) -> str:
    how = c.integer(0, 5)
    if how == 0:  # a place, then a long run of digits
        return f"{c.choice(PLACES)} is " + "9" * (size - 40) + " km from Algiers."
    if how == 1:  # one name repeated
        name = c.choice(PLACES)
        return (name + c.choice((" ", ", ", " and "))) * (size // (len(name) + 2) + 1)
    if how == 2:  # many claims, many sentences
        parts, length = [], 0
        while length < size:
            parts.append(sentence(c))
            length += len(parts[-1]) + 1
        return c.choice((" ", "\n")).join(parts)
    if how == 3:  # one sentence without a full stop, of words drawn from a few (a local random
        # generator spreads them: one decision, not thousands, for hypothesis to make)
        vocabulary = [c.choice(PLACES), c.choice(UNITS), number(c), c.choice(DIRECTIONS),
                      c.choice(HEDGES), "border", "of", "from", "the", "with"]
        spread = random.Random(c.integer(0, 2**32))
        return " ".join(spread.choice(vocabulary) for _ in range(size // 5))
    if how == 4:  # one sentence repeated
        one = sentence(c)
        return (one + " ") * (size // (len(one) + 1) + 1)
    return c.unicode_text(min(size, 5_000))


def news_text(c: Choices) -> str:
    """A news-like article: a headline sometimes, sentences, paragraphs, mutations."""
    if c.chance(1):
        text = _long_text(c)
    else:
        parts = [sentence(c) for _ in range(c.integer(1, 12))]
        if c.chance(20):
            parts.insert(0, sentence(c).title().rstrip("."))
        text = ""
        for part in parts:
            text += part + c.choice((" ", " ", "\n", "\n\n", "  ", "\r\n", ""))
    for _ in range(c.choice((0, 0, 0, 1, 1, 2, 3))):
        text = _mutated_text(c, text)
    return text


def unicode_text(c: Choices) -> str:
    """Random Unicode, sometimes around a place name so that the later stages run too."""
    text = c.unicode_text(c.choice((10, 100, 500)))
    if c.chance(50):
        text = _insert(c, text, f" {c.choice(PLACES)} ")
    return text


def as_html(c: Choices, text: str) -> str:
    """The text as a saved web page, more or less well formed."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n"))
    head = f"<head><title>{c.choice(PLACES)} attack</title><script>var a = '<p>';</script>"
    body = c.choice((f"<article>{paragraphs}</article>", f"<main>{paragraphs}</main>",
                     paragraphs, f"<nav>{paragraphs}</nav>", f"<article>{paragraphs}"))
    return c.choice(("<!DOCTYPE html>", "<html>", "")) + f"<html>{head}<body>{body}</body>"


def article_text(c: Choices) -> str:
    """An article as text: news-like mostly, random Unicode sometimes, HTML now and then."""
    text = unicode_text(c) if c.chance(15) else news_text(c)
    if c.chance(8):
        text = as_html(c, text)
    return text


ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le",
             "utf-16-be", "utf-32", "cp1252", "latin-1", "mac_roman", "cp1251", "shift_jis",
             "gb18030", "koi8-r")


def _mutated_bytes(c: Choices, data: bytes) -> bytes:
    how = c.integer(0, 5)
    at = c.integer(0, len(data))
    if how == 0:
        return data[:at] + c.raw_bytes(8) + data[at:]
    if how == 1 and data:  # flip a byte
        at = min(at, len(data) - 1)
        return data[:at] + bytes([data[at] ^ c.integer(1, 255)]) + data[at + 1:]
    if how == 2:
        return data[:at]
    if how == 3:
        return c.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                         b"\x00", b"\x80", b"\xe2\x80", b"\xc3")) + data
    if how == 4:
        return data[:at] + c.choice((b"\x00", b"\x92", b"\x93\x94", b"\xe2\x80\x93", b"\xf4\x90",
                                     b"\xed\xa0\x80", b"\xc0\xaf")) + data[at:]
    return data + data[:at]


def article_bytes(c: Choices) -> bytes:
    """An article's bytes as `geo run` reads them."""
    if c.chance(5):
        return c.raw_bytes(c.choice((16, 256, 2048)))
    text = article_text(c)
    encoding = c.choice(ENCODINGS)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors=c.choice(("replace", "ignore",
                                                      "xmlcharrefreplace")))
    for _ in range(c.choice((0, 0, 0, 0, 0, 1, 2))):
        data = _mutated_bytes(c, data)
    return data


def fuzz_input_for(seed: int, index: int, max_long: int = DEFAULT_MAX_LONG) -> bytes:
    """scripts/fuzz.py's input number `index` of the run with `seed`, the same every time."""
    return article_bytes(RandomChoices(random.Random(f"{seed}:{index}"), max_long))


# --- Hypothesis strategies --------------------------------------------------------------------


def _strategy(generator: Callable[[Choices], T], max_long: int) -> st.SearchStrategy[T]:
    """The generator twice over: with every decision a hypothesis draw (shrinks well), and
    with the fuzzer's random generator from a drawn seed (hypothesis makes new examples mostly
    by mutating earlier ones, so the drawn half crowds round a few; the seeded half is as
    varied as the fuzzer's inputs, though it shrinks only to another seed)."""
    drawn = st.composite(lambda draw: generator(DrawChoices(draw, max_long)))()
    seeded = st.integers(0, 2**64 - 1).map(
        lambda seed: generator(RandomChoices(random.Random(seed), max_long)))
    return st.one_of(drawn, seeded)


def article_bytes_strategy(max_long: int = TEST_MAX_LONG) -> st.SearchStrategy[bytes]:
    return _strategy(article_bytes, max_long)


def article_texts(max_long: int = TEST_MAX_LONG) -> st.SearchStrategy[str]:
    return _strategy(article_text, max_long)


def news_texts(max_long: int = TEST_MAX_LONG) -> st.SearchStrategy[str]:
    return _strategy(news_text, max_long)


def claim_texts(max_long: int = TEST_MAX_LONG) -> st.SearchStrategy[str]:
    return _strategy(claim_text, max_long)


def unicode_texts() -> st.SearchStrategy[str]:
    return _strategy(unicode_text, TEST_MAX_LONG)


# --- What must hold of every analysis ---------------------------------------------------------


def offset_problems(analysis, report: dict | None = None) -> list[str]:
    """Offsets that do not lie within the text: each mention's, claim's and region's into
    `analysis.article.text`, and the report's into the original text. Empty when all is well."""
    article = analysis.article
    text_length, original_length = len(article.text), len(article.original)
    problems = []

    def check(what: str, start, end, length: int, within: str) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
            problems.append(f"{what}: span ({start!r}, {end!r}) is not within the {within} "
                            f"({length} characters)")

    for m in analysis.mentions:
        check(f"mention {m.mention.text!r}", m.start, m.end, text_length, "text")
    for place in analysis.found_places:
        for m in place.mentions:
            check(f"place mention {m.mention.text!r}", m.start, m.end, text_length, "text")
    for found in analysis.found_claims:
        check(f"claim {found.claim.source!r}", found.start, found.end, text_length, "text")
        check(f"sentence {found.sentence.text[:40]!r}", found.sentence.start, found.sentence.end,
              text_length, "text")
    for region, start, end in analysis.named_regions:
        check(f"region {region.describe()!r}", start, end, text_length, "text")
    if report is not None:
        spans = [("report claim", claim) for claim in report["claims"]]
        spans += [("report region", region) for region in report["regions"]]
        spans += [("report mention", mention) for place in report["places"]
                  for mention in place["mentions"]]
        if report["focus"] is not None:
            spans += [("report focus mention", m) for m in report["focus"]["mentions"]]
        for what, item in spans:
            check(what, item["start"], item["end"], original_length, "original text")
    return problems
