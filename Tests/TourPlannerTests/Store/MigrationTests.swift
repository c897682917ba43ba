import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

@Suite("Store migrations")
struct MigrationTests {
    @Test("v5 turns a v4 members table (WITHOUT ROWID) into a rowid table and keeps every member")
    func membersToRowID() throws {
        let queue = try DatabaseQueue()
        try TourDatabase.migrator.migrate(queue, upTo: "v4-reminders")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO imports (fileName, sha256, byteCount, format, importedAt, added, updated, unchanged,
                      skipped, warnings, errors) VALUES ('a.csv', 'x', 1, 'csv', '2014-06-01', 2, 0, 0, 0, 0, 0);
                    INSERT INTO chapters (name, firstSeenImportId) VALUES ('Boston Chapter', 1);
                    INSERT INTO members (id, email, emailKey, city, placeKey, chapter, doNotCall, lastImportId,
                      importLine) VALUES ('2', 'B@x.org', 'b@x.org', 'Cambridge', 'Cambridge', 'Boston Chapter', 1, 1, 3),
                      ('1', NULL, NULL, 'Boston', 'Boston', NULL, 0, 1, 2);
                    """)
        }
        let store = try TourDatabase(queue)
        let members = try store.fetchMembers()
        #expect(members.map(\.id) == [MemberID("1"), MemberID("2")])
        #expect(members[1].doNotCall && members[1].chapter == "Boston Chapter" && members[1].email == "B@x.org")
        try queue.read { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'members'") ?? ""
            #expect(!sql.uppercased().contains("WITHOUT ROWID"))
            let indexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members'")
            #expect(Set(indexes) == ["members_id"])
        }
        // The unique index still refuses a second row with the same id.
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO members (id, city, placeKey) VALUES ('1', 'Boston', 'Boston')")
            }
        }
    }

    @Test("v9 counts \"Unknown\" and \"keine Angabe\" as not stated, and recomputes the per-place counts")
    func genderCategories() throws {
        let queue = try DatabaseQueue()
        try TourDatabase.migrator.migrate(queue, upTo: "v8-web-import-reports")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO members (id, city, placeKey, gender, genderCategory) VALUES
                      ('1', 'Boston', 'Boston', 'Unknown', 'other'), ('2', 'Boston', 'Boston', 'keine Angabe', 'other'),
                      ('3', 'Boston', 'Boston', 'woman', 'woman'), ('4', 'Boston', 'Boston', 'man', 'other'),
                      ('5', 'Oslo', 'Oslo', 'N/A', 'other');
                    INSERT INTO placeStats (placeKey, members, unaffiliated, organizers, hosts, unaffiliatedWomen,
                      unaffiliatedGenderStated) VALUES ('Boston', 4, 4, 0, 0, 1, 4), ('Oslo', 1, 1, 0, 0, 0, 1);
                    """)
        }
        _ = try TourDatabase(queue)
        try queue.read { db in
            let categories = try Row.fetchAll(db, sql: "SELECT id, genderCategory FROM members ORDER BY id").map {
                "\($0["id"] as String? ?? "")=\($0["genderCategory"] as String? ?? "")"
            }
            #expect(categories == ["1=unstated", "2=unstated", "3=woman", "4=other", "5=unstated"])
            let stated = try Row.fetchAll(
                db, sql: "SELECT placeKey, unaffiliatedWomen, unaffiliatedGenderStated FROM placeStats ORDER BY 1"
            ).map { "\($0[0] as String? ?? ""):\($0[1] as Int? ?? -1)/\($0[2] as Int? ?? -1)" }
            #expect(stated == ["Boston:1/2", "Oslo:0/0"])
        }
    }
}
