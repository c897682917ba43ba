import Foundation
import TourPlannerCore

/// Computes a `BudgetReport` from a template and, optionally, a plan.
package enum BudgetCalculator {
    /// Quantities the budget multiplies rates by.
    struct Quantities {
        var trainings: Int
        var travelDays: Int
        var tripDays: [Int]
        var nights: Int
        var hostedNights: Int
        var distanceKm: Decimal
        var trips: Int
        var unaffiliatedReached: Int
    }

    static func decimal(_ value: Double) -> Decimal {
        Decimal(string: String(format: "%.4f", value), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }

    static func quantities(template: BudgetTemplate, plan: TourPlan?) -> Quantities {
        guard let plan else {
            let counts = template.counts
            let days = counts.trainings + counts.travelDays
            var tripDays = Array(repeating: 0, count: max(counts.trips, 0))
            if !tripDays.isEmpty {
                for index in 0..<days { tripDays[index % tripDays.count] += 1 }
            }
            return Quantities(
                trainings: counts.trainings, travelDays: counts.travelDays, tripDays: tripDays, nights: counts.nights,
                hostedNights: min(template.hostedNights, counts.nights), distanceKm: counts.distanceKm,
                trips: counts.trips,
                unaffiliatedReached: counts.unaffiliatedReached)
        }
        return planQuantities(plan)
    }

    /// What a plan counts: trainings, days, nights (hosted ones too), distance, trips, members.
    static func planQuantities(_ plan: TourPlan) -> Quantities {
        let tripDays = plan.trips.map { $0.end.daysSinceEpoch - $0.start.daysSinceEpoch + 1 }
        return Quantities(
            trainings: plan.totals.trainings, travelDays: tripDays.reduce(0, +) - plan.totals.trainings,
            tripDays: tripDays,
            nights: plan.trips.reduce(0) { $0 + $1.nights.count },
            hostedNights: plan.trips.reduce(0) { $0 + $1.nights.filter(\.hosted).count },
            distanceKm: decimal(plan.totals.km), trips: plan.trips.count,
            unaffiliatedReached: Int(plan.trips.flatMap(\.stops).reduce(0) { $0 + $1.value }))
    }

    /// Prices for the tour planner's budget check from a template: fuel (or mileage) per km;
    /// lodging for all rooms and a rental day per night away; tolls and parking per trip; per diem,
    /// materials and a rental day per training; all with the contingency. An approximation for
    /// choosing stops (hosted nights are not known before planning); `report(template:plan:)` is exact.
    package static func costModel(for template: BudgetTemplate) -> TripCostModel {
        func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
        let markup = 1 + double(template.contingencyPercent) / 100
        let perKm =
            template.vehicle == .rental
            ? double(template.fuelLitresPer100Km * template.fuelPricePerLitre / 100) : double(template.ratePerKm)
        let rentalDay = template.vehicle == .rental ? double(template.rentalPerDay) : 0
        let perDiem: Double
        switch template.perDiemMode {
        case .hourly: perDiem = double(template.hourlyWage * template.hoursPerTrainingDay) * Double(template.trainers)
        case .gsa: perDiem = double(template.dailyMealsAndIncidentals) * Double(template.trainers)
        }
        return TripCostModel(
            perKm: perKm * markup,
            perNight: (double(template.lodgingPerNight) * Double(template.rooms) + rentalDay) * markup,
            perTrip: double(template.tollsPerTrip + template.parkingPerTrip) * markup,
            perTraining: (perDiem + double(template.materialsPerTraining) + rentalDay) * markup)
    }

    /// Per-trainer meals & incidentals under the GSA rule: 75% on the first and last day of each trip.
    static func gsaDays(_ tripDays: [Int], share: Decimal) -> Decimal {
        tripDays.reduce(Decimal(0)) { sum, days in
            if days <= 0 { return sum }
            if days == 1 { return sum + share }
            return sum + Decimal(days - 2) + 2 * share
        }
    }

    /// Fills in the budget: quantities from the plan when one is given (days, nights and which are
    /// hosted, km, trips, members reached), otherwise from the template's `[counts]`; every line
    /// is rounded to the currency's minor unit and the total is the sum of the rounded lines.
    package static func report(template: BudgetTemplate, plan: TourPlan?, scenario: String? = nil) -> BudgetReport {
        let q = quantities(template: template, plan: plan)
        let currency = template.currency
        func money(_ amount: Decimal) -> Money { Money(amount: amount, currency: currency).rounded }
        func rate(_ amount: Decimal) -> String { Money(amount: amount, currency: currency).formattedRate }
        let mi = template.units == .miles
        func distance(_ km: Decimal) -> String {
            let value = mi ? km / BudgetTemplate.milesToKm : km
            return "\(NSDecimalNumber(decimal: value).intValue.formatted()) \(mi ? "mi" : "km")"
        }
        var lines: [BudgetReport.Line] = []
        var perTrainer = Decimal(0)
        switch template.perDiemMode {
        case .hourly:
            let hours =
                Decimal(q.trainings) * template.hoursPerTrainingDay + Decimal(q.travelDays) * template.hoursPerTravelDay
            perTrainer = hours * template.hourlyWage
            var description =
                "\(template.trainers) trainer\(template.trainers == 1 ? "" : "s") × \(q.trainings) training days × \(template.hoursPerTrainingDay) h"
            if template.hoursPerTravelDay > 0 && q.travelDays > 0 {
                description += " + \(q.travelDays) travel days × \(template.hoursPerTravelDay) h"
            }
            description += " × \(rate(template.hourlyWage))/h"
            if let source = template.wageSource { description += " (\(source))" }
            lines.append(
                .init(
                    category: "per diem", description: description,
                    amount: money(perTrainer * Decimal(template.trainers))))
        case .gsa:
            let days = gsaDays(q.tripDays, share: template.firstLastDayShare)
            perTrainer = days * template.dailyMealsAndIncidentals
            lines.append(
                .init(
                    category: "per diem",
                    description:
                        "\(template.trainers) trainers × \(days) M&IE days (first/last day of each trip at \(template.firstLastDayShare * 100)%) × \(rate(template.dailyMealsAndIncidentals))",
                    amount: money(perTrainer * Decimal(template.trainers))))
        }
        let rentalDays = q.tripDays.reduce(0, +)
        switch template.vehicle {
        case .rental:
            lines.append(
                .init(
                    category: "car rental",
                    description: "\(rentalDays) days × \(rate(template.rentalPerDay))",
                    amount: money(Decimal(rentalDays) * template.rentalPerDay)))
            let litres = q.distanceKm * template.fuelLitresPer100Km / 100
            let fuelText =
                mi
                ? "\(distance(q.distanceKm)) ÷ \(NSDecimalNumber(decimal: 100 * BudgetTemplate.gallonToLitres / (BudgetTemplate.milesToKm * max(template.fuelLitresPer100Km, 0.0001))).doubleValue.rounded()) mpg × \(rate(template.fuelPricePerLitre * BudgetTemplate.gallonToLitres))/gal"
                : "\(distance(q.distanceKm)) × \(template.fuelLitresPer100Km) L/100 km × \(rate(template.fuelPricePerLitre))/L"
            lines.append(
                .init(category: "fuel", description: fuelText, amount: money(litres * template.fuelPricePerLitre)))
        case .own:
            let rateText =
                mi
                ? "\(rate(template.ratePerKm * BudgetTemplate.milesToKm))/mi"
                : "\(rate(template.ratePerKm))/km"
            lines.append(
                .init(
                    category: "mileage",
                    description: "\(distance(q.distanceKm)) × \(rateText) (member's own or donated car)",
                    amount: money(q.distanceKm * template.ratePerKm)))
        }
        if template.tollsPerTrip > 0 {
            lines.append(
                .init(
                    category: "tolls", description: "\(q.trips) trips × \(rate(template.tollsPerTrip))",
                    amount: money(Decimal(q.trips) * template.tollsPerTrip)))
        }
        if template.parkingPerTrip > 0 {
            lines.append(
                .init(
                    category: "parking", description: "\(q.trips) trips × \(rate(template.parkingPerTrip))",
                    amount: money(Decimal(q.trips) * template.parkingPerTrip)))
        }
        let paidNights = max(0, q.nights - q.hostedNights)
        lines.append(
            .init(
                category: "lodging",
                description:
                    "\(q.nights) nights (\(q.hostedNights) hosted by members) → \(paidNights) paid × \(template.rooms) room\(template.rooms == 1 ? "" : "s") × \(rate(template.lodgingPerNight))",
                amount: money(Decimal(paidNights * template.rooms) * template.lodgingPerNight)))
        // Remote trainings by video (`--objective chapters`) cost their materials, nothing else.
        let remote = plan?.remoteTrainings?.count ?? 0
        if template.materialsPerTraining > 0 {
            lines.append(
                .init(
                    category: "materials",
                    description: "\(q.trainings) trainings"
                        + (remote > 0 ? " + \(remote) remote" : "") + " × \(rate(template.materialsPerTraining))",
                    amount: money(Decimal(q.trainings + remote) * template.materialsPerTraining)))
        }
        let subtotal = lines.reduce(Decimal(0)) { $0 + $1.amount.amount }
        if template.contingencyPercent > 0 {
            lines.append(
                .init(
                    category: "contingency",
                    description: "\(template.contingencyPercent)% of \(money(subtotal).formatted)",
                    amount: money(subtotal * template.contingencyPercent / 100)))
        }
        let total = Money(amount: lines.reduce(Decimal(0)) { $0 + $1.amount.amount }, currency: currency)
        let byTrip = plan.map { tripLines(template: template, plan: $0, total: total) } ?? []
        let raised = template.funding.filter { $0.status == "raised" }.reduce(Decimal(0)) { $0 + $1.amount }
        let pledged = template.funding.filter { $0.status == "pledged" }.reduce(Decimal(0)) { $0 + $1.amount }
        return BudgetReport(
            name: template.name, scenario: scenario, currency: currency, basedOnPlan: plan != nil, lines: lines,
            total: total,
            perDiemPerTrainer: money(perTrainer), trainings: q.trainings, unaffiliatedReached: q.unaffiliatedReached,
            costPerTraining: q.trainings > 0 ? money(total.amount / Decimal(q.trainings)) : nil,
            costPerUnaffiliatedMember: q.unaffiliatedReached > 0
                ? money(total.amount / Decimal(q.unaffiliatedReached)) : nil,
            byTrip: byTrip,
            funding: BudgetReport.Funding(
                items: template.funding, raised: money(raised), pledged: money(pledged),
                gap: money(total.amount - raised - pledged),
                gapAfterRaisedOnly: money(total.amount - raised)),
            warnings: plan == nil ? template.countWarnings : [],
            remoteTrainings: remote, expectedChapters: plan?.expectedChapters,
            costPerExpectedChapter: plan?.expectedChapters.flatMap {
                $0 > 0 ? money(total.amount / BudgetCalculator.decimal($0)) : nil
            },
            planOverrides: plan == nil ? [] : template.scenarioKeys.filter(BudgetTemplate.isSetByPlan))
    }
}
