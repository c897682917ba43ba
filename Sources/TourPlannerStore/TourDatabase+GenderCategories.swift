import GRDB
import TourPlannerDomain

extension TourDatabase {
    /// Classifies every stored gender text again with today's `GenderCategory.classify` and, when
    /// any member's category changes, recomputes the per-place counts built from it. Run as a
    /// migration when the rule learns new words ("unknown", "keine Angabe" are not stated), so a
    /// store imported before counts its members as a new import would.
    static func reclassifyGenders(_ db: Database) throws {
        let texts = try String.fetchAll(
            db, sql: "SELECT DISTINCT gender FROM members WHERE gender IS NOT NULL AND genderCategory <> 'unstated'")
        var changed = false
        for text in texts {
            let category = GenderCategory.classify(text)
            try db.execute(
                sql: "UPDATE members SET genderCategory = ? WHERE gender = ? AND genderCategory <> ?",
                arguments: [category.rawValue, text, category.rawValue])
            changed = changed || db.changesCount > 0
        }
        if changed { try refreshMemberAggregates(db) }
    }
}
