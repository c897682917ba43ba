import ArgumentParser
import Foundation
import TourPlanner

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members", abstract: "Member totals and data-quality views.", discussion: CommandHelp.members,
        subcommands: [Consent.self])
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Show one breakdown.") var by: MemberBreakdown?
    @Option(help: "Number of rows per breakdown in the table view (0 = all).") var limit = 0
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "List members whose place did not resolve, with the reason and suggestions.") var unresolved = false
    @Option(help: "Metro radius in km for --by metro.") var radiusKm = MetroClustering.defaultRadiusKm
    @OptionGroup var places: PlaceOptions
    func validate() throws { try usage { try MembersQuery.checkArguments(limit: limit) } }
    func run() async throws {
        let query = MembersQuery(breakdown: by, limit: limit, unresolved: unresolved, radiusKm: radiusKm)
        try printReport(try await database.planner(aliases: places.aliases).members(query), format.rendering)
    }

    /// `tourplan members consent MEMBER …`: shows a member's consent flags and history, records an
    /// opt-out (or a STOP reply), and is the only way to lift one.
    struct Consent: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, set or lift a member's do-not-call, do-not-text, do-not-contact and deceased flags.",
            discussion: CommandHelp.membersConsent)

        /// `--db` and `--format` are the `members` command's own options (ArgumentParser gives them
        /// to the parent wherever they are written).
        @ParentCommand var members: MembersCommand
        @Argument(help: "The member id (as in the export; members without one have id email:ADDRESS).")
        var member: String
        @Flag(help: "Lift do-not-call.") var allowCalls = false
        @Flag(help: "Lift do-not-text.") var allowTexts = false
        @Flag(help: "Lift do-not-contact.") var allowContact = false
        @Flag(help: "Lift the deceased flag (it was set by mistake).") var notDeceased = false
        @Flag(help: "Set do-not-call.") var noCalls = false
        @Flag(help: "Set do-not-text.") var noTexts = false
        @Flag(help: "Set do-not-contact (no calls, no texts).") var noContact = false
        @Flag(help: "Mark the member deceased (never contacted).") var deceased = false
        @Flag(help: "Record a STOP reply to a text (sets do-not-text, source stop-reply).") var stopReply = false
        @Option(help: "Why (kept in the consent log).") var reason: String?
        @Option(help: "Who makes the change (kept in the consent log; default: $USER).") var organizer: String?
        func validate() throws { _ = try query() }

        func query() throws -> MemberConsentQuery {
            try usage {
                try MemberConsentQuery(
                    member: member,
                    setting: [.doNotCall: noCalls, .doNotText: noTexts, .doNotContact: noContact, .deceased: deceased],
                    lifting: [
                        .doNotCall: allowCalls, .doNotText: allowTexts, .doNotContact: allowContact,
                        .deceased: notDeceased,
                    ],
                    stopReply: stopReply, actor: organizer, reason: reason, now: Date())
            }
        }

        func run() async throws {
            try printReport(try await members.database.planner().memberConsent(query()), members.format.rendering)
        }
    }
}
