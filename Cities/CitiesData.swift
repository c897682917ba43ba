public import Foundation

/// The bundled gazetteer files (see Cities/README.md): `gazetteer.tsv`, `admin1.tsv`,
/// `countries.tsv` and the default `aliases.tsv`.
public enum CitiesData {
    /// URL of a bundled data file, e.g. `url(of: "gazetteer.tsv")`.
    public static func url(of fileName: String) -> URL? {
        let parts = fileName.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return Bundle.module.url(forResource: parts[0], withExtension: parts[1])
    }
}
