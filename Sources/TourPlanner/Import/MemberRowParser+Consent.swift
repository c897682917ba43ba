import TourPlannerCore

extension MemberRowParser {
    /// What one consent cell says.
    enum ConsentAnswer {
        /// Empty, or a word that says nothing about contact (`subscribed`, `unspecified`).
        case noInformation
        /// The member opted out (or the flag is set).
        case optedOut
    }

    /// Reads the consent columns of a row into flags: an empty cell is no information, an
    /// explicit no / unsubscribed / opted-out is an opt-out, several columns for one flag add up
    /// (any opt-out counts). An unreadable value counts as an opt-out, with a warning: guessing
    /// "contactable" could text someone who said STOP.
    ///
    /// `cell` gives a field's raw text and column (nil when absent); `extra` the further columns.
    func consent(
        of cell: (MemberField) -> (text: String, column: Int)?,
        extra: [(field: MemberField, text: String, column: Int)],
        report: (ImportProblem.Severity, MemberField, Int, String, String, String) -> Void
    ) -> ContactConsent {
        var consent = ContactConsent()
        func read(_ field: MemberField, _ text: String, _ column: Int) {
            let trimmed = text.trimmedForImport
            guard !trimmed.isEmpty else { return }
            let answer: ConsentAnswer?
            let flag: ConsentFlag?
            switch field {
            case .doNotCall: (answer, flag) = (Self.flagAnswer(trimmed), .doNotCall)
            case .doNotText: (answer, flag) = (Self.flagAnswer(trimmed), .doNotText)
            case .doNotContact: (answer, flag) = (Self.flagAnswer(trimmed), .doNotContact)
            case .deceased: (answer, flag) = (Self.flagAnswer(trimmed), .deceased)
            case .smsStatus: (answer, flag) = (Self.statusAnswer(trimmed), .doNotText)
            case .textOptIn: (answer, flag) = (Self.optInAnswer(trimmed), .doNotText)
            case .emailStatus, .id, .firstName, .lastName, .fullName, .email, .phone, .city, .region, .country,
                .chapter, .gender, .joined, .willingToHost, .organizerInterest, .languages, .notes:
                return  // e-mail consent never stops calls or texts
            }
            guard let flag else { return }
            switch answer {
            case .optedOut: consent[flag] = true
            case .noInformation: break
            case nil:
                consent[flag] = true
                report(
                    .warning, field, column, trimmed,
                    "is not a consent value we know; treated as \(flag.rawValue) to be safe",
                    field == .smsStatus
                        ? "write subscribed or unsubscribed (or leave it empty); `tourplan members consent` can allow texts again"
                        : "write yes or no (or leave it empty); `tourplan members consent` can lift the flag")
            }
        }
        for field in Self.consentFields {
            if let cell = cell(field) { read(field, cell.text, cell.column) }
        }
        for extra in extra { read(extra.field, extra.text, extra.column) }
        return consent
    }

    /// The consent fields that carry a flag (e-mail status does not), allocated once.
    private static let consentFields: [MemberField] = [
        .doNotCall, .doNotText, .doNotContact, .deceased, .smsStatus, .textOptIn,
    ]

    /// A yes/no flag column (`do_not_call`, `Deceased`…): yes sets the flag.
    static func flagAnswer(_ text: String) -> ConsentAnswer? {
        MemberRowParser.yesOrNo(text).map { $0 ? .optedOut : .noInformation }
    }

    /// An opt-in yes/no column (`mobile_opt_in`): an explicit no is an opt-out.
    static func optInAnswer(_ text: String) -> ConsentAnswer? {
        switch flagAnswer(text) {
        case .optedOut: .noInformation
        case .noInformation: .optedOut
        case nil: statusAnswer(text)
        }
    }

    /// A status word (`can2_sms_status`, `sms_opt_in_status`), case-blind, with `_` and `-`
    /// read as spaces.
    static func statusAnswer(_ text: String) -> ConsentAnswer? {
        let words = String(
            String.UnicodeScalarView(
                text.lowercasedCheaply.unicodeScalars.map { $0 == "_" || $0 == "-" ? " " : $0 }))
        switch words {
        case "unsubscribed", "opted out", "opt out", "optout", "opted out of sms", "stop", "stopped", "no", "n",
            "false", "0", "blocked", "spam complaint", "complained", "declined", "revoked", "do not text":
            return .optedOut
        case "subscribed", "opted in", "opt in", "optin", "yes", "y", "true", "1", "active", "unspecified",
            "unknown", "none", "pending", "bouncing", "bounced", "never subscribed":
            return .noInformation
        default:
            return nil
        }
    }
}
