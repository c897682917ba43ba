public import Foundation
import TourPlannerCore

/// A tour budget template (`Budgets/*.toml`): rates, counts for planning without a route,
/// funding, and named scenarios that override any of it. Documented in Budgets/README.md.
public struct BudgetTemplate: Hashable, Sendable {
    public enum PerDiemMode: String, Hashable, Sendable { case hourly, gsa }
    public enum VehicleKind: String, Hashable, Sendable { case rental, own }
    public enum DistanceUnit: String, Hashable, Sendable { case km, miles }

    public var name: String
    public var currency: CurrencyCode
    public var units: DistanceUnit
    public var trainers: Int
    // Per diem.
    public var perDiemMode: PerDiemMode
    public var hourlyWage: Decimal
    public var wageSource: String?
    public var hoursPerTrainingDay: Decimal
    public var hoursPerTravelDay: Decimal
    public var dailyMealsAndIncidentals: Decimal
    public var firstLastDayShare: Decimal
    // Vehicle.
    public var vehicle: VehicleKind
    public var rentalPerDay: Decimal
    /// Fuel use in litres per 100 km (mpg is converted on reading).
    public var fuelLitresPer100Km: Decimal
    /// Fuel price per litre (a per-gallon price is converted on reading).
    public var fuelPricePerLitre: Decimal
    /// Reimbursement per km for a member's own or donated car (per-mile rates are converted).
    public var ratePerKm: Decimal
    public var tollsPerTrip: Decimal
    public var parkingPerTrip: Decimal
    // Lodging and materials.
    public var lodgingPerNight: Decimal
    public var rooms: Int
    /// Nights members host when no plan says which (no-plan mode).
    public var hostedNights: Int
    public var materialsPerTraining: Decimal
    public var contingencyPercent: Decimal
    // Counts used without a plan.
    public var counts: Counts
    public var funding: [FundingItem]
    /// Scenario names defined in the file.
    public var scenarioNames: [String]
    /// The dotted keys the applied scenario sets (`counts.trainings`, `lodging.per_night`), sorted.
    public var scenarioKeys: [String] = []

    public struct Counts: Hashable, Sendable {
        public var trainings: Int
        public var travelDays: Int
        public var nights: Int
        public var distanceKm: Decimal
        public var trips: Int
        public var unaffiliatedReached: Int
    }

    public struct FundingItem: Hashable, Sendable, Codable {
        public var name: String
        public var amount: Decimal
        /// "raised" or "pledged".
        public var status: String
    }

    static let milesToKm = Decimal(string: "1.609344") ?? 1
    static let gallonToLitres = Decimal(string: "3.785411784") ?? 1
}
