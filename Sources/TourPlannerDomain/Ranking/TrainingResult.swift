import TourPlannerCore

/// Whether a training founded a chapter: known later, so `pending` until somebody says.
public enum ChapterOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// A chapter was founded after the training.
    case yes
    /// No chapter was founded.
    case no
    /// Not known yet (the default); left out of the retention fit.
    case pending
}

/// What happened at one training (`tourplan trainings log`): the data the chapter model learns from.
package struct TrainingResult: Hashable, Sendable, Codable {
    /// The store's id (0 before it is stored).
    package var id: Int64
    /// The metro where the training was held; one record per metro and date.
    package var metro: String
    /// The date of the training.
    package var date: CalendarDate
    /// How it was held: in person (the default), remote or a follow-up visit.
    package var kind: VisitKind
    /// Members invited, members who came, and the women among them.
    package var invited: Int
    /// Members who came (at most ``invited``).
    package var attended: Int
    /// Women among those who came (at most ``attended``).
    package var women: Int
    /// Whether a chapter came of it.
    package var chapterFounded: ChapterOutcome
    /// Free-text note (`--note`); empty when none.
    package var note: String

    /// Creates a record.
    package init(
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
    package var countProblem: String? {
        if invited < 0 || attended < 0 || women < 0 { return "counts cannot be negative" }
        if attended > invited {
            return "attended (\(attended)) is more than invited (\(invited)); check both numbers"
        }
        if women > attended { return "women (\(women)) is more than attended (\(attended))" }
        return nil
    }
}
