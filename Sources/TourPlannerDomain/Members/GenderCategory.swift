import TourPlannerCore

/// How a self-described gender counts toward the chapter rule "at least 30% women".
///
/// Gender is free text; it is only ever used in aggregate. Text that names a woman in one of
/// the organization's languages counts as `.woman`; other stated genders count as `.other`
/// (they are in the denominator); empty text is `.unstated` (not counted either way).
package enum GenderCategory: String, Hashable, Sendable, Codable {
    case woman
    case other
    case unstated

    private static let womanWords: Set<String> = [
        "woman", "women", "female", "f", "w", "femme", "femmes", "mujer", "frau", "kvinne", "kvinna", "kvinde",
        "donna", "mulher", "vrouw", "kobieta", "nainen", "trans woman", "transwoman", "cis woman", "cisgender woman",
        "girl", "she", "she/her", "feminine", "femenino", "feminino", "weiblich", "féminin", "feminin",
    ]

    /// Classifies a self-described gender (case and surrounding spaces ignored).
    package static func classify(_ text: String?) -> GenderCategory {
        guard let text else { return .unstated }
        let folded = text.trimmedForImport.lowercasedCheaply
        if folded.isEmpty || folded == "prefer not to say" || folded == "-" { return .unstated }
        return womanWords.contains(folded) ? .woman : .other
    }
}
