#!/usr/bin/env python3
"""Parse an ICS file with the icalendar library and print a JSON summary of its events.

Usage: check_ics.py FILE.ics  ->  {"events": [{"uid", "summary", "start", "end", "tzid"}], "timezones": [...]}
Exits non-zero (with the parser's message) when the file is not valid iCalendar.
"""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
events = []
for component in calendar.walk("VEVENT"):
    start = component.decoded("DTSTART")
    end = component.decoded("DTEND")
    events.append({
        "uid": str(component.get("UID")),
        "summary": str(component.get("SUMMARY")),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "tzid": component.get("DTSTART").params.get("TZID"),
        "utcStart": start.astimezone(__import__("datetime").timezone.utc).isoformat(),
    })
zones = [str(z.get("TZID")) for z in calendar.walk("VTIMEZONE")]
print(json.dumps({"events": events, "timezones": zones}))
