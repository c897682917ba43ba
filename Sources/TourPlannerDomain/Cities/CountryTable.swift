import CitiesData
package import Foundation
import TourPlannerCore

/// Countries by ISO code and by every name people type ("US", "USA", "United States",
/// "Norge", "UK"…), with continent, currency and calling code (GeoNames data).
public struct CountryTable: Sendable {
    /// One country of the table.
    public struct Country: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 code, e.g. "NO".
        package var code: String
        /// ISO 3166-1 alpha-3 code, e.g. "NOR".
        package var iso3: String
        /// English name, e.g. "Norway".
        package var name: String
        /// Continent code: AF, AN, AS, EU, NA, OC or SA.
        package var continent: String
        /// ISO 4217 code of the country's currency, e.g. "NOK".
        package var currency: String
        /// International calling code without the plus, e.g. "47" (empty for a few territories).
        package var callingCode: String
    }

    /// Every country, by alpha-2 code.
    package private(set) var countries: [String: Country] = [:]
    private var codeByKey: [String: String] = [:]

    /// Parses `countries.tsv`.
    package init(data: Data) {
        TSVFile.forEachRow(in: data) { fields in
            guard fields.count >= 7 else { return }
            let country = Country(
                code: String(fields[0]), iso3: String(fields[1]), name: String(fields[2]), continent: String(fields[3]),
                currency: String(fields[4]), callingCode: String(fields[5]))
            countries[country.code] = country
            for key in fields[6].split(separator: "|") where codeByKey[String(key)] == nil {
                codeByKey[String(key)] = country.code
            }
            codeByKey[TextFolding.fold(country.name)] = country.code
            codeByKey[country.code.lowercased()] = country.code
        }
    }

    /// The bundled table.
    ///
    /// - Throws: `GazetteerError` when the bundled file is missing.
    package static func loadBundled() throws -> CountryTable {
        guard let url = CitiesData.url(of: "countries.tsv"), let data = try? Data(contentsOf: url) else {
            throw GazetteerError(file: "countries.tsv", problem: "is missing from this build")
        }
        return CountryTable(data: data)
    }

    /// ISO 3166-1 alpha-2 code for a country name or code as typed, or nil.
    package func code(for text: String) -> String? {
        let key = TextFolding.fold(text)
        if key.isEmpty { return nil }
        if let code = codeByKey[key] { return code }
        let compact = key.replacingOccurrences(of: " ", with: "")
        return codeByKey[compact]
    }

    /// The English name of a country code (any case), or nil for an unknown code.
    package func name(for code: String) -> String? { countries[code.uppercased()]?.name }
    /// The continent code (AF AN AS EU NA OC SA) of a country code (any case), or nil.
    package func continent(for code: String) -> String? { countries[code.uppercased()]?.continent }
    /// The ISO 4217 currency code of a country code (any case), or nil.
    package func currency(for code: String) -> String? { countries[code.uppercased()]?.currency }
}
