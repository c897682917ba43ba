import ArgumentParser

@main
struct TourplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tourplan",
        abstract: "Plan outreach and chapter-building tours: members, cities, ranking, routes, budgets, reminders.",
        discussion: """
            Commands that use the store take --db PATH (default: $TOURPLAN_DB, else ./tourplan.sqlite).
            Exit status: 0 success, 1 data error (message on stderr), 64 usage mistake.
            """,
        subcommands: [
            DemoCommand.self, ImportCommand.self, MembersCommand.self, MarkersCommand.self, RankCommand.self,
            CitiesCommand.self, TourCommand.self, BudgetCommand.self, EventsCommand.self, RemindCommand.self,
            CallsCommand.self, TextsCommand.self, ItineraryCommand.self, SolveCommand.self, TrainingsCommand.self,
            ServeCommand.self, UsersCommand.self,
        ]
    )
}
