import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// The bulk-load path (an import into an empty store: no indexes during the load, duplicates,
/// shared e-mails and per-place counts kept in memory) must give exactly what the row-by-row
/// path and the SQL aggregates give.
@Suite("Import: bulk load into an empty store")
struct BulkLoadTests {
    /// 300 members over 7 places, some in chapters, with mixed-case e-mails shared by a few,
    /// one repeated identical row and one conflicting repeat.
    static func export() -> String {
        var text = nativeHeader
        let places = [
            "Boston,MA,US", "boston,ma,us", "Cambridge,MA,USA", "Oslo,,Norway", "Wien,,Austria", "Denver,CO,US",
            "MÜNCHEN,BY,",
        ]
        let genders = ["woman", "Woman", "man", "", "nonbinary", "prefer not to say", "F"]
        var lines: [String] = []
        for id in 1...300 {
            let email = id % 50 == 0 ? "Shared\(id % 3)@Example.org" : "m\(id)@example.org"
            let chapter = id % 7 == 0 ? "Boston Chapter" : (id % 11 == 0 ? "Oslo" : "")
            let host = ["yes", "no", ""][id % 3]
            let organizer = ["", "yes", "no", "YES"][id % 4]
            lines.append(
                "\(id),First\(id),Last,\(email),,\(places[id % places.count]),\(chapter),\(genders[id % genders.count]),"
                    + "2014-01-0\(1 + id % 9),\(host),\(organizer),English,\n")
        }
        text += lines.joined()
        text += lines[4]  // identical to member 5 on line 6
        text += "6,Someone,Else,m6@example.org,,Oslo,,Norway,,,,,,,\n"  // conflicts with member 6 on line 7
        return text
    }

    static func tables(_ store: TourDatabase) throws -> (places: [Row], chapters: [Row]) {
        try store.writer.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM placeStats ORDER BY placeKey"),
                try Row.fetchAll(db, sql: "SELECT * FROM chapterPlaces ORDER BY chapter, placeKey")
            )
        }
    }

    @Test("per-place and per-chapter counts tallied in memory equal the SQL recomputation")
    func aggregatesAgreeWithSQL() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("bulk.csv", Self.export())
        let report = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: store, now: testDate)
        #expect(report.committed && report.added == 300 && report.skipped == 2)
        let tallied = try Self.tables(store)
        try await store.writer.write { db in try TourDatabase.refreshMemberAggregates(db) }
        let recomputed = try Self.tables(store)
        #expect(tallied.places == recomputed.places)
        #expect(tallied.chapters == recomputed.chapters)
        #expect(tallied.places.count == 7)
        #expect(tallied.places.reduce(0) { $0 + ($1["members"] as Int) } == 300)
        // Members 7, 14, … (42 of them) are in Boston Chapter; 11, 22, … not multiples of 7 in Oslo.
        #expect(tallied.chapters.reduce(0) { $0 + ($1["members"] as Int) } == 42 + 24)
    }

    @Test("a bulk load and a row-by-row load report the same duplicates and shared e-mails")
    func sameReportsAsRowByRow() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bulk.csv", Self.export())
        // Bulk: an empty store.
        let bulkStore = try TourDatabase.makeInMemory()
        let bulk = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: bulkStore, now: testDate)
        // Row by row: the store already holds an unrelated member, so the import is not a bulk load.
        let rowStore = try TourDatabase.makeInMemory()
        let other = try folder.write("other.csv", nativeHeader + "9999,Zed,Zero,,,Tromsø,,Norway,,,,,,,\n")
        _ = try await makeImporter().importFile(path: other, displayName: "other.csv", into: rowStore, now: testDate)
        let rowByRow = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: rowStore, now: testDate)
        #expect(bulk.problems == rowByRow.problems)
        #expect((bulk.added, bulk.skipped, bulk.errors) == (rowByRow.added, rowByRow.skipped, rowByRow.errors))
        // Shared e-mails: ids 50…300 step 50 map to Shared{id % 3}: 50→2, 100→1, 150→0, 200→2, 250→1, 300→0.
        let shared = bulk.problems.filter { $0.error.field == "email" }
        #expect(shared.map(\.error.location.line) == [201, 251, 301])
        #expect(shared.allSatisfy { $0.severity == .warning })
        let duplicate = try #require(bulk.problems.first { $0.error.location.line == 302 })
        #expect(duplicate.severity == .warning && duplicate.error.problem.contains("line 6"))
        let conflict = try #require(bulk.problems.first { $0.error.location.line == 303 })
        #expect(conflict.severity == .error && conflict.error.problem.contains("line 7"))
        // The member kept is the first row's.
        let kept = try #require(try bulkStore.fetchMembers().first { $0.id == MemberID("6") })
        #expect(kept.firstName == "First6")
    }

    @Test("a bulk load that passes its in-memory limit goes on row by row with the same results")
    func pastTheLimit() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bulk.csv", Self.export())
        let wholeStore = try TourDatabase.makeInMemory()
        let whole = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: wholeStore, now: testDate)
        var limited = makeImporter(maxErrors: 1)
        limited.bulkLoadLimit = 120  // before the shared e-mails (lines 201…) and the repeats (302, 303)
        let limitedStore = try TourDatabase.makeInMemory()
        let split = try await limited.importFile(path: path, displayName: "bulk.csv", into: limitedStore, now: testDate)
        #expect(split.problems == whole.problems)
        #expect((split.added, split.skipped, split.errors) == (whole.added, whole.skipped, whole.errors))
        let tallied = try Self.tables(wholeStore)
        let fromSQL = try Self.tables(limitedStore)
        #expect(tallied.places == fromSQL.places && tallied.chapters == fromSQL.chapters)
        #expect(try limitedStore.fetchMembers() == wholeStore.fetchMembers())
    }

    @Test("shared lowercase e-mails (stored without a separate key) are found in both modes")
    func sharedLowercaseEmails() async throws {
        let folder = try TemporaryFolder()
        let text =
            nativeHeader + "1,A,One,home@example.org,,Boston,MA,US,,,,,,,\n"
            + "2,B,Two,x@example.org,,Boston,MA,US,,,,,,,\n"
            + "3,C,Three,home@example.org,,Boston,MA,US,,,,,,,\n"
        let path = try folder.write("home.csv", text)
        let bulk = try await makeImporter().importFile(
            path: path, displayName: "home.csv", into: try TourDatabase.makeInMemory(), now: testDate)
        let store = try TourDatabase.makeInMemory()
        let other = try folder.write("other.csv", nativeHeader + "9,Z,Zero,,,Oslo,,Norway,,,,,,,\n")
        _ = try await makeImporter().importFile(path: other, displayName: "other.csv", into: store, now: testDate)
        let rowByRow = try await makeImporter().importFile(
            path: path, displayName: "home.csv", into: store, now: testDate)
        for report in [bulk, rowByRow] {
            let shared = report.problems.filter { $0.error.field == "email" }
            #expect(shared.map(\.error.location.line) == [4])
            #expect(shared.first?.error.problem.contains("member 1 (line 2)") == true)
        }
        let keys = try await store.writer.read { db in
            try String?.fetchAll(db, sql: "SELECT emailKey FROM members WHERE email IS NOT NULL ORDER BY rowid")
        }
        #expect(keys == [nil, nil, nil])
    }

    @Test("after a bulk load the indexes exist and a re-import updates in place")
    func indexesAfterBulkLoad() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("bulk.csv", Self.export())
        _ = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: store, now: testDate)
        let indexes = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members'")
        }
        #expect(Set(indexes) == ["members_id"])
        let again = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "bulk.csv", into: store, now: testDate)
        #expect((again.added, again.unchanged) == (0, 300))
    }

    @Test("a file that fails half-way leaves an empty store empty, indexes included")
    func failureRollsBack() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        var text = Self.export()
        text += "400,Broken,\"quote never closed,,Boston,MA,US,,,,,,,\n"
        let path = try folder.write("broken.csv", text)
        await #expect(throws: ImportError.self) {
            try await makeImporter(maxErrors: 10).importFile(
                path: path, displayName: "broken.csv", into: store, now: testDate)
        }
        #expect(try store.memberSummary().total == 0)
        let indexes = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members'")
        }
        #expect(Set(indexes) == ["members_id"])
    }

    @Test("the rowid table finds every row stored under a hash, collisions included, across growth")
    func rowIDTable() {
        var table = RowIDTable(capacity: 4)
        var random = SplitMix64(seed: 7)
        var stored: [(UInt64, Int64)] = []
        for row in 1...5000 as ClosedRange<Int64> {
            // Every tenth key reuses an earlier hash: a forced collision.
            let hash = row % 10 == 0 ? stored[Int(random.next() % UInt64(stored.count))].0 : random.next()
            table.insert(hash, row: row)
            stored.append((hash, row))
        }
        #expect(table.count == 5000)
        for (hash, row) in stored {
            #expect(table.find(hash) { $0 == row }.row == row)
        }
        #expect(table.find(0xDEAD_BEEF_0000_0001) { _ in true }.row == nil)
    }

    @Test("stableHash is 64-bit FNV-1a with MurmurHash3's final mix (values computed independently)")
    func stableHashValues() {
        #expect(stableHash("a") == 0xed81_70de_1919_a24d)
        #expect(stableHash("") == 0xecba_3df2_c338_3c52)
        #expect(stableHash("m1@example.org") == 0x5ed9_fa7b_a8df_8f2c)
        #expect(stableHash(String("xm1@example.org".dropFirst())) == stableHash("m1@example.org"))
    }

    @Test("the byte-key table numbers keys in first-seen order, tells apart keys with one hash, and survives growth")
    func byteKeyTable() {
        var table = ByteKeyTable()
        func number(_ key: String, hash: UInt64? = nil) -> (number: Int, isNew: Bool) {
            var key = key
            return key.withUTF8 { table.number(hash: hash ?? stableHash($0), bytes: $0) }
        }
        #expect(number("Boston\u{1F}MA\u{1F}US") == (0, true))
        #expect(number("Oslo\u{1F}\u{1F}Norway") == (1, true))
        #expect(number("Boston\u{1F}MA\u{1F}US") == (0, false))
        // Same hash, different bytes: a second key, never merged with the first.
        #expect(number("a", hash: 42) == (2, true))
        #expect(number("b", hash: 42) == (3, true))
        #expect(number("a", hash: 42) == (2, false))
        #expect(number("") == (4, true))
        #expect(number("") == (4, false))
        for index in 0..<2000 { #expect(number("place \(index)") == (5 + index, true)) }
        #expect(number("b", hash: 42) == (3, false))
        #expect(number("place 1999") == (2004, false))
        #expect(table.count == 2005)
        #expect(table.key(0) == "Boston\u{1F}MA\u{1F}US" && table.key(3) == "b" && table.key(4) == "")
    }

    @Test("rows read in many batches through the parsing lanes keep the file's order")
    func lanesKeepFileOrder() async throws {
        // 900 members (4 batches, so each lane carries two) and a repeat of member 3 at the end.
        var text = nativeHeader
        for id in 1...900 {
            // Every member has a problem (willing_to_host "maybe"), so the problems list shows the order.
            text += "\(id),First\(id),Last,m\(id)@example.org,,City \(id % 37),,Norway,,,,maybe,,,\n"
        }
        text += "3,First3,Last,m3@example.org,,City 3,,Norway,,,,maybe,,,\n"
        let folder = try TemporaryFolder()
        let path = try folder.write("lanes.csv", text)
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: 0).importFile(
            path: path, displayName: "lanes.csv", into: store, now: testDate)
        #expect(report.added == 900 && report.skipped == 1)
        let lines = report.problems.map { $0.error.location.line ?? 0 }
        #expect(lines == lines.sorted())
        #expect(report.problems.filter { $0.error.field == "willing_to_host" }.count == 901)
        let repeated = try #require(report.problems.last { $0.error.field == "id" })
        #expect(repeated.error.location.line == 902 && repeated.error.problem.contains("line 4"))
        let stored = try store.fetchMembers()
        #expect(stored.count == 900)
        #expect(Set(stored.map(\.id.rawValue)) == Set((1...900).map(String.init)))
    }
}
