import Foundation
import Testing

/// Runs `Scripts/check-public-docs.py`, which lists every `public` declaration of the library's
/// targets (TourPlannerCore, TourPlannerDomain, TourPlannerStore, TourPlanner) that has no doc
/// comment and exits 1 if there is one.
@Suite("Public documentation")
struct PublicDocsTests {
    static let script = FolderDependencyTests.repository.appendingPathComponent("Scripts/check-public-docs.py").path

    @Test(
        "every public declaration of the library has a doc comment",
        .enabled(if: FolderDependencyTests.hasPython, "needs python3"))
    func everyPublicDeclarationIsDocumented() throws {
        let result = try FolderDependencyTests.run([Self.script])
        #expect(result.status == 0, "undocumented public declarations:\n\(result.output)")
        #expect(result.output.contains("public declaration(s), 0 without a doc comment"))
    }

    @Test(
        "an undocumented declaration is named; comments, attributes and imports count right",
        .enabled(if: FolderDependencyTests.hasPython, "needs python3"))
    func findsUndocumented() throws {
        // Given a target with a documented type, a documented method behind an attribute, an
        // undocumented property, a public import and a package function
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("public-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("Sources/TourPlannerCore/Alpha.swift")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = """
            public import Foundation

            /// A documented type.
            public struct Alpha {
                /// A documented method.
                @discardableResult
                public func beta() -> Int { 1 }
                public var gamma: Int { 2 }
                package func delta() {}
            }

            """
        try text.write(to: url, atomically: true, encoding: .utf8)
        // When the script scans it
        let result = try FolderDependencyTests.run([Self.script, root.path])
        // Then it exits 1, names only the property, and counts three public declarations
        #expect(result.status == 1)
        #expect(result.output.contains("Sources/TourPlannerCore/Alpha.swift:8: public var gamma: Int { 2 }\n"))
        #expect(!result.output.contains("beta"))
        #expect(result.output.contains("3 public declaration(s), 1 without a doc comment"))
    }
}
