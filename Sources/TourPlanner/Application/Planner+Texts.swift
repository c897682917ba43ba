extension Planner {
    /// The pending reminder texts of `date` (in each member's own zone), optionally only those
    /// assigned to one volunteer (the web app shows a volunteer their own).
    ///
    /// Synchronous for the reason given in `Planner+Calls.swift`.
    ///
    /// - Parameters:
    ///   - date: the day, as a calendar date in each member's own zone.
    ///   - volunteer: the exact volunteer name to keep, or nil for everyone's texts.
    ///   - rules: the scripts (nil: the planner's bundled rules).
    /// - Returns: the day's texts, with those left out for want of a phone or a member.
    /// - Throws: `PlannerError` when there is no store; `StoreError` for a damaged row.
    public func texts(date: CalendarDate, volunteer: String? = nil, rules: ReminderRules? = nil) throws
        -> TextsReport
    {
        let store = try requireStore()
        let all = try store.tasks()
        let tasks = ReminderTextExport.due(
            volunteer.map { name in all.filter { $0.volunteer == name } } ?? all, on: date)
        let export = ReminderTextExport.make(
            date: date, tasks: tasks, members: try store.members(ids: tasks.map(\.memberId)),
            events: Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            rules: rules ?? resources.reminderRules)
        return TextsReport(export: export)
    }
}
