import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Opening the store: only import and demo create one")
struct StoreOpeningTests {
    @Test("openExisting refuses a missing store and creates nothing (no file, no -wal, no -shm)")
    func missingStore() throws {
        // Given a folder without a store
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("typo.sqlite").path
        // When a command opens it
        #expect {
            _ = try TourDatabase.openExisting(path: path)
        } throws: { error in
            // Then it is told, in these words
            guard let error = error as? StoreError else { return false }
            return error.kind == .missing
                && error.description.hasPrefix("no store at \(path); import first or check --db\n  hint: ")
        }
        // and nothing is left behind
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(left.isEmpty)
    }

    @Test("openExisting opens a store that openOrCreate made, with its data")
    func existingStore() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("members.sqlite").path
        let created = try TourDatabase.openOrCreate(path: path)
        try created.saveEvents([
            OutreachEvent(
                id: "e1", metro: "Boston", cities: ["Boston"], date: CalendarDate(year: 2014, month: 6, day: 7),
                start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.36,
                longitude: -71.06)
        ])
        #expect(try TourDatabase.openExisting(path: path).events().map(\.id) == ["e1"])
    }

    @Test("a folder is not a store")
    func folderIsNotAStore() throws {
        let folder = try TemporaryFolder()
        #expect {
            _ = try TourDatabase.openExisting(path: folder.url.path)
        } throws: { error in
            (error as? StoreError)?.problem == "is a folder, not a store"
        }
    }
}

@Suite("Opening the store: a file that is not a store is left alone")
struct ForeignFileTests {
    @Test("another program's SQLite database is refused, not migrated")
    func foreignDatabase() throws {
        // Given another program's database
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try queue.close()
        // When a command opens it as the store
        for open in [TourDatabase.openExisting, TourDatabase.openOrCreate] {
            #expect {
                _ = try open(path)
            } throws: { error in
                (error as? StoreError)?.problem
                    == "is an SQLite database of another program (tables: notes), not a TourPlanner store"
            }
        }
        // Then none of our tables were added
        let tables = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["notes"])
    }

    @Test("a text file is refused")
    func textFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("members.csv", "id,city\n1,Boston\n")
        #expect {
            _ = try TourDatabase.openExisting(path: path)
        } throws: { error in
            (error as? StoreError)?.description
                == "\(path): is not a TourPlanner store (not an SQLite file)\n"
                + "  hint: pass the store file with --db PATH (a file made by `tourplan import`); nothing was changed"
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,city\n1,Boston\n")
    }
}
