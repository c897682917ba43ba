import Foundation
import TourPlannerCore

/// A place where a plan breaks the trainers' day.
package struct DayRuleViolation: Hashable, Sendable, CustomStringConvertible {
    /// The rule a violation breaks; the raw value is shown in brackets after the message.
    package enum Rule: String, Hashable, Sendable, CaseIterable {
        case missingTime, earliestDeparture, latestArrival, midnight, driveDuration, maxDriving, workingDay
        case allowedDay, trainingWindow, handover
    }
    /// Which rule is broken.
    package var rule: Rule
    /// The date of the leg or training that breaks it.
    package var date: CalendarDate
    /// What is wrong, naming the leg or training, e.g. "the drive New York City → Boston leaves
    /// 2014-06-07T06:30:00-04:00, before 07:00 on 2014-06-07".
    package var message: String
    /// "DATE: message [rule]".
    package var description: String { "\(date): \(message) [\(rule.rawValue)]" }
}

extension DayRules {
    /// Every way the plan breaks its day rules: each team's own (`PlanTeam.dayRules`), else the
    /// request's, else the defaults. Checked from the plan's own times, at each place's local clock.
    ///
    /// - Returns: the violations in trip and date order; empty for a plan trainers can follow.
    /// - Complexity: O(legs + stops) per trip.
    package static func violations(in plan: TourPlan) -> [DayRuleViolation] {
        var found: [DayRuleViolation] = []
        let parser = ISO8601DateFormatter()
        for trip in plan.trips {
            let team = plan.teams.first { $0.name == trip.team }
            let rules = team?.dayRules ?? plan.request?.dayRules ?? DayRules()
            let weekdays = plan.request.map { Set($0.weekdays) }
            let zoneOf: (String) -> String = { name in
                trip.stops.first { $0.metro == name }?.timeZone ?? team?.base.timeZone ?? "UTC"
            }
            func add(_ rule: DayRuleViolation.Rule, _ date: CalendarDate, _ message: String) {
                found.append(DayRuleViolation(rule: rule, date: date, message: message))
            }
            func local(_ text: String?, zone: String) -> (date: CalendarDate, minutes: Int, instant: Date)? {
                guard let text, let instant = parser.date(from: text), let calendar = LocalClock.calendar(zone),
                    let date = LocalClock.localDate(instant, zone: zone)
                else { return nil }
                let parts = calendar.dateComponents([.hour, .minute], from: instant)
                return (date, (parts.hour ?? 0) * 60 + (parts.minute ?? 0), instant)
            }
            var starts: [String: (date: CalendarDate, minutes: Int, instant: Date)] = [:]
            for stop in trip.stops {
                guard let start = local(stop.trainingStart, zone: stop.timeZone) else {
                    add(.missingTime, stop.date, "the training in \(stop.metro) has no start time; re-plan")
                    continue
                }
                starts[stop.metro] = start
                if start.date != stop.date
                    || !(rules.trainingStartEarliest.minutes...rules.trainingStartLatest.minutes).contains(
                        start.minutes)
                {
                    add(
                        .trainingWindow, stop.date,
                        "the training in \(stop.metro) starts \(stop.trainingStart ?? ""), outside \(rules.trainingStartEarliest)–\(rules.trainingStartLatest) on \(stop.date)"
                    )
                }
                if let weekdays, !weekdays.contains(stop.date.isoWeekday) {
                    add(
                        .allowedDay, stop.date, "the training in \(stop.metro) is on a day outside the allowed weekdays"
                    )
                }
            }
            for leg in trip.legs {
                let name = "the drive \(leg.from) → \(leg.to)"
                guard let leave = local(leg.departure, zone: zoneOf(leg.from)),
                    let arrive = local(leg.arrival, zone: zoneOf(leg.to))
                else {
                    add(.missingTime, leg.date, "\(name) has no departure or arrival time; re-plan")
                    continue
                }
                if leave.date != leg.date || leave.minutes < rules.earliestDeparture.minutes {
                    add(
                        .earliestDeparture, leg.date,
                        "\(name) leaves \(leg.departure ?? ""), before \(rules.earliestDeparture) on \(leg.date)")
                }
                if arrive.date != leg.date {
                    add(.midnight, leg.date, "\(name) arrives \(leg.arrival ?? ""), after midnight")
                } else if arrive.minutes > rules.latestArrival.minutes {
                    add(.latestArrival, leg.date, "\(name) arrives \(leg.arrival ?? ""), after \(rules.latestArrival)")
                }
                if abs(arrive.instant.timeIntervalSince(leave.instant) - leg.hours * 3600) > 90 {
                    add(.driveDuration, leg.date, "\(name) is timed differently from its \(leg.hours) h")
                }
                let training = trip.stops.first { $0.date == leg.date }
                if let weekdays, !weekdays.contains(leg.date.isoWeekday),
                    training != nil || !rules.travelDays.contains(leg.date.isoWeekday)
                {
                    add(.allowedDay, leg.date, "\(name) is on a day that is neither allowed nor a travel day")
                }
                if let training, let start = starts[training.metro] {
                    let end = start.instant.addingTimeInterval(training.trainingHours * 3600)
                    if leg.to == training.metro && arrive.instant > start.instant {
                        add(.handover, leg.date, "\(name) arrives after the training starts")
                    }
                    if leg.from == training.metro && leave.instant < end {
                        add(.handover, leg.date, "\(name) leaves before the training ends")
                    }
                }
            }
            for date in Set(trip.legs.map(\.date)).sorted() {
                let driving = trip.legs.filter { $0.date == date }.reduce(0) { $0 + $1.hours }
                let training = trip.stops.filter { $0.date == date }.reduce(0) { $0 + $1.trainingHours }
                if driving > rules.maxDriveHours + 0.02 {
                    add(.maxDriving, date, "\(driving) h of driving, over \(hours(rules.maxDriveHours)) h")
                }
                if driving + training > rules.maxWorkingHours + 0.02 {
                    add(
                        .workingDay, date,
                        "\(driving) h driving + \(training) h training, over the \(hours(rules.maxWorkingHours)) h working day"
                    )
                }
            }
        }
        return found
    }
}
