import Foundation
import TourPlannerCore

/// The filled-in budget: lines by category and by trip, totals, unit costs and the funding
/// position. Lines are rounded to the currency's minor unit; totals are sums of those rounded
/// lines, so the table always adds up for the treasurer.
public struct BudgetReport: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var category: String
        public var description: String
        public var amount: Money
    }
    public struct TripLine: Hashable, Sendable, Codable {
        public var trip: String
        public var amount: Money
    }
    public struct Funding: Hashable, Sendable, Codable {
        public var items: [BudgetTemplate.FundingItem]
        public var raised: Money
        public var pledged: Money
        /// Still to raise after what is raised and pledged (negative: a surplus).
        public var gap: Money
        public var gapAfterRaisedOnly: Money
    }

    public var name: String
    public var scenario: String?
    public var currency: CurrencyCode
    public var basedOnPlan: Bool
    public var lines: [Line]
    public var total: Money
    public var perDiemPerTrainer: Money
    public var trainings: Int
    public var unaffiliatedReached: Int
    public var costPerTraining: Money?
    public var costPerUnaffiliatedMember: Money?
    /// The total shared out by trip (largest remainder): the trips always add up to `total`.
    public var byTrip: [TripLine]
    public var funding: Funding
    /// Counts in the template that contradict each other, each naming the keys (no-plan mode).
    public var warnings: [String] = []
    /// Remote trainings of a chapters plan (their materials are in the `materials` line).
    public var remoteTrainings: Int = 0
    /// A chapters plan's expected new chapters, and the total divided by them.
    public var expectedChapters: Double?
    public var costPerExpectedChapter: Money?
    /// The applied scenario's keys that a plan replaces (`counts.*`, `lodging.hosted_nights`):
    /// with `--plan`, those come from the plan, so the scenario does not change them.
    public var planOverrides: [String] = []
}
