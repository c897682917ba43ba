import Foundation
import TourPlannerCore

/// One member of the organization, as imported from an export.
///
/// Place strings are kept exactly as imported (`city`, `region`, `country`); resolution to a
/// gazetteer entry is stored separately (see the Cities stage), keyed by `placeKey`.
public struct Member: Hashable, Sendable, Codable {
    /// The member's stable key (see ``MemberID``).
    public var id: MemberID
    /// Given name, trimmed; nil when the export has none.
    package var firstName: String?
    /// Family name, trimmed; nil when the export has none.
    package var lastName: String?
    /// A single full-name field, for exports that have no first/last split.
    package var fullName: String?
    /// E-mail address as imported (trimmed); an e-mail-based ``id`` uses its lowercased form.
    package var email: String?
    /// The phone number exactly as typed.
    package var phoneRaw: String?
    /// E.164 form (`+16175550142`) when the raw number could be parsed for the member's country.
    package var phoneE164: String?
    /// City exactly as imported (never empty); resolved to a gazetteer city through ``placeKey``.
    package var city: String
    /// Region (state, province) exactly as imported; nil when empty.
    package var region: String?
    /// Country exactly as imported (a name or an ISO code); nil when empty.
    package var country: String?
    /// ISO 3166-1 alpha-2 code once the country string is resolved.
    package var countryCode: String?
    /// Chapter name; `nil` means not in any chapter (unaffiliated).
    package var chapter: String?
    /// Self-described gender, free text; used only in aggregate.
    package var gender: String?
    /// Date the member joined, as an ISO 8601 calendar date (`2011-03-14`).
    package var joined: String?
    /// True when the member offered to host (`willing_to_host`): a night in their metro is then planned as hosted,
    /// with no lodging cost, and the chapter model raises retention there; nil when the export does not say.
    package var willingToHost: Bool?
    /// True when the member said they would help organize a chapter; nil when the export does not say.
    package var organizerInterest: Bool?
    /// Languages the member speaks, as listed in the export (split at `,` `;` `/` `|`).
    package var languages: [String]
    /// No phone calls (calls are still allowed if false, unless ``doNotContact`` or ``deceased``).
    package var doNotCall: Bool
    /// No text messages.
    package var doNotText: Bool
    /// No contact of any kind (see `ContactConsent`).
    package var doNotContact: Bool
    /// The member has died; never contacted.
    package var deceased: Bool
    /// Free-text notes from the export, kept as imported.
    package var notes: String?

    /// Creates a member; only the id and the city are required.
    package init(
        id: MemberID, firstName: String? = nil, lastName: String? = nil, fullName: String? = nil,
        email: String? = nil, phoneRaw: String? = nil, phoneE164: String? = nil,
        city: String, region: String? = nil, country: String? = nil, countryCode: String? = nil,
        chapter: String? = nil, gender: String? = nil, joined: String? = nil,
        willingToHost: Bool? = nil, organizerInterest: Bool? = nil, languages: [String] = [],
        doNotCall: Bool = false, doNotText: Bool = false, doNotContact: Bool = false, deceased: Bool = false,
        notes: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.fullName = fullName
        self.email = email
        self.phoneRaw = phoneRaw
        self.phoneE164 = phoneE164
        self.city = city
        self.region = region
        self.country = country
        self.countryCode = countryCode
        self.chapter = chapter
        self.gender = gender
        self.joined = joined
        self.willingToHost = willingToHost
        self.organizerInterest = organizerInterest
        self.languages = languages
        self.doNotCall = doNotCall
        self.doNotText = doNotText
        self.doNotContact = doNotContact
        self.deceased = deceased
        self.notes = notes
    }

    /// True when the member belongs to no chapter.
    package var isUnaffiliated: Bool { chapter == nil }

    /// The name to show a volunteer: full name, else "first last".
    package var displayName: String {
        Self.displayName(fullName: fullName, firstName: firstName, lastName: lastName)
    }

    /// The full name, else first and last name joined: the one rule for a member's shown name
    /// (also for rows read without a whole `Member`).
    package static func displayName(fullName: String?, firstName: String?, lastName: String?) -> String {
        if let fullName, !fullName.isEmpty { return fullName }
        return [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The key under which this member's place resolution is cached: the three raw place
    /// strings joined by a unit separator.
    package var placeKey: PlaceKey { PlaceKey(city: city, region: region, country: country) }
}
