"""US states and counties as claim ends: Census Bureau outlines from us-atlas (geo.admin_areas).

The truths asserted are geography anyone can check on a map of the United States, not values
read back from geo: which states touch, where towns lie within their state.
"""

import pytest
import shapely

from geo import admin_areas, base_layers
from geo.claims import Relation
from geo.source import read_article
from geo.targets import AdminAreaTarget, AdminBorderTarget, RegionTarget
from geo.verdicts import Status


def claims_in(pipeline, text):
    analysis = pipeline.analyse(read_article(text.encode()))
    return [(c.claim, v) for c, v in zip(analysis.found_claims, analysis.verdicts, strict=True)]


def test_the_layers_hold_every_state_and_county():
    assert admin_areas.area("US-39").name == "Ohio"
    assert admin_areas.area("US-31047").describe() == "Dawson, Nebraska"
    with pytest.raises(KeyError):
        admin_areas.area("US-99")


@pytest.mark.parametrize(("a", "b", "touch"), [
    ("US-39", "US-18", True),    # Ohio, Indiana
    ("US-39", "US-26", True),    # Ohio, Michigan
    ("US-39", "US-17", False),   # Ohio, Illinois: Indiana lies between
    ("US-44", "US-25", True),    # Rhode Island, Massachusetts
    ("US-49", "US-08", True),    # Utah, Colorado: the Four Corners, and a long line too
    ("US-04", "US-08", False),   # Arizona, Colorado: only the Four Corners point
])
def test_states_share_a_line_where_the_map_says(a, b, touch):
    assert (admin_areas.shared_boundary_km(a, b) > 1) is touch


def test_every_outline_is_a_valid_area():
    for layer in ("us_states", "us_counties"):
        outlines = base_layers.geometries(layer)
        assert set(shapely.get_type_id(outlines)) <= {3, 6}  # Polygon, MultiPolygon
        assert shapely.is_valid(outlines).all()


def test_counties_whose_rings_were_repaired_keep_their_neighbours():
    # Stanislaus and Merced, in California's Central Valley, meet along a long line.
    assert admin_areas.shared_boundary_km("US-06099", "US-06047") > 50


def test_states_that_meet_on_water_are_not_called_apart(pipeline):
    # Michigan and Illinois meet in Lake Michigan; the Census outlines stop at the shore.
    found = {c.reference.describe(): v.status
             for c, v in claims_in(pipeline, "Michigan borders Illinois and Indiana.")}
    assert found == {"Illinois": Status.UNVERIFIABLE, "Indiana": Status.CONSISTENT}


@pytest.mark.parametrize(("text", "status"), [
    # An area is near a line by its outline: Tennessee touches Virginia; Cochise County,
    # Arizona, lies along the Mexican border; Sangamon County (Springfield) lies some 70 km
    # from the Mississippi, Illinois' line with Missouri.
    ("Tennessee lies near the Virginia border.", Status.CONSISTENT),
    ("Cochise County, along the Mexican border, declared an emergency.", Status.CONSISTENT),
    ("Sangamon County, on the Missouri line, got the most rain.", Status.INCONSISTENT),
])
def test_an_area_near_a_border_by_its_outline(pipeline, text, status):
    found = [v for _, v in claims_in(pipeline, text)]
    assert [v.status for v in found] == [status]


def test_a_town_abroad_has_no_state_border_of_its_own(pipeline):
    text = ("Arizona officials in Phoenix, Arizona said so. Migrants gathered in Hermosillo, "
            "near the California border.")
    assert all(v.status is not Status.INCONSISTENT for _, v in claims_in(pipeline, text))


@pytest.mark.parametrize("text", [
    # Valdosta lies in southern Georgia, the US state; far outside Georgia, the country. The
    # state holds the town, so it is read first; read as the country, the state is a reading.
    "Valdosta is a city in southern Georgia.",
    "Valdosta, Ga., is a city in southern Georgia.",
])
def test_a_state_that_shares_a_country_s_name_is_a_reading_of_it(pipeline, text):
    ((_, verdict),) = claims_in(pipeline, text)
    assert verdict.status is Status.CONSISTENT or (
        verdict.status is Status.UNVERIFIABLE and "Georgia" in verdict.reason)


def test_a_point_finds_its_state():
    assert admin_areas.state_at(41.50, -81.69) == "US-39"      # Cleveland, Ohio
    assert admin_areas.state_at(25.0, -40.0) is None            # the Atlantic


@pytest.mark.parametrize(("text", "status"), [
    ("Cases rose in Ohio. Ohio officials said two more were found in neighboring Indiana.",
     Status.CONSISTENT),
    ("Cases rose in Ohio. Ohio officials said two more were found in neighboring Iowa.",
     Status.INCONSISTENT),
])
def test_neighbouring_state_of_the_article(pipeline, text, status):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert claim.relation is Relation.ADJACENCY
    assert isinstance(claim.subject, AdminAreaTarget) and claim.subject.area == "US-39"
    assert verdict.status is status


def test_a_state_borders_a_list_of_states(pipeline):
    found = claims_in(pipeline, "Oregon borders Idaho, Nevada and Utah.")
    statuses = {claim.reference.describe(): verdict.status for claim, verdict in found}
    # Utah is a state away, beyond Idaho and Nevada.
    assert statuses == {"Idaho": Status.CONSISTENT, "Nevada": Status.CONSISTENT,
                        "Utah": Status.INCONSISTENT}


@pytest.mark.parametrize(("text", "expected"), [
    # Travis County, Texas borders Williamson, Bastrop, Caldwell, Hays, Blanco and Burnet;
    # Dallas County lies some 250 km north-east. "Bastrop" alone is also a town: after a
    # county, a county's neighbour is read as a county of the same state.
    ("Travis County, Texas is surrounded by Williamson, Bastrop and Hays counties.",
     {"Williamson County": Status.CONSISTENT, "Bastrop County": Status.CONSISTENT,
      "Hays County": Status.CONSISTENT}),
    ("Travis County is bordered by Dallas and Hays counties.",
     {"Dallas County": Status.INCONSISTENT, "Hays County": Status.CONSISTENT}),
    # Jefferson County, Kentucky (Louisville) borders Oldham, Shelby and Bullitt counties;
    # "Kentucky" only says where it is.
    ("Jefferson County, Kentucky borders Shelby, Bullitt and Oldham counties.",
     {"Shelby County": Status.CONSISTENT, "Bullitt County": Status.CONSISTENT,
      "Oldham County": Status.CONSISTENT}),
    ("Sarpy County, Nebraska, which borders Douglas and Cass counties, is growing.",
     {"Douglas County": Status.CONSISTENT, "Cass County": Status.CONSISTENT}),
    # King County, Washington lies between Snohomish (north) and Pierce (south) counties.
    ("King County, flanked by Snohomish County to the north and Pierce County to the south, "
     "will expand light rail.",
     {"Snohomish County": Status.CONSISTENT, "Pierce County": Status.CONSISTENT}),
    # Dallas County, Texas borders Tarrant and Collin; Parker lies beyond Tarrant.
    ("Dallas County, abutting Tarrant, Collin and Parker counties, leads in permits.",
     {"Tarrant County": Status.CONSISTENT, "Collin County": Status.CONSISTENT,
      "Parker County": Status.INCONSISTENT}),
])
def test_a_county_borders_a_list_of_counties(pipeline, text, expected):
    found = claims_in(pipeline, text)
    assert {claim.reference.describe(): verdict.status for claim, verdict in found} == expected
    assert {claim.subject.describe() for claim, _ in found} == {text.split(" County")[0]
                                                                + " County"}


@pytest.mark.parametrize(("text", "county", "neighbours"), [
    # Hays and Caldwell, Texas, are neighbours; so are Walker, San Jacinto and Grimes; Saline,
    # Pulaski and Garland in Arkansas; Lancaster, Cass and Otoe in Nebraska.
    ("Flooding hit Hays County, Texas and adjoining Caldwell County.", "Hays County",
     {"Caldwell County"}),
    ("The fire spread from Walker County, Texas into neighboring San Jacinto and Grimes "
     "counties.", "Walker County", {"San Jacinto County", "Grimes County"}),
    ("Voters in Saline County, Arkansas and the adjacent counties of Pulaski and Garland went "
     "to the polls.", "Saline County", {"Pulaski County", "Garland County"}),
    ("Counties adjacent to Travis County, Texas include Williamson, Bastrop and Hays.",
     "Travis County", {"Williamson County", "Bastrop County", "Hays County"}),
    # The county named bare, and its neighbours after a dash, a colon or "such as": Lancaster,
    # Pennsylvania borders Chester and Berks; Knox, Tennessee borders Anderson, Union and
    # Sevier; Ouachita Parish borders Union, Morehouse and Richland; Wake, North Carolina
    # borders Durham and Johnston; Polk, Iowa borders Story and Dallas.
    ("Dairy farmers in the counties bordering Lancaster — Chester and Berks — were squeezed.",
     "Lancaster County", {"Chester County", "Berks County"}),
    ("The counties that touch Knox — Anderson, Union and Sevier — will join the study.",
     "Knox County", {"Anderson County", "Union County", "Sevier County"}),
    ("The parishes encircling Ouachita: Union, Morehouse and Richland, got broadband money.",
     "Ouachita Parish", {"Union Parish", "Morehouse Parish", "Richland Parish"}),
    ("Wake's neighboring counties — Durham and Johnston — adopted the rules.", "Wake County",
     {"Durham County", "Johnston County"}),
    ("Counties next to Polk, such as Story and Dallas, saw prices jump.", "Polk County",
     {"Story County", "Dallas County"}),
    # A city of some size is its own county: Houston's is Harris County, which borders Fort
    # Bend and Montgomery (Houston County lies 200 km north).
    ("The counties surrounding Houston — Fort Bend and Montgomery — were flooded.",
     "Harris County", {"Fort Bend County", "Montgomery County"}),
])
def test_neighbouring_counties_of_the_county_named_before(pipeline, text, county, neighbours):
    found = claims_in(pipeline, text)
    pairs = {frozenset((c.subject.describe(), c.reference.describe())) for c, _ in found}
    assert pairs == {frozenset((county, other)) for other in neighbours}
    assert {verdict.status for _, verdict in found} == {Status.CONSISTENT}


def test_a_state_named_bare_before_a_list_of_counties_is_the_state(pipeline):
    # Missouri's Barry and Taney counties border Arkansas (Arkansas County lies far south).
    found = claims_in(pipeline, "The Missouri counties bordering Arkansas — Barry and Taney — "
                                "saw flooding.")
    assert {(c.subject.describe(), c.reference.describe(), v.status) for c, v in found} >= {
        ("Barry County", "Arkansas", Status.CONSISTENT),
        ("Taney County", "Arkansas", Status.CONSISTENT)}
    assert all(v.status is Status.CONSISTENT for _, v in found)


@pytest.mark.parametrize(("text", "pairs"), [
    # Fulton and DeKalb, Georgia, touch; Harris County, Texas, borders Fort Bend and
    # Montgomery; Travis borders Williamson and Hays; Cook County, Illinois, borders Lake,
    # McHenry, Kane, DuPage and Will.
    ("Lines stretched in Fulton and DeKalb counties, which border each other.",
     {("Fulton County", "DeKalb County")}),
    ("Flooding hit Harris County and its neighbors Fort Bend and Montgomery counties.",
     {("Fort Bend County", "Harris County"), ("Montgomery County", "Harris County")}),
    ("Officials in the counties surrounding Travis County, including Williamson and Hays, "
     "agreed.", {("Williamson County", "Travis County"), ("Hays County", "Travis County")}),
    ("Cook County shares borders with Lake, McHenry, Kane, DuPage and Will counties.",
     {("Cook County", f"{name} County") for name in ("Lake", "McHenry", "Kane", "DuPage",
                                                     "Will")}),
    # Walker County, Texas, lies just north of Montgomery County.
    ("The fire spread from Walker County, Texas, into neighboring Montgomery County.",
     {("Walker County", "Montgomery County")}),
    # Fulton County, Georgia, borders Cobb, DeKalb and Clayton.
    ("Residents of Fulton County and the surrounding counties of Cobb, DeKalb and Clayton "
     "were warned.", {(f"{name} County", "Fulton County") for name in ("Cobb", "DeKalb",
                                                                      "Clayton")}),
])
def test_more_ways_counties_neighbour(pipeline, text, pairs):
    found = claims_in(pipeline, text)
    assert {(c.subject.describe(), c.reference.describe()) for c, _ in found} == pairs
    assert {v.status for _, v in found} == {Status.CONSISTENT}


@pytest.mark.parametrize(("text", "status"), [
    # Harris County, Texas, borders Fort Bend County; Dallas County lies some 350 km north.
    ("Flooding hit Harris County on Monday. Officials said rain also fell in neighboring "
     "Fort Bend County.", Status.CONSISTENT),
    # Named just before, with nothing between, the article's county is the one meant.
    ("Flooding hit Harris County on Monday. Officials said rain also fell in neighboring "
     "Dallas County.", Status.INCONSISTENT),
    # With a town of another county named between, it is the likely neighbour, not a sure one:
    # no false alarm (Williamson County borders Travis County, Austin's).
    ("Flooding hit Harris County on Monday. In Austin, officials said rain also fell in "
     "neighboring Williamson County.", Status.UNVERIFIABLE),
])
def test_a_neighbour_of_the_county_the_article_is_about(pipeline, text, status):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert {claim.subject.area, claim.reference.area} >= {"US-48201"}  # Harris County, Texas
    assert verdict.status is status


def test_a_county_of_that_name_in_another_state_is_a_doubt(pipeline):
    # Cherokee and Forsyth counties, Georgia, touch; North Carolina has a Forsyth County too,
    # some 300 km away, and nothing here says which state.
    ((_, verdict),) = claims_in(pipeline, "Police in Cherokee County said officers from "
                                          "adjoining Forsyth County helped.")
    assert verdict.status is not Status.INCONSISTENT


def test_counties_with_land_between_them_are_not_neighbours(pipeline):
    # Cobb and Gwinnett counties, Georgia, lie about 10 km apart with Fulton County between:
    # no water where the outlines might meet.
    ((claim, verdict),) = claims_in(pipeline, "In suburban Cobb County, which borders Gwinnett "
                                              "County, lines were long.")
    assert (claim.subject.describe(), claim.reference.describe()) == ("Cobb County",
                                                                       "Gwinnett County")
    assert verdict.status is Status.INCONSISTENT


def test_a_state_after_a_county_says_where_the_county_is(pipeline):
    found = claims_in(pipeline, "Benton County borders Carroll County, Tennessee.")
    # One claim, county to county (both in western Tennessee, side by side); "Tennessee" is
    # no second neighbour.
    assert [(c.subject.describe(), c.reference.describe()) for c, _ in found] == [
        ("Benton County", "Carroll County")]
    assert found[0][1].status is Status.CONSISTENT


@pytest.mark.parametrize(("text", "status"), [
    # Duluth is on Lake Superior, in Minnesota's north-east.
    ("Snow closed roads around Duluth in northern Minnesota.", Status.CONSISTENT),
    # Scottsbluff lies in the Nebraska panhandle, at the state's western end.
    ("Hail hit Scottsbluff in eastern Nebraska on Sunday.", Status.INCONSISTENT),
])
def test_a_town_in_a_part_of_a_state(pipeline, text, status):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert claim.relation is Relation.CONTAINMENT
    assert isinstance(claim.reference, RegionTarget) and admin_areas.is_key(claim.reference.area)
    assert verdict.status is status


def test_a_part_of_a_state_is_cut_from_its_outline():
    north = RegionTarget("US-27", "N").shape               # northern Minnesota
    duluth, worthington = shapely.Point(-92.10, 46.78), shapely.Point(-95.60, 43.62)
    assert north.covers(duluth) and not north.covers(worthington)


@pytest.mark.parametrize(("text", "status"), [
    # Fort Wayne is about 30 km from the Ohio line.
    ("Fort Wayne, Indiana, lies near the Ohio border.", Status.CONSISTENT),
    # Omaha is about 700 km from Wyoming, across the width of Nebraska.
    ("Omaha, Nebraska, lies near the Wyoming border.", Status.INCONSISTENT),
])
def test_near_a_state_border(pipeline, text, status):
    found = [(c, v) for c, v in claims_in(pipeline, text) if c.relation is Relation.PROXIMITY]
    ((claim, verdict),) = found
    assert isinstance(claim.reference, AdminBorderTarget)
    assert verdict.status is status


@pytest.mark.parametrize(("text", "status"), [
    # Laredo faces Nuevo Laredo across the Rio Grande; Tucson lies some 400 km from Texas,
    # 100 km from the Arizona-Mexico line.
    ("Agents detained 2,100 migrants near Laredo, on the Texas-Mexico border.",
     Status.CONSISTENT),
    ("A measles case was confirmed in Tucson, near the Texas-Mexico border.",
     Status.INCONSISTENT),
])
def test_near_a_states_stretch_of_the_border_with_a_country(pipeline, text, status):
    found = [(c, v) for c, v in claims_in(pipeline, text) if c.relation is Relation.PROXIMITY]
    ((claim, verdict),) = found
    assert claim.reference.describe() == "Texas-Mexico border"
    assert verdict.status is status


def test_a_state_that_does_not_reach_a_country_has_no_border_with_it(pipeline):
    (verdict,) = [v for c, v in claims_in(
        pipeline, "A measles case was confirmed in Tucson, near the Ohio-Mexico border.")
        if c.relation is Relation.PROXIMITY]
    assert verdict.status is Status.UNVERIFIABLE
    assert verdict.reason == "Ohio does not reach Mexico"


@pytest.mark.parametrize(("text", "expected"), [
    # Fargo lies on the Red River, North Dakota's line with Minnesota; Hays, Kansas, some 240
    # km east of Colorado; West Yellowstone, Montana, a few km from Wyoming and from Idaho;
    # Valdosta, Georgia, some 14 miles north of Florida.
    ("Fargo, on the Minnesota line, is bracing for a flood.", [Status.CONSISTENT]),
    ("Hays, near the Colorado line, reported hail.", [Status.INCONSISTENT]),
    ("West Yellowstone, near the Wyoming and Idaho lines, was cold.",
     [Status.CONSISTENT, Status.CONSISTENT]),
    ("Valdosta, about 15 miles from the Florida line, is bracing for traffic.",
     [Status.CONSISTENT]),
    # A line that is no state's is a railway or a route.
    ("Commuters in London took the Victoria line to work.", []),
    ("Riders in Chicago waited for the Evanston line.", []),
])
def test_a_state_s_line(pipeline, text, expected):
    assert [v.status for _, v in claims_in(pipeline, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Rutherford County, Tennessee, borders Davidson and Wilson, not Maury (Williamson
    # between); St. Tammany Parish borders Tangipahoa, not Livingston; Warren County,
    # Kentucky, borders Simpson; Hall and Jackson counties, Georgia, meet.
    ("Residents of Rutherford County and the adjacent counties of Davidson and Maury were "
     "warned.", {("Davidson County", "Rutherford County"): Status.CONSISTENT,
                 ("Maury County", "Rutherford County"): Status.INCONSISTENT}),
    ("Advisories were issued in St. Tammany Parish and neighboring Tangipahoa and Livingston "
     "parishes.", {("Saint Tammany Parish", "Tangipahoa Parish"): Status.CONSISTENT,
                   ("Saint Tammany Parish", "Livingston Parish"): Status.INCONSISTENT}),
    ("The chase began in Warren County and ended across the county line in Simpson County.",
     {("Warren County", "Simpson County"): Status.CONSISTENT}),
    ("A farm on the line between Hall and Jackson counties burned.",
     {("Hall County", "Jackson County"): Status.CONSISTENT}),
])
def test_a_county_and_its_neighbours_named_together(pipeline, text, expected):
    assert {(c.subject.describe(), c.reference.describe()): v.status
            for c, v in claims_in(pipeline, text)} == expected


# Paducah lies at Kentucky's western tip, Evansville in Indiana's south-west corner, Mason
# City in northern Iowa, Memphis in Tennessee's south-west corner, Caddo Parish (Shreveport)
# in Louisiana's north-west, McAllen in Texas' far south; Evansville is nowhere near
# Indiana's north-east.
@pytest.mark.parametrize(("text", "status"), [
    ("Barges were halted at Paducah, in far western Kentucky.", Status.CONSISTENT),
    ("Evansville, in the southwest corner of Indiana, set a record.", Status.CONSISTENT),
    ("Mason City, in north-central Iowa, rebuilt its plant.", Status.CONSISTENT),
    ("Memphis, in the far southwest corner of the state, got rain.", Status.CONSISTENT),
    ("Caddo Parish, in the state's northwest corner, is under a watch.", Status.CONSISTENT),
    ("Growers around McAllen, in deep South Texas, are worried.", Status.CONSISTENT),
    ("Evansville, in the northeast corner of Indiana, set a record.", Status.INCONSISTENT),
])
def test_a_part_of_a_state_as_news_says_it(pipeline, text, status):
    assert [v.status for _, v in claims_in(pipeline, text)] == [status]


# Census outlines: Tarrant County, Texas borders Parker and Wise, not Hood; Onondaga County,
# New York borders Oswego and Madison; Knox County, Tennessee borders Blount and Sevier;
# Pennington County, South Dakota borders Meade and Custer; East Baton Rouge Parish borders
# Livingston and Ascension; Alachua County, Florida borders Marion and Levy.
@pytest.mark.parametrize(("text", "expected"), [
    ("Water users in Tarrant County and surrounding Parker, Hood and Wise counties were asked "
     "to save.", {"Parker County": Status.CONSISTENT, "Hood County": Status.INCONSISTENT,
                  "Wise County": Status.CONSISTENT}),
    ("Oswego and Madison counties, which ring Onondaga County, get seats.",
     {"Oswego County": Status.CONSISTENT, "Madison County": Status.CONSISTENT}),
    ("The counties that touch Knox County — Blount and Sevier counties — joined the study.",
     {"Blount County": Status.CONSISTENT, "Sevier County": Status.CONSISTENT}),
    ("Meade and Custer counties, next door to Pennington County, are under a burn ban.",
     {"Meade County": Status.CONSISTENT, "Custer County": Status.CONSISTENT}),
    ("Livingston and Ascension parishes, which surround East Baton Rouge, grew.",
     {"Livingston Parish": Status.CONSISTENT, "Ascension Parish": Status.CONSISTENT}),
    ("Alachua County and the counties that border it, including Marion and Levy, reported "
     "cases.", {"Marion County": Status.CONSISTENT, "Levy County": Status.CONSISTENT}),
])
def test_county_lists_as_local_news_writes_them(pipeline, text, expected):
    found = {}
    for claim, verdict in claims_in(pipeline, text):
        ends = {claim.subject.describe(), claim.reference.describe()}
        found.update({end: verdict.status for end in ends if end in expected})
    assert found == expected


@pytest.mark.parametrize(("text", "status"), [
    # The Ohio River is Ohio's line with Kentucky at Cincinnati, the Red River North Dakota's
    # with Minnesota at Moorhead, the Missouri Nebraska's with Iowa at Council Bluffs.
    ("Cincinnati, across the Ohio River from Kentucky, will ask voters.", Status.CONSISTENT),
    ("Moorhead, across the Red River from North Dakota, is sandbagging.", Status.CONSISTENT),
    ("Council Bluffs, which sits on the Missouri River across from Nebraska, is raising its "
     "levees.", Status.CONSISTENT),
])
def test_across_a_river_that_is_a_state_line(pipeline, text, status):
    assert [v.status for _, v in claims_in(pipeline, text)] == [status]


def test_across_a_river_from_a_town_of_another_state_is_their_line(pipeline):
    # Camden and Philadelphia face each other across the Delaware, New Jersey's line with
    # Pennsylvania there.
    ((claim, verdict),) = claims_in(pipeline, "Camden, across the Delaware River from "
                                              "Philadelphia, had three shootings.")
    assert isinstance(claim.reference, AdminBorderTarget)
    assert verdict.status is Status.CONSISTENT


def test_a_state_named_after_a_dateline_town_is_named_for_itself(pipeline):
    # Kentucky borders Tennessee; "Kentucky's" follows the dateline's Louisville, not as where
    # Louisville is.
    text = ("LOUISVILLE (AP) - Kentucky's hepatitis A outbreak began in Louisville and has "
            "spread to neighboring Tennessee.")
    assert [(c.subject.describe(), c.reference.describe(), v.status)
            for c, v in claims_in(pipeline, text)] == [
        ("Kentucky", "Tennessee", Status.CONSISTENT)]
