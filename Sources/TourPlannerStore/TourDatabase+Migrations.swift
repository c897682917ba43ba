import GRDB

extension TourDatabase {
    /// Versioned schema. Append new migrations at the end; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-members", migrate: migrateMembers)
        migrator.registerMigration("v2-places", migrate: migratePlaces)
        migrator.registerMigration("v3-actuals", migrate: migrateActuals)
        migrator.registerMigration("v4-reminders", migrate: migrateReminders)
        migrator.registerMigration("v5-members-rowid", migrate: migrateMembersToRowID)
        migrator.registerMigration("v6-actuals-identity", migrate: migrateActualsIdentity)
        migrator.registerMigration("v6-consent", migrate: migrateConsent)
        migrator.registerMigration("v6-trainings", migrate: migrateTrainings)
        migrator.registerMigration("v6-reminders-rhythm", migrate: migrateRemindersRhythm)
        migrator.registerMigration("v7-web-accounts", migrate: migrateWebAccounts)
        migrator.registerMigration("v7-web-tours", migrate: migrateTours)
        migrator.registerMigration("v8-web-import-reports", migrate: migrateImportReports)
        migrator.registerMigration("v9-gender-categories", migrate: reclassifyGenders)
        migrator.registerMigration("v10-import-undo", migrate: migrateImportUndo)
        migrator.registerMigration("v12-outcome-undo", migrate: migrateOutcomeUndo)
        // Later stages register theirs below, one line each.
        return migrator
    }

    private static func migrateMembers(_ db: Database) throws {
        try db.create(table: "imports") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("fileName", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("byteCount", .integer).notNull()
            t.column("format", .text).notNull()
            t.column("importedAt", .datetime).notNull()
            t.column("added", .integer).notNull()
            t.column("updated", .integer).notNull()
            t.column("unchanged", .integer).notNull()
            t.column("skipped", .integer).notNull()
            t.column("warnings", .integer).notNull()
            t.column("errors", .integer).notNull()
        }
        try db.create(index: "imports_sha256", on: "imports", columns: ["sha256"])
        try db.create(table: "chapters") { t in
            t.primaryKey("name", .text)
            t.column("firstSeenImportId", .integer).references("imports", onDelete: .setNull)
        }
        // WITHOUT ROWID: the text member id is the B-tree key itself, so an import maintains
        // one tree fewer (measured: see Benchmarks/README.md).
        try db.create(table: "members", options: [.withoutRowID]) { t in
            t.primaryKey("id", .text)
            t.column("firstName", .text)
            t.column("lastName", .text)
            t.column("fullName", .text)
            t.column("email", .text)
            t.column("emailKey", .text)  // lowercased e-mail, the fallback identity
            t.column("phoneRaw", .text)
            t.column("phoneE164", .text)
            t.column("city", .text).notNull()
            t.column("region", .text)
            t.column("country", .text)
            t.column("countryCode", .text)
            t.column("chapter", .text).references("chapters", onDelete: .restrict)
            t.column("gender", .text)
            t.column("joined", .text)
            t.column("willingToHost", .boolean)
            t.column("organizerInterest", .boolean)
            t.column("languages", .text).notNull().defaults(to: "")
            t.column("doNotCall", .boolean).notNull().defaults(to: false)
            t.column("doNotText", .boolean).notNull().defaults(to: false)
            t.column("notes", .text)
            t.column("placeKey", .text).notNull()
            t.column("lastImportId", .integer).references("imports", onDelete: .setNull)
            t.column("importLine", .integer)  // line of the member in its last import (duplicate reports)
            t.column("genderCategory", .text).notNull().defaults(to: "unstated")  // GenderCategory, for aggregates
        }
        // Per-place member counts, recomputed by every import (so ranking reads ~30k rows, not 1M).
        try db.create(table: "placeStats", options: [.withoutRowID]) { t in
            t.primaryKey("placeKey", .text)
            t.column("members", .integer).notNull()
            t.column("unaffiliated", .integer).notNull()
            t.column("organizers", .integer).notNull()  // unaffiliated and interested in organizing
            t.column("hosts", .integer).notNull()  // any member willing to host trainers
            t.column("unaffiliatedWomen", .integer).notNull()
            t.column("unaffiliatedGenderStated", .integer).notNull()
        }
        // Where each chapter's members are, recomputed by every import (chapter locations).
        try db.create(table: "chapterPlaces", options: [.withoutRowID]) { t in
            t.column("chapter", .text).notNull()
            t.column("placeKey", .text).notNull()
            t.column("members", .integer).notNull()
            t.primaryKey(["chapter", "placeKey"])
        }
        try db.create(index: "members_emailKey", on: "members", columns: ["emailKey"])
        try db.create(index: "members_placeKey", on: "members", columns: ["placeKey"])
    }

    /// `members` becomes an ordinary rowid table with a unique index on `id`, and loses the e-mail
    /// and place indexes (see `memberIndexes`). `emailKey` (the lowercased e-mail) is stored only
    /// where it differs from `email`; readers use `COALESCE(emailKey, email)`. A million-row import
    /// into the WITHOUT ROWID table (rows kept in id order) wrote and re-read its pages through the
    /// WAL 3–10 times once the table outgrew the page cache; rows appended in file order are written
    /// once, and a bulk load builds the indexes at the end (Benchmarks/README.md).
    private static func migrateMembersToRowID(_ db: Database) throws {
        let columns = """
            id, firstName, lastName, fullName, email, emailKey, phoneRaw, phoneE164, city, region, country, \
            countryCode, chapter, gender, joined, willingToHost, organizerInterest, languages, doNotCall, doNotText, \
            notes, placeKey, lastImportId, importLine, genderCategory
            """
        try db.execute(
            sql: """
                CREATE TABLE members_v5 (
                  "id" TEXT NOT NULL, "firstName" TEXT, "lastName" TEXT, "fullName" TEXT, "email" TEXT,
                  "emailKey" TEXT, "phoneRaw" TEXT, "phoneE164" TEXT, "city" TEXT NOT NULL, "region" TEXT,
                  "country" TEXT, "countryCode" TEXT,
                  "chapter" TEXT REFERENCES "chapters"("name") ON DELETE RESTRICT,
                  "gender" TEXT, "joined" TEXT, "willingToHost" BOOLEAN, "organizerInterest" BOOLEAN,
                  "languages" TEXT NOT NULL DEFAULT '', "doNotCall" BOOLEAN NOT NULL DEFAULT 0,
                  "doNotText" BOOLEAN NOT NULL DEFAULT 0, "notes" TEXT, "placeKey" TEXT NOT NULL,
                  "lastImportId" INTEGER REFERENCES "imports"("id") ON DELETE SET NULL, "importLine" INTEGER,
                  "genderCategory" TEXT NOT NULL DEFAULT 'unstated');
                INSERT INTO members_v5 (\(columns))
                  SELECT \(columns.split(separator: ",").map { $0.contains("emailKey") ? " NULLIF(emailKey, email)" : $0 }.joined(separator: ",")) FROM members;
                DROP TABLE members;
                ALTER TABLE members_v5 RENAME TO members;
                CREATE UNIQUE INDEX members_id ON members(id);
                """)
    }
}
