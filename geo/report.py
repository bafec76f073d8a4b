"""Analysis -> report: report.json for machines, report.md for people.

Offsets in the report point into the text as the user has it (the file's decoded contents),
not into geo's cleaned copy.
"""

from __future__ import annotations

import json

from geo import __version__
from geo.escape import markdown_code, markdown_text


def _span(analysis, start: int, end: int) -> dict:
    original_start, original_end = analysis.article.to_original(start, end)
    return {"start": original_start, "end": original_end}


def _place_dict(analysis, place, is_focus: bool = False) -> dict:
    candidate = place.place
    return {
        "id": candidate.id, "text": place.mentions[0].mention.text, "name": candidate.name,
        "kind": candidate.kind, "country_code": candidate.country_code,
        "admin1": candidate.admin1, "lat": candidate.lat, "lon": candidate.lon,
        "population": candidate.population, "confidence": place.confidence,
        "how": sorted({m.mention.how for m in place.mentions}),
        "is_focus": is_focus,
        "mentions": [{**_span(analysis, m.start, m.end), "text": m.mention.text}
                     for m in place.mentions],
    }


def mention_dicts(analysis) -> list[dict]:
    """Every mention in text order, as `geo parse` writes them."""
    return [{**_span(analysis, m.start, m.end), "text": m.mention.text, "name": m.place.name,
             "kind": m.place.kind, "country_code": m.place.country_code, "lat": m.place.lat,
             "lon": m.place.lon, "confidence": m.confidence, "how": m.mention.how}
            for m in analysis.mentions]


def claim_dicts(analysis) -> list[dict]:
    claims = []
    for found, verdict in zip(analysis.found_claims, analysis.verdicts, strict=True):
        detail = verdict.to_dict()
        claims.append({
            "type": detail["relation"], "claim": detail["claim"],
            "sentence": found.sentence.text,
            **_span(analysis, found.start, found.end),
            "repeated_at": [_span(analysis, start, end) for start, end in found.repeated_at],
            "words": found.claim.source,
            "subject": detail["subject"], "reference": detail["reference"],
            "claimed": detail["claimed"], "direction": detail["direction"],
            "qualifier": detail["qualifier"], "claimed_km": detail["claimed_km"],
            "measured_km": detail["measured_km"], "measured_miles": detail["measured_miles"],
            "tolerance_km": detail["tolerance_km"], "deviation_km": detail["deviation_km"],
            "bearing_deg": detail["bearing_deg"], "fit": detail["fit"],
            "verdict": detail["verdict"], "grade": detail["grade"], "reason": detail["reason"],
            "label": verdict.label,
            "origin": detail["origin"], "nearest": detail["nearest"],
        })
    return claims


def report_dict(analysis, source_name: str) -> dict:
    focus_id = analysis.focus.place.id if analysis.focus else None
    article = analysis.article
    return {
        "geo_version": __version__,
        "source": {"name": source_name, "format": article.format,
                   "encoding": article.encoding, "title": article.title,
                   "repairs": list(article.repairs), "characters": len(article.original)},
        "focus": (None if analysis.focus is None
                  else _place_dict(analysis, analysis.focus, is_focus=True)),
        "places": [_place_dict(analysis, p, p.place.id == focus_id) for p in analysis.found_places],
        "claims": claim_dicts(analysis),
        "regions": [{"label": region.describe(), "area": region.area,
                     "adm0_a3": region.country_codes[0],
                     "part": region.part, **_span(analysis, start, end)}
                    for region, start, end in analysis.named_regions],
    }


def to_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_text(v) for v in row) + " |" for row in rows]
    return lines


def _tolerance(tolerance: dict | None) -> str:
    if not tolerance:
        return ""
    below, above = tolerance["below_km"], tolerance["above_km"]
    if below == above:
        return f"±{below:,.1f} km"
    return (f"-{below:,.1f} / " if below else "") + (
        "+∞" if above is None else f"+{above:,.1f} km")


def to_markdown(report: dict) -> str:
    source = report["source"]
    title = source["title"] or source["name"]
    lines = [f"# geo report: {markdown_text(title)}", "",
             f"Source: {markdown_code(source['name'])} ({source['format']}, "
             f"{source['encoding']}, "
             f"{source['characters']:,} characters)."]
    if source["repairs"]:
        lines.append("Repairs: " + "; ".join(markdown_text(r) for r in source["repairs"]) + ".")
    focus = report["focus"]
    lines += ["", "## Focus", "",
              "No place found." if focus is None else
              f"**{markdown_text(focus['name'])}** ({focus['kind']}, {focus['country_code']}), "
              f"{focus['lat']:.4f}, {focus['lon']:.4f}: where the incident happened, judged "
              "by how often the article names it and how close to words of the event."]

    lines += ["", "## Places", ""]
    if report["places"]:
        lines += _table(
            ["as written", "resolved", "kind", "country", "lat", "lon", "confidence",
             "mentions"],
            [[", ".join(sorted({m["text"] for m in p["mentions"]})), p["name"], p["kind"],
              p["country_code"], f"{p['lat']:.4f}", f"{p['lon']:.4f}",
              f"{p['confidence']:.2f}", len(p["mentions"])] for p in report["places"]])
    else:
        lines.append("No places found.")

    lines += ["", "## Claims", ""]
    if report["claims"]:
        lines += _table(
            ["#", "sentence", "claim", "measured", "claimed", "tolerance", "verdict"],
            [[i, c["sentence"], c["claim"],
              "" if c["measured_km"] is None else f"{c['measured_km']:,.1f} km"
              + (f" ({c['measured_miles']:,.1f} mi)" if c["claimed"] and
                 c["claimed"]["unit"] == "mi" else ""),
              c["claimed"]["text"] if c["claimed"] else (c["qualifier"] or c["direction"] or ""),
              _tolerance(c["tolerance_km"]),
              c["verdict"] + (f" ({c['grade']})" if c["grade"] else "")
              + (f": {c['reason']}" if c["reason"] else "")]
             for i, c in enumerate(report["claims"], start=1)])
    else:
        lines.append("No geographic claims found.")

    if report["regions"]:
        lines += ["", "## Regions", "",
                  "A region such as \"northern Mali\" is cut from the country's 1:10m polygon "
                  "at the parallel (or meridian) that divides the country's area in half; "
                  "\"north-eastern\" is the northern half of the eastern half, \"central\" "
                  "the middle half both ways. The phrase is vague, so a containment claim "
                  "allows 10 % of the country's scale (the square root of its area) beyond "
                  "the cut.", ""]
        labels = dict.fromkeys(region["label"] for region in report["regions"])
        lines += [f"- {markdown_text(label)}" for label in labels]

    lines += ["", "## How claims are judged", "",
              "Distances are geodesics on the WGS84 ellipsoid (Karney), to the nearest point "
              "of a border line or outline, never to a centroid. A number's tolerance is the "
              "rounding it implies (700: ±50), widened by a hedge (\"about\": ±10 %) or made "
              "one-sided (\"more than\"), plus the uncertainty of where each end is (a "
              "town's extent, 1 km for a Natural Earth 1:10m line). \"On\" a border allows "
              "5 % and \"near\" 15 % of the square root of the countries' mean area.", "",
              f"geo {report['geo_version']}; data: Natural Earth (public domain), GeoNames "
              "(CC BY 4.0, geonames.org)."]
    return "\n".join(lines) + "\n"
