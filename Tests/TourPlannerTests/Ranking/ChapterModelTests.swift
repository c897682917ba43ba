import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Chapter model")
struct ChapterModelTests {
    /// Parameters where every invited member comes (or not) with probability `p` and stays.
    func plain(_ p: Double, minMembers: Int = 5, minWomenShare: Double = 0) -> ChapterModelParameters {
        var parameters = ChapterModelParameters()
        parameters.responseRate = p
        parameters.organizerResponseRate = p
        parameters.retentionRate = 1
        parameters.organizerRetentionRate = 1
        parameters.minMembers = minMembers
        parameters.minWomenShare = minWomenShare
        return parameters
    }

    @Test("10 members at 50% with the 5-member rule is the binomial tail 638/1024")
    func binomialTail() {
        // P(Bin(10, ½) ≥ 5) = (252 + 210 + 120 + 45 + 10 + 1) / 1024 = 638 / 1024.
        let chance = ChapterModel.chance(pool: ChapterPool(members: 10), parameters: plain(0.5))
        #expect(abs(chance.probability - 638.0 / 1024.0) < 1e-12)
        #expect(abs(chance.expectedContinuing - 5) < 1e-12)
    }

    @Test("the women rule equals a count over every subset of attendees")
    func womenRuleByEnumeration() {
        // 10 members, 4 of them women (all stated a gender), each keeps meeting with p = 0.4.
        // A subset founds a chapter when it has ≥ 5 people and women ≥ 30% of them.
        let p = 0.4
        var expected = 0.0
        for mask in 0..<(1 << 10) {
            let size = mask.nonzeroBitCount
            let women = (mask & 0b1111).nonzeroBitCount
            let weight = pow(p, Double(size)) * pow(1 - p, Double(10 - size))
            if size >= 5, Double(women) >= 0.3 * Double(size) - 1e-12 { expected += weight }
        }
        let chance = ChapterModel.chance(
            pool: ChapterPool(members: 10, genderStated: 10, women: 4),
            parameters: plain(p, minWomenShare: 0.30))
        #expect(abs(chance.probability - expected) < 1e-12)
    }

    @Test("no women means no chapter under a 30% rule")
    func noWomen() {
        let chance = ChapterModel.chance(
            pool: ChapterPool(members: 400, organizers: 5, genderStated: 300, women: 0),
            parameters: ChapterModelParameters())
        #expect(chance.probability == 0)
    }

    @Test("the chance rises with members and with organizers")
    func monotone() {
        let parameters = ChapterModelParameters()
        var previous = -1.0
        for members in stride(from: 0, through: 400, by: 20) {
            let chance = ChapterModel.chance(
                pool: ChapterPool(members: members, genderStated: members, women: members / 2),
                parameters: parameters)
            #expect(chance.probability >= previous)
            previous = chance.probability
        }
        previous = -1
        for organizers in 0...10 {
            let chance = ChapterModel.chance(
                pool: ChapterPool(members: 40, organizers: organizers, genderStated: 40, women: 20),
                parameters: parameters)
            #expect(chance.probability > previous)
            previous = chance.probability
        }
    }

    @Test("four online members rarely found a chapter; a host and a follow-up help, video less")
    func kinds() {
        let parameters = ChapterModelParameters()
        let small = ChapterModel.chance(pool: ChapterPool(members: 4), parameters: parameters)
        #expect(small.probability < 0.001)
        let pool = ChapterPool(members: 120, organizers: 2, genderStated: 100, women: 45)
        let inPerson = ChapterModel.chance(pool: pool, parameters: parameters).probability
        var hosted = pool
        hosted.hosts = 1
        #expect(ChapterModel.chance(pool: hosted, parameters: parameters).probability > inPerson)
        #expect(ChapterModel.chance(pool: pool, parameters: parameters, kind: .followUp).probability > inPerson)
        #expect(ChapterModel.chance(pool: pool, parameters: parameters, kind: .remote).probability < inPerson)
    }

    @Test("a metro of 50,000 members: mass kept, answer finite and near certain")
    func largeMetro() {
        let distribution = CountDistribution.binomial(trials: 50_000, probability: 0.0375)
        let mass = distribution.probabilities.reduce(0, +)
        #expect(abs(mass - 1) < 1e-9)
        #expect(distribution.probabilities.count < 2_000)
        let chance = ChapterModel.chance(
            pool: ChapterPool(members: 50_000, organizers: 300, genderStated: 40_000, women: 18_000),
            parameters: ChapterModelParameters())
        #expect(chance.probability > 0.999_999)
        #expect(chance.probability <= 1)
    }

    @Test("Poisson-binomial of two fair coins and of a certain and an impossible event")
    func poissonBinomial() {
        #expect(CountDistribution.poissonBinomial([0.5, 0.5]).probabilities == [0.25, 0.5, 0.25])
        let mixed = CountDistribution.poissonBinomial([1, 0, 0.25])
        #expect(mixed.probability(of: 1) == 0.75)
        #expect(mixed.probability(of: 2) == 0.25)
        #expect(mixed.probability(atLeast: 1) == 1)
    }
}

@Suite("Chapter forecast and fit")
struct ChapterForecastTests {
    @Test("18 chapters and three trainings at ½: P(≥ 20) = ½; the one after the deadline does not count")
    func forecast() throws {
        let day = try #require(CalendarDate(iso: "2015-06-06"))
        let late = try #require(CalendarDate(iso: "2016-02-06"))
        let trainings = [day, day, late].enumerated().map {
            ChapterForecast.Training(
                metro: "M\($0.offset)", date: $0.element, kind: .inPerson, probability: 0.5, beforeDeadline: true)
        }
        let open = ChapterForecast.make(existingChapters: 18, trainings: trainings, target: 20, deadline: nil)
        // P(at least 2 of 3 fair coins) = (3 + 1) / 8.
        #expect(abs(open.probabilityOfReachingTarget - 0.5) < 1e-12)
        #expect(open.distribution.map(\.chapters) == [18, 19, 20, 21])
        #expect(abs(open.expectedChapters - 19.5) < 1e-12)
        let deadline = try #require(CalendarDate(iso: "2015-12-31"))
        let dated = ChapterForecast.make(existingChapters: 18, trainings: trainings, target: 20, deadline: deadline)
        // Only the two trainings before the deadline count: both must found one, ¼.
        #expect(abs(dated.probabilityOfReachingTarget - 0.25) < 1e-12)
        #expect(dated.trainings.map(\.beforeDeadline) == [true, true, false])
    }

    @Test("the response rate is the Beta posterior mode: (3 + 20 − 1) / (40 + 100 − 2)")
    func responseFit() throws {
        let day = try #require(CalendarDate(iso: "2014-06-07"))
        let fit = ChapterFit.fit(
            [TrainingResult(metro: "Boston", date: day, invited: 100, attended: 20, women: 8)],
            parameters: ChapterModelParameters())
        #expect(abs(fit.response.value - 22.0 / 138.0) < 1e-12)
        #expect(fit.response.trainingsUsed == 1)
        #expect(fit.retention.trainingsUsed == 0)
        #expect(fit.applied(to: ChapterModelParameters()).retentionRate == 0.5)
    }

    @Test("retention rises when chapters were founded and falls when they were not")
    func retentionFit() throws {
        let day = try #require(CalendarDate(iso: "2014-06-07"))
        func results(_ outcome: ChapterOutcome) -> [TrainingResult] {
            (0..<6).map { _ in
                TrainingResult(
                    metro: "M", date: day, invited: 100, attended: 8, women: 4, chapterFounded: outcome)
            }
        }
        let founded = ChapterFit.fit(results(.yes), parameters: ChapterModelParameters())
        let failed = ChapterFit.fit(results(.no), parameters: ChapterModelParameters())
        #expect(founded.retention.value > 0.6)
        #expect(failed.retention.value < 0.45)
        #expect(founded.retention.trainingsUsed == 6)
        #expect(founded.retention.standardDeviation > 0 && founded.retention.standardDeviation < 0.3)
        let pending = ChapterFit.fit(results(.pending), parameters: ChapterModelParameters())
        #expect(pending.retention.trainingsUsed == 0)
    }

    @Test("settings: [chapter_model] keys read, out-of-range values named with their line")
    func settings() throws {
        let text = "[targets]\ndeadline = \"2015-12-31\"\n[chapter_model]\nresponse_rate = 0.1\n"
        let settings = try MarkerSettings.parse(text, fileName: "m.toml")
        #expect(settings.chapterModel.responseRate == 0.1)
        #expect(settings.deadline == CalendarDate(iso: "2015-12-31"))
        #expect(settings.chapterModel.minMembers == 5)
        let bad = "[chapter_model]\n\nretention_rate = 1.5\n"
        #expect {
            try MarkerSettings.parse(bad, fileName: "m.toml")
        } throws: { error in
            "\(error)".hasPrefix("m.toml:3: chapter_model.retention_rate must be a number from 0.0 to 1.0")
        }
    }
}

@Suite("Chapter model in the ranking")
struct ChapterRankingTests {
    @Test("do-not-contact and deceased members leave the pool, not the counts")
    func uncontactableLeaveThePool() {
        let metro = MetroGroup(
            name: "Boston", countryCode: "US", cities: ["Boston"], center: GeoPoint(latitude: 42.36, longitude: -71.06),
            timeZone: "America/New_York", placeKeys: ["boston|ma|us"])
        let stats = [
            PlaceMemberStats(
                placeKey: "boston|ma|us", members: 60, unaffiliated: 50, organizers: 2, hosts: 1, unaffiliatedWomen: 20,
                unaffiliatedGenderStated: 40)
        ]
        let all = MetroRanking.make(
            metros: [metro], stats: stats, chapters: [], base: nil, weights: RankingWeights(),
            chapterModel: ChapterModelParameters())
        let fewer = MetroRanking.make(
            metros: [metro], stats: stats, chapters: [], base: nil, weights: RankingWeights(),
            chapterModel: ChapterModelParameters(), uncontactable: ["boston|ma|us": 20])
        #expect(all.metros[0].unaffiliated == 50 && fewer.metros[0].unaffiliated == 50)
        #expect(all.metros[0].pool?.members == 50 && fewer.metros[0].pool?.members == 30)
        let before = all.metros[0].chapter?.probability ?? 0
        let after = fewer.metros[0].chapter?.probability ?? 1
        #expect(after < before)
        // Without the chapter model the ranking carries no chance (the default order is unchanged).
        let plain = MetroRanking.make(metros: [metro], stats: stats, chapters: [], base: nil, weights: RankingWeights())
        #expect(plain.metros[0].chapter == nil && plain.metros[0].pool == nil)
    }
}

@Suite("Chapter forecast of a plan")
struct ChapterPlanForecastTests {
    @Test("a chapters plan's recorded chances and remote trainings are the forecast's trainings")
    func recordedChances() throws {
        let day = CalendarDate(year: 2014, month: 6, day: 7)
        var stop = PlanStop(
            metro: "Boston", cities: ["Boston"], date: day, latitude: 42.36, longitude: -71.06,
            timeZone: "America/New_York", countryCode: "US", value: 29)
        stop.visit = .followUp
        stop.chapterProbability = 0.25
        var plan = TourPlan(
            teams: [], trips: [Trip(team: "NY", start: day, end: day, stops: [stop], legs: [], nights: [])],
            totals: PlanTotals(km: 0, driveHours: 0, nightsAway: 0, trainings: 1),
            naive: NaivePlanTotals(km: 0, driveHours: 0, nightsAway: 0), unvisited: [])
        plan.remoteTrainings = [
            ChapterTourPlanner.RemoteTraining(
                team: "NY", metro: "Baltimore", countryCode: "US", timeZone: "America/New_York",
                date: day.adding(days: 1), probability: 0.5)
        ]
        let empty = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        let trainings = ChapterForecast.trainings(of: plan, ranking: empty)
        #expect(trainings.map(\.metro) == ["Boston", "Baltimore"])
        #expect(trainings.map(\.kind) == [.followUp, .remote])
        #expect(trainings.map(\.probability) == [0.25, 0.5])
        // 18 chapters + 0.25 + 0.5: P(20) = 0.125.
        let forecast = ChapterForecast.make(existingChapters: 18, trainings: trainings, target: 20, deadline: nil)
        #expect(abs(forecast.probabilityOfReachingTarget - 0.125) < 1e-12)
    }
}
