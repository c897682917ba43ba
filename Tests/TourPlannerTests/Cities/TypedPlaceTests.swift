import Foundation
import Testing

@testable import TourPlanner

/// The bundled gazetteer with the bundled aliases' lines used here (read-only, loaded once).
enum TypedGazetteer {
    static let resolver: CityResolver? = {
        guard let gazetteer = try? Gazetteer.loadBundled() else { return nil }
        let aliases = try? PlaceAliases(
            text: "Philly\tPhiladelphia, PA, US\nWashington DC\tWashington, DC, US\nNew York\tNew York City, NY, US\n",
            fileName: "aliases.tsv")
        return CityResolver(gazetteer: gazetteer, aliases: aliases ?? PlaceAliases())
    }()
}

@Suite("Places typed on the command line")
struct TypedPlaceTests {
    /// "City, CC" for capitals and large cities; each id looked up by hand in Cities/gazetteer.tsv
    /// (the most populous place of that name in that country).
    @Test(arguments: [
        ("Paris, FR", 2988507), ("Paris, France", 2988507), ("Lyon, FR", 2996944), ("Rome, IT", 3169070),
        ("Amsterdam, NL", 2759794), ("Warsaw, PL", 756135), ("Cairo, EG", 360630), ("Seoul, KR", 1835848),
        ("Manchester, UK", 2643123), ("Manchester, GB", 2643123), ("Berlin, DE", 2950159), ("Madrid, ES", 3117735),
        ("Lisbon, PT", 2267057), ("Vienna, AT", 2761369), ("Brussels, BE", 2800866), ("Prague, CZ", 3067696),
        ("Budapest, HU", 3054643), ("Athens, GR", 264371), ("Stockholm, SE", 2673730), ("Oslo, NO", 3143244),
        ("Copenhagen, DK", 2618425), ("Helsinki, FI", 658225), ("Dublin, IE", 2964574), ("London, GB", 2643743),
        ("Tokyo, JP", 1850147), ("Beijing, CN", 1816670), ("Shanghai, CN", 1796236), ("Delhi, IN", 1273294),
        ("Mumbai, IN", 1275339), ("Bangkok, TH", 1609350), ("Jakarta, ID", 1642911), ("Manila, PH", 1701668),
        ("Nairobi, KE", 184745), ("Lagos, NG", 2332459), ("Johannesburg, ZA", 993800),
        ("Buenos Aires, AR", 3435910), ("Santiago, CL", 3871336), ("Lima, PE", 3936456), ("Bogota, CO", 3688689),
        ("Mexico City, MX", 3530597), ("Toronto, CA", 6167865), ("Sydney, AU", 2147714), ("Ottawa, CA", 6094817),
        ("Istanbul, TR", 745044), ("Moscow, RU", 524901), ("Kyiv, UA", 703448), ("Bern, CH", 2661552),
        ("Tehran, IR", 112931), ("Hanoi, VN", 1581130), ("Canberra, AU", 2172517), ("Wellington, NZ", 2179537),
        ("Montevideo, UY", 3441575), ("Havana, CU", 3553478), ("Accra, GH", 2306104), ("Dakar, SN", 2253354),
        ("Rabat, MA", 2538475), ("Tunis, TN", 2464470), ("Riyadh, SA", 108410),
    ])
    func cityAndCountryCode(text: String, geonameId: Int) throws {
        let resolver = try #require(TypedGazetteer.resolver)
        for countries in [Set<String>(), ["US"]] {
            let lookup = resolver.resolvePlace(text, organizationCountries: countries)
            #expect(lookup.place?.geonameId == geonameId, "\(text) \(countries): \(lookup.reason)")
            #expect(lookup.confidence >= CityResolver.threshold)
        }
    }

    @Test(
        "US places typed as people type them",
        arguments: [
            ("Baltimore, MD", 4347778), ("Philly", 4560349), ("Washington DC", 4140963), ("Washington, D.C.", 4140963),
            ("Cincinati OH", 4508722), ("Baltimor", 4347778), ("Boston, Massachusetts", 4930956),
            ("Saint Louis, MO", 4407066),
            ("St. Louis", 4407066), ("Portland", 5746545), ("New York", 5128581),
        ])
    func usPlaces(text: String, geonameId: Int) throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace(text, organizationCountries: ["US"])
        #expect(lookup.place?.geonameId == geonameId, "\(text): \(lookup.reason)")
    }

    @Test("\"Richmond, CA\": California for a US organization, also Richmond, British Columbia")
    func richmond() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let us = resolver.resolvePlace("Richmond, CA", organizationCountries: ["US"])
        #expect(us.place?.geonameId == 5387428)
        #expect(us.alternatives.map(\.geonameId) == [6122085, 6122084])  // British Columbia, Alberta
        #expect(us.reason.contains("\"CA\" also read as the country Canada: Richmond, British Columbia, CA"))
        // Weights: California 109,708 × 10 = 1,097,080 against British Columbia 209,937 and Alberta
        // 5,250: share 1,097,080 / 1,312,267 = 0.8360, so 0.5 + 0.5 × 0.8360 = 0.918.
        #expect(abs(us.confidence - 0.918) < 0.0005)
        // A Canadian organization gets British Columbia; with no store, population decides (209,937 > 109,708).
        #expect(resolver.resolvePlace("Richmond, CA", organizationCountries: ["CA"]).place?.geonameId == 6122085)
        let none = resolver.resolvePlace("Richmond, CA")
        #expect(none.place?.geonameId == 6122085)
        #expect(none.reason.contains("\"CA\" also read as a region: Richmond, California, US"))
    }

    @Test("\"Saint Louis\": St. Louis, Missouri for a US organization")
    func saintLouis() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Saint Louis", organizationCountries: ["US"])
        #expect(lookup.place?.geonameId == 4407066)
        #expect(lookup.reason.contains("chose the most populous in the organization's countries (US)"))
        #expect(lookup.alternatives.first?.geonameId == 5008414)  // Saint Louis, Michigan: the other US one
    }

    @Test("\"Atlantis, XX\" is refused: XX is neither a region nor a country")
    func atlantis() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Atlantis, XX", organizationCountries: ["US"])
        #expect(lookup.status == .refused)
        #expect(lookup.place == nil)
        #expect(lookup.reason == "\"XX\" is neither a region nor a country we know")
        #expect(lookup.alternatives.map(\.country).contains("ZA"))
    }

    @Test("a qualifier that is a real region or country, but not the place's, is refused with the candidates")
    func contradicting() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Baltimore, CA")
        #expect(lookup.status == .refused)
        #expect(lookup.reason == "no place called \"Baltimore\" has the region or country \"CA\"")
        #expect(lookup.alternatives.map(\.geonameId) == [4347778])
    }

    @Test("\"Springfield\" is refused under the threshold and echoed with its alternatives")
    func springfield() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Springfield", organizationCountries: ["US"])
        #expect(lookup.status == .refused)
        #expect(lookup.confidence < CityResolver.threshold)
        // Best guess first: Missouri (170,188), then Massachusetts (154,341), Illinois (114,394).
        #expect(lookup.alternatives.prefix(3).map(\.geonameId) == [4409896, 4951788, 4250542])
        #expect(lookup.alternatives.prefix(3).map(\.region) == ["Missouri", "Massachusetts", "Illinois"])
        #expect(lookup.reason.hasPrefix("not sure which place \"Springfield\" is"))
    }

    @Test("an ambiguous typo is refused with every place spelled like it")
    func ambiguousTypo() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Bostn", organizationCountries: ["US"])
        #expect(lookup.status == .refused)
        // Boston, Massachusetts and Boston, New York (US first), then by population Boston, England
        // and two places whose alternate names are one edit away: Lashkar Gāh ("Bost"), Bostān.
        #expect(lookup.alternatives.map(\.geonameId) == [4930956, 5109797, 2655138, 1134720, 140023])
        #expect(lookup.reason == "\"Bostn\" is not a place name; 5 places are spelled almost like it")
    }

    @Test("an unambiguous typo of one edit is used, and says it was a typo")
    func unambiguousTypo() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Cincinati")
        #expect(lookup.place?.geonameId == 4508722)
        #expect(lookup.place?.match == "typo (1 edit)")
        #expect(abs(lookup.confidence - 0.85) < 0.0005)
        #expect(
            lookup.place?.echo
                == "\"Cincinati\" → Cincinnati, Ohio, US (geonameid 4508722, confidence 0.850, typo (1 edit))")
    }

    @Test("a typo of two edits (0.70) with one place that close is used, at the shared threshold, as on import")
    func twoEditTypo() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Cinncinati, OH")
        #expect(lookup.status == .resolved)
        #expect(lookup.place?.geonameId == 4508722 && lookup.confidence == 0.7)
        #expect(
            lookup.place?.echo
                == "\"Cinncinati, OH\" → Cincinnati, Ohio, US (geonameid 4508722, confidence 0.700, typo (2 edits))")
    }

    @Test("the echo encodes as JSON with name, region, country and confidence")
    func echoJSON() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let place = try #require(resolver.resolvePlace("Baltimore, MD").place)
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(place)) as? [String: Any])
        #expect(object["name"] as? String == "Baltimore")
        #expect(object["region"] as? String == "Maryland")
        #expect(object["country"] as? String == "US")
        #expect((object["confidence"] as? Double).map { abs($0 - 1) < 0.0005 } == true)
        #expect(object["text"] as? String == "Baltimore, MD")
    }

    @Test("a user alias file adds to the bundled aliases and wins where both define one")
    func aliasesAdd() throws {
        let bundled = try PlaceAliases(text: "Philly\tPhiladelphia, PA, US\n", fileName: "aliases.tsv")
        let user = try PlaceAliases(
            text: "Beantown\tBoston, MA, US\nPhilly\tPhiladelphia, MS, US\n", fileName: "mine.tsv")
        let merged = bundled.adding(user)
        #expect(merged.targets.count == 2)
        #expect(merged.targets["beantown"]?.city == "Boston")
        #expect(merged.targets["philly"]?.region == "MS")
        #expect(merged.fingerprint == bundled.fingerprint + "+" + user.fingerprint)
    }
}

@Suite("Places typed on the command line: names that are not cities")
struct TypedPlaceNameTests {
    @Test("\"Mexico City\" is Mexico City, not Mexico, Missouri, even for a US organization")
    func cityInName() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        #expect(resolver.resolvePlace("Mexico City", organizationCountries: ["US"]).place?.geonameId == 3530597)
    }

    @Test("a region or country alone is refused: it is not a city")
    func regionAlone() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Georgia", organizationCountries: ["US"])
        #expect(lookup.status == .refused)
        #expect(lookup.reason == "\"Georgia\" is a region or a country, not a city or town: write \"City, Georgia\"")
    }
}
