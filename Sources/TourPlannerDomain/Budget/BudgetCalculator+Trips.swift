import Foundation
import TourPlannerCore

extension BudgetCalculator {
    /// By trip: each trip's days, distance, nights and trainings at the same rates, then the
    /// report's total shared out in proportion (largest remainder), so the trips add up to the
    /// total to the cent.
    static func tripLines(template: BudgetTemplate, plan: TourPlan, total: Money) -> [BudgetReport.TripLine] {
        let exact = plan.trips.map { trip -> Decimal in
            let days = trip.end.daysSinceEpoch - trip.start.daysSinceEpoch + 1
            let km = decimal(trip.legs.reduce(0) { $0 + $1.km })
            var amount = Decimal(0)
            switch template.perDiemMode {
            case .hourly:
                amount +=
                    (Decimal(trip.stops.count) * template.hoursPerTrainingDay + Decimal(days - trip.stops.count)
                        * template.hoursPerTravelDay) * template.hourlyWage * Decimal(template.trainers)
            case .gsa:
                amount +=
                    gsaDays([days], share: template.firstLastDayShare) * template.dailyMealsAndIncidentals
                    * Decimal(template.trainers)
            }
            switch template.vehicle {
            case .rental:
                amount +=
                    Decimal(days) * template.rentalPerDay + km * template.fuelLitresPer100Km / 100
                    * template.fuelPricePerLitre
            case .own: amount += km * template.ratePerKm
            }
            amount += template.tollsPerTrip + template.parkingPerTrip
            amount += Decimal(trip.nights.filter { !$0.hosted }.count * template.rooms) * template.lodgingPerNight
            amount += Decimal(trip.stops.count) * template.materialsPerTraining
            amount += amount * template.contingencyPercent / 100
            return amount
        }
        let shares = Money.allocate(total, proportionalTo: exact)
        return zip(plan.trips, shares).map { trip, share in
            BudgetReport.TripLine(
                trip: "\(trip.start) \(trip.team): \(trip.stops.map(\.metro).joined(separator: ", "))", amount: share)
        }
    }
}
