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
