import TourPlanner

/// The `/texts` view model: each text with a selectable message and a copy button (the button
/// appears only when the script runs; the text is selectable without it).
enum TextsPage {
    static func view(_ report: TextsReport, date: CalendarDate, volunteer: Volunteer, signedIn: SignedIn)
        -> [String: Any]
    {
        let query = signedIn.account.role == .organizer ? "&volunteer=\(QueryValue.escape(volunteer.name))" : ""
        return [
            "volunteer": volunteer.name, "date": date.description, "day": WebDates.day(date),
            "previous": "/texts?date=\(date.adding(days: -1))\(query)",
            "next": "/texts?date=\(date.adding(days: 1))\(query)",
            "dayPicker": CallsPage.dayPicker(path: "/texts", date: date, volunteer: volunteer, signedIn: signedIn),
            "empty": report.export.texts.isEmpty, "warnings": report.warnings,
            "texts": report.export.texts.enumerated().map { index, text -> [String: Any] in
                [
                    "id": "text-\(index + 1)", "name": text.displayName, "phone": text.phone,
                    "sendAfter": text.sendAfter, "event": "\(text.eventMetro), \(text.eventTime)",
                    "message": text.message,
                ]
            },
        ]
    }
}
