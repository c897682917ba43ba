import TourPlannerCore

/// How a self-described gender counts toward the chapter rule "at least 30% women".
///
/// Gender is free text; it is only ever used in aggregate. Text that names a woman in one of
/// the organization's languages counts as `.woman`; other stated genders count as `.other`
/// (they are in the denominator); empty text, and the words tools and people write for "not
/// stated" ("prefer not to say", "unknown", "n/a", "keine Angabe"…), are `.unstated` (not counted
/// either way: an export that writes "Unknown" for everyone must not read as a chapter of men).
package enum GenderCategory: String, Hashable, Sendable, Codable {
    case woman
    case other
    case unstated

    private static let womanWords: Set<String> = [
        "woman", "women", "female", "f", "w", "femme", "femmes", "mujer", "frau", "kvinne", "kvinna", "kvinde",
        "donna", "mulher", "vrouw", "kobieta", "nainen", "trans woman", "transwoman", "cis woman", "cisgender woman",
        "girl", "she", "she/her", "feminine", "femenino", "feminino", "weiblich", "féminin", "feminin",
    ]

    private static let unstatedWords: Set<String> = [
        "-", "--", "?", "n/a", "na", "n.a.", "none", "null", "unknown", "not known", "not stated", "not specified",
        "unspecified", "not given", "not provided", "not disclosed", "undisclosed", "prefer not to say",
        "prefer not to answer", "prefer not to disclose", "prefer not to state", "rather not say",
        "decline to state", "declined", "declined to answer", "keine angabe", "k. a.", "k.a.", "unbekannt",
        "non précisé", "non renseigné", "inconnu", "ne se prononce pas", "prefiero no decir", "no especificado",
        "desconocido", "prefiro não dizer", "não informado", "desconhecido", "onbekend", "ukjent", "okänd",
    ]

    /// Classifies a self-described gender (case and surrounding spaces ignored).
    package static func classify(_ text: String?) -> GenderCategory {
        guard let text else { return .unstated }
        let folded = text.trimmedForImport.lowercasedCheaply
        if folded.isEmpty || unstatedWords.contains(folded) { return .unstated }
        return womanWords.contains(folded) ? .woman : .other
    }
}
