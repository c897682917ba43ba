import Foundation
import Testing

@testable import TourPlannerCore

@Suite("Core: text trimming")
struct TrimmingTests {
    @Test(
        "the fast whitespace trim equals Foundation's trimmingCharacters(in: .whitespacesAndNewlines)",
        arguments: [
            "", "Oslo", " Oslo", "Oslo ", "\tOslo\n", "\u{A0}Wien", "Wien\u{A0}", "\u{2003}Graz\u{2003}", "München",
            "é", " é", "Genève\u{0085}", "\u{3000}東京\u{3000}", "a b", "x\r", "\u{2028}", " ", "San Francisco",
        ])
    func whitespaceAndNewlines(_ text: String) {
        #expect(text.trimmedOfWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
