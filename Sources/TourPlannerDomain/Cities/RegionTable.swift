import CitiesData
package import Foundation
import TourPlannerCore

/// First-level regions (states, provinces, Länder…): GeoNames admin-1 codes with their ISO
/// 3166-2 codes and names, matched by code ("MA"), name ("Massachusetts") or abbreviation
/// ("Mass", "Calif", "D.C.").
public struct RegionTable: Sendable {
    /// One first-level region (a state, province or Land).
    public struct Region: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 code of the region's country.
        package var countryCode: String
        /// GeoNames admin-1 code (what gazetteer entries carry), e.g. "MA", "09", "ENG".
        package var admin1: String
        /// ISO 3166-2, e.g. "US-MA", "AT-9", "GB-ENG" (empty when unknown).
        package var isoCode: String
        /// The region's name, e.g. "Massachusetts".
        package var name: String
    }

    private(set) var regions: [Region] = []
    private var byKey: [String: [Int]] = [:]
    private var byAdmin1: [String: Int] = [:]

    /// Parses `admin1.tsv` (country, admin-1 code, ISO 3166-2 code, name, search keys); rows with fewer than five
    /// fields are skipped.
    package init(data: Data) {
        TSVFile.forEachRow(in: data) { fields in
            guard fields.count >= 5 else { return }
            let region = Region(
                countryCode: String(fields[0]), admin1: String(fields[1]), isoCode: String(fields[2]),
                name: String(fields[3]))
            let index = regions.count
            regions.append(region)
            byAdmin1[region.countryCode + "." + region.admin1] = index
            var keys = Set(fields[4].split(separator: "|").map(String.init))
            keys.insert(TextFolding.fold(region.name))
            for key in keys { byKey[key, default: []].append(index) }
            // "D.C." folds to "d c": also index the letters run together.
            for key in keys where key.contains(" ") && key.count <= 5 {
                byKey[key.replacingOccurrences(of: " ", with: ""), default: []].append(index)
            }
        }
    }

    /// The bundled table.
    ///
    /// - Throws: `GazetteerError` when the bundled `admin1.tsv` is missing.
    package static func loadBundled() throws -> RegionTable {
        guard let url = CitiesData.url(of: "admin1.tsv"), let data = try? Data(contentsOf: url) else {
            throw GazetteerError(file: "admin1.tsv", problem: "is missing from this build")
        }
        return RegionTable(data: data)
    }

    /// Regions whose code, name or abbreviation matches the text, optionally in one country.
    package func matches(_ text: String, countryCode: String? = nil) -> [Region] {
        let key = TextFolding.fold(text)
        var indices = byKey[key] ?? []
        if indices.isEmpty { indices = byKey[key.replacingOccurrences(of: " ", with: "")] ?? [] }
        let found = indices.map { regions[$0] }
        guard let countryCode else { return found }
        return found.filter { $0.countryCode == countryCode }
    }

    /// The region with a GeoNames admin-1 code in a country (as gazetteer entries carry it), or nil.
    package func region(countryCode: String, admin1: String) -> Region? {
        byAdmin1[countryCode + "." + admin1].map { regions[$0] }
    }
}
