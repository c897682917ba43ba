import Foundation

// The rules each command's options must keep before anything is read, with the message that
// names the option and the value. Front ends report an `InvalidArgument` as a usage mistake.

extension RankQuery {
    /// Checks `rank`'s numbers and `--weight` options.
    ///
    /// - Throws: `InvalidArgument` for the first one out of range, in the order --limit (at least
    ///   1), --radius-km (above 0, at most 500), --min-unaffiliated (0 or more), --weight.
    public static func checkArguments(limit: Int?, radiusKm: Double, minUnaffiliated: Int, weights: [String])
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
    /// Checks `import --max-errors`, `--preset NAME` and `--map` (which excludes it) before
    /// anything is read.
    ///
    /// - Throws: `InvalidArgument` for a negative --max-errors, an unknown preset (with the
    ///   closest name), or both --map and --preset.
    public static func checkArguments(maxErrors: Int, preset: String?, map: String?) throws(InvalidArgument) {
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
    public static func checkArguments(lifts: Bool, stopReply: Bool, reason: String?) throws(InvalidArgument) {
        if lifts && reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw InvalidArgument("lifting a consent flag needs --reason TEXT (it is kept in the consent log)")
        }
        if stopReply && lifts {
            throw InvalidArgument("--stop-reply records an opt-out; do not combine it with --allow-…")
        }
    }

    /// The flags whose option is on (`--no-calls` sets do-not-call, `--allow-calls` clears it).
    public static func flags(_ options: KeyValuePairs<ConsentFlag, Bool>) -> Set<ConsentFlag> {
        Set(options.filter(\.value).map(\.key))
    }
}

extension ActualsTarget {
    /// Checks that recorded expenses name their tour and currency: by a budget template, or by
    /// --tour and --currency.
    ///
    /// - Throws: `InvalidArgument` saying how to name the tour's budget.
    public static func checkArguments(budget: String?, tour: String?, currency: String?) throws(InvalidArgument) {
        if budget == nil && (tour == nil || currency == nil) {
            throw InvalidArgument(
                "name the tour's budget: --budget Budgets/TOUR.toml (gives the tour and currency), or --tour NAME --currency CODE"
            )
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
    public static var bundledChapterRule: String {
        (try? loadBundled().chapterRule) ?? "the bundled markers.toml's [chapter] rule"
    }
}
