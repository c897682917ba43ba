public import TourPlannerCore

/// The tours saved in the store (`tourplan tour list`, the organizer's `/tours`): for each, what
/// its plan covers, which budget template is saved for it and how many expenses belong to it.
public struct SavedToursReport: RenderableReport, Hashable {
    /// Plain text (table), CSV (spreadsheet-safe) or JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// One saved tour.
    public struct Entry: Codable, Sendable, Hashable {
        /// The tour's name.
        public var name: String
        /// Whether a plan is saved for it.
        public var hasPlan: Bool
        /// Its plan's trips (0 without a plan).
        public var trips: Int
        /// Its plan's trainings (0 without a plan).
        public var trainings: Int
        /// The metros its plan visits, in trip order.
        public var stops: [String]
        /// The first day of its first trip (nil without a plan or trips).
        public var from: CalendarDate?
        /// The last day of its last trip.
        public var to: CalendarDate?
        /// The file its budget template was read from (nil: no template saved).
        public var templateFile: String?
        /// The budget template's currency (nil: no template saved).
        public var currency: String?
        /// How many recorded expenses belong to it.
        public var expenses: Int
    }

    /// The saved tours, by name.
    public var tours: [Entry]

    /// The report of `tours`.
    package init(tours: [Entry]) { self.tours = tours }

    /// One row per tour (name, dates, trips, trainings, stops, budget template, expenses), or
    /// "No saved tours." with how to save one.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        let header = ["tour", "dates", "trips", "trainings", "stops", "budget", "expenses"]
        let rows = tours.map { tour -> [String] in
            let dates = tour.from.flatMap { from in tour.to.map { "\(from) to \($0)" } } ?? "-"
            let budget = tour.templateFile.map { file in tour.currency.map { "\(file) (\($0))" } ?? file } ?? "-"
            return [
                tour.name, tour.hasPlan ? dates : "no plan", String(tour.trips), String(tour.trainings),
                tour.stops.isEmpty ? "-" : tour.stops.joined(separator: ", "), budget, String(tour.expenses),
            ]
        }
        switch format {
        case .json:
            return try JSONOutput.encode(self) + "\n"
        case .csv:
            return CSVWriter.render(
                header: [
                    "tour", "from", "to", "trips", "trainings", "stops", "budget_template", "currency", "expenses",
                ],
                rows: tours.map { tour in
                    [
                        tour.name, tour.from?.description ?? "", tour.to?.description ?? "", String(tour.trips),
                        String(tour.trainings), tour.stops.joined(separator: "; "), tour.templateFile ?? "",
                        tour.currency ?? "", String(tour.expenses),
                    ]
                })
        case .table:
            guard !tours.isEmpty else {
                return "No saved tours. Save one with `tourplan tour plan … --save NAME` "
                    + "or `tourplan budget TEMPLATE --save NAME`.\n"
            }
            var table = TextTable(header)
            for row in rows { table.add(row) }
            return table.render() + "\n"
        case .markdown, .html, .ics, .geojson:
            throw unsupported(format)
        }
    }
}
