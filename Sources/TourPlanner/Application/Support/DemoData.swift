import Foundation

/// The demo's fixed inputs (volunteers, clock) and the file helpers it writes with.
///
/// `rankingCSV` and `callSheet` repeat, for the demo only, what `rank --format csv` and
/// `calls list` do in the CLI today; they go when those commands' use cases are in the library.
enum DemoData {
    static let volunteersCSV = """
        name,phone,time_zone,languages,max_calls_per_day
        Rosa Demo,+1 212 555 0100,America/New_York,"English,Spanish",40
        Sam Demo,+1 212 555 0101,America/New_York,English,40

        """

    static let sampleFileName = "sample-members.csv"
    /// 2014-06-01 09:30 UTC: when the sample is imported.
    static let importedAt = Date(timeIntervalSince1970: 1_401_615_000)
    /// Sunday 2014-06-01 09:00 in New York: when the reminders are scheduled.
    static let scheduledAt = Date(timeIntervalSince1970: 1_401_627_600)

    /// The demo replaces DIR/tourplan.sqlite only when it is missing or an earlier demo's store,
    /// never a store with other imports (`demo --out .` next to a real tourplan.sqlite).
    static func checkReplaceable(_ databasePath: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else { return }
        // A store in WAL mode keeps its -wal and -shm files while a connection has it open (they
        // go when the last one closes): replacing the file under a running `tourplan serve`
        // would leave the server reading and writing a deleted file.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            throw PlannerError(
                "\(databasePath) is open in another program (its \(suffix) file exists), probably `tourplan serve`",
                hint:
                    "stop that program first (Ctrl-C), then run the demo again; if nothing has the store open, "
                    + "delete \(databasePath)-wal and \(databasePath)-shm")
        }
        guard let imports = TourDatabase.importedFileNames(atPath: databasePath) else {
            throw PlannerError(
                "\(databasePath) exists and is not a demo store; the demo would replace it",
                hint: "choose another --out folder (the demo writes its own tourplan.sqlite there)")
        }
        let others = imports.filter { $0 != sampleFileName }
        if !others.isEmpty {
            throw PlannerError(
                "\(databasePath) holds your imports (\(others.joined(separator: ", "))); the demo would replace it",
                hint: "choose another --out folder (the demo writes its own tourplan.sqlite there)")
        }
    }

    static func write(_ text: String, to path: String) throws {
        try PlannerFiles.write(text, to: path, detailed: true, hint: "choose another --out folder")
    }

    /// Files holding personal data (the call sheets) are created 0600.
    static func writePrivate(_ text: String, to path: String) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) { try fileManager.removeItem(atPath: path) }
        guard fileManager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw PlannerError("\(path): cannot be written", hint: "check that the folder exists and is writable")
        }
    }

    static let rankingHeader = [
        "rank", "metro", "country", "cities", "lat", "lon", "unaffiliated", "organizers", "hosts", "womenShare",
        "nearestChapterKm", "baseKm", "score", "chapterProbability",
    ]

    /// The ranking as `rank --format csv` writes it.
    static func rankingCSV(_ ranking: MetroRanking) -> String {
        func number(_ value: Double?, digits: Int = 1) -> String {
            value.map { String(format: "%.\(digits)f", $0) } ?? ""
        }
        let rows = ranking.metros.map { metro in
            [
                "\(metro.rank)", metro.metro, metro.country ?? "", metro.cities.joined(separator: "; "),
                String(format: "%.5f", metro.latitude), String(format: "%.5f", metro.longitude),
                "\(metro.unaffiliated)", "\(metro.organizers)", "\(metro.hosts)", number(metro.womenShare, digits: 3),
                number(metro.nearestChapterKm), number(metro.baseKm), number(metro.score, digits: 3),
                number(metro.chapter?.probability, digits: 4),
            ]
        }
        return CSVWriter.render(header: rankingHeader, rows: rows)
    }

    /// A volunteer's call sheet for `date`, as `calls list` makes it.
    static func callSheet(
        store: TourDatabase, volunteerName: String, date: CalendarDate, rules: ReminderRules,
        phones: PhoneNumberNormalizer
    ) throws -> CallSheet {
        let volunteer = try Volunteer.find(volunteerName, in: try store.volunteers())
        let tasks = try store.tasks().filter { $0.volunteer == volunteer.name }
        var contacts: [MemberID: CallSheet.Contact] = [:]
        var outcomes: [MemberID: [String]] = [:]
        for (id, detail) in try store.contactDetails(tasks.map(\.memberId)) {
            contacts[id] = CallSheet.Contact(
                name: detail.name, firstName: detail.firstName, phoneRaw: detail.phoneRaw, phoneE164: detail.phoneE164,
                languages: detail.languages, countryCode: detail.countryCode)
            outcomes[id] = try store.outcomes(memberID: id).map {
                "\(LocalClock.iso($0.recordedAt, zone: volunteer.timeZone).prefix(10)) \($0.outcome)"
            }
        }
        let events = Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return CallSheet.make(
            volunteer: volunteer, date: date, tasks: tasks, events: events, contacts: contacts,
            confirmed: Set(try store.rsvps().filter { $0.value == .rsvpYes }.keys), outcomes: outcomes, rules: rules,
            nationalForm: { phones.nationalForm($0) },
            internationalForm: { phones.internationalForm($0) },
            isDomestic: { phones.isDomestic($0, in: $1) })
    }

    /// The demo's web app accounts, each with a one-time link: `organizer`, `treasurer`, and one
    /// volunteer account per demo volunteer, named by the first word of the volunteer's name in
    /// lower case (Rosa Demo → `rosa`).
    static func addAccounts(links: WelcomeLinks, volunteers: [Volunteer], now: Date) throws -> [DemoReport.Account] {
        var wanted: [(name: String, role: WebAccount.Role, volunteer: String?)] = [
            ("organizer", .organizer, nil), ("treasurer", .treasurer, nil),
        ]
        for volunteer in volunteers {
            let first = volunteer.name.split(separator: " ").first.map(String.init) ?? volunteer.name
            wanted.append((first.lowercased(), .volunteer, volunteer.name))
        }
        return try wanted.map { want in
            let added = try links.addAccount(name: want.name, role: want.role, volunteer: want.volunteer, now: now)
            return DemoReport.Account(
                name: added.account.name, role: added.account.role, volunteer: added.account.volunteer, link: added.link
            )
        }
    }
}
