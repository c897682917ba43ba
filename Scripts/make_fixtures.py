#!/usr/bin/env python3
"""Write the importer test fixtures into Tests/TourPlannerTests/Fixtures/ (all small, committed).

    python3 Scripts/make_fixtures.py

Made-up people only: example.org e-mails, 555-01xx US phones. Deterministic. Each file is
described in Tests/TourPlannerTests/Fixtures/README.md (written by this script too).
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TourPlannerTests", "Fixtures")
HEADER = ["id", "first_name", "last_name", "email", "phone", "city", "region", "country", "chapter", "gender", "joined",
          "willing_to_host", "organizer_interest", "languages", "notes"]

# The basic members: the same four people in members-basic.csv/.xml, -semicolon, -tab, -utf16le, -bom-crlf.
BASIC = [
    ["1001", "Zoë", "Example", "zoe.example@example.org", "(617) 555-0142", "Boston", "MA", "US", "", "woman",
     "2011-03-14", "yes", "no", "English", ""],
    ["1002", "Abe", "Sample", "Abe.Sample@Example.org", "+1 617 555 0143", "cambridge", "Massachusetts", "USA", "",
     "man", "2012-07-01T18:22:05Z", "no", "yes", "English,Spanish", "prefers evenings"],
    ["1003", "Ash", "Testperson", "", "+47 412 34 567", "Oslo", "", "NO", "Oslo", "non-binary", "03/15/2013", "", "",
     "Norwegian,English", ""],
    ["1004", "Bea", "Placeholder", "bea.placeholder@example.org", "", "New York", "NY", "US", "New York City", "",
     "2014-01-02", "", "", "", ""],
]


def cell(value, delimiter=","):
    if any(c in value for c in delimiter + '"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(header, rows, delimiter=",", newline="\n"):
    lines = [delimiter.join(cell(h, delimiter) for h in header)]
    lines += [delimiter.join(cell(v, delimiter) for v in row) for row in rows]
    return newline.join(lines) + newline


def write(name, data):
    path = os.path.join(OUT, name)
    with open(path, "wb") as out:
        out.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return len(data)


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def member_xml(row):
    r = dict(zip(HEADER, row))
    parts = [f'  <member id="{r["id"]}">', f'    <name><first>{esc(r["first_name"])}</first><last>{esc(r["last_name"])}</last></name>']
    if r["email"]:
        parts.append(f'    <email>{esc(r["email"])}</email>')
    if r["phone"]:
        parts.append(f'    <phone>{esc(r["phone"])}</phone>')
    location = f'<city>{esc(r["city"])}</city>'
    location += f'<region>{esc(r["region"])}</region>' if r["region"] else ""
    location += f'<country>{esc(r["country"])}</country>' if r["country"] else ""
    parts.append(f"    <location>{location}</location>")
    parts.append(f'    <chapter>{esc(r["chapter"])}</chapter>' if r["chapter"] else "    <chapter/>")
    if r["gender"]:
        parts.append(f'    <gender>{esc(r["gender"])}</gender>')
    parts.append(f'    <joined>{r["joined"]}</joined>')
    attrs = "".join(f' {k}="{r[f]}"' for k, f in (("willing-to-host", "willing_to_host"),
                                                  ("organizer-interest", "organizer_interest")) if r[f])
    if attrs:
        parts.append(f"    <preferences{attrs}/>")
    if r["languages"]:
        parts.append("    <languages>" + "".join(f"<language>{esc(l)}</language>" for l in r["languages"].split(","))
                     + "</languages>")
    if r["notes"]:
        parts.append(f'    <notes>{esc(r["notes"])}</notes>')
    parts.append("  </member>")
    return "\n".join(parts)


def members_xml(rows, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + f'<members exported-at="2014-06-01T09:30:00Z" count="{len(rows)}">\n'
            + "\n".join(member_xml(r) for r in rows) + "\n</members>\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("members-basic.csv", csv_text(HEADER, BASIC))
    write("members-basic.xml", members_xml(BASIC))
    write("members-semicolon.csv", csv_text(HEADER, BASIC, delimiter=";"))
    write("members-tab.tsv", csv_text(HEADER, BASIC, delimiter="\t"))
    write("members-utf16le.csv", b"\xff\xfe" + csv_text(HEADER, BASIC, newline="\r\n").encode("utf-16-le"))
    write("members-bom-crlf.csv", b"\xef\xbb\xbf" + csv_text(HEADER, BASIC, newline="\r\n").encode("utf-8"))

    # Latin-1 bytes (ë = 0xEB, é = 0xE9, ü = 0xFC): invalid UTF-8 on data line 2 (file line 3).
    latin = [
        ["2001", "Ada", "Example", "ada.example@example.org", "(617) 555-0150", "Boston", "MA", "US", "", "woman",
         "2012-05-05", "", "", "English", ""],
        ["2002", "Zoë", "Müller", "zoe.mueller@example.org", "0664 1234567", "Wien", "", "AT", "Wien", "woman",
         "2013-02-03", "", "", "German,English", "Café on Sundays"],
    ]
    write("members-latin1.csv", csv_text(HEADER, latin).encode("latin-1"))

    quoted = [
        ["3001", "Cleo", "Sample", "cleo.sample@example.org", "(617) 555-0160", "Boston", "MA", "US", "", "woman",
         "2011-01-01", "", "", "English,Spanish,French", 'said "call after 6", then texted'],
        ["3002", "Dov", "Example", "dov.example@example.org", "617-555-0161", "Washington, D.C.", "", "US", "", "man",
         "2012-02-02", "", "", "English", "line one\nline two, with a comma\nline \"three\""],
        ["3003", "Eden", "Demo", "", "", "Amherst", "Mass", "US", "", "", "2013-03-03", "", "", "", '""'],
    ]
    write("members-quoted.csv", csv_text(HEADER, quoted))

    bad = [
        ["4001", "Flo", "Example", "flo.example@example.org", "(617) 555-0170", "Boston", "MA", "US", "", "woman",
         "2012-01-01", "", "", "", "valid"],
        ["", "Gus", "Sample", "gus.sample@example.org", "", "Boston", "MA", "US", "", "man", "2012-01-02", "", "", "",
         "missing id"],
        ["abc", "Hal", "Demo", "", "", "Denver", "CO", "US", "", "man", "2012-01-03", "", "", "", "non-numeric id"],
        ["4001", "Flo", "Example", "flo.example@example.org", "(617) 555-0170", "Cambridge", "MA", "US", "", "woman",
         "2012-01-01", "", "", "", "duplicate id, different city"],
        ["4005", "Iris", "Testperson", "", "", "Austin", "TX", "US", "", "woman", "2014-13-45", "", "", "", "bad date"],
        ["4006", "June", "Notreal", "june.notreal@example.org", "512-555-0175", "Austin", "TX", "US", "", "woman",
         "05/06/2013", "yes", "", "", "valid"],
    ]
    write("members-bad-rows.csv", csv_text(HEADER, bad))

    write("actionnetwork.csv", csv_text(
        ["uuid", "first_name", "last_name", "email", "zip_code", "can2_user_city", "can2_state_abbreviated",
         "can2_country", "can2_phone", "can2_sms_status", "can2_subscription_status", "can2_subscription_date",
         "can2_user_tags"],
        [["a1b2c3d4-0000-4000-8000-000000000001", "Kit", "Example", "kit.example@example.org", "02139", "Cambridge",
          "MA", "US", "617-555-0180", "subscribed", "subscribed", "2013-04-05", "volunteer,host"],
         ["a1b2c3d4-0000-4000-8000-000000000002", "Lev", "Sample", "lev.sample@example.org", "60601", "Chicago", "IL",
          "US", "(312) 555-0181", "unsubscribed", "subscribed", "2014-01-20", ""]]))

    write("nationbuilder.csv", csv_text(
        ["nationbuilder_id", "external_id", "email", "first_name", "last_name", "phone_number", "mobile_number",
         "primary_address1", "primary_city", "primary_state", "primary_zip", "primary_country", "sex", "language",
         "created_at", "is_volunteer", "federal_donotcall", "tag_list"],
        [["501", "", "mae.example@example.org", "Mae", "Example", "", "303-555-0190", "1 Example St", "Denver", "CO",
          "80202", "US", "F", "English", "2012-09-09T10:00:00Z", "true", "false", "host,organizer"],
         ["502", "", "ned.sample@example.org", "Ned", "Sample", "(303) 555-0191", "", "", "Boulder", "Colorado",
          "80302", "US", "M", "English", "2013-10-10T10:00:00Z", "false", "true", ""]]))

    write("civicrm.csv", csv_text(
        ["Contact ID", "Contact Type", "First Name", "Last Name", "Email", "Phone", "City", "State", "Country",
         "Gender", "Do Not Phone", "Do Not Sms", "Preferred Language", "Created Date", "Note(s)"],
        [["701", "Individual", "Opal", "Example", "opal.example@example.org", "215-555-0195", "Philadelphia",
          "Pennsylvania", "United States", "Female", "0", "1", "en_US", "2011-11-11 09:00:00", ""],
         ["702", "Individual", "Otto", "Sample", "otto.sample@example.org", "+43 1 5123456", "Wien", "", "Austria",
          "Male", "1", "0", "de_DE", "2012-12-12 09:00:00", "asked not to be called"]]))

    # XML attack and malformed files: every one must be rejected fast with a clear error.
    one = BASIC[:1]
    write("xxe-external.xml", members_xml(one, '<!DOCTYPE members [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n')
          .replace("<notes>", "<notes>").replace("<gender>woman</gender>", "<gender>&xxe;</gender>"))
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
                                         for i in range(1, 10)]
    write("billion-laughs.xml", members_xml(one, "<!DOCTYPE members [\n  " + "\n  ".join(laughs) + "\n]>\n")
          .replace("<gender>woman</gender>", "<gender>&lol9;</gender>"))
    write("quadratic-blowup.xml", members_xml(one, '<!DOCTYPE members [\n  <!ENTITY a "' + "a" * 50_000 + '">\n]>\n')
          .replace("<gender>woman</gender>", "<gender>" + "&a;" * 10_000 + "</gender>"))
    deep = "<x>" * 10_000 + "deep" + "</x>" * 10_000
    write("deep-nesting.xml", members_xml(one).replace("<gender>woman</gender>", f"<gender>{deep}</gender>"))
    write("doctype-only.xml", members_xml(one, "<!DOCTYPE members>\n"))
    # Member 1002's <gender> is closed by </gendr>: not well-formed (file line 18).
    write("malformed.xml", members_xml(BASIC[:2]).replace("<gender>man</gender>", "<gender>man</gendr>", 1))

    sizes = {name: os.path.getsize(os.path.join(OUT, name)) for name in sorted(os.listdir(OUT))}
    for name, size in sizes.items():
        print(f"{size:>8}  {name}")
    assert all(size < 200_000 for size in sizes.values()), "fixture over 200 KB"


if __name__ == "__main__":
    main()
