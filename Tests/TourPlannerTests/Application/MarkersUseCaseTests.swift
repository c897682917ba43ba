import Foundation
import Testing

@testable import TourPlanner

@Suite("Markers use case")
struct MarkersUseCaseTests {
    @Test("online members count the store; the one-member Oslo chapter misses the definition by 4 members")
    func markers() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let report = try await planner.markers(MarkersQuery())
        #expect(report.forecast == nil)
        #expect(report.markers.onlineMembers.current == 5 && report.markers.chapters.current == 0)
        let oslo = try #require(report.markers.chapterStatuses.first)
        // The bundled rule: at least 5 members; Oslo has 1 (a woman, so the share is met)
        #expect(oslo.name == "Oslo" && oslo.members == 1 && oslo.women == 1 && !oslo.meetsDefinition)
        #expect(oslo.missing == ["4 more members"])
        #expect(oslo.continent == "EU")
        #expect(
            try report.render(.csv)
                == "chapter,members,women,genderStated,womenShare,country,continent,meetsDefinition,missing\r\n"
                + "Oslo,1,1,1,1.000,NO,EU,false,4 more members\r\n")
    }

    @Test("a plan file that does not exist is named, with how to write one")
    func missingPlan() async throws {
        let (planner, _) = try await makeFixturePlanner()
        await #expect {
            try await planner.markers(MarkersQuery(forecastPlanFile: "/nonexistent/plan.json"))
        } throws: { error in
            (error as? PlannerError)?.message == "/nonexistent/plan.json: no such file"
        }
    }

    @Test("an empty store has no chapters yet")
    func empty() async throws {
        let report = try await makeEmptyPlanner().markers(MarkersQuery())
        #expect(try report.render(.table).hasSuffix("\n\nNo chapters yet: no member has a chapter in the store."))
    }

    @Test("the chapter rule in words comes from the settings (bundled: 5 members, 30% women)")
    func chapterRule() throws {
        let settings = try MarkerSettings.parse(
            "[chapter]\nmin_members = 4\nmin_women_share = 0.45\n", fileName: "m.toml")
        #expect(settings.chapterRule == "at least 4 members, at least 45% women")
        #expect(try MarkerSettings.loadBundled().chapterRule == "at least 5 members, at least 30% women")
    }
}
