import Foundation
import GRDB

/// A tour saved in the store under a name: its plan (from `tour plan --save`) and its budget
/// template (from `budget TEMPLATE --save`). Either part may be missing until it is saved.
/// Expenses belong to the tour through their `tour` name (`ActualExpense.tour`).
public struct SavedTour: Hashable, Sendable, Codable {
    /// The tour's name (see `SavedTour.validate(name:)`); also the `tour` of its expenses.
    public var name: String
    /// The saved plan, if any.
    public var plan: TourPlan?
    /// The saved budget template's TOML text, if any.
    package var templateText: String?
    /// The file the template was read from when it was saved (shown in errors and on pages).
    package var templateFile: String?

    /// A tour named `name` with the given parts.
    package init(name: String, plan: TourPlan? = nil, templateText: String? = nil, templateFile: String? = nil) {
        self.name = name
        self.plan = plan
        self.templateText = templateText
        self.templateFile = templateFile
    }

    /// The longest tour name accepted.
    package static let maximumNameLength = 64

    /// Checks a tour name: 1 to 64 characters, ASCII letters, digits, `-`, `_` and `.`, starting
    /// with a letter or digit (so it is safe in a URL path, a file name and a shell).
    ///
    /// - Throws: `PlannerError` naming the value and the rule.
    public static func validate(name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let problem: String? =
            if name.isEmpty {
                "is empty"
            } else if name.count > maximumNameLength {
                "is longer than \(maximumNameLength) characters"
            } else if let bad = name.first(where: { !allowed.contains($0) }) {
                "contains \"\(bad)\""
            } else if let first = name.first, first == "-" || first == "_" || first == "." {
                "starts with \"\(first)\""
            } else {
                nil
            }
        if let problem {
            throw PlannerError(
                "tour name \"\(name)\" \(problem)",
                hint: "use letters, digits, '-', '_' and '.' (starting with a letter or digit), e.g. east-coast-2014")
        }
    }
}

/// One row of `tours`: a typed record whose columns come from its coding keys.
struct TourRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tours"
    var name: String
    var planJSON: String?
    var templateText: String?
    var templateFile: String?

    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    /// The domain value; a plan that does not decode raises an error naming the table and row.
    func tour() throws -> SavedTour {
        var plan: TourPlan?
        if let planJSON {
            do {
                plan = try TourPlan.decode(Data(planJSON.utf8), fileName: "tours row \"\(name)\"")
            } catch {
                throw StoreError(
                    path: "tours", problem: "row \"\(name)\": the saved plan does not decode (\(error))",
                    hint: "save the plan again with `tourplan tour plan … --save \(name)`")
            }
        }
        return SavedTour(name: name, plan: plan, templateText: templateText, templateFile: templateFile)
    }
}

extension TourDatabase {
    /// v7: tours saved under a name (a plan and a budget template), shared by the CLI and the web app.
    static func migrateTours(_ db: Database) throws {
        try db.create(table: "tours", options: [.withoutRowID]) { t in
            t.primaryKey("name", .text)
            t.column("planJSON", .text)
            t.column("templateText", .text)
            t.column("templateFile", .text)
        }
    }

    /// Saved tours, by name.
    public func savedTours() throws -> [SavedTour] {
        try writer.read { db in
            try TourRecord.order(TourRecord.Columns.name).fetchAll(db).map { try $0.tour() }
        }
    }

    /// The saved tour named `name`, or nil.
    public func savedTour(named name: String) throws -> SavedTour? {
        try writer.read { db in try TourRecord.fetchOne(db, key: name)?.tour() }
    }

    /// Saves `plan` as the plan of tour `name` (creating the tour, or adding a plan to a tour
    /// saved with a budget only, keeping its template). A plan already saved under that name is
    /// replaced only when `replacing` is true; otherwise nothing changes and the error says so.
    ///
    /// - Returns: whether a plan was saved under that name before (and is now replaced).
    /// - Throws: `PlannerError` for an invalid name or a saved plan not to be replaced;
    ///   `EncodingError`; the store's errors.
    @discardableResult
    package func saveTourPlan(_ plan: TourPlan, name: String, replacing: Bool) throws -> Bool {
        try SavedTour.validate(name: name)
        let json = try JSONOutput.encode(plan)
        return try writer.write { db in
            var record =
                try TourRecord.fetchOne(db, key: name)
                ?? TourRecord(name: name, planJSON: nil, templateText: nil, templateFile: nil)
            if !replacing { try Self.checkNoPlan(record.tour()) }
            let replaced = record.planJSON != nil
            record.planJSON = json
            try record.save(db)
            return replaced
        }
    }

    /// Refuses to save a plan over `tour`'s saved plan without being asked to replace it.
    ///
    /// - Throws: `PlannerError` naming the tour, its saved plan, and how to replace it.
    package static func checkNoPlan(_ tour: SavedTour?) throws {
        guard let tour, let plan = tour.plan else { return }
        let dates = plan.trips.first.map { first in " from \(first.start) to \(plan.trips.last?.end ?? first.end)" }
        throw PlannerError(
            "tour \"\(tour.name)\" already has a saved plan (\(Plural.count(plan.trips.count, "trip"))\(dates ?? "")); it was kept",
            hint: "save under another name, or choose --replace to replace that plan")
    }

    /// Saves a budget template's text as the template of tour `name` (creating the tour, or
    /// adding a template to a tour saved with a plan only, keeping its plan). A template already
    /// saved under that name is replaced only when `replacing` is true; otherwise nothing changes
    /// and the error says so.
    ///
    /// - Returns: whether a template was saved under that name before (and is now replaced).
    /// - Throws: `PlannerError` for an invalid name or a saved template not to be replaced; the
    ///   store's errors.
    @discardableResult
    package func saveTourTemplate(_ text: String, file: String, name: String, replacing: Bool) throws -> Bool {
        try SavedTour.validate(name: name)
        return try writer.write { db in
            var record =
                try TourRecord.fetchOne(db, key: name)
                ?? TourRecord(name: name, planJSON: nil, templateText: nil, templateFile: nil)
            if !replacing {
                try Self.checkNoTemplate(
                    SavedTour(name: name, templateText: record.templateText, templateFile: record.templateFile))
            }
            let replaced = record.templateText != nil
            record.templateText = text
            record.templateFile = file
            try record.save(db)
            return replaced
        }
    }

    /// Refuses to save a budget template over `tour`'s saved one without being asked to replace it.
    ///
    /// - Throws: `PlannerError` naming the tour, the file its template came from, and how to replace it.
    package static func checkNoTemplate(_ tour: SavedTour?) throws {
        guard let tour, tour.templateText != nil else { return }
        let file = tour.templateFile.map { " (from \($0))" } ?? ""
        throw PlannerError(
            "tour \"\(tour.name)\" already has a saved budget template\(file); it was kept",
            hint: "save under another name, or pass --replace to replace that template")
    }

    /// Deletes the saved tour `name` (its plan and budget template), in one transaction, unless
    /// expenses (not deleted ones) belong to it: then nothing changes.
    ///
    /// - Returns: the tour as it was, or how many expenses belong to it (nothing deleted).
    /// - Throws: `StoreError` for a plan that does not decode; the store's errors.
    package func deleteSavedTour(named name: String) throws -> TourRemoval {
        try writer.write { db in
            guard let tour = try TourRecord.fetchOne(db, key: name)?.tour() else { return .notFound }
            let expenses = try ActualRecord.filter(ActualRecord.Columns.tour == name)
                .filter(!ActualRecord.Columns.isDeleted).fetchCount(db)
            guard expenses == 0 else { return .refused(tour, expenses: expenses) }
            try TourRecord.deleteOne(db, key: name)
            return .removed(tour)
        }
    }
}

/// What `TourDatabase.deleteSavedTour(named:)` did.
package enum TourRemoval: Sendable, Hashable {
    /// There is no saved tour with that name.
    case notFound
    /// Nothing was deleted: this many recorded expenses belong to the tour.
    case refused(SavedTour, expenses: Int)
    /// The tour (its plan and budget template) was deleted.
    case removed(SavedTour)
}

extension TourDatabase {
    /// The occurrence a new expense with `contentKey` gets in `tour`: one more than the rows
    /// (deleted ones included) that already have that content, so it is never taken for one of them.
    package func nextOccurrence(tour: String, contentKey: String) throws -> Int {
        try writer.read { db in
            let prefix = contentKey + " #"
            let count =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM actuals WHERE tour = ? AND substr(identityKey, 1, ?) = ?",
                    arguments: [tour, prefix.unicodeScalars.count, prefix]) ?? 0
            return count + 1
        }
    }
}
