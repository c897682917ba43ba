import ArgumentParser
import Foundation
import TourPlanner

/// Writes a line to standard error (warnings, progress); data goes to standard output.
func printError(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

/// One `place: "text" → Name, Region, CC (geonameid …, confidence …, how)` line per place the
/// command resolved from its command line, on standard error (standard output keeps the data).
func printPlaces(_ places: [ResolvedPlace]) { for place in places { printError("place: " + place.echo) } }

/// Prints a command's output on standard output, ending it with one line end (CSV already ends
/// with CRLF, so nothing is added to it).
func printOutput(_ text: String) {
    // `unicodeScalars`: "\r\n" is one Character, so `hasSuffix("\n")` would be false for it.
    print(text, terminator: text.unicodeScalars.last == "\n" ? "" : "\n")
}

/// Prints `text` as it is, or writes it to `out` (created 0600 when `isPrivate`) and prints
/// "WHAT written to OUT" (`OutputFile.deliver`).
func printOutput(_ text: String, to out: String?, isPrivate: Bool = true, what: String) throws {
    print(try OutputFile.deliver(text, to: out, isPrivate: isPrivate, what: what), terminator: "")
}

/// Prints a use case's report in `format` on standard output (nothing when it renders empty).
func printReport(_ report: some RenderableReport, _ format: TourPlanner.OutputFormat) throws {
    let text = try report.render(format)
    if !text.isEmpty { printOutput(text) }
}

/// `body`'s value; an option the library refuses (`InvalidArgument`) is a usage mistake (exit 64).
func usage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InvalidArgument {
        throw ValidationError(error.message)
    }
}
