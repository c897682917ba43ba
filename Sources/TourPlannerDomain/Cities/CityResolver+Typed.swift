import Foundation
import TourPlannerCore

/// Resolution of a place a person types on the command line (`--base`, `--stops`, teams files,
/// `cities resolve`): stricter than member imports, and it says what it chose and why.
///
/// Rules (README "Places from the command line"):
/// - "City, Q" or "City, Region, Country": each qualifier must be the place's region (code, name
///   or abbreviation: "MD", "Maryland", "Mass") or its country (ISO code or name: "FR", "France",
///   "UK"). A two-letter qualifier is read both ways at once, so "Paris, FR" is the French Paris
///   and "Baltimore, MD" Maryland (not Moldova). A qualifier that is neither a known region nor a
///   country, or that no place of that name has, refuses the text with the candidates.
/// - Names match exactly, by an alternate name or by an abbreviation (St. ↔ Saint); only if none
///   does are typos tried (one edit for names of 4–6 letters, two for longer), and a typo is used
///   only when exactly one place is that close.
/// - Among the places that fit, those in the organization's countries (where its members live)
///   come first, then the most populous (then the lower GeoNames id).
/// - Confidence: 1.0 for the name, 0.95 for an alternate name or abbreviation, 0.85 / 0.70 for one
///   or two edits; when several places fit, × (0.5 + 0.5 × the chosen place's share of their
///   weight), a place's weight being its population, × 10 in the organization's countries.
///   Below ``CityResolver/threshold`` (0.7, the same as for member imports) the text is refused
///   with the candidates.
extension CityResolver {
    /// A place in the organization's countries weighs this many times its population.
    static let organizationWeight = 10.0

    /// Resolves a place typed by a person: "Richmond, CA", "Paris, France", "Springfield".
    ///
    /// - Parameters:
    ///   - text: the place as typed.
    ///   - organizationCountries: ISO codes of the countries where the organization's members
    ///     live (empty when there is no store); their places come first.
    /// - Returns: the place used and its alternatives, or a refusal with the candidates.
    /// - Complexity: a few hash lookups; a typo search scans the keys of similar length.
    package func resolvePlace(_ text: String, organizationCountries: Set<String> = []) -> PlaceLookup {
        var parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var city = parts.removeFirst()
        var qualifiers = parts.filter { !$0.isEmpty }
        guard !city.isEmpty else { return refusal(text, "the place is empty") }
        var viaAlias = false
        if let target = aliases.target(for: ([city] + qualifiers).joined(separator: " ")) {
            (city, qualifiers, viaAlias) = (target.city, [target.region, target.country].compactMap { $0 }, true)
        } else if let target = aliases.target(for: city) {
            city = target.city
            qualifiers += [target.region, target.country].compactMap { $0 }
            viaAlias = true
        }
        var cityKey = TextFolding.fold(city)
        guard cityKey.contains(where: \.isLetter) else {
            return refusal(text, "\"\(city)\" is not a place name")
        }
        var candidates = nameMatches(cityKey)
        // "Cinncinati OH": no place has the whole name and the last word is a region or country.
        if candidates.isEmpty, qualifiers.isEmpty, let space = cityKey.lastIndex(of: " ") {
            let tail = String(cityKey[cityKey.index(after: space)...])
            if !gazetteer.regions.matches(tail).isEmpty || gazetteer.countries.code(for: tail) != nil {
                cityKey = String(cityKey[..<space])
                city = String(city[..<(city.lastIndex(of: " ") ?? city.endIndex)])
                qualifiers = [tail]
                candidates = nameMatches(cityKey)
            }
        }
        if candidates.isEmpty, qualifiers.isEmpty,
            !gazetteer.regions.matches(city).isEmpty || gazetteer.countries.code(for: city) != nil
        {
            return refusal(
                text, "\"\(city)\" is a region or a country, not a city or town: write \"City, \(city)\"")
        }
        if candidates.isEmpty { candidates = typoMatches(cityKey) }
        guard !candidates.isEmpty else {
            return refusal(text, "no place called \"\(city)\" in the gazetteer (places of 5,000+ people)")
        }
        // Qualifiers: each must be some region or some country, and the place's own.
        var fitting = candidates
        for qualifier in qualifiers {
            let regions = Set(gazetteer.regions.matches(qualifier).map { $0.countryCode + "." + $0.admin1 })
            let country = gazetteer.countries.code(for: qualifier)
            let key = TextFolding.fold(qualifier)
            guard !regions.isEmpty || country != nil else {
                return refusal(
                    text, "\"\(qualifier)\" is neither a region nor a country we know",
                    alternatives: ranked(candidates, organizationCountries).prefix(5).map {
                        place($0, text: text, confidence: $0.base)
                    })
            }
            fitting = fitting.filter {
                let entry = gazetteer.entries[Int($0.index)]
                return regions.contains(entry.countryCode + "." + entry.admin1) || country == entry.countryCode
                    || key == TextFolding.fold(entry.admin1)
            }
            if fitting.isEmpty {
                return refusal(
                    text, "no place called \"\(city)\" has the region or country \"\(qualifier)\"",
                    alternatives: ranked(candidates, organizationCountries).prefix(5).map {
                        place($0, text: text, confidence: $0.base)
                    })
            }
        }
        // The closest match only: names before typos of one edit, before two.
        let bestTier = fitting.map(\.tier).min() ?? 0
        let ordered = ranked(fitting.filter { $0.tier == bestTier }, organizationCountries)
        let chosen = ordered[0]
        if bestTier > 0 && ordered.count > 1 {
            return refusal(
                text, "\"\(city)\" is not a place name; \(ordered.count) places are spelled almost like it",
                alternatives: ordered.prefix(5).map { place($0, text: text, confidence: $0.base) })
        }
        let total = ordered.reduce(0.0) { $0 + weight($1, organizationCountries) }
        func confidence(_ match: Match) -> Double {
            let share = ordered.count > 1 ? weight(match, organizationCountries) / total : 1
            return ((match.base * (0.5 + 0.5 * share)) * 1000).rounded() / 1000
        }
        let alternatives = ordered.dropFirst().prefix(5).map { place($0, text: text, confidence: confidence($0)) }
        let how = viaAlias ? "alias, then \(chosen.how)" : chosen.how
        var result = place(chosen, text: text, confidence: confidence(chosen), how: how)
        if result.confidence < ResolvedPlace.clearConfidence, !alternatives.isEmpty {
            result.alsoFits = alternatives.prefix(2).map(\.label)
        }
        var reason = how
        if ordered.count > 1 {
            let own = organizationCountries.sorted()
            let countries = own.prefix(5).joined(separator: ", ") + (own.count > 5 ? ", …" : "")
            reason +=
                "; \(ordered.count) places fit \"\(text)\": chose "
                + (organizationCountries.contains(result.country)
                    ? "the most populous in the organization's countries (\(countries))" : "the most populous")
        }
        if let other = otherReading(of: qualifiers, chosen: chosen, among: ordered) {
            reason += "; \(other)"
        }
        guard result.confidence >= Self.threshold else {
            let score = "confidence \(ResolvedPlace.format(result.confidence)), below \(Self.threshold)"
            let reason =
                ordered.count == 1
                ? "\"\(city)\" is not a place name; the closest is \(result.label) (\(how), \(score))"
                : "not sure which place \"\(text)\" is: \(ordered.count) places fit; best guess \(result.label) (\(score))"
            return PlaceLookup(
                text: text, status: .refused, place: nil, confidence: result.confidence, reason: reason,
                alternatives: [result] + alternatives.prefix(4))
        }
        return PlaceLookup(
            text: text, status: .resolved, place: result, confidence: result.confidence, reason: reason,
            alternatives: Array(alternatives))
    }

    /// A name match: an entry, how well the name matched (base score) and the match tier
    /// (0 name, 1 one edit, 2 two edits).
    struct Match {
        var index: Int32
        var base: Double
        var how: String
        var tier: Int
    }

    /// Entries with this name, an alternate name, or the name with abbreviations expanded or
    /// contracted ("Saint Louis" ↔ "St. Louis"), else "city of X" / "X city" as X; one match per
    /// entry, the best.
    func nameMatches(_ key: String) -> [Match] {
        var result: [Match] = []
        var seen: Set<Int32> = []
        func add(_ key: String, how: String? = nil) {
            for index in gazetteer.entries(forKey: key) where seen.insert(index).inserted {
                let isName = gazetteer.isName(key, of: index)
                result.append(
                    Match(
                        index: index, base: how == nil ? (isName ? 1.0 : 0.95) : 0.95,
                        how: how ?? (isName ? "exact name" : "alternate name"), tier: 0))
            }
        }
        add(key)
        let words = key.split(separator: " ").map(String.init)
        let contractions = Dictionary(
            Self.abbreviations.filter { $0.key.count > 1 }.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        let expanded = words.map { Self.abbreviations[$0] ?? $0 }.joined(separator: " ")
        let contracted = words.map { contractions[$0] ?? $0 }.joined(separator: " ")
        for variant in [expanded, contracted] where variant != key { add(variant, how: "abbreviation") }
        // "City of X" / "X City" only when nothing has the name as typed ("Mexico City" is not Mexico, MO).
        guard result.isEmpty else { return result }
        if words.count > 2, words[0] == "city", words[1] == "of" {
            add(words.dropFirst(2).joined(separator: " "), how: "abbreviation")
        }
        if words.count > 1, words.last == "city" { add(words.dropLast().joined(separator: " "), how: "abbreviation") }
        return result
    }

    /// Entries within one edit (names of 4–6 letters) or two (7+) of the key; none for keys
    /// with digits.
    func typoMatches(_ key: String) -> [Match] {
        guard key.count >= 4, !key.contains(where: \.isNumber) else { return [] }
        var result: [Match] = []
        var seen: Set<Int32> = []
        for near in gazetteer.keys(near: key, maxDistance: key.count >= 7 ? 2 : 1) {
            for index in gazetteer.entries(forKey: near.key) where seen.insert(index).inserted {
                result.append(
                    Match(
                        index: index, base: near.distance == 1 ? 0.85 : 0.70,
                        how: "typo (\(near.distance) edit\(near.distance == 1 ? "" : "s"))", tier: near.distance))
            }
        }
        return result
    }

    /// The organization's countries first, then population, then GeoNames id.
    func ranked(_ matches: [Match], _ organizationCountries: Set<String>) -> [Match] {
        matches.sorted { a, b in
            let (x, y) = (gazetteer.entries[Int(a.index)], gazetteer.entries[Int(b.index)])
            let (xOwn, yOwn) = (
                organizationCountries.contains(x.countryCode), organizationCountries.contains(y.countryCode)
            )
            if xOwn != yOwn { return xOwn }
            if a.tier != b.tier { return a.tier < b.tier }
            return (x.population, -x.geonameId) > (y.population, -y.geonameId)
        }
    }

    func weight(_ match: Match, _ organizationCountries: Set<String>) -> Double {
        let entry = gazetteer.entries[Int(match.index)]
        return Double(max(1, entry.population))
            * (organizationCountries.contains(entry.countryCode) ? Self.organizationWeight : 1)
    }

    func place(_ match: Match, text: String, confidence: Double, how: String? = nil) -> ResolvedPlace {
        place(entry: gazetteer.entries[Int(match.index)], text: text, confidence: confidence, how: how ?? match.how)
    }

    func place(entry: GazetteerEntry, text: String, confidence: Double, how: String) -> ResolvedPlace {
        let region = gazetteer.regions.region(countryCode: entry.countryCode, admin1: entry.admin1)
        return ResolvedPlace(
            text: text, name: entry.name, region: region?.name,
            regionCode: region.map { $0.isoCode.isEmpty ? $0.admin1 : $0.isoCode } ?? entry.admin1.nilIfEmpty,
            country: entry.countryCode, countryName: gazetteer.countries.name(for: entry.countryCode),
            geonameId: entry.geonameId, latitude: entry.latitude, longitude: entry.longitude, timeZone: entry.timeZone,
            population: entry.population, confidence: confidence, match: how, admin1: entry.admin1)
    }

    func refusal(_ text: String, _ reason: String, alternatives: [ResolvedPlace] = []) -> PlaceLookup {
        PlaceLookup(text: text, status: .refused, place: nil, confidence: 0, reason: reason, alternatives: alternatives)
    }

    /// "\"CA\" also read as the country Canada: Richmond, British Columbia, CA", when the one
    /// qualifier, read the other way (region ↔ country), fits another place.
    func otherReading(of qualifiers: [String], chosen: Match, among ordered: [Match]) -> String? {
        guard qualifiers.count == 1, let qualifier = qualifiers.first else { return nil }
        let regions = Set(gazetteer.regions.matches(qualifier).map { $0.countryCode + "." + $0.admin1 })
        let country = gazetteer.countries.code(for: qualifier)
        func byRegion(_ entry: GazetteerEntry) -> Bool {
            regions.contains(entry.countryCode + "." + entry.admin1)
                || TextFolding.fold(qualifier) == TextFolding.fold(entry.admin1)
        }
        let entry = gazetteer.entries[Int(chosen.index)]
        let others = ordered.filter { $0.index != chosen.index }
        if country == entry.countryCode {
            guard let other = others.first(where: { byRegion(gazetteer.entries[Int($0.index)]) }) else { return nil }
            return "\"\(qualifier)\" also read as a region: \(place(other, text: "", confidence: 0).label)"
        }
        guard let country, let other = others.first(where: { gazetteer.entries[Int($0.index)].countryCode == country })
        else { return nil }
        let name = gazetteer.countries.name(for: country) ?? country
        return "\"\(qualifier)\" also read as the country \(name): \(place(other, text: "", confidence: 0).label)"
    }
}
