import Foundation
import Testing

/// Compares produced text with a committed snapshot in `Golden/Snapshots/NAME.txt`.
///
/// On a mismatch the test fails with a short unified diff of the first differing region and the
/// snapshot's path. With `TOURPLAN_UPDATE_GOLDEN=1` the snapshot is (re)written instead, and an
/// issue says so (review `git diff` before committing). Volatile parts are masked first; see
/// `GoldenFile.Mask` and Golden/README.md.
enum GoldenFile {
    /// One documented replacement of a volatile part of the output.
    enum Mask: Sendable {
        /// A scratch folder's path → `<TMP>` (the resolved path too, if it differs).
        case folder(URL)
        /// `Done in 0.4 s.` (the demo's wall-clock time) → `Done in <S> s.`.
        case demoDuration
        /// One-time sign-in links `/welcome/TOKEN` → `/welcome/<TOKEN>` (the web app's, later).
        case welcomeToken
        /// Today's date (UTC and local, `yyyy-MM-dd`) → `<TODAY>`, for commands that print it.
        case today

        func apply(_ text: String) -> String {
            switch self {
            case .folder(let url):
                var result = text
                let paths = [url.path, url.resolvingSymlinksInPath().path].sorted { $0.count > $1.count }
                for path in paths where !path.isEmpty {
                    result = result.replacingOccurrences(of: path, with: "<TMP>")
                }
                return result
            case .demoDuration:
                return text.replacingOccurrences(
                    of: #"Done in [0-9]+\.[0-9] s\."#, with: "Done in <S> s.", options: .regularExpression)
            case .welcomeToken:
                return text.replacingOccurrences(
                    of: "/welcome/[A-Za-z0-9_-]+", with: "/welcome/<TOKEN>", options: .regularExpression)
            case .today:
                var result = text
                for zone in [TimeZone(identifier: "UTC"), TimeZone.current].compactMap({ $0 }) {
                    let formatter = DateFormatter()
                    formatter.locale = Locale(identifier: "en_US_POSIX")
                    formatter.timeZone = zone
                    formatter.dateFormat = "yyyy-MM-dd"
                    result = result.replacingOccurrences(of: formatter.string(from: Date()), with: "<TODAY>")
                }
                return result
            }
        }
    }

    /// The folder holding the snapshots, next to this file in the source tree.
    static var snapshotsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// Whether this run rewrites snapshots instead of comparing (`TOURPLAN_UPDATE_GOLDEN=1`).
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["TOURPLAN_UPDATE_GOLDEN"] == "1" }

    /// Masks `text`, then compares it with snapshot `name` (or rewrites it when updating).
    static func check(
        _ text: String, named name: String, masks: [Mask] = [.welcomeToken],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let masked = masks.reduce(text) { $1.apply($0) }
        let url = snapshotsDirectory.appendingPathComponent("\(name).txt")
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: snapshotsDirectory, withIntermediateDirectories: true)
                try masked.write(to: url, atomically: true, encoding: .utf8)
                Issue.record(
                    "TOURPLAN_UPDATE_GOLDEN=1: wrote \(url.path); review it with git diff",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        let expected: String
        do {
            expected = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let reason = error.localizedDescription
            Issue.record(
                "cannot read the snapshot \(url.path) (\(reason)); to create it run TOURPLAN_UPDATE_GOLDEN=1 swift test --filter Golden and review it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != masked {
            let hunk = diff(expected: expected, actual: masked)
            Issue.record(
                "output differs from \(url.path) (rerun with TOURPLAN_UPDATE_GOLDEN=1 to accept):\n\(hunk)",
                sourceLocation: sourceLocation)
        }
    }

    /// A short unified diff: one hunk around the first differing region (common prefix and suffix
    /// lines stripped), at most `limit` lines from each side.
    static func diff(expected: String, actual: String, context: Int = 3, limit: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let start = max(0, prefix - context)
        let removed = old[prefix..<(old.count - suffix)]
        let added = new[prefix..<(new.count - suffix)]
        let tail = old[(old.count - suffix)...].prefix(context)
        let shared = prefix - start + tail.count
        var lines = [
            "--- snapshot", "+++ output",
            "@@ -\(start + 1),\(shared + removed.count) +\(start + 1),\(shared + added.count) @@",
        ]
        lines += old[start..<prefix].map { " \($0)" }
        lines += removed.prefix(limit).map { "-\($0)" }
        if removed.count > limit { lines.append("-… \(removed.count - limit) more lines") }
        lines += added.prefix(limit).map { "+\($0)" }
        if added.count > limit { lines.append("+… \(added.count - limit) more lines") }
        lines += tail.map { " \($0)" }
        return lines.joined(separator: "\n")
    }
}
