import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Library messages in a page's words")
struct WebWordingTests {
    @Test("a whole flag becomes the field's label (--to is not the start of --top)")
    func labels() {
        let wording = ToursPage.wording
        #expect(
            wording.message("--top must be at least 1 (got 0)") == "“Best-ranked metros” must be at least 1 (got 0)")
        #expect(wording.hint("--from must be on or before --to") == "“First date” must be on or before “Last date”")
    }

    @Test("hint parts about the command line are dropped; none left: the page's own hint")
    func hints() {
        let wording = ToursPage.wording
        #expect(
            wording.hint("relax one rule: --latest-arrival 21:00; or use --objective value to leave it out")
                == "change the dates, the travel days or the metros to visit, and plan again")
        #expect(
            wording.hint("write a place as \"City, Region\"; check one with `tourplan cities resolve \"TEXT\"`")
                == "write a place as \"City, Region\"")
        #expect(WebWording.general.hint(nil) == "go back, correct the form and try again")
    }

    @Test("ISO dates and instants in a library message or hint read as the pages write them")
    func dates() {
        let plan = PlannerError(
            "tour \"east\" already has a saved plan (2 trips from 2014-06-07 to 2014-06-29); it was kept",
            hint: "save under another name, or choose --replace to replace that plan")
        #expect(
            ToursPage.wording.parts(of: plan).message
                == "tour \"east\" already has a saved plan (2 trips from Sat 7 Jun 2014 to Sun 29 Jun 2014); it was kept"
        )
        let undo = PlannerError(
            "the last import (m.csv, 2014-06-05 20:26 UTC) ran before this version of TourPlanner kept what an undo needs",
            hint: "the training in Boston starts 2014-06-07T13:00:00Z")
        #expect(
            WebWording.general.text(of: undo)
                == "the last import (m.csv, Thu 5 Jun 2014, 20:26 UTC) ran before this version of TourPlanner kept "
                + "what an undo needs — the training in Boston starts Sat 7 Jun 2014, 13:00 UTC")
    }

    @Test("a PlannerError from the store names the users form's field")
    func users() {
        let error = PlannerError(
            "--volunteer \"Zed\" is not a volunteer of the schedule",
            hint: "load volunteers first with `tourplan remind schedule --volunteers FILE`")
        #expect(
            UsersPage.wording.text(of: error)
                == "“Volunteer” \"Zed\" is not a volunteer of the schedule — correct the account and add it again")
    }
}
