import Foundation
import Testing

@testable import TourPlannerWeb

@Suite("base64url ids")
struct Base64URLTests {
    /// RFC 4648 §5 from Foundation's base64: `+` → `-`, `/` → `_`, no padding.
    static func reference(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("every length up to 40 and every byte value encode as RFC 4648 base64url, and decode back")
    func matchesTheRFC() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Base64URL.encode(bytes) == Self.reference(bytes), "length \(length)")
        }
        let all = (0...255).map { UInt8($0) }
        #expect(Base64URL.encode(all) == Self.reference(all))
        // RFC 4648 §10 test vectors, without padding
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
        ]
        for (text, encoded) in vectors { #expect(Base64URL.encode(Array(text.utf8)) == encoded) }
        // The characters that differ from plain base64
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test("a task id round-trips through its path id")
    func taskIDs() {
        for id in ["2014-06-07-boston/1252/followUpCall", "e/Ünïcode – ok/reminderText", "a"] {
            #expect(TaskPathID.taskID(TaskPathID.make(id)) == id)
        }
    }
}

@Suite("Call list wording")
struct CallListWordingTests {
    /// What the regular expression the rewriting replaced did.
    static func reference(_ text: String) -> String { text.replacing(/\ *\(`tourplan[^`]*`\)/, with: "") }

    @Test("commands in parentheses and backquotes go, with the spaces before them; other text stays")
    func commandsGo() {
        let texts = [
            "Hi Ada! Warning: venue not set yet: do not name one (`tourplan events add … --venue`).",
            "no command here", "", "(`tourplan x`)", "a  (`tourplan x`) b (`tourplan y`)c",
            "unclosed (`tourplan x", "not closed by a parenthesis (`tourplan x` but later (`tourplan y`)",
            "Ünïcode – (`tourplan events add “Café” --venue`) ✓", "(`tourplanner`)", "( `tourplan x`)",
        ]
        for text in texts { #expect(CallListWording.withoutCommands(text) == Self.reference(text), "\(text)") }
        #expect(
            CallListWording.withoutCommands("do not name one (`tourplan events add … --venue`).")
                == "do not name one.")
    }
}
