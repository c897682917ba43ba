/// The one HTML escaper of the library's hand-built markup (the SVG route map, the call sheet):
/// `&`, `<`, `>` and `"` become entities, so text is safe in element content and in double-quoted
/// attribute values.
///
/// Pages rendered from templates (`TemplateLibrary`) are escaped by swift-mustache's `{{value}}`
/// instead, which also turns `'` into `&#39;`.
package enum HTMLEscaper {
    /// `text` with `&`, `<`, `>` and `"` replaced by `&amp;`, `&lt;`, `&gt;` and `&quot;`.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
