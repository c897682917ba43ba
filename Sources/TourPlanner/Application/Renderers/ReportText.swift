package import Foundation

/// Number formats shared by the reports' table and CSV forms.
public enum ReportText {
    /// A chance as a percentage for people: "<0.1%" and ">99.9%" rather than a misleading 0% or
    /// 100%; "-" when there is none.
    public static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value > 0 && value < 0.001 { return "<0.1%" }
        if value > 0.999 { return ">99.9%" }  // a chance is never shown as a certainty
        return String(format: "%.1f%%", value * 100)
    }

    /// A number with `digits` decimals, or "" when there is none.
    public static func number(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }

    /// An instant as ISO 8601 in UTC ("2026-03-01T17:00:00Z").
    package static func instant(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
