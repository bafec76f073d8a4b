"""The claims evaluation (scripts/evaluate_claims.py): its scoring rule and its split on small
invented inputs, and one run on the real development set when ../shared/eval is there."""

import json

import pytest

from tests.conftest import load_script

ev = load_script("evaluate_claims")


def label(phrase_start=10, phrase="Lyon is 20 km north of X", claim_type="direction",
          verdict="consistent", article="a1", corpus="lgl", borderline=False, claim_id="L1"):
    return {"id": claim_id, "corpus": corpus, "article": article, "type": claim_type,
            "phrase": phrase, "phrase_start": phrase_start, "verdict": verdict,
            "borderline": borderline}


def prediction(start, end, claim_type="direction", verdict="consistent", words="w"):
    return {"type": claim_type, "start": start, "end": end, "verdict": verdict, "words": words,
            "claim": "c", "sentence": "s"}


def scored(labels, predictions):
    return ev.score(labels, predictions, ev.split_by_article(labels))


# -- the overlap rule ------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "overlaps"), [
    ((0, 10), False),    # ends where the phrase starts: [start, end) shares nothing
    ((0, 11), True),     # one character in
    ((15, 20), True),    # inside
    ((0, 100), True),    # around
    ((34, 40), False),   # starts where the phrase ends (10 + 24 characters)
    ((33, 40), True),    # the phrase's last character
])
def test_a_prediction_matches_when_its_span_overlaps_the_labelled_phrase(span, overlaps):
    assert ev.matches(label(), prediction(*span)) is overlaps


def test_an_empty_span_overlaps_nothing():
    assert not ev.spans_overlap((5, 5), (0, 10))


# -- types -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("label_type", "predicted_type", "agree"), [
    ("distance", "direction", True),
    ("direction", "distance", True),
    ("distance", "distance", True),
    ("proximity", "proximity", True),
    ("proximity", "distance", False),
    ("containment", "direction", False),
    ("adjacency", "proximity", False),
])
def test_distance_and_direction_stand_for_each_other_and_nothing_else_does(
        label_type, predicted_type, agree):
    assert ev.types_agree(label_type, predicted_type) is agree
    assert ev.matches(label(claim_type=label_type),
                      prediction(10, 20, claim_type=predicted_type)) is agree


def test_a_prediction_from_another_article_does_not_match():
    labels = [label(article="a1"), label(article="a2", claim_id="L2")]
    [first, second] = scored(labels, {("lgl", "a2"): [prediction(0, 5)],
                                      ("lgl", "a1"): [prediction(10, 20)]})
    assert first.found
    assert not second.found


def test_the_same_article_id_in_another_corpus_is_another_article():
    labels = [label(corpus="geovirus", article="a1")]
    [result] = scored(labels, {("lgl", "a1"): [prediction(10, 20)]})
    assert not result.found


# -- found, right, and the preference -------------------------------------------------------

def test_found_and_right():
    labels = [label(claim_id="right"), label(article="a2", claim_id="wrong"),
              label(article="a3", claim_id="missed")]
    results = scored(labels, {("lgl", "a1"): [prediction(10, 20)],
                              ("lgl", "a2"): [prediction(10, 20, verdict="unverifiable")]})
    assert [(r.found, r.right) for r in results] == [(True, True), (True, False),
                                                      (False, False)]
    counts = ev.tally(results)
    assert (counts.n, counts.found, counts.right) == (3, 2, 1)
    assert counts.found_pct == pytest.approx(200 / 3)
    assert counts.right_pct == pytest.approx(100 / 3)


def test_of_several_matching_predictions_the_one_with_the_labels_verdict_is_taken():
    wrong_first = prediction(8, 15, verdict="inconsistent", words="first")
    right_later = prediction(12, 30, verdict="consistent", words="later")
    [result] = scored([label()], {("lgl", "a1"): [wrong_first, right_later]})
    assert result.match is right_later
    assert result.right
    assert not result.false_inconsistent


def test_without_a_prediction_that_gets_it_right_the_earliest_match_is_taken():
    later = prediction(20, 30, verdict="unverifiable", words="later")
    earlier = prediction(12, 30, verdict="inconsistent", words="earlier")
    assert ev.best_match(label(), [later, earlier]) is earlier


def test_one_prediction_may_match_every_label_on_its_phrase():
    phrase = "the neighbouring countries of A, B and C"
    labels = [label(phrase=phrase, claim_type="adjacency", claim_id=f"L{i}") for i in range(3)]
    results = scored(labels, {("lgl", "a1"): [prediction(10, 50, claim_type="adjacency")]})
    assert all(r.found for r in results)
    assert ev.shared_phrase_count(results) == 3


# -- inconsistent verdicts -------------------------------------------------------------------

def test_false_inconsistent_and_inconsistent_caught():
    labels = [label(article="a1", verdict="consistent", claim_id="false alarm"),
              label(article="a2", verdict="consistent", claim_id="fine"),
              label(article="a3", verdict="inconsistent", claim_id="caught"),
              label(article="a4", verdict="inconsistent", claim_id="let through"),
              label(article="a5", verdict="inconsistent", claim_id="missed")]
    predictions = {("lgl", "a1"): [prediction(10, 20, verdict="inconsistent")],
                   ("lgl", "a2"): [prediction(10, 20, verdict="consistent")],
                   ("lgl", "a3"): [prediction(10, 20, verdict="inconsistent")],
                   ("lgl", "a4"): [prediction(10, 20, verdict="consistent")]}
    results = scored(labels, predictions)
    assert [r.false_inconsistent for r in results] == [True, False, False, False, False]
    assert [r.inconsistent_caught for r in results] == [False, False, True, False, False]
    counts = ev.tally(results)
    assert (counts.false_inconsistent, counts.inconsistent_caught,
            counts.inconsistent_total) == (1, 1, 3)


def test_an_unverifiable_verdict_is_never_a_false_inconsistent():
    [result] = scored([label()], {("lgl", "a1"): [prediction(10, 20, verdict="unverifiable")]})
    assert result.found and not result.right and not result.false_inconsistent


def test_borderline_labels_can_be_left_out():
    labels = [label(claim_id="plain"), label(article="a2", borderline=True, claim_id="edge")]
    results = scored(labels, {})
    assert [r.label["id"] for r in ev.without_borderline(results)] == ["plain"]


# -- predictions that match no label ---------------------------------------------------------

def test_unmatched_predictions_are_those_that_match_no_label_of_their_article():
    matched = prediction(10, 20)
    wrong_type = prediction(10, 20, claim_type="containment")
    elsewhere = prediction(100, 120)
    unlabelled_article = prediction(0, 5)
    unmatched = ev.unmatched_predictions(
        [label()], {("lgl", "a1"): [elsewhere, matched, wrong_type],
                    ("lgl", "zz"): [unlabelled_article]})
    assert unmatched == [(("lgl", "a1"), wrong_type), (("lgl", "a1"), elsewhere),
                         (("lgl", "zz"), unlabelled_article)]


def test_the_sample_is_fixed_by_its_seed_and_shows_control_characters():
    unmatched = [(("lgl", f"a{i}"), prediction(i, i + 1, words=f"w{i}")) for i in range(30)]
    unmatched[0][1]["sentence"] = "bad\x1b[31m text"
    assert ev.sample_lines(unmatched, seed=3) == ev.sample_lines(unmatched, seed=3)
    assert ev.sample_lines(unmatched, seed=3) != ev.sample_lines(unmatched, seed=4)
    assert sum(line.startswith("    sentence:") for line in ev.sample_lines(unmatched, 0)) == 20
    everything = ev.sample_lines(unmatched[:1], seed=0)
    assert not any("\x1b" in line for line in everything)
    assert any("\\u001b" in line for line in everything)


# -- the split -------------------------------------------------------------------------------

def test_the_split_alternates_over_the_sorted_article_pairs():
    labels = [label(corpus=corpus, article=article, claim_id=f"{corpus}-{article}")
              for corpus, article in [("lgl", "b"), ("geovirus", "z"), ("lgl", "a"),
                                      ("geovirus", "c"), ("lgl", "c")]]
    assert ev.split_by_article(labels) == {
        ("geovirus", "c"): "tuning", ("geovirus", "z"): "validation",
        ("lgl", "a"): "tuning", ("lgl", "b"): "validation", ("lgl", "c"): "tuning"}


def test_every_claim_goes_with_its_article():
    claims_per_article = {"a": 1, "b": 2, "c": 3, "d": 4}
    labels = [label(article=article, claim_id=f"{article}{n}")
              for article, count in claims_per_article.items() for n in range(count)]
    results = scored(labels, {})
    halves_by_article = {}
    for result in results:
        halves_by_article.setdefault(result.label["article"], set()).add(result.half)
    assert halves_by_article == {"a": {"tuning"}, "b": {"validation"}, "c": {"tuning"},
                                 "d": {"validation"}}
    assert len(ev.half_results(results, "tuning")) == 1 + 3
    assert len(ev.half_results(results, "validation")) == 2 + 4
    assert len(ev.half_results(results, ev.WHOLE_SET)) == 10


# -- inputs ----------------------------------------------------------------------------------

def test_an_unreadable_claims_file_exits_2_with_one_line(tmp_path, capsys):
    missing = tmp_path / "nothing.jsonl"
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    for path in (missing, broken):
        assert ev.main(["--claims", str(path), "--eval-dir", str(tmp_path)]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1


# -- the real development set ----------------------------------------------------------------

def test_the_script_reports_both_halves_on_the_real_set(request, tmp_path, capsys):
    # The whole run (64 articles through the pipeline) takes about 5 s.
    claims = ev.DEFAULT_EVAL_DIR / "claims_dev.jsonl"
    if not claims.is_file():
        pytest.skip(f"the shared evaluation data is missing: {claims}")
    request.getfixturevalue("gazetteer")  # built (or rebuilt if stale) before the run
    results_path = tmp_path / "results.json"
    assert ev.main(["--json", str(results_path)]) == 0
    output = capsys.readouterr().out
    for heading in ("== tuning:", "== validation:", "== whole set:", "== targets",
                    "predicted claims that match no label"):
        assert heading in output
    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert {r["half"] for r in results} == {"tuning", "validation"}
    assert len(results) == sum(1 for line in claims.open(encoding="utf-8") if line.strip())
