import Foundation
import GRDB

/// One row of `volunteers`. `languages` is the list joined by ","; `callingHours` is
/// `HH:MM-HH:MM` or NULL; `country` an ISO 3166 code or NULL.
struct VolunteerRecord: Codable, StoredRecord, TableRecord, PersistableRecord {
    static let databaseTableName = "volunteers"
    static let rowIDColumn = CodingKeys.name.stringValue
    var name: String
    var phone: String?
    var timeZone: String
    var languages: String
    var maxCallsPerDay: Int
    var callingHours: String?
    var country: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, phone, timeZone, languages, maxCallsPerDay, callingHours, country
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let name = Column(CodingKeys.name)
    }
}

/// One row of `memberFlags`: what calls found out about a member (the phone is wrong).
struct MemberFlagRecord: Codable, StoredRecord, TableRecord, PersistableRecord {
    static let databaseTableName = "memberFlags"
    static let rowIDColumn = CodingKeys.memberId.stringValue
    var memberId: String
    var phoneFlaggedWrong: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case memberId, phoneFlaggedWrong
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let memberId = Column(CodingKeys.memberId)
        static let phoneFlaggedWrong = Column(CodingKeys.phoneFlaggedWrong)
    }
}
