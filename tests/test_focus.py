"""The focus: where an invented incident happened, on several continents."""

import pytest

from geo.source import read_article


@pytest.fixture(scope="module")
def focus_of(pipeline):
    def run(text: str):
        where = pipeline.analyse(read_article(text.encode("utf-8")), with_claims=False).focus
        return None if where is None else (where.place.name, where.place.kind)
    return run


@pytest.mark.parametrize("text, place", [
    # A country named often, the town named in the lede.
    ("Bird flu was found in a dead swan near Lyon. France has ordered tests; France and its "
     "neighbours watch the birds. France said more checks would follow in France.", "Lyon"),
    ("Six students in Cebu, Philippines, tested positive for the virus. The Philippines has "
     "closed schools; the Philippines counts 40 cases in all.", "Cebu City"),
    ("State officials say Vermont's first case of the virus was confirmed in Brattleboro, "
     "Vermont. Vermont has tested birds since May; Vermont will test more.", "Brattleboro"),
])
def test_the_lede_names_where_it_happened(focus_of, text, place):
    assert focus_of(text) == (place, "city")


def test_a_town_named_after_the_lede_does_not_take_the_focus(focus_of):
    text = ("Floods closed roads across Kenya on Monday. Kenya's government said Kenya needs "
            "help. Later a minister visited Mombasa.")
    assert focus_of(text) == ("Kenya", "country")


def test_no_place_no_focus(focus_of):
    assert focus_of("Nothing happened anywhere today.") is None
