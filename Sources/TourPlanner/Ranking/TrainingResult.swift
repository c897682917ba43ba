import TourPlannerCore

/// Whether a training founded a chapter: known later, so `pending` until somebody says.
public enum ChapterOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case yes
    case no
    case pending
}

/// What happened at one training (`tourplan trainings log`): the data the chapter model learns from.
public struct TrainingResult: Hashable, Sendable, Codable {
    /// The store's id (0 before it is stored).
    public var id: Int64
    public var metro: String
    public var date: CalendarDate
    public var kind: VisitKind
    /// Members invited, members who came, and the women among them.
    public var invited: Int
    public var attended: Int
    public var women: Int
    public var chapterFounded: ChapterOutcome
    public var note: String

    /// Creates a record.
    public init(
        id: Int64 = 0, metro: String, date: CalendarDate, kind: VisitKind = .inPerson, invited: Int, attended: Int,
        women: Int, chapterFounded: ChapterOutcome = .pending, note: String = ""
    ) {
        self.id = id
        self.metro = metro
        self.date = date
        self.kind = kind
        self.invited = invited
        self.attended = attended
        self.women = women
        self.chapterFounded = chapterFounded
        self.note = note
    }

    /// What is wrong with the counts, in the user's terms; nil when they are consistent.
    public var countProblem: String? {
        if invited < 0 || attended < 0 || women < 0 { return "counts cannot be negative" }
        if attended > invited {
            return "attended (\(attended)) is more than invited (\(invited)); check both numbers"
        }
        if women > attended { return "women (\(women)) is more than attended (\(attended))" }
        return nil
    }
}
