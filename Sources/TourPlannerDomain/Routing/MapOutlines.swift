import Foundation

/// The bundled map outlines (`Resources/Maps`, see its README): country and US-state rings in
/// degrees, read by the route map and by the open-water test of the drive model.
package enum MapOutlines {
    /// One outline: a country or state and its rings, each `[lon, lat, lon, lat, …]`.
    struct Outline: Decodable {
        var name: String
        var rings: [[Double]]
    }

    /// The rings of the bundled files `names` ("world", "us-states"), in that order; a file missing
    /// from the build contributes none.
    ///
    /// - Returns: every ring of the named files, each `[lon, lat, lon, lat, …]`.
    package static func rings(_ names: [String]) -> [[Double]] {
        var rings: [[Double]] = []
        for name in names {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/Maps"),
                let data = try? Data(contentsOf: url),
                let outlines = try? JSONDecoder().decode([Outline].self, from: data)
            else { continue }
            rings += outlines.flatMap(\.rings)
        }
        return rings
    }
}
