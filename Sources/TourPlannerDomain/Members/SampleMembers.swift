package import Foundation

/// The bundled, clearly fictional sample member export (`Resources/sample-members.*`): it lives
/// in this target's bundle, and `SampleData` (Import) finds it here.
package enum SampleMembers {
    /// The bundled sample export with the given file extension (`csv`, `xml`), or nil when not bundled.
    package static func url(withExtension fileExtension: String) -> URL? {
        Bundle.module.url(forResource: "sample-members", withExtension: fileExtension, subdirectory: "Resources")
    }
}
