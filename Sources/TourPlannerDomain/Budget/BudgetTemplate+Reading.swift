import Foundation
import TourPlannerCore

extension BudgetTemplate.Reader {
    func template(from tree: [String: ConfigValue]) throws -> BudgetTemplate {
        guard let currencyText = try string(tree, "", "currency") else {
            throw BudgetError(
                file: fileName, line: nil, key: "currency", problem: "is missing",
                hint: "add currency = \"USD\" (an ISO 4217 code) at the top of the template")
        }
        guard let code = CurrencyCode.parse(currencyText) else {
            throw fail(
                "", "currency", "\"\(currencyText)\" is not an ISO 4217 code",
                CurrencyCode.hint(forUnknown: currencyText.trimmingCharacters(in: .whitespaces)))
        }
        let unitsText = try string(tree, "", "units") ?? "km"
        guard let units = BudgetTemplate.DistanceUnit(rawValue: unitsText == "mi" ? "miles" : unitsText) else {
            throw fail("", "units", "\"\(unitsText)\" is not km or miles", "write units = \"km\" or units = \"miles\"")
        }
        let modeText = try string(tree, "per_diem", "mode") ?? "hourly"
        guard let mode = BudgetTemplate.PerDiemMode(rawValue: modeText) else {
            throw fail(
                "per_diem", "mode", "\"\(modeText)\" is not hourly or gsa",
                "write mode = \"hourly\" (wage × hours) or mode = \"gsa\" (daily M&IE)")
        }
        let kindText = try string(tree, "vehicle", "kind") ?? "rental"
        guard let kind = BudgetTemplate.VehicleKind(rawValue: kindText == "donated" ? "own" : kindText) else {
            throw fail(
                "vehicle", "kind", "\"\(kindText)\" is not rental or own",
                "write kind = \"rental\" or kind = \"own\" (a member's own or donated car)")
        }
        // Fuel: L/100 km, or mpg converted (L/100 km = 100 × 3.785411784 / (1.609344 × mpg)).
        var litresPer100Km: Decimal = 0
        let vehicle = tree["vehicle"]?.tableValue ?? [:]
        let counts = tree["counts"]?.tableValue ?? [:]
        // One unit per quantity: a metric and an imperial value side by side would silently mix.
        for (table, metric, imperial) in [
            ("vehicle", "fuel_l_per_100km", "fuel_efficiency_mpg"),
            ("vehicle", "fuel_price_per_litre", "fuel_price_per_gallon"),
            ("vehicle", "rate_per_km", "rate_per_mile"), ("counts", "distance_km", "distance_miles"),
        ] {
            let values = table == "vehicle" ? vehicle : counts
            if values[metric] != nil, values[imperial] != nil {
                throw fail(
                    table, imperial, "is given with \(table).\(metric): the two units would be mixed",
                    "keep one of \(metric) and \(imperial), in the unit your figure is in")
            }
        }
        if vehicle["fuel_l_per_100km"] != nil {
            litresPer100Km = try decimal(tree, "vehicle", "fuel_l_per_100km")
        } else if vehicle["fuel_efficiency_mpg"] != nil {
            let mpg = try decimal(tree, "vehicle", "fuel_efficiency_mpg", allowZero: false)
            litresPer100Km = 100 * BudgetTemplate.gallonToLitres / (BudgetTemplate.milesToKm * mpg)
        } else if kind == .rental {
            throw fail(
                "vehicle", "fuel_efficiency_mpg", "is missing (or fuel_l_per_100km)",
                "give the car's fuel use, e.g. fuel_efficiency_mpg = 28")
        }
        var pricePerLitre: Decimal = 0
        if vehicle["fuel_price_per_litre"] != nil {
            pricePerLitre = try decimal(tree, "vehicle", "fuel_price_per_litre")
        } else if vehicle["fuel_price_per_gallon"] != nil {
            pricePerLitre = try decimal(tree, "vehicle", "fuel_price_per_gallon") / BudgetTemplate.gallonToLitres
        } else if kind == .rental {
            throw fail(
                "vehicle", "fuel_price_per_gallon", "is missing (or fuel_price_per_litre)",
                "give the fuel price, e.g. fuel_price_per_gallon = 3.65")
        }
        var ratePerKm: Decimal = 0
        if vehicle["rate_per_km"] != nil {
            ratePerKm = try decimal(tree, "vehicle", "rate_per_km")
        } else if vehicle["rate_per_mile"] != nil {
            ratePerKm = try decimal(tree, "vehicle", "rate_per_mile") / BudgetTemplate.milesToKm
        } else if kind == .own {
            throw fail(
                "vehicle", "rate_per_mile", "is missing (or rate_per_km)",
                "a member's own or donated car is reimbursed per distance, e.g. rate_per_mile = 0.14 (IRS charitable rate)"
            )
        }
        var distanceKm: Decimal = 0
        if counts["distance_km"] != nil {
            distanceKm = try decimal(tree, "counts", "distance_km")
        } else if counts["distance_miles"] != nil {
            distanceKm = try decimal(tree, "counts", "distance_miles") * BudgetTemplate.milesToKm
        }
        var funding: [BudgetTemplate.FundingItem] = []
        if let items = tree["funding"]?.tableValue?["items"] {
            guard case .array(let list) = items else {
                throw fail(
                    "funding", "items", "must be a list of { name, amount, status }", "see Budgets/template.toml")
            }
            for item in list {
                guard let table = item.tableValue, case .string(let name)? = table["name"],
                    case .number(let amount)? = table["amount"], amount >= 0
                else {
                    throw fail(
                        "funding", "items", "has an entry without a name and a non-negative amount",
                        "write { name = \"Bake sale\", amount = 180.00, status = \"raised\" }")
                }
                var status = "raised"
                if case .string(let given)? = table["status"] { status = given }
                guard status == "raised" || status == "pledged" else {
                    throw fail(
                        "funding", "items", "status \"\(status)\" of \"\(name)\" is not raised or pledged",
                        "write status = \"raised\" or \"pledged\"")
                }
                funding.append(BudgetTemplate.FundingItem(name: name, amount: amount, status: status))
            }
        }
        let contingency = try decimal(tree, "", "contingency_percent", default: 0)
        if contingency > 100 {
            throw fail(
                "", "contingency_percent", "must be at most 100 (got \(contingency))",
                "write a percentage, e.g. contingency_percent = 10")
        }
        let share = try decimal(tree, "per_diem", "first_last_day_share", default: Decimal(string: "0.75") ?? 0.75)
        if share > 1 {
            throw fail("per_diem", "first_last_day_share", "must be at most 1 (got \(share))", "the GSA rule is 0.75")
        }
        return BudgetTemplate(
            name: try string(tree, "", "name") ?? fileName, currency: code, units: units,
            trainers: try integer(tree, "trainers", "count", default: 1), perDiemMode: mode,
            hourlyWage: try decimal(tree, "per_diem", "hourly_wage", default: mode == .hourly ? nil : 0),
            wageSource: try string(tree, "per_diem", "wage_source"),
            hoursPerTrainingDay: try decimal(tree, "per_diem", "hours_per_training_day", default: 8),
            hoursPerTravelDay: try decimal(tree, "per_diem", "hours_per_travel_day", default: 0),
            dailyMealsAndIncidentals: try decimal(tree, "per_diem", "daily_mie", default: mode == .gsa ? nil : 0),
            firstLastDayShare: share, vehicle: kind,
            rentalPerDay: try decimal(tree, "vehicle", "rental_per_day", default: kind == .rental ? nil : 0),
            fuelLitresPer100Km: litresPer100Km, fuelPricePerLitre: pricePerLitre, ratePerKm: ratePerKm,
            tollsPerTrip: try decimal(tree, "trip_costs", "tolls_per_trip", default: 0),
            parkingPerTrip: try decimal(tree, "trip_costs", "parking_per_trip", default: 0),
            lodgingPerNight: try decimal(tree, "lodging", "per_night", default: 0),
            rooms: try integer(tree, "lodging", "rooms", default: 1),
            hostedNights: try integer(tree, "lodging", "hosted_nights", default: 0),
            materialsPerTraining: try decimal(tree, "materials", "per_training", default: 0),
            contingencyPercent: contingency,
            counts: BudgetTemplate.Counts(
                trainings: try integer(tree, "counts", "trainings", default: 0),
                travelDays: try integer(tree, "counts", "travel_days", default: 0),
                nights: try integer(tree, "counts", "nights", default: 0), distanceKm: distanceKm,
                trips: try integer(tree, "counts", "trips", default: 0),
                unaffiliatedReached: try integer(tree, "counts", "unaffiliated_reached", default: 0)),
            funding: funding, scenarioNames: [])
    }
}
