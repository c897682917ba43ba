/// `Planner.solve(_:)`: a TSPLIB, Solomon VRPTW or OPTW instance file and the solver's limits.
public struct SolveQuery: Sendable, Hashable {
    /// The instance file (its kind is detected from the text).
    package var file: String
    /// The time limit in seconds, counted from `startedUptimeNanoseconds`.
    package var seconds: Double
    /// The random seed.
    package var seed: UInt64
    /// When the front end started (`DispatchTime.now().uptimeNanoseconds`): the limit covers the whole run.
    package var startedUptimeNanoseconds: UInt64

    /// A query solving `file` within `seconds` of `startedUptimeNanoseconds`.
    public init(file: String, seconds: Double, seed: UInt64 = 1, startedUptimeNanoseconds: UInt64) {
        self.file = file
        self.seconds = seconds
        self.seed = seed
        self.startedUptimeNanoseconds = startedUptimeNanoseconds
    }
}
