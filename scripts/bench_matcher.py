"""Measure spaCy's token Matcher against geo's regular expressions for the distance phrasings.

The question (the issue): should geo's claim phrasings stay hand-written regular expressions
over slot strings, or become patterns of a token matcher? This script answers it by
measurement for one family, the distance phrasings: a quantity (a number or a number in words,
a hedge such as "about", "some", "more than", a range "20 to 30", "between 20 and 30", a unit),
an optional compass direction ("north-east", "NE", "north-northeast"), then "of" or "from" and
a place ("about 20 miles west of Toledo", "some 80 kilometres from Kabul", "700 miles from the
Algerian border with Mali").

Both read the same input: geo's sentence views (geo.extract_claims.SentenceView, each resolved
place replaced by a slot "\\x01N\\x02"), built by geo's own pipeline for every sentence that has
a place and that the distance or direction TRIGGER finds something in, as geo.extract_claims
builds them. One side is geo's own distance PATTERN and direction PATTERN (a direction match
counts only when it has a quantity: the family needs one). The other is spaCy's `Matcher` on
`spacy.blank("en")` (a tokenizer only, no model) in four passes, as grammar.py builds its
expressions from pieces: the first labels the words a phrasing is made of (a slot, a number, a
number in words under a hundred, a hedge, a unit, a direction, a way), the second the larger
numbers in words ("two hundred and fifty"), the third the quantities, the last the phrasings.
Each pass but the last merges what it finds into one token, so the next pass sees "about
twenty-five miles" as one token: a Matcher pattern has no optional groups of several tokens,
and without the merges each combination of the optional groups would be a pattern of its own
(in one pass, the same grammar took 252 phrasing patterns and ran about 1.5 times as long).
The label goes in the token's TAG, which a blank pipeline leaves unused: the Matcher reads a
built-in attribute in C, where a custom attribute (`Token._.part`) costs a Python call per
token and made the later passes take about 1.5 times as long. A slot is kept one token by
the tokenizer (it is added to its prefixes, suffixes and infixes, so "\\x010\\x02's" and
"\\x010\\x02-\\x011\\x02" split as the regular expressions read them) and labelled "place"
by the first pass; a unit after digits ("20mi") is cut off too, as the regular expressions
allow it. The patterns follow geo's grammar piece by piece, with its own word lists
(geo.claims, grammar.UNIT, grammar.NUMBER), so that a disagreement is the engines', not the
grammars': a direction is followed by "of" only, as in direction.PATTERN. A direction may
also be abbreviated in two or three capitals ("NE", "NNE"; a single letter is too often none).

It prints:
1. The start-up cost of spaCy: `python -c pass`, then the time `import spacy` and
   `spacy.blank("en")` add to it, absolute and as a ratio to the `pass` start-up (whole new
   processes, median of several), with peak memory; then the resident memory spaCy and the
   matchers add to this process (which already holds geo).
2. Time per article for each approach, warm (after one untimed pass), the median of several
   rounds in this run, and the ratio regex:matcher.
3. Agreement: the match spans each approach finds, how many are identical, and up to 15
   disagreements with their sentences.

Run from the repository (spaCy is no dependency of geo; the `matcher` extra brings it):
    .venv/bin/pip install -e '.[matcher]'
    .venv/bin/python scripts/bench_matcher.py [--limit N] [--rounds R]
--limit N reads only the first N articles of each corpus (default: all). The corpora are read
where they lie (../shared/eval/lgl.jsonl and geovirus.jsonl); the gazetteer store must exist.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from geo.claim_types import direction, distance
from geo.claim_types.grammar import COMPASS_WORDS, NUMBER, UNIT
from geo.claims import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    JUST_UNDER,
    NUMBER_WORDS,
    PLACE_NOUNS,
    ROUTE_MEANS,
    ROUTE_NOUNS,
)
from geo.corpus import read_articles
from geo.escape import terminal_text
from geo.extract_claims import SentenceView, lowered, sentences
from geo.gazetteer import Gazetteer
from geo.pipeline import Pipeline
from geo.source import SourceError, read_article
from geo.sphere import COMPASS_16

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval"
CORPORA = ("lgl", "geovirus")
START_UP_RUNS = 7
EXAMPLES = 15
SENTENCE_CHARS = 200

SLOT_TOKEN = r"\x01\d+\x02"
Span = tuple[int, int]  # start and end in a sentence view's text


# ---------------------------------------------------------------------------------------------
# The input: geo's sentence views


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    views: list[SentenceView]


def claim_views(pipeline: Pipeline, text: str) -> list[SentenceView]:
    """The views geo.extract_claims reads the distance and direction phrasings in: sentences
    with a resolved place in which either type's TRIGGER finds something."""
    mentions = sorted(pipeline.analyse(text, with_claims=False).mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    views, lower = [], lowered(text)
    for sentence in sentences(text):
        if any(trigger.search(lower, sentence.start, sentence.end)
               for trigger in (distance.TRIGGER, direction.TRIGGER)):
            view = SentenceView(sentence, mentions, starts)
            if view.mentions:
                views.append(view)
    return views


def load_articles(limit: int | None) -> tuple[list[Article], int]:
    """Every readable article of the corpora with its views, and how many could not be read."""
    pipeline = Pipeline(Gazetteer.open())
    articles, unreadable = [], 0
    for corpus in CORPORA:
        for record in read_articles(EVAL_DIR / f"{corpus}.jsonl", limit):
            name = f"{corpus} {record['id']}"
            try:
                text = read_article(record["text"].encode("utf-8", errors="replace"), name).text
            except SourceError:
                unreadable += 1
                continue
            articles.append(Article(name, text, claim_views(pipeline, text)))
    return articles, unreadable


# ---------------------------------------------------------------------------------------------
# geo's regular expressions


def regex_spans(text: str) -> list[Span]:
    """Where geo's distance PATTERN, and its direction PATTERN with a quantity, match."""
    found = [match.span() for match in distance.PATTERN.finditer(text)]
    found += [match.span() for match in direction.PATTERN.finditer(text) if match["number"]]
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# The same phrasings as spaCy Matcher patterns


def part(name: str, op: str | None = None) -> dict:
    """A token an earlier pass labelled `name`."""
    token = {"TAG": name}
    return token | {"OP": op} if op else token


def words(phrase: str) -> list[dict]:
    return [{"LOWER": word} for word in phrase.split()]


def one_of(*kinds: str) -> dict:
    """A token that is a number word of one of `kinds` (geo/claim_types/numbers.toml)."""
    return {"LOWER": {"IN": sorted(set().union(*(NUMBER_WORDS[kind] for kind in kinds)))}}


UNDER_HUNDRED = [[one_of("tens"), {"ORTH": "-", "OP": "?"}, one_of("ones")],
                 [one_of("tens", "teens", "ones")]]


def number_word_patterns() -> dict[str, list[list[dict]]]:
    """The words of a number in words, as grammar.NUMBER_IN_WORDS reads them: a number under a
    hundred ("seven", "twenty-five"), "a" or "an", and the whole of "a dozen" and "one and a
    half"."""
    fractions = [[*number, *words(fraction)] for number in UNDER_HUNDRED
                 for fraction in NUMBER_WORDS["fractions"]]
    return {"under hundred": UNDER_HUNDRED, "article": [[one_of("articles")]],
            "number words": [[one_of("articles", "ones"), one_of("counts")], *fractions]}


def place_value_patterns() -> dict[str, list[list[dict]]]:
    """The second pass: each place value over the one below ("two hundred and fifty", "a
    thousand", "fifteen hundred"), made of the first pass's numbers under a hundred. A Matcher
    pattern has no optional groups, so each way through the grammar is a pattern of its own."""
    under = [[part("under hundred")]]
    scales = NUMBER_WORDS["scales"]
    for scale in sorted(scales, key=scales.get):
        counted = [[*count, {"LOWER": scale}] for count in [*under, [part("article")]]]
        under = [*counted,
                 *[[*count, {"LOWER": "and", "OP": "?"}, *rest] for count in counted
                   for rest in under],
                 *under]
    return {"number words": under}


def direction_patterns() -> list[list[dict]]:
    """The sixteen compass points spelt out, each word joined to the next by nothing, a space
    or a hyphen ("northeast", "north east", "north-north-east"), or abbreviated ("NE",
    "NNE", not "N")."""
    patterns = []
    for point in COMPASS_16:
        names = [COMPASS_WORDS[letter] for letter in point]
        for joins in itertools.product((True, False), repeat=len(names) - 1):
            tokens = [names[0]]
            for name, joined in zip(names[1:], joins, strict=True):
                tokens[-1:] = [tokens[-1] + name] if joined else [tokens[-1], name]
            pattern = [{"LOWER": tokens[0]}]
            for token in tokens[1:]:
                pattern += [{"ORTH": "-", "OP": "?"}, {"LOWER": token}]
            patterns.append(pattern)
        if len(point) > 1:
            patterns.append([{"ORTH": point}])
    return patterns


def word_patterns() -> dict[str, list[list[dict]]]:
    """The first pass: the words a phrasing is made of, from geo's own word lists."""
    hedges = set(APPROXIMATE) - {"~"} | set(JUST_UNDER) | AT_LEAST | AT_MOST
    return {
        "place": [[{"TEXT": {"REGEX": rf"^{SLOT_TOKEN}$"}}]],
        "digits": [[{"TEXT": {"REGEX": rf"^(?:{NUMBER})$"}}]],
        **number_word_patterns(),
        "hedge": [words(hedge) for hedge in hedges],
        "unit": [[{"LOWER": {"REGEX": rf"^(?:{UNIT})$"}}],
                 [{"LOWER": "nautical"}, {"LOWER": {"IN": ["mile", "miles"]}}]],
        "direction": direction_patterns(),
        "way": [*[words(noun) for noun in ROUTE_NOUNS],
                *[words(f"by {means}") for means in ROUTE_MEANS], words("on foot")],
    }


def quantity_patterns() -> dict[str, list[list[dict]]]:
    """The third pass, over the labels before it: grammar.QUANTITY. A Matcher pattern has no
    optional groups, so each optional group of more than one token doubles the patterns."""
    amount = {"TAG": {"IN": ["digits", "under hundred", "number words", "article"]}}
    dash = {"ORTH": {"IN": ["-", "\u2013"]}}
    ranges = [[amount], [amount, {"LOWER": "to"}, amount],
              [part("digits"), dash, part("digits")],
              [{"LOWER": "between"}, amount, {"LOWER": "and"}, amount],
              [{"LOWER": "from"}, amount, {"LOWER": "to"}, amount],
              [{"LOWER": "from"}, part("digits"), dash, part("digits")]]
    aside = [{"ORTH": "("}, {"ORTH": {"NOT_IN": [")"]}, "OP": "*"}, {"ORTH": ")"}]
    return {"quantity": [[part("hedge", "?"), *numbers, {"ORTH": "-", "OP": "*"}, part("unit"),
                          *after] for numbers in ranges for after in ([], aside)]}


def phrasing_patterns() -> dict[str, list[list[dict]]]:
    """The last pass, over the quantities: the rest of distance.PATTERN and of
    direction.PATTERN."""
    place, the, border = part("place"), {"LOWER": "the"}, {"LOWER": "border"}
    optional_the = {"LOWER": "the", "OP": "?"}
    noun = {"LOWER": {"IN": list(PLACE_NOUNS)}}
    optional_of = {"LOWER": "of", "OP": "?"}
    # grammar.PLACE_CALLED: "the town of", "the Sri Lankan capital", "the capital,".
    called = [[the, {"IS_PUNCT": False, "OP": "{0,3}"}, noun, optional_of],
              [the, {"IS_PUNCT": False, "TAG": {"NOT_IN": ["place"]}, "OP": "{0,3}"},
               noun, optional_of, {"ORTH": ","}]]
    # grammar.BORDER, and a place alone: those that begin with the place may have it called.
    place_first = [[place, {"LOWER": "'s", "OP": "?"}, border, {"LOWER": "with"}, place],
                   [place, {"ORTH": {"IN": ["-", "\u2013", "/"]}}, place, border],
                   [place, border],
                   [place]]
    references = [*[[optional_the, *reference] for reference in place_first[:-1]],
                  [optional_the, *words("border between"), place, {"LOWER": "and"}, place],
                  [optional_the, *words("border with"), place],
                  [place], [the, border],
                  *[[*name, *reference] for name in called for reference in place_first]]
    towards = [part("way", "?"), {"LOWER": "away", "OP": "?"},
               {"LOWER": {"IN": ["from", "of"]}}]
    return {
        "distance": [[part("quantity"), *towards, *reference] for reference in references],
        "direction": [[part("quantity"), part("direction"), {"LOWER": "of"}, *name, place]
                      for name in [[], *called]],
    }


class MatcherFinder:
    """The distance phrasings found by spaCy's Matcher in a sentence view's text: each pass
    but the last merges what it finds into one token, its label in the token's TAG."""

    def __init__(self):
        import spacy  # here, so that its import can be measured on its own
        from spacy.lang.en import English
        from spacy.matcher import Matcher
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        self._filter_spans = spacy.util.filter_spans
        self.nlp = spacy.blank("en")
        tokenizer, defaults = self.nlp.tokenizer, English.Defaults
        tokenizer.prefix_search = compile_prefix_regex([SLOT_TOKEN, *defaults.prefixes]).search
        tokenizer.suffix_search = compile_suffix_regex(
            [SLOT_TOKEN, rf"(?<=[0-9])(?i:{UNIT})", *defaults.suffixes]).search
        tokenizer.infix_finditer = compile_infix_regex(
            [SLOT_TOKEN, r"(?<=[0-9])\u2013(?=[0-9])", *defaults.infixes]).finditer
        self.passes, self.pattern_counts = [], []
        for labelled in (word_patterns(), place_value_patterns(), quantity_patterns(),
                         phrasing_patterns()):
            matcher = Matcher(self.nlp.vocab)
            for label, patterns in labelled.items():
                matcher.add(label, patterns)
            self.passes.append(matcher)
            self.pattern_counts.append(sum(map(len, labelled.values())))

    def spans(self, text: str) -> list[Span]:
        doc = self.nlp.make_doc(text)
        for matcher in self.passes[:-1]:
            with doc.retokenize() as retokenizer:
                for span in self._filter_spans(matcher(doc, as_spans=True)):
                    retokenizer.merge(span, attrs={"TAG": span.label_})
        found = self._filter_spans(self.passes[-1](doc, as_spans=True))
        return sorted((span.start_char, span.end_char) for span in found)


# ---------------------------------------------------------------------------------------------
# Measuring


def resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kib / 1024


def new_process(code: str) -> tuple[float, float]:
    """Median wall seconds and median peak MiB of `python -c code`."""
    seconds, mebibytes = [], []
    for _ in range(START_UP_RUNS):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code])
        _, status, usage = os.wait4(child.pid, 0)
        seconds.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        if child.returncode:
            raise SystemExit(f"python -c {code!r} failed")
        mebibytes.append(usage.ru_maxrss / 1024)  # kB on Linux
    return statistics.median(seconds), statistics.median(mebibytes)


def start_up_lines() -> list[str]:
    base_s, base_mib = new_process("pass")
    import_s, import_mib = new_process("import spacy")
    blank_s, blank_mib = new_process("import spacy; spacy.blank('en')")
    lines = [f"Start-up, new processes (median of {START_UP_RUNS}):",
             f"  python -c pass                 {base_s * 1000:7.0f} ms  = 1.00 x pass"
             f"   peak {base_mib:6.1f} MiB"]
    for name, seconds, mib, before_s, before_mib in (
            ("import spacy adds", import_s, import_mib, base_s, base_mib),
            ("spacy.blank('en') adds", blank_s, blank_mib, import_s, import_mib)):
        added = seconds - before_s
        lines.append(f"  {name:<30} {added * 1000:+7.0f} ms  = {added / base_s:4.2f} x pass"
                     f"   peak {mib - before_mib:+6.1f} MiB")
    lines.append(f"  python -c 'import spacy; spacy.blank(\"en\")' in all: "
                 f"{blank_s * 1000:.0f} ms = {blank_s / base_s:.2f} x pass")
    return lines


def run_all(find, articles: list[Article]) -> tuple[float, list[list[list[Span]]]]:
    """Seconds to run `find` on every view of every article, and what it found."""
    start = time.perf_counter()
    found = [[find(view.text) for view in article.views] for article in articles]
    return time.perf_counter() - start, found


def shown(view: SentenceView, span: Span | None, text: str) -> str:
    if span is None:
        return "-"
    start, end = view.original_offset(span[0]), view.original_offset(span[1])
    return repr(terminal_text(text[start:end]))


def disagreements(articles, regex_found, matcher_found) -> tuple[dict[str, int], list[str]]:
    """Counts of spans found by one side only, and lines describing the first EXAMPLES."""
    counts = {"regex only": 0, "matcher only": 0, "overlapping, other bounds": 0}
    lines = []
    for article, regex_views, matcher_views in zip(articles, regex_found, matcher_found,
                                                   strict=True):
        for view, regex, matcher in zip(article.views, regex_views, matcher_views, strict=True):
            only_regex = [span for span in regex if span not in matcher]
            only_matcher = [span for span in matcher if span not in regex]
            pairs = []
            for span in only_regex:
                other = next((o for o in only_matcher if o[0] < span[1] and span[0] < o[1]),
                             None)
                if other is not None:
                    only_matcher.remove(other)
                    counts["overlapping, other bounds"] += 1
                else:
                    counts["regex only"] += 1
                pairs.append((span, other))
            counts["matcher only"] += len(only_matcher)
            pairs += [(None, span) for span in only_matcher]
            for regex_span, matcher_span in pairs:
                if len(lines) < EXAMPLES * 3:
                    sentence = terminal_text(view.sentence.text)
                    if len(sentence) > SENTENCE_CHARS:
                        sentence = sentence[:SENTENCE_CHARS - 3] + "..."
                    lines += [f"  [{article.name}] regex: {shown(view, regex_span, article.text)}"
                              f"  matcher: {shown(view, matcher_span, article.text)}",
                              f"      {sentence}", ""]
    return counts, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="read only the first N articles of each corpus")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (median taken)")
    args = parser.parse_args(argv)

    print("\n".join(start_up_lines()))

    started = time.perf_counter()
    articles, unreadable = load_articles(args.limit)
    views = sum(len(article.views) for article in articles)
    print(f"\n{len(articles)} articles ({unreadable} unreadable skipped), {views} sentence views "
          f"with a place and a distance or direction trigger; geo's pipeline took "
          f"{time.perf_counter() - started:.0f} s to make them")

    start = time.perf_counter()
    regex_spans("")  # geo compiles its patterns at their first use
    regex_build = time.perf_counter() - start
    before = resident_mib()
    start = time.perf_counter()
    import spacy  # measured on its own; MatcherFinder imports it again, at no cost

    after_import = resident_mib()
    matcher = MatcherFinder()
    matcher_build = time.perf_counter() - start
    after_build = resident_mib()
    print(f"\nIn this process (geo already loaded, {before:.0f} MiB resident):"
          f"\n  import spacy adds {after_import - before:.1f} MiB; spacy.blank('en') and the "
          f"four Matchers ({' + '.join(map(str, matcher.pattern_counts))} patterns) add "
          f"{after_build - after_import:.1f} MiB"
          f"\n  building: geo's two patterns compile in {regex_build * 1000:.0f} ms; importing "
          f"spaCy and building the Matchers takes {matcher_build * 1000:.0f} ms")

    _, regex_found = run_all(regex_spans, articles)  # the warm-up passes
    _, matcher_found = run_all(matcher.spans, articles)
    regex_times, matcher_times = [], []
    for _ in range(args.rounds):
        regex_times.append(run_all(regex_spans, articles)[0])
        matcher_times.append(run_all(matcher.spans, articles)[0])
    regex_s, matcher_s = statistics.median(regex_times), statistics.median(matcher_times)
    per_article = 1e6 / len(articles)
    print(f"\nTime per article, warm, median of {args.rounds} rounds (views prepared; each side "
          f"reads the same {views} views):"
          f"\n  regex    {regex_s * per_article:9.1f} us"
          f"\n  matcher  {matcher_s * per_article:9.1f} us"
          f"\n  regex:matcher = 1:{matcher_s / regex_s:.1f}"
          f"\n  after the runs the process holds {resident_mib() - after_build:+.1f} MiB more "
          f"than after building the Matchers")

    regex_all = {(a, v, span) for a, article in enumerate(regex_found)
                 for v, spans in enumerate(article) for span in spans}
    matcher_all = {(a, v, span) for a, article in enumerate(matcher_found)
                   for v, spans in enumerate(article) for span in spans}
    counts, examples = disagreements(articles, regex_found, matcher_found)
    print(f"\nAgreement: regex {len(regex_all)} spans, matcher {len(matcher_all)} spans, "
          f"identical {len(regex_all & matcher_all)}; "
          + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
    if examples:
        print(f"Disagreements (up to {EXAMPLES}):")
        print("\n".join(examples))
    print(f"spaCy {spacy.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
