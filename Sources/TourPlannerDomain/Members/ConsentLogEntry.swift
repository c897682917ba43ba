package import Foundation
import TourPlannerCore

/// Whether a consent flag was set or lifted.
package enum ConsentChange: String, Hashable, Sendable, Codable, CaseIterable {
    case set
    case cleared
}

/// Who or what changed a member's consent.
public enum ConsentSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// A member export said so (an opt-out column).
    case importFile = "import"
    /// An organizer, with `tourplan members consent`: the only source that may lift a flag.
    case organizer
    /// A volunteer logged the call outcome "do-not-contact".
    case callOutcome = "call-outcome"
    /// The member replied STOP to a text.
    case stopReply = "stop-reply"
}

/// One line of a member's consent history: what changed, when, from which source and who.
package struct ConsentLogEntry: Hashable, Sendable, Codable {
    /// The member whose consent changed.
    package var memberID: MemberID
    /// The flag that changed.
    package var flag: ConsentFlag
    /// Whether the flag was set or cleared.
    package var change: ConsentChange
    /// Who or what made the change.
    package var source: ConsentSource
    /// Where: `members.csv:14` for an import, the task id for a call outcome.
    package var detail: String?
    /// The organizer or volunteer who made the change, when known.
    package var actor: String?
    /// Why, as given by the organizer (`--reason`) or the source.
    package var reason: String?
    /// When the change was recorded.
    package var recordedAt: Date

    /// Creates a consent history line.
    package init(
        memberID: MemberID, flag: ConsentFlag, change: ConsentChange, source: ConsentSource, detail: String? = nil,
        actor: String? = nil, reason: String? = nil, recordedAt: Date
    ) {
        self.memberID = memberID
        self.flag = flag
        self.change = change
        self.source = source
        self.detail = detail
        self.actor = actor
        self.reason = reason
        self.recordedAt = recordedAt
    }
}
