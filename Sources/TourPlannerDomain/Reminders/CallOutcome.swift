import Foundation

/// What happened on a call (or text). What each outcome does next is `OutcomePolicy`.
public enum CallOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case reached
    case voicemail
    case noAnswer = "no-answer"
    case wrongNumber = "wrong-number"
    case rsvpYes = "rsvp-yes"
    case rsvpNo = "rsvp-no"
    case doNotContact = "do-not-contact"

    /// The outcome as buttons, printouts and notices name it: "Reached", "No answer", "RSVP yes".
    package var label: String {
        switch self {
        case .reached: "Reached"
        case .voicemail: "Voicemail"
        case .noAnswer: "No answer"
        case .wrongNumber: "Wrong number"
        case .rsvpYes: "RSVP yes"
        case .rsvpNo: "RSVP no"
        case .doNotContact: "Do not contact"
        }
    }

    /// No conversation took place: the call is tried again.
    package var isRetry: Bool { self == .voicemail || self == .noAnswer }
}
