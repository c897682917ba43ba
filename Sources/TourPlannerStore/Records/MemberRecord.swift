import Foundation
import GRDB

/// The columns of one `members` row that readers use (the import writes the table through its
/// own bulk path). `languages` is the list joined by ","; `joined` is the export's text.
struct MemberRecord: Codable, StoredRecord, TableRecord {
    static let databaseTableName = "members"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String
    var firstName: String?
    var lastName: String?
    var fullName: String?
    var email: String?
    var phoneRaw: String?
    var phoneE164: String?
    var city: String
    var region: String?
    var country: String?
    var countryCode: String?
    var chapter: String?
    var gender: String?
    var joined: String?
    var willingToHost: Bool?
    var organizerInterest: Bool?
    var languages: String
    var doNotCall: Bool
    var doNotText: Bool
    var doNotContact: Bool
    var deceased: Bool
    var notes: String?
    /// The raw place key (city, region, country) members join `places` on.
    var placeKey: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, firstName, lastName, fullName, email, phoneRaw, phoneE164, city, region, country, countryCode
        case chapter, gender, joined, willingToHost, organizerInterest, languages, doNotCall, doNotText
        case doNotContact, deceased, notes, placeKey
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let chapter = Column(CodingKeys.chapter)
        static let placeKey = Column(CodingKeys.placeKey)
    }

    /// Only the columns above (the table has more: keys and import bookkeeping).
    static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0) } }
}

/// A resolved member near an event (`members` joined with `places` and `memberFlags`).
struct InviteeRecord: Codable, StoredRecord {
    static let tableNameForErrors = "members"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String
    var firstName: String?
    var lastName: String?
    var fullName: String?
    var phoneRaw: String?
    var phoneE164: String?
    var languages: String
    var doNotCall: Bool
    var doNotText: Bool
    var doNotContact: Bool
    var deceased: Bool
    var chapter: String?
    var joined: String?
    var latitude: Double
    var longitude: Double
    var timeZone: String?
    var flagged: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, firstName, lastName, fullName, phoneRaw, phoneE164, languages, doNotCall, doNotText, doNotContact
        case deceased, chapter, joined, latitude, longitude, timeZone, flagged
    }
}

/// The columns of `members` a call list needs (a narrow read: decoding every column of 90
/// members was a twentieth of a call list page's time).
struct ContactRecord: Codable, StoredRecord, TableRecord {
    static let databaseTableName = "members"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String
    var firstName: String?
    var lastName: String?
    var fullName: String?
    var phoneRaw: String?
    var phoneE164: String?
    var languages: String
    var countryCode: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, firstName, lastName, fullName, phoneRaw, phoneE164, languages, countryCode
    }

    /// Only these columns are read.
    static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0) } }

    /// The name a call list shows: the full name, else first and last name (as `Member.displayName`).
    var displayName: String { Member.displayName(fullName: fullName, firstName: firstName, lastName: lastName) }
}
