import Foundation
import Testing

@testable import TourPlanner

@Suite("Consent from the source tool")
struct ConsentImportTests {
    /// Imports `text` as `name` into `store` and returns the report.
    func load(_ text: String, _ name: String = "c.csv", into store: TourDatabase, in folder: TemporaryFolder)
        async throws -> ImportReport
    {
        try await makeImporter(maxErrors: 10).importFile(
            path: try folder.write(name, text), displayName: name, into: store, now: testDate)
    }

    func member(_ id: String, in store: TourDatabase) throws -> Member {
        try #require(try store.fetchMembers().first { $0.id == MemberID(id) })
    }

    @Test("Action Network: can2_sms_status unsubscribed is do-not-text; an e-mail unsubscribe does not stop calls")
    func actionNetwork() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await load(
            "uuid,first_name,email,can2_user_city,can2_phone,can2_sms_status,can2_subscription_status\n"
                + "a-1,Kit,kit@example.org,Boston,617-555-0180,subscribed,unsubscribed\n"
                + "a-2,Lev,lev@example.org,Boston,617-555-0181,unsubscribed,subscribed\n"
                + "a-3,Max,max@example.org,Boston,617-555-0182,,\n", into: store, in: folder)
        #expect(report.mapping == "actionnetwork")
        #expect(report.problems.isEmpty)
        // Kit unsubscribed from e-mail only: calls and texts are still allowed.
        #expect(try member("a-1", in: store).isContactable(by: .call))
        #expect(try member("a-1", in: store).isContactable(by: .text))
        // Lev said STOP in Action Network: no texts, calls allowed.
        #expect(try !member("a-2", in: store).isContactable(by: .text))
        #expect(try member("a-2", in: store).isContactable(by: .call))
        // An empty cell is no information.
        #expect(try member("a-3", in: store).consent == ContactConsent())
        #expect(report.consent.doNotText == 1 && report.consent.summary == "1 do-not-text")
    }

    @Test(
        "NationBuilder: do_not_call, do_not_contact, mobile_opt_in false and is_deceased; any of two do-not-call columns"
    )
    func nationBuilder() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await load(
            "nationbuilder_id,first_name,primary_city,federal_donotcall,do_not_call,do_not_contact,mobile_opt_in,is_deceased\n"
                + "1,Ann,Boston,false,true,false,true,false\n"
                + "2,Bo,Boston,,,true,,\n"
                + "3,Cy,Boston,,,,false,\n"
                + "4,Di,Boston,,,,,true\n"
                + "5,Ed,Boston,,,,,\n", into: store, in: folder)
        #expect(report.mapping == "nationbuilder")
        #expect(try member("1", in: store).consent == ContactConsent(doNotCall: true))
        #expect(try member("2", in: store).consent == ContactConsent(doNotContact: true))
        #expect(try member("3", in: store).consent == ContactConsent(doNotText: true))
        let deceased = try member("4", in: store)
        #expect(deceased.deceased && !deceased.isContactable(by: .call) && !deceased.isContactable(by: .text))
        #expect(try member("5", in: store).consent == ContactConsent())
        #expect(report.consent.summary == "1 do-not-call, 1 do-not-text, 1 do-not-contact, 1 deceased")
    }

    @Test("CiviCRM: Do Not Phone, Do Not Sms and Deceased; No Bulk Emails (User Opt Out) does not stop calls")
    func civiCRM() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await load(
            "Contact ID,First Name,City,Do Not Phone,Do Not Sms,No Bulk Emails (User Opt Out),Deceased\n"
                + "7,Opal,Boston,0,1,0,0\n8,Otto,Boston,1,0,0,0\n9,Ida,Boston,0,0,1,0\n10,Rex,Boston,0,0,0,1\n",
            into: store, in: folder)
        #expect(report.mapping == "civicrm")
        #expect(report.problems.isEmpty)
        #expect(try member("7", in: store).consent == ContactConsent(doNotText: true))
        #expect(try member("8", in: store).consent == ContactConsent(doNotCall: true))
        #expect(try member("9", in: store).consent == ContactConsent())
        #expect(try member("10", in: store).consent == ContactConsent(deceased: true))
    }

    @Test("Mobilize sms_opt_in_status OPT_OUT and OSDI do_not_call")
    func mobilizeAndOSDI() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try await load(
            "user_id,given_name,email_address,city,sms_opt_in_status\n31,Al,al@example.org,Boston,OPT_OUT\n"
                + "32,Bea,bea@example.org,Boston,OPT_IN\n", "m.csv", into: store, in: folder)
        #expect(try member("31", in: store).consent == ContactConsent(doNotText: true))
        #expect(try member("32", in: store).consent == ContactConsent())
        var importer = makeImporter()
        importer.mapping = ColumnMapping.preset(named: "osdi")
        _ = try await importer.importFile(
            path: try folder.write("o.csv", "identifier,given_name,locality,do_not_call\nosdi:41,Cat,Boston,true\n"),
            displayName: "o.csv", into: store, now: testDate)
        #expect(try member("osdi:41", in: store).consent == ContactConsent(doNotCall: true))
    }

    @Test("an unreadable consent value counts as an opt-out, with a warning naming line and value")
    func unknownValue() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await load(
            "uuid,can2_user_city,can2_sms_status\nu-1,Boston,unsubscrbed\n", into: store, in: folder)
        #expect(try member("u-1", in: store).consent == ContactConsent(doNotText: true))
        let warning = try #require(report.problems.first)
        #expect(warning.severity == .warning)
        #expect(warning.error.location == SourceLocation(file: "c.csv", line: 2, column: 3))
        #expect(warning.error.value == "unsubscrbed")
        #expect(warning.error.problem == "is not a consent value we know; treated as do-not-text to be safe")
    }

    @Test("XML preferences carry do-not-contact and deceased")
    func xmlAttributes() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <members><member id="1"><location><city>Boston</city></location>
            <preferences do-not-contact="yes" deceased="no"/></member></members>
            """
        _ = try await makeImporter().importFile(
            path: try folder.write("m.xml", xml), displayName: "m.xml", into: store, now: testDate)
        #expect(try member("1", in: store).consent == ContactConsent(doNotContact: true))
    }

    @Test(
        "an opt-out is never cleared by a re-import, in bulk and in row-by-row mode; a later export adds one",
        arguments: [true, false])
    func stickyAcrossReimports(bulk: Bool) async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        if !bulk {
            // A member already stored: the first import below merges row by row.
            _ = try await load("uuid,can2_user_city\nz-0,Oslo\n", "seed.csv", into: store, in: folder)
        }
        let header = "uuid,can2_user_city,can2_sms_status\n"
        // Given an export in which member 1 said STOP and member 2 did not
        _ = try await load(
            header + "a-1,Boston,unsubscribed\na-2,Boston,subscribed\n", "one.csv", into: store, in: folder)
        // When a later export says member 1 is subscribed again, and member 2 unsubscribed
        let again = try await load(
            header + "a-1,Boston,subscribed\na-2,Boston,unsubscribed\n", "two.csv", into: store, in: folder)
        // Then member 1 stays do-not-text and member 2 is do-not-text too
        #expect(try member("a-1", in: store).doNotText)
        #expect(try member("a-2", in: store).doNotText)
        #expect(again.unchanged == 1 && again.updated == 1)
        // And the log says which file and line set each flag
        let log1 = try store.consentLog(of: MemberID("a-1"))
        #expect(log1.map(\.detail) == ["one.csv:2"])
        #expect(log1.map(\.source) == [.importFile] && log1.map(\.flag) == [.doNotText])
        #expect(try store.consentLog(of: MemberID("a-2")).map(\.detail) == ["two.csv:3"])
    }

    @Test("a bulk load past its limit keeps the flags of both halves")
    func bulkLoadLimit() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        var importer = makeImporter()
        importer.bulkLoadLimit = 2
        let rows = (1...4).map { "a-\($0),Boston,\($0 % 2 == 0 ? "unsubscribed" : "")" }.joined(separator: "\n")
        _ = try await importer.importFile(
            path: try folder.write("b.csv", "uuid,can2_user_city,can2_sms_status\n" + rows + "\n"),
            displayName: "b.csv",
            into: store, now: testDate)
        #expect(try store.fetchMembers().filter(\.doNotText).map(\.id.rawValue) == ["a-2", "a-4"])
    }

    @Test("yes/no in the members' languages: Portuguese, Dutch, Danish, Polish, Italian, any case, NFD accents")
    func yesNoWords() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await load(
            "id,city,willing_to_host,organizer_interest,do_not_call,deceased,joined\n"
                + "1,Lisboa,sim,NÃO,Sim,nao,14.03.2011\n"
                + "2,Utrecht,ja,nee,nee,Nee,2011/03/14\n"
                + "3,Aarhus,Ja,Nej,nej,NEJ,4.3.2011\n"
                + "4,Kraków,tak,nie,TAK,nie,\n"
                + "5,Roma,sì,no,no,n\u{0061}\u{0303}o,\n"
                + "6,Porto,talvez,,,,31.02.2011\n", into: store, in: folder)
        #expect(report.added == 6)
        let members = try Dictionary(uniqueKeysWithValues: store.fetchMembers().map { ($0.id.rawValue, $0) })
        #expect(
            members.mapValues(\.willingToHost) == ["1": true, "2": true, "3": true, "4": true, "5": true, "6": nil])
        #expect(
            members.mapValues(\.organizerInterest) == [
                "1": false, "2": false, "3": false, "4": false, "5": false, "6": nil,
            ])
        #expect(members.filter { $0.value.doNotCall }.keys.sorted() == ["1", "4"])
        #expect(members.filter { $0.value.deceased }.keys.sorted() == [])
        #expect(members["1"]?.joined == "2011-03-14" && members["2"]?.joined == "2011-03-14")
        #expect(members["3"]?.joined == "2011-03-04" && members["6"]?.joined == nil)
        // "talvez" (maybe) and 31 February are warned about, not guessed.
        #expect(report.problems.map(\.error.location.line) == [7, 7])
        #expect(report.problems.allSatisfy { $0.severity == .warning })
    }
}
