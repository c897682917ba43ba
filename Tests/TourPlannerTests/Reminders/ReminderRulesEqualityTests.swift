import Testing

@testable import TourPlanner

@Suite("ReminderRules equality")
struct ReminderRulesEqualityTests {
    /// One change per field of the rules, each to a value other than the default.
    static let changes: [(field: String, change: @Sendable (inout ReminderRules) -> Void)] = [
        ("followUpWithinDays", { $0.followUpWithinDays = 5 }),
        ("reminderCallDaysBefore", { $0.reminderCallDaysBefore = 7 }),
        ("reminderTextTime", { $0.reminderTextTime = LocalTime(hour: 7, minute: 30) }),
        ("weekdayHours start", { $0.weekdayHours = (LocalTime(hour: 9, minute: 0), LocalTime(hour: 20, minute: 0)) }),
        ("weekdayHours end", { $0.weekdayHours = (LocalTime(hour: 10, minute: 0), LocalTime(hour: 21, minute: 0)) }),
        ("weekendHours start", { $0.weekendHours = (LocalTime(hour: 11, minute: 0), LocalTime(hour: 18, minute: 0)) }),
        ("weekendHours end", { $0.weekendHours = (LocalTime(hour: 12, minute: 0), LocalTime(hour: 17, minute: 0)) }),
        ("textEarliest", { $0.textEarliest = LocalTime(hour: 7, minute: 0) }),
        ("maxAttempts", { $0.maxAttempts = 4 }),
        ("textAudience", { $0.textAudience = .allInvitees }),
        ("defaultEventStart", { $0.defaultEventStart = LocalTime(hour: 11, minute: 0) }),
        ("scripts", { $0.scripts = ["en": [.reminderText: "See you at {venue}"]] }),
    ]

    @Test("rules differing in any one field are unequal (fix: textEarliest and defaultEventStart were ignored)")
    func everyFieldCounts() {
        let defaults = ReminderRules()
        for (field, change) in Self.changes {
            var changed = defaults
            change(&changed)
            #expect(changed != defaults, "rules differing in \(field) compared equal")
        }
    }

    @Test("equal rules are equal and hash alike; the tuple accessors read back what they set")
    func equalRules() {
        var a = ReminderRules()
        var b = ReminderRules()
        a.weekdayHours = (LocalTime(hour: 9, minute: 15), LocalTime(hour: 19, minute: 45))
        b.weekdayHours = (LocalTime(hour: 9, minute: 15), LocalTime(hour: 19, minute: 45))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(
            a.weekdayHours.0 == LocalTime(hour: 9, minute: 15) && a.weekdayHours.1 == LocalTime(hour: 19, minute: 45))
        #expect(Set([a, b]).count == 1)
    }
}
