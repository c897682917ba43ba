import ArgumentParser
import Foundation
import Testing

@testable import tourplan

@Suite("Golden: --help of every command")
struct GoldenHelpTests {
    /// Every command and subcommand, hidden ones included (`budget actuals import`).
    static let commands: [String] = [
        "", "demo", "import", "members", "members consent", "markers", "rank", "cities", "cities resolve",
        "cities route", "tour", "tour plan", "tour list", "tour delete", "budget", "budget report", "budget actuals",
        "budget actuals add",
        "budget actuals import", "budget actuals list", "budget actuals edit", "budget actuals delete",
        "budget actuals restore", "budget init", "events", "events add", "events list", "events delete", "remind",
        "remind schedule", "calls", "calls list", "calls log", "calls undo", "texts", "texts list", "itinerary",
        "solve",
        "trainings", "trainings log", "trainings list", "trainings update", "trainings delete", "trainings fit",
        "serve",
        "users", "users add", "users list", "users role", "users disable", "users enable", "users reset",
    ]

    static func paths(of command: any ParsableCommand.Type, prefix: [String]) -> [String] {
        command.configuration.subcommands.flatMap { sub -> [String] in
            let path = prefix + [sub.configuration.commandName ?? sub._commandName]
            return [path.joined(separator: " ")] + paths(of: sub, prefix: path)
        }
    }

    @Test("the list above is the whole command tree")
    func listIsComplete() {
        #expect(Set(Self.commands) == Set([""] + Self.paths(of: TourplanCommand.self, prefix: [])))
    }

    @Test("tourplan … --help", arguments: commands)
    func help(_ command: String) throws {
        let folder = try ScratchFolder()
        let words = command.split(separator: " ").map(String.init)
        let name = (["help"] + words).joined(separator: "-")
        GoldenFile.check(try GoldenSupport.transcript(words + ["--help"], in: folder.url), named: name)
    }

    @Test("tourplan help lists the commands")
    func helpCommand() throws {
        let folder = try ScratchFolder()
        GoldenFile.check(try GoldenSupport.transcript(["help"], in: folder.url), named: "help-command")
    }
}
