import TourPlanner

/// The outcome buttons' names, as the issue fixes them, in the order they are shown.
enum OutcomeLabel {
    static func label(_ raw: String) -> String {
        CallOutcome(rawValue: raw).map(label) ?? raw
    }

    static func label(_ outcome: CallOutcome) -> String {
        switch outcome {
        case .reached: "Reached"
        case .voicemail: "Voicemail"
        case .noAnswer: "No answer"
        case .wrongNumber: "Wrong number"
        case .rsvpYes: "RSVP yes"
        case .rsvpNo: "RSVP no"
        case .doNotContact: "Do not contact"
        }
    }

    /// A task's kind as the notices name it: "follow-up call", "reminder call", "reminder text".
    static func kind(_ kind: ReminderKind) -> String {
        switch kind {
        case .followUpCall: "follow-up call"
        case .reminderCall: "reminder call"
        case .reminderText: "reminder text"
        }
    }

    /// `value` (the form's raw outcome) and `label` of every button.
    static let buttons: [[String: String]] = [
        CallOutcome.reached, .voicemail, .noAnswer, .wrongNumber, .rsvpYes, .rsvpNo, .doNotContact,
    ].map { ["value": $0.rawValue, "label": label($0)] }
}
