import Foundation
import TourPlanner

/// Writes a line to standard error (warnings, progress); data goes to standard output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints a command's output on standard output, ending it with one line end (CSV already ends
/// with CRLF, so nothing is added to it).
func printOutput(_ text: String) {
    // `unicodeScalars`: "\r\n" is one Character, so `hasSuffix("\n")` would be false for it.
    print(text, terminator: text.unicodeScalars.last == "\n" ? "" : "\n")
}

/// Prints a use case's report in `format` on standard output (nothing when it renders empty).
func printReport(_ report: some RenderableReport, _ format: TourPlanner.OutputFormat) throws {
    let text = try report.render(format)
    if !text.isEmpty { printOutput(text) }
}
