"""Recognition and resolution on sentences written to trip them up."""

import pytest

from geo.mentions import Recogniser, tokens
from geo.resolve import resolve


@pytest.fixture(scope="module")
def recogniser(gazetteer):
    return Recogniser(gazetteer)


def found(recogniser, text):
    return [(m.mention.text, m.place.name, m.mention.how) for m in resolve(
        recogniser.mentions(text))]


def test_people_and_organisations_are_not_places(recogniser):
    text = ("Foreign secretary William Hague said Cobra would meet. US defence secretary Leon "
            "Panetta spoke to the BBC. The Algerian Press Service (APS) quoted the Signers in "
            "Blood. Hague added that Panetta agreed.")
    names = {m[0] for m in found(recogniser, text)}
    assert names <= {"US", "Algerian"}
    assert "US" in names


def test_a_surname_stays_a_person_for_the_rest_of_the_article(recogniser):
    text = "Sheriff Bob Flores arrived in Austin, Texas. Later, Flores met the mayor."
    names = [m[0] for m in found(recogniser, text)]
    assert names == ["Austin", "Texas"]


def test_a_surname_does_not_hide_the_place_where_the_words_say_where(recogniser):
    # "John Austin" is a person, and so is "Austin drove"; "to Austin" is the city.
    text = "Sheriff John Austin spoke on Monday. Later, Austin drove to Austin for the meeting."
    assert [(m.mention.text, m.start) for m in resolve(recogniser.mentions(text))] == [
        ("Austin", text.rindex("Austin"))]


@pytest.mark.parametrize(("text", "kept"), [
    # A first name opening a sentence makes the place after it a surname, as anywhere else...
    ("Maria Bogota, the agency's spokeswoman, said so. Later, Bogota said more.", []),
    ("Peter Kimberley led the inquiry in Perth. Kimberley said the mine was safe.", ["Perth"]),
    # ...unless the first name is also a function word that opens sentences.
    ("In Goma, aid arrived. An Osaka court ruled. Will Chile agree?",
     ["Goma", "Osaka", "Chile"]),
    # ... nor before a country or state, which is no surname
    ("Tiny Luxembourg voted. India Pakistan talks resumed.",
     ["Luxembourg", "India", "Pakistan"]),
])
def test_a_first_name_opening_a_sentence_makes_the_next_name_a_surname(recogniser, text, kept):
    assert [m[0] for m in found(recogniser, text)] == kept


@pytest.mark.parametrize(("text", "name"), [
    # A first name is one word: a name of two words before a title is a place's...
    ("Deputies of the DeKalb County Sheriff's Office found the car.", "DeKalb County"),
    ("The Santa Ana Unified School District closed two schools.", "Santa Ana"),
    ("Officers from the Cape Town Metro Police attended.", "Cape Town"),
    # A notable place that is no first name is no person's either.
    ("The Texas Comptroller released the figures.", "Texas"),
    ("Aid came from the Ontario Ministry of Health.", "Ontario"),
])
def test_a_name_before_a_title_is_no_person_unless_it_can_be_a_first_name(
        recogniser, text, name):
    assert name in [m[0] for m in found(recogniser, text)]


def test_metonyms_stand_for_their_governments(recogniser):
    result = found(recogniser, "Washington said it would help. Downing Street declined to "
                               "comment, and the Kremlin warned Paris.")
    by_text = {text: (name, how) for text, name, how in result}
    assert by_text["Washington"] == ("United States", "metonym")
    assert by_text["Downing Street"] == ("United Kingdom", "metonym")
    assert by_text["Kremlin"] == ("Russia", "metonym")
    assert by_text["Paris"][0] == "Paris"


def test_demonyms_and_plurals(recogniser):
    result = found(recogniser, "Two Britons, a Norwegian and three Algerians were freed.")
    assert [(t, n) for t, n, _ in result] == [("Britons", "United Kingdom"),
                                             ("Norwegian", "Norway"), ("Algerians", "Algeria")]
    assert {how for _, _, how in result} == {"demonym"}


@pytest.mark.parametrize("text, places", [
    ("Police found the car on Memphis Street in Nairobi.", ["Nairobi"]),
    ("Flood water rose along the Neches River near Lima on Sunday.", ["Lima"]),
    ("Pupils of Lewis Elementary were moved to Perth for the night.", ["Perth"]),
    ("The fire spread from Cairo Road to Stockholm University buildings.", []),
])
def test_a_town_named_in_a_street_river_or_school_is_not_the_town(recogniser, text, places):
    assert [m[0] for m in found(recogniser, text)] == places


@pytest.mark.parametrize("text, places", [
    ("Lassa fever has killed five people in Benin.", ["Benin"]),
    ("Cases of Japanese encephalitis rose in Assam.", ["Assam"]),
    ("Lyme disease is spreading north into Quebec.", ["Quebec"]),
    ("Saudi Arabia reported two deaths from Middle East respiratory syndrome.", ["Saudi Arabia"]),
    ("Marburg virus was confirmed in Ghana, and Rift Valley fever in Kenya.", ["Ghana", "Kenya"]),
])
def test_a_disease_named_after_a_place_is_not_the_place(recogniser, text, places):
    assert [m[0] for m in found(recogniser, text)] == places


@pytest.mark.parametrize(("text", "town"), [
    ("Police in Gary, Indiana, arrested two men.", "Gary"),
    ("The festival in Normal, Illinois, drew crowds.", "Normal"),
])
def test_an_everyday_word_followed_by_its_state_is_the_town(recogniser, text, town):
    assert (town, town, "name") in found(recogniser, text)


@pytest.mark.parametrize(("text", "town"), [
    ("A tornado tore through Moore, a suburb just south of Oklahoma City.", "Moore"),
    ("The fire burned homes in Superior, about 7 miles (11 km) southeast of Boulder.",
     "Superior"),
    ("Page, near the Utah line, got a foot of snow.", "Page"),
])
def test_an_everyday_word_said_to_be_a_place_is_the_town(recogniser, text, town):
    assert (town, town, "name") in found(recogniser, text)


@pytest.mark.parametrize("text", [
    # the end of a longer name geo does not know: no town of New York, none of Texas
    "Police on the Akwesasne Mohawk territory seized cigarettes.",
    "The minister met Condoleezza Rice on Monday.",
])
def test_a_name_after_a_word_that_is_no_place_ends_an_unknown_name(recogniser, text):
    assert found(recogniser, text) == []


def test_in_after_a_dateline_s_state_and_dash_is_no_first_name(recogniser):
    names = [m[1] for m in found(recogniser, "NASHVILLE, Tenn. - In Williamson County, the "
                                             "river rose.")]
    assert "Williamson County" in names


def test_an_everyday_word_before_a_border_is_no_town(recogniser):
    assert [m[1] for m in found(recogniser, "Snow, along the Canadian border, could total a "
                                            "foot.")] == ["Canada"]


def test_a_notable_place_after_a_word_that_is_no_place_is_still_the_place(recogniser):
    # "Anglophone" and "Reuters" are no places, and Cameroon and Moscow are
    names = {m[1] for m in found(recogniser, "Unrest spread in Anglophone Cameroon. A source "
                                             "told Reuters Moscow would act.")}
    assert {"Cameroon", "Moscow"} <= names


def test_a_title_ending_a_sentence_is_no_title_of_the_next_name(recogniser):
    names = [m[1] for m in found(recogniser, "Agents arrested the mayor. Deming got snow. "
                                             "Mayor Deming said so.")]
    assert names == ["Deming"]


def test_an_everyday_word_s_plural_opening_a_sentence_is_no_town(recogniser):
    assert found(recogniser, "Hunters who could not find rooms slept in their trucks.") == []


def test_a_dateline_s_state_abbreviated_like_a_title_is_no_title(recogniser):
    # "Miss." is Mississippi there, as AP writes it, not the title of the name after it
    names = [m[1] for m in found(recogniser, "JACKSON, Miss. - Tupelo officials said the plant "
                                             "will close. Miss. Tupelo said so too.")]
    assert names.count("Tupelo") == 1


def test_the_arabic_article_before_a_hyphen_is_inside_the_name(recogniser):
    assert [m[0] for m in found(recogniser, "Shelling hit Deir ez-Zor and Jisr ash-Shughur.")
            ] == ["Deir ez-Zor", "Jisr ash-Shughur"]


def test_a_unit_after_a_town_is_the_unit_that_holds_it(recogniser):
    # Blaine, Washington lies on the Canadian line; Blaine, Minnesota is bigger.
    read = {m.mention.text: m.place for m in resolve(
        recogniser.mentions("Blaine, Washington, sits on the border."),
        "Blaine, Washington, sits on the border.")}
    assert (read["Blaine"].admin1, read["Washington"].kind) == ("Washington", "admin1")


def test_a_unit_said_to_hold_a_town_in_an_apposition_is_that_unit(recogniser):
    text = "Spokane, in western Washington, issued a burn ban."
    read = {m.mention.text: m.place for m in resolve(recogniser.mentions(text), text)}
    assert (read["Spokane"].admin1, read["Washington"].kind) == ("Washington", "admin1")


@pytest.mark.parametrize(("text", "word", "state"), [
    # Williams, Arizona lies 49 km west of Flagstaff; the bigger Williams is California's.
    ("Locations include Flagstaff and Williams, 30 miles west of Flagstaff.", "Williams",
     "Arizona"),
    # Ferndale, California lies 26 km from Eureka; Michigan's Ferndale is the bigger.
    ("The quake was centered near Ferndale, about 16 miles south-southwest of Eureka.",
     "Ferndale", "California"),
])
def test_a_measure_between_two_names_chooses_the_readings_it_fits(recogniser, text, word,
                                                                   state):
    read = {m.mention.text: m.place for m in resolve(recogniser.mentions(text), text)}
    assert read[word].admin1 == state


@pytest.mark.parametrize(("text", "kept"), [
    # Butte La Rose is a Louisiana hamlet, not Butte, Montana and Larose; Blue Ridge Parkway a
    # road.
    ("Water flowed toward Butte La Rose on Saturday.", []),
    ("Traffic stopped on the Blue Ridge Parkway.", []),
    # A town and its state or country with only a space between are both places.
    ("Crowds gathered in Nairobi Kenya and Goma Congo.", ["Nairobi", "Kenya", "Goma", "Congo"]),
])
def test_names_that_run_on_into_each_other_are_one_unknown_name(recogniser, text, kept):
    assert [m[0] for m in found(recogniser, text)] == kept


def test_a_country_after_a_town_stays_the_country(recogniser):
    # Toluca lies in the State of México, which the country's name is no reading of here.
    text = "Toluca, in central Mexico, flooded."
    read = {m.mention.text: m.place for m in resolve(recogniser.mentions(text), text)}
    assert read["Mexico"].kind == "country"


def test_a_comma_after_counties_opens_no_list(recogniser):
    text = "Of the state's 254 counties, Houston and Dallas reported the most cases."
    assert {m.place.kind for m in resolve(recogniser.mentions(text), text)} == {"city"}


def test_a_bare_compass_word_is_a_direction_not_a_region(recogniser):
    text = ("Storms moved North from Mexico. Central districts lost power, Western ones not, "
            "and the East stayed dry; South Africa and North Korea sent help.")
    assert [m[0] for m in found(recogniser, text)] == ["Mexico", "South Africa", "North Korea"]


def test_everyday_words_are_not_small_places(recogniser):
    text = "One man said: We will march in March. But Police Street is closed in Nice."
    names = [m[0] for m in found(recogniser, text)]
    assert names == ["Nice"]


def test_context_picks_the_right_namesake(recogniser):
    louisiana = dict((t, (n, cc)) for t, n, cc in
                     [(m.mention.text, m.place.name, m.place.country_code)
                      for m in resolve(recogniser.mentions(
                          "Alexandria police arrested a man near Pineville, Louisiana."))])
    assert louisiana["Alexandria"] == ("Alexandria", "US")
    egypt = {m.mention.text: m.place.country_code for m in resolve(recogniser.mentions(
        "Protests spread from Cairo to Alexandria in Egypt."))}
    assert egypt["Alexandria"] == "EG"


@pytest.mark.parametrize("city, country", [
    ("Mosul", "IQ"), ("Edmonton", "CA"), ("Auckland", "NZ"), ("Västerås", "SE"),
    ("Brisbane", "AU"), ("Los Angeles", "US")])
def test_a_city_outranks_the_district_named_after_it(recogniser, city, country):
    # The district's population is the sum of its towns', the city's own is smaller.
    resolved = resolve(recogniser.mentions(f"Roads into {city} were closed on Monday."))
    assert [(m.place.kind, m.place.country_code) for m in resolved] == [("city", country)]


def test_a_small_town_close_to_a_sure_one_is_credible(recogniser):
    # Mansfield, Louisiana (about 5,000 people) is 50 km from Shreveport; the US is never named
    # but Canada is, so without the neighbour the small town would look like a coincidence.
    text = ("A pastor from Mansfield met Shreveport police on Monday. Mansfield officers "
            "later flew to Canada.")
    places = {m.mention.text: (m.place.admin1, m.place.country_code)
              for m in resolve(recogniser.mentions(text))}
    assert places["Mansfield"] == ("Louisiana", "US")


def test_the_country_of_the_sure_towns_stands_in_for_a_country_never_named(recogniser):
    # Local news names no country. "Titan" (here a company) is also an Afghan village: with
    # two sure towns in the US, a small place elsewhere needs evidence of its own.
    text = ("The council in Shreveport met on Monday. Titan, a drilling firm, won a permit "
            "for a site near Bossier City.")
    assert [m.mention.text for m in resolve(recogniser.mentions(text))] == [
        "Shreveport", "Bossier City"]


@pytest.mark.parametrize("text, place", [
    ("HUDSON -- Officials in central Illinois found the car.", "Hudson"),
    ("ATLANTA - A former leader of the group spoke on Monday.", "Atlanta"),
    ("PARIS (AP) — Rail workers walked out on Monday.", "Paris"),
    ("LAGOS, Nigeria - Fuel queues grew on Monday.", "Lagos"),
])
def test_a_datelines_town_is_a_place_whatever_the_word(recogniser, text, place):
    # "Hudson" and "Atlanta" are everyday words too, and an all-capital word of five
    # letters or fewer is read as an acronym anywhere else.
    assert found(recogniser, text)[0][:2] == (text.split()[0].rstrip(","), place)


def test_a_county_named_votes_for_its_towns(recogniser):
    # Athens alone is the Greek capital; with Clarke County named it is the town in Georgia.
    places = {m.mention.text: (m.place.admin1, m.place.country_code)
              for m in resolve(recogniser.mentions(
                  "Athens police and Clarke County deputies searched the woods."))}
    assert places["Athens"] == ("Georgia", "US")


@pytest.mark.parametrize("state", ["Iowa", "Idaho", "Utah", "Hawaii"])
def test_a_state_is_no_evidence_for_its_own_namesake_county(recogniser, state):
    # Iowa County, Iowa lies in the state the same word names; the word alone means the state.
    kinds = {m.place.kind for m in resolve(recogniser.mentions(
        f"Floods hit {state} on Monday, officials in {state} said."))}
    assert kinds == {"admin1"}


def test_abbreviations_keep_their_dots():
    assert tokens("The U.S. and W.Va. met St. Louis")[2] == [
        "The", "U.S.", "and", "W.Va.", "met", "St", "Louis"]


def test_multiword_and_abbreviated_names(recogniser):
    result = found(recogniser, "He moved from St. Petersburg to Bosnia and Herzegovina, "
                               "then to Charleston, W.Va. and the U.S. capital.")
    texts = [t for t, _, _ in result]
    assert "St. Petersburg" in texts and "Bosnia and Herzegovina" in texts
    assert "W.Va." in texts and "U.S." in texts


@pytest.mark.parametrize("text, written, name", [
    ("Measles spread in the Democratic Republic of the Congo last year.",
     "Democratic Republic of the Congo", "Democratic Republic of the Congo"),
    ("Aid reached the Republic of the Congo by river.", "Republic of the Congo",
     "Republic of the Congo"),
    ("Fishing boats left the Isle of Man at dawn.", "Isle of Man", "Isle of Man"),
])
def test_a_name_may_hold_lower_case_words(recogniser, text, written, name):
    assert [(w, n) for w, n, _ in found(recogniser, text)] == [(written, name)]


@pytest.mark.parametrize("text, congo", [
    ("Measles spread in the Democratic Republic of the Congo. In Congo, 40 died.",
     "Democratic Republic of the Congo"),
    ("Aid reached the Republic of the Congo by river. In Congo, 40 died.",
     "Republic of the Congo"),
    # alone, the larger country, as AP and Reuters style write it ("Congo Republic" for the
    # other)
    ("Cholera spread in Angola. In Congo, 40 died.", "Democratic Republic of the Congo"),
    ("Measles spread in the Democratic Republic of Congo. In Congo, 40 died.",
     "Democratic Republic of the Congo"),
])
def test_a_short_form_is_the_country_the_article_names_in_full(recogniser, text, congo):
    assert [n for w, n, _ in found(recogniser, text) if w == "Congo"] == [congo]


@pytest.mark.parametrize("text, place", [
    ("The village lies 20 km south of Bath, police said.", ("Bath", "GB")),
    ("Flooding hit a town 15 kilometres west of Manly.", ("Manly", "AU")),
    ("The farm is about 60 miles north-west of Liberal, Kansas.", ("Liberal", "US")),
])
def test_the_far_end_of_a_measured_distance_is_a_place_though_an_everyday_word(
        recogniser, text, place):
    assert place in [(m.mention.text, m.place.country_code)
                     for m in resolve(recogniser.mentions(text))]


@pytest.mark.parametrize("text", ["Bath reopened on Monday.", "The Alliance met in Lincoln.",
                                  "They bought the bathroom from United Concrete.",
                                  "\"I'm from Liberal,\" she said in Lincoln."])
def test_everyday_words_without_a_distance_before_them_are_no_places(recogniser, text):
    assert {m.mention.text for m in resolve(recogniser.mentions(text))} <= {"Lincoln"}


@pytest.mark.parametrize("text", ["BATH: The council met on Monday.",
                                  "BATH - The council met on Monday."])
def test_a_dateline_ends_with_a_dash_or_a_colon(recogniser, text):
    assert [(w, n) for w, n, _ in found(recogniser, text)] == [("BATH", "Bath")]


def test_a_name_is_no_evidence_for_its_own_country(recogniser):
    # "St. Louis" also names a region of Senegal, and that reading alone must not make Senegal
    # a country the article names, for the Senegalese town to win over the American city.
    text = "Officials in the United States said flights to St. Louis resumed."
    assert ("St. Louis", "US") in [(m.mention.text, m.place.country_code)
                                   for m in resolve(recogniser.mentions(text))]


@pytest.mark.parametrize(("text", "word", "country"), [
    # Among other states, a state's name is the state, though it is also the name of a less
    # populous country...
    ("Samples from a farm in Alabama went to Ames, Iowa, and to a lab in Georgia.", "Georgia",
     "US"),
    # ... but not where the article names no other unit of that country...
    ("The United States and Georgia signed a defence pact in Tbilisi.", "Georgia", "GE"),
    ("Russian troops remain in Georgia, the Kremlin said.", "Georgia", "GE"),
    # ... nor where the article names a place in the country, or a neighbour of it
    ("Protesters in Tbilisi, Georgia, marched as Florida and Texas lawmakers debated.",
     "Georgia", "GE"),
    ("A Texas company said Georgia, which borders Russia, would host the pipeline.", "Georgia",
     "GE"),
    # ... nor where the country is the more populous (Niger State is Nigeria's).
    ("Fighters fled Borno and Yobe states into Niger.", "Niger", "NE"),
])
def test_a_country_named_like_a_unit_of_the_article_s_country_is_that_unit(
        recogniser, text, word, country):
    assert {m.place.country_code for m in resolve(recogniser.mentions(text), text)
            if m.mention.text == word} == {country}


@pytest.mark.parametrize(("text", "word", "place"), [
    # The town a report is filed from settles the places near it, also when it is named again.
    ("PARIS: Talks resumed in Paris. Lyon and Orleans voted.", "Orleans", ("Orléans", "FR")),
    # ... but is no evidence for the county or province named after it.
    ("WINONA, Minn. - The council met in Winona on Monday.", "Winona", ("Winona", "US")),
])
def test_a_dateline_settles_its_neighbours_not_its_namesakes(recogniser, text, word, place):
    readings = {(m.place.name, m.place.country_code)
                for m in resolve(recogniser.mentions(text)) if m.mention.text == word}
    assert readings == {place}


def test_a_dateline_s_province_is_the_province_whatever_the_article_names(recogniser):
    # Ontario is a province and a town of Ohio; the dateline's town, Niagara Falls, is the
    # province's
    text = ("NIAGARA FALLS, Ontario - Officials say American visitors from New York and Ohio "
            "are back.")
    readings = {(m.place.name, m.place.kind, m.place.country_code)
                for m in resolve(recogniser.mentions(text), text) if m.mention.text == "Ontario"}
    assert readings == {("Ontario", "admin1", "CA")}


def test_a_dateline_s_town_unknown_in_its_province_is_no_namesake_elsewhere(recogniser):
    # The gazetteer has Emersons in the United States, none in Manitoba
    text = "EMERSON, Manitoba - Asylum seekers kept coming."
    assert [m.place.name for m in resolve(recogniser.mentions(text), text)] == ["Manitoba"]


def test_an_everyday_word_before_its_state_s_abbreviation_is_the_town(recogniser):
    text = "Storms hit the coast. Mobile, Ala., got 10 inches of rain."
    assert ("Mobile", "Mobile", "name") in found(recogniser, text)


def test_a_colon_after_a_speakers_name_deep_in_a_text_is_no_dateline(recogniser):
    text = "x " * 150 + "MARTIN: Good morning."
    assert not any(m.dateline for m in recogniser.mentions(text))



@pytest.mark.parametrize(("text", "name", "times"), [
    ("Given Tunisia's challenges, the plan is bold. Later, Tunisia agreed to it.", "Tunisia", 2),
    ("Aid reached the SOS Children's Village Malakal. Planes flew into Khartoum and Malakal.",
     "Malakal", 2),
])
def test_an_everyday_word_before_a_place_makes_it_no_surname(recogniser, text, name, times):
    # A capitalised everyday word that is no first name ("Given", "Village") before a name is
    # part of some other name, not a person's: the name stays a place for the rest of the text.
    assert [w for w, _, _ in found(recogniser, text)].count(name) == times


@pytest.mark.parametrize("text, counties", [
    # Harvey and Harper are first names, Kingman a town in Arizona; Harper County is also in
    # Oklahoma: the three counties together are Kansas's.
    ("Barns collapsed in Harvey, Harper and Kingman counties.",
     [("Harvey", "Harvey County", "Kansas"), ("Harper", "Harper County", "Kansas"),
      ("Kingman", "Kingman County", "Kansas")]),
    # Two lists, two states; "Georgia" ends the second list, which it does not belong to.
    ("Volunteers from Camden and Charlton counties in Georgia and Nassau and Baker counties "
     "in Florida took part.",
     [("Camden", "Camden County", "Georgia"), ("Charlton", "Charlton County", "Georgia"),
      ("Nassau", "Nassau County", "Florida"), ("Baker", "Baker County", "Florida")]),
    ("Roads closed in Otter Tail, Clay and Wilkin counties.",
     [("Otter Tail", "Otter Tail County", "Minnesota"), ("Clay", "Clay County", "Minnesota"),
      ("Wilkin", "Wilkin County", "Minnesota")]),
    ("Levees held in Pointe Coupee and Iberville parishes.",
     [("Pointe Coupee", "Pointe Coupee Parish", "Louisiana"),
      ("Iberville", "Iberville Parish", "Louisiana")]),
    # After the noun: DeKalb and Clayton are also towns (in Illinois and in Georgia), Fort Bend
    # a county of Texas only, Montgomery and Galveston also Texas counties.
    ("Fulton County and the surrounding counties of Cobb, DeKalb and Clayton were warned.",
     [("Fulton County", "Fulton County", "Georgia"), ("Cobb", "Cobb County", "Georgia"),
      ("DeKalb", "DeKalb County", "Georgia"), ("Clayton", "Clayton County", "Georgia")]),
    ("Rain fell on counties such as Fort Bend, Montgomery and Galveston.",
     [("Fort Bend", "Fort Bend County", "Texas"), ("Montgomery", "Montgomery County", "Texas"),
      ("Galveston", "Galveston County", "Texas")]),
])
def test_a_list_before_counties_names_counties(recogniser, text, counties):
    places = [(m.mention.text, m.place.name, m.place.admin1)
              for m in resolve(recogniser.mentions(text)) if m.place.kind == "admin2"]
    assert places == counties


def test_one_name_before_counties_is_no_list(recogniser):
    # "Northeast Georgia counties": a region's counties, not a county called Georgia.
    text = "Two Northeast Georgia counties remain among the fastest-growing counties."
    assert all(m.place.kind != "admin2" for m in resolve(recogniser.mentions(text)))


def test_a_small_town_with_a_states_name_as_an_alias_is_not_the_state(recogniser):
    # Minneota, a town of 1,400 near Swift and Chippewa counties, has "Minnesota" among its
    # alternate names; the state's own name is no vote for it.
    text = "Roads closed in Swift and Chippewa counties. Minnesota officials said more rain is due."
    places = {m.mention.text: m.place for m in resolve(recogniser.mentions(text))}
    assert (places["Minnesota"].name, places["Minnesota"].kind) == ("Minnesota", "admin1")


@pytest.mark.parametrize(("text", "words"), [
    # Oklahoma City has "Oklahoma" among its alternate names; New York City "New York".
    ("Storms hit Oklahoma on Monday.", "Oklahoma"),
    # A list of states ("Vermont and New Hampshire" are states only).
    ("The storm crossed New York, Vermont and New Hampshire.", "New York"),
    # Oklahoma has a Texas County and a village called Kansas (under 1,000 people).
    ("Storms hit Oklahoma, Texas and Kansas on Monday.", "Texas"),
    ("Storms hit Oklahoma, Texas and Kansas on Monday.", "Kansas"),
])
def test_a_states_own_name_means_the_state_not_a_namesake_in_it(recogniser, text, words):
    places = {m.mention.text: m.place for m in resolve(recogniser.mentions(text))}
    assert (places[words].name, places[words].kind) == (words, "admin1")


@pytest.mark.parametrize("text", [
    # The State of México is named like its country; Mexico City and Kuwait City have the
    # country's name as an alias.
    "A measles case was confirmed in McAllen, near the Texas-Mexico border.",
    "Flights from Kuwait to Cairo resumed on Monday.",
])
def test_a_countrys_own_name_means_the_country_not_a_namesake_in_it(recogniser, text):
    countries = [m.place for m in resolve(recogniser.mentions(text))
                 if m.mention.text in ("Mexico", "Kuwait")]
    assert [place.kind for place in countries] == ["country"]


def test_a_town_and_the_county_it_is_said_to_be_in_choose_each_other(recogniser):
    # Nogales, Arizona, is in Santa Cruz County, Arizona; alone, "Nogales" is likelier the
    # bigger town in Sonora and "Santa Cruz County" California's.
    text = "Nogales, a city of 20,000 in Santa Cruz County, reopened its port of entry."
    places = {m.mention.text: m.place for m in resolve(recogniser.mentions(text))}
    assert (places["Nogales"].country_code, places["Nogales"].admin1) == ("US", "Arizona")
    assert places["Santa Cruz County"].admin1 == "Arizona"


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    # Oregon, Washington and Georgia are also towns (Oregon, Ohio) and a country; in a list of
    # US states they are states, and Georgia in a list of countries is the country.
    ("Cases were reported in Arizona, Ohio, Oregon, Texas and Wisconsin.", "Oregon", "admin1",
     "US"),
    ("Cases were reported in Idaho, Montana, Washington and Wyoming.", "Washington", "admin1",
     "US"),
    ("Cases were reported in Alabama, Florida, Georgia and Tennessee.", "Georgia", "admin1",
     "US"),
    ("Flights to Armenia, Azerbaijan, Georgia and Iran were cancelled.", "Georgia", "country",
     "GE"),
])
def test_a_place_in_a_list_is_of_the_list_s_kind(pipeline, text, name, kind, country):
    (place,) = [m.place for m in pipeline.resolved_mentions(text) if m.mention.text == name]
    assert (place.kind, place.country_code) == (kind, country)


@pytest.mark.parametrize(("text", "found"), [
    # NSW is New South Wales' ISO 3166-2 code, and how Australian news writes it; CNN is
    # Cunene's (Angola), and a news channel in an article that names no Angola.
    ("Horses were infected in NSW and Queensland.", ["NSW", "Queensland"]),
    ("CNN reported the fire in Chicago.", ["Chicago"]),
    ("The U.N. said so at 5 P.M. in Geneva.", ["Geneva"]),
])
def test_a_first_level_unit_by_its_code(pipeline, text, found):
    assert [m.mention.text for m in pipeline.resolved_mentions(text)] == found


@pytest.mark.parametrize(("text", "state"), [
    # Each name is also a bigger town elsewhere (Bangor, Northern Ireland; Portland, Oregon;
    # Concord, California; Manchester, England); the two of each sentence lie within 200 km
    # of each other in one state.
    ("Bangor and Portland both reported snow.", "Maine"),
    ("Concord and Manchester both reported snow.", "New Hampshire"),
])
def test_two_towns_in_doubt_are_read_near_each_other(pipeline, text, state):
    assert {m.place.admin1 for m in pipeline.resolved_mentions(text)} == {state}


def test_counties_named_together_lie_in_one_state(recogniser):
    # Oconee and Clarke counties (Athens) are neighbours in Georgia; South Carolina has an
    # Oconee County but no Clarke County.
    text = "Oconee County and Clarke County schools closed."
    states = {m.mention.text: m.place.admin1 for m in resolve(recogniser.mentions(text))}
    assert states == {"Oconee County": "Georgia", "Clarke County": "Georgia"}


@pytest.mark.parametrize(("text", "names"), [
    # Cox's Bazar is a Bangladeshi town whose name holds a possessive.
    ("Rohingya camps near Cox's Bazar are full.", ["Cox's Bazar"]),
    # A possessive that is no part of a name still ends one.
    ("Algeria's Tamanrasset region was hot.", ["Algeria", "Tamanrasset"]),
])
def test_a_possessive_inside_a_name(recogniser, text, names):
    assert [m.text for m in recogniser.mentions(text)] == names


def test_a_storm_s_name_is_no_place(recogniser):
    # Irene (Texas), Florence (South Carolina) and Cyclone (a hamlet) share names with storms.
    text = ("Tropical Storm Irene flooded Brattleboro, Vermont, as Hurricane Florence would "
            "Wilmington, North Carolina. Cyclone Nargis hit Yangon.")
    assert [m[0] for m in found(recogniser, text)] == [
        "Brattleboro", "Vermont", "Wilmington", "North Carolina", "Yangon"]


def test_a_county_s_towns_are_evidence_for_its_namesake_city_too(recogniser):
    # Fabens lies in El Paso County, nearer the county's middle than the city of El Paso; the
    # dateline still names the city.
    text = "EL PASO, Texas - Deputies in Fabens reported gunfire on Tuesday."
    assert found(recogniser, text)[0][1] == "El Paso"


def test_a_town_before_the_district_of_its_name_and_size(recogniser):
    # Brazil's municipalities share their towns' names, points and populations.
    text = "RECIFE, Brazil - Doctors in Pernambuco state have recorded 1,236 cases."
    assert resolve(recogniser.mentions(text))[0].place.kind == "city"


@pytest.mark.parametrize(("text", "name"), [
    ("Officials in Hurricane, Utah, said the road was closed.", "Utah"),
    ('"It was awful," said Sgt. Mike Storm, Denver police spokesman.', "Denver"),
    ("During the Great Depression, Detroit lost half its jobs.", "Detroit"),
])
def test_a_storm_word_names_only_the_word_right_after_it(recogniser, text, name):
    assert name in [m[1] for m in found(recogniser, text)]


def test_a_dash_with_spaces_parts_names_where_a_hyphen_joins_them(recogniser):
    # "Wal-Mart" is one word, no place; a dateline's " - " is no hyphen.
    assert [m[1] for m in found(recogniser, "DECORAH - Winneshiek County supervisors met.")] == [
        "Decorah", "Winneshiek County"]
    assert [m[1] for m in found(recogniser, "Shoppers crowded the Wal-Mart on Monday.")] == []


def test_a_town_s_county_after_it_says_it_is_the_town(recogniser):
    # "Spencer" is an everyday word too; the county it lies in, named after it, settles it.
    assert [m[1] for m in found(recogniser, "The meeting in Spencer, in Clay County, was the "
                                            "last of six.")][:2] == ["Spencer", "Clay County"]


@pytest.mark.parametrize(("text", "name"), [
    ("Trucks reach Mazar-i-Sharif in under two hours.", "Mazār-e Sharīf"),
    ("Post Falls grew faster than Coeur d'Alene last year.", "Coeur d'Alene"),
    ("RESERVE, N.M. - Reserve, the county seat, remained under notice.", "Reserve"),
])
def test_names_with_an_ezafe_an_elided_article_or_a_seat_after_them(recogniser, text, name):
    assert name in [m[1] for m in found(recogniser, text)]


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    # Donetsk the city is bigger than its oblast's other towns and Russia has a Donetsk too;
    # the word after the name says it is the oblast.
    ("Shelling hit Donetsk oblast and Luhansk oblast on Tuesday.", "Donetsk", "admin1", "UA"),
    ("Floods cut roads in Balkh province overnight.", "Balkh", "admin1", "AF"),
    ("The governor of New York state signed the bill.", "New York", "admin1", "US"),
    ("Unemployment in Sindh province rose.", "Sindh", "admin1", "PK"),
    # "region" after a US city is its metropolitan area, not a unit.
    ("Jobs in the Charlotte region grew by 2 per cent.", "Charlotte", "city", "US"),
])
def test_a_unit_s_type_after_its_name_says_it_is_the_unit(pipeline, text, name, kind, country):
    (place,) = {m.place for m in pipeline.resolved_mentions(text) if m.mention.text == name}
    assert (place.kind, place.country_code) == (kind, country)


def test_the_city_and_the_province_of_one_name_are_two_places(pipeline):
    # One sense per article holds for the same words, not for words the text says differ.
    text = ("Taliban fighters overran a district in Kandahar province on Monday. In the city "
            "of Kandahar, police closed the main market.")
    kinds = {m.mention.start: m.place.kind for m in pipeline.resolved_mentions(text)
             if m.mention.text == "Kandahar"}
    assert sorted(kinds.values()) == ["admin1", "city"]


def test_an_everyday_word_opening_a_sentence_before_a_measure_to_the_far_end(recogniser):
    # "Mobile" is an everyday word; a distance and bearing after it say it is the place.
    text = ("PENSACOLA, Fla. - Roads flooded in Pensacola. Mobile, about 60 miles to the west, "
            "closed its schools.")
    assert "Mobile" in [m[1] for m in found(recogniser, text)]


def test_the_agency_in_a_dateline_is_no_place(recogniser):
    # Xinhua is a town in Yunnan too.
    names = [m[1] for m in found(recogniser, "NAIROBI, March 3 (Xinhua) -- Kenya said so.")]
    assert "Xinhua" not in names and "Nairobi" in names


def test_a_dateline_s_spaced_hyphen_opens_a_sentence(recogniser):
    # "In" is a first name in mid-sentence ("In Jaffna" would be a person); after a dateline's
    # dash it opens the sentence.
    assert "Bosaso" in [m[1] for m in found(recogniser, "GAROWE - In Bosaso, fishermen said.")]


@pytest.mark.parametrize(("text", "country"), [
    # "Congo" names either country in news; the one that holds the article's towns is meant.
    ("BRAZZAVILLE - Congo said the outbreak was over.", "CG"),
    ("GOMA, Congo (Reuters) - Congo said the outbreak was spreading.", "CD"),
])
def test_congo_is_the_congo_of_the_article_s_towns(pipeline, text, country):
    assert {m.place.country_code for m in pipeline.resolved_mentions(text)
            if m.mention.text == "Congo"} == {country}
