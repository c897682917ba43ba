import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Every form control has exactly one label")
struct FormLabelTests {
    /// The ids of the page's visible controls (inputs other than hidden ones, selects, textareas),
    /// and for each how many `<label for=…>` name it and whether a label wraps it.
    static func controls(_ html: String) -> [(id: String, labels: Int)] {
        var found: [(String, Int)] = []
        for match in html.matches(of: /<(input|select|textarea)\b([^>]*)>/) {
            let attributes = String(match.output.2)
            if attributes.contains("type=\"hidden\"") { continue }
            guard let id = attributes.firstMatch(of: /\bid="([^"]+)"/)?.output.1 else {
                found.append(("(no id) " + attributes, 0))
                continue
            }
            let byFor = html.components(separatedBy: "<label for=\"\(id)\"").count - 1
            found.append((String(id), byFor))
        }
        return found
    }

    @Test("the expense edit page: one label per control; “Upload receipt” is the button's only, not also a label")
    func expenseEdit() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let page = try await tess.get("/expenses/\(id.rawValue)/edit", client).text
            let controls = Self.controls(page)
            #expect(controls.count >= 8)
            for control in controls { #expect(control.labels == 1, "\(control.id): \(control.labels) labels") }
            #expect(page.matches(of: /(?i)upload (the )?receipt/).count == 1)
            #expect(page.contains("<button type=\"submit\" class=\"primary\">Upload receipt</button>"))
            #expect(page.contains("<label for=\"receipt-file\">Receipt file</label>"))
        }
    }

    @Test("the expenses page's add form: one label per control")
    func expensesAdd() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let page = try await tess.get("/expenses?tour=east", client).text
            let controls = Self.controls(page)
            #expect(controls.contains { $0.id == "expense-receipt" })
            for control in controls { #expect(control.labels == 1, "\(control.id): \(control.labels) labels") }
        }
    }
}
