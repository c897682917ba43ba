import Foundation

extension ReminderRules {
    /// The rules in the TOML file `path` (`--rules`), or the bundled ones when there is no path.
    ///
    /// - Throws: `PlannerError` when the file cannot be read; the parser's error when it is wrong.
    public static func load(_ path: String?) throws -> ReminderRules {
        guard let path else { return try loadBundled() }
        return try parse(PlannerFiles.read(path, hint: "check the --rules path"), fileName: path)
    }
}

extension VolunteerFile {
    /// The volunteers in the CSV file `path` (`--volunteers`).
    ///
    /// - Throws: `PlannerError` when the file cannot be read; the parser's error when a line is wrong.
    package static func load(_ path: String) throws -> [Volunteer] {
        try parse(PlannerFiles.read(path, hint: "check the --volunteers path"), fileName: path)
    }
}

extension OutcomeFile {
    /// The outcomes in the CSV file `path` (`calls log --file`).
    ///
    /// - Throws: `PlannerError` when the file is not UTF-8 text; the parser's error when a line is wrong.
    package static func load(_ path: String) throws -> [Entry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PlannerError("\(path): cannot be read as UTF-8 text", hint: "check the --file path")
        }
        return try parse(text, fileName: path)
    }
}
