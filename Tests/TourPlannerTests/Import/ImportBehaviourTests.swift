import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Import behaviour: transactions, idempotency, duplicates, mappings")
struct ImportBehaviourTests {
    let good =
        nativeHeader
        + "1,Ada,One,ada@example.org,617-555-0101,Boston,MA,US,,woman,2011-03-14,yes,,English,\n"
        + "2,Bea,Two,bea@example.org,,Cambridge,MA,USA,Boston Chapter,,,,yes,,\n"

    @Test("re-importing the same export changes nothing; a changed row is updated in place")
    func idempotentReimport() async throws {
        // Given a store with one import
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("a.csv", good)
        let first = try await makeImporter().importFile(path: path, displayName: "a.csv", into: store, now: testDate)
        #expect((first.added, first.updated, first.unchanged) == (2, 0, 0))
        // When the same file is imported again
        let second = try await makeImporter().importFile(path: path, displayName: "a.csv", into: store, now: testDate)
        // Then nothing changes and the identical content is recognized
        #expect((second.added, second.updated, second.unchanged) == (0, 0, 2))
        #expect(second.previouslyImportedAt == testDate)
        // When one member moved city
        let moved = try folder.write("b.csv", good.replacingOccurrences(of: "Cambridge", with: "Somerville"))
        let third = try await makeImporter().importFile(path: moved, displayName: "b.csv", into: store, now: testDate)
        #expect((third.added, third.updated, third.unchanged) == (0, 1, 1))
        #expect(try store.fetchMembers().map(\.city) == ["Boston", "Somerville"])
        #expect(try store.memberSummary().total == 2)
    }

    @Test("more errors than --max-errors leaves the database exactly as it was")
    func transactionalFailure() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try await makeImporter().importFile(
            path: try folder.write("a.csv", good), displayName: "a.csv", into: store, now: testDate)
        let before = try store.fetchMembers()
        let bad =
            nativeHeader + "1,Ada,Changed,,,Boston,MA,US,,,,,,,\n" + "x9,Bad,Id,,,Boston,MA,US,,,,,,,\n"
            + "3,New,Member,,,Denver,CO,US,,,,,,,\n"
        let badPath = try folder.write("bad.csv", bad)
        let report = try await makeImporter().importFile(
            path: badPath, displayName: "bad.csv", into: store, now: testDate)
        #expect(!report.committed && report.errors == 1)
        #expect(try store.fetchMembers() == before)
        // With --max-errors 1 the good rows go in and the bad one is skipped.
        let lenient = try await makeImporter(maxErrors: 1).importFile(
            path: badPath, displayName: "bad.csv", into: store, now: testDate)
        #expect(lenient.committed && lenient.added == 1 && lenient.updated == 1 && lenient.skipped == 1)
        let idError = try #require(lenient.problems.first { $0.severity == .error }).error
        #expect(idError.location == SourceLocation(file: "bad.csv", line: 3, column: 1))
        #expect(idError.field == "id" && idError.value == "x9")
    }

    @Test("a dry run validates and reports without writing")
    func dryRun() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(dryRun: true).importFile(
            path: try folder.write("a.csv", good), displayName: "a.csv", into: store, now: testDate)
        #expect(report.added == 2 && !report.committed)
        #expect(try store.memberSummary().total == 0)
    }

    @Test(
        "duplicates inside one file: identical rows merge with a warning, conflicting rows are an error naming both lines"
    )
    func duplicatesInFile() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let text =
            nativeHeader + "1,Ada,One,,,Boston,MA,US,,,,,,,\n" + "1,Ada,One,,,Boston,MA,US,,,,,,,\n"
            + "1,Ada,Other,,,Boston,MA,US,,,,,,,\n"
        let report = try await makeImporter(maxErrors: 5).importFile(
            path: try folder.write("d.csv", text), displayName: "d.csv", into: store, now: testDate)
        #expect(report.added == 1 && report.skipped == 2)
        #expect(report.problems.map(\.severity) == [.warning, .error])
        #expect(report.problems[1].error.problem.contains("line 2"))
        #expect(report.problems[1].error.location.line == 4)
        #expect(try store.fetchMembers().first?.lastName == "One")
    }

    @Test("a volunteer's do-not-call flag survives a re-import")
    func doNotCallSurvives() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("a.csv", good)
        _ = try await makeImporter().importFile(path: path, displayName: "a.csv", into: store, now: testDate)
        try await store.writer.write { try $0.execute(sql: "UPDATE members SET doNotCall = 1 WHERE id = '1'") }
        let again = try await makeImporter().importFile(path: path, displayName: "a.csv", into: store, now: testDate)
        #expect(again.unchanged == 2)
        #expect(try store.fetchMembers().first?.doNotCall == true)
    }

    @Test(
        "presets map other tools' exports",
        arguments: [
            (
                "uuid,first_name,last_name,email,can2_phone,can2_user_city,can2_state_abbreviated,can2_country,zip_code\nabc-1,Ada,One,ada@example.org,,Boston,MA,US,02139\n",
                "actionnetwork", "abc-1"
            ),
            (
                "nationbuilder_id,first_name,last_name,email,mobile_number,primary_city,primary_state,primary_country_code,sex\n77,Ada,One,ada@example.org,,Boston,MA,US,F\n",
                "nationbuilder", "77"
            ),
            (
                "Contact ID,Contact Type,First Name,Last Name,Email,Phone,City,State,Country,Do Not Phone\n12,Individual,Ada,One,ada@example.org,,Boston,MA,United States,1\n",
                "civicrm", "12"
            ),
            (
                "firstName,lastName,cell,zip,email,city\nAda,One,6175550101,02139,Ada@Example.org,Boston\n", "spoke",
                "email:ada@example.org"
            ),
        ])
    func presets(text: String, preset: String, id: String) async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: 1).importFile(
            path: try folder.write("p.csv", text), displayName: "p.csv", into: store, now: testDate)
        #expect(report.mapping == preset)
        do {
            let member = try #require(try store.fetchMembers().first)
            #expect(member.id.rawValue == id && member.city == "Boston" && member.firstName == "Ada")
            if preset == "civicrm" { #expect(member.doNotCall && member.countryCode == "US") }
        }
    }

    @Test("a mapping file maps any export; unknown fields are named with their line")
    func mappingFile() async throws {
        let mapping = try ColumnMapping.parseMappingFile(
            "[columns]\nid = \"Supporter ID\"\ncity = Town\n", fileName: "map.toml")
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        var importer = makeImporter()
        importer.mapping = mapping
        let report = try await importer.importFile(
            path: try folder.write("s.csv", "Supporter ID,Town\nS-1,Bergen\n"), displayName: "s.csv", into: store,
            now: testDate)
        #expect(report.added == 1)
        #expect(try store.fetchMembers().first?.city == "Bergen")
        #expect {
            try ColumnMapping.parseMappingFile("id = \"ID\"\ntown = \"Town\"\n", fileName: "map.toml")
        } throws: { error in
            (error as? ImportError)?.location == SourceLocation(file: "map.toml", line: 2, column: 1)
        }
    }

    @Test("a new database file is created with permissions 0600")
    func databasePermissions() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("new.sqlite").path
        _ = try TourDatabase.openOrCreate(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256(text: String, hex: String) {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        #expect(hasher.finalizeHex() == hex)
    }

    @Test("SHA-256 of a million 'a' fed in odd-sized pieces")
    func sha256Streaming() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 997)
        var remaining = 1_000_000
        while remaining > 0 {
            let count = min(remaining, piece.count)
            hasher.update(Array(piece.prefix(count)))
            remaining -= count
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
