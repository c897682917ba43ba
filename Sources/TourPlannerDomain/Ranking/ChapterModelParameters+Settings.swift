import Foundation

extension ChapterModelParameters {
    /// The `[chapter_model]` keys of the markers settings file, each with its range.
    static var settingKeys:
        [(key: String, path: WritableKeyPath<ChapterModelParameters, Double>, range: ClosedRange<Double>)]
    {
        [
            ("response_rate", \.responseRate, 0...1),
            ("organizer_response_rate", \.organizerResponseRate, 0...1),
            ("retention_rate", \.retentionRate, 0...1),
            ("organizer_retention_rate", \.organizerRetentionRate, 0...1),
            ("host_retention_lift", \.hostRetentionLift, 0...10),
            ("default_women_share", \.defaultWomenShare, 0...1),
            ("remote_response_factor", \.remoteResponseFactor, 0...1),
            ("remote_retention_factor", \.remoteRetentionFactor, 0...1),
            ("follow_up_retention_factor", \.followUpRetentionFactor, 0...10),
        ]
    }

    /// Reads the `[chapter_model]` table of a settings file over these values.
    ///
    /// - Throws: `SettingsError` naming the file, line and key of a value out of range.
    mutating func read(_ table: [String: ConfigValue], text: String, fileName: String) throws {
        for setting in Self.settingKeys {
            guard let value = table[setting.key] else { continue }
            guard case .number(let decimal) = value, case let number = NSDecimalNumber(decimal: decimal).doubleValue,
                setting.range.contains(number)
            else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: setting.key, in: text),
                    key: "chapter_model.\(setting.key)",
                    problem:
                        "must be a number from \(setting.range.lowerBound) to \(setting.range.upperBound) (got \(value.displayText))",
                    hint: "write e.g. \(setting.key) = \(self[keyPath: setting.path])")
            }
            self[keyPath: setting.path] = number
        }
    }
}
