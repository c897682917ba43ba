extension ColumnMapping {
    /// The built-in mappings, the organization's own format first. Column names come from each
    /// tool's documented exports (see ../shared/reference/organizing-tools.md and README).
    public static let presets: [ColumnMapping] = [
        native, actionNetwork, nationBuilder, civiCRM, mobilize, spoke, osdi, everyAction, solidarityTech,
    ]

    /// Finds a preset by name (`native`, `actionnetwork`, `nationbuilder`, `civicrm`, `mobilize`,
    /// `spoke`, `osdi`, `everyaction`, `solidaritytech`), in any case and natural spelling:
    /// `action-network`, `Action_Network`, `ActionNetwork` and `action network` all name the same
    /// preset (only letters and digits count); `ngpvan` and `van` name `everyaction`.
    package static func preset(named name: String) -> ColumnMapping? {
        let key = presetKey(name)
        let canonical = presetAliases[key] ?? key
        return presets.first { $0.name == canonical }
    }

    /// The preset name closest to a misspelled one (at most 3 edits away), for "did you mean".
    static func presetSuggestion(for name: String) -> String? {
        let key = presetKey(name)
        let candidates = presets.map { ($0.name, $0.name) } + presetAliases.map { ($0.key, $0.value) }
        let scored = candidates.map { (distance: editDistance(key, $0.0), name: $0.1) }
        guard let best = scored.min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }), best.distance <= 3 else {
            return nil
        }
        return best.name
    }

    private static let presetAliases: [String: String] = [
        "ngpvan": "everyaction", "van": "everyaction", "solidarity": "solidaritytech", "civi": "civicrm",
        "website": "native",
    ]

    /// Lowercased letters and digits only.
    private static func presetKey(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// Levenshtein distance over characters (names are a few letters long).
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The organization's own export (member-export-format.md), plus optional `full_name`,
    /// `do_not_call`, `do_not_text`, `do_not_contact`, `deceased`, `sms_status`, `text_opt_in`
    /// and `email_status` columns.
    package static let native = ColumnMapping(
        name: "native",
        columns: MemberField.allCases.map { ($0.columnName, $0) } + [
            ("name", .fullName), ("do not call", .doNotCall), ("do not text", .doNotText),
            ("do not contact", .doNotContact),
        ],
        requiresNumericID: true)

    /// Action Network's activist export (`--preset actionnetwork`): the `can2_` columns and their plain
    /// alternatives; `uuid` is the member id.
    package static let actionNetwork = ColumnMapping(
        name: "actionnetwork",
        columns: [
            ("uuid", .id), ("first_name", .firstName), ("last_name", .lastName), ("email", .email),
            ("can2_phone", .phone), ("Phone Number", .phone), ("phone", .phone),
            ("can2_user_city", .city), ("city", .city),
            ("can2_state_abbreviated", .region), ("can2_user_state", .region), ("state", .region),
            ("can2_country", .country), ("country", .country),
            ("can2_subscription_date", .joined), ("can2_sms_status", .smsStatus),
            ("can2_subscription_status", .emailStatus),
        ])

    /// NationBuilder's people export (`--preset nationbuilder`): `nationbuilder_id` is the member id;
    /// primary, address, mailing and user-submitted places are alternatives for the same fields.
    package static let nationBuilder = ColumnMapping(
        name: "nationbuilder",
        columns: [
            ("nationbuilder_id", .id), ("first_name", .firstName), ("last_name", .lastName), ("email", .email),
            ("mobile_number", .phone), ("phone_number", .phone),
            ("primary_city", .city), ("address_city", .city), ("mailing_city", .city), ("user_submitted_city", .city),
            ("primary_state", .region), ("address_state", .region), ("mailing_state", .region),
            ("primary_country_code", .country), ("primary_country", .country), ("address_country", .country),
            ("sex", .gender), ("created_at", .joined), ("membership_started_at", .joined),
            ("federal_donotcall", .doNotCall), ("do_not_call", .doNotCall), ("do_not_contact", .doNotContact),
            ("mobile_opt_in", .textOptIn), ("is_deceased", .deceased), ("email_opt_in", .emailStatus),
            ("language", .languages), ("note", .notes),
        ])

    /// CiviCRM's contact export (`--preset civicrm`), with either its display headers ("Contact ID")
    /// or its column names (`contact_id`).
    package static let civiCRM = ColumnMapping(
        name: "civicrm",
        columns: [
            ("Contact ID", .id), ("contact_id", .id), ("First Name", .firstName), ("first_name", .firstName),
            ("Last Name", .lastName), ("last_name", .lastName), ("Display Name", .fullName),
            ("display_name", .fullName), ("Email", .email), ("Phone", .phone), ("City", .city),
            ("State", .region), ("state_province", .region), ("Country", .country), ("Gender", .gender),
            ("Member Since", .joined), ("Created Date", .joined), ("Do Not Phone", .doNotCall),
            ("do_not_phone", .doNotCall), ("Do Not Sms", .doNotText), ("do_not_sms", .doNotText),
            ("Preferred Language", .languages), ("preferred_language", .languages), ("Note(s)", .notes),
            ("Deceased", .deceased), ("is_deceased", .deceased), ("Do Not Email", .emailStatus),
            ("do_not_email", .emailStatus), ("No Bulk Emails (User Opt Out)", .emailStatus),
            ("is_opt_out", .emailStatus),
        ])

    /// Mobilize's attendee export (`--preset mobilize`): `user_id` is the member id.
    package static let mobilize = ColumnMapping(
        name: "mobilize",
        columns: [
            ("user_id", .id), ("given_name", .firstName), ("family_name", .lastName),
            ("email_address", .email), ("phone_number", .phone), ("city", .city), ("locality", .city),
            ("region", .region), ("state", .region), ("country", .country),
            ("sms_opt_in_status", .smsStatus),
        ])

    /// Spoke's contact CSV (`--preset spoke`), the format `texts list --format spoke` writes: `external_id`
    /// is the member id, `cell` the phone.
    package static let spoke = ColumnMapping(
        name: "spoke",
        columns: [
            ("external_id", .id), ("firstName", .firstName), ("lastName", .lastName), ("cell", .phone),
            ("email", .email), ("city", .city), ("state", .region), ("country", .country),
        ])

    /// An OSDI person export flattened to CSV (`--preset osdi`): `identifier` is the member id.
    package static let osdi = ColumnMapping(
        name: "osdi",
        columns: [
            ("identifier", .id), ("given_name", .firstName), ("family_name", .lastName),
            ("email_address", .email), ("address", .email), ("phone_number", .phone), ("number", .phone),
            ("locality", .city), ("region", .region), ("country", .country), ("gender", .gender),
            ("do_not_call", .doNotCall),
        ])

    /// EveryAction (NGP VAN) export (`--preset everyaction`): the VANID is the member id.
    package static let everyAction = ColumnMapping(
        name: "everyaction",
        columns: [
            ("Voter File VANID", .id), ("VANID", .id), ("FirstName", .firstName), ("LastName", .lastName),
            ("Email", .email), ("Cell Phone", .phone), ("Pref Phone", .phone), ("City", .city),
            ("State", .region), ("Sex", .gender),
        ])

    /// Solidarity Tech's user export (`--preset solidaritytech`).
    package static let solidarityTech = ColumnMapping(
        name: "solidaritytech",
        columns: [
            ("Solidarity Tech User ID", .id), ("First Name", .firstName), ("Last Name", .lastName),
            ("Email", .email), ("Phone Number", .phone), ("City", .city), ("State", .region),
            ("Country", .country),
        ])
}
