import Foundation
import Hummingbird
import NIOCore
import Testing

@testable import TourPlannerWeb

@Suite("Multipart upload bodies")
struct MultipartFormTests {
    static let boundary = "----tpboundary42"

    static func body(_ parts: [(headers: String, content: String)]) -> ByteBuffer {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.content)\r\n"
        }
        text += "--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    @Test("text fields and a file are read; the file keeps its bytes, type and only the last path component")
    func fieldsAndFile() throws {
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"_csrf\"", "token-1"),
            ("Content-Disposition: form-data; name=\"note\"", "Gas; \"Exxon\"\r\nline two"),
            (
                "Content-Disposition: form-data; name=\"receipt\"; filename=\"C:\\\\Users\\\\ana\\\\gas ;receipt.pdf\"\r\n"
                    + "Content-Type: application/pdf",
                "%PDF-1.4 body"
            ),
        ])
        let form = try MultipartForm.parse(body, boundary: Self.boundary)
        #expect(form["_csrf"] == "token-1")
        #expect(form["note"] == "Gas; \"Exxon\"\r\nline two")
        let file = try #require(form.files["receipt"])
        #expect(file.fileName == "gas ;receipt.pdf")
        #expect(file.contentType == "application/pdf")
        #expect(String(decoding: file.data, as: UTF8.self) == "%PDF-1.4 body")
    }

    @Test("a file input left empty is not a file; the first of two same-named fields wins")
    func emptyFileAndDuplicates() throws {
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"receipt\"; filename=\"\"", ""),
            ("Content-Disposition: form-data; name=\"tour\"", "first"),
            ("Content-Disposition: form-data; name=\"tour\"", "second"),
        ])
        let form = try MultipartForm.parse(body, boundary: Self.boundary)
        #expect(form.files.isEmpty)
        #expect(form["tour"] == "first")
    }

    @Test("a body cut off before its closing boundary is a 400 with what to do, not a crash")
    func truncated() {
        let body = ByteBuffer(string: "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nxyz")
        do {
            let form = try MultipartForm.parse(body, boundary: Self.boundary)
            // The streaming parser may accept an unfinished part silently; it must then not invent one.
            #expect(form["a"] == nil)
        } catch let error as HTTPError {
            #expect(error.status == .badRequest)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("header parameters: quoted, unquoted, escaped quotes, any case; a missing one is nil")
    func parameters() {
        let header = "form-data; NAME=plain; filename=\"a \\\"b\\\".png\"; other=x"
        #expect(MultipartForm.parameter("name", in: header) == "plain")
        #expect(MultipartForm.parameter("filename", in: header) == "a \"b\".png")
        #expect(MultipartForm.parameter("other", in: header) == "x")
        #expect(MultipartForm.parameter("missing", in: header) == nil)
        #expect(MultipartForm.parameter("filename", in: "form-data; filename=\"../../etc/passwd\"") == "passwd")
    }
}
