import ArgumentParser
import Foundation
import TourPlanner

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Trainings and meetings to invite members to.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add or update an event by hand.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Where: a place, e.g. \"Denver, CO\".") var place: String
        @Option(help: "Date (YYYY-MM-DD).") var date: String
        @Option(help: "Local start time (HH:MM).") var start = "10:00"
        @Option(help: "Venue (kept when the event is added again without one).") var venue: String?
        @Option(help: "Local organizer (kept when the event is added again without one).") var organizer: String?
        @OptionGroup var places: PlaceOptions

        func run() async throws {
            guard let day = CalendarDate(iso: date) else {
                throw ValidationError("--date \"\(date)\" is not a date (YYYY-MM-DD)")
            }
            guard let time = LocalTime(start) else {
                throw ValidationError("--start \"\(start)\" is not a time (HH:MM)")
            }
            let store = try database.open()
            let lookup = try places.makeResolver().resolvePlace(
                place, organizationCountries: Set(try store.resolvedCities().map(\.entry.countryCode)))
            guard let resolved = lookup.place else {
                throw PlaceLookupError(failures: [PlaceLookupError.Failure(source: "--place", lookup: lookup)])
            }
            PlaceEcho.printToStandardError([resolved])
            let entry = resolved.entry
            let event = OutreachEvent(
                metro: entry.name, cities: [entry.name], date: day, start: time, timeZone: entry.timeZone,
                latitude: entry.latitude, longitude: entry.longitude, venue: venue, organizer: organizer,
                scheduledAt: Date())
            try store.saveEvents([event])
            let stored = try store.events().first { $0.id == event.id }
            print(
                "event \(event.id): \(entry.name), \(day) \(time) \(entry.timeZone), "
                    + (stored?.venue ?? "no venue yet (texts wait for one)"))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List events.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            var table = TextTable(["id", "metro", "date", "start", "zone", "venue", "organizer"])
            for event in try database.open().events() {
                table.add([
                    event.id, event.metro, event.date.description, event.start.description, event.timeZone,
                    event.venue ?? "-",
                    event.organizer ?? "-",
                ])
            }
            print(table.render())
        }
    }
}
