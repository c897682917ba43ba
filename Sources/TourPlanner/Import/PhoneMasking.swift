/// Masks personal contact data before it reaches a message or a log.
enum PhoneMasking {
    /// Keeps only the last two digits: "(617) 555-0142" → "•••42".
    static func mask(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        return "•••" + String(digits.suffix(2))
    }
}

extension PhoneMasking {
    /// Keeps the first letter and the domain: "zoe.example@example.org" → "z•••@example.org".
    static func maskEmail(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return "•••" }
        return String(email.prefix(1)) + "•••" + String(email[at...])
    }
}
