import Testing
import TourPlanner

@Suite struct TemplateLibraryTests {
    struct Greeting {
        var greeting: String
        var name: String
    }

    @Test func bundledTemplatesEscapeDataByDefault() throws {
        let templates = try TemplateLibrary.bundled()
        let html = try templates.render(Greeting(greeting: "Hello", name: "<b>Ana & \"Bo\"</b>"), template: "hello")
        #expect(html == "<p>Hello, &lt;b&gt;Ana &amp; &quot;Bo&quot;&lt;/b&gt;!</p>\n")
    }

    @Test func anUnknownTemplateIsAnErrorNamingIt() throws {
        let templates = try TemplateLibrary.bundled()
        #expect(throws: PlannerError.self) { try templates.render(Greeting(greeting: "", name: ""), template: "nope") }
    }
}
