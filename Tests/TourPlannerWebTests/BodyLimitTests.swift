import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Body limits per route, before the CSRF check")
struct BodyLimitTests {
    @Test("body limits per route: receipts 5 MB, exports 32 MB, other forms 1 MB")
    func limits() {
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/expenses/3/receipt") == 5 * 1024 * 1024 + 64 * 1024)
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/expenses") == 5 * 1024 * 1024 + 64 * 1024)
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/import") == 32 * 1024 * 1024)
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/expenses/3") == 1024 * 1024)
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/events") == 1024 * 1024)
        #expect(BodyLimitMiddleware.limit(method: .post, path: "/login") == 1024 * 1024)
    }

    @Test("a chunked body over the receipt limit is 413 before the CSRF check reads it (even with a wrong token)")
    func chunkedOverLimit() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            for given in [token, "wrong"] {
                var headers = tess.cookieHeader
                headers[.contentType] = "multipart/form-data; boundary=x"
                headers[.transferEncoding] = "chunked"
                var body = ByteBuffer(
                    string: "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(given)\r\n"
                        + "--x\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"r.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                body.writeRepeatingByte(0x89, count: 6 * 1024 * 1024)
                body.writeString("\r\n--x--\r\n")
                let response = try await client.execute(
                    uri: "/expenses/\(id.rawValue)/receipt", method: .post, headers: headers, body: body)
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("The receipt is larger than 5 MB"))
            }
            // A form is refused over 1 MB, before its token is looked for.
            var headers = tess.cookieHeader
            headers[.contentType] = "application/x-www-form-urlencoded"
            var form = ByteBuffer(string: "_csrf=wrong&note=")
            form.writeRepeatingByte(UInt8(ascii: "a"), count: 1024 * 1024)
            let response = try await client.execute(
                uri: "/expenses/\(id.rawValue)", method: .post, headers: headers, body: form)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("This form&#39;s content is larger than 1 MB"))
        }
        #expect(try fixture.store.actual(id: id)?.receipt == "")
    }
}
