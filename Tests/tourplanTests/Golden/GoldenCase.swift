import Foundation
import Testing

/// One golden scenario: the inputs copied into a fresh scratch folder, then one or more
/// `tourplan` runs there (relative paths, so no machine path shows), all in one snapshot.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// A file the runs need, copied into the scratch folder.
    enum Input: Sendable {
        /// A private copy of the demo's folder as `demo/` (store, plan.json, …).
        case demo
        /// Tests/TourPlannerTests/Fixtures/NAME.
        case importerFixture(String)
        /// Tests/tourplanTests/Golden/Fixtures/NAME.
        case goldenFixture(String)
        /// Budgets/NAME in the package.
        case budget(String)
    }

    /// The snapshot's name (Snapshots/NAME.txt).
    var name: String
    var inputs: [Input]
    /// The runs, in order; each one's transcript follows the last.
    var runs: [[String]]
    var masks: [GoldenFile.Mask] = []

    var testDescription: String { name }

    init(_ name: String, inputs: [Input], _ runs: [String]...) {
        self.name = name
        self.inputs = inputs
        self.runs = runs
    }

    /// Runs the case and compares its transcript with the snapshot.
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try ScratchFolder()
        for input in inputs {
            switch input {
            case .demo: try GoldenSupport.copyDemo(into: folder)
            case .importerFixture(let name): try GoldenSupport.copy(GoldenSupport.importerFixture(name), into: folder)
            case .goldenFixture(let name): try GoldenSupport.copy(GoldenSupport.goldenFixture(name), into: folder)
            case .budget(let name):
                try GoldenSupport.copy(
                    GoldenSupport.repositoryRoot.appendingPathComponent("Budgets/\(name)"), into: folder)
            }
        }
        let text = try runs.map { try GoldenSupport.transcript($0, in: folder.url) }.joined(separator: "\n")
        GoldenFile.check(
            text, named: name, masks: [.folder(folder.url), .welcomeToken] + masks, sourceLocation: sourceLocation)
    }
}
