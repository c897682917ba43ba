import Foundation

/// The bundled, clearly fictional sample export used by `tourplan demo` and the tests.
public enum SampleData {
    /// Path of the bundled sample export in the given format, or nil when not bundled.
    public static func exportPath(_ format: ImportFormat) -> String? {
        SampleMembers.url(withExtension: format.rawValue)?.path
    }
}
