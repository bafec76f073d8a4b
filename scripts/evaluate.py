"""Score geo's place recognition and resolution on a gold corpus, next to geotext.

Usage: python scripts/evaluate.py ../shared/eval/lgl.jsonl [--limit N] [--errors N]

Each corpus is split in two halves by a fixed rule on the article id: the CRC-32 of the id
(UTF-8) even is the tuning half, odd the validation half. Rules are decided on the tuning
half; the figures to quote are the validation half's. Both halves are printed side by side,
with recall and Acc@161 by the gold's kind of place, and the most frequent errors of each
half (a gold toponym placed over 161 km away, or not found at all).

The corpus is read where it lies (never copied). Metrics as the published anchors compute
them (research notes, section 7):
- recognition: a prediction matches an unmatched gold toponym whose midpoint is under 10
  characters away and whose text is equal ignoring case; precision, recall, F1;
- resolution, over matched gold toponyms with coordinates: error = great-circle km between
  the predicted and the gold point; Acc@161 = share under 161 km; AUC = trapezoid over the
  sorted ln(1 + error) with unit spacing, divided by ln(20039) x (n - 1), lower is better;
  mean error.
Accuracy is also broken down by the gold feature type where the corpus gives one, and by
geo's own confidence (bands of 0.1), so that a user can see what "0.9" is worth.

The focus (where the incident happened) is scored on the hand labels of
`tests/data/focus_labels.jsonl` (article id, place, point, why; read there, not here): geo's
focus is right when it lies within 50 km of the labelled point; an article with no focus is
wrong.

Corpora differ on adjectival toponyms: LGL's gold marks "American" and "Russian" (316 of its
4,462 toponyms), GeoVirus's marks none. geo's demonym mentions are scored where the gold has
any demonym (as the gazetteer knows them) and left out where it has none (--demonyms auto),
so each corpus is scored on the task its annotators defined. Everything else geo reports
(metonyms included) is always scored.

geotext, the floor users have today, runs on the same articles in the same process: its city
and country names are placed where they occur in the text, and resolved to the most
populous city (or the country) of that name in geo's gazetteer.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from geo.corpus import feature_type, read_articles
from geo.gazetteer import Candidate, Gazetteer
from geo.pipeline import Pipeline
from geo.source import SourceError, read_article
from geo.sphere import great_circle_km

MATCH_CHARS = 10
ACC_KM = 161
FOCUS_KM = 50
FOCUS_LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "focus_labels.jsonl"
CONFIDENCE_BANDS = np.round(np.arange(0.5, 1.0, 0.1), 1)  # edges; below 0.5 is one band
EARTH_HALF_CIRCUMFERENCE_KM = 20039
HALVES = ("tuning", "validation")


def half_of(article_id) -> str:
    """The article's half: a fixed rule on its id, independent of the corpus's order."""
    return HALVES[zlib.crc32(str(article_id).encode("utf-8")) % 2]


class Score:
    def __init__(self):
        self.predicted = self.gold = self.matched = 0
        self.errors: list[float] = []
        self.confidences: list[float] = []
        self.focus: list[tuple[str, str, str, float]] = []  # article, label, geo's, km
        self.errors_by_type: dict[str, list[float]] = defaultdict(list)
        self.gold_by_type: Counter[str] = Counter()
        self.mistakes: Counter[str] = Counter()
        self.seconds = 0.0
        self.articles = 0

    def add(self, predictions: list[dict], gold: list[dict]) -> None:
        """predictions: {start, end, text, lat, lon, and optionally place}; gold: corpus
        toponyms."""
        self.predicted += len(predictions)
        self.gold += len(gold)
        self.gold_by_type.update(feature_type(t.get("fcode")) for t in gold)
        unmatched = list(gold)
        for prediction in sorted(predictions, key=lambda p: p["start"]):
            middle = (prediction["start"] + prediction["end"]) / 2
            for toponym in unmatched:
                if (abs((toponym["start"] + toponym["end"]) / 2 - middle) < MATCH_CHARS
                        and toponym["name"].casefold() == prediction["text"].casefold()):
                    unmatched.remove(toponym)
                    self.matched += 1
                    error = great_circle_km(prediction["lat"], prediction["lon"],
                                            toponym["lat"], toponym["lon"])
                    self.errors.append(error)
                    if "confidence" in prediction:
                        self.confidences.append(prediction["confidence"])
                    self.errors_by_type[feature_type(toponym.get("fcode"))].append(error)
                    if error >= ACC_KM:
                        self.mistakes[f'"{toponym["name"]}" placed at '
                                      f'{prediction.get("place", "?")}, {error:,.0f} km off'] += 1
                    break
        self.mistakes.update(f'"{t["name"]}" not found' for t in unmatched)

    def summary(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        errors = np.sort(np.array(self.errors))
        return {"precision": precision, "recall": recall, "f1": f1,
                "acc161": accuracy(errors), "auc": auc(errors),
                "mean_error_km": float(errors.mean()) if len(errors) else float("nan"),
                "resolved": len(errors),
                "articles_per_second": self.articles / self.seconds if self.seconds else 0.0,
                "by_type": {kind: (len(self.errors_by_type[kind]) / total,
                                   accuracy(np.array(self.errors_by_type[kind])), total)
                            for kind, total in sorted(self.gold_by_type.items())},
                "mistakes": self.mistakes,
                "by_confidence": self.by_confidence(),
                "focus": self.focus}

    def by_confidence(self) -> list[tuple[str, int, float]]:
        """(band, resolved toponyms in it, Acc@161) for the bands that hold any."""
        if len(self.confidences) != len(self.errors):
            return []
        bands = np.digitize(self.confidences, CONFIDENCE_BANDS)
        errors = np.array(self.errors)
        edges = [0.0, *CONFIDENCE_BANDS, 1.0]
        return [(f"{edges[band]:.1f}-{edges[band + 1]:.1f}", int((bands == band).sum()),
                 accuracy(errors[bands == band]))
                for band in range(len(edges) - 1) if (bands == band).any()]


def accuracy(errors: np.ndarray) -> float:
    return float((errors < ACC_KM).mean()) if len(errors) else float("nan")


def auc(sorted_errors: np.ndarray) -> float:
    if len(sorted_errors) < 2:
        return float("nan")
    logs = np.log1p(sorted_errors)
    area = float(np.sum((logs[1:] + logs[:-1]) / 2))
    return area / (math.log(EARTH_HALF_CIRCUMFERENCE_KM) * (len(logs) - 1))


def geo_predictions(pipeline: Pipeline, text: str, demonyms: bool
                    ) -> tuple[list[dict], Candidate | None]:
    """geo's toponyms as scored predictions, and its focus."""
    try:
        article = read_article(text.encode("utf-8"))
    except SourceError:
        return [], None
    analysis = pipeline.analyse(article)
    predictions = []
    for mention in analysis.mentions:
        if mention.mention.how == "demonym" and not demonyms:
            continue
        start, end = article.to_original(mention.start, mention.end)
        place = mention.place
        predictions.append({"start": start, "end": end, "text": text[start:end],
                            "lat": place.lat, "lon": place.lon,
                            "confidence": mention.confidence,
                            "place": f"{place.name} ({place.kind}, {place.country_code})"})
    return predictions, analysis.focus.place if analysis.focus else None


def focus_labels(corpus_ids: set[str]) -> dict[str, dict]:
    """The hand labels of the focus for the articles of this corpus, by article id."""
    if not FOCUS_LABELS.exists():
        return {}
    labels = (json.loads(line) for line in FOCUS_LABELS.read_text("utf-8").splitlines()
              if line.strip())
    return {label["article"]: label for label in labels if label["article"] in corpus_ids}


class GeotextBaseline:
    def __init__(self, gazetteer: Gazetteer):
        from geotext import GeoText

        self._geotext = GeoText
        self._gazetteer = gazetteer
        self._cache: dict[tuple[str, str], tuple[float, float] | None] = {}

    def _point(self, name: str, kind: str):
        if (name, kind) not in self._cache:
            found = self._gazetteer.lookup(name, limit=50, kind=kind, fuzzy=False)
            best = max(found, key=lambda c: c.population or 0) if found else None
            self._cache[name, kind] = None if best is None else (best.lat, best.lon)
        return self._cache[name, kind]

    def predictions(self, text: str) -> list[dict]:
        found = self._geotext(text)
        predictions = []
        for names, kind in ((found.cities, "city"), (found.countries, "country")):
            cursor: dict[str, int] = {}
            for name in names:
                match = re.compile(rf"\b{re.escape(name)}\b").search(text, cursor.get(name, 0))
                point = self._point(name, kind)
                if match is None or point is None:
                    continue
                cursor[name] = match.end()
                predictions.append({"start": match.start(), "end": match.end(), "text": name,
                                    "lat": point[0], "lon": point[1]})
        return predictions


def gold_has_demonyms(gazetteer: Gazetteer, articles: list[dict]) -> bool:
    names = {t["name"] for article in articles for t in article["toponyms"]}
    return any(found and found[0].match == "demonym"
               for found in (gazetteer.lookup(name, limit=1, fuzzy=False) for name in names))


def run(corpus: Path, limit: int | None, demonyms: str
        ) -> tuple[dict[str, dict[str, dict]], bool, Counter[str]]:
    """Scores by system and half ("tuning", "validation", "all"), whether demonyms were
    scored, and the number of articles in each half."""
    articles = list(read_articles(corpus, limit))
    gazetteer = Gazetteer.open()
    with_demonyms = (gold_has_demonyms(gazetteer, articles) if demonyms == "auto"
                     else demonyms == "include")
    labels = focus_labels({article["id"] for article in articles})
    systems = {"geo": Pipeline(gazetteer), "geotext": GeotextBaseline(gazetteer)}
    predict = {"geo": lambda system, text: geo_predictions(system, text, with_demonyms),
               "geotext": lambda system, text: (system.predictions(text), None)}
    scores = {}
    for name, system in systems.items():
        predict[name](system, articles[0]["text"])  # warm-up: caches, lazy loads
        by_half = {half: Score() for half in (*HALVES, "all")}
        for article in articles:
            gold = [t for t in article["toponyms"] if t.get("lat") is not None]
            start = time.perf_counter()
            predictions, focus = predict[name](system, article["text"])
            seconds = time.perf_counter() - start
            label = labels.get(article["id"]) if name == "geo" else None
            for half in (half_of(article["id"]), "all"):
                by_half[half].seconds += seconds
                by_half[half].articles += 1
                by_half[half].add(predictions, gold)
                if label is not None:
                    by_half[half].focus.append(focus_outcome(article["id"], label, focus))
        scores[name] = {half: score.summary() for half, score in by_half.items()}
    return scores, with_demonyms, Counter(half_of(a["id"]) for a in articles)


def focus_outcome(article_id: str, label: dict, focus: Candidate | None
                  ) -> tuple[str, str, str, float]:
    if focus is None:
        return article_id, label["place"], "none", math.inf
    km = great_circle_km(focus.lat, focus.lon, label["lat"], label["lon"])
    return article_id, label["place"], f"{focus.name} ({focus.kind}, {focus.country_code})", km


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--demonyms", choices=("auto", "include", "exclude"), default="auto",
                        help="score geo's demonym mentions (auto: if the gold has any)")
    parser.add_argument("--errors", type=int, default=20,
                        help="how many of geo's most frequent errors to list per half")
    args = parser.parse_args()
    scores, with_demonyms, sizes = run(args.corpus, args.limit, args.demonyms)
    print(f"{args.corpus.name}: {os.cpu_count()} cores, one process; geo's demonyms "
          f"{'scored' if with_demonyms else 'not scored'}; halves by CRC-32 of the article "
          f"id: tuning {sizes['tuning']} articles, validation {sizes['validation']}")
    print(f"{'system':<9} {'half':<10} {'P':>6} {'R':>6} {'F1':>6} {'Acc@161':>8} {'AUC':>6} "
          f"{'mean km':>8} {'resolved':>8} {'art/s':>8}")
    for name, halves in scores.items():
        for half, s in halves.items():
            print(f"{name:<9} {half:<10} {s['precision']:6.3f} {s['recall']:6.3f} "
                  f"{s['f1']:6.3f} {s['acc161']:8.3f} {s['auc']:6.3f} "
                  f"{s['mean_error_km']:8.0f} {s['resolved']:8d} "
                  f"{s['articles_per_second']:8.0f}")
    for half in HALVES:
        parts = ", ".join(f"{kind} R {recall:.2f} Acc {acc:.2f} (n={n})" for kind, (recall, acc, n)
                          in scores["geo"][half]["by_type"].items())
        print(f"geo {half}, by gold type: {parts}")
    for half in HALVES:
        parts = ", ".join(f"{band} {acc:.2f} (n={n})"
                          for band, n, acc in scores["geo"][half]["by_confidence"])
        print(f"geo {half}, Acc@161 by confidence: {parts}")
    for half in HALVES:
        outcomes = scores["geo"][half]["focus"]
        if outcomes:
            right = sum(km < FOCUS_KM for *_, km in outcomes)
            print(f"geo {half}, focus within {FOCUS_KM} km of the hand label: {right}/"
                  f"{len(outcomes)} ({right / len(outcomes):.3f})")
    # Only the tuning half's misses are listed: rules are read off those, never off the other.
    for article_id, place, chosen, km in scores["geo"]["tuning"]["focus"]:
        if km >= FOCUS_KM:
            print(f"  focus miss (tuning) {article_id}: labelled {place}, geo {chosen}, "
                  f"{km:,.0f} km")
    for half in HALVES:
        print(f"geo {half}: the {args.errors} most frequent errors")
        for mistake, count in scores["geo"][half]["mistakes"].most_common(args.errors):
            print(f"  {count:>4}  {mistake}")
    ratio = (scores["geo"]["all"]["articles_per_second"]
             / scores["geotext"]["all"]["articles_per_second"])
    print(f"geo / geotext speed ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
