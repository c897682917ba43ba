import ArgumentParser
import Foundation
import TourPlanner
import TourPlannerWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web app for volunteers, treasurers and organizers.",
        discussion: CommandHelp.serve)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "The address people open, e.g. https://tour.example.org (welcome links start with it).")
    var baseURL: String?
    @Flag(help: "Mark the session cookie Secure (serve behind TLS).") var secureCookies = false
    @Flag(help: "Take the client address from X-Forwarded-For (only behind a proxy that sets it).")
    var trustProxy = false
    func validate() throws { try usage { try ServeArguments.check(port: port, baseURL: baseURL) } }

    func run() async throws {
        let store = try WebApp.openStore(path: database.resolvedPath)
        let settings = WebSettings(
            host: host, port: port, baseURL: baseURL, secureCookies: secureCookies, trustProxy: trustProxy)
        try await WebApp.run(store: store, settings: settings) { url in
            // Written unbuffered: a script reading the URL from a pipe gets it at once.
            FileHandle.standardOutput.write(Data("Serving \(url)\n".utf8))
        }
    }
}
