public import Foundation
import TourPlannerCore

/// A tour budget template (`Budgets/*.toml`): rates, counts for planning without a route,
/// funding, and named scenarios that override any of it. Documented in Budgets/README.md.
public struct BudgetTemplate: Hashable, Sendable {
    /// How per diem is computed: `hourly` (living hourly wage × hours per training and travel day) or `gsa` (daily
    /// meals & incidentals, a share on each trip's first and last day).
    package enum PerDiemMode: String, Hashable, Sendable { case hourly, gsa }
    /// The vehicle: `rental` (rental per day plus fuel by distance) or `own` (a member's own or donated car at a rate
    /// per km).
    public enum VehicleKind: String, Hashable, Sendable { case rental, own }
    /// The unit distances are shown in (`km` or `miles`); all arithmetic is in kilometres.
    package enum DistanceUnit: String, Hashable, Sendable { case km, miles }

    /// The template's name, shown in reports (`name`).
    package var name: String
    /// The ISO 4217 currency of every amount in the template (`currency`, required).
    package var currency: CurrencyCode
    /// How the report shows distances (`units`).
    package var units: DistanceUnit
    /// Number of trainers travelling (`[trainers] count`, default 1): per diem is per trainer.
    package var trainers: Int
    // Per diem.
    /// The per diem rule (`[per_diem] mode`).
    package var perDiemMode: PerDiemMode
    /// Living hourly wage per trainer in the template's currency (`hourly_wage`, hourly mode).
    package var hourlyWage: Decimal
    /// Where the wage comes from, shown in the per diem line (`wage_source`).
    package var wageSource: String?
    /// Hours of per diem per training day (`hours_per_training_day`, hourly mode).
    package var hoursPerTrainingDay: Decimal
    /// Hours of per diem per driving-only day (`hours_per_travel_day`, default 0: travel days left out).
    package var hoursPerTravelDay: Decimal
    /// Daily meals & incidentals per trainer (`daily_mie`, required in GSA mode).
    package var dailyMealsAndIncidentals: Decimal
    /// The share of the daily rate paid on a trip's first and last day in GSA mode (`first_last_day_share`, default
    /// 0.75, at most 1).
    package var firstLastDayShare: Decimal
    // Vehicle.
    /// Rental or own car (`[vehicle] kind`, default rental).
    package var vehicle: VehicleKind
    /// Rental cost per day of every trip (`rental_per_day`, rental only).
    package var rentalPerDay: Decimal
    /// Fuel use in litres per 100 km (mpg is converted on reading).
    package var fuelLitresPer100Km: Decimal
    /// Fuel price per litre (a per-gallon price is converted on reading).
    package var fuelPricePerLitre: Decimal
    /// Reimbursement per km for a member's own or donated car (per-mile rates are converted).
    package var ratePerKm: Decimal
    /// Tolls per trip (`[trip_costs] tolls_per_trip`); the line is left out when zero.
    package var tollsPerTrip: Decimal
    /// Parking per trip (`[trip_costs] parking_per_trip`); the line is left out when zero.
    package var parkingPerTrip: Decimal
    // Lodging and materials.
    /// Lodging per room and night (`[lodging] per_night`); nights a member hosts cost nothing.
    package var lodgingPerNight: Decimal
    /// Rooms booked per night (`[lodging] rooms`, default 1).
    package var rooms: Int
    /// Nights members host when no plan says which (no-plan mode).
    package var hostedNights: Int
    /// Materials per training (`[materials] per_training`); remote trainings cost this and nothing else.
    package var materialsPerTraining: Decimal
    /// Contingency added on top of all other lines, in percent (`contingency_percent`, 0–100).
    package var contingencyPercent: Decimal
    // Counts used without a plan.
    /// The quantities used without a plan (`[counts]`); a plan replaces them with its own.
    package var counts: Counts
    /// Money raised and pledged (`[funding] items`), compared with the total in the report.
    package var funding: [FundingItem]
    /// Scenario names defined in the file.
    package var scenarioNames: [String]
    /// The dotted keys the applied scenario sets (`counts.trainings`, `lodging.per_night`), sorted.
    package var scenarioKeys: [String] = []

    /// The quantities a budget multiplies rates by when no plan is given (`[counts]`).
    public struct Counts: Hashable, Sendable {
        /// Training days (`trainings`).
        package var trainings: Int
        /// Driving-only days (`travel_days`).
        package var travelDays: Int
        /// Nights away (`nights`); a trip of d days has at most d − 1.
        package var nights: Int
        /// Total distance in kilometres (`distance_km`, or `distance_miles` converted at 1.609344 km/mi).
        package var distanceKm: Decimal
        /// Number of trips (`trips`): tolls and parking are per trip, and days are shared out over the trips.
        package var trips: Int
        /// Unaffiliated members the tour reaches (`unaffiliated_reached`), for the cost per member.
        package var unaffiliatedReached: Int
    }

    /// One source of money for the tour, from `[funding] items`.
    public struct FundingItem: Hashable, Sendable, Codable {
        /// What the money is, e.g. "Member dues share".
        public var name: String
        /// Amount in the template's currency.
        public var amount: Decimal
        /// "raised" or "pledged".
        public var status: String
    }

    static let milesToKm = Decimal(string: "1.609344") ?? 1
    static let gallonToLitres = Decimal(string: "3.785411784") ?? 1
}
