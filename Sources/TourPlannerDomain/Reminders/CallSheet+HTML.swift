import Foundation
import TourPlannerCore

extension CallSheet {
    /// A printable page, one card per call or text (the bundled `call-sheet` template; every
    /// value is HTML-escaped): the step, the member, a `tel:` (or, for a text, `sms:`) link, the
    /// window on the volunteer's clock and the member's, the event, earlier outcomes, warnings,
    /// the script, a box for each outcome and room for a note.
    ///
    /// - Throws: `PlannerError` when the bundled template is missing.
    package func html() throws -> String {
        try html(templates: TemplateLibrary.bundled())
    }

    /// The page rendered with `templates`.
    ///
    /// - Throws: `PlannerError` when `templates` has no `call-sheet` template.
    package func html(templates: TemplateLibrary) throws -> String {
        try templates.render(CallSheetPage(self), template: "call-sheet")
    }
}

/// What the `call-sheet` template shows: the sheet's values as display text.
struct CallSheetPage {
    struct Card {
        var number: Int
        var kind: String
        var taskId: String
        var memberName: String
        var dial: String
        var href: String
        var hasLink: Bool
        var isText: Bool
        var volunteerWindow: String
        var memberWindow: String
        var event: String
        var before: String
        var hasBefore: Bool
        var warnings: [String]
        var script: String
        var also: [String]
        var outcomes: [String]
    }

    var volunteer: String
    var day: String
    var volunteerTimeZone: String
    var count: String
    var rows: [Card]

    /// The outcomes a call can have, in the web app's button order; a text is sent or not.
    static let callOutcomes = [
        CallOutcome.reached, .voicemail, .noAnswer, .wrongNumber, .rsvpYes, .rsvpNo, .doNotContact,
    ].map(\.label)
    static let textOutcomes = ["Sent", "Not sent"]

    init(_ sheet: CallSheet) {
        volunteer = sheet.volunteer
        day = sheet.date.spelledOut
        volunteerTimeZone = sheet.volunteerTimeZone
        let calls = sheet.rows.filter(\.kind.isCall).count
        let texts = sheet.rows.count - calls
        count = [(calls, "call"), (texts, "text")].filter { $0.0 > 0 }.map { Plural.count($0.0, $0.1) }
            .joined(separator: " and ")
        if calls + texts == 0 { count = "nothing to do" }
        rows = sheet.rows.enumerated().map { index, row in
            let isText = !row.kind.isCall
            return Card(
                number: index + 1, kind: row.kind.label, taskId: row.taskId, memberName: row.memberName,
                dial: row.dial.isEmpty
                    ? (row.phoneAsTyped ?? "no number")
                    : row.displayDial,
                href: (isText ? row.phoneE164.map { "sms:" + $0 } : row.telURI) ?? "", hasLink: row.phoneE164 != nil,
                isText: isText, volunteerWindow: row.volunteerWindow, memberWindow: row.memberWindow,
                event: Self.readableEvent(row.event), before: row.previousOutcomes.joined(separator: "; "),
                hasBefore: !row.previousOutcomes.isEmpty,
                warnings: row.warnings, script: row.script, also: row.also,
                outcomes: isText ? Self.textOutcomes : Self.callOutcomes)
        }
    }

    /// "Boston, Sat 7 Jun 2014, 10:00" for the row's "Boston, 2014-06-07 10:00" (kept as it is
    /// when it is not of that shape, e.g. an event no longer stored).
    static func readableEvent(_ event: String) -> String {
        var words = event.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count >= 3, let date = CalendarDate(iso: words[words.count - 2]),
            LocalTime(words[words.count - 1]) != nil
        else { return event }
        words[words.count - 2] = date.readable + ","
        return words.joined(separator: " ")
    }
}
