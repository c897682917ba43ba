import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

/// The option values the CLI hands to the library as typed, and the rules they must keep.
@Suite("Command-line arguments")
struct CommandLineArgumentTests {
    /// The message of the `InvalidArgument` `body` throws, or nil when it throws none.
    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as InvalidArgument {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("dates, times, currencies and instants parse, or name the option and the value")
    func values() throws {
        #expect(try CalendarDate.argument("2014-06-07", option: "--date") == CalendarDate(year: 2014, month: 6, day: 7))
        #expect(
            message { _ = try CalendarDate.argument("June 7", option: "--from") }
                == "--from \"June 7\" is not a date (YYYY-MM-DD)")
        #expect(try LocalTime.argument("09:30", option: "--start") == LocalTime(hour: 9, minute: 30))
        #expect(
            message { _ = try LocalTime.argument("9 am", option: "--start") }
                == "--start \"9 am\" is not a time (HH:MM)")
        #expect(try CurrencyCode.argument("EUR", option: "--currency").rawValue == "EUR")
        #expect(
            message { _ = try CurrencyCode.argument("EURO", option: "--currency") }?.hasPrefix(
                "--currency \"EURO\" is not an ISO 4217 currency code; ") == true)
        let noon = Date(timeIntervalSince1970: 1_401_624_000)  // 2014-06-01T12:00:00Z
        #expect(try InstantArgument.parse("2014-06-01T12:00:00Z", option: "--now") == noon)
        #expect(try InstantArgument.parse(nil, option: "--now", now: noon) == noon)
        #expect(
            message { _ = try InstantArgument.parse("tomorrow", option: "--now") }
                == "--now \"tomorrow\" is not an ISO 8601 time like 2014-06-01T09:00:00Z")
    }

    @Test("tour plan: weekdays by their first three letters, dates and limits checked in order")
    func tourQuery() throws {
        func query(
            base: String? = "Boston, MA", from: String = "2014-06-01", top: Int? = nil, weekdays: String = "sat,sun",
            blackout: [String] = [], trafficMargin: Double = 0
        ) throws -> TourQuery {
            try TourQuery(
                base: base, teamsPath: nil, from: from, to: "2014-06-30", stops: [], top: top, weekdays: weekdays,
                blackout: blackout, settingsPath: nil, dayRuleFlags: DayRuleSettings(), maxTrainings: nil,
                budget: nil, costPerKm: 0.5, ratesPath: nil, objective: .all, matrixPath: nil,
                trafficMargin: trafficMargin, radiusKm: 25, seed: 1, out: "plan.json")
        }
        let plan = try query(weekdays: "Friday, sat", blackout: ["2014-06-14"])
        #expect(plan.weekdays == [5, 6])
        #expect(plan.blackoutDates == [CalendarDate(year: 2014, month: 6, day: 14)])
        #expect(plan.to == CalendarDate(year: 2014, month: 6, day: 30))
        #expect(
            message { _ = try query(weekdays: "sat,funday") }
                == "--weekdays \"sat,funday\": \"funday\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
        #expect(message { _ = try query(weekdays: ",") } == "--weekdays must name at least one day")
        // The traffic margin is checked first, then the base, then the dates, then --top.
        #expect(
            message { _ = try query(base: nil, from: "x", trafficMargin: 3) }
                == "--traffic-margin must be a fraction from 0 to 2 (got 3.0)")
        #expect(message { _ = try query(base: nil, from: "x") } == "give --base PLACE or --teams FILE")
        #expect(message { _ = try query(from: "x", top: 0) } == "--from \"x\" is not a date (YYYY-MM-DD)")
        #expect(message { _ = try query(top: 0) } == "--top must be at least 1 (got 0)")
        #expect(message { _ = try query(blackout: ["soon"]) } == "--blackout \"soon\" is not a date (YYYY-MM-DD)")
    }

    @Test("rank, import, calls log and consent options keep their rules")
    func checks() {
        #expect(
            message { try RankQuery.checkArguments(limit: 0, radiusKm: 25, minUnaffiliated: 0, weights: []) }
                == "--limit must be at least 1 (got 0)")
        #expect(
            message { try RankQuery.checkArguments(limit: nil, radiusKm: 501, minUnaffiliated: 0, weights: []) }
                == "--radius-km must be between 0 and 500 (got 501.0)")
        #expect(
            message { try RankQuery.checkArguments(limit: 3, radiusKm: 25, minUnaffiliated: 0, weights: ["hosts=2"]) }
                == nil)
        #expect(
            message { _ = try RankQuery.WeightOverride.arguments(["hosts=2", "height=1"]) }?.hasPrefix(
                "--weight \"height=1\" must be NAME=NUMBER with NAME one of ") == true)
        #expect(
            message {
                try ImportQuery.checkArguments(files: ["a.csv"], undoLast: false, maxErrors: -1, preset: nil, map: nil)
            }
                == "--max-errors must be 0 or more (got -1)")
        #expect(
            message {
                try ImportQuery.checkArguments(
                    files: ["a.csv"], undoLast: false, maxErrors: 0, preset: "spoke", map: "m.toml")
            }
                == "use --map or --preset, not both")
        #expect(
            message {
                try ImportQuery.checkArguments(
                    files: ["a.csv"], undoLast: false, maxErrors: 0, preset: "nosuch", map: nil)
            }?.hasPrefix(
                "unknown --preset \"nosuch\"; ") == true)
        #expect(
            message {
                try ImportQuery.checkArguments(files: ["a.csv"], undoLast: true, maxErrors: 0, preset: nil, map: nil)
            }
                == "--undo-last takes no files (it undoes the latest import)")
        #expect(
            message { try ImportQuery.checkArguments(files: [], undoLast: false, maxErrors: 0, preset: nil, map: nil) }
                == "name the export files to import")
        #expect(
            message { try ImportQuery.checkArguments(files: [], undoLast: true, maxErrors: 0, preset: nil, map: nil) }
                == nil)
        #expect(
            message { try OutcomeQuery.checkArguments(file: "o.csv", task: "t", outcome: nil, attempt: nil) }
                == "--file takes the tasks and outcomes from the file: drop --task, --outcome and --attempt")
        #expect(
            message { try OutcomeQuery.checkArguments(file: nil, task: "t", outcome: nil, attempt: nil) }
                == "give --task ID --outcome OUTCOME, or --file outcomes.csv")
        #expect(
            message { try OutcomeQuery.checkArguments(file: nil, task: "t", outcome: .reached, attempt: 0) }
                == "--attempt must be at least 1 (got 0)")
        #expect(
            message { try MemberConsentQuery.checkArguments(lifts: true, stopReply: false, reason: "  ") }
                == "lifting a consent flag needs --reason TEXT (it is kept in the consent log)")
        #expect(
            message { try MemberConsentQuery.checkArguments(lifts: true, stopReply: true, reason: "asked") }
                == "--stop-reply records an opt-out; do not combine it with --allow-…")
        #expect(message { try MemberConsentQuery.checkArguments(lifts: false, stopReply: true, reason: nil) } == nil)
        #expect(
            message { try ActualsTarget.checkArguments(budget: nil, tour: nil, currency: "USD") }?.hasPrefix(
                "name the tour: --tour NAME (a saved tour") == true)
        #expect(message { try ActualsTarget.checkArguments(budget: nil, tour: "east", currency: nil) } == nil)
        #expect(message { try ActualsTarget.checkArguments(budget: nil, tour: "east", currency: "USD") } == nil)
        #expect(
            MemberConsentQuery.flags([.doNotCall: true, .doNotText: false, .deceased: true]) == [.doNotCall, .deceased])
    }

    @Test("an output file that is an input (same inode, any spelling) is refused; a new one is not")
    func outputFile() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("plan.json", "{}")
        let store = try folder.write("t.sqlite", "")
        let dotted = folder.url.appendingPathComponent(".").appendingPathComponent("plan.json").path
        #expect(throws: PlannerError.self) { try OutputFile.check(dotted, against: ["--plan": plan], store: nil) }
        do {
            try OutputFile.check(store + "-wal", against: ["--plan": plan], store: store)
            _ = try folder.write("t.sqlite-wal", "")
            try OutputFile.check(store + "-wal", against: ["--plan": plan], store: store)
            Issue.record("the store's -wal file was accepted as --out")
        } catch let error as PlannerError {
            #expect(
                error.message.hasSuffix("is the same file as --db \(store)-wal: writing it would destroy that input"))
        }
        try OutputFile.check(
            folder.url.appendingPathComponent("new.json").path, against: ["--plan": plan], store: store)
        #expect(OutputFile.samePath(dotted, plan))
        let sheet = folder.url.appendingPathComponent("sheet.csv").path
        try OutputFile.writePrivate("a,b\r\n", to: sheet)
        let attributes = try FileManager.default.attributesOfItem(atPath: sheet)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: sheet, encoding: .utf8) == "a,b\r\n")
    }

    @Test("stores open as asked: if present gives nil for a missing file and creates nothing")
    func storeAccess() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("t.sqlite").path
        #expect(try TourDatabase.open(path: path, access: .ifPresent) == nil)
        #expect(try TourDatabase.open(path: path, access: .none) == nil)
        #expect(throws: StoreError.self) { try TourDatabase.open(path: path, access: .existing) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try TourDatabase.open(path: path, access: .createIfMissing) != nil)
        #expect(try TourDatabase.open(path: path, access: .ifPresent) != nil)
    }

    @Test("reminder rules and volunteers load from their files, naming the option when unreadable")
    func reminderInputs() throws {
        let missing = "/nonexistent/rules.toml"
        #expect(throws: PlannerError("\(missing): cannot be read", hint: "check the --rules path")) {
            try ReminderRules.load(missing)
        }
        #expect(try ReminderRules.load(nil) == ReminderRules.loadBundled())
        #expect(throws: PlannerError("/nonexistent/o.csv: cannot be read as UTF-8 text", hint: "check the --file path"))
        {
            try OutcomeFile.load("/nonexistent/o.csv")
        }
    }

    @Test("the accounts table says whether a password is set and who is disabled")
    func accounts() throws {
        let planner = try makeEmptyPlanner()
        #expect(
            try planner.accounts().render(.table) == "No accounts yet: `tourplan users add NAME --role organizer`.\n")
        let store = try planner.requireStore()
        _ = try store.addAccount(name: "olga", role: .organizer, volunteer: nil, passwordHash: "x", now: testDate)
        _ = try store.addAccount(name: "Tina", role: .treasurer, volunteer: nil, passwordHash: nil, now: testDate)
        let table = try planner.accounts().render(.table)
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.count == 4)
        #expect(lines.last == "Tina treasurer - link pending active")
        #expect(lines.dropFirst(2).first == "olga organizer - set active")
    }

    @Test("the checks moved out of the CLI keep their messages: edit, delete, budget init, members, solve, serve")
    func movedChecks() throws {
        #expect(
            message { try ActualExpenseChange().checkNotEmpty() }
                == "give at least one field to change, e.g. --amount 12.50 or --receipt R-7")
        #expect(message { try ActualExpenseChange(receipt: "R-7").checkNotEmpty() } == nil)
        #expect(message { _ = try ExpenseID.arguments([]) } == "give the id of at least one expense")
        #expect(try ExpenseID.arguments([3, 1]) == [ExpenseID(rawValue: 3), ExpenseID(rawValue: 1)])
        #expect(
            message {
                _ = try BudgetInitQuery(
                    out: "./p.json", planPath: "p.json", name: nil, currency: "EUR", overwrite: false)
            } == "--out ./p.json is the --from-plan file; write the template to another file")
        #expect(
            message {
                _ = try BudgetInitQuery(out: "t.toml", planPath: nil, name: nil, currency: "EURO", overwrite: true)
            }?
            .hasPrefix("--currency \"EURO\" is not an ISO 4217 currency code") == true)
        #expect(
            try BudgetInitQuery(out: "t.toml", planPath: "p.json", name: "T", currency: "eur", overwrite: true)
                == BudgetInitQuery(out: "t.toml", planPath: "p.json", name: "T", currency: .eur, overwrite: true))
        #expect(message { try MembersQuery.checkArguments(limit: -1) } == "--limit must be 0 or more (got -1)")
        #expect(message { try MembersQuery.checkArguments(limit: 0) } == nil)
        #expect(message { try SolveQuery.checkArguments(seconds: 0) } == "--seconds must be more than 0 (got 0.0)")
        #expect(message { try SolveQuery.checkArguments(seconds: .nan) } == "--seconds must be more than 0 (got nan)")
        #expect(
            message { try ItineraryQuery.checkArguments(trainingStart: "10:00") }
                == "--training-start 10:00: the itinerary now takes every time from the plan; re-plan with `tourplan tour plan … --training-start 10:00` instead"
        )
        #expect(message { try ItineraryQuery.checkArguments(trainingStart: nil) } == nil)
        #expect(message { try ServeArguments.check(port: 65536, baseURL: nil) } == "--port must be 0…65535 (got 65536)")
        #expect(
            message { try ServeArguments.check(port: 0, baseURL: "tour.example.org") }
                == "--base-url \"tour.example.org\" is not a URL like https://tour.example.org")
        #expect(message { try ServeArguments.check(port: 8080, baseURL: "https://tour.example.org") } == nil)
    }

    @Test("--format names: md is Markdown, the others their raw value; texts add spoke")
    func formatOptions() throws {
        #expect(OutputFormat(option: "md") == .markdown)
        #expect(OutputFormat(option: "geojson") == .geojson)
        #expect(OutputFormat(option: "markdown") == .markdown)
        #expect(OutputFormat(option: "yaml") == nil)
        let texts = TextsReport(
            export: ReminderTextExport(
                date: CalendarDate(year: 2014, month: 6, day: 7), texts: [], withoutPhone: [], withoutMember: []))
        #expect(try texts.render(option: "spoke") == texts.spokeCSV())
        #expect(try texts.render(option: "csv") == texts.render(.csv))
        #expect(throws: PlannerError.self) { try texts.render(option: "md") }
    }

    @Test("calls log: one call or a file, checked as the CLI checks them")
    func outcomeLogQuery() throws {
        let now = Date(timeIntervalSince1970: 0)
        #expect(
            message {
                _ = try OutcomeLogQuery(
                    file: "o.csv", task: "t", outcome: nil, note: nil, volunteer: nil, attempt: nil, now: now,
                    rules: nil)
            } == "--file takes the tasks and outcomes from the file: drop --task, --outcome and --attempt")
        #expect(
            message {
                _ = try OutcomeLogQuery(
                    file: nil, task: "t", outcome: nil, note: nil, volunteer: nil, attempt: nil, now: now, rules: nil)
            } == "give --task ID --outcome OUTCOME, or --file outcomes.csv")
        let query = try OutcomeLogQuery(
            file: nil, task: "t", outcome: .reached, note: "ok", volunteer: nil, attempt: 2, now: now, rules: nil)
        #expect(query.task == "t" && query.outcome == .reached && query.attempt == 2 && query.file == nil)
    }

    @Test("an output goes to standard output as it is, or into --out with the line saying so")
    func deliver() throws {
        let folder = try TemporaryFolder()
        #expect(try OutputFile.deliver("a,b\r\n", to: nil, isPrivate: true, what: "2 tasks") == "a,b\r\n")
        let sheet = folder.url.appendingPathComponent("sheet.csv").path
        #expect(
            try OutputFile.deliver("a,b\r\n", to: sheet, isPrivate: true, what: "2 tasks")
                == "2 tasks written to \(sheet)\n")
        #expect(try String(contentsOfFile: sheet, encoding: .utf8) == "a,b\r\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: sheet)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let page = folder.url.appendingPathComponent("it.md").path
        #expect(
            try OutputFile.deliver("# Tour\n", to: page, isPrivate: false, what: "md itinerary")
                == "md itinerary written to \(page)\n")
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "# Tour\n")
    }

    @Test("events add, remind schedule and demo queries from the options as typed")
    func typedQueries() throws {
        let now = Date(timeIntervalSince1970: 0)
        let event = try EventQuery(
            place: "Denver, CO", date: "2014-06-07", start: "09:30", venue: nil, organizer: "Ana", now: now)
        #expect(
            event.date == CalendarDate(year: 2014, month: 6, day: 7) && event.start == LocalTime(hour: 9, minute: 30))
        #expect(
            message {
                _ = try EventQuery(place: "X", date: "2014-06-07", start: "9am", venue: nil, organizer: nil, now: now)
            }
                == "--start \"9am\" is not a time (HH:MM)")
        #expect(
            message {
                _ = try EventQuery(place: "X", date: "June 7", start: "9am", venue: nil, organizer: nil, now: now)
            }
                == "--date \"June 7\" is not a date (YYYY-MM-DD)")
        let folder = try TemporaryFolder()
        let planPath = try TestPlanner.writeSummerPlan(folder)
        let schedule = try ScheduleQuery(
            planPath: planPath, volunteersPath: nil, radiusKm: 30, textsWithoutVenue: true, now: now, rules: nil)
        #expect(
            schedule.plan == (try PlannerFiles.plan(planPath)) && schedule.volunteers == nil && schedule.radiusKm == 30)
        #expect(throws: PlannerError.self) {
            try ScheduleQuery(
                planPath: "/nonexistent/plan.json", volunteersPath: nil, radiusKm: 25, textsWithoutVenue: false,
                now: now,
                rules: nil)
        }
        let template = try folder.write("t.toml", "currency = \"USD\"\n")
        let demo = try DemoQuery(out: "d", budgetTemplate: URL(fileURLWithPath: template), baseURL: "http://x")
        #expect(demo.budgetTemplateText == "currency = \"USD\"\n" && demo.out == "d" && demo.baseURL == "http://x")
        #expect(
            throws: PlannerError(
                "the bundled budget template is missing from this build", hint: "rebuild with `swift build`")
        ) { try DemoQuery(out: "d", budgetTemplate: nil, baseURL: "http://x") }
    }

    @Test("users add, disable and reset say what they did, with the sign-in link when one was issued")
    func accountChanges() throws {
        let account = WebAccount(
            id: 1, name: "rosa", role: .volunteer, volunteer: "Rosa Demo", isDisabled: false, hasPassword: false,
            createdAt: Date(timeIntervalSince1970: 0))
        let link = "http://127.0.0.1:8080/welcome/abc"
        #expect(
            try AccountChangeReport(.added, account, welcomeLink: link).render(.table)
                == "Added volunteer rosa\nOne-time sign-in link (valid 7 days): \(link)")
        #expect(try AccountChangeReport(.added, account).render(.table) == "Added volunteer rosa")
        #expect(try AccountChangeReport(.disabled, account).render(.table) == "Disabled rosa; its sessions have ended.")
        #expect(
            try AccountChangeReport(.reset, account, welcomeLink: link).render(.table)
                == "Reset rosa\nOne-time sign-in link (valid 7 days): \(link)")
        #expect(throws: PlannerError.self) { try AccountChangeReport(.reset, account).render(.json) }
    }

    @Test("members consent: a STOP reply is do-not-text from stop-reply; a lift needs a reason")
    func consentQuery() throws {
        let now = Date(timeIntervalSince1970: 0)
        let stop = try MemberConsentQuery(
            member: "1042", set: [.doNotCall], clear: [], stopReply: true, actor: "ana", reason: nil, now: now)
        #expect(stop.set == [.doNotCall, .doNotText] && stop.source == .stopReply && stop.member == MemberID("1042"))
        let lift = try MemberConsentQuery(
            member: "1042", set: [], clear: [.doNotCall], stopReply: false, actor: nil, reason: "asked", now: now)
        #expect(lift.clear == [.doNotCall] && lift.source == .organizer && lift.set.isEmpty)
        #expect(
            message {
                _ = try MemberConsentQuery(
                    member: "1", set: [], clear: [.deceased], stopReply: false, actor: nil, reason: " ", now: now)
            } == "lifting a consent flag needs --reason TEXT (it is kept in the consent log)")
        #expect(
            message {
                _ = try MemberConsentQuery(
                    member: "1", set: [], clear: [.doNotText], stopReply: true, actor: nil, reason: "r", now: now)
            } == "--stop-reply records an opt-out; do not combine it with --allow-…")
    }

    @Test("the options the CLI used to turn into queries itself: consent flags, --weight, --map/--preset, countries")
    func queriesFromOptionsAsTyped() throws {
        let now = Date(timeIntervalSince1970: 0)
        let consent = try MemberConsentQuery(
            member: "1042", setting: [.doNotCall: true, .doNotText: false, .deceased: true],
            lifting: [.doNotContact: true, .doNotText: false], stopReply: false, actor: "ana", reason: "asked",
            now: now)
        #expect(consent.set == [.doNotCall, .deceased] && consent.clear == [.doNotContact] && consent.actor == "ana")
        let byUser = try MemberConsentQuery(
            member: "1", setting: [:], lifting: [:], stopReply: false, actor: nil, reason: nil, now: now)
        #expect(byUser.actor == ProcessInfo.processInfo.environment["USER"] && !byUser.asksForChange)

        let rank = try RankQuery(
            radiusKm: 30, base: nil, limit: 5, country: "US", minUnaffiliated: 2, weightsFile: nil,
            weights: ["unaffiliated=2"], explain: nil, order: .score, settingsFile: nil)
        #expect(rank.weightOverrides.count == 1 && rank.limit == 5 && rank.radiusKm == 30)
        #expect(
            message {
                _ = try RankQuery(
                    radiusKm: 25, base: nil, limit: 0, country: nil, minUnaffiliated: 0, weightsFile: nil,
                    weights: [], explain: nil, order: .score, settingsFile: nil)
            } == "--limit must be at least 1 (got 0)")
        #expect(
            message {
                _ = try RankQuery(
                    radiusKm: 25, base: nil, limit: nil, country: nil, minUnaffiliated: 0, weightsFile: nil,
                    weights: ["speed"], explain: nil, order: .score, settingsFile: nil)
            }?.hasPrefix("--weight \"speed\" must be NAME=NUMBER") == true)

        let preset = try ImportQuery(
            files: ["a.csv"], format: nil, encoding: .utf8, maxErrors: 0, dryRun: true, mapFile: nil,
            preset: "Action_Network", resolvePlaces: false, now: now)
        #expect(preset.mapping == ColumnMapping.preset(named: "actionnetwork"))
        #expect(preset.dryRun && !preset.resolvePlaces)
        let detected = try ImportQuery(
            files: ["a.csv"], format: nil, encoding: .utf8, maxErrors: 0, dryRun: false, mapFile: nil, preset: nil,
            resolvePlaces: true, now: now)
        #expect(detected.mapping == nil)
        #expect(throws: PlannerError.self) {
            try ImportQuery(
                files: [], format: nil, encoding: .utf8, maxErrors: 0, dryRun: false,
                mapFile: "/nonexistent/map.toml", preset: nil, resolvePlaces: true, now: now)
        }

        let everywhere = PlaceResolutionQuery(text: "Richmond", countryOptions: [])
        #expect(everywhere.organizationCountries == nil && everywhere.storeAccess == .ifPresent)
        let given = PlaceResolutionQuery(text: "Richmond", countryOptions: ["US", "US", "CA"])
        #expect(given.organizationCountries == ["US", "CA"] && given.storeAccess == StoreAccess.none)
        let leg = RouteQuery(from: "A", to: "B", matrixFile: nil, countryOptions: [], trafficMargin: 0.1)
        #expect(leg.storeAccess == .ifPresent && leg.trafficMargin == 0.1)
        let legGiven = RouteQuery(from: "A", to: "B", matrixFile: nil, countryOptions: ["NO"], trafficMargin: 0)
        #expect(legGiven.organizationCountries == ["NO"] && legGiven.storeAccess == StoreAccess.none)
        #expect(try Planner.withoutStore().store == nil)
    }
}
