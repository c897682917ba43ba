#!/bin/sh
# Release-mode micro-benchmark of PhoneNumberNormalizer.e164 on 1,000,000 typed numbers
# (7/8 parseable: US, DE, RU, AU formats; 1/8 empty). Compiles the normalizer standalone with
# swiftc -O (no package release build needed). Usage: Benchmarks/phone/run.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The standalone copy drops loadBundled() (Bundle.module exists only inside the package).
# TSVFile comes from TourPlannerCore, compiled into the same module here.
sed -e '/The bundled metadata/,/^    }$/d' -e '/^import TourPlannerCore$/d' \
    "$root/Sources/TourPlannerDomain/Members/PhoneNumberNormalizer.swift" > "$work/PhoneNumberNormalizer.swift"
cp "$root/Sources/TourPlannerCore/TSVFile.swift" "$work/TSVFile.swift"
sed "s#/work/wt-phone/Sources#$root/Sources#" "$root/Benchmarks/phone/bench-main.swift.txt" > "$work/main.swift"
swiftc -O -wmo -package-name TourPlanner -o "$work/bench" "$work/main.swift" "$work/PhoneNumberNormalizer.swift" "$work/TSVFile.swift"
"$work/bench"
