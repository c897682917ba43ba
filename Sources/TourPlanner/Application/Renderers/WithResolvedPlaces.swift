/// JSON output with the places a job resolved from its input: the value's own keys, plus
/// `resolved` (an array of `ResolvedPlace` objects). The value must encode as a JSON object.
package struct WithResolvedPlaces<Value: Encodable>: Encodable {
    /// The report's own value.
    package var value: Value
    /// The places resolved from the user's input, in input order.
    package var resolved: [ResolvedPlace]

    enum CodingKeys: String, CodingKey { case resolved }

    /// The value with its resolved places.
    package init(value: Value, resolved: [ResolvedPlace]) {
        self.value = value
        self.resolved = resolved
    }

    /// Encodes the value's keys, then `resolved`.
    package func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resolved, forKey: .resolved)
    }
}
