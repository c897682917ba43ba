import Testing

@testable import TourPlanner

@Suite("TextTable")
struct TextTableTests {
    @Test("a row wider than the header gets columns of its own (fix: render trapped on the extra cell)")
    func widerRow() {
        var table = TextTable(["a", "b"])
        table.add(["x", "1", "extra"])
        // Widths 1, 1, 5 (the extra column's header is blank); column b is all numbers, so right-aligned.
        #expect(table.render() == "a  b\n-  -  -----\nx  1  extra")
    }

    @Test("rows shorter than the header leave their cells blank; numbers align right")
    func shorterRows() {
        var table = TextTable(["item", "n"])
        table.add(["pencils", "12"])
        table.add(["pen"])
        table.add(["ink", "3"])
        #expect(table.render() == "item      n\n-------  --\npencils  12\npen\nink       3")
    }

    @Test("a header with no rows, and a table with no header, render without trapping")
    func empty() {
        #expect(TextTable(["name", "km"]).render() == "name  km\n----  --")
        var headless = TextTable([])
        headless.add(["only", "cells"])
        #expect(headless.render() == "\n----  -----\nonly  cells")
    }
}
