#!/usr/bin/env python3
"""Lists every `public` or `open` declaration of the library's targets that has no doc comment.

    Scripts/check-public-docs.py [--skip PATH]... [ROOT]

Scans the Swift files of Sources/TourPlannerCore, Sources/TourPlannerDomain,
Sources/TourPlannerStore and Sources/TourPlanner under ROOT (default: the repository) for lines
that declare something `public` or `open` (import statements do not count; neither do enum cases,
which take their enum's access). Each needs a doc comment (`///` lines or a `/** */` block)
directly above it; attribute lines such as `@discardableResult` may stand between the comment and
the declaration. Prints each undocumented declaration as `path:line: text`, then the count of
public declarations and of undocumented ones; exits 1 if any is undocumented. `--skip PATH`
(a file, or a folder ending in `/`, relative to ROOT) leaves files out of the check.
"""
import re
import sys
from pathlib import Path

TARGETS = ["TourPlannerCore", "TourPlannerDomain", "TourPlannerStore", "TourPlanner"]
ATTRIBUTES = r"(?:@\w+(?:\([^)]*\))?\s+)*"
MODIFIERS = r"(?:(?:static|final|nonisolated|override|mutating|indirect|convenience|required|lazy)\s+)*"
DECLARATION = re.compile(r"^\s*" + ATTRIBUTES + MODIFIERS + r"(public|open)\b(?!\s+import\b)(?!\s*\()")
ATTRIBUTE_LINE = re.compile(r"^\s*@\w+(?:\(.*\))?\s*$")


def documented(lines: list[str], index: int) -> bool:
    """True when a doc comment ends directly above line `index` (attribute lines may intervene)."""
    above = index - 1
    while above >= 0 and ATTRIBUTE_LINE.match(lines[above]):
        above -= 1
    if above < 0:
        return False
    text = lines[above].strip()
    if text.startswith("///"):
        return True
    if text.endswith("*/"):
        # The block must open with `/**`.
        while above >= 0 and "/*" not in lines[above]:
            above -= 1
        return above >= 0 and "/**" in lines[above]
    return False


def main(arguments: list[str]) -> int:
    skips: list[str] = []
    rest: list[str] = []
    iterator = iter(arguments)
    for argument in iterator:
        if argument == "--skip":
            skips.append(next(iterator, ""))
        else:
            rest.append(argument)
    root = Path(rest[0]) if rest else Path(__file__).resolve().parent.parent
    count = 0
    missing: list[str] = []
    for target in TARGETS:
        for path in sorted((root / "Sources" / target).rglob("*.swift")):
            relative = path.relative_to(root).as_posix()
            if any(relative == skip or (skip.endswith("/") and relative.startswith(skip)) for skip in skips):
                continue
            lines = path.read_text(encoding="utf-8").split("\n")
            in_block = False
            for index, line in enumerate(lines):
                stripped = line.strip()
                # Lines inside a block comment do not declare anything.
                if in_block:
                    if "*/" in stripped:
                        in_block = False
                    continue
                if stripped.startswith("/*") and "*/" not in stripped:
                    in_block = True
                    continue
                if not DECLARATION.match(line):
                    continue
                count += 1
                if not documented(lines, index):
                    missing.append(f"{relative}:{index + 1}: {stripped}")
    for entry in missing:
        print(entry)
    print(f"{count} public declaration(s), {len(missing)} without a doc comment")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
