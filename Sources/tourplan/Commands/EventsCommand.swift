import ArgumentParser
import Foundation
import TourPlanner

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Trainings and meetings to invite members to.",
        subcommands: [Add.self, List.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update an event by hand.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Where: a place, e.g. \"Denver, CO\".") var place: String
        @Option(help: "Date (YYYY-MM-DD).") var date: String
        @Option(help: "Local start time (HH:MM).") var start = "10:00"
        @Option(help: "Venue (kept when the event is added again without one).") var venue: String?
        @Option(help: "Local organizer (kept when the event is added again without one).") var organizer: String?
        @OptionGroup var places: PlaceOptions
        func run() async throws {
            let query = try usage {
                try EventQuery(place: place, date: date, start: start, venue: venue, organizer: organizer, now: Date())
            }
            let report = try database.planner(aliases: places.aliases).addEvent(query)
            printPlaces([report.place])
            print(try report.render(.table), terminator: "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List events.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws { print(try database.planner().events().render(.table), terminator: "") }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.eventsDelete)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event's id (see `tourplan events list`).") var id: String
        func run() async throws { print(try database.planner().deleteEvent(id: id).render(.table), terminator: "") }
    }
}
