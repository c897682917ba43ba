import Foundation

/// What happened on a call (or text).
public enum CallOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case reached
    case voicemail
    case noAnswer = "no-answer"
    case wrongNumber = "wrong-number"
    case rsvpYes = "rsvp-yes"
    case rsvpNo = "rsvp-no"
    case doNotContact = "do-not-contact"

    /// How the outcome changes the member's tasks (applied by `TourDatabase.logOutcome`).
    public enum Effect: Hashable, Sendable {
        /// The task is done.
        case complete
        /// Try again in the next calling window after `now` (until `maxAttempts`).
        case retry
        /// Done, and the member's remaining tasks for this event are cancelled.
        case cancelRemainingForEvent
        /// The phone is flagged; every pending task of the member is cancelled.
        case flagPhone
        /// The member's do-not-call and do-not-text flags are set; every pending task is cancelled.
        case optOut
    }

    public var effect: Effect {
        switch self {
        case .reached, .rsvpYes: .complete
        case .voicemail, .noAnswer: .retry
        case .rsvpNo: .cancelRemainingForEvent
        case .wrongNumber: .flagPhone
        case .doNotContact: .optOut
        }
    }
}
