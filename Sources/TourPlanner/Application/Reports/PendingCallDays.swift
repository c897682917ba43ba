/// The days around one day with calls or texts still to do for a volunteer, on the volunteer's
/// clock: where a day with nothing to do sends the volunteer.
public struct PendingCallDays: Codable, Sendable, Hashable {
    /// The last day before the asked day with a pending call or text (nil: none).
    public var before: CalendarDate?
    /// The first day after the asked day with a pending call or text (nil: none).
    public var after: CalendarDate?
    /// How many calls and texts are pending on `before`.
    public var beforeCount: Int
    /// How many calls and texts are pending on `after`.
    public var afterCount: Int

    /// The days nearest to `date` among `days` (each pending task's day), with their counts.
    package init(around date: CalendarDate, days: [CalendarDate]) {
        let earlier = days.filter { $0 < date }
        let later = days.filter { $0 > date }
        let before = earlier.max()
        let after = later.min()
        self.before = before
        self.after = after
        beforeCount = earlier.count { $0 == before }
        afterCount = later.count { $0 == after }
    }
}
