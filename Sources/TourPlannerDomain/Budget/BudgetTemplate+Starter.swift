import Foundation
import TourPlannerCore

extension BudgetTemplate {
    /// A commented template to fill in (`tourplan budget init`): every option, explained, with
    /// `[counts]` taken from `plan` when one is given (trainings, travel days, nights, hosted
    /// nights, distance, trips and members reached, as `budget --plan` would count them).
    ///
    /// - Parameters:
    ///   - name: the report title.
    ///   - currency: the budget's currency.
    ///   - plan: a routed plan whose counts to copy, or nil for example counts.
    /// - Returns: TOML text that `BudgetTemplate.parse` reads without error.
    package static func starterText(name: String, currency: CurrencyCode, plan: TourPlan?) -> String {
        var counts = Counts(trainings: 4, travelDays: 1, nights: 2, distanceKm: 900, trips: 2, unaffiliatedReached: 40)
        var hosted = 0
        var source = "example counts: replace them, or write the template with --from-plan"
        if let plan {
            let q = BudgetCalculator.planQuantities(plan)
            counts = Counts(
                trainings: q.trainings, travelDays: q.travelDays, nights: q.nights, distanceKm: q.distanceKm,
                trips: q.trips, unaffiliatedReached: q.unaffiliatedReached)
            hosted = q.hostedNights
            source = "from the plan (\(plan.trips.count) trips); with --plan the plan's own figures are used"
        }
        var km = counts.distanceKm
        var rounded = Decimal()
        NSDecimalRound(&rounded, &km, 1, .plain)
        let quotedName = name.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return """
            # Budget template for \(quotedName.isEmpty ? "a tour" : quotedName). Fill in your numbers, then run
            #   tourplan budget THIS-FILE.toml [--plan PLAN.json] [--scenario NAME] [--compare]
            # Amounts are plain numbers (12.75) in `currency`. Every key is explained in Budgets/README.md
            # of the TourPlanner repository; errors name the line and key.

            name = "\(quotedName)"
            currency = "\(currency.rawValue)"          # required: ISO 4217 code (USD, EUR, NOK, GBP, JPY…)
            units = "km"                     # "km" or "miles": how distances are shown (math is in km)
            contingency_percent = 10         # added on top of all other lines (0–100)

            [trainers]
            count = 3                        # trainers travelling

            [per_diem]
            mode = "hourly"                  # "hourly": living wage × hours; "gsa": daily meals & incidentals
            hourly_wage = 14.50              # hourly mode: the living wage (note its source below)
            wage_source = "local living wage"
            hours_per_training_day = 8       # hourly mode: hours per training day
            hours_per_travel_day = 4         # hourly mode: hours per driving-only day (0 to leave out)
            # daily_mie = 68.00              # gsa mode: meals & incidentals per day
            # first_last_day_share = 0.75    # gsa mode: share paid on the first and last day of each trip

            [vehicle]
            kind = "rental"                  # "rental" (rental per day + fuel) or "own" (member's own/donated car)
            rental_per_day = 55.00           # rental only
            fuel_l_per_100km = 6.5           # or fuel_efficiency_mpg = 36
            fuel_price_per_litre = 1.85      # or fuel_price_per_gallon = 3.65
            # rate_per_km = 0.30             # own car: reimbursement per km (or rate_per_mile = 0.14)

            [trip_costs]
            tolls_per_trip = 0.00
            parking_per_trip = 10.00

            [lodging]
            per_night = 90.00                # per room and night; nights a member hosts cost nothing
            rooms = 2
            hosted_nights = \(hosted)                # without a plan: how many nights members host (a plan says which)

            [materials]
            per_training = 15.00

            # Counts for budgeting without a routed plan (ignored with --plan): \(source).
            # A trip of d days has at most d − 1 nights: nights ≤ trainings + travel_days − trips.
            [counts]
            trainings = \(counts.trainings)
            travel_days = \(counts.travelDays)
            nights = \(counts.nights)
            distance_km = \(NSDecimalNumber(decimal: rounded).stringValue)                # or distance_miles
            trips = \(counts.trips)
            unaffiliated_reached = \(counts.unaffiliatedReached)

            [funding]
            items = [
              { name = "Member dues share", amount = 300.00, status = "raised" },
              { name = "Crowdfunding", amount = 500.00, status = "pledged" },   # status: raised | pledged
            ]

            # Scenarios override any of the above; compare them with --compare. With --plan, the plan
            # sets [counts] and lodging.hosted_nights, so scenarios that change those are noted as replaced.
            [scenarios.donated-van]
            vehicle = { kind = "own", rate_per_km = 0.09 }

            [scenarios.members-host]
            lodging = { per_night = 0.00 }

            """
    }
}
