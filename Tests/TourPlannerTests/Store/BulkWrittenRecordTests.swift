import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// The records written through one prepared statement list their values in their coding keys'
/// order: the same values, column for column, as GRDB's `Encodable` encoding.
@Suite("Bulk-written records: values in coding-key order")
struct BulkWrittenRecordTests {
    static func positional(_ record: some BulkWrittenRecord) -> [String: DatabaseValue] {
        let values = record.databaseValues.map { $0?.databaseValue ?? .null }
        return Dictionary(uniqueKeysWithValues: zip(type(of: record).columnNames, values))
    }

    static let now = Date(timeIntervalSince1970: 1_401_710_400)

    @Test("a task's values match its encoding, column for column")
    func task() throws {
        let record = TaskRecord(
            ReminderTask(
                memberId: MemberID("7"), kind: .reminderCall, eventId: "e", eventStart: Self.now,
                windowStart: Self.now.addingTimeInterval(60), windowEnd: Self.now.addingTimeInterval(120),
                timeZone: "America/New_York", volunteer: "Vera", status: .merged, attempt: 2, note: "n",
                mergedInto: "e/7/followUpCall"))
        #expect(record.databaseValues.count == TaskRecord.CodingKeys.allCases.count)
        #expect(Self.positional(record) == (try record.databaseDictionary))
    }

    @Test("a consent-log entry's values match its encoding")
    func consentLog() throws {
        var record = ConsentLogRecord(
            ConsentLogEntry(
                memberID: MemberID("7"), flag: .doNotText, change: .set, source: .stopReply, detail: "d", actor: "a",
                reason: "r", recordedAt: Self.now))
        record.id = 5
        #expect(Self.positional(record) == (try record.databaseDictionary))
    }

    @Test("a place's values match its encoding")
    func place() throws {
        let record = PlaceRecord(
            key: "boston|ma|us", geonameId: 4_930_956, name: "Boston", regionCode: "MA", regionName: "Massachusetts",
            countryCode: "US", latitude: 42.358, longitude: -71.06, timeZone: "America/New_York", population: 617_594,
            confidence: 0.97, reason: "exact", suggestions: "", gazetteerVersion: "v1")
        #expect(Self.positional(record) == (try record.databaseDictionary))
    }

    @Test("values bound straight to SQLite read back as GRDB writes them: empty text, NUL, NULL, numbers")
    func rawBindingRoundTrip() throws {
        let store = try TourDatabase.makeInMemory()
        let written = [
            PlaceRecord(
                key: "a\u{0}b|é", geonameId: nil, name: "", regionCode: nil, regionName: "Zürich", countryCode: "CH",
                latitude: -0.5, longitude: 1e-9, timeZone: nil, population: 0, confidence: 0.25, reason: "x",
                suggestions: nil, gazetteerVersion: "v"),
            PlaceRecord(
                key: "boston|ma|us", geonameId: 4_930_956, name: "Boston", regionCode: "MA", regionName: nil,
                countryCode: "US", latitude: 42.358, longitude: -71.06, timeZone: "America/New_York",
                population: 617_594, confidence: 1, reason: nil, suggestions: "", gazetteerVersion: nil),
        ]
        // The same rows through GRDB's own arguments, into a second store.
        let reference = try TourDatabase.makeInMemory()
        let query = "SELECT *, length(key) AS keyLength, typeof(name) AS nameType FROM places ORDER BY rowid"
        let stored = try store.writer.write { db in
            let statement = try db.makeStatement(sql: PlaceRecord.insertSQL())
            for record in written { try record.execute(statement) }
            return try Row.fetchAll(db, sql: query)
        }
        let expected = try reference.writer.write { db in
            let statement = try db.makeStatement(sql: PlaceRecord.insertSQL())
            for record in written { try statement.execute(arguments: StatementArguments(record.databaseValues)) }
            return try Row.fetchAll(db, sql: query)
        }
        #expect(stored.count == 2)
        #expect(stored == expected)
        #expect(stored[0]["name"] as String? == "")  // empty text, not NULL
        // A failing row throws SQLite's message and leaves the statement usable.
        try store.writer.write { db in
            let statement = try db.makeStatement(sql: PlaceRecord.insertSQL())
            #expect(throws: DatabaseError.self) { try written[1].execute(statement) }
            try PlaceRecord(
                key: "new", geonameId: nil, name: nil, regionCode: nil, regionName: nil, countryCode: nil,
                latitude: nil, longitude: nil, timeZone: nil, population: nil, confidence: 0, reason: nil,
                suggestions: nil, gazetteerVersion: nil
            ).execute(statement)
        }
    }

    @Test("the shared bundled gazetteer is the bundled gazetteer, loaded once")
    func sharedGazetteer() throws {
        let shared = try Gazetteer.sharedBundled()
        let loaded = try Gazetteer.loadBundled()
        #expect(shared.version == loaded.version)
        #expect(shared.entries == loaded.entries)
        #expect(
            try Gazetteer.sharedBundled().entries.withUnsafeBufferPointer { $0.baseAddress }
                == shared.entries.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test("the upsert statement lists every column once and updates all but the key")
    func upsertSQL() {
        #expect(
            TaskRecord.upsertSQL(key: .id)
                == """
                INSERT INTO tasks ("id", "eventId", "memberId", "kind", "eventStart", "windowStart", "windowEnd", \
                "timeZone", "volunteer", "status", "attempt", "note", "mergedInto") VALUES (?, ?, ?, ?, ?, ?, ?, ?, \
                ?, ?, ?, ?, ?) ON CONFLICT("id") DO UPDATE SET "eventId" = excluded."eventId", "memberId" = \
                excluded."memberId", "kind" = excluded."kind", "eventStart" = excluded."eventStart", "windowStart" = \
                excluded."windowStart", "windowEnd" = excluded."windowEnd", "timeZone" = excluded."timeZone", \
                "volunteer" = excluded."volunteer", "status" = excluded."status", "attempt" = excluded."attempt", \
                "note" = excluded."note", "mergedInto" = excluded."mergedInto"
                """)
    }
}
