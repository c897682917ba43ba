// In-process benchmarks for the figures the issues name (release build):
//   swift run -c release tourplan-bench            (every figure)
//   swift run -c release tourplan-bench reminders  (the reminders figure alone)
// Prints one line per figure. Not a test: timings depend on the machine.
import Foundation
import TourPlanner

func measure<T>(_ label: String, repeats: Int = 3, _ body: () throws -> T) rethrows -> T {
    func timed() throws -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    var (result, best) = try timed()
    for _ in 1..<max(1, repeats) {
        let (value, seconds) = try timed()
        result = value
        best = min(best, seconds)
    }
    print(String(format: "%-58@ %9.3f s (best of %d)", label as NSString, best, repeats))
    return result
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
var random = SplitMix(state: 42)

// `tourplan-bench reminders` runs only the reminders figure, so that the process's peak RSS
// (`/usr/bin/time -v`) is its own.
let only = CommandLine.arguments.dropFirst().first

// `tourplan-bench import FILE DB [--no-resolve]` runs the same use case as `tourplan import`
// (for profiling the import without the CLI and server around it).
if only == "import" {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    guard arguments.count >= 2 else {
        print("usage: tourplan-bench import FILE DB [--no-resolve]")
        exit(64)
    }
    let planner = Planner(store: try TourDatabase.openOrCreate(path: arguments[1]), resources: try PlannerResources())
    let started = Date()
    let report = try await planner.importMembers(
        ImportQuery(files: [arguments[0]], resolvePlaces: !arguments.contains("--no-resolve"), now: Date()))
    print(
        "import: \(String(format: "%.2f", Date().timeIntervalSince(started))) s wall, "
            + "CPU \(String(format: "%.2f", processCPUSeconds())) s, peak RSS \(Int(peakRSSMegabytes())) MB, "
            + "failed: \(report.failed)")
    exit(0)
}
if only != "reminders" {
    // 1. Gazetteer load.
    let gazetteer = try measure("gazetteer load (69,472 places, all keys indexed)", repeats: 3) {
        try Gazetteer.loadBundled()
    }
    let resolver = CityResolver(gazetteer: gazetteer)

    // 2. Resolving 1,000,000 members with 30,000 distinct place strings: 30,000 resolutions
    //    (as typed: real names, case and spacing variations, region codes or names, 2% typos),
    //    then one cached lookup per member.
    var distinct: [PlaceKey] = []
    var seen = Set<String>()
    let sample = gazetteer.entries.filter { $0.population > 20_000 }
    while distinct.count < 30_000 {
        let entry = sample[Int(random.next() % UInt64(sample.count))]
        var city = entry.name
        switch random.next() % 5 {
        case 0: city = city.lowercased()
        case 1: city = city.uppercased()
        case 2: city = " " + city + " "
        default: break
        }
        if random.next() % 50 == 0, city.count > 6 {
            var letters = Array(city)
            letters.swapAt(2, 3)
            city = String(letters)
        }
        // The member's own region code (as GeoNames writes it: the state code in the US) or none.
        let region = random.next() % 2 == 0 ? entry.admin1 : ""
        let key = PlaceKey(
            city: city, region: region.isEmpty ? nil : region, country: random.next() % 2 == 0 ? entry.countryCode : nil
        )
        if seen.insert(key.rawValue).inserted { distinct.append(key) }
    }
    let members = (0..<1_000_000).map { _ in distinct[Int(random.next() % UInt64(distinct.count))].rawValue }
    let resolved = measure("resolve 1,000,000 members / 30,000 distinct strings", repeats: 1) { () -> Int in
        var cache: [String: PlaceResolution] = [:]
        cache.reserveCapacity(distinct.count)
        for key in distinct { cache[key.rawValue] = resolver.resolve(key) }
        var count = 0
        for member in members where cache[member]?.entry != nil { count += 1 }
        return count
    }
    print("  resolved members: \(resolved) of 1,000,000; peak RSS so far \(Int(peakRSSMegabytes())) MB")

    // 3. Tour planning: the 2014 East Coast tour (4 stops) and 15 stops with two teams.
    let newYork = PlanPlace(name: "New York", latitude: 40.7128, longitude: -74.0060, timeZone: "America/New_York")
    func stop(_ name: String, _ lat: Double, _ lon: Double, _ value: Double) -> TourCandidate {
        TourCandidate(
            metro: name, cities: [name], point: GeoPoint(latitude: lat, longitude: lon), timeZone: "America/New_York",
            value: value)
    }
    let east = [
        stop("Baltimore", 39.2904, -76.6122, 11), stop("Boston", 42.3601, -71.0589, 29),
        stop("Philadelphia", 39.9526, -75.1652, 10), stop("Washington", 38.9072, -77.0369, 9),
    ]
    let summer = (CalendarDate(year: 2014, month: 6, day: 7), CalendarDate(year: 2014, month: 8, day: 31))
    // The default day rules with Friday travel evenings, choosing by value (as `tourplan demo` does).
    let dayRules = DayRules(travelDays: [5])
    _ = try measure("tour plan: 2014 East Coast (4 stops, 13 weekends)", repeats: 5) {
        try TourScheduler().plan(
            TourRequest(
                teams: [TourTeam(name: "NY", base: newYork)], candidates: east, from: summer.0, to: summer.1,
                dayRules: dayRules, objective: .maximizeValue))
    }
    let northeast =
        east + [
            stop("Hartford", 41.7658, -72.6734, 8), stop("Providence", 41.8240, -71.4128, 9),
            stop("Albany", 42.6526, -73.7562, 7),
            stop("Pittsburgh", 40.4406, -79.9959, 12), stop("Richmond", 37.5407, -77.4360, 6),
            stop("Harrisburg", 40.2732, -76.8867, 5),
            stop("Worcester", 42.2626, -71.8023, 6), stop("New Haven", 41.3083, -72.9279, 7),
            stop("Syracuse", 43.0481, -76.1474, 5),
            stop("Portland", 43.6591, -70.2568, 6), stop("Burlington", 44.4759, -73.2121, 4),
        ]
    _ = try measure("tour plan: 15 stops, 13 weekends, exact", repeats: 3) {
        try TourScheduler().plan(
            TourRequest(
                teams: [TourTeam(name: "NY", base: newYork)], candidates: northeast, from: summer.0, to: summer.1,
                dayRules: dayRules, objective: .maximizeValue))
    }
    // Beyond the exact planner: 40 and 80 stops within a day's drive of New York, two teams.
    func scattered(_ count: Int) -> [TourCandidate] {
        var random = SplitMix(state: 99)
        return (0..<count).map { index in
            stop(
                "Town \(index)", 39.5 + Double(random.next() % 2500) / 1000,
                -77.0 + Double(random.next() % 5500) / 1000,
                Double(1 + random.next() % 30))
        }
    }
    let boston = PlanPlace(name: "Boston", latitude: 42.3601, longitude: -71.0589, timeZone: "America/New_York")
    let year = (CalendarDate(year: 2014, month: 3, day: 1), CalendarDate(year: 2014, month: 12, day: 31))
    for count in [40, 80] {
        let plan = try measure("tour plan: \(count) stops, 2 teams, 44 weekends (heuristic)", repeats: 3) {
            try TourScheduler().plan(
                TourRequest(
                    teams: [TourTeam(name: "NY", base: newYork), TourTeam(name: "Boston", base: boston)],
                    candidates: scattered(count), from: year.0, to: year.1, dayRules: dayRules,
                    objective: .maximizeValue))
        }
        print(
            "  \(plan.trips.count) trips, \(Int(plan.totals.km)) km vs naive \(Int(plan.naive.km)) km, "
                + "\(plan.unvisited.count) unvisited")
    }
}

// 4. Reminders: 100,000 members across 20 events with 50 volunteers.
let zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/Oslo"]
let events = (0..<20).map { index in
    OutreachEvent(
        metro: "Metro \(index)", cities: ["Metro \(index)"],
        date: CalendarDate(year: 2014, month: 6, day: 7).adding(days: 7 * (index / 2)),
        start: LocalTime(hour: 10, minute: 0), timeZone: zones[index % zones.count], latitude: 40, longitude: -74)
}
let inputs = events.enumerated().map { index, event in
    (
        event,
        (0..<5000).map { member in
            Invitee(
                memberID: MemberID("\(index * 5000 + member)"), firstName: "Ada", name: "Ada Example",
                phoneRaw: "+16175550100", phoneE164: "+16175550100",
                timeZone: event.timeZone, languages: member % 3 == 0 ? ["Spanish"] : ["English"],
                doNotCall: member % 40 == 0, doNotText: false, isUnaffiliated: true)
        }
    )
}
let volunteers = (0..<50).map {
    Volunteer(
        name: "Volunteer \($0)", timeZone: "America/New_York",
        languages: $0 % 4 == 0 ? ["Spanish", "English"] : ["English"])
}
/// CPU seconds used by this process so far: on a loaded machine the wall time overstates the work.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
let cpuBefore = processCPUSeconds()
let scheduled = measure("reminders: 100,000 members, 20 events, 50 volunteers", repeats: 1) {
    ReminderScheduler(rules: ReminderRules()).schedule(
        events: inputs, volunteers: volunteers, existing: [:], now: Date(timeIntervalSince1970: 1_401_627_600)
    ).tasks.count
}
print(
    "  tasks: \(scheduled); CPU \(String(format: "%.3f", processCPUSeconds() - cpuBefore)) s; "
        + "peak RSS \(Int(peakRSSMegabytes())) MB")
