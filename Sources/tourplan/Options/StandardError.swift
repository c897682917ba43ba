import Foundation

/// Writes a line to standard error (warnings, progress); data goes to standard output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
