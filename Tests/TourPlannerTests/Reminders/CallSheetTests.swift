import Foundation
import Testing

@testable import TourPlanner

@Suite("Call sheets: spoken dates, venue, numbers, calendar slots")
struct CallSheetTests {
    static let rules: ReminderRules = {
        do { return try ReminderRules.loadBundled() } catch { return ReminderRules() }
    }()

    static func task(_ member: String, kind: ReminderKind, start: String, end: String, event: OutreachEvent) throws
        -> ReminderTask
    {
        ReminderTask(
            memberId: MemberID(member), kind: kind, eventId: event.id,
            eventStart: try #require(event.startInstant), windowStart: try ReminderSchedulerTests.instant(start),
            windowEnd: try ReminderSchedulerTests.instant(end), timeZone: "America/New_York", volunteer: "Rosa",
            status: .pending, attempt: 0, note: nil)
    }

    static func sheet(
        _ tasks: [ReminderTask], event: OutreachEvent, languages: [String] = ["English"],
        volunteerCountry: String? = nil,
        confirmed: Set<String> = []
    ) -> CallSheet {
        let contacts = Dictionary(
            uniqueKeysWithValues: tasks.map {
                (
                    $0.memberId,
                    CallSheet.Contact(
                        name: "Ada Example", firstName: "Ada", phoneRaw: "(617) 555-0152", phoneE164: "+16175550152",
                        languages: languages, countryCode: "US")
                )
            })
        return CallSheet.make(
            volunteer: Volunteer(name: "Rosa", timeZone: "America/New_York", countryCode: volunteerCountry),
            date: CalendarDate(year: 2014, month: 6, day: 2), tasks: tasks, events: [event.id: event],
            contacts: contacts, confirmed: confirmed, outcomes: [:], rules: rules,
            nationalForm: { _ in "(617) 555-0152" })
    }

    @Test(
        "dates and times are spoken in the member's language",
        arguments: [
            (["Spanish"], "sábado 7 de junio", "10:00"), (["English"], "Saturday, June 7", "10:00 AM"),
            (["Norsk"], "lørdag 7. juni", "10:00"), (["Deutsch"], "Samstag, 7. Juni", "10:00"),
            (["French"], "samedi 7 juin", "10:00"),
        ])
    func spokenDates(languages: [String], date: String, time: String) {
        #expect(SpokenDate.date(CalendarDate(year: 2014, month: 6, day: 7), languages: languages) == date)
        #expect(SpokenDate.time(LocalTime(hour: 10, minute: 0), languages: languages) == time)
    }

    @Test("a Spanish script says the date in Spanish and, with no venue yet, says so in Spanish and warns")
    func spanishScript() throws {
        let event = try ReminderSchedulerTests.event("2014-06-07")
        let task = try Self.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        let row = try #require(Self.sheet([task], event: event, languages: ["Spanish"]).rows.first)
        #expect(
            row.script
                == "Hola Ada, soy Rosa de la organización. Tendremos una capacitación para formar un capítulo en Boston el sábado 7 de junio a las 10:00 (lugar por confirmar). ¿Puedes venir?"
        )
        #expect(row.warnings == ["venue not set yet: do not name one (`tourplan events add … --venue`)"])
        var withVenue = event
        withVenue.venue = "Biblioteca Central"
        let known = try #require(Self.sheet([task], event: withVenue, languages: ["Spanish"]).rows.first)
        #expect(known.script.contains("(Biblioteca Central)") && known.warnings.isEmpty)
    }

    @Test(
        "every bundled language has all five scripts, filled with its own date words and no placeholder left",
        arguments: [
            (
                "French",
                "Bonjour Ada, ici Rosa, de l'organisation. Nous organisons une formation pour créer un groupe local à Boston le samedi 7 juin à 10:00 (Library). Pouvez-vous venir ?"
            ),
            (
                "Português",
                "Olá Ada, fala Rosa, da organização. Vamos realizar uma formação para criar um núcleo local em Boston: sábado, 7 de junho, às 10:00 (Library). Pode vir?"
            ),
            (
                "Italiano",
                "Ciao Ada, sono Rosa dell'organizzazione. Terremo una formazione per fondare un gruppo locale a Boston sabato 7 giugno alle 10:00 (Library). Puoi venire?"
            ),
            (
                "Dutch",
                "Hallo Ada, met Rosa van de organisatie. We geven op zaterdag 7 juni om 10:00 in Boston (Library) een training om een lokale afdeling op te richten. Kom je ook?"
            ),
            (
                "Svenska",
                "Hej Ada, det här är Rosa från organisationen. Vi håller en utbildning för att starta en lokalavdelning i Boston lördag 7 juni kl. 10:00 (Library). Kan du komma?"
            ),
            (
                "Dansk",
                "Hej Ada, det er Rosa fra organisationen. Vi holder et kursus i at starte en lokalafdeling i Boston lørdag 7. juni kl. 10:00 (Library). Kan du komme?"
            ),
        ])
    func bundledLanguages(language: String, followUp: String) throws {
        let event = try ReminderSchedulerTests.event("2014-06-07", venue: "Library")
        let task = try Self.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        #expect(try #require(Self.sheet([task], event: event, languages: [language]).rows.first).script == followUp)
        let code = ReminderRules.languageCode(language)
        #expect(code.count == 2 && code != "en")
        for kind in ScriptKind.allCases {
            #expect(Self.rules.scriptLanguage(kind, languages: [language]) == code, "\(kind)")
            let text = Self.rules.spokenScript(
                kind, languages: [language], event: event, firstName: "Ada", volunteer: "Rosa")
            #expect(!text.contains("{") && !text.contains("}"), "\(kind): \(text)")
        }
    }

    @Test(
        "languages as members and other tools write them: names in several languages, codes, tags, qualified names",
        arguments: [
            ("Français", "fr"), ("fr-CA", "fr"), ("Französisch", "fr"), ("pt-BR", "pt"), ("Brazilian Portuguese", "pt"),
            ("Português (Brasil)", "pt"), ("en_GB", "en"), ("ENGLISH ", "en"), ("nb-NO", "no"), ("Bokmål", "no"),
            ("Spanisch", "es"), ("Español (México)", "es"), ("Nederlands", "nl"), ("Vlaams", "nl"), ("sv-SE", "sv"),
            ("Dansk", "da"), ("Italiano", "it"), ("Suomi", "suomi"), ("fi", "fi"), ("no preference", "no preference"),
        ])
    func languageCodes(name: String, code: String) {
        #expect(ReminderRules.languageCode(name) == code)
    }

    @Test("a language without a script hears the English script with English dates, never a mix")
    func noMixedLanguages() throws {
        let event = try ReminderSchedulerTests.event("2014-06-07", venue: "Library")
        // Rules with English and Spanish scripts only: a French speaker gets English, French-and-Spanish gets Spanish
        let rules = try ReminderRules.parse(
            """
            [scripts.en]
            followUpCall = "Hi {firstName}: {metro}, {date} at {time}."
            [scripts.es]
            followUpCall = "Hola {firstName}: {metro}, el {date} a las {time}."
            """, fileName: "rules.toml")
        let french = rules.spokenScript(
            .followUpCall, languages: ["French"], event: event, firstName: "Ada", volunteer: "Rosa")
        #expect(french == "Hi Ada: Boston, Saturday, June 7 at 10:00 AM.")
        let both = rules.spokenScript(
            .followUpCall, languages: ["French", "Spanish"], event: event, firstName: "Ada", volunteer: "Rosa")
        #expect(both == "Hola Ada: Boston, el sábado 7 de junio a las 10:00.")
        #expect(rules.scriptLanguage(.followUpCall, languages: ["Finnish", "French"]) == "en")
    }

    @Test("the reminder call thanks only a member who said yes; others are invited, not told they agreed")
    func reminderScripts() throws {
        let event = try ReminderSchedulerTests.event("2014-06-07", venue: "Library")
        let task = try Self.task(
            "1", kind: .reminderCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        let unreached = try #require(Self.sheet([task], event: event).rows.first).script
        #expect(unreached.hasSuffix("Can you come?") && !unreached.contains("Thank you"))
        let yes = try #require(Self.sheet([task], event: event, confirmed: ["\(event.id)/1"]).rows.first).script
        #expect(yes.contains("Thank you for saying you'll come"))
    }

    @Test("the number is national for a volunteer in the member's country, international otherwise")
    func dialFormat() throws {
        let event = try ReminderSchedulerTests.event("2014-06-07", venue: "Library")
        let task = try Self.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        #expect(Self.sheet([task], event: event, volunteerCountry: "US").rows.first?.dial == "(617) 555-0152")
        #expect(Self.sheet([task], event: event, volunteerCountry: "NO").rows.first?.dial == "+16175550152")
    }

    /// Three calls share the window 10:00–20:00 EDT (14:00Z–24:00Z): 14:00–14:15Z, 14:15–14:30Z, 14:30–14:45Z.
    @Test("the calendar spreads calls sharing a window one after another")
    func icsSlots() throws {
        let event = try ReminderSchedulerTests.event("2014-06-07", venue: "Library")
        let tasks = try ["1", "2", "3"].map {
            try Self.task(
                $0, kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        }
        let ics = Self.sheet(tasks, event: event).ics()
        let starts = ics.split(separator: "\r\n").filter { $0.hasPrefix("DTSTART:") }
        let ends = ics.split(separator: "\r\n").filter { $0.hasPrefix("DTEND:") }
        #expect(starts == ["DTSTART:20140602T140000Z", "DTSTART:20140602T141500Z", "DTSTART:20140602T143000Z"])
        #expect(ends == ["DTEND:20140602T141500Z", "DTEND:20140602T143000Z", "DTEND:20140602T144500Z"])
    }
}

@Suite("Volunteers: names, hours, the volunteers file")
struct VolunteerTests {
    static let team = [
        Volunteer(name: "Rosa Demo", timeZone: "America/New_York"),
        Volunteer(name: "Kari Nordmann", timeZone: "Europe/Oslo"),
        Volunteer(name: "Karl Marx", timeZone: "Europe/Berlin"),
    ]

    @Test("a unique name prefix, any case, finds the volunteer")
    func prefix() throws {
        #expect(try Volunteer.find("Rosa", in: Self.team).name == "Rosa Demo")
        #expect(try Volunteer.find("kari", in: Self.team).name == "Kari Nordmann")
    }

    @Test("an ambiguous prefix lists the candidates")
    func ambiguous() {
        #expect(throws: ReminderError.self) { try Volunteer.find("Kar", in: Self.team) }
        do {
            _ = try Volunteer.find("Kar", in: Self.team)
        } catch let error as ReminderError {
            #expect(error.problem == "\"Kar\" matches 2 volunteers: Kari Nordmann, Karl Marx")
        } catch {}
    }

    @Test("the volunteers file takes calling hours and a country, and rejects bad hours with the line")
    func file() throws {
        let text =
            "name,phone,time_zone,languages,max_calls_per_day,calling_hours,country\nKari,,Europe/Oslo,Norsk,30,17:00-21:00,no\n"
        let volunteers = try VolunteerFile.parse(text, fileName: "volunteers.csv")
        #expect(volunteers.first?.callingHours == HoursRange("17:00-21:00") && volunteers.first?.countryCode == "NO")
        let bad = "name,time_zone,calling_hours\nKari,Europe/Oslo,21:00-17:00\n"
        #expect(throws: SettingsError.self) { try VolunteerFile.parse(bad, fileName: "volunteers.csv") }
        do {
            _ = try VolunteerFile.parse(bad, fileName: "volunteers.csv")
        } catch let error as SettingsError {
            #expect(error.line == 2 && error.key == "calling_hours")
        }
    }
}

@Suite("Reminder rules file")
struct ReminderRulesTests {
    @Test("the bundled rules parse, texts go to those who said yes, and every script exists in every language")
    func bundled() throws {
        let rules = try ReminderRules.loadBundled()
        #expect(rules.textAudience == .confirmed && rules.followUpWithinDays == 2 && rules.reminderCallDaysBefore == 3)
        for language in ["en", "es", "no", "de"] {
            #expect(
                Set(rules.scripts[language]?.keys.map(\.rawValue) ?? []) == Set(ScriptKind.allCases.map(\.rawValue)))
        }
    }

    @Test("a removed or wrong cadence key names the file and line")
    func badKeys() {
        #expect(throws: SettingsError.self) {
            try ReminderRules.parse("[cadence]\ninvite_call_offset_days = 0\n", fileName: "r.toml")
        }
        do {
            _ = try ReminderRules.parse("[cadence]\nreminder_text_to = \"maybe\"\n", fileName: "r.toml")
            Issue.record("accepted reminder_text_to = maybe")
        } catch let error as SettingsError {
            #expect(error.file == "r.toml" && error.line == 2 && error.key == "reminder_text_to")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Call sheets: the number decides how it is dialled")
struct CallSheetDialTests {
    @Test("a US volunteer dials a Boston member's UK phone in full, a US phone nationally; a UK volunteer the reverse")
    func byCallingCode() throws {
        let phones = try #require(PhoneNumberNormalizer.loadBundled())
        let event = try ReminderSchedulerTests.event("2014-06-07")
        let uk = try CallSheetTests.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        let us = try CallSheetTests.task(
            "2", kind: .followUpCall, start: "2014-06-02T15:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        // Both members live in Boston (address country US); member 1's phone is British
        let contacts: [MemberID: CallSheet.Contact] = [
            MemberID("1"): CallSheet.Contact(
                name: "Ada One", firstName: "Ada", phoneRaw: "+44 20 7946 0958", phoneE164: "+442079460958",
                languages: ["English"], countryCode: "US"),
            MemberID("2"): CallSheet.Contact(
                name: "Bo Two", firstName: "Bo", phoneRaw: "617 555 0152", phoneE164: "+16175550152",
                languages: ["English"], countryCode: "US"),
        ]
        func dials(volunteerCountry: String) -> [String] {
            CallSheet.make(
                volunteer: Volunteer(name: "Rosa", timeZone: "America/New_York", countryCode: volunteerCountry),
                date: CalendarDate(year: 2014, month: 6, day: 2), tasks: [uk, us], events: [event.id: event],
                contacts: contacts, outcomes: [:], rules: CallSheetTests.rules,
                nationalForm: { phones.nationalForm($0) }, isDomestic: { phones.isDomestic($0, in: $1) }
            ).rows.map(\.dial)
        }
        #expect(dials(volunteerCountry: "US") == ["+442079460958", "(617) 555-0152"])
        #expect(dials(volunteerCountry: "GB") == ["020 7946 0958", "+16175550152"])
        // The printout shows a number dialled in full grouped, and links it as E.164
        let sheet = CallSheet.make(
            volunteer: Volunteer(name: "Rosa", timeZone: "America/New_York", countryCode: "US"),
            date: CalendarDate(year: 2014, month: 6, day: 2), tasks: [uk, us], events: [event.id: event],
            contacts: contacts, outcomes: [:], rules: CallSheetTests.rules, nationalForm: { phones.nationalForm($0) },
            internationalForm: { phones.internationalForm($0) }, isDomestic: { phones.isDomestic($0, in: $1) })
        #expect(sheet.rows.map(\.dial) == ["+442079460958", "(617) 555-0152"])
        let html = try sheet.html()
        #expect(html.contains("<a href=\"tel:+442079460958\">+44 20 7946 0958</a>"))
        #expect(html.contains("<a href=\"tel:+16175550152\">(617) 555-0152</a>"))
        #expect(phones.isDomestic("+442079460958", in: "gb") == true)
        #expect(phones.isDomestic("+442079460958", in: "ZZ") == nil)
    }
}

@Suite("Call sheets: an extension typed after the number")
struct CallSheetExtensionTests {
    @Test("the extension the E.164 form drops is dialled after the number, and the tel: link carries it")
    func extensionKept() throws {
        let phones = try #require(PhoneNumberNormalizer.loadBundled())
        let event = try ReminderSchedulerTests.event("2014-06-07")
        let task = try CallSheetTests.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        // Given a member imported with "+1-617-555-0161 ext. 12" (E.164: +16175550161)
        let contacts = [
            MemberID("1"): CallSheet.Contact(
                name: "Ivo Example", firstName: "Ivo", phoneRaw: "+1-617-555-0161 ext. 12",
                phoneE164: "+16175550161", languages: ["English"], countryCode: "US")
        ]
        // When a US and a British volunteer get the sheet
        func sheet(volunteerCountry: String) -> CallSheet {
            CallSheet.make(
                volunteer: Volunteer(name: "Rosa", timeZone: "America/New_York", countryCode: volunteerCountry),
                date: CalendarDate(year: 2014, month: 6, day: 2), tasks: [task], events: [event.id: event],
                contacts: contacts, outcomes: [:], rules: CallSheetTests.rules,
                nationalForm: { phones.nationalForm($0) }, isDomestic: { phones.isDomestic($0, in: $1) })
        }
        func row(volunteerCountry: String) throws -> CallSheet.Row {
            try #require(sheet(volunteerCountry: volunteerCountry).rows.first)
        }
        // Then both dial the extension, and the link is RFC 3966's tel:+16175550161;ext=12
        let home = try row(volunteerCountry: "US")
        #expect(home.dial == "(617) 555-0161 ext. 12")
        #expect(home.telURI == "tel:+16175550161;ext=12")
        #expect(try row(volunteerCountry: "GB").dial == "+16175550161 ext. 12")
        #expect(
            try sheet(volunteerCountry: "US").html().contains(
                "<a href=\"tel:+16175550161;ext=12\">(617) 555-0161 ext. 12</a>"))
    }
}

@Suite("Call sheets: the CSV opens in a spreadsheet intact")
struct CallSheetSpreadsheetTests {
    @Test(
        "the file starts with a UTF-8 byte-order mark, and phone and dial stay text (leading ' on E.164; a grouped national number is text already)"
    )
    func spreadsheetSafe() throws {
        let phones = try #require(PhoneNumberNormalizer.loadBundled())
        let event = try ReminderSchedulerTests.event("2014-06-07")
        let task = try CallSheetTests.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        // Given a member with a British phone, called by a volunteer in Britain (national form 0…)
        let contacts = [
            MemberID("1"): CallSheet.Contact(
                name: "Zoë O'Brien", firstName: "Zoë", phoneRaw: "+44 20 7946 0958", phoneE164: "+442079460958",
                languages: ["English"], countryCode: "GB")
        ]
        let sheet = CallSheet.make(
            volunteer: Volunteer(name: "Rosa", timeZone: "Europe/London", countryCode: "GB"),
            date: CalendarDate(year: 2014, month: 6, day: 2), tasks: [task], events: [event.id: event],
            contacts: contacts, outcomes: [:], rules: CallSheetTests.rules,
            nationalForm: { phones.nationalForm($0) }, isDomestic: { phones.isDomestic($0, in: $1) })
        // When it is written as CSV
        let csv = sheet.csv()
        // Then Excel reads it as UTF-8, and neither number turns into a spreadsheet number
        #expect(csv.hasPrefix("\u{FEFF}task,kind,member,name,phone,dial,"))
        let record = try #require(csv.split(separator: "\r\n").dropFirst().first)
        #expect(record.contains(",\"Zoë O'Brien\",\"'+442079460958\",020 7946 0958,"))
        // and an outcomes file saved from it with its byte-order mark still reads
        let entries = try OutcomeFile.parse("\u{FEFF}task,outcome\r\n\(task.taskId),reached\r\n", fileName: "o.csv")
        #expect(entries.map(\.taskID) == [task.taskId])
    }
}
