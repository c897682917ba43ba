extension ColumnMapping {
    /// The built-in mappings, the organization's own format first. Column names come from each
    /// tool's documented exports (see ../shared/reference/organizing-tools.md and README).
    public static let presets: [ColumnMapping] = [
        native, actionNetwork, nationBuilder, civiCRM, mobilize, spoke, osdi, everyAction, solidarityTech,
    ]

    /// Finds a preset by name (`native`, `actionnetwork`, `nationbuilder`, `civicrm`, `mobilize`,
    /// `spoke`, `osdi`, `everyaction`, `solidaritytech`).
    public static func preset(named name: String) -> ColumnMapping? {
        presets.first { $0.name == name.lowercased() }
    }

    /// The organization's own export (member-export-format.md), plus optional `full_name`,
    /// `do_not_call`, `do_not_text` columns.
    public static let native = ColumnMapping(
        name: "native",
        columns: MemberField.allCases.map { ($0.columnName, $0) } + [
            ("name", .fullName), ("do not call", .doNotCall), ("do not text", .doNotText),
        ],
        requiresNumericID: true)

    public static let actionNetwork = ColumnMapping(
        name: "actionnetwork",
        columns: [
            ("uuid", .id), ("first_name", .firstName), ("last_name", .lastName), ("email", .email),
            ("can2_phone", .phone), ("Phone Number", .phone), ("phone", .phone),
            ("can2_user_city", .city), ("city", .city),
            ("can2_state_abbreviated", .region), ("can2_user_state", .region), ("state", .region),
            ("can2_country", .country), ("country", .country),
            ("can2_subscription_date", .joined),
        ])

    public static let nationBuilder = ColumnMapping(
        name: "nationbuilder",
        columns: [
            ("nationbuilder_id", .id), ("first_name", .firstName), ("last_name", .lastName), ("email", .email),
            ("mobile_number", .phone), ("phone_number", .phone),
            ("primary_city", .city), ("address_city", .city), ("mailing_city", .city), ("user_submitted_city", .city),
            ("primary_state", .region), ("address_state", .region), ("mailing_state", .region),
            ("primary_country_code", .country), ("primary_country", .country), ("address_country", .country),
            ("sex", .gender), ("created_at", .joined), ("membership_started_at", .joined),
            ("federal_donotcall", .doNotCall), ("language", .languages), ("note", .notes),
        ])

    public static let civiCRM = ColumnMapping(
        name: "civicrm",
        columns: [
            ("Contact ID", .id), ("contact_id", .id), ("First Name", .firstName), ("first_name", .firstName),
            ("Last Name", .lastName), ("last_name", .lastName), ("Display Name", .fullName),
            ("display_name", .fullName), ("Email", .email), ("Phone", .phone), ("City", .city),
            ("State", .region), ("state_province", .region), ("Country", .country), ("Gender", .gender),
            ("Member Since", .joined), ("Created Date", .joined), ("Do Not Phone", .doNotCall),
            ("do_not_phone", .doNotCall), ("Do Not Sms", .doNotText), ("do_not_sms", .doNotText),
            ("Preferred Language", .languages), ("preferred_language", .languages), ("Note(s)", .notes),
        ])

    public static let mobilize = ColumnMapping(
        name: "mobilize",
        columns: [
            ("user_id", .id), ("given_name", .firstName), ("family_name", .lastName),
            ("email_address", .email), ("phone_number", .phone), ("city", .city), ("locality", .city),
            ("region", .region), ("state", .region), ("country", .country),
        ])

    public static let spoke = ColumnMapping(
        name: "spoke",
        columns: [
            ("external_id", .id), ("firstName", .firstName), ("lastName", .lastName), ("cell", .phone),
            ("email", .email), ("city", .city), ("state", .region), ("country", .country),
        ])

    public static let osdi = ColumnMapping(
        name: "osdi",
        columns: [
            ("identifier", .id), ("given_name", .firstName), ("family_name", .lastName),
            ("email_address", .email), ("address", .email), ("phone_number", .phone), ("number", .phone),
            ("locality", .city), ("region", .region), ("country", .country), ("gender", .gender),
        ])

    public static let everyAction = ColumnMapping(
        name: "everyaction",
        columns: [
            ("Voter File VANID", .id), ("VANID", .id), ("FirstName", .firstName), ("LastName", .lastName),
            ("Email", .email), ("Cell Phone", .phone), ("Pref Phone", .phone), ("City", .city),
            ("State", .region), ("Sex", .gender),
        ])

    public static let solidarityTech = ColumnMapping(
        name: "solidaritytech",
        columns: [
            ("Solidarity Tech User ID", .id), ("First Name", .firstName), ("Last Name", .lastName),
            ("Email", .email), ("Phone Number", .phone), ("City", .city), ("State", .region),
            ("Country", .country),
        ])
}
