/// What saving a tour's plan or budget template in the store did (`Planner.saveTourPlan`,
/// `Planner.saveTourBudget`).
public struct TourSavedReport: RenderableReport, Hashable {
    /// Which part of the tour was saved.
    package enum Part: String, Codable, Sendable, Hashable {
        /// The plan (`tour plan --save NAME`).
        case plan
        /// The budget template (`budget TEMPLATE --save NAME`).
        case budget
    }

    /// The tour's name.
    package var name: String
    /// What was saved.
    package var part: Part
    /// Whether an earlier saved part of the same kind was replaced.
    public var replaced: Bool

    /// A report for saving `part` of tour `name`.
    package init(name: String, part: Part, replaced: Bool) {
        self.name = name
        self.part = part
        self.replaced = replaced
    }

    /// The one-line note for standard error, e.g. "note: saved the plan as tour east-coast
    /// (replacing the plan saved before)".
    package var note: String {
        let what = part == .plan ? "plan" : "budget template"
        return "note: saved the \(what) as tour \(name)" + (replaced ? " (replacing the \(what) saved before)" : "")
    }

    /// Table (the note) and JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The note, or JSON.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: try JSONOutput.encode(self)
        case .table: note
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
