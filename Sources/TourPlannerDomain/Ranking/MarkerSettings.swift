import Foundation
import TourPlannerCore

/// The organization's founding markers and its chapter definition, from a settings file
/// (`Sources/TourPlannerDomain/Resources/markers.toml` is the default; `--settings FILE` overrides).
public struct MarkerSettings: Hashable, Sendable, Codable {
    /// Target number of online members (`[targets] online_members`, default 3,500).
    package var onlineMembersTarget: Int
    /// Target number of chapters meeting the definition (`[targets] chapters`, default 20).
    package var chaptersTarget: Int
    /// Target number of continents with such a chapter (`[targets] continents`, default 3).
    package var continentsTarget: Int
    /// Minimum members of a chapter (`[chapter] min_members`, default 5, at least 1).
    package var chapterMinMembers: Int
    /// Minimum share of women among chapter members who stated a gender (0…1).
    package var chapterMinWomenShare: Double
    /// The date by which the chapter marker should be reached (`[targets] deadline`), if any.
    package var deadline: CalendarDate?
    /// The chapter model's rates (`[chapter_model]`); the rule itself comes from `[chapter]`.
    package var chapterRates = ChapterModelParameters()

    /// The chapter model's parameters: the rates of `[chapter_model]` with the rule of `[chapter]`.
    package var chapterModel: ChapterModelParameters {
        var parameters = chapterRates
        parameters.minMembers = chapterMinMembers
        parameters.minWomenShare = chapterMinWomenShare
        return parameters
    }

    /// Creates settings; the defaults are the organization's markers (3,500 members, 20 chapters on 3 continents) and
    /// chapter definition (5 members, 30% women).
    package init(
        onlineMembersTarget: Int = 3500, chaptersTarget: Int = 20, continentsTarget: Int = 3,
        chapterMinMembers: Int = 5, chapterMinWomenShare: Double = 0.30
    ) {
        self.onlineMembersTarget = onlineMembersTarget
        self.chaptersTarget = chaptersTarget
        self.continentsTarget = continentsTarget
        self.chapterMinMembers = chapterMinMembers
        self.chapterMinWomenShare = chapterMinWomenShare
    }

    /// Parses the settings TOML: `[targets] online_members, chapters, continents` and
    /// `[chapter] min_members, min_women_share`, `[targets] deadline` (a date) and the chapter model's
    /// rates in `[chapter_model]` (see ``ChapterModelParameters``). Missing keys keep their defaults.
    ///
    /// - Throws: `SettingsError` naming the file, line and key.
    package static func parse(_ text: String, fileName: String) throws -> MarkerSettings {
        let table = try ConfigValue.parse(text, fileName: fileName)
        var settings = MarkerSettings()
        func integer(_ section: String, _ key: String, minimum: Int) throws -> Int? {
            guard let value = table[section]?.tableValue?[key] else { return nil }
            guard case .number(let decimal) = value,
                let number = Int(exactly: NSDecimalNumber(decimal: decimal).doubleValue), number >= minimum
            else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: key, in: text), key: "\(section).\(key)",
                    problem: "must be a whole number of at least \(minimum) (got \(value.displayText))",
                    hint: "write e.g. \(key) = \(max(minimum, 1))")
            }
            return number
        }
        let known: [String: Set<String>] = [
            "targets": ["online_members", "chapters", "continents", "deadline"],
            "chapter": ["min_members", "min_women_share"],
            "chapter_model": Set(ChapterModelParameters.settingKeys.map(\.key)),
        ]
        for (section, value) in table.sorted(by: { $0.key < $1.key }) {
            guard let keys = known[section], let inner = value.tableValue else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: "[\(section)]", in: text), key: section,
                    problem: "is not a settings section", hint: "use [targets], [chapter] and [chapter_model]")
            }
            for key in inner.keys.sorted() where !keys.contains(key) {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: key, in: text), key: "\(section).\(key)",
                    problem: "is not a known key", hint: "known keys: \(keys.sorted().joined(separator: ", "))")
            }
        }
        if let value = try integer("targets", "online_members", minimum: 0) { settings.onlineMembersTarget = value }
        if let value = try integer("targets", "chapters", minimum: 0) { settings.chaptersTarget = value }
        if let value = try integer("targets", "continents", minimum: 0) { settings.continentsTarget = value }
        if let value = try integer("chapter", "min_members", minimum: 1) { settings.chapterMinMembers = value }
        if let value = table["chapter"]?.tableValue?["min_women_share"] {
            guard case .number(let decimal) = value, case let share = NSDecimalNumber(decimal: decimal).doubleValue,
                (0...1).contains(share)
            else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: "min_women_share", in: text),
                    key: "chapter.min_women_share", problem: "must be a number from 0 to 1 (got \(value.displayText))",
                    hint: "write e.g. min_women_share = 0.30")
            }
            settings.chapterMinWomenShare = share
        }
        if let value = table["targets"]?.tableValue?["deadline"] {
            guard case .string(let dateText) = value, let date = CalendarDate(iso: dateText) else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: "deadline", in: text), key: "targets.deadline",
                    problem: "must be a date YYYY-MM-DD in quotes (got \(value.displayText))",
                    hint: "write e.g. deadline = \"2015-12-31\"")
            }
            settings.deadline = date
        }
        if let model = table["chapter_model"]?.tableValue {
            try settings.chapterRates.read(model, text: text, fileName: fileName)
        }
        return settings
    }
}

extension MarkerSettings {
    /// The bundled default settings (Resources/markers.toml).
    package static func loadBundled() throws -> MarkerSettings {
        try load(bundled: Bundle.module.url(forResource: "markers", withExtension: "toml", subdirectory: "Resources"))
    }

    /// Parses the bundled file at `url`; a missing (nil) or unreadable file is an error naming
    /// Resources/markers.toml, never a silent fall-back to the defaults.
    static func load(bundled url: URL?) throws -> MarkerSettings {
        guard let url else {
            throw SettingsError(
                file: "Resources/markers.toml", line: nil, key: "", problem: "is missing from the installed resources",
                hint: "reinstall or rebuild tourplan (`swift build`)")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SettingsError(
                file: "Resources/markers.toml", line: nil, key: "",
                problem: "cannot be read as UTF-8 text (\(error.localizedDescription))",
                hint: "reinstall or rebuild tourplan (`swift build`)")
        }
        return try parse(text, fileName: "markers.toml")
    }
}
