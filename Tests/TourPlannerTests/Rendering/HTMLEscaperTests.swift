import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("HTML escaper")
struct HTMLEscaperTests {
    @Test("&, <, > and \" become entities; other text, apostrophes included, is kept")
    func escapes() {
        #expect(
            HTMLEscaper.escape("Tom & \"Jerry\" <b>O'Neil</b>")
                == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;O'Neil&lt;/b&gt;")
        #expect(HTMLEscaper.escape("Montréal → Québec") == "Montréal → Québec")
    }

    @Test("the route map and the call sheet use it")
    func sharedByRenderers() {
        #expect(RouteMap.escape("<a&b>") == "&lt;a&amp;b&gt;")
    }
}
