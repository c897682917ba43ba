import Foundation
import Mustache
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Template escaping")
struct TemplateEscapingTests {
    @Test("the byte-level escaper writes exactly what swift-mustache's HTML escaping writes")
    func sameAsMustache() throws {
        let samples = [
            "plain text", "", "<script>alert('x')</script>", "Tom & \"Jerry\" > 'Spike'", "Zoë, Ærø — 東京 🚐 <b>",
            "&amp; already", "a\u{301}<", "'", "\"\"\"",
        ]
        var plain = MustacheLibrary()
        try plain.register("{{value}}", named: "t")
        for sample in samples {
            let expected = plain.render(["value": sample], withTemplate: "t")
            #expect(UTF8HTMLContentType().escapeText(sample) == expected, "\(sample)")
        }
    }

    @Test("library templates are escaped by default through it, and the pragma line writes nothing")
    func libraryTemplates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n{{{raw}}}".write(
            to: folder.appendingPathComponent("list.mustache"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary(directory: folder)
        let html = try library.render(["items": ["<a>", "O'Brien & Co"], "raw": "<hr>"], template: "list")
        #expect(html == "<li>&lt;a&gt;</li>\n<li>O&#39;Brien &amp; Co</li>\n<hr>")
    }
}
