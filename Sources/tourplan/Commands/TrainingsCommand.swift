import ArgumentParser
import Foundation
import TourPlanner

/// `tourplan trainings log|list|update|delete|fit`: what happened at trainings, for the chapter model.
struct TrainingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainings",
        abstract: "Record what happened at trainings; fit the chapter model's rates from them.",
        discussion: """
            Ranking and planning use the fitted response and retention rates once any training is recorded
            (README "Chapter model").
            """,
        subcommands: [Log.self, List.self, Update.self, Delete.self, Fit.self])

    enum Founded: String, ExpressibleByArgument, CaseIterable {
        case yes, no, pending
        var outcome: ChapterOutcome {
            switch self {
            case .yes: .yes
            case .no: .no
            case .pending: .pending
            }
        }
    }

    /// `--format table|json` for commands that print one record or an estimate.
    enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
        var output: OutputFormat { self == .json ? .json : .table }
    }

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case inPerson = "in-person", remote, followUp = "follow-up"
        var visit: VisitKind {
            switch self {
            case .inPerson: .inPerson
            case .remote: .remote
            case .followUp: .followUp
            }
        }
    }

    static func day(_ text: String, flag: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("\(flag) \"\(text)\" is not a date (YYYY-MM-DD)")
        }
        return date
    }

    static func check(_ result: TrainingResult) throws {
        if let problem = result.countProblem {
            throw CLIError(
                "training in \(result.metro): \(problem)", hint: "correct the counts and run the command again")
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "Record one training's results.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The metro, as `tourplan rank` names it.") var metro: String
        @Option(help: "The training's date (YYYY-MM-DD).") var date: String
        @Option(help: "Members who came.") var attended: Int
        @Option(help: "Women among them.") var women: Int
        @Option(help: "Members invited (default: those the schedule invited to that event).") var invited: Int?
        @Option(help: "Did it found a chapter?") var chapterFounded: Founded = .pending
        @Option(help: "How it was held.") var kind: Kind = .inPerson
        @Option(help: "A note.") var note = ""
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() async throws {
            let day = try TrainingsCommand.day(date, flag: "--date")
            let store = try database.open()
            var count = invited
            if count == nil { count = try store.invitedCount(metro: metro, date: day) }
            guard let invitedCount = count else {
                throw CLIError(
                    "no event in \(metro) on \(day) is scheduled, so the invited members are unknown",
                    hint: "pass --invited N (the members invited to that training)")
            }
            let result = TrainingResult(
                metro: metro, date: day, kind: kind.visit, invited: invitedCount, attended: attended, women: women,
                chapterFounded: chapterFounded.outcome, note: note)
            try TrainingsCommand.check(result)
            let stored = try store.recordTraining(result)
            TrainingsCommand.render([stored], format: format.output)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List recorded trainings.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.") var format: OutputFormat = .table
        func run() async throws {
            let results = try database.open().trainings()
            if results.isEmpty, format == .table {
                print("No trainings recorded yet (`tourplan trainings log …`).")
                return
            }
            TrainingsCommand.render(results, format: format)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a recorded training (by id).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The training's id (see `trainings list`).") var id: Int64
        @Option var metro: String?
        @Option var date: String?
        @Option var invited: Int?
        @Option var attended: Int?
        @Option var women: Int?
        @Option var chapterFounded: Founded?
        @Option var kind: Kind?
        @Option var note: String?
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() async throws {
            let store = try database.open()
            guard var result = try store.training(id: id) else {
                throw CLIError("no training has id \(id)", hint: "see the ids with `tourplan trainings list`")
            }
            if let metro { result.metro = metro }
            if let date { result.date = try TrainingsCommand.day(date, flag: "--date") }
            if let invited { result.invited = invited }
            if let attended { result.attended = attended }
            if let women { result.women = women }
            if let chapterFounded { result.chapterFounded = chapterFounded.outcome }
            if let kind { result.kind = kind.visit }
            if let note { result.note = note }
            try TrainingsCommand.check(result)
            try store.updateTraining(result)
            TrainingsCommand.render([result], format: format.output)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete a recorded training (by id).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The training's id.") var id: Int64
        func run() async throws {
            guard try database.open().deleteTraining(id: id) else {
                throw CLIError("no training has id \(id)", hint: "see the ids with `tourplan trainings list`")
            }
            print("deleted training \(id)")
        }
    }

    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fit",
            abstract: "Estimate the response and retention rates from the recorded trainings.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Markers settings file (TOML; its [chapter_model] gives the priors).") var settings: String?
        @Option(help: "Output format.") var format: RecordFormat = .table
        func run() async throws {
            let parameters = try ChapterSettingsLoader.load(settings).chapterModel
            let fit = ChapterFit.fit(try database.open().trainings(), parameters: parameters)
            if format == .json {
                print(try JSONOutput.encode(fit))
                return
            }
            print("\(fit.trainingsRecorded) training\(fit.trainingsRecorded == 1 ? "" : "s") recorded")
            for (name, estimate) in [("response rate", fit.response), ("retention rate", fit.retention)] {
                let percent = { (value: Double) in String(format: "%.1f%%", value * 100) }
                print(
                    "\(name): \(percent(estimate.value)) ± \(percent(estimate.standardDeviation)) from \(estimate.trainingsUsed) training\(estimate.trainingsUsed == 1 ? "" : "s") (prior \(percent(estimate.prior)))"
                )
            }
            if fit.response.trainingsUsed == 0 && fit.retention.trainingsUsed == 0 {
                print("No usable trainings: ranking and planning keep the settings' rates.")
            }
        }
    }

    static func render(_ results: [TrainingResult], format: OutputFormat) {
        switch format {
        case .json:
            print((try? JSONOutput.encode(results)) ?? "[]")
        case .csv:
            let rows = results.map {
                [
                    "\($0.id)", $0.metro, $0.date.description, $0.kind.rawValue, "\($0.invited)", "\($0.attended)",
                    "\($0.women)", $0.chapterFounded.rawValue, $0.note,
                ]
            }
            print(
                CSVWriter.render(
                    header: ["id", "metro", "date", "kind", "invited", "attended", "women", "chapterFounded", "note"],
                    rows: rows), terminator: "")
        case .table:
            var table = TextTable(["id", "metro", "date", "kind", "invited", "attended", "women", "chapter", "note"])
            for result in results {
                table.add([
                    "\(result.id)", result.metro, result.date.description, result.kind.rawValue, "\(result.invited)",
                    "\(result.attended)", "\(result.women)", result.chapterFounded.rawValue, result.note,
                ])
            }
            print(table.render())
        }
    }
}

/// Loads the markers settings (`--settings FILE`, else the bundled file) and applies the fitted rates.
enum ChapterSettingsLoader {
    static func load(_ path: String?) throws -> MarkerSettings {
        guard let path else { return try MarkerSettings.loadBundled() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("\(path): cannot be read", hint: "check the --settings path")
        }
        return try MarkerSettings.parse(text, fileName: path)
    }

    /// The chapter model's parameters: the settings' rates, replaced by those fitted from recorded trainings.
    static func parameters(settings: MarkerSettings, store: TourDatabase) throws -> ChapterModelParameters {
        settings.chapterModel.fitted(to: try store.trainings())
    }
}
