"""Invented hostile text: what an attacker might hide in an article, its title, its file name,
a gazetteer name or a claims file, to run code on the machine of whoever maps it.

Each payload that would run script calls PROBE, which leaves three traces a test can look for:
a global (`window.pwned`), the page's title, and a created element (<pwned>). Template
payloads would print 49 or a command's output, or create SENTINEL. A payload's `shown` is
what a reader must see instead: the text itself unless geo's reading of an article changes
it on purpose (ftfy drops terminal escape sequences, turns full-width letters into ASCII;
invisible characters are removed), written down by hand from those rules. A line break ends
a sentence, so payloads with one (`breaks_lines`) go only where text is not cut into sentences.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PROBE = ("window.pwned=1,document.title='pwned',"
         "document.documentElement.append(document.createElement('pwned'))")
SENTINEL = "/tmp/geo-hostile-input-sentinel"


@dataclass(frozen=True)
class Payload:
    family: str
    text: str
    shown: str | None = None  # what a reader sees of an article's text; None: `text` itself

    @property
    def seen(self) -> str:
        return self.text if self.shown is None else self.shown

    @property
    def breaks_lines(self) -> bool:
        return any(c in self.text for c in "\r\n\u2028\u2029\x85")


PAYLOADS = [
    # Jinja2 (folium and branca render with it) and any other {{ }} template engine.
    Payload("jinja-expression", "{{ 7*7 }}"),
    Payload("jinja-expression", "{{ lipsum.__globals__.os.popen(dict(id=1)|list|first).read() }}"),
    Payload("jinja-expression",
            f"{{{{ cycler.__init__.__globals__.os.popen('touch {SENTINEL}').read() }}}}"),
    Payload("jinja-expression", '{{ "quoted" ~ \'mixed\' }} {{ config }} {{'),
    Payload("jinja-statement", "{% for x in range(3) %}loop{% endfor %} {% set y = 7*7 %}"),
    Payload("jinja-statement", "{% raw %} unclosed raw and {% endraw %}{% endraw %} {% if %}"),
    Payload("jinja-statement", "{% include '/etc/passwd' %} {% import 'os' as os %}"),
    Payload("jinja-comment", "{# hidden comment #} and an unclosed {# comment"),
    # Markup and script.
    Payload("html-tag", f"<script>{PROBE}</script>"),
    Payload("html-tag", f"<iframe srcdoc=\"<script>{PROBE}</script>\"></iframe><b>bold</b>"),
    Payload("event-handler", f"<img src=x onerror=\"{PROBE}\">"),
    Payload("event-handler", f"<svg onload={PROBE}> <details open ontoggle=\"{PROBE}\">"),
    Payload("javascript-url", f"<a href=\"javascript:{PROBE}\">click</a> javascript:{PROBE}"),
    Payload("attribute-breaker", f"\"><img src=x onerror={PROBE}> '><svg onload={PROBE}>"),
    Payload("attribute-breaker", f"\" onmouseover=\"{PROBE}\" x=\" ' onfocus='{PROBE}'"),
    Payload("script-end", f"</script><script>{PROBE}</script><!--"),
    Payload("script-end", f"</textarea></title></style></div><script>{PROBE}</script>"),
    # JS strings and template literals (folium writes popups into template literals).
    Payload("template-literal", f"`${{{PROBE}}}` and ${{{PROBE}}}"),
    Payload("js-string", f"\"; {PROBE}; \" and '; {PROBE}; ' and a trailing \\"),
    Payload("js-string", f"\\x3cimg src=x onerror={PROBE}\\x3e \\u003cscript\\u003e\\u0060"),
    # Look-alikes and invisible characters.
    Payload("unicode-lookalike", f"\uff1cscript\uff1e{PROBE}\uff1c/script\uff1e",
            shown=f"<script>{PROBE}</script>"),
    Payload("unicode-lookalike", "\u2039img src=x\u203a \u02c2b\u02c3 \u2215etc\u2215passwd"),
    Payload("unicode-invisible", "right\u202eto-left override, zero\u200bwidth, soft\u00adhyphen",
            shown="right\u202eto-left override, zerowidth, softhyphen"),
    Payload("unicode-invisible", "a line\u2028separator, a paragraph\u2029separator"),
    # Markdown (report.md).
    Payload("markdown", "[a link](https://evil.example/) ![an image](https://evil.example/x.png)"),
    Payload("markdown", "<https://evil.example> www.evil.example mail@evil.example"),
    Payload("markdown", "**bold** _em_ ~~gone~~ `code` | a | table | \\* # not a heading"),
    # ftfy decodes entities in plain text without "<"; this one has one, so they stay.
    Payload("markdown", "<!-- a comment --> &amp; &copy; &#60;b&#62; &lt;"),
    # Terminals (geo prints labels and names) and spreadsheets (places.csv).
    Payload("terminal-escape", "\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \x1b[2J\x9b31m cleared",
            shown="red ]0;pwned \u203a31m cleared"),  # ftfy reads C1 controls as cp1252
    Payload("terminal-escape", "back\x08\x08\x08space and a bell\x07",
            shown="backspace and a bell"),
    Payload("terminal-escape", "over\rwritten"),
    Payload("csv-formula", "=HYPERLINK(\"https://evil.example\",\"click\") +1 -1 @SUM(A1)"),
]


def file_name(payload: Payload, suffix: str) -> str:
    """The payload as a file name: "/" and NUL cannot be in one, so they become look-alikes."""
    name = payload.text.replace("/", "\u2215").replace("\0", "\u2400")
    while len(name.encode()) > 200:
        name = name[:-1]
    return name + suffix


def visible_runs(text: str) -> list[str]:
    """The runs of three or more visible characters in `text` (split at control, format and
    separator characters other than the space): what a terminal showing it literally shows."""
    pieces = "".join("\0" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                     for c in text).split("\0")
    return [piece for piece in pieces if len(piece) >= 3]
