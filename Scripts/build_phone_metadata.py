#!/usr/bin/env python3
"""Regenerate Sources/TourPlannerDomain/Resources/phone-regions.tsv from the phonenumbers package.

    python3 -m venv .venv-data && .venv-data/bin/pip install phonenumbers==9.0.43
    .venv-data/bin/python Scripts/build_phone_metadata.py

The Swift side (PhoneNumberNormalizer) runs no regular expression per number: the
libphonenumber patterns it needs are expanded here into finite lists of literal digit
prefixes (longest first).

Columns (tab-separated, one region a line, "#" lines are comments):
  1 region             ISO 3166-1 alpha-2 (or "001"-style non-geographic entities are skipped)
  2 cc                 country calling code
  3 main               1 when the region is the main region of its calling code
  4 idd                international (IDD) prefixes as literal digit strings, "|"-separated,
                       expanded from international_prefix (e.g. "0[09]" -> "00|09")
  5 idd_preferred      preferred_international_prefix ("~" waits removed), or the single IDD
  6 national_prefix    the national (trunk) prefix ("0", "1", "8") or empty
  7 npfp               national prefix for parsing, expanded to "|"-separated rules
                       "PREFIX>REPLACEMENT" (replacement = national_prefix_transform_rule with
                       its groups filled in; empty = the prefix is just removed)
  8 lengths            possible lengths of the national significant number (comma list)
  9 idd_pattern        international_prefix as in the metadata (for reference)
 10 npfp_pattern       national_prefix_for_parsing as in the metadata (for reference)
 11 transform          national_prefix_transform_rule as in the metadata (for reference)

When a pattern cannot be expanded into at most LIMIT literals (it contains open digit runs such as
Brazil's carrier-code rule or Japan's "000[2569]\\d{4,6}"), the literal national prefix alone is
used; the reference columns keep the full pattern. phonenumbers is Apache-2.0; its metadata is
Google's libphonenumber metadata.
"""
import os
import re

try:  # Python >= 3.11
    import re._parser as sre_parse
    from re._constants import LITERAL, IN, RANGE, BRANCH, SUBPATTERN, MAX_REPEAT, MIN_REPEAT, AT, CATEGORY
except ImportError:  # pragma: no cover
    import sre_parse
    from sre_constants import LITERAL, IN, RANGE, BRANCH, SUBPATTERN, MAX_REPEAT, MIN_REPEAT, AT, CATEGORY

import phonenumbers
from phonenumbers import PhoneMetadata

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "TourPlannerDomain", "Resources", "phone-regions.tsv")
LIMIT = 2000


class TooBig(Exception):
    pass


def expand(items):
    """Finite language of a parsed regex as a list of (text, {group: text})."""
    results = [("", {})]
    for op, av in items:
        options = expand_one(op, av)
        results = [(t + o, {**g, **og}) for t, g in results for o, og in options]
        if len(results) > LIMIT:
            raise TooBig()
    return results


def expand_one(op, av):
    if op == LITERAL:
        return [(chr(av), {})]
    if op == IN:
        chars = []
        for kind, value in av:
            if kind == LITERAL:
                chars.append(chr(value))
            elif kind == RANGE:
                chars.extend(chr(c) for c in range(value[0], value[1] + 1))
            elif kind == CATEGORY and str(value) == "CATEGORY_DIGIT":
                chars.extend("0123456789")
            else:
                raise TooBig()  # other categories
        return [(c, {}) for c in chars]
    if op == BRANCH:
        out = []
        for branch in av[1]:
            out.extend(expand(branch))
        return out
    if op == SUBPATTERN:
        group, sub = av[0], av[-1]
        inner = expand(sub)
        return [(t, {**g, group: t}) if group else (t, g) for t, g in inner]
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        if high > 3:
            raise TooBig()
        inner = expand(sub)
        out = []
        for count in range(low, high + 1):
            combos = [("", {})]
            for _ in range(count):
                combos = [(t + o, {**g, **og}) for t, g in combos for o, og in inner]
            out.extend(combos)
        return out
    raise TooBig()  # anchors, categories, lookarounds


def literals(pattern):
    """The literal strings a pattern matches, longest first, or None when not finite/small."""
    if not pattern:
        return []
    try:
        found = expand(sre_parse.parse(pattern))
    except TooBig:
        return None
    return found


def idd_list(meta):
    found = literals(meta.international_prefix or "")
    if found is None:
        preferred = (meta.preferred_international_prefix or "").replace("~", "")
        return [preferred] if re.fullmatch(r"\d+", preferred) else []
    return sorted({t for t, _ in found if t}, key=lambda s: (-len(s), s))


def npfp_rules(meta):
    """Rules "PREFIX>REPLACEMENT" for national_prefix_for_parsing + transform rule."""
    pattern = meta.national_prefix_for_parsing or meta.national_prefix or ""
    found = literals(pattern)
    if found is None:
        found = [(meta.national_prefix, {})] if meta.national_prefix else []
    transform = meta.national_prefix_transform_rule
    rules = {}
    for text, groups in found:
        if not text:
            continue
        replacement = ""
        if transform and groups.get(1):
            replacement = re.sub(r"\\(\d)", lambda m: groups.get(int(m.group(1)), ""), transform)
        rules.setdefault(text, replacement)
    return sorted(rules.items(), key=lambda kv: (-len(kv[0]), kv[0]))


def main():
    rows = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        meta = PhoneMetadata.metadata_for_region(region)
        if meta is None:
            continue
        idd = idd_list(meta)
        preferred = (meta.preferred_international_prefix or "").replace("~", "") or (idd[0] if len(idd) == 1 else "")
        lengths = sorted({n for n in (meta.general_desc.possible_length or ()) if n > 0})
        rows.append([
            region, str(meta.country_code), "1" if meta.main_country_for_code else "0",
            "|".join(idd), preferred, meta.national_prefix or "",
            "|".join(f"{p}>{r}" for p, r in npfp_rules(meta)),
            ",".join(str(n) for n in lengths),
            meta.international_prefix or "", meta.national_prefix_for_parsing or "",
            meta.national_prefix_transform_rule or "",
        ])
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# generated by Scripts/build_phone_metadata.py from phonenumbers " + phonenumbers.__version__
                  + " (Apache-2.0, Google libphonenumber metadata); do not edit\n")
        out.write("# region\tcc\tmain\tidd\tidd_preferred\tnational_prefix\tnpfp\tlengths\tidd_pattern\tnpfp_pattern\ttransform\n")
        for row in rows:
            assert all("\t" not in field and "\n" not in field for field in row)
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} regions to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
