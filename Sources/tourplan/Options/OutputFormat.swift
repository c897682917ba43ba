import ArgumentParser

/// `--format table|csv|json`: table for people, csv/json for scripts.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case csv
    case json
}
