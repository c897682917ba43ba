import Foundation
import TourPlannerCore

/// The filled-in budget: lines by category and by trip, totals, unit costs and the funding
/// position. Lines are rounded to the currency's minor unit; totals are sums of those rounded
/// lines, so the table always adds up for the treasurer.
public struct BudgetReport: Hashable, Sendable, Codable {
    /// One line of the budget: a category with how it was computed and its amount.
    public struct Line: Hashable, Sendable, Codable {
        /// The category: per diem, car rental, fuel, mileage, tolls, parking, lodging, materials or contingency.
        public var category: String
        /// How the amount was computed, with the rates as computed, e.g. "3 trainers × 5 training days × 8 h ×
        /// $12.75/h".
        public var description: String
        /// The amount, rounded half-up to the currency's minor unit.
        public var amount: Money
    }
    /// A trip's share of the total (with a plan only).
    package struct TripLine: Hashable, Sendable, Codable {
        /// The trip, as "START TEAM: stop, stop", e.g. "2014-06-14 New York City: Baltimore, Washington".
        package var trip: String
        /// The trip's share of the total, rounded so that all trips add up to the total exactly.
        package var amount: Money
    }
    /// The funding position: what is raised and pledged against the total.
    public struct Funding: Hashable, Sendable, Codable {
        /// The template's funding items, in file order.
        public var items: [BudgetTemplate.FundingItem]
        /// Sum of the items with status "raised".
        public var raised: Money
        /// Sum of the items with status "pledged".
        public var pledged: Money
        /// Still to raise after what is raised and pledged (negative: a surplus).
        public var gap: Money
        /// Still to raise counting only what is raised (negative: a surplus).
        public var gapAfterRaisedOnly: Money
    }

    /// The template's name.
    package var name: String
    /// The applied `[scenarios.NAME]`, if any.
    public var scenario: String?
    /// The currency of every amount in the report (the template's).
    public var currency: CurrencyCode
    /// True when the quantities came from a plan, false when from the template's `[counts]`.
    public var basedOnPlan: Bool
    /// The lines in a fixed order: per diem, vehicle, tolls, parking, lodging, materials, contingency (zero-rate tolls,
    /// parking, materials and contingency are left out).
    public var lines: [Line]
    /// The sum of the rounded lines.
    public var total: Money
    /// Per diem of one trainer over the whole tour, rounded.
    public var perDiemPerTrainer: Money
    /// Number of trainings (in person) the budget counts.
    public var trainings: Int
    /// Unaffiliated members the tour reaches (a plan's stop values, or `[counts] unaffiliated_reached`).
    public var unaffiliatedReached: Int
    /// Total divided by the trainings; nil when there are none.
    public var costPerTraining: Money?
    /// Total divided by the unaffiliated members reached; nil when there are none.
    public var costPerUnaffiliatedMember: Money?
    /// The total shared out by trip (largest remainder): the trips always add up to `total`.
    package var byTrip: [TripLine]
    /// Raised and pledged money against the total.
    public var funding: Funding
    /// Counts in the template that contradict each other, each naming the keys (no-plan mode).
    package var warnings: [String] = []
    /// Remote trainings of a chapters plan (their materials are in the `materials` line).
    package var remoteTrainings: Int = 0
    /// A chapters plan's expected new chapters, and the total divided by them.
    package var expectedChapters: Double?
    /// The total divided by ``expectedChapters``; nil when there is no positive expectation.
    package var costPerExpectedChapter: Money?
    /// The applied scenario's keys that a plan replaces (`counts.*`, `lodging.hosted_nights`):
    /// with `--plan`, those come from the plan, so the scenario does not change them.
    package var planOverrides: [String] = []
}
