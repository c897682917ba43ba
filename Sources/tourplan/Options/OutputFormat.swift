import ArgumentParser
import TourPlanner

/// `--format table|csv|json`: table for people, csv/json for scripts.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case csv
    case json

    /// The library's format of the same name.
    var rendering: TourPlanner.OutputFormat {
        switch self {
        case .table: .table
        case .csv: .csv
        case .json: .json
        }
    }
}
