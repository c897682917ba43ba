import Foundation
import Testing

@testable import TourPlanner

@Suite("ICS writer")
struct ICSWriterTests {
    @Test(
        "TEXT values escape backslash, semicolon, comma and every line break (RFC 5545 §3.3.11)",
        arguments: [
            ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("C:\\tmp", "C:\\\\tmp"), ("one\ntwo", "one\\ntwo"),
            ("one\r\ntwo", "one\\ntwo"), ("one\rtwo", "one\\ntwo"), ("plain", "plain"),
        ])
    func escapes(text: String, escaped: String) {
        #expect(ICSWriter.escapeText(text) == escaped)
    }

    @Test("an ASCII line of 82 octets folds after 75, the rest after one space")
    func foldsASCII() {
        // "X:" + 80 × "a" = 82 octets: 75 on the first line, then " " + 7.
        let folded = ICSWriter.fold("X:" + String(repeating: "a", count: 80))
        #expect(folded == "X:" + String(repeating: "a", count: 73) + "\r\n " + String(repeating: "a", count: 7))
    }

    @Test("two-octet characters are never split: 8 + 33 × 2 = 74 octets, then 1 + 37 × 2 = 75")
    func foldsTwoOctetCharacters() {
        let folded = ICSWriter.fold("SUMMARY:" + String(repeating: "é", count: 70))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines == ["SUMMARY:" + String(repeating: "é", count: 33), " " + String(repeating: "é", count: 37)])
        #expect(lines.map(\.utf8.count) == [74, 75])
    }

    @Test("four-octet characters: 2 + 18 × 4 = 74 octets, then 1 + 18 × 4 = 73, then 1 + 4 × 4 = 17")
    func foldsFourOctetCharacters() {
        let line = "X:" + String(repeating: "😀", count: 40)
        let folded = ICSWriter.fold(line)
        #expect(folded.components(separatedBy: "\r\n").map(\.utf8.count) == [74, 73, 17])
        // Unfolding (RFC 5545 §3.1: remove CRLF + one space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test("a line of exactly 75 octets is not folded")
    func exactLimit() {
        let line = "X:" + String(repeating: "b", count: 73)
        #expect(ICSWriter.fold(line) == line)
    }

    @Test("render: components, verbatim properties and escaped text, each line folded and ended by CRLF")
    func render() {
        var ics = ICSWriter()
        ics.begin("VCALENDAR")
        ics.property("DTSTART;TZID=America/New_York", "20140607T100000")
        ics.text("SUMMARY", "Training in Washington, DC; bring a laptop")
        ics.end("VCALENDAR")
        #expect(
            ics.render()
                == "BEGIN:VCALENDAR\r\nDTSTART;TZID=America/New_York:20140607T100000\r\n"
                + "SUMMARY:Training in Washington\\, DC\\; bring a laptop\r\nEND:VCALENDAR\r\n")
    }
}
