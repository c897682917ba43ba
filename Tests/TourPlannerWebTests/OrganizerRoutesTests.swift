import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// A member export's header (the website's own columns).
let memberHeader =
    "id,first_name,last_name,email,phone,city,region,country,chapter,gender,joined,willing_to_host,"
    + "organizer_interest,languages,notes\n"

/// The organizer's page tests, one at a time: each loads the gazetteer and some import or plan
/// a tour, which takes both cores for seconds; run in parallel they would starve the thread pools
/// that other suites' timing checks (`WriteLockTests`) rely on.
@Suite("Organizer pages", .serialized)
struct OrganizerPageTests {}

extension Browser {
    /// POST a multipart form (fields, then one file) with the browser's cookies.
    func upload(
        _ uri: String, fields: [(String, String)], file: (name: String, fileName: String, content: String)?,
        _ client: any TestClientProtocol, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        let boundary = "----tourplan-test-boundary"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var all = cookieHeader
        all[.contentType] = "multipart/form-data; boundary=\(boundary)"
        all.append(contentsOf: headers)
        let response = try await client.execute(uri: uri, method: .post, headers: all, body: ByteBuffer(string: body))
        take(response)
        return response
    }

    /// Signs in and returns the CSRF token of `page`'s form.
    func token(_ page: String, _ client: any TestClientProtocol) async throws -> String {
        try #require(Browser.csrf(in: try await get(page, client).text))
    }
}

extension OrganizerPageTests {
    @Suite("Organizer pages: roles, CSRF, 404")
    struct OrganizerAccessTests {
        static let pages = ["/members", "/import", "/rank", "/markers", "/tours", "/events", "/volunteers", "/users"]

        @Test("only organizers open the pages: volunteers and treasurers 403, anonymous 303 /login or 401 for JSON")
        func roles() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try fixture.addAccount("tess", role: .treasurer)
            try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
            try await fixture.test { client in
                let olga = Browser(), tess = Browser(), rosa = Browser()
                try await olga.signIn("olga", client)
                try await tess.signIn("tess", client)
                try await rosa.signIn("rosa", client)
                for path in Self.pages {
                    let page = try await olga.get(path, client)
                    #expect(page.status == .ok, "\(path)")
                    #expect(page.text.contains("aria-current=\"page\""), "\(path) marks its nav link")
                    #expect(try await tess.get(path, client).status == .forbidden, "\(path)")
                    #expect(try await rosa.get(path, client).status == .forbidden, "\(path)")
                    let anonymous = try await client.execute(uri: path, method: .get)
                    #expect(
                        anonymous.status == .seeOther
                            && anonymous.headers[.location] == "/login?next=" + QueryValue.escape(path),
                        "\(path)")
                    let json = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
                    #expect(json.status == .unauthorized, "\(path)")
                }
            }
        }

        @Test("every POST needs the CSRF token: 403 without it, nothing written")
        func csrf() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let posts: [(String, [(String, String)])] = [
                    ("/events", [("place", "Denver, CO"), ("date", "2014-06-07"), ("start", "10:00")]),
                    ("/users", [("name", "newbie"), ("role", "organizer")]),
                    ("/users/disable", [("name", "olga"), ("confirm", "yes")]),
                    ("/users/reset", [("name", "olga")]),
                    ("/tours", [("name", "t"), ("base", "Denver, CO"), ("from", "2014-06-07"), ("to", "2014-06-08")]),
                ]
                for (path, form) in posts {
                    #expect(try await olga.post(path, form: form, client).status == .forbidden, "\(path)")
                    let wrong = form + [("_csrf", "not-the-token")]
                    #expect(try await olga.post(path, form: wrong, client).status == .forbidden, "\(path)")
                }
                let upload = try await olga.upload(
                    "/import", fields: [], file: ("export", "m.csv", memberHeader + "1,A,B,,,Denver,CO,US,,,,,,,\n"),
                    client)
                #expect(upload.status == .forbidden)
                #expect(try fixture.store.memberSummary().total == 0)
                #expect(try fixture.store.accounts().map(\.name) == ["olga"])
                #expect(try fixture.store.events().isEmpty)
            }
        }

        @Test("unknown tours and downloads are 404")
        func notFound() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                #expect(try await olga.get("/tours/nope", client).status == .notFound)
                #expect(try await olga.get("/tours/nope/itinerary.ics", client).status == .notFound)
                #expect(try await olga.get("/tours/..%2Fetc/itinerary.ics", client).status == .notFound)
                #expect(try await olga.get("/events?edit=missing", client).status == .notFound)
                let json = try await olga.get("/tours/nope", client, headers: [.accept: "application/json"])
                #expect(json.status == .notFound && json.text.contains("\"error\""))
            }
        }
    }
}

extension OrganizerPageTests {
    @Suite("Organizer pages: /import")
    struct ImportPageTests {
        static let good =
            memberHeader + "1,Ann,Alpha,ann@example.org,,Denver,CO,US,,woman,2014-01-01,,,,\n"
            + "2,Bo,Beta,bo@example.org,,Boulder,CO,US,,man,2014-01-02,,,,\n"
            + "3,Cy,Gamma,cy@example.org,,Austin,TX,US,,,2014-01-03,,,,\n"
        // Line 3 has no city (column 6).
        static let bad =
            memberHeader + "1,Ann,Alpha,ann@example.org,,Denver,CO,US,,woman,2014-01-01,,,,\n"
            + "2,Bo,Beta,,,,CO,US,,,,,,,\n"

        @Test("an upload is imported under its own name; the report is shown after a 303 and a refresh repeats nothing")
        func imports() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let form = try await olga.get("/import", client).text
                #expect(form.contains("Member export") && form.contains("at most 32 MB"))
                let token = try #require(Browser.csrf(in: form))
                let response = try await olga.upload(
                    "/import", fields: [("_csrf", token)], file: ("export", "june.csv", Self.good), client)
                #expect(response.status == .seeOther)
                let location = try #require(response.headers[.location])
                #expect(location.hasPrefix("/import?report="))
                #expect(try fixture.store.memberSummary().total == 3)
                for _ in 0..<2 {
                    let page = try await olga.get(location, client)
                    #expect(page.status == .ok)
                    #expect(page.text.contains("june.csv"))
                    #expect(page.text.contains("<dt>Added</dt><dd>3</dd>"))
                    #expect(page.text.contains("Result: imported"))
                }
                #expect(try fixture.store.memberSummary().total == 3)
                let json = try await olga.get(location, client, headers: [.accept: "application/json"])
                #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(json.text.contains("\"added\" : 3") || json.text.contains("\"added\":3"))
                // The report is the store's, not the session's: another session reads it too, and
                // /import lists it; an unknown id is said to be unknown.
                let other = Browser()
                try await other.signIn("olga", client)
                #expect(try await other.get(location, client).text.contains("<dt>Added</dt><dd>3</dd>"))
                let list = try await other.get("/import", client).text
                #expect(list.contains("Recent imports") && list.contains("href=\"\(location)\""))
                #expect(list.contains("june.csv: imported") && list.contains("by olga"))
                #expect(try await other.get("/import?report=nope", client).text.contains("no import report"))
            }
        }

        @Test("an XML export is imported as XML, by its name, like `tourplan import`")
        func xml() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            let xml = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("../TourPlannerTests/Fixtures/members-basic.xml"),
                encoding: .utf8)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/import", client)
                let response = try await olga.upload(
                    "/import", fields: [("_csrf", token)], file: ("export", "members.xml", xml), client)
                let page = try await olga.get(try #require(response.headers[.location]), client).text
                #expect(page.contains("members.xml <span class=\"meta\">(XML"))
                #expect(page.contains("<dt>Added</dt><dd>4</dd>"))
                #expect(try fixture.store.memberSummary().total == 4)
            }
        }

        @Test("a refused export writes nothing and lists its errors with line and column")
        func refused() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/import", client)
                let response = try await olga.upload(
                    "/import", fields: [("_csrf", token)], file: ("export", "bad.csv", Self.bad), client)
                let page = try await olga.get(try #require(response.headers[.location]), client).text
                #expect(page.contains("Not imported"))
                #expect(page.contains("bad.csv, line 3, column 6"))
                #expect(page.contains("city “” is empty"))
                #expect(page.contains("NOT imported (database unchanged; would add 1)"))
                #expect(try fixture.store.memberSummary().total == 0)
            }
        }

        @Test("the latest import is undone from the page (CSRF checked, organizers only); a second undo is refused")
        func undo() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try fixture.addAccount("tess", role: .treasurer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                #expect(try await !olga.get("/import", client).text.contains("Undo the latest import"))
                let token = try await olga.token("/import", client)
                _ = try await olga.upload(
                    "/import", fields: [("_csrf", token)], file: ("export", "june.csv", Self.good), client)
                let page = try await olga.get("/import", client).text
                #expect(page.contains("The latest import: <strong>june.csv</strong>"))
                #expect(page.contains("Undo the import of june.csv"))
                // Without the token, or as a treasurer: refused, nothing undone.
                #expect(try await olga.post("/import/undo", form: [], client).status == .forbidden)
                let tess = Browser()
                try await tess.signIn("tess", client)
                let tessToken = try await tess.token("/expenses", client)
                #expect(try await tess.post("/import/undo", form: [("_csrf", tessToken)], client).status == .forbidden)
                #expect(try fixture.store.memberSummary().total == 3)

                let undone = try await olga.post("/import/undo", form: [("_csrf", token)], client)
                #expect(undone.status == .seeOther && undone.headers[.location] == "/import")
                #expect(try fixture.store.memberSummary().total == 0)
                let after = try await olga.get("/import", client).text
                #expect(after.contains("<strong>Undone</strong>"))
                #expect(after.contains("Undid the import of june.csv: removed 3 members it had added, put back 0"))
                #expect(!after.contains("Undo the import of june.csv"))
                // A repeated POST (a refresh, a second tap) changes nothing and says why.
                let again = try await olga.post("/import/undo", form: [("_csrf", token)], client)
                #expect(again.status == .unprocessableContent)
                #expect(again.text.contains("Not undone:") && again.text.contains("already undone"))
            }
        }

        @Test("an upload too large is 413, a body of another type 415, no file 422")
        func refusedUploads() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/import", client)
                let padding = String(repeating: "x", count: MultipartForm.largestUpload)
                let large = try await olga.upload(
                    "/import", fields: [("_csrf", token)], file: ("export", "big.csv", Self.good + padding), client)
                #expect(large.status == .contentTooLarge)
                #expect(large.text.contains("larger than 32 MB"))
                let wrongType = try await olga.post("/import", form: [("_csrf", token), ("export", "x")], client)
                #expect(wrongType.status == .unsupportedMediaType)
                let empty = try await olga.upload("/import", fields: [("_csrf", token)], file: nil, client)
                #expect(empty.status == .unprocessableContent)
                #expect(try fixture.store.memberSummary().total == 0)
            }
        }
    }
}
