"""Text from outside geo made inert for each place geo writes it.

Outside text is everything geo did not write itself: the article, its HTML title, its file
name, gazetteer names, the labels and notes of a claims file. Each function here escapes for
one destination; a caller picks the one that matches where the text goes, and escapes there,
at the last step, never earlier.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata


def html_text(value) -> str:
    """`value` as HTML text, safe in element content and in quoted attributes."""
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------------------------------------
# Pages built with folium


def _js_string_body(value: str) -> str:
    """`value` as the inside of a JS string: the same characters whether the string is written
    in double quotes, single quotes or backticks, with no "<" (so no "</script>" or "<!--"
    can end the page's script) and no "${" (so a template literal interpolates nothing)."""
    body = json.dumps(value, ensure_ascii=False)[1:-1]
    for character in "<>&'`$\u2028\u2029":
        body = body.replace(character, f"\\u{ord(character):04x}")
    return body


class PageText:
    """Outside text kept away from branca's template engine until the page is rendered.

    branca renders each folium element and then compiles the result as a new Jinja template
    (`MacroElement.render` and `Popup.render` wrap their output in `Element(...)`), so text
    inside any folium element would run as template code: "{{ 7*7 }}" would become 49, and
    worse. A page is therefore built with placeholders that geo makes (`script`, `html`), and
    `fill` puts the text in after rendering, by plain substitution, escaped for where each
    placeholder sits.
    """

    _SLOT = re.compile(r"geo-text-slot-(\d{6})-")

    def __init__(self) -> None:
        self._values: list[str] = []

    def _hold(self, value: str) -> str:
        self._values.append(value)
        return f"geo-text-slot-{len(self._values) - 1:06d}-"

    def script(self, markup: str) -> str:
        """A placeholder for HTML that a script shows: folium writes popups, tooltips, GeoJSON
        properties and the legend into JS strings and template literals."""
        return self._hold(_js_string_body(markup))

    def html(self, text: str) -> str:
        """A placeholder for plain text in the page's HTML (its title)."""
        return self._hold(html_text(text))

    def fill(self, page: str) -> str:
        """The rendered page with every placeholder replaced by its text."""
        filled: set[int] = set()

        def value(match: re.Match) -> str:
            filled.add(int(match[1]))
            return self._values[int(match[1])]

        page = self._SLOT.sub(value, page)
        if len(filled) != len(self._values):
            # folium dropped a placeholder: a feature would silently lose its text.
            raise RuntimeError(f"{len(self._values) - len(filled)} text placeholder(s) "
                               "missing from the rendered page")
        return page


# ---------------------------------------------------------------------------------------------
# XML

# Characters XML 1.0 forbids anywhere, even as character references: a KML file holding one is
# not well-formed, and Google Earth or QGIS refuse all of it.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """`value` with the characters XML cannot hold written as a visible "\\uXXXX"."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match[0]):04x}", str(value))


# ---------------------------------------------------------------------------------------------
# Terminals

# Control, format, surrogate, private-use, unassigned and line/paragraph separator characters:
# escape sequences, bidirectional overrides, zero-width joiners and the like.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _json_escape(character: str) -> str:
    code = ord(character)
    if code > 0xFFFF:  # JSON writes a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _visible(text: str, keep: str = "") -> str:
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(
        _json_escape(c) if c not in keep and unicodedata.category(c) in _INVISIBLE_CATEGORIES
        else c for c in text)


def terminal_text(value) -> str:
    """`value` with every invisible character (newlines and tabs too) written as a visible
    "\\uXXXX", so that a terminal shows exactly what the text says and nothing acts on it."""
    return _visible(str(value))


def terminal_json(data, **options) -> str:
    """`data` as JSON (non-ASCII letters as they are) that is also safe on a terminal: JSON
    already escapes C0 controls in strings; DEL, C1 controls and format characters are escaped
    the same way here. NaN and infinities are refused: they are not JSON."""
    return _visible(json.dumps(data, ensure_ascii=False, allow_nan=False, **options), keep="\n")


# ---------------------------------------------------------------------------------------------
# Markdown

# Inline Markdown syntax (CommonMark and GitHub's extensions): escapes, code, emphasis, links
# and images, tables, strikethrough. Block syntax (#, >, lists) only counts at the start of a
# line, where geo never puts outside text. "<" and "&" become entities, so no raw HTML, autolink
# or entity survives.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")
# GitHub turns bare "www.", "scheme:" and e-mail addresses into links; an escaped character
# breaks the pattern.
_BARE_LINK = re.compile(r"(?i)(?<=www)\.|(?<=[a-z]):(?=//)|@")


def markdown_text(value) -> str:
    """`value` as literal text on one line of Markdown (a paragraph or a table cell): no link,
    image, code, emphasis, raw HTML or table break, and nothing a terminal acts on."""
    text = re.sub(r"[\r\n\t]+", " ", "" if value is None else str(value))
    text = terminal_text(text).replace("&", "&amp;").replace("<", "&lt;")
    return _BARE_LINK.sub(lambda m: "\\" + m[0], _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def markdown_code(value) -> str:
    """`value` as a Markdown code span, shown verbatim: fenced with more backticks than any
    run in it, padded when it starts or ends with one."""
    text = terminal_text(re.sub(r"[\r\n]+", " ", str(value)))
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{padding}{text}{padding}{fence}"


# ---------------------------------------------------------------------------------------------
# Spreadsheets

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """`value` for a CSV cell: text a spreadsheet would run as a formula gets an apostrophe in
    front, which spreadsheets hide; None is an empty cell; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def from_spreadsheet_cell(text: str) -> str:
    """A cell's text as it was before `spreadsheet_cell`: a claims file geo wrote reads back
    ("'-18.1 178.4" is the point -18.1 178.4)."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS):
        return text[1:]
    return text
