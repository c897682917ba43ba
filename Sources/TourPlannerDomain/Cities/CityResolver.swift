import Foundation
import TourPlannerCore

/// Resolves typed places ("Cinncinati", "OH", "USA") to gazetteer entries, forgiving case,
/// accents, punctuation, abbreviations, local names and typos, and never guessing below the
/// confidence threshold (`threshold`, shared with places typed on the command line).
///
/// Scoring (documented in README "Place resolution"): a candidate's base score is 1.0 for its
/// own name, 0.95 for an alternate name or an expanded abbreviation (St. → Saint), and
/// 0.85 / 0.70 for one or two typing edits. A region that agrees keeps the score, one that
/// contradicts halves it; a country that contradicts removes the candidate. Among equal
/// candidates the more populous wins, and with no region or country given the confidence
/// shrinks with the ambiguity: × (0.5 + 0.5 × the winner's share of the candidates'
/// population). A typo is used only when exactly one place is that close (as on the command
/// line). Below `threshold` (0.7) the place stays unresolved, with up to three suggestions.
public struct CityResolver: Sendable {
    /// The one confidence (0.7) below which a place is never used, whoever typed it: a member's
    /// place stays unresolved, with its best candidates (`tourplan members --unresolved`), and a
    /// place typed on the command line is refused with them (README "Place resolution").
    ///
    /// Member imports and the command line share it and the typo rule (a typo is used only when
    /// exactly one place is that close), so they agree on what is too weak: "Atlantis, US" (two
    /// places one edit away) is refused by both; "Cincinati, OH" (one edit, 0.85) and
    /// "Cinncinati, OH" (two edits, one place, 0.70) are used by both.
    package static let threshold = 0.7
    /// Revision of the rules that decide a resolution; part of ``version``, so resolutions cached
    /// under older rules (such as the 0.6 threshold member imports used before) are redone.
    static let rulesRevision = "rules:2"
    /// The gazetteer searched.
    package let gazetteer: Gazetteer
    /// User and bundled aliases, tried before the gazetteer's own names.
    package let aliases: PlaceAliases

    /// Creates a resolver over a loaded gazetteer and aliases (none by default).
    public init(gazetteer: Gazetteer, aliases: PlaceAliases = PlaceAliases()) {
        self.gazetteer = gazetteer
        self.aliases = aliases
    }

    /// Identifies gazetteer + aliases, stored with cached resolutions.
    package var version: String { Self.version(gazetteer: gazetteer.version, aliases: aliases) }

    /// The version a resolver of this gazetteer and these aliases would have, without loading it:
    /// a command can check the store's place cache before paying for the gazetteer.
    package static func version(gazetteer: String, aliases: PlaceAliases) -> String {
        gazetteer + "+" + rulesRevision + (aliases.fingerprint.isEmpty ? "" : "+aliases:" + aliases.fingerprint)
    }

    static let abbreviations: [String: String] = [
        "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point", "sta": "santa", "sto": "santo",
        "s": "san", "n": "north", "e": "east", "w": "west", "hts": "heights", "spgs": "springs", "spg": "springs",
    ]

    /// Resolves a free-text place: "Cinncinati, OH", "Washington D.C.", "Wien, Austria".
    package func resolve(text: String) -> PlaceResolution {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let city = parts.first, !city.isEmpty else {
            return PlaceResolution(entry: nil, confidence: 0, reason: "the place is empty", suggestions: [])
        }
        let rest = parts.dropFirst().joined(separator: ",")
        if parts.count > 3 {
            return resolve(
                PlaceKey(
                    city: city, region: parts[1].nilIfEmpty,
                    country: rest.split(separator: ",").last.map(String.init)?.trimmingCharacters(in: .whitespaces)
                        .nilIfEmpty))
        }
        return resolve(
            PlaceKey(
                city: city, region: parts.count > 1 ? parts[1].nilIfEmpty : nil,
                country: parts.count > 2 ? parts[2].nilIfEmpty : nil))
    }

    /// Resolves a member's raw (city, region, country).
    ///
    /// - Complexity: a few hash lookups; a typo search scans one bucket of keys per length.
    public func resolve(_ key: PlaceKey) -> PlaceResolution {
        var city = key.city.trimmedOfWhitespaceAndNewlines
        var region = key.region?.trimmedOfWhitespaceAndNewlines.nilIfEmpty
        var country = key.country?.trimmedOfWhitespaceAndNewlines.nilIfEmpty
        // "Washington, D.C." typed into the city field.
        if city.contains(",") {
            let parts = city.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            city = parts.first ?? ""
            if region == nil, parts.count > 1 { region = parts[1] }
            if country == nil, parts.count > 2 { country = parts[2] }
        }
        // Aliases first: the whole string, then the city alone.
        var viaAlias = false
        for candidate in [[city, region ?? ""].joined(separator: " "), city] {
            if let target = aliases.target(for: candidate) {
                city = target.city
                region = target.region ?? region
                country = target.country ?? country
                viaAlias = true
                break
            }
        }
        let cityKey = TextFolding.fold(city)
        guard !cityKey.isEmpty, cityKey.contains(where: \.isLetter) else {
            return PlaceResolution(
                entry: nil, confidence: 0, reason: "the city \"\(city)\" is empty or not a place name", suggestions: [])
        }

        // Country: known code or nothing; an unknown country is a reason, not a guess.
        var countryCode: String?
        if let country {
            guard let code = gazetteer.countries.code(for: country) else {
                return PlaceResolution(
                    entry: nil, confidence: 0, reason: "the country \"\(country)\" is not a country we know",
                    suggestions: [])
            }
            countryCode = code
        }
        // Region: its admin-1 codes; a region that is really a country is used as the country.
        var regionMatches: [RegionTable.Region] = []
        var regionUnknown = false
        if let region {
            regionMatches = gazetteer.regions.matches(region, countryCode: countryCode)
            if regionMatches.isEmpty {
                if countryCode != nil, !gazetteer.regions.matches(region).isEmpty {
                    let countryName = countryCode.flatMap { gazetteer.countries.name(for: $0) } ?? ""
                    return PlaceResolution(
                        entry: nil, confidence: 0, reason: "the region \"\(region)\" is not in \(countryName)",
                        suggestions: [])
                } else if countryCode == nil, let code = gazetteer.countries.code(for: region) {
                    countryCode = code
                } else {
                    regionUnknown = true
                }
            }
        }
        var candidates = collect(cityKey: cityKey, countryCode: countryCode)
        // "Cinncinati OH" with no separate region: try the last word(s) as the region.
        if candidates.isEmpty || candidates.allSatisfy({ $0.base < 0.9 }), region == nil, cityKey.contains(" ") {
            var words = cityKey.split(separator: " ").map(String.init)
            let tail = words.removeLast()
            let tailRegions = gazetteer.regions.matches(tail, countryCode: countryCode)
            if !tailRegions.isEmpty {
                let split = collect(cityKey: words.joined(separator: " "), countryCode: countryCode)
                if !split.isEmpty {
                    candidates = split
                    regionMatches = tailRegions
                }
            }
        }
        guard !candidates.isEmpty else {
            let scope = countryCode.flatMap { gazetteer.countries.name(for: $0) }.map { " in \($0)" } ?? ""
            return PlaceResolution(
                entry: nil, confidence: 0,
                reason: "no place called \"\(city)\"\(scope) in the gazetteer (places of 5,000+ people)",
                suggestions: [])
        }

        // Score.
        let regionCodes = Set(regionMatches.map { $0.countryCode + "." + $0.admin1 })
        // A bare code shared by regions of many countries ("02", "NS") is weak evidence.
        let regionIsAmbiguous = Set(regionMatches.map(\.countryCode)).count > 3
        let regionKey = region.map(TextFolding.fold) ?? ""
        var scored: [(entry: GazetteerEntry, score: Double, how: String, isTypo: Bool)] = []
        for candidate in candidates {
            let entry = gazetteer.entries[Int(candidate.index)]
            var score = candidate.base
            let agrees =
                regionCodes.contains(entry.countryCode + "." + entry.admin1)
                || (!regionKey.isEmpty && regionKey == TextFolding.fold(entry.admin1))
            if agrees {
                // keeps its score
            } else if !regionCodes.isEmpty {
                score *= regionIsAmbiguous ? 0.9 : 0.5
            } else if regionUnknown {
                score *= 0.9
            }
            scored.append((entry, score, candidate.how, candidate.isTypo))
        }
        scored.sort {
            ($0.score, $0.entry.population, -$0.entry.geonameId) > ($1.score, $1.entry.population, -$1.entry.geonameId)
        }
        // Collapse duplicates of one entry (several keys).
        var seen = Set<Int>()
        scored = scored.filter { seen.insert($0.entry.geonameId).inserted }
        let best = scored[0]
        var confidence = best.score
        let rivals = scored.filter { $0.score >= best.score - 1e-9 }
        if rivals.count > 1 && (regionCodes.isEmpty || regionIsAmbiguous) && countryCode == nil {
            let total = rivals.reduce(0) { $0 + max(1, $1.entry.population) }
            confidence *= 0.5 + 0.5 * Double(max(1, best.entry.population)) / Double(total)
        } else if rivals.count > 1 && (regionCodes.isEmpty || regionIsAmbiguous) {
            let total = rivals.reduce(0) { $0 + max(1, $1.entry.population) }
            confidence *= 0.75 + 0.25 * Double(max(1, best.entry.population)) / Double(total)
        }
        confidence = (confidence * 1000).rounded() / 1000
        let suggestions = scored.prefix(3).map(describe)
        if confidence < Self.threshold {
            return PlaceResolution(
                entry: nil, confidence: confidence,
                reason: "not sure which place \"\(city)\" is (best guess \(describe(best)), confidence \(confidence))",
                suggestions: suggestions)
        }
        // A typo is used only when exactly one place is that close (the command line's rule).
        if best.isTypo, rivals.count > 1 {
            return PlaceResolution(
                entry: nil, confidence: confidence,
                reason:
                    "\"\(city)\" is not a place name; \(rivals.count) places are spelled almost like it"
                    + " (best guess \(describe(best)), confidence \(confidence))",
                suggestions: suggestions)
        }
        return PlaceResolution(
            entry: best.entry, confidence: confidence, reason: viaAlias ? "alias, then \(best.how)" : best.how,
            suggestions: Array(suggestions.dropFirst()),
            regionName: gazetteer.regions.region(countryCode: best.entry.countryCode, admin1: best.entry.admin1)?.name)
    }

    /// "Cambridge, Massachusetts, US".
    package func describe(_ entry: GazetteerEntry) -> String {
        let region = gazetteer.regions.region(countryCode: entry.countryCode, admin1: entry.admin1)?.name
        return [entry.name, region, entry.countryCode].compactMap { $0 }.joined(separator: ", ")
    }

    private func describe(_ scored: (entry: GazetteerEntry, score: Double, how: String, isTypo: Bool)) -> String {
        describe(scored.entry)
    }

    private struct Candidate {
        var index: Int32
        var base: Double
        var how: String
        /// Found by edit distance rather than by a name.
        var isTypo = false
    }

    private func collect(cityKey: String, countryCode: String?) -> [Candidate] {
        func filtered(_ indices: [Int32]) -> [Int32] {
            guard let countryCode else { return indices }
            return indices.filter { gazetteer.entries[Int($0)].countryCode == countryCode }
        }
        var result: [Candidate] = []
        for index in filtered(gazetteer.entries(forKey: cityKey)) {
            let isName = gazetteer.isName(cityKey, of: index)
            result.append(
                Candidate(index: index, base: isName ? 1.0 : 0.95, how: isName ? "exact name" : "alternate name"))
        }
        if !result.isEmpty { return result }
        // Abbreviations and "city of X" / "X city".
        var words = cityKey.split(separator: " ").map(String.init)
        var variants: [String] = []
        if words.contains(where: { Self.abbreviations[$0] != nil }) {
            variants.append(words.map { Self.abbreviations[$0] ?? $0 }.joined(separator: " "))
        }
        if words.count > 2, words[0] == "city", words[1] == "of" {
            variants.append(words.dropFirst(2).joined(separator: " "))
        }
        if words.count > 1, words.last == "city" {
            words.removeLast()
            variants.append(words.joined(separator: " "))
        }
        for variant in variants {
            for index in filtered(gazetteer.entries(forKey: variant)) {
                result.append(Candidate(index: index, base: 0.95, how: "abbreviation"))
            }
        }
        if !result.isEmpty { return result }
        // Typos: one edit for short names, two for names of 7+ letters. Place names hold no
        // digits, so text with digits ("Boston 12", "Apt 4B") is not searched for typos.
        let letters = cityKey.count
        guard letters >= 4, !cityKey.contains(where: \.isNumber) else { return [] }
        let maxDistance = letters >= 7 ? 2 : 1
        for near in gazetteer.keys(near: cityKey, maxDistance: maxDistance) {
            for index in filtered(gazetteer.entries(forKey: near.key)) {
                result.append(
                    Candidate(
                        index: index, base: near.distance == 1 ? 0.85 : 0.70,
                        how: "typo (\(near.distance) edit\(near.distance == 1 ? "" : "s"))", isTypo: true))
            }
        }
        return result
    }
}
