import Foundation
import GRDB

/// A row of a member breakdown: a group's name (NULL for no value), its members and how many are
/// unaffiliated.
struct MemberGroupRecord: Codable, StoredRecord {
    static let tableNameForErrors = "members"
    static let rowIDColumn = CodingKeys.name.stringValue
    var name: String?
    var members: Int
    var unaffiliated: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, members, unaffiliated
    }
}

/// A row of the chapter breakdown behind the markers: members per chapter, gender text and country.
struct ChapterGroupRecord: Codable, StoredRecord {
    static let tableNameForErrors = "members"
    static let rowIDColumn = CodingKeys.chapter.stringValue
    var chapter: String
    var gender: String?
    var countryCode: String?
    var count: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case chapter, gender, countryCode, count
    }
}

/// A count of members at one raw place key.
struct PlaceCountRecord: Codable, StoredRecord {
    static let tableNameForErrors = "members"
    static let rowIDColumn = CodingKeys.placeKey.stringValue
    var placeKey: String
    var count: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case placeKey, count
    }
}

/// A member whose place is not resolved, with the cached reason and suggestions (NULL when the
/// place was never resolved).
struct UnresolvedMemberRecord: Codable, StoredRecord {
    static let tableNameForErrors = "members"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String
    var city: String
    var region: String?
    var country: String?
    var reason: String?
    var suggestions: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, city, region, country, reason, suggestions
    }
}
