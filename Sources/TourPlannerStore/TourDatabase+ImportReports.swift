public import Foundation
import GRDB

/// An import's report as the web app keeps it (`/import?report=ID`): who uploaded it, when, and
/// the report's JSON, stored as given (the store does not read it).
public struct StoredImportReport: Hashable, Sendable {
    /// The report's unguessable id (the `report=` of its link).
    public var id: String
    /// When the import ran.
    public var createdAt: Date
    /// The account name of the organizer who uploaded the export.
    public var uploader: String
    /// The import report as JSON (`tourplan import --format json`'s).
    public var reportJSON: String

    /// A stored report.
    public init(id: String, createdAt: Date, uploader: String, reportJSON: String) {
        self.id = id
        self.createdAt = createdAt
        self.uploader = uploader
        self.reportJSON = reportJSON
    }
}

/// One row of `importReports`.
struct ImportReportRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "importReports"
    var id: String
    var createdAt: Date
    var uploader: String
    var reportJSON: String

    enum CodingKeys: String, CodingKey { case id, createdAt, uploader, reportJSON }
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

extension TourDatabase {
    /// The web app's import reports (migration v8): kept in the store so a report's page works
    /// after a restart and on every server of the same store.
    static func migrateImportReports(_ db: Database) throws {
        try db.create(table: "importReports", options: [.withoutRowID]) { t in
            t.primaryKey("id", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("uploader", .text).notNull()
            t.column("reportJSON", .text).notNull()
        }
        try db.create(index: "importReports_createdAt", on: "importReports", columns: ["createdAt"])
    }

    /// Keeps an import's report.
    ///
    /// - Throws: the `DatabaseError` of SQLite when the write fails (e.g. an id already used).
    public func saveImportReport(_ report: StoredImportReport) throws {
        try writer.write { db in
            try ImportReportRecord(
                id: report.id, createdAt: report.createdAt, uploader: report.uploader, reportJSON: report.reportJSON
            ).insert(db)
        }
    }

    /// The import report kept under `id`, or nil when there is none.
    ///
    /// - Throws: the `DatabaseError` of SQLite when the read fails.
    public func importReport(id: String) throws -> StoredImportReport? {
        try writer.read { db in
            try ImportReportRecord.filter(ImportReportRecord.Columns.id == id).fetchOne(db).map(\.stored)
        }
    }

    /// The most recent import reports, newest first (ties by id).
    ///
    /// - Throws: the `DatabaseError` of SQLite when the read fails.
    public func recentImportReports(limit: Int) throws -> [StoredImportReport] {
        try writer.read { db in
            try ImportReportRecord.order(ImportReportRecord.Columns.createdAt.desc, ImportReportRecord.Columns.id)
                .limit(limit).fetchAll(db).map(\.stored)
        }
    }
}

extension ImportReportRecord {
    var stored: StoredImportReport {
        StoredImportReport(id: id, createdAt: createdAt, uploader: uploader, reportJSON: reportJSON)
    }
}
