import Foundation
import Testing

@testable import TourPlanner

@Suite("Members use cases")
struct MembersUseCaseTests {
    @Test("the totals count 5 members, 4 unaffiliated, 1 chapter; the table says so first")
    func totals() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let report = try await planner.members(MembersQuery())
        guard case .summary(let summary, let breakdown) = report.content else {
            Issue.record("expected the summary, got \(report.content)")
            return
        }
        #expect(breakdown == nil)
        #expect(summary.total == 5 && summary.unaffiliated == 4 && summary.chapters == 1)
        #expect(summary.byChapter.map(\.name) == ["Oslo"])
        #expect(try report.render(.table).hasPrefix("members: 5   unaffiliated: 4   chapters: 1\n\ncountry"))
        // Countries: US 4 members (4 unaffiliated), NO 1 (0): one CSV line each, after the header
        let csv = try await planner.members(MembersQuery(breakdown: .country)).render(.csv)
        #expect(csv == "breakdown,name,members,unaffiliated\r\ncountry,US,4,4\r\ncountry,NO,1,0\r\n")
    }

    @Test("an empty store says how to import")
    func emptyStore() async throws {
        let report = try await makeEmptyPlanner().members(MembersQuery())
        #expect(
            try report.render(.table)
                == "members: 0   unaffiliated: 0   chapters: 0\n"
                + "The store is empty: import a member export with `tourplan import FILE`.")
    }

    @Test("unresolved members are listed with the reason; metros merge Boston and Cambridge")
    func unresolvedAndMetros() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let unresolved = try await planner.members(MembersQuery(unresolved: true))
        guard case .unresolved(let members) = unresolved.content else {
            Issue.record("expected unresolved members")
            return
        }
        #expect(members.map(\.id.rawValue) == ["5"] && members.first?.city == "Xyzzyville")
        #expect(
            try unresolved.render(.table).hasSuffix(
                "\n\n1 members unresolved. "
                    + "Fix the export, or add aliases (Cities/aliases.tsv or --aliases FILE)."))

        let metros = try await planner.members(MembersQuery(breakdown: .metro))
        guard case .metros(let ranked, let unresolvedMembers) = metros.content else {
            Issue.record("expected metros")
            return
        }
        // Boston (members 1 and 3) and Cambridge (2) are 5 km apart: one metro with 3 unaffiliated
        #expect(ranked.map(\.metro) == ["Boston", "Oslo"])
        #expect(ranked.map(\.unaffiliated) == [3, 0])
        #expect(unresolvedMembers == 1)
    }

    @Test("setting a flag is logged once; setting it again changes nothing; an unknown id is an error")
    func consent() async throws {
        // Given the fixture store
        let (planner, _) = try await makeFixturePlanner()
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let query = MemberConsentQuery(
            member: MemberID("2"), set: [.doNotCall], actor: "sam", reason: "asked", now: now)
        // When do-not-call is set twice
        let first = try await planner.memberConsent(query)
        let second = try await planner.memberConsent(query)
        // Then one change is recorded, then none
        #expect(first.changed.count == 1 && second.changed.isEmpty && second.log.count == 1)
        #expect(!first.consent.allows(.call) && first.consent.allows(.text))
        let table = try first.render(.table)
        #expect(
            table.hasPrefix("1 change recorded.\nmember 2: do-not-call\ncalls: stopped   texts: allowed\n\nwhen"))
        #expect(try second.render(.table).hasPrefix("No change: the flags were already so.\n"))
        #expect(try first.render(.csv).hasSuffix(",sam,asked,2026-01-01T00:00:00Z\r\n"))
        await #expect(throws: PlannerError.self) {
            try await planner.memberConsent(MemberConsentQuery(member: MemberID("999"), now: now))
        }
    }
}
