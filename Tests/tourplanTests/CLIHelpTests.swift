import ArgumentParser
import Testing

@testable import tourplan

@Suite("CLI")
struct CLIHelpTests {
    @Test("unknown subcommand is a usage error")
    func unknownSubcommand() {
        #expect(throws: (any Error).self) { try TourplanCommand.parseAsRoot(["no-such-command"]) }
    }
}
