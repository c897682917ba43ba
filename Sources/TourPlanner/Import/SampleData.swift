import Foundation

/// The bundled, clearly fictional sample export used by `tourplan demo` and the tests.
package enum SampleData {
    /// Path of the bundled sample export in the given format, or nil when not bundled.
    package static func exportPath(_ format: ImportFormat) -> String? {
        SampleMembers.url(withExtension: format.rawValue)?.path
    }
}
