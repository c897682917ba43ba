#!/usr/bin/env python3
"""Calibrates TourPlanner's drive-time model (Sources/TourPlannerDomain/Routing/TravelModel.swift).

Reads three sets of legs (road km and typical hours without traffic) from Tests/TourPlannerTests/Fixtures/:
- drive-times.csv: the 20 reference legs (a copy of shared/reference/drive-times.csv, US, Europe, AU);
- drive-times-world.csv: 32 more legs in Europe, Asia, Latin America and Africa, collected by hand;
- drive-times-heldout.csv: 35 other legs, collected by hand after the model's form and the country
  table were fixed, never used for fitting: only reported.
The first two are the calibration set. It looks each place up in the bundled gazetteer (Cities/gazetteer.tsv: the most populous
place of that name, or alternate name, in that country and region) and writes its coordinates to
Tests/TourPlannerTests/Fixtures/drive-places.csv for the Swift tests.

The model, from the great-circle distance gc (km, haversine, R = 6371.0088 km):

    road km = a * gc + b
    hours   = t0 + road km / (v * f)           t0: getting out of and into town (both ends)

so the door-to-door average speed rises with distance. f is the road-speed factor of the leg's
countries (the mean of both ends): 1 for the class "motorway" (dense motorway networks at
110-130 km/h: North America, most of the EU, AU...), f_mixed and f_trunk for the classes "mixed"
and "trunk" (see COUNTRY_CLASSES, the same table as RoadSpeedClass.swift). (a, b) (with a >= 1, b >= 0) minimise the sum
of |ln(predicted km / actual km)| (a median fit, robust to mountain legs); (t0, v, f_mixed, f_trunk)
minimise the sum of |ln(predicted h / actual h)| with the *predicted* km, since the model never sees
the actual road km. The script prints the fit, its leave-one-out error (fit on all legs but one,
predict that one), and the error on the held-out legs.

Run from the repository root: python3 Scripts/calibrate_drive_times.py
Needs only the Python standard library; numpy is not used.
"""

import csv
import math
import statistics
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "TourPlannerTests" / "Fixtures"
EARTH_RADIUS_KM = 6371.0088  # GeoPoint.earthRadiusKm


# Keep in step with Sources/TourPlannerDomain/Routing/RoadSpeedClass.swift. Written before fitting, from the
# road networks' character; countries not listed are "mixed".
COUNTRY_CLASSES = {
    "motorway": "US CA AU NZ GB IE FR DE ES PT IT NL BE LU AT CH DK SE NO FI PL CZ SK HU SI HR KR MY SG IL AE "
    "SA QA ZA AR CL UY",
    "mixed": "JP CN TW TR MX BR TH EG RO BG GR RS RU UA BY MA TN DZ IR CR PA EE LV LT KZ OM JO",
    "trunk": "IN PK BD NP LK VN PH ID MM KH LA CO PE EC BO VE PY GT HN NI SV KE NG GH ET TZ UG",
}
CLASS_OF = {cc: name for name, codes in COUNTRY_CLASSES.items() for cc in codes.split()}


def speed_class(country):
    return CLASS_OF.get(country, "mixed")


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def load_gazetteer():
    rows = []
    with open(ROOT / "Cities" / "gazetteer.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            gid, name, cc, admin1, lat, lon, pop, tz, keys = line.rstrip("\n").split("\t")
            names = {fold(name)} | set(keys.split("|"))
            rows.append((gid, name, cc, admin1, float(lat), float(lon), int(pop), names))
    return rows


def locate(place, gazetteer):
    """"City, CC" or "City, Region, CC" → the most populous matching gazetteer row."""
    parts = [p.strip() for p in place.split(",")]
    city, country = fold(parts[0]), parts[-1]
    region = parts[1] if len(parts) == 3 else None
    matches = [
        row for row in gazetteer
        if row[2] == country and (region is None or row[3] == region) and city in row[7]
    ]
    if not matches:
        sys.exit(f"{place}: not in Cities/gazetteer.tsv")
    return max(matches, key=lambda row: (row[6], row[0]))


def great_circle_km(p, q):
    lat1, lon1, lat2, lon2 = map(math.radians, (p[0], p[1], q[0], q[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def read_legs(name, gazetteer, places):
    legs = []
    with open(FIXTURES / name, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for place in (row["from"], row["to"]):
                if place not in places:
                    places[place] = locate(place, gazetteer)
            p, q = places[row["from"]], places[row["to"]]
            legs.append({
                "name": f"{row['from'].split(',')[0]} – {row['to'].split(',')[0]}",
                "gc": great_circle_km((p[4], p[5]), (q[4], q[5])),
                "classes": (speed_class(p[2]), speed_class(q[2])),
                "km": float(row["road_km"]),
                "hours": float(row["hours"]),
            })
    return legs


def minimize(f, start, steps, rounds=200):
    """Deterministic coordinate search: try ± step on each parameter, halve the steps when stuck."""
    best, value = list(start), f(start)
    steps = list(steps)
    for _ in range(rounds):
        improved = False
        for i in range(len(best)):
            for sign in (1, -1):
                trial = list(best)
                trial[i] += sign * steps[i]
                trial_value = f(trial)
                if trial_value < value:
                    best, value, improved = trial, trial_value, True
        if not improved:
            steps = [s / 2 for s in steps]
            if max(steps) < 1e-7:
                break
    return best


def speed_factor(classes, factors):
    return sum(factors[c] for c in classes) / 2


def predict(params, leg):
    a, b, t0, v, f_mixed, f_trunk = params
    km = a * leg["gc"] + b
    factors = {"motorway": 1.0, "mixed": f_mixed, "trunk": f_trunk}
    return km, t0 + km / (v * speed_factor(leg["classes"], factors))


def fit(legs):
    def km_loss(params):
        a, b = params
        if a < 1 or b < 0:  # a road is never shorter than the great circle
            return math.inf
        return sum(abs(math.log((a * leg["gc"] + b) / leg["km"])) for leg in legs)

    a, b = minimize(km_loss, [1.2, 5.0], [0.05, 5.0])

    def hours_loss(params):
        t0, v, f_mixed, f_trunk = params
        if t0 < 0 or min(v, f_mixed, f_trunk) <= 0:
            return math.inf
        return sum(abs(math.log(predict([a, b, t0, v, f_mixed, f_trunk], leg)[1] / leg["hours"])) for leg in legs)

    return [a, b] + minimize(hours_loss, [0.3, 100.0, 0.8, 0.6], [0.1, 5.0, 0.05, 0.05])


def report(title, legs, predictions):
    print(f"\n{title}")
    print(f"{'leg':<36} {'class':<18} {'gc':>6} {'km':>5} {'model':>6} {'err':>6}   {'h':>5} {'model':>6} {'err':>6}")
    km_errors, hour_errors = [], []
    for leg, (model_km, model_hours) in zip(legs, predictions):
        ek, eh = model_km / leg["km"] - 1, model_hours / leg["hours"] - 1
        km_errors.append(abs(ek))
        hour_errors.append(abs(eh))
        classes = "/".join(sorted(set(leg["classes"])))
        print(
            f"{leg['name']:<36} {classes:<18} {leg['gc']:6.1f} {leg['km']:5.0f} {model_km:6.1f} {ek:+6.1%}   "
            f"{leg['hours']:5.2f} {model_hours:6.2f} {eh:+6.1%}"
        )
    print(
        f"{len(legs)} legs; median |error|: km {statistics.median(km_errors):.1%}, "
        f"hours {statistics.median(hour_errors):.1%}; max: km {max(km_errors):.1%}, hours {max(hour_errors):.1%}; "
        f"legs over 30% (km or hours): {sum(ek > 0.3 or eh > 0.3 for ek, eh in zip(km_errors, hour_errors))}"
    )


def leave_one_out(legs, fitter=fit):
    return [predict(fitter(legs[:i] + legs[i + 1:]), leg) for i, leg in enumerate(legs)]


def fit_motorway_only(factors):
    """A fit on motorway-class legs alone (the reference set): the class factors stay as given."""

    def fitter(legs):
        a, b, t0, v, _, _ = fit(legs)
        return [a, b, t0, v] + factors

    return fitter


def main():
    gazetteer = load_gazetteer()
    places = {}
    reference = read_legs("drive-times.csv", gazetteer, places)
    world = read_legs("drive-times-world.csv", gazetteer, places)
    held_out = read_legs("drive-times-heldout.csv", gazetteer, places)
    calibration = reference + world

    params = fit(calibration)
    a, b, t0, v, f_mixed, f_trunk = params
    print(
        f"fit on {len(calibration)} legs: road km = {a:.4f} * gc + {b:.3f}; "
        f"hours = {t0:.3f} + road km / ({v:.2f} * f), f: motorway 1, mixed {f_mixed:.4f}, trunk {f_trunk:.4f}"
    )
    loo = leave_one_out(calibration)
    report("reference legs, in sample", reference, [predict(params, leg) for leg in reference])
    report("reference legs, leave one out within all 52 legs", reference, loo[: len(reference)])
    strict = leave_one_out(reference, fit_motorway_only([f_mixed, f_trunk]))
    report("reference legs, leave one out within the 20 (fit on 19, predict the 20th)", reference, strict)
    report("world calibration legs, leave one out", world, loo[len(reference):])
    report("all calibration legs, leave one out", calibration, loo)
    report("held-out legs (never fitted)", held_out, [predict(params, leg) for leg in held_out])
    flat = lambda leg: (1.25 * leg["gc"], 1.25 * leg["gc"] / 80)  # the model before: x 1.25 at 80 km/h
    report("the flat model before (x 1.25 at 80 km/h), reference legs", reference, [flat(leg) for leg in reference])
    report("the flat model before, held-out legs", held_out, [flat(leg) for leg in held_out])

    with open(FIXTURES / "drive-places.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["place", "geonameid", "country", "latitude", "longitude"])
        for place in sorted(places):
            row = places[place]
            writer.writerow([place, row[0], row[2], f"{row[4]:.5f}", f"{row[5]:.5f}"])
    print(f"\nwrote {FIXTURES / 'drive-places.csv'} ({len(places)} places)")


if __name__ == "__main__":
    main()
