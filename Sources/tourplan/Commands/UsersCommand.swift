import ArgumentParser
import Foundation
import TourPlanner
import TourPlannerWeb

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Web app accounts: add, list, role, disable, enable, reset.",
        subcommands: [Add.self, List.self, Role.self, Disable.self, Enable.self, Reset.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.usersAdd)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        @Option(help: "organizer, treasurer or volunteer.") var role: WebAccount.Role
        @Option(help: "The schedule's volunteer this account calls as (volunteer accounts).") var volunteer: String?
        @Flag(help: ArgumentHelp(CommandHelp.usersPasswordStdin)) var passwordStdin = false
        @Option(help: ArgumentHelp(CommandHelp.usersBaseURL)) var baseURL = "http://127.0.0.1:8080"
        func run() async throws {
            let password = passwordStdin ? try WebAccounts.passwordFromStandardInput() : nil
            let issued = try WebAccounts(store: try database.open(), baseURL: baseURL).add(
                name: name, role: role, volunteer: volunteer, password: password, now: Date())
            print(try AccountChangeReport(.added, issued.account, welcomeLink: issued.welcomeLink).render(.table))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws { try printReport(try database.planner().accounts(), .table) }
    }

    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's role and end its sessions.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        @Option(help: "organizer, treasurer or volunteer.") var role: WebAccount.Role
        @Option(help: "The schedule's volunteer this account calls as (volunteer accounts).") var volunteer: String?
        func run() async throws {
            try printReport(database.planner().changeRole(name: name, to: role, volunteer: volunteer), .table)
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        func run() async throws { try printReport(database.planner().disableAccount(name: name), .table) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        func run() async throws { try printReport(database.planner().enableAccount(name: name), .table) }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.usersReset)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Sign-in name.") var name: String
        @Option(help: ArgumentHelp(CommandHelp.usersBaseURL)) var baseURL = "http://127.0.0.1:8080"
        func run() async throws {
            let issued = try WebAccounts(store: try database.open(), baseURL: baseURL).reset(name: name, now: Date())
            print(try AccountChangeReport(.reset, issued.account, welcomeLink: issued.welcomeLink).render(.table))
        }
    }
}
