import ArgumentParser
import TourPlanner

/// `tourplan trainings log|list|update|delete|fit`: what happened at trainings, for the chapter model.
struct TrainingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainings",
        abstract: "Record what happened at trainings; fit the chapter model's rates from them.",
        discussion: CommandHelp.trainings, subcommands: [Log.self, List.self, Update.self, Delete.self, Fit.self])

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record one training's results.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The metro, as `tourplan rank` names it.") var metro: String
        @Option(help: "The training's date (YYYY-MM-DD).") var date: String
        @Option(help: "Members who came.") var attended: Int
        @Option(help: "Women among them.") var women: Int
        @Option(help: "Members invited (default: those the schedule invited to that event).") var invited: Int?
        @Option(help: "Did it found a chapter?") var chapterFounded: ChapterOutcome = .pending
        @Option(help: "How it was held.") var kind: VisitKind = .inPerson
        @Option(help: "A note.") var note = ""
        @Option(help: "Output format.") var format: RecordFormat = .table
        func run() async throws {
            let query = TrainingQuery(
                metro: metro, date: try usage { try CalendarDate.argument(date, option: "--date") }, invited: invited,
                attended: attended, women: women, chapterFounded: chapterFounded, kind: kind, note: note)
            try printReport(try await database.planner().logTraining(query), format.rendering)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded trainings.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.") var format: OutputFormat = .table
        func run() async throws { try printReport(try await database.planner().trainings(), format.rendering) }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a recorded training (by id).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The training's id (see `trainings list`).") var id: Int64
        @Option var metro: String?
        @Option var date: String?
        @Option var invited: Int?
        @Option var attended: Int?
        @Option var women: Int?
        @Option var chapterFounded: ChapterOutcome?
        @Option var kind: VisitKind?
        @Option var note: String?
        @Option(help: "Output format.") var format: RecordFormat = .table
        func run() async throws {
            let query = TrainingQuery(
                id: id, metro: metro,
                date: try usage { try date.map { try CalendarDate.argument($0, option: "--date") } },
                invited: invited, attended: attended, women: women, chapterFounded: chapterFounded, kind: kind,
                note: note)
            try printReport(try await database.planner().updateTraining(query), format.rendering)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a recorded training (by id).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The training's id.") var id: Int64
        func run() async throws { try printReport(try await database.planner().deleteTraining(id: id), .table) }
    }

    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.trainingsFit)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Markers settings file (TOML; its [chapter_model] gives the priors).") var settings: String?
        @Option(help: "Output format.") var format: RecordFormat = .table
        func run() async throws {
            try printReport(try await database.planner().fitChapterModel(settingsFile: settings), format.rendering)
        }
    }
}
