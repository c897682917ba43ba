import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner settings file")
struct PlannerSettingsTests {
    @Test("every [day] key is read and overlays the defaults")
    func readsEveryKey() throws {
        let text = """
            # West team
            [day]
            training_hours = 7.5
            training_start = "10:00"
            earliest_departure = "06:30"
            latest_arrival = "21:00"
            max_drive_hours = 5
            max_working_hours = 11
            travel_days = ["fri"]
            travel_day_departure = "16:00"
            """
        let rules = try PlannerSettings.rules(text, fileName: "planner.toml")
        #expect(
            rules
                == DayRules(
                    trainingHours: 7.5, trainingStartEarliest: LocalTime(hour: 10, minute: 0),
                    trainingStartLatest: LocalTime(hour: 10, minute: 0),
                    earliestDeparture: LocalTime(hour: 6, minute: 30), latestArrival: LocalTime(hour: 21, minute: 0),
                    maxDriveHours: 5, maxWorkingHours: 11, travelDays: [5],
                    travelDayDeparture: LocalTime(hour: 16, minute: 0)))
    }

    @Test(
        "bad keys and values name the file, line and key",
        arguments: [
            (
                "[day]\nlatest_arival = \"21:00\"\n",
                "planner.toml:2: day.latest_arival is not a day-rule setting\n  hint: use one of training_hours, training_start, earliest_departure, latest_arrival, max_drive_hours, max_working_hours, travel_days, travel_day_departure"
            ),
            (
                "[day]\n\nlatest_arrival = \"25:00\"\n",
                "planner.toml:3: day.latest_arrival \"25:00\" is not a time\n  hint: write a 24-hour local time HH:MM, e.g. 07:00"
            ),
            (
                "[day]\nmax_drive_hours = \"six\"\n",
                "planner.toml:2: day.max_drive_hours is \"six\", not a number of hours\n  hint: see README \"Planner settings\" for an example"
            ),
            (
                "[days]\nmax_drive_hours = 6\n",
                "planner.toml:1: days is not a setting\n  hint: put the day rules in a [day] table (README \"Planner settings\")"
            ),
            (
                "[day]\ntravel_days = \"fri,someday\"\n",
                "planner.toml:2: day.travel_days \"fri,someday\" is not a list of weekdays\n  hint: write e.g. fri or thu,fri (\"\" for none)"
            ),
        ])
    func badSettings(text: String, message: String) throws {
        #expect {
            try PlannerSettings.rules(text, fileName: "planner.toml")
        } throws: { error in
            (error as? SettingsError)?.description == message
        }
    }

    @Test("flags name the flag; rules that cannot fit together are refused")
    func flags() throws {
        #expect {
            try DayRuleSettings(trainingStart: "13:00-09:00").applied(
                to: DayRules(), file: "command line", name: \.flagName)
        } throws: { error in
            (error as? SettingsError)?.description.hasPrefix(
                "command line: --training-start \"13:00-09:00\" is not a start time or window") == true
        }
        #expect {
            try DayRuleSettings(earliestDeparture: "22:30").applied(
                to: DayRules(), file: "command line", name: \.flagName)
        } throws: { error in
            (error as? SettingsError)?.description
                == "command line: the day rules do not fit together: the latest arrival 22:00 is not after the earliest departure 22:30\n  hint: change --earliest-departure"
        }
    }
}
