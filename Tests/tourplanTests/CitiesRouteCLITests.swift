import Foundation
import Testing

@Suite("tourplan cities route: end to end")
struct CitiesRouteCLITests {
    // New York City (40.71427, -74.00597) – Boston (42.35843, -71.05977): 305.84 km great circle
    // (haversine, R = 6371.0088 km) × 1.1788 = 360.5 road km; 0.18 + 360.52 / 103.67 = 3.66 h;
    // with a 15% margin (--traffic-margin 0.15) 4.21 h.

    @Test("table: the leg on stdout, each place echoed as resolved on stderr")
    func table() throws {
        let result = try CLIRunner.run(["cities", "route", "New York, NY", "Boston, MA"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "New York City → Boston: 360.5 km, 3.66 h without traffic (model)\n"
        )
        #expect(
            result.stderr
                == """
                place: "New York, NY" → New York City, New York, US (geonameid 5128581, confidence 1.000, alias, then exact name)
                place: "Boston, MA" → Boston, Massachusetts, US (geonameid 4930956, confidence 1.000, exact name)

                """)
    }

    @Test("JSON: from, to, km, hours and source, exactly")
    func json() throws {
        // Delhi (28.65195, 77.23149) – Agra (27.18333, 78.01667): 180.61 km × 1.1788 = 212.9 road km;
        // trunk roads: 0.18 + 212.90 / (103.67 × 0.5687) = 3.79 h.
        let result = try CLIRunner.run(["cities", "route", "Delhi, India", "Agra, India", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["from", "to", "km", "hours", "source"])
        #expect(json["km"] as? Double == 212.9 && json["hours"] as? Double == 3.79)
        #expect(json["source"] as? String == "model")
        let from = try #require(json["from"] as? [String: Any])
        #expect(from["name"] as? String == "Delhi" && from["country"] as? String == "IN")
        #expect(from["region"] as? String == "Delhi" && from["confidence"] as? Double == 1)
        #expect(from["geonameId"] as? Int == 1_273_294 && from["text"] as? String == "Delhi, India")
        let to = try #require(json["to"] as? [String: Any])
        #expect(to["name"] as? String == "Agra" && to["region"] as? String == "Uttar Pradesh")
    }

    @Test("a matrix pair, by the places' resolved names, either way round, is the source")
    func matrix() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("matrix.csv", "from,to,km,hours\nNew York City,Boston,346,3.75\n")
        let result = try CLIRunner.run([
            "cities", "route", "Boston, MA", "New York, NY", "--matrix", file, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["km"] as? Double == 346 && json["hours"] as? Double == 3.75)
        #expect(json["source"] as? String == "matrix")
    }

    @Test("--format takes table or json only: anything else is a usage error (64)")
    func badFormat() throws {
        let result = try CLIRunner.run(["cities", "route", "Boston, MA", "New York, NY", "--format", "csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("table") && result.stderr.contains("json"))
    }

    @Test("an unknown place: exit 1, every failing place named, with suggestions")
    func unknownPlace() throws {
        let result = try CLIRunner.run(["cities", "route", "Xyzzyville", "Springfeld"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Error: FROM \"Xyzzyville\" does not resolve: no place called \"Xyzzyville\""))
        #expect(result.stderr.contains("TO \"Springfeld\" does not resolve: "))
        #expect(result.stderr.contains("(did you mean Springfield, "))
        #expect(result.stderr.contains("hint: write each place as \"City, Region, Country\""))
    }
}
