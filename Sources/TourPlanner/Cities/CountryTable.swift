import CitiesData
public import Foundation
import TourPlannerCore

/// Countries by ISO code and by every name people type ("US", "USA", "United States",
/// "Norge", "UK"…), with continent, currency and calling code (GeoNames data).
public struct CountryTable: Sendable {
    public struct Country: Hashable, Sendable {
        public var code: String
        public var iso3: String
        public var name: String
        public var continent: String
        public var currency: String
        public var callingCode: String
    }

    public private(set) var countries: [String: Country] = [:]
    private var codeByKey: [String: String] = [:]

    /// Parses `countries.tsv`.
    public init(data: Data) {
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
    public static func loadBundled() throws -> CountryTable {
        guard let url = CitiesData.url(of: "countries.tsv"), let data = try? Data(contentsOf: url) else {
            throw GazetteerError(file: "countries.tsv", problem: "is missing from this build")
        }
        return CountryTable(data: data)
    }

    /// ISO 3166-1 alpha-2 code for a country name or code as typed, or nil.
    public func code(for text: String) -> String? {
        let key = TextFolding.fold(text)
        if key.isEmpty { return nil }
        if let code = codeByKey[key] { return code }
        let compact = key.replacingOccurrences(of: " ", with: "")
        return codeByKey[compact]
    }

    public func name(for code: String) -> String? { countries[code.uppercased()]?.name }
    public func continent(for code: String) -> String? { countries[code.uppercased()]?.continent }
    public func currency(for code: String) -> String? { countries[code.uppercased()]?.currency }
}
