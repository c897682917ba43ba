import Foundation
import TourPlanner

/// Reads PLAN.json (`--plan`): the file here, the format and its errors in the library
/// (`TourPlan.decode`).
enum PlanFile {
    static func load(_ path: String) throws -> TourPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw CLIError("\(path): \(reason)", hint: "write a plan with `tourplan tour plan … --out \(path)`")
        }
        return try TourPlan.decode(data, fileName: path)
    }
}
