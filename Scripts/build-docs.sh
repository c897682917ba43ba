#!/bin/sh
# Builds the DocC documentation of the TourPlanner library (with the modules it re-exports:
# TourPlannerCore, TourPlannerDomain, TourPlannerStore) and checks it: every symbol link in
# Sources/TourPlanner/TourPlanner.docc and in the doc comments must resolve.
#
#   Scripts/build-docs.sh [--strict] [--coverage] [OUTPUT_DIR]   # default: .build/docs/TourPlanner.doccarchive
#
# Uses the toolchain's `docc` (found on PATH, else next to `swift`). The symbol graph comes from
# `swift package dump-symbol-graph`, which reuses the debug build. Prints every docc warning;
# exits non-zero on an error or a symbol link that does not resolve (or resolves to more than one
# target), and with --strict on any warning. --coverage adds docc's (experimental) documentation
# coverage: a summary table, and documentation-coverage.json in the archive.
set -eu

cd "$(dirname "$0")/.."
strict=no
coverage=""
while [ $# -gt 0 ]; do
    case "$1" in
        --strict) strict=yes; shift ;;
        --coverage) coverage="--experimental-documentation-coverage --coverage-summary-level brief"; shift ;;
        *) break ;;
    esac
done
out="${1:-.build/docs/TourPlanner.doccarchive}"

docc="$(command -v docc || true)"
if [ -z "$docc" ]; then
    swift_bin="$(command -v swift)"
    docc="$(dirname "$(readlink -f "$swift_bin")")/docc"
fi
[ -x "$docc" ] || { echo "error: docc not found (it ships with the Swift toolchain)" >&2; exit 1; }

swift package dump-symbol-graph --minimum-access-level public >/dev/null
graphs="$(find .build -type d -name symbolgraph -path '*/symbolgraph' | head -n 1)"
[ -n "$graphs" ] || { echo "error: no symbol graph directory under .build" >&2; exit 1; }

# Only the library's own graphs: TourPlanner's and those of the modules it re-exports
# (TourPlannerCore, TourPlannerDomain, TourPlannerStore), merged into one TourPlanner graph so
# that the catalog documents (and links to) every type `import TourPlanner` shows; extension
# graphs of outside modules (`X@Swift`) are merged per extended module.
sg="$(mktemp -d)"
trap 'rm -rf "$sg"' EXIT
[ -f "$graphs/TourPlanner.symbols.json" ] || { echo "error: no TourPlanner symbol graph in $graphs" >&2; exit 1; }
python3 - "$graphs" "$sg" <<'PY'
import json, sys
from pathlib import Path

source, target = Path(sys.argv[1]), Path(sys.argv[2])
ours = ["TourPlanner", "TourPlannerCore", "TourPlannerDomain", "TourPlannerStore"]
merged: dict[str, dict] = {}  # extended module ("" for our own) -> graph
for path in sorted(source.glob("*.symbols.json")):
    module, _, extended = path.name[: -len(".symbols.json")].partition("@")
    if module not in ours:
        continue
    extended = "" if extended in ours else extended
    graph = json.loads(path.read_text(encoding="utf-8"))
    into = merged.setdefault(extended, {**graph, "symbols": [], "relationships": []})
    into["module"] = {**graph["module"], "name": "TourPlanner"}
    into["symbols"] += graph["symbols"]
    into["relationships"] += graph["relationships"]
for extended, graph in merged.items():
    name = "TourPlanner" + (f"@{extended}" if extended else "") + ".symbols.json"
    (target / name).write_text(json.dumps(graph), encoding="utf-8")
PY

mkdir -p "$(dirname "$out")"
log="$(mktemp)"
status=0
"$docc" convert Sources/TourPlanner/TourPlanner.docc \
    --additional-symbol-graph-dir "$sg" \
    --fallback-display-name TourPlanner --fallback-bundle-identifier org.tourplanner.TourPlanner \
    --output-path "$out" --analyze $coverage >"$log" 2>&1 || status=$?
cat "$log"
warnings="$(grep -c 'warning:' "$log" || true)"
links="$(grep -Ec "doesn't exist at|is ambiguous at|Can't resolve|No symbol matched" "$log" || true)"
errors="$(grep -ic 'error:' "$log" || true)"
rm -f "$log"
echo "docc: exit status $status; $warnings warning(s), of them $links about symbol links; $errors error(s)"
if [ "$status" -ne 0 ] || [ "$errors" -gt 0 ] || [ "$links" -gt 0 ]; then exit 1; fi
if [ "$strict" = yes ] && [ "$warnings" -gt 0 ]; then exit 1; fi
echo "documentation: $out"
