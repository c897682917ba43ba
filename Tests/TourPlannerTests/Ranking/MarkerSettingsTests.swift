import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Marker settings: the bundled file")
struct MarkerSettingsTests {
    @Test("a missing bundled markers.toml is an error naming Resources/markers.toml, not the defaults")
    func missingBundledFileThrows() {
        #expect {
            _ = try MarkerSettings.load(bundled: nil)
        } throws: { error in
            guard let error = error as? SettingsError else { return false }
            return error.file == "Resources/markers.toml" && error.problem == "is missing from the installed resources"
                && error.hint.contains("swift build")
        }
    }

    @Test("an unreadable bundled markers.toml is an error naming Resources/markers.toml")
    func unreadableBundledFileThrows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "markers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("markers.toml")
        try Data([0x66, 0xFF, 0xFE, 0x0A]).write(to: file)  // not UTF-8
        #expect {
            _ = try MarkerSettings.load(bundled: file)
        } throws: { error in
            (error as? SettingsError)?.file == "Resources/markers.toml"
        }
    }

    @Test("the installed markers.toml loads")
    func bundledFileLoads() {
        #expect(throws: Never.self) { _ = try MarkerSettings.loadBundled() }
    }
}
