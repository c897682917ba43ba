import Foundation

/// What the demo did and wrote (`Planner.runDemo(_:)`).
public struct DemoReport: RenderableReport, Hashable {
    /// One file the demo wrote.
    public struct File: Codable, Sendable, Hashable {
        /// What it holds ("plan", "calendar", …).
        package var label: String
        /// Where it is.
        package var path: String
    }

    /// One of the best-ranked metros.
    package struct TopMetro: Codable, Sendable, Hashable {
        /// The metro's name.
        package var metro: String
        /// Its members not in a chapter.
        package var unaffiliated: Int
    }

    /// A web app account the demo made, with its one-time sign-in link.
    public struct Account: Codable, Sendable, Hashable {
        /// The sign-in name.
        package var name: String
        /// What the account may do.
        package var role: WebAccount.Role
        /// The schedule's volunteer it calls as (volunteer accounts).
        package var volunteer: String?
        /// `BASE-URL/welcome/TOKEN`, valid for 7 days and once.
        package var link: String
    }

    /// The store the demo made.
    package var databasePath: String
    /// Members imported, those not in a chapter, and chapters.
    package var summary: MemberSummary
    /// Import warnings.
    package var importWarnings: Int
    /// Members whose place did not resolve.
    package var unresolved: Int
    /// The five best-ranked metros.
    package var topMetros: [TopMetro]
    /// The planned tour.
    package var plan: TourPlan
    /// The tour's budget.
    package var budget: BudgetReport
    /// Calls and texts scheduled, and the events they are for.
    package var tasks: Int
    /// Events the outreach is for.
    package var events: Int
    /// The first volunteer's call sheet: whose, for which day, and how many rows.
    package var sheetVolunteer: String
    /// The call sheet's day.
    package var sheetDate: CalendarDate
    /// The call sheet's rows.
    package var sheetRows: Int
    /// Every file written, in order.
    package var files: [File]
    /// The demo's web app accounts: an organizer, a treasurer and one per demo volunteer.
    package var accounts: [Account]

    /// The summary (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The summary and the files written.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .table: return text
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    var text: String {
        var lines = [
            "TourPlanner demo on the bundled, fictional 2014 sample",
            "  members: \(summary.total) imported (\(summary.unaffiliated) not in a chapter, \(summary.chapters) chapters); \(importWarnings) import warnings",
            "  places: \(unresolved) members left unresolved (see `tourplan members --unresolved --db \(databasePath)`)",
            "  top metros: " + topMetros.map { "\($0.metro) \($0.unaffiliated)" }.joined(separator: ", "),
            "  tour: \(plan.trips.count) weekend trips, \(plan.totals.trainings) trainings, \(Int(plan.totals.km.rounded())) km and \(plan.totals.nightsAway) nights"
                + " (one round trip per city: \(Int(plan.naive.km.rounded())) km, \(plan.naive.nightsAway) nights)",
            "  budget: \(budget.total.formatted); per diem \(budget.perDiemPerTrainer.formatted) per trainer; still to raise \(budget.funding.gap.formatted)",
            "  outreach: \(tasks) calls and texts for \(events) events; \(sheetRows) on \(sheetVolunteer)'s sheet for \(sheetDate)",
            "",
            "Files:",
        ]
        for file in files {
            lines.append("  \(file.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(file.path)")
        }
        lines += [
            "",
            "Web app accounts (open with `tourplan serve --db \(databasePath)`; each link signs in once, within 7 days):",
        ]
        for account in accounts {
            let who = account.volunteer.map { "\(account.role.rawValue), calls as \($0)" } ?? account.role.rawValue
            lines.append("  \(account.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(who): \(account.link)")
        }
        return lines.joined(separator: "\n")
    }
}
