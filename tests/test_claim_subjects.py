"""Which places a claim's words are about: the subject before them, the place a text calls
"the capital" or "this small town", admin units at either end, and a claim made twice.

Every sentence is invented. Distances and bearings in the comments were computed from the
places' real positions (city centres as Wikipedia gives them) with geo.geodesy, before geo's
own reading; a claim is called true only when they fit the words.
"""

import pytest

from geo.claims import Relation
from geo.source import read_article
from geo.verdicts import Status


def verdicts_in(pipeline, text):
    analysis = pipeline.analyse(read_article(text.encode()))
    return analysis, analysis.verdicts


@pytest.mark.parametrize(("text", "subject", "reference"), [
    # Charikar is 53.8 km from Kabul, bearing 360.
    ("The bomb went off in Charikar, some 55 km north of the capital, Kabul.",
     "Charikar", "Kabul"),
    # Thika is 39.6 km from Nairobi, bearing 45.
    ("Police in Thika, about 40 km north-east of the Kenyan capital Nairobi, made arrests.",
     "Thika", "Nairobi"),
])
def test_the_place_a_text_calls_the_capital(pipeline, text, subject, reference):
    _, (verdict,) = verdicts_in(pipeline, text)
    assert (verdict.claim.subject.describe(), verdict.claim.reference.describe()) == (
        subject, reference)
    assert verdict.status is Status.CONSISTENT


def test_a_place_before_a_noun_and_a_comma_is_no_qualifier(pipeline):
    # "east of the Kidal region, Gao said": Kidal is what the claim measures from, and the
    # sentence names no subject before it, so there is no claim to make.
    _, found = verdicts_in(pipeline, "Fighting flared 30 km east of the Kidal region, Gao said.")
    assert found == []


@pytest.mark.parametrize("text", [
    # Kidal is 1,196 km from Bamako, to the north-east.
    "Rebels attacked Kidal on Monday. Kidal was retaken in the attack. "
    "The town lies about 1,200 km north-east of Bamako.",
    # Fort McMurray is 379 km from Edmonton, bearing 20.
    "Fire swept through Fort McMurray on Tuesday. Fort McMurray residents fled the fire. "
    "The city lies about 380 km north of Edmonton.",
])
def test_the_town_the_article_is_about(pipeline, text):
    analysis, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.claim.subject.describe() == analysis.focus.place.name
    assert verdict.status is Status.CONSISTENT


def test_a_state_after_a_town_says_where_the_town_is(pipeline):
    # Arlington, Virginia, is 6 km from Washington's centre: the subject is the town.
    _, (verdict,) = verdicts_in(
        pipeline, "The shooting in Arlington, Virginia, happened about 5 miles from Washington.")
    assert verdict.claim.subject.describe() == "Arlington"
    assert verdict.status is Status.CONSISTENT


def test_the_city_in_apposition_is_the_place_before_it(pipeline):
    # Gao is 320 km from Timbuktu, to the east; the article is about Bamako.
    text = ("Officials met in Bamako on Monday. Bamako said so. "
            "Gao, the city about 320 km east of Timbuktu, was calm.")
    _, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.claim.subject.describe() == "Gao"
    assert verdict.status is Status.CONSISTENT


def test_a_weather_bulletin_s_place_or_measure(pipeline):
    # Moore lies some 14 km north-north-west (bearing 341) of Norman, Oklahoma.
    _, (verdict,) = verdicts_in(pipeline, "At 5:47 PM CDT, a confirmed tornado was located "
                                          "near Moore, or 8 miles NNW of Norman, moving "
                                          "northeast at 30 mph.")
    assert verdict.claim.subject.describe() == "Moore"
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize(("text", "doubt"), [
    # No Clinton lies near Anchorage: a small town ten times too far is another of its name.
    ("Fire crews reached Clinton, about 5 miles east of Anchorage.",
     "another town of the name"),
    # Xizang holds Lhasa: "about 400 km from Lhasa" is about a place in it (Dingri county).
    ("A 5.2-magnitude earthquake jolted Dingri county in Xigaze, southwest China's Xizang "
     "Autonomous Region, about 400 km from Lhasa.", "holds Lhasa"),
    # The gazetteer's La Gloria lies in the State of México; the text's is in Veracruz (the
    # doubt names Veracruz: where the words put it, or a twin's state).
    ("MEXICO CITY - Investigators are focusing on La Gloria, a village near Perote in Veracruz "
     "state about 200 km east of Mexico City.", "Veracruz"),
    # Mayon Volcano, which geo does not know, stands between Manila and the claim.
    ("Classes remain suspended in Legazpi City, a 10-hour bus ride from Manila, as Mayon "
     "Volcano, about 15 km north-west of the city, continues to spew lava.",
     "Mayon Volcano"),
])
def test_an_end_taken_on_little_evidence_is_in_doubt(pipeline, text, doubt):
    _, verdicts = verdicts_in(pipeline, text)
    measured = [v for v in verdicts if v.claim.quantity is not None and not v.claim.qualifier]
    assert measured and all(v.status is Status.UNVERIFIABLE and doubt in v.reason
                            for v in measured)


@pytest.mark.parametrize(("text", "status"), [
    # Hinche lies some 95 km north-north-east of Port-au-Prince, which the text leaves unnamed.
    ("Hinche, about 100 km north of the capital, was hit.", Status.CONSISTENT),
    # ... not south of it; the capital the registries mark may not be the one a writer means,
    # so a claim measured from it is never called false.
    ("Hinche, about 100 km south of the capital, was hit.", Status.UNVERIFIABLE),
])
def test_an_unnamed_capital_is_the_registries(pipeline, text, status):
    _, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.claim.reference.describe() == "Port-au-Prince"
    assert verdict.status is status


def test_the_town_taken_for_a_dateline_s_is_in_doubt(pipeline):
    # Nairobi lies some 400 km from Somalia; the story's town is in the north-east, unnamed.
    _, (verdict,) = verdicts_in(pipeline, "NAIROBI (Reuters) - Gunmen attacked a bus in the "
                                          "northeast on Monday. The town lies near the Somali "
                                          "border, police said.")
    assert verdict.status is Status.UNVERIFIABLE and "dateline" in verdict.reason


def test_the_town_named_before_is_in_doubt(pipeline):
    # Kibumba, some 25 km north of Goma, is no place geo knows: "the town" may be it.
    _, (verdict,) = verdicts_in(pipeline, "GOMA - Rebels seized Rutshuru. Later they "
                                          "advanced on Kibumba. The town lies about 25 km "
                                          "north of Goma.")
    assert verdict.status is Status.UNVERIFIABLE and "Rutshuru" in verdict.reason


def test_the_town_is_the_one_named_before_when_the_article_s_place_is_the_far_end(pipeline):
    # Rutshuru lies some 65 km north (bearing 24) of Goma, the dateline's town.
    _, (verdict,) = verdicts_in(pipeline, "GOMA (Reuters) - Fighting flared near Rutshuru on "
                                          "Monday. The town lies about 70 km north of Goma.")
    assert verdict.claim.subject.describe() == "Rutshuru"
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text", [
    "The town lies about 1,200 km north-east of Bamako.",
    # the article's place is the far end, so "the village" is some other place
    "GOMA (Reuters) - Rebels took Goma. The village lies 40 km north of Goma.",
])
def test_an_unnamed_town_with_no_place_to_stand_for_is_a_subject_geo_cannot_locate(
        pipeline, text):
    # Reported, not dropped: a claim whose end cannot be located is unverifiable.
    _, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.status is Status.UNVERIFIABLE and "cannot locate" in verdict.reason


def test_a_county_as_the_subject_of_a_bearing_is_its_point(pipeline):
    # The Big Island is Hawaii County; its point lies some 330 km south-east of Honolulu.
    _, (verdict,) = verdicts_in(pipeline, "Hilo, on the Big Island about 200 miles southeast "
                                          "of Honolulu, was flooded.")
    assert verdict.claim.relation is Relation.DIRECTION
    assert verdict.status is Status.CONSISTENT


def test_an_admin_unit_as_the_subject(pipeline):
    # Trondheim is 392 km from Oslo, bearing 357, whether read as the city or its municipality.
    _, (verdict,) = verdicts_in(pipeline, "Trondheim lies about 390 km north of Oslo.")
    assert verdict.claim.relation is Relation.DIRECTION
    assert verdict.status is Status.CONSISTENT


def test_a_claim_made_twice_is_one_claim_that_says_where_it_is_repeated(pipeline):
    text = "Gao is in northern Mali. Later, Gao in northern Mali was retaken."
    analysis, _ = verdicts_in(pipeline, text)
    (found,) = analysis.found_claims
    assert [text[start:end] for start, end in found.repeated_at] == ["in northern Mali"]
    assert found.repeated_at[0][0] > found.start


@pytest.mark.parametrize(("text", "status"), [
    # Tanga region runs along Tanzania's border with Kenya.
    ("The outbreak is in the Tanga region near the Kenyan border.", Status.CONSISTENT),
    # Mbeya, in Tanzania's south-west, is about 750 km from the nearest point of Kenya.
    ("The outbreak is in the Mbeya region near the Kenyan border.", Status.INCONSISTENT),
])
def test_near_a_border_from_a_region(pipeline, text, status):
    _, found = verdicts_in(pipeline, text)
    (verdict,) = [v for v in found if v.claim.relation is Relation.PROXIMITY]
    assert verdict.status is status


@pytest.mark.parametrize(("text", "name"), [
    ("Soldiers patrolled near the village Quaxtlapan, which is 12 kilometres north of Oaxaca.",
     "Quaxtlapan"),
    ("Gunmen struck the town of Zarghunabad, 40 miles north of Kandahar.", "Zarghunabad"),
    ("Floods cut off the settlement called Nyamwenda Hill, some 30 km west of Mwanza.",
     "Nyamwenda Hill"),
])
def test_a_place_the_gazetteer_lacks_is_the_subject_and_the_claim_unverifiable(
        pipeline, text, name):
    # Made-up names after a word that says they are places: the claim is reported, not given
    # a place named earlier, and not dropped.
    _, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.claim.subject.describe() == name
    assert verdict.status is Status.UNVERIFIABLE
    assert name in verdict.reason


@pytest.mark.parametrize(("text", "subject", "part"), [
    # Bormio (46.47 N, 10.37 E) lies in the Alps, in Italy's far north.
    ("Toads are dying in northern Italy, in a town called Bormio, biologists said.",
     "Bormio", "northern Italy"),
    # Puerto Montt (41.47 S) lies in the southern half of Chile's length.
    ("Cases rose in southern Chile, in the city of Puerto Montt.", "Puerto Montt",
     "southern Chile"),
])
def test_a_part_of_a_country_with_its_place_named_after_it(pipeline, text, subject, part):
    _, (verdict,) = verdicts_in(pipeline, text)
    assert (verdict.claim.subject.describe(), verdict.claim.reference.describe()) == (
        subject, part)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize(("text", "thing"), [
    # The winds were measured at the station, not in Salina.
    ("Gusts hit 90 km/h in Salina, while winds reached 120 km/h at a weather station about "
     "30 km north of Perth.", "a weather station"),
    ("Troops from Cusco found the wreck on a hillside some 15 km west of Abancay.",
     "a hillside"),
    # A numbered road is no place either.
    ("Two buses from Maputo collided on Route 9 about 10 km south of Matola.", "Route 9"),
    ("In Brandon, County Road 109, which is two miles east of Alexandria, was closed.",
     "County Road 109"),
    # The verb saying where it is belongs to no name.
    ("Officials in Lao Cai said the farm is less than 10 km from Hekou.", "the farm"),
])
def test_a_thing_that_is_no_place_before_a_number_is_the_subject(pipeline, text, thing):
    _, found = verdicts_in(pipeline, text)
    measured = [v for v in found if v.claim.relation in (Relation.DISTANCE, Relation.DIRECTION)]
    ((verdict),) = measured
    assert verdict.claim.subject.describe() == thing
    assert verdict.status is Status.UNVERIFIABLE


@pytest.mark.parametrize("text", [
    # Thika is 39.6 km from Nairobi, bearing 45: the road holds the town named before it.
    "Police in Thika, on the A2 highway about 40 km north-east of Nairobi, made arrests.",
    "Thika is a busy town about 40 km north-east of Nairobi.",
    "Thika, which lies in a valley about 40 km north-east of Nairobi, grew fast.",
])
def test_a_thing_said_of_the_place_before_it_keeps_that_place(pipeline, text):
    _, (verdict,) = verdicts_in(pipeline, text)
    assert verdict.claim.subject.describe() == "Thika"
    assert verdict.status is Status.CONSISTENT


def test_a_thing_that_is_no_place_with_no_number_makes_no_claim(pipeline):
    # Nothing to check: the factory is not Grenoble, and no distance is given.
    _, found = verdicts_in(pipeline, "Near Grenoble, smoke rose from a factory north of Lyon.")
    assert found == []


@pytest.mark.parametrize(("text", "subject"), [
    # Paradise is 19 km from Chico, bearing 79; Fallujah 57 km from Baghdad, bearing 271;
    # Acapulco 297 km from Mexico City, bearing 196. The places inside the apposition (Butte
    # County, Anbar, Guerrero) are not what the claim measures.
    ("The Camp Fire tore through Paradise, a Butte County town of about 26,000 people some 10 "
     "miles east of Chico.", "Paradise"),
    ("Fallujah, in Iraq's western Anbar province some 40 miles west of Baghdad, was retaken.",
     "Al Fallūjah"),
    ("Acapulco, in the southern state of Guerrero about 300 km south of Mexico City, was "
     "devastated.", "Acapulco de Juárez"),
    # Chibok lies 123 km from Maiduguri, bearing 197; the state says where Chibok is.
    ("Chibok, in Borno state, is about 130 km south of Maiduguri.", "Chibok"),
])
def test_the_head_of_an_apposition_is_the_subject(pipeline, text, subject):
    _, found = verdicts_in(pipeline, text)
    (verdict,) = [v for v in found if v.claim.relation is Relation.DIRECTION]
    assert verdict.claim.subject.describe() == subject
    assert verdict.status is Status.CONSISTENT


def test_a_town_abroad_taken_on_little_evidence_cannot_make_a_claim_false(pipeline):
    # Palma, Cabo Delgado, is about 230 km north of Pemba; the gazetteer knows only other
    # Palmas, the likeliest on Mallorca, 7,000 km away: a misreading, not a false report.
    _, found = verdicts_in(pipeline, "Insurgents stormed Palma, a town in Cabo Delgado "
                                     "province, some 230 km north of Pemba.")
    (verdict,) = [v for v in found if v.claim.relation is Relation.DIRECTION]
    assert verdict.status is not Status.INCONSISTENT


@pytest.mark.parametrize(("text", "subject", "reference"), [
    # Glasgow is 67 km from Edinburgh, bearing 264; Jalalabad 118 km from Kabul, bearing 99;
    # Ramadi 102 km from Baghdad, bearing 276; Hebron 29 km from Jerusalem, bearing 190.
    ("About 70 kilometres west of Edinburgh, in Glasgow, police said two men were arrested.",
     "Glasgow", "Edinburgh"),
    ("Some 120 km east of Kabul, in Jalalabad, a bomb killed nine people.", "Jalālābād",
     "Kabul"),
    ("Fallujah was retaken months after Ramadi, about 110 km west of the capital, Baghdad.",
     "Ramadi", "Baghdad"),
    ("In Baghdad, officials said Ramadi, about 110 km west of the capital, was retaken.",
     "Ramadi", "Baghdad"),
    ("Israeli troops raided Hebron, some 30 km to the south of Jerusalem.", "Hebron",
     "Jerusalem"),
])
def test_a_claim_that_opens_its_sentence_or_names_the_capital(pipeline, text, subject,
                                                              reference):
    _, found = verdicts_in(pipeline, text)
    (verdict,) = [v for v in found if v.claim.relation is Relation.DIRECTION]
    assert (verdict.claim.subject.describe(), verdict.claim.reference.describe()) == (
        subject, reference)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text", [
    # Dover, Delaware, lies 40 miles south of Wilmington, Delaware; read as England's Dover and
    # North Carolina's Wilmington the claim would be false.
    "Dover, about 40 miles south of Wilmington, will host the race.",
    "Bangor, about 110 miles northeast of Portland, hosts the festival.",
])
def test_two_ends_in_doubt_are_tried_elsewhere_together(pipeline, text):
    _, found = verdicts_in(pipeline, text)
    assert found and all(v.status is not Status.INCONSISTENT for v in found)


def test_a_place_that_names_what_kind_of_port_is_no_subject(pipeline):
    # Hodeidah (unknown to the gazetteer under that spelling) is the Red Sea port; the Red Sea
    # lies west of Sanaa, not south-west, and is not the subject.
    _, found = verdicts_in(pipeline, "Fuel is unloaded at Hodeidah, the Red Sea port some "
                                     "150 km south-west of Sanaa.")
    assert [v.status for v in found] == [Status.UNVERIFIABLE]
    assert "Red Sea port" in found[0].reason


@pytest.mark.parametrize("text", [
    # Bend (which the gazetteer may not know as a town) is in central Oregon; Spokane is in
    # eastern Washington, and a clause stands between it and "in central Oregon".
    "Spokane, in eastern Washington, and Bend, in central Oregon, were hot.",
    # Yuma is in Arizona's south-west corner, California is not in Arizona.
    "Yuma, near both the California line and the Mexican border in Arizona's southwest corner, "
    "was hot.",
    # The dateline is where the report is filed, not where she was born.
    "ARLINGTON -- She was born into a Jewish family in western Iran in 1923.",
])
def test_a_place_named_before_a_clause_is_no_sure_subject(pipeline, text):
    _, found = verdicts_in(pipeline, text)
    assert all(v.status is not Status.INCONSISTENT for v in found)


@pytest.mark.parametrize("text", [
    # A reviewer's false alarms, each true or no claim at all: "its" is North Korea's; money,
    # rails and supply lines cross no border; Qatar lies between Saudi Arabia and Iran across
    # the Gulf; Howard County between two cities; Fulton County, Georgia's neighbour Alabama;
    # Jackson lies in Hinds County, which borders Rankin; the oil fields are north of Los
    # Angeles; a clause is no measure; relations are not neighbours.
    "China urged North Korea to stop provoking South Korea, its southern neighbour.",
    "Remittances are cross-border payments from the United States to India.",
    "The new rail line between Germany and Italy runs through Austria.",
    "They reopened the supply line between Iran and Lebanon.",
    "Qatar, squeezed between Saudi Arabia and Iran, hosted talks.",
    "Howard County, which lies between Baltimore and Washington, grew.",
    "Fulton County and neighboring Alabama were hit by storms.",
    "Floods hit Jackson and neighboring Rankin County.",
    "Bakersfield, in California's oil fields north of Los Angeles, is hot.",
    "Storms hit Knoxville, then a tornado touched down just north of Memphis, near the "
    "Mississippi border.",
    "Austin, who drove 30 miles from Houston, said it was fine.",
    "Japan's relations with neighbour China have soured.",
    "Officials in Lagos said gunmen in the country's north killed 20.",
])
def test_no_false_alarm_from_a_new_phrasing(pipeline, text):
    _, found = verdicts_in(pipeline, text)
    assert all(v.status is not Status.INCONSISTENT for v in found)


def test_a_dateline_town_is_no_subject_of_words_far_after_it(pipeline):
    # The reporter is in Amman; the camp the sentence is about is unknown to the gazetteer.
    text = ("AMMAN (Reuters) - Zaatari, the sprawling camp in northern Jordan that houses some "
            "80,000 Syrians, lies about 12 km (7 miles) from the Syrian border.")
    _, found = verdicts_in(pipeline, text)
    assert [v.claim.subject.describe() for v in found] == []


@pytest.mark.parametrize(("text", "capital"), [
    # Bahir Dar lies 320 km from Addis Ababa, the capital named in the dateline.
    ("ADDIS ABABA (Reuters) - Troops entered Mekelle. Bahir Dar, some 320 km from the capital, "
     "was placed under curfew.", "Addis Ababa"),
    # In the US "the capital" may be a state's: no claim.
    ("SACRAMENTO - Washington is far. Folsom, about 20 miles east of the capital, flooded.",
     None),
])
def test_the_capital_named_earlier_in_the_article(pipeline, text, capital):
    _, found = verdicts_in(pipeline, text)
    assert [v.claim.reference.describe() for v in found] == ([capital] if capital else [])
