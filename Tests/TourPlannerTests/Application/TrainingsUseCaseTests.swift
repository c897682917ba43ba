import Foundation
import Testing

@testable import TourPlanner

@Suite("Trainings use cases")
struct TrainingsUseCaseTests {
    let date = CalendarDate(year: 2026, month: 3, day: 14)

    @Test("log, update, list and delete one training")
    func lifecycle() async throws {
        // Given an empty store
        let planner = try makeEmptyPlanner()
        #expect(
            try await planner.trainings().render(.table) == "No trainings recorded yet (`tourplan trainings log …`).")
        // When a training is logged with its invited count
        let logged = try await planner.logTraining(
            TrainingQuery(metro: "Boston", date: date, invited: 40, attended: 6, women: 3))
        let stored = try #require(logged.results.first)
        #expect(stored.id > 0 && stored.kind == .inPerson && stored.chapterFounded == .pending)
        // And updated
        let updated = try await planner.updateTraining(TrainingQuery(id: stored.id, chapterFounded: .yes))
        #expect(updated.results.first?.chapterFounded == .yes && updated.results.first?.attended == 6)
        // Then the list shows it as CSV
        #expect(
            try await planner.trainings().render(.csv)
                == "id,metro,date,kind,invited,attended,women,chapterFounded,note\r\n"
                + "\(stored.id),Boston,2026-03-14,in-person,40,6,3,yes,\r\n")
        // And it is deleted once
        #expect(try await planner.deleteTraining(id: stored.id).render(.table) == "deleted training \(stored.id)")
        await #expect(throws: PlannerError.self) { try await planner.deleteTraining(id: stored.id) }
    }

    @Test("contradicting counts and an unknown invited count are refused, naming the metro")
    func refused() async throws {
        let planner = try makeEmptyPlanner()
        await #expect {
            try await planner.logTraining(TrainingQuery(metro: "Boston", date: date, invited: 4, attended: 6, women: 3))
        } throws: { error in
            (error as? PlannerError)?.message.hasPrefix("training in Boston: ") == true
        }
        await #expect {
            try await planner.logTraining(TrainingQuery(metro: "Boston", date: date, attended: 6, women: 3))
        } throws: { error in
            (error as? PlannerError)?.message
                == "no event in Boston on 2026-03-14 is scheduled, so the invited members are unknown"
        }
    }

    @Test("with no trainings the fit keeps the priors and says so")
    func fitWithoutTrainings() async throws {
        let report = try await makeEmptyPlanner().fitChapterModel(settingsFile: nil)
        #expect(report.fit.trainingsRecorded == 0)
        let text = try report.render(.table)
        #expect(text.hasPrefix("0 trainings recorded\nresponse rate: "))
        #expect(text.hasSuffix("\nNo usable trainings: ranking and planning keep the settings' rates."))
    }
}
