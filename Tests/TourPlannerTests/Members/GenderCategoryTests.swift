import Testing

@testable import TourPlanner

@Suite("Gender categories for the chapter rule")
struct GenderCategoryTests {
    @Test(
        "words for a woman in the members' languages count as women",
        arguments: ["woman", " Woman ", "F", "Frau", "mujer", "femme", "she/her", "Mulher", "kobieta"])
    func women(text: String) {
        #expect(GenderCategory.classify(text) == .woman)
    }

    @Test(
        "what exports and people write for \"not stated\" is not counted either way",
        arguments: [
            "", "  ", "Unknown", "N/A", "n/a", "prefer not to say", "Prefer not to answer", "Rather not say",
            "Decline to state", "keine Angabe", "Non précisé", "Prefiero no decir", "Prefiro não dizer", "-", "?",
        ])
    func unstated(text: String) {
        #expect(GenderCategory.classify(text) == .unstated)
    }

    @Test("other stated genders are in the denominator", arguments: ["man", "Male", "nonbinary", "Mann", "hombre"])
    func other(text: String) {
        #expect(GenderCategory.classify(text) == .other)
        #expect(GenderCategory.classify(nil) == .unstated)
    }
}
