import ArgumentParser
import Foundation
import TourPlanner
import TourPlannerWeb

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Web app accounts: add, list, disable, reset.",
        subcommands: [Add.self, List.self, Disable.self, Reset.self])

    struct LinkOptions: ParsableArguments {
        @Option(help: "The web app's address (welcome links start with it).") var baseURL = "http://127.0.0.1:8080"
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; prints a one-time sign-in link (7 days) unless --password-stdin.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        @Option(help: "organizer, treasurer or volunteer.") var role: WebAccount.Role
        @Option(help: "The schedule's volunteer this account calls as (volunteer accounts).") var volunteer: String?
        @Flag(help: "Read the password from standard input (first line) instead of printing a link.")
        var passwordStdin = false
        @OptionGroup var link: LinkOptions

        func run() async throws {
            let accounts = WebAccounts(store: try database.open(), baseURL: link.baseURL)
            let issued = try accounts.add(
                name: name, role: role, volunteer: volunteer, password: passwordStdin ? try Self.password() : nil,
                now: Date())
            print(try AccountChangeReport(.added, issued.account, welcomeLink: issued.welcomeLink).render(.table))
        }

        /// The first line of standard input.
        static func password() throws -> String {
            guard let line = readLine(strippingNewline: true) else {
                throw PlannerError("no password on standard input", hint: "echo 'long password' | tourplan users add …")
            }
            return line
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws { try printReport(try database.planner().accounts(), .table) }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String

        func run() async throws {
            let account = try WebAccounts(store: try database.open(), baseURL: "").disable(name: name)
            print(try AccountChangeReport(.disabled, account).render(.table))
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear an account's password, end its sessions and print a new one-time sign-in link.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        @OptionGroup var link: LinkOptions

        func run() async throws {
            let issued = try WebAccounts(store: try database.open(), baseURL: link.baseURL).reset(
                name: name, now: Date())
            print(try AccountChangeReport(.reset, issued.account, welcomeLink: issued.welcomeLink).render(.table))
        }
    }
}
