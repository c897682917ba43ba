import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// Importing the wrong export is a mistake an organizer must be able to take back, without
/// losing anything stored before it and without ever dropping an opt-out.
@Suite("Undoing the latest import")
struct ImportUndoTests {
    func load(_ text: String, _ name: String, into store: TourDatabase, in folder: TemporaryFolder, at date: Date)
        async throws -> ImportReport
    {
        try await makeImporter().importFile(
            path: try folder.write(name, text), displayName: name, into: store, now: date)
    }

    /// The members and the per-place counts, as text, to compare whole states.
    func state(_ store: TourDatabase) throws -> [String] {
        let members = try store.fetchMembers().map {
            "\($0.id.rawValue)|\($0.firstName ?? "")|\($0.city)|\($0.chapter ?? "")|\($0.doNotCall)|\($0.deceased)"
        }
        let places = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT placeKey, members, unaffiliated FROM placeStats ORDER BY placeKey").map {
                "\($0[0] as String? ?? "")=\($0[1] as Int? ?? -1)/\($0[2] as Int? ?? -1)"
            }
        }
        let chapters = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM chapters ORDER BY 1")
        }
        return members + places + chapters
    }

    static let first =
        nativeHeader + "1,Ann,Ex,ann@example.org,,Boston,MA,US,,woman,,,,,\n"
        + "2,Bo,Ex,bo@example.org,,Boston,MA,US,,man,,,,,\n" + "3,Cy,Ex,cy@example.org,,Denver,CO,US,,,,,,,\n"
    /// The wrong file: changes Bo (new name, a chapter, an opt-out), leaves Cy, adds two members.
    static let wrong =
        nativeHeader + "2,Robert,Ex,bo@example.org,,Oslo,,NO,Oslo Chapter,man,,,,,\n"
        + "3,Cy,Ex,cy@example.org,,Denver,CO,US,,,,,,,\n" + "7,Di,Ex,di@example.org,,Wien,,AT,Wien Chapter,,,,,,\n"
        + "8,Ed,Ex,ed@example.org,,Wien,,AT,,,,,,,\n"

    @Test("undo removes what the import added and puts back what it changed, keeping the opt-out it added")
    func undo() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try await load(Self.first, "first.csv", into: store, in: folder, at: testDate)
        let before = try state(store)
        let withOptOut = Self.wrong.replacingOccurrences(of: "notes\n", with: "notes,do_not_call\n")
            .replacingOccurrences(of: ",,,,,\n", with: ",,,,,,no\n")
            .replacingOccurrences(
                of: "2,Robert,Ex,bo@example.org,,Oslo,,NO,Oslo Chapter,man,,,,,,no\n",
                with: "2,Robert,Ex,bo@example.org,,Oslo,,NO,Oslo Chapter,man,,,,,,yes\n")
        let report = try await load(
            withOptOut, "wrong.csv", into: store, in: folder, at: testDate.addingTimeInterval(60))
        #expect(report.added == 2 && report.updated == 1 && report.unchanged == 1)
        #expect(try state(store) != before)

        let undone = try store.undoLastImport(now: testDate.addingTimeInterval(120))
        #expect(
            undone.fileName == "wrong.csv" && undone.removed == 2 && undone.restored == 1 && undone.optOutsKept == 1)
        #expect(undone.summary.contains("Kept 1 opt-out"))
        // As before, except the do-not-call the wrong file added for Bo, which stays.
        let expected = before.map { $0 == "2|Bo|Boston||false|false" ? "2|Bo|Boston||true|false" : $0 }
        #expect(try state(store) == expected)
        let leftovers = try await store.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM importPrevious"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imports WHERE undoneAt IS NOT NULL"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            )
        }
        #expect(leftovers.0 == 0 && leftovers.1 == 1 && leftovers.2 == 0)

        // Only the latest import can be undone, once; the same file can then be imported again.
        #expect(throws: PlannerError.self) { try store.undoLastImport(now: testDate) }
        let again = try await load(
            withOptOut, "wrong.csv", into: store, in: folder, at: testDate.addingTimeInterval(180))
        #expect(again.added == 2 && again.previouslyImportedAt == nil)
    }

    @Test("a first import into an empty store is undone to an empty store")
    func firstImport() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try await load(Self.wrong, "wrong.csv", into: store, in: folder, at: testDate)
        let undone = try store.undoLastImport(now: testDate)
        #expect(undone.removed == 4 && undone.restored == 0)
        #expect(try state(store).isEmpty)
    }

    @Test("no undo when reminders were scheduled for its members or a volunteer recorded an opt-out; nothing changes")
    func refused() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try await load(Self.first, "first.csv", into: store, in: folder, at: testDate)
        _ = try await load(Self.wrong, "wrong.csv", into: store, in: folder, at: testDate.addingTimeInterval(60))
        _ = try store.changeConsent(
            of: MemberID("8"), set: [.doNotContact], clear: [], source: .callOutcome, actor: "Rosa Demo", reason: nil,
            now: testDate.addingTimeInterval(90))
        let before = try state(store)
        #expect {
            try store.undoLastImport(now: testDate.addingTimeInterval(120))
        } throws: { error in
            "\(error)".contains("cannot be undone: 1 consent change was recorded since")
        }
        #expect(try state(store) == before)
        // The import page learns the same refusal before anyone presses the button.
        let latest = try #require(try store.latestImport())
        #expect(latest.fileName == "wrong.csv" && !latest.undoable && latest.undoneAt == nil)
        #expect(
            latest.refusal?.hasSuffix(
                "cannot be undone: 1 consent change was recorded since for members it added "
                    + "(an opt-out is never dropped)") == true)
        #expect(try TourDatabase.makeInMemory().latestImport() == nil)
        #expect(throws: PlannerError.self) { try TourDatabase.makeInMemory().undoLastImport(now: testDate) }
    }
}
