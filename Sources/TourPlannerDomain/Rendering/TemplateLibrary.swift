package import Foundation
import Mustache
import TourPlannerCore

/// The HTML templates (swift-mustache) shared by the library's renderers and the web app.
///
/// Templates live in `Sources/TourPlannerDomain/Resources/Templates/` as `NAME.mustache`; a
/// sub-folder's templates are named `folder/NAME`. `{{value}}` is HTML-escaped; `{{{value}}}` is
/// raw and is used only for markup the library built itself (an SVG map), never for data.
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary

    /// The bundled templates.
    ///
    /// - Throws: `PlannerError` naming the template that is missing or does not parse.
    public static func bundled() throws -> TemplateLibrary {
        guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil, subdirectory: "Resources")
        else {
            throw PlannerError(
                "Resources/Templates is missing from this build", hint: "rebuild tourplan (`swift build`)")
        }
        return try TemplateLibrary(directory: url)
    }

    /// The templates under `directory` (recursively).
    ///
    /// - Throws: `PlannerError` naming the template that cannot be read or parsed.
    package init(directory: URL) throws {
        _ = UTF8HTMLContentType.registered
        var library = MustacheLibrary()
        let root = directory.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        for relative in files.sorted() where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let path = root + "/" + relative
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                // The pragma selects the byte-level escaper; on a line of its own it writes nothing.
                try library.register("{{% CONTENT_TYPE: \(UTF8HTMLContentType.name) }}\n" + text, named: name)
            } catch {
                throw PlannerError(
                    "template \(relative) cannot be loaded: \(error)", hint: "fix the template or rebuild tourplan")
            }
        }
        self.library = library
    }

    /// Renders `template` with `context` (a struct, class or dictionary; keys are property names).
    ///
    /// - Throws: `PlannerError` when there is no template of that name.
    public func render(_ context: Any, template: String) throws -> String {
        guard let text = library.render(context, withTemplate: template) else {
            throw PlannerError("no template named \(template)", hint: "rebuild tourplan (`swift build`)")
        }
        return text
    }
}
