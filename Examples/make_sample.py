#!/usr/bin/env python3
"""Generate the bundled sample export (clearly fictional people) in the organization's CSV and
XML formats: Sources/TourPlannerDomain/Resources/sample-members.{csv,xml}.

    python3 Examples/make_sample.py

Unaffiliated counts per city are the organization's real 2014 figures; names are drawn from a
small made-up list, e-mails use example.org and US phones the fictional 555-01xx range.
Place names are typed the way people do (case, state names or codes, a few misspellings).
Deterministic: the same script always writes the same files.
"""
import os
import random
from xml.sax.saxutils import escape, quoteattr

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "TourPlannerDomain", "Resources")
rng = random.Random(2014)

# (count, [typed variants of (city, region, country)], area code)
US = [
    (15, [("Berkeley", "CA", "US"), ("berkeley", "California", "USA")], "510"),
    (21, [("San Diego", "CA", "US"), ("San Diego", "ca", "United States")], "619"),
    (21, [("Oakland", "CA", "US"), ("Oakland ", "Calif", "")], "510"),
    (28, [("San Francisco", "CA", "US"), ("SF", "CA", "US"), ("San Fransisco", "CA", "USA")], "415"),
    (7, [("Sacramento", "CA", "US")], "916"),
    (5, [("Los Angeles", "CA", "US"), ("LA", "CA", "")], "213"),
    (9, [("Ann Arbor", "MI", "US"), ("ann arbor", "Michigan", "USA")], "734"),
    (8, [("Detroit", "MI", "US")], "313"),
    (4, [("Grand Rapids", "MI", "US")], "616"),
    (9, [("Cincinnati", "OH", "US"), ("Cinncinati", "OH", "US")], "513"),
    (5, [("Columbus", "OH", "US"), ("Columbus", "Ohio", "")], "614"),
    (4, [("Toledo", "OH", "US")], "419"),
    (30, [("Chicago", "IL", "US"), ("chicago", "Illinois", "USA"), ("Chicago ", "IL", "United States of America")], "312"),
    (6, [("Ames", "IA", "US"), ("Ames", "Iowa", "")], "515"),
    (15, [("Denver", "CO", "US"), ("Denver", "Colorado", "USA")], "303"),
    (10, [("Boulder", "CO", "US")], "303"),
    (12, [("Austin", "TX", "US"), ("austin", "Texas", "US")], "512"),
    (4, [("El Paso", "TX", "US")], "915"),
    (8, [("Houston", "TX", "US")], "713"),
    (12, [("San Antonio", "TX", "US")], "210"),
    (10, [("Baltimore", "MD", "US"), ("Baltimore", "Maryland", "USA")], "410"),
    (1, [("Baltimore County", "MD", "US")], "410"),
    (7, [("Amherst", "MA", "US"), ("Amherst", "Mass", "US")], "413"),
    (19, [("Boston", "MA", "US"), ("boston", "Massachusetts", "USA"), ("Boston", "ma ", "US")], "617"),
    (10, [("Cambridge", "MA", "US"), ("Cambridge", "Massachusetts", "United States")], "617"),
    (10, [("Philadelphia", "PA", "US"), ("Philly", "PA", "US"), ("Philadelphia", "Pennsylvania", "")], "215"),
    (9, [("Washington", "DC", "US"), ("Washington, D.C.", "", "US"), ("Washington DC", "", "USA")], "202"),
    (5, [("Tampa", "FL", "US")], "813"),
    (4, [("Miami", "FL", "US")], "305"),
    (4, [("Tallahassee", "FL", "US"), ("Tallahase", "FL", "US")], "850"),
    (4, [("Sarasota", "FL", "US"), ("Sarasotta", "FL", "US")], "941"),
]
FIRST_W = ["Ada", "Bea", "Cleo", "Dora", "Edie", "Flo", "Gwen", "Hedy", "Iris", "June", "Kit", "Lena", "Mae", "Nell",
           "Opal", "Pia", "Rue", "Sage", "Tess", "Vera", "Wren", "Zoë"]
FIRST_M = ["Abe", "Bo", "Cal", "Dov", "Eli", "Finn", "Gus", "Hal", "Ike", "Jay", "Kai", "Lev", "Max", "Ned", "Otto",
           "Pim", "Rex", "Sol", "Ted", "Vic", "Walt", "Zeb"]
FIRST_X = ["Ash", "Bay", "Cas", "Drew", "Eden", "Fern", "Jules", "Quinn", "Robin", "Sky"]
LAST = ["Example", "Sample", "Testperson", "Placeholder", "Fictional", "Madeup", "Specimen", "Demo", "Mockley",
        "Notreal", "Invented", "Pretend", "Imaginary", "Dummy", "Stand-in"]
LANGS = ["English", "English", "English", "English,Spanish", "Spanish", "English,French", "English,Mandarin"]
NOTES = ["", "", "", "", "prefers evenings", "met at the 2013 conference", 'said "call after 6"',
         "has a car, can drive others", "works nights; text first", "moving soon, may change city"]

rows = []
next_id = 1001


def person(gender_bias):
    roll = rng.random()
    if roll < gender_bias:
        return rng.choice(FIRST_W), "woman" if rng.random() < 0.85 else rng.choice(["Woman", "female", "F"])
    if roll < gender_bias + 0.08:
        return rng.choice(FIRST_X), rng.choice(["non-binary", "genderqueer", ""])
    if roll < 0.92:
        return rng.choice(FIRST_M), "man" if rng.random() < 0.85 else rng.choice(["Man", "male", "M"])
    return rng.choice(FIRST_W + FIRST_M), ""


def phone_us(area, i):
    n = f"555-01{i % 100:02d}"
    style = rng.randrange(5)
    return [f"({area}) {n}", f"+1 {area} {n.replace('-', ' ')}", f"{area}.{n.replace('-', '.')}", f"{area}-{n}", ""][style]


def joined():
    y, m, d = rng.randrange(2009, 2015), rng.randrange(1, 13), rng.randrange(1, 29)
    style = rng.randrange(4)
    if y == 2014 and m > 5:
        m = 5
    return [f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
            f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}"][style]


def add(first, gender, city, region, country, phone, chapter="", host="", organizer="", langs="English", notes=""):
    global next_id
    last = rng.choice(LAST)
    rows.append({
        "id": str(next_id), "first_name": first, "last_name": last,
        "email": f"{first.lower().replace('ë', 'e')}.{last.lower()}{next_id}@example.org" if rng.random() < 0.93 else "",
        "phone": phone, "city": city, "region": region, "country": country, "chapter": chapter, "gender": gender,
        "joined": joined(), "willing_to_host": host, "organizer_interest": organizer, "languages": langs, "notes": notes,
    })
    next_id += 1


serial = 0
for count, variants, area in US:
    for i in range(count):
        city, region, country = variants[0] if i < count - len(variants) + 1 else variants[i - (count - len(variants))]
        first, gender = person(0.45)
        serial += 1
        host = "yes" if rng.random() < 0.12 else rng.choice(["no", ""])
        organizer = "yes" if rng.random() < 0.15 else rng.choice(["no", "", ""])
        add(first, gender, city, region, country, phone_us(area, serial), host=host, organizer=organizer,
            langs=rng.choice(LANGS), notes=rng.choice(NOTES))

# The New York chapter (about 40 members, ~45% women): the trainers come from here.
for i in range(40):
    first, gender = person(0.47)
    serial += 1
    city = rng.choice([("New York", "NY", "US"), ("New York City", "NY", "US"), ("NYC", "NY", "USA"),
                       ("Brooklyn", "NY", "US"), ("New York", "New York", "United States")])
    add(first, gender, *city, phone_us("212", serial), chapter="New York City",
        host="yes" if rng.random() < 0.2 else "", organizer="yes" if rng.random() < 0.3 else "",
        langs=rng.choice(LANGS))

# Members and chapters abroad, with local phone formats.
ABROAD = [
    (6, ("Oslo", "", "NO"), "Oslo", lambda i: f"+47 4{i % 10}2 34 5{i % 10}7", "Norwegian,English", 0.5),
    (3, ("Bergen", "", "Norway"), "", lambda i: f"4{i % 10}2 34 56{i % 10}", "Norwegian", 0.4),
    (5, ("Wien", "", "Austria"), "Wien", lambda i: f"0664 123 45 6{i % 10}", "German,English", 0.2),
    (2, ("Graz", "Steiermark", "AT"), "", lambda i: f"+43 316 12345{i % 10}", "German", 0.5),
    (7, ("Melbourne", "VIC", "Australia"), "Melbourne", lambda i: f"0412 345 67{i % 10}", "English", 0.45),
    (4, ("Sydney", "NSW", "AU"), "", lambda i: f"+61 2 9876 543{i % 10}", "English", 0.5),
    (4, ("London", "", "UK"), "London", lambda i: f"020 7946 09{i % 10}{i % 10}", "English", 0.5),
    (3, ("Manchester", "", "United Kingdom"), "", lambda i: f"0161 496 00{i % 10}{i % 10}", "English", 0.35),
]
for count, place, chapter, phone, langs, bias in ABROAD:
    for i in range(count):
        first, gender = person(bias)
        add(first, gender, *place, phone(i), chapter=chapter, host="yes" if rng.random() < 0.2 else "",
            organizer="yes" if rng.random() < 0.2 else "", langs=langs)

# Notes as people write them: commas, quotes, line breaks, do-not-call requests (set after the
# draws above so the rest of the sample stays as it was).
def first_in(city):
    return next(row for row in rows if row["city"] == city)


first_in("Berkeley")["notes"] = 'met at the 2013 conference, "great energy"\nwants to host in the fall'
first_in("Detroit")["notes"] = "do not call - e-mail only"
first_in("Houston")["notes"] = "DNC: asked not to be called; texts are fine"
first_in("Toledo")["notes"] = "car pool from Ann Arbor, Detroit;\nneeds a ride back"

# Two rows people typed badly: the importer reports them, the resolver leaves them unresolved.
add("Mo", "", "Springfeild", "", "", "", notes="city typed without a state")
add("Lu", "woman", "my house", "", "US", "(617) 555-0199", notes="no real city given")

HEADER = ["id", "first_name", "last_name", "email", "phone", "city", "region", "country", "chapter", "gender", "joined",
          "willing_to_host", "organizer_interest", "languages", "notes"]


def csv_cell(value):
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


with open(os.path.join(OUT, "sample-members.csv"), "w", encoding="utf-8", newline="") as out:
    out.write(",".join(HEADER) + "\r\n")
    for row in rows:
        out.write(",".join(csv_cell(row[h]) for h in HEADER) + "\r\n")

with open(os.path.join(OUT, "sample-members.xml"), "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<members exported-at="2014-06-01T09:30:00Z" count="{len(rows)}">\n')
    for row in rows:
        out.write(f'  <member id="{row["id"]}">\n')
        out.write(f'    <name><first>{escape(row["first_name"])}</first><last>{escape(row["last_name"])}</last></name>\n')
        if row["email"]:
            out.write(f'    <email>{escape(row["email"])}</email>\n')
        if row["phone"]:
            out.write(f'    <phone>{escape(row["phone"])}</phone>\n')
        out.write(f'    <location><city>{escape(row["city"])}</city>')
        if row["region"]:
            out.write(f'<region>{escape(row["region"])}</region>')
        if row["country"]:
            out.write(f'<country>{escape(row["country"])}</country>')
        out.write('</location>\n')
        out.write(f'    <chapter>{escape(row["chapter"])}</chapter>\n' if row["chapter"] else "    <chapter/>\n")
        if row["gender"]:
            out.write(f'    <gender>{escape(row["gender"])}</gender>\n')
        out.write(f'    <joined>{row["joined"]}</joined>\n')
        attrs = ""
        if row["willing_to_host"]:
            attrs += f' willing-to-host={quoteattr(row["willing_to_host"])}'
        if row["organizer_interest"]:
            attrs += f' organizer-interest={quoteattr(row["organizer_interest"])}'
        if attrs:
            out.write(f"    <preferences{attrs}/>\n")
        if row["languages"]:
            out.write("    <languages>" + "".join(f"<language>{escape(l)}</language>" for l in row["languages"].split(",")) + "</languages>\n")
        if row["notes"]:
            out.write(f'    <notes>{escape(row["notes"])}</notes>\n')
        out.write("  </member>\n")
    out.write("</members>\n")
print(f"wrote {len(rows)} members")
