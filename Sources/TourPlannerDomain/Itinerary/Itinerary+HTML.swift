import Foundation

extension Itinerary {
    /// One self-contained, printable HTML page with the SVG route map (no network needed), from the
    /// bundled `itinerary` template: every value is HTML-escaped by the template; only the map, markup
    /// the library built itself, is inserted raw.
    ///
    /// - Throws: `PlannerError` when the bundled template is missing.
    package func html(plan: TourPlan, map: RouteMap) throws -> String {
        try html(plan: plan, map: map, templates: TemplateLibrary.bundled())
    }

    /// The page rendered with `templates` (the web app passes its own, loaded once).
    ///
    /// - Throws: `PlannerError` when `templates` has no `itinerary` template.
    package func html(plan: TourPlan, map: RouteMap, templates: TemplateLibrary) throws -> String {
        try templates.render(ItineraryPage(self, map: map.svg(plan: plan)), template: "itinerary")
    }
}
