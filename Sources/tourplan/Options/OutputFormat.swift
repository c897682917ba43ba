public import ArgumentParser
import TourPlanner

/// A `--format` choice: the library's format of the same name (`md` is markdown).
protocol FormatChoice: RawRepresentable<String>, CaseIterable, ExpressibleByArgument {}

extension FormatChoice {
    /// The library's format of the same name.
    var rendering: TourPlanner.OutputFormat { TourPlanner.OutputFormat(option: rawValue) ?? .table }
}

/// `--format table|csv|json`: table for people, csv/json for scripts.
enum OutputFormat: String, FormatChoice { case table, csv, json }

/// `--format table|json` for commands that print one record, an estimate or a schedule.
enum RecordFormat: String, FormatChoice { case table, json }

// The library's choices, typed by their raw values (`--kind in-person`, `--objective chapters`); the
// conformances are public because the types are, hence the public import.
extension CallOutcome: ExpressibleByArgument {}
extension ChapterOutcome: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}
extension Itinerary.Units: ExpressibleByArgument {}
extension MemberBreakdown: ExpressibleByArgument {}
extension RankOrder: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension TourQuery.Objective: ExpressibleByArgument {}
extension VisitKind: ExpressibleByArgument {}
extension WebAccount.Role: ExpressibleByArgument {}
