extension CalendarDate {
    private static let shortWeekdays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let weekdays = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let shortMonths = [
        "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    private static let months = [
        "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "Sat 7 Jun 2014": the day as pages and printouts write it (English, day before month, so
    /// no reader takes 7/6 for 6 July or the other way round).
    package var readable: String { "\(readableWithoutYear) \(year)" }

    /// "Sat 7 Jun": `readable` without the year, for days of the coming weeks.
    package var readableWithoutYear: String {
        "\(Self.shortWeekdays[isoWeekday]) \(day) \(Self.name(month, Self.shortMonths))"
    }

    /// "Saturday".
    package var weekdayName: String { Self.weekdays[isoWeekday] }

    /// "Saturday 7 June 2014": the day as a printout's heading writes it.
    package var spelledOut: String {
        "\(Self.weekdays[isoWeekday]) \(day) \(Self.name(month, Self.months)) \(year)"
    }

    private static func name(_ month: Int, _ names: [String]) -> String {
        (1...12).contains(month) ? names[month] : String(month)
    }
}
