import TourPlannerCore

/// The insert's column values of a batch of members as one byte buffer with (offset, count)
/// spans (count −1 = NULL) and flags (−1 = NULL), built on the importer's reading thread so the
/// writing thread only binds and steps.
struct EncodedMemberRows: Sendable {
    static let textCount = 19
    static let flagCount = 6
    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Int32] = []
    private(set) var flags: [Int8] = []
    /// Per member: `stableHash` of the id and of the e-mail key, the place key, the gender category.
    private(set) var idHashes: [UInt64] = []
    private(set) var emailHashes: [UInt64?] = []
    private(set) var placeKeys: [String] = []
    private(set) var genders: [GenderCategory] = []

    init(capacity: Int = 1) {
        bytes.reserveCapacity(capacity * 256)
        spans.reserveCapacity(capacity * Self.textCount * 2)
        flags.reserveCapacity(capacity * Self.flagCount)
    }

    /// Appends one member's values in `MemberWriteSession.columns` order (texts, then flags).
    mutating func append(_ member: Member) {
        let emailKey = member.email?.lowercasedCheaply
        let placeKey = member.placeKey.rawValue
        let gender = GenderCategory.classify(member.gender)
        idHashes.append(stableHash(member.id.rawValue))
        emailHashes.append(emailKey.map(stableHash))
        placeKeys.append(placeKey)
        genders.append(gender)
        text(member.id.rawValue)
        text(member.firstName)
        text(member.lastName)
        text(member.fullName)
        text(member.email)
        text(emailKey == member.email ? nil : emailKey)  // stored only when it differs (see v5)
        text(member.phoneRaw)
        text(member.phoneE164)
        text(member.city)
        text(member.region)
        text(member.country)
        text(member.countryCode)
        text(member.chapter)
        text(member.gender)
        text(member.joined)
        text(member.languages.count == 1 ? member.languages[0] : member.languages.joined(separator: ","))
        text(member.notes)
        text(placeKey)
        text(gender.rawValue)
        flag(member.willingToHost)
        flag(member.organizerInterest)
        flag(member.doNotCall)
        flag(member.doNotText)
        flag(member.doNotContact)
        flag(member.deceased)
    }

    private mutating func flag(_ value: Bool?) {
        flags.append(value.map { $0 ? 1 : 0 } ?? -1)
    }

    private mutating func text(_ value: String?) {
        guard let value else {
            spans.append(0)
            spans.append(-1)
            return
        }
        let offset = bytes.count
        bytes.append(contentsOf: value.utf8)
        spans.append(Int32(offset))
        spans.append(Int32(bytes.count - offset))
    }
}
