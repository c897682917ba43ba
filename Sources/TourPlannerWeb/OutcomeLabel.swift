import TourPlanner

/// The outcome buttons' names, as the issue fixes them, in the order they are shown.
enum OutcomeLabel {
    static func label(_ raw: String) -> String {
        CallOutcome(rawValue: raw).map(label) ?? raw
    }

    static func label(_ outcome: CallOutcome) -> String { outcome.label }

    /// A task's kind as the notices name it: "follow-up call", "reminder call", "reminder text".
    static func kind(_ kind: ReminderKind) -> String { kind.label.lowercased() }

    /// `value` (the form's raw outcome) and `label` of every button.
    static let buttons: [[String: String]] = [
        CallOutcome.reached, .voicemail, .noAnswer, .wrongNumber, .rsvpYes, .rsvpNo, .doNotContact,
    ].map { ["value": $0.rawValue, "label": label($0)] }
}
