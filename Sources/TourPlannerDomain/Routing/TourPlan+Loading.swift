package import Foundation

extension TourPlan {
    /// Reads a PLAN.json document, with errors in the user's terms.
    ///
    /// A document is a plan when it is a JSON object with `"version"` or `"trips"` (`version`
    /// may be absent: other programs write plans too, see README "PLAN.json"). A version newer
    /// than `currentVersion` is refused rather than half-read.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - fileName: the name to show in errors.
    /// - Returns: the plan, read leniently where the format allows (see ``TourPlan/init(from:)``).
    /// - Throws: `PlanFileError` naming the JSON path, the problem and the value found.
    package static func decode(_ data: Data, fileName: String) throws -> TourPlan {
        let remedy = "write the plan again with `tourplan tour plan … --out \(fileName)`"
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw PlanFileError(
                file: fileName, path: nil, problem: "is not JSON (\(Self.parserReason(error)))", hint: remedy)
        }
        guard let top = document as? [String: Any] else {
            throw PlanFileError(
                file: fileName, path: nil,
                problem: "not a TourPlanner plan (the document is \(Self.describe(document)), not an object)",
                hint: remedy)
        }
        guard top["version"] != nil || top["trips"] != nil else {
            throw PlanFileError(
                file: fileName, path: nil, problem: "not a TourPlanner plan (no \"version\" and no \"trips\")",
                hint: "pass a PLAN.json written by `tourplan tour plan`")
        }
        if let version = top["version"] {
            guard let number = version as? NSNumber, !Self.isBoolean(number),
                let value = Int(exactly: number.doubleValue)
            else {
                throw PlanFileError(
                    file: fileName, path: "version",
                    problem: "expected a whole number, found \(Self.describe(version))", hint: remedy)
            }
            if value > currentVersion {
                throw PlanFileError(
                    file: fileName, path: nil,
                    problem: "version \(value) is newer than this tool (it reads version \(currentVersion))",
                    hint: "update tourplan, or write the plan again with this version")
            }
            if value < 1 {
                throw PlanFileError(
                    file: fileName, path: "version",
                    problem: "\(value) is not a plan version (versions start at 1)", hint: remedy)
            }
        }
        do {
            return try JSONDecoder().decode(TourPlan.self, from: data)
        } catch let error as DecodingError {
            throw Self.translate(error, document: document, fileName: fileName, hint: remedy)
        }
    }

    /// A decoding error as `PlanFileError`: the path as `trips[1].stops[0]`, the problem in words
    /// and, where the document has one, the value found.
    static func translate(_ error: DecodingError, document: Any, fileName: String, hint: String) -> PlanFileError {
        func located(_ path: [any CodingKey], _ problem: String) -> PlanFileError {
            PlanFileError(file: fileName, path: path.isEmpty ? nil : Self.jsonPath(path), problem: problem, hint: hint)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return located(context.codingPath, "missing \"\(key.stringValue)\"")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "is null; expected \(Self.expected(type))")
        case .typeMismatch(let type, let context):
            let found = Self.value(at: context.codingPath, in: document).map(Self.describe) ?? "something else"
            return located(context.codingPath, "expected \(Self.expected(type)), found \(found)")
        case .dataCorrupted(let context):
            return located(context.codingPath, context.debugDescription)
        @unknown default:
            return PlanFileError(file: fileName, path: nil, problem: "cannot be read as a plan", hint: hint)
        }
    }

    /// `trips[1].stops[0].date` for a coding path.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// The JSON value at a coding path, when there is one.
    static func value(at path: [any CodingKey], in document: Any) -> Any? {
        var current: Any = document
        for key in path {
            if let index = key.intValue, let array = current as? [Any] {
                guard array.indices.contains(index) else { return nil }
                current = array[index]
            } else if let object = current as? [String: Any], let next = object[key.stringValue] {
                current = next
            } else {
                return nil
            }
        }
        return current
    }

    /// "a number", "a string", "a list", "an object" for a Swift type being decoded.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }

    /// A JSON value in words, with short values quoted: `"many"`, `the number 3`, `a list`.
    static func describe(_ value: Any) -> String {
        switch value {
        case let text as String:
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "the string \"\(shown)\""
        case let number as NSNumber:
            return isBoolean(number) ? (number.boolValue ? "true" : "false") : "the number \(number)"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(type(of: value))"
        }
    }

    /// True for JSON `true`/`false` (Foundation's JSON parser gives them as NSNumber of type `c`).
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// The parser's own reason ("Unexpected character 'x' around line 1, column 1."), trimmed.
    static func parserReason(_ error: any Error) -> String {
        let nsError = error as NSError
        let reason =
            (nsError.userInfo[NSDebugDescriptionErrorKey] as? String)
            ?? (nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
            ?? nsError.localizedDescription
        return reason.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }
}
