"""Score geo's claim checking on the labelled development set (issue 10).

Usage:
    python scripts/evaluate_claims.py [--claims PATH] [--eval-dir DIR] [--seed N] [--json PATH]
    make eval

Reads the labelled claims (default ../shared/eval/claims_dev.jsonl) and, for each labelled
claim, its article: the record whose "id" is the label's "article" in the corpus the label's
"corpus" names (DIR/lgl.jsonl or DIR/geovirus.jsonl, read where they lie, never copied). Each
of those articles runs through geo's pipeline exactly as `geo parse` does, and every claim
geo predicts there (`geo.report.claim_dicts`, offsets into the given text) is compared with
the labels of that article.

Scoring rule (../shared/eval/README.md). A predicted claim matches a labelled one when
- it comes from the same article,
- its type agrees with the label's, "distance" and "direction" standing for each other, and
- its span [start, end) overlaps the labelled phrase [phrase_start, phrase_start + len(phrase)).
  geo reports a claim the article makes twice once, with the other spans in `repeated_at`;
  each of those spans is the claim's too.
A labelled claim is "found" when some prediction matches it and "right" when the matching
prediction's verdict equals the label's. When several predictions match one label, the one
whose verdict equals the label is taken (then the earliest by start, end), so a label is
right if any prediction on it gets it right; the other figures use that same prediction.
One prediction may match several labels: the rule is per label, and a list ("the
neighbouring countries of A, B and C") gives one label per member on one phrase. Also counted:
"false-inconsistent", a label "consistent" whose matching prediction says "inconsistent", and
"inconsistent caught", a label "inconsistent" whose matching prediction says "inconsistent".
A prediction that matches no label is not an error (the set does not list every claim):
a random sample of them (--seed, default 0) is printed for reading.

Split rule. The set is cut in two halves by article: the distinct (corpus, article) pairs
are sorted, and the pairs at positions 0, 2, 4, ... go to the "tuning" half, those at 1, 3,
5, ... to the "validation" half; every claim goes with its article. Rules are decided on
the tuning half and both halves are reported: a change that helps one half and hurts the
other is fitted, not learnt.

The figures are printed per labelled type and in all, with and without the borderline labels,
for each half and for the whole set, next to the issue's targets (informational: the exit
status is 0 whatever the figures). An input that cannot be read gives one line on stderr
and exit status 2. --json PATH writes the per-claim results for later analysis.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
CORPORA = ("lgl", "geovirus")  # a label names its corpus; only these files are ever opened
TYPES = ("distance", "direction", "proximity", "adjacency", "containment")
INTERCHANGEABLE_TYPES = {"distance", "direction"}
HALVES = ("tuning", "validation")
WHOLE_SET = "whole set"
REQUIRED_LABEL_FIELDS = {"id": str, "corpus": str, "article": str, "type": str, "phrase": str,
                         "phrase_start": int, "verdict": str}

SAMPLE_SIZE = 20
SENTENCE_CHARS = 200

TARGET_FOUND_PCT = 90.0
TARGET_RIGHT_PCT = 85.0
TARGET_HALVES_GAP_POINTS = 5.0

ArticleKey = tuple[str, str]  # (corpus, article id)
Predictions = dict[ArticleKey, list[dict]]  # each article's predicted claims (claim_dicts)


class InputError(Exception):
    """An input that cannot be read; the message is the one line printed on stderr."""


# ---------------------------------------------------------------------------------------------
# The split


def article_key(claim: dict) -> ArticleKey:
    return (claim["corpus"], claim["article"])


def split_by_article(labels: Iterable[dict]) -> dict[ArticleKey, str]:
    """Each labelled article's half: sorted (corpus, article) pairs, taken alternately."""
    pairs = sorted({article_key(label) for label in labels})
    return {pair: HALVES[position % 2] for position, pair in enumerate(pairs)}


# ---------------------------------------------------------------------------------------------
# The scoring rule, a pure function over label dicts and prediction dicts


def label_span(label: dict) -> tuple[int, int]:
    return label["phrase_start"], label["phrase_start"] + len(label["phrase"])


def spans_overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two half-open spans [start, end) share at least one character."""
    return max(first[0], second[0]) < min(first[1], second[1])


def types_agree(label_type: str, predicted_type: str) -> bool:
    if label_type == predicted_type:
        return True
    return {label_type, predicted_type} <= INTERCHANGEABLE_TYPES


def matches(label: dict, prediction: dict) -> bool:
    """`prediction` is one of the label's article's predicted claims; a claim the article
    makes more than once is reported once, with the other places it is made."""
    spans = [prediction, *prediction.get("repeated_at", [])]
    return (types_agree(label["type"], prediction["type"])
            and any(spans_overlap(label_span(label), (span["start"], span["end"]))
                    for span in spans))


def best_match(label: dict, predictions: list[dict]) -> dict | None:
    """The prediction that stands for the label: one with the label's verdict if any matches."""
    candidates = [p for p in predictions if matches(label, p)]
    if not candidates:
        return None
    return min(candidates,
               key=lambda p: (p["verdict"] != label["verdict"], p["start"], p["end"]))


@dataclass(frozen=True)
class ClaimResult:
    label: dict
    half: str
    match: dict | None

    @property
    def found(self) -> bool:
        return self.match is not None

    @property
    def predicted_verdict(self) -> str | None:
        return self.match["verdict"] if self.match else None

    @property
    def right(self) -> bool:
        return self.found and self.predicted_verdict == self.label["verdict"]

    @property
    def false_inconsistent(self) -> bool:
        return (self.label["verdict"] == "consistent"
                and self.predicted_verdict == "inconsistent")

    @property
    def inconsistent_caught(self) -> bool:
        return (self.label["verdict"] == "inconsistent"
                and self.predicted_verdict == "inconsistent")

    @property
    def borderline(self) -> bool:
        return bool(self.label.get("borderline"))


def score(labels: list[dict], predictions: Predictions,
          halves: dict[ArticleKey, str]) -> list[ClaimResult]:
    """One result per label. `predictions` holds each article's predicted claims (an article
    missing from it has none); `halves` gives each article's half."""
    return [ClaimResult(label, halves[article_key(label)],
                        best_match(label, predictions.get(article_key(label), [])))
            for label in labels]


def unmatched_predictions(labels: list[dict],
                          predictions: Predictions) -> list[tuple[ArticleKey, dict]]:
    """The predicted claims that match no label of their article, in article and text order."""
    labels_by_article: dict[ArticleKey, list[dict]] = {}
    for label in labels:
        labels_by_article.setdefault(article_key(label), []).append(label)
    return [(key, prediction)
            for key in sorted(predictions)
            for prediction in sorted(predictions[key], key=lambda p: (p["start"], p["end"]))
            if not any(matches(label, prediction) for label in labels_by_article.get(key, []))]


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    right: int = 0
    false_inconsistent: int = 0
    inconsistent_caught: int = 0
    inconsistent_total: int = 0

    def add(self, result: ClaimResult) -> None:
        self.n += 1
        self.found += result.found
        self.right += result.right
        self.false_inconsistent += result.false_inconsistent
        self.inconsistent_caught += result.inconsistent_caught
        self.inconsistent_total += result.label["verdict"] == "inconsistent"

    @property
    def found_pct(self) -> float | None:
        return 100 * self.found / self.n if self.n else None

    @property
    def right_pct(self) -> float | None:
        return 100 * self.right / self.n if self.n else None


def tally(results: Iterable[ClaimResult]) -> Tally:
    total = Tally()
    for result in results:
        total.add(result)
    return total


def half_results(results: list[ClaimResult], half: str) -> list[ClaimResult]:
    return results if half == WHOLE_SET else [r for r in results if r.half == half]


def without_borderline(results: list[ClaimResult]) -> list[ClaimResult]:
    return [r for r in results if not r.borderline]


# ---------------------------------------------------------------------------------------------
# Reading the inputs


def read_labels(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}") from None
    labels = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}, line {number}: not JSON ({err.msg})") from None
        if not isinstance(label, dict):
            raise InputError(f"{path}, line {number}: expected a JSON object")
        for field, kind in REQUIRED_LABEL_FIELDS.items():
            if not isinstance(label.get(field), kind) or isinstance(label.get(field), bool):
                raise InputError(f'{path}, line {number}: "{field}" missing or not a '
                                 f"{kind.__name__}")
        labels.append(label)
    if not labels:
        raise InputError(f"{path}: no labelled claims")
    return labels


def read_article_texts(eval_dir: Path, wanted: set[ArticleKey]) -> dict[ArticleKey, str]:
    """The text of each wanted article that its corpus holds; the first record of an id wins."""
    from geo.corpus import read_articles

    texts: dict[ArticleKey, str] = {}
    for corpus in sorted({corpus for corpus, _ in wanted} & set(CORPORA)):
        path = eval_dir / f"{corpus}.jsonl"
        try:
            for record in read_articles(path):
                if not (isinstance(record, dict) and isinstance(record.get("id"), str)
                        and isinstance(record.get("text"), str)):
                    continue
                key = (corpus, record["id"])
                if key in wanted and key not in texts:
                    texts[key] = record["text"]
        except (OSError, ValueError) as err:  # ValueError: bad JSON or bad UTF-8
            raise InputError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}"
                             ) from None
    return texts


# ---------------------------------------------------------------------------------------------
# Running geo


def predict_claims(pipeline, key: ArticleKey, text: str) -> list[dict]:
    """geo's claims on one article, as `geo parse` gives them (see geo/cli.py)."""
    from geo.report import claim_dicts
    from geo.source import read_article

    article = read_article(text.encode("utf-8", errors="replace"), name=f"{key[0]} {key[1]}")
    return claim_dicts(pipeline.analyse(article))


def predict_all(texts: dict[ArticleKey, str]) -> tuple[Predictions, list[str]]:
    """Each article's predicted claims, and one line per article geo could not analyse (its
    labels then count as not found: the evaluation goes on)."""
    from geo.gazetteer import Gazetteer, GazetteerNotBuilt
    from geo.pipeline import Pipeline

    try:
        pipeline = Pipeline(Gazetteer.open())
    except GazetteerNotBuilt as err:
        raise InputError(f"{err} (build it with: make eval)") from None
    predictions, failures = {}, []
    for key in sorted(texts):
        try:
            predictions[key] = predict_claims(pipeline, key, texts[key])
        except Exception as err:  # one article's failure must not hide the others' figures
            failures.append(f"{key[0]} {key[1]}: {type(err).__name__}: {err}")
    return predictions, failures


# ---------------------------------------------------------------------------------------------
# Printing


def shown(value) -> str:
    """Text from the data, with control and format characters made visible."""
    from geo.escape import terminal_text

    return terminal_text(value)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"


TABLE_HEADER = (f"  {'type':<12} {'n':>4} {'found':>6} {'right':>6} {'false-inc':>10} "
                f"{'inc caught':>11} {'found %':>9} {'right %':>9}")


def table_row(name: str, counts: Tally) -> str:
    caught = f"{counts.inconsistent_caught}/{counts.inconsistent_total}"
    return (f"  {shown(name):<12} {counts.n:>4} {counts.found:>6} {counts.right:>6} "
            f"{counts.false_inconsistent:>10} {caught:>11} {percent(counts.found_pct):>9} "
            f"{percent(counts.right_pct):>9}")


def type_order(results: list[ClaimResult]) -> list[str]:
    """The known types in their usual order, then any other type the labels use."""
    present = {r.label["type"] for r in results}
    return [t for t in TYPES if t in present] + sorted(present - set(TYPES))


def claims_table(results: list[ClaimResult], types: list[str]) -> list[str]:
    lines = [TABLE_HEADER]
    for claim_type in types:
        lines.append(table_row(claim_type, tally(r for r in results
                                                 if r.label["type"] == claim_type)))
    lines.append(table_row("all", tally(results)))
    return lines


def half_section(results: list[ClaimResult], half: str, types: list[str]) -> list[str]:
    chosen = half_results(results, half)
    articles = len({article_key(r.label) for r in chosen})
    lines = [f"== {half}: {len(chosen)} labelled claims from {articles} articles =="]
    lines += ["with the borderline labels", *claims_table(chosen, types)]
    lines += ["without the borderline labels",
              *claims_table(without_borderline(chosen), types), ""]
    return lines


def met(condition: bool) -> str:
    return "met" if condition else "NOT met"


def target_lines(results: list[ClaimResult], title: str) -> list[str]:
    by_half = [tally(half_results(results, half)) for half in HALVES]
    per_half_targets = [
        (f"found >= {TARGET_FOUND_PCT:.0f} %",
         lambda t: (percent(t.found_pct), (t.found_pct or 0.0) >= TARGET_FOUND_PCT)),
        (f"right >= {TARGET_RIGHT_PCT:.0f} %",
         lambda t: (percent(t.right_pct), (t.right_pct or 0.0) >= TARGET_RIGHT_PCT)),
        ("zero false-inconsistent",
         lambda t: (str(t.false_inconsistent), t.false_inconsistent == 0)),
    ]
    lines = [f"  {title}", f"    {'target':<32}" + "".join(f"{half:>22}" for half in HALVES)]
    for name, figure in per_half_targets:
        cells = [f"{value} {met(ok)}" for value, ok in map(figure, by_half)]
        lines.append(f"    {name:<32}" + "".join(f"{cell:>22}" for cell in cells))
    for measure in ("found", "right"):
        tuning, validation = (getattr(t, f"{measure}_pct") or 0.0 for t in by_half)
        gap = abs(tuning - validation)
        name = f"halves within {TARGET_HALVES_GAP_POINTS:.0f} points ({measure})"
        cell = f"gap {gap:.1f} points {met(gap <= TARGET_HALVES_GAP_POINTS)}"
        lines.append(f"    {name:<32}{cell:>44}")
    return lines


def sample_lines(unmatched: list[tuple[ArticleKey, dict]], seed: int) -> list[str]:
    sample = random.Random(seed).sample(unmatched, min(SAMPLE_SIZE, len(unmatched)))
    lines = [f"== {len(sample)} of the {len(unmatched)} predicted claims that match no label "
             f"(seed {seed}) =="]
    for number, (key, claim) in enumerate(sample, start=1):
        sentence = claim.get("sentence") or ""
        if len(sentence) > SENTENCE_CHARS:
            sentence = sentence[:SENTENCE_CHARS] + "..."
        lines += [f"{number:>2}. {shown(key[1])} [{claim['start']}, {claim['end']}) "
                  f"{shown(claim['type'])}, {shown(claim['verdict'])}: {shown(claim['claim'])}",
                  f"    words: {shown(claim.get('words'))}",
                  f"    sentence: {shown(sentence)}"]
    return lines


def shared_phrase_count(results: list[ClaimResult]) -> int:
    """How many labels some single prediction could match together with another label."""
    labels = [r.label for r in results]
    return sum(any(other is not label and article_key(other) == article_key(label)
                   and types_agree(label["type"], other["type"])
                   and spans_overlap(label_span(label), label_span(other))
                   for other in labels)
               for label in labels)


def report_lines(results: list[ClaimResult], unmatched: list[tuple[ArticleKey, dict]],
                 predicted_count: int, seed: int) -> list[str]:
    types = type_order(results)
    lines = ["Halves (by article: sorted (corpus, article) pairs, alternately tuning and "
             "validation):"]
    for half in HALVES:
        chosen = half_results(results, half)
        articles = len({article_key(r.label) for r in chosen})
        lines.append(f"  {half:<11} {articles:>3} articles, {len(chosen):>3} labelled claims, "
                     f"{sum(r.borderline for r in chosen):>2} borderline")
    lines += [f"{shared_phrase_count(results)} labels overlap another label of their type and "
              "article (one claim per member of a list):",
              "  one prediction there matches both.",
              f"geo predicted {predicted_count} claims in these articles; "
              f"{len(unmatched)} match no label.", ""]
    for half in (*HALVES, WHOLE_SET):
        lines += half_section(results, half, types)
    lines.append("== targets (issue 10; informational) ==")
    lines += target_lines(results, "with the borderline labels")
    lines += target_lines(without_borderline(results), "without the borderline labels")
    lines.append("")
    lines += sample_lines(unmatched, seed)
    return lines


def result_dicts(results: list[ClaimResult]) -> list[dict]:
    return [{"id": r.label["id"], "corpus": r.label["corpus"], "article": r.label["article"],
             "type": r.label["type"], "half": r.half, "borderline": r.borderline,
             "found": r.found, "right": r.right, "label_verdict": r.label["verdict"],
             "predicted_verdict": r.predicted_verdict,
             "predicted_type": r.match["type"] if r.match else None,
             "predicted_words": r.match.get("words") if r.match else None,
             "predicted_start": r.match["start"] if r.match else None,
             "predicted_end": r.match["end"] if r.match else None}
            for r in results]


def write_json(path: Path, results: list[ClaimResult]) -> None:
    try:
        path.write_text(json.dumps(result_dicts(results), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}") from None


# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                        help="folder holding lgl.jsonl and geovirus.jsonl (default: %(default)s)")
    parser.add_argument("--claims", type=Path, default=None,
                        help="labelled claims (default: EVAL_DIR/claims_dev.jsonl)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the sample of unlabelled predictions (default: 0)")
    parser.add_argument("--json", type=Path, default=None, metavar="PATH",
                        help="write the per-claim results here as JSON")
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> list[str]:
    started = time.monotonic()
    labels = read_labels(args.claims or args.eval_dir / "claims_dev.jsonl")
    halves = split_by_article(labels)
    texts = read_article_texts(args.eval_dir, set(halves))
    predictions, failures = predict_all(texts)
    results = score(labels, predictions, halves)
    unmatched = unmatched_predictions(labels, predictions)
    if args.json:
        write_json(args.json, results)

    lines = []
    missing = sorted(set(halves) - set(texts))
    if missing:
        lines.append(f"{len(missing)} labelled article(s) not in the corpora (their labels "
                     "count as not found): " + ", ".join(shown(f"{c} {a}") for c, a in missing))
    lines += [f"geo failed on {shown(failure)} (its labels count as not found)"
              for failure in failures]
    lines += report_lines(results, unmatched, sum(map(len, predictions.values())), args.seed)
    lines += ["", f"{len(labels)} labelled claims, {len(texts)} articles analysed "
                  f"in {time.monotonic() - started:.1f} s"]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        lines = evaluate(args)
    except InputError as err:
        print(f"evaluate_claims: {shown(err)}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
