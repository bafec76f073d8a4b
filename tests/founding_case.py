"""Facts about the founding case (the 2013 In Amenas hostage crisis) that tests rely on."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLAIMS_CSV = REPO / "layers" / "incidents" / "ain_amenas_2013" / "claims.csv"
ARTICLE = REPO.parent / "shared" / "seed" / "ain_amenas_2013.txt"
IN_AMENAS_TOWN = (28.038333, 9.565)  # fr.wikipedia: 28°02'18"N 9°33'54"E
TIGUENTOURINE_PLANT = (27.926944, 9.114722)  # fr.wikipedia: 27°55'37"N 9°06'53"E
