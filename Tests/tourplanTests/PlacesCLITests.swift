import Foundation
import Testing

@Suite("tourplan: places from the command line are echoed and checked")
struct PlacesCLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("cities resolve: \"Paris, FR\" is the French Paris; Atlantis and Springfield are refused with candidates")
    func citiesResolve() throws {
        let paris = try CLIRunner.run(["cities", "resolve", "Paris, FR", "--format", "json"])
        #expect(paris.status == 0, "\(paris.stderr)")
        let object = try json(paris.stdout)
        #expect(object["status"] as? String == "resolved")
        #expect((object["place"] as? [String: Any])?["geonameId"] as? Int == 2988507)
        #expect((object["resolved"] as? [[String: Any]])?.map { $0["country"] as? String } == ["FR"])

        let atlantis = try CLIRunner.run(["cities", "resolve", "Atlantis, XX"])
        #expect(atlantis.status == 1)
        #expect(
            atlantis.stdout
                == "\"Atlantis, XX\" is not resolved: \"XX\" is neither a region nor a country we know\n"
                + "  did you mean: Atlantis, Western Cape, ZA\n")

        let springfield = try CLIRunner.run(["cities", "resolve", "Springfield", "--organization-country", "US"])
        #expect(springfield.status == 1)
        #expect(
            springfield.stdout.hasPrefix("\"Springfield\" is not resolved: not sure which place \"Springfield\" is"))
        #expect(
            springfield.stdout.contains(
                "did you mean: Springfield, Missouri, US; Springfield, Massachusetts, US; Springfield, Illinois, US"))

        let richmond = try CLIRunner.run(["cities", "resolve", "Richmond, CA", "--organization-country", "US"])
        #expect(richmond.status == 0)
        #expect(richmond.stdout.hasPrefix("\"Richmond, CA\" → Richmond, California, US  (geonameid 5387428)\n"))
        #expect(richmond.stdout.contains("  also       Richmond, British Columbia, CA; Richmond, Alberta, CA\n"))
    }

    @Test("--aliases adds to the bundled aliases instead of replacing them")
    func aliasesAdd() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("aliases.tsv", "Beantown\tBoston, MA, US\n")
        let user = try CLIRunner.run(["cities", "resolve", "Beantown", "--aliases", file])
        #expect(user.status == 0 && user.stdout.hasPrefix("\"Beantown\" → Boston, Massachusetts, US"), "\(user)")
        let bundled = try CLIRunner.run(["cities", "resolve", "Philly", "--aliases", file])
        #expect(bundled.status == 0 && bundled.stdout.hasPrefix("\"Philly\" → Philadelphia, Pennsylvania, US"))
    }

    @Test("tour plan: places echoed on stderr in table mode and as `resolved` in JSON; every bad stop in one error")
    func tourPlan() throws {
        let folder = try ScratchFolder()
        let demo = try CLIRunner.run(["demo", "--out", folder.path("demo")])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = folder.path("demo/tourplan.sqlite")
        let common = [
            "tour", "plan", "--db", db, "--from", "2014-06-01", "--to", "2014-07-31", "--out", folder.path("p.json"),
        ]

        let table = try CLIRunner.run(
            common + ["--base", "New York", "--stops", "Philly", "Washington DC", "Cambridge"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("place: ") } == [
                "place: \"New York\" → New York City, New York, US (geonameid 5128581, confidence 1.000, alias, then exact name)",
                "place: \"Philly\" → Philadelphia, Pennsylvania, US (geonameid 4560349, confidence 1.000, alias, then exact name)",
                "place: \"Washington DC\" → Washington, District of Columbia, US (geonameid 4140963, confidence 1.000, alias, then exact name)",
                "place: \"Cambridge\" → Boston, Massachusetts, US (geonameid 4930956, confidence 1.000, member city name)",
            ])
        #expect(!table.stdout.contains("place: "))

        let plan = try CLIRunner.run(common + ["--base", "Baltimore, MD", "--stops", "Philly", "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let resolved = try #require(try json(plan.stdout)["resolved"] as? [[String: Any]])
        #expect(resolved.map { $0["text"] as? String } == ["Baltimore, MD", "Philly"])
        #expect(resolved.map { $0["region"] as? String } == ["Maryland", "Pennsylvania"])
        #expect(!plan.stderr.contains("place: "))

        let typos = try CLIRunner.run(
            common + ["--base", "Baltimore, MD", "--stops", "Bostn", "Philly", "Atlantis, XX"])
        #expect(typos.status == 1)
        #expect(typos.stderr.hasPrefix("Error: 2 places cannot be used:\n--stops \"Bostn\" does not resolve: "))
        #expect(typos.stderr.contains("  did you mean: Boston, Massachusetts, US; "))
        #expect(
            typos.stderr.contains("--stops \"Atlantis, XX\" does not resolve: \"XX\" is neither a region nor a country")
        )

        let base = try CLIRunner.run(common + ["--base", "Springfield", "--stops", "Philly"])
        #expect(base.status == 1)
        #expect(
            base.stderr.contains("--base \"Springfield\" does not resolve: not sure which place \"Springfield\" is"))
    }
}
