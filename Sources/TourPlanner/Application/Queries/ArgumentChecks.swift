import Foundation

// The rules each command's options must keep before anything is read, with the message that
// names the option and the value. Front ends report an `InvalidArgument` as a usage mistake.

extension RankQuery {
    /// Checks `rank`'s numbers and `--weight` options.
    ///
    /// - Throws: `InvalidArgument` for the first one out of range, in the order --limit (at least
    ///   1), --radius-km (above 0, at most 500), --min-unaffiliated (0 or more), --weight.
    package static func checkArguments(limit: Int?, radiusKm: Double, minUnaffiliated: Int, weights: [String])
        throws(InvalidArgument)
    {
        if let limit, limit < 1 { throw InvalidArgument("--limit must be at least 1 (got \(limit))") }
        if radiusKm <= 0 || radiusKm > 500 {
            throw InvalidArgument("--radius-km must be between 0 and 500 (got \(radiusKm))")
        }
        if minUnaffiliated < 0 {
            throw InvalidArgument("--min-unaffiliated must be 0 or more (got \(minUnaffiliated))")
        }
        _ = try WeightOverride.arguments(weights)
    }
}

extension OutcomeQuery {
    /// Checks that `calls log` has either one call (--task and --outcome) or a file of them.
    ///
    /// - Throws: `InvalidArgument` when --file comes with one call's options, when neither is
    ///   complete, or when --attempt is below 1.
    public static func checkArguments(file: String?, task: String?, outcome: CallOutcome?, attempt: Int?)
        throws(InvalidArgument)
    {
        if file != nil {
            guard task == nil, outcome == nil, attempt == nil else {
                throw InvalidArgument(
                    "--file takes the tasks and outcomes from the file: drop --task, --outcome and --attempt")
            }
        } else if task == nil || outcome == nil {
            throw InvalidArgument("give --task ID --outcome OUTCOME, or --file outcomes.csv")
        }
        if let attempt, attempt < 1 { throw InvalidArgument("--attempt must be at least 1 (got \(attempt))") }
    }
}

extension ImportQuery {
    /// Checks `import FILE…` or `import --undo-last`, `--max-errors`, `--preset NAME` and `--map`
    /// (which excludes it) before anything is read.
    ///
    /// - Throws: `InvalidArgument` for files with --undo-last or neither, a negative
    ///   --max-errors, an unknown preset (with the closest name), or both --map and --preset.
    public static func checkArguments(files: [String], undoLast: Bool, maxErrors: Int, preset: String?, map: String?)
        throws(InvalidArgument)
    {
        if undoLast != files.isEmpty {
            throw InvalidArgument(
                undoLast
                    ? "--undo-last takes no files (it undoes the latest import)" : "name the export files to import")
        }
        if maxErrors < 0 { throw InvalidArgument("--max-errors must be 0 or more (got \(maxErrors))") }
        if let preset, ColumnMapping.preset(named: preset) == nil {
            let suggestion = ColumnMapping.presetSuggestion(for: preset).map { "did you mean \"\($0)\"? " } ?? ""
            throw InvalidArgument(
                "unknown --preset \"\(preset)\"; \(suggestion)use one of: \(ColumnMapping.presets.map(\.name).joined(separator: ", ")) (any case; - _ and spaces are ignored)"
            )
        }
        if map != nil && preset != nil { throw InvalidArgument("use --map or --preset, not both") }
    }
}

extension MemberConsentQuery {
    /// Checks `members consent`: lifting a flag needs a reason (it is kept in the consent log),
    /// and a STOP reply is an opt-out, never combined with a lift.
    ///
    /// - Throws: `InvalidArgument` naming what is missing or what not to combine.
    package static func checkArguments(lifts: Bool, stopReply: Bool, reason: String?) throws(InvalidArgument) {
        if lifts && reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw InvalidArgument("lifting a consent flag needs --reason TEXT (it is kept in the consent log)")
        }
        if stopReply && lifts {
            throw InvalidArgument("--stop-reply records an opt-out; do not combine it with --allow-…")
        }
    }

    /// The flags whose option is on (`--no-calls` sets do-not-call, `--allow-calls` clears it).
    package static func flags(_ options: KeyValuePairs<ConsentFlag, Bool>) -> Set<ConsentFlag> {
        Set(options.filter(\.value).map(\.key))
    }
}

extension ActualsTarget {
    /// Checks that recorded expenses name their tour: by a budget template, or by --tour (the
    /// currency then comes from --currency or the saved tour's template).
    ///
    /// - Throws: `InvalidArgument` saying how to name the tour's budget.
    public static func checkArguments(budget: String?, tour: String?, currency: String?) throws(InvalidArgument) {
        if budget == nil && tour == nil {
            throw InvalidArgument(
                "name the tour: --tour NAME (a saved tour: its budget's currency is used unless --currency CODE), "
                    + "or --budget Budgets/TOUR.toml (gives the tour and currency)")
        }
    }
}

extension RouteQuery {
    /// Checks `--traffic-margin` (`cities route`, `tour plan`): a fraction from 0 to 2.
    ///
    /// - Throws: `InvalidArgument` naming the value.
    public static func checkArguments(trafficMargin: Double) throws(InvalidArgument) {
        if !(0...2).contains(trafficMargin) {
            throw InvalidArgument("--traffic-margin must be a fraction from 0 to 2 (got \(trafficMargin))")
        }
    }
}

extension MarkerSettings {
    /// The bundled settings' chapter rule for help text (the rule is configurable, so no front end
    /// writes it down); help must always print, so a broken bundle gives a placeholder here and is
    /// reported by the job itself.
    package static var bundledChapterRule: String {
        (try? loadBundled().chapterRule) ?? "the bundled markers.toml's [chapter] rule"
    }
}

extension ActualExpenseChange {
    /// Checks that `budget actuals edit` changes at least one field.
    ///
    /// - Throws: `InvalidArgument` with an example of a field to give.
    public func checkNotEmpty() throws(InvalidArgument) {
        if isEmpty { throw InvalidArgument("give at least one field to change, e.g. --amount 12.50 or --receipt R-7") }
    }
}

extension ExpenseID {
    /// The expenses `budget actuals delete` names: at least one.
    ///
    /// - Throws: `InvalidArgument` when there is none.
    public static func arguments(_ ids: [Int64]) throws(InvalidArgument) -> [ExpenseID] {
        if ids.isEmpty { throw InvalidArgument("give the id of at least one expense") }
        return ids.map(ExpenseID.init(rawValue:))
    }
}

extension BudgetInitQuery {
    /// A query from `budget init`'s options as typed: the currency an ISO 4217 code, and `out`
    /// never the plan it copies the counts from.
    ///
    /// - Throws: `InvalidArgument` when `out` is the `--from-plan` file, or for the currency.
    public init(out: String, planPath: String?, name: String?, currency: String, overwrite: Bool)
        throws(InvalidArgument)
    {
        if let planPath, OutputFile.samePath(planPath, out) {
            throw InvalidArgument("--out \(out) is the --from-plan file; write the template to another file")
        }
        self.init(
            out: out, planPath: planPath, name: name,
            currency: try CurrencyCode.argument(currency, option: "--currency"), overwrite: overwrite)
    }
}

extension MembersQuery {
    /// Checks `members --limit`: 0 (all rows) or more.
    ///
    /// - Throws: `InvalidArgument` naming the value.
    public static func checkArguments(limit: Int) throws(InvalidArgument) {
        if limit < 0 { throw InvalidArgument("--limit must be 0 or more (got \(limit))") }
    }
}

extension SolveQuery {
    /// Checks `solve --seconds`: a time limit above 0.
    ///
    /// - Throws: `InvalidArgument` naming the value.
    public static func checkArguments(seconds: Double) throws(InvalidArgument) {
        if !(seconds > 0) { throw InvalidArgument("--seconds must be more than 0 (got \(seconds))") }
    }
}

extension ItineraryQuery {
    /// Refuses `itinerary --training-start`: every time of an itinerary comes from the plan.
    ///
    /// - Throws: `InvalidArgument` saying to re-plan with the option instead.
    public static func checkArguments(trainingStart: String?) throws(InvalidArgument) {
        if let trainingStart {
            throw InvalidArgument(
                "--training-start \(trainingStart): the itinerary now takes every time from the plan; re-plan with `tourplan tour plan … --training-start \(trainingStart)` instead"
            )
        }
    }
}

/// The rules of `tourplan serve`'s options.
public enum ServeArguments {
    /// Checks the port (0, any free one, to 65535) and that a base URL has a scheme.
    ///
    /// - Throws: `InvalidArgument` naming the value.
    public static func check(port: Int, baseURL: String?) throws(InvalidArgument) {
        guard (0...65535).contains(port) else { throw InvalidArgument("--port must be 0…65535 (got \(port))") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw InvalidArgument("--base-url \"\(baseURL)\" is not a URL like https://tour.example.org")
        }
    }
}

extension OutputFormat {
    /// The format a `--format` value names: its raw value, with `md` for Markdown.
    public init?(option: String) {
        self.init(rawValue: option == "md" ? "markdown" : option)
    }
}
