import GRDB

extension TourDatabase {
    /// v6: the do-not-contact and deceased flags on members, and the consent log (every opt-out
    /// set by an import, a volunteer or a STOP reply, and every flag an organizer lifted).
    static func migrateConsent(_ db: Database) throws {
        try db.alter(table: "members") { t in
            t.add(column: "doNotContact", .boolean).notNull().defaults(to: false)
            t.add(column: "deceased", .boolean).notNull().defaults(to: false)
        }
        try db.create(table: "consentLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("memberId", .text).notNull()
            t.column("flag", .text).notNull()  // ConsentFlag
            t.column("change", .text).notNull()  // ConsentChange
            t.column("source", .text).notNull()  // ConsentSource
            t.column("detail", .text)  // file:line, task id
            t.column("actor", .text)  // organizer or volunteer name
            t.column("reason", .text)
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(index: "consentLog_member", on: "consentLog", columns: ["memberId", "id"])
    }
}
