import ArgumentParser
import TourPlanner

@main
struct TourplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tourplan",
        abstract: "Plan outreach and chapter-building tours: members, cities, ranking, routes, budgets, reminders.",
        discussion: CommandHelp.tourplan,
        subcommands: [
            DemoCommand.self, ImportCommand.self, MembersCommand.self, MarkersCommand.self, RankCommand.self,
            CitiesCommand.self, TourCommand.self, BudgetCommand.self, EventsCommand.self, RemindCommand.self,
            CallsCommand.self, TextsCommand.self, ItineraryCommand.self, SolveCommand.self, TrainingsCommand.self,
            ServeCommand.self, UsersCommand.self,
        ])
}
