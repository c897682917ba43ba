import Foundation
import Testing

@testable import TourPlanner

/// Members in ~90 countries type their city in their own script; the gazetteer keeps each
/// city's names in its country's scripts (Cities/build.py), folded as TourPlanner folds a query.
@Suite("Places typed in their own script")
struct NativeScriptPlaceTests {
    @Test(
        "a city and a country typed in the country's script resolve to the city",
        arguments: [
            ("北京, , 中国", 1_816_670), ("北京, China", 1_816_670), ("Москва, , Россия", 524_901),
            ("القاهرة, , مصر", 360_630), ("서울, , 대한민국", 1_835_848), ("東京, , 日本", 1_850_147),
            ("Αθήνα, , Ελλάδα", 264_371), ("תל אביב, , ישראל", 293_397), ("თბილისი, , საქართველო", 611_717),
            ("Київ, , Україна", 703_448), ("تهران, , ایران", 112_931), ("Киев, , UA", 703_448),
        ])
    func resolves(text: String, geonameId: Int) throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let resolution = resolver.resolve(text: text)
        #expect(resolution.entry?.geonameId == geonameId, "\(text): \(resolution.reason)")
        #expect(resolution.confidence >= CityResolver.threshold)
    }

    /// A key the build script folds differently from `TextFolding` could never meet a query:
    /// every key of the bundled files must be its own fold.
    @Test("every search key in Cities/*.tsv is already folded the way queries are")
    func keysAreFolded() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Cities")
        var checked = 0
        var unfolded: [String] = []
        for (file, column) in [("gazetteer.tsv", 8), ("countries.tsv", 6)] {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count > column else { continue }
                for key in fields[column].split(separator: "|") {
                    checked += 1
                    if TextFolding.fold(String(key)) != key, unfolded.count < 10 { unfolded.append("\(file): \(key)") }
                }
            }
        }
        #expect(checked > 300_000)
        #expect(unfolded.isEmpty, "\(unfolded)")
    }
}
