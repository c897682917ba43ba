/// A way of reaching a member.
package enum ContactChannel: String, Hashable, Sendable, Codable, CaseIterable {
    case call
    case text
}

/// One consent flag a member can carry. Each is an opt-out: set, it stops some or all contact.
public enum ConsentFlag: String, Hashable, Sendable, Codable, CaseIterable {
    /// No phone calls (texts are still allowed).
    case doNotCall = "do-not-call"
    /// No texts (calls are still allowed).
    case doNotText = "do-not-text"
    /// No contact of any kind.
    case doNotContact = "do-not-contact"
    /// The member has died: never contacted.
    case deceased

    /// The channels the flag stops.
    package var stops: Set<ContactChannel> {
        switch self {
        case .doNotCall: [.call]
        case .doNotText: [.text]
        case .doNotContact, .deceased: [.call, .text]
        }
    }
}

/// What a member has told us (or a source tool said) about being contacted.
///
/// Every flag is an opt-out, and opt-outs are sticky: a re-import can add one, never clear one
/// (only `TourDatabase.changeConsent`, the organizer's `tourplan members consent`, removes one, and
/// the change is logged). An e-mail unsubscribe is not a flag: it does not stop calls or texts.
package struct ContactConsent: Hashable, Sendable, Codable {
    /// No phone calls.
    package var doNotCall: Bool
    /// No texts.
    package var doNotText: Bool
    /// No contact of any kind.
    package var doNotContact: Bool
    /// The member has died: never contacted.
    package var deceased: Bool

    /// Creates a consent; by default no flag is set and every channel is allowed.
    package init(doNotCall: Bool = false, doNotText: Bool = false, doNotContact: Bool = false, deceased: Bool = false) {
        self.doNotCall = doNotCall
        self.doNotText = doNotText
        self.doNotContact = doNotContact
        self.deceased = deceased
    }

    /// Whether `flag` is set.
    package subscript(flag: ConsentFlag) -> Bool {
        get {
            switch flag {
            case .doNotCall: doNotCall
            case .doNotText: doNotText
            case .doNotContact: doNotContact
            case .deceased: deceased
            }
        }
        set {
            switch flag {
            case .doNotCall: doNotCall = newValue
            case .doNotText: doNotText = newValue
            case .doNotContact: doNotContact = newValue
            case .deceased: deceased = newValue
            }
        }
    }

    /// The flags that are set, in `ConsentFlag.allCases` order.
    package var flags: [ConsentFlag] { ConsentFlag.allCases.filter { self[$0] } }

    /// True when no flag stops contact on `channel`: the one rule every list and schedule uses.
    package func allows(_ channel: ContactChannel) -> Bool {
        !ConsentFlag.allCases.contains { self[$0] && $0.stops.contains(channel) }
    }
}

extension Member {
    /// The member's consent flags.
    package var consent: ContactConsent {
        get {
            ContactConsent(doNotCall: doNotCall, doNotText: doNotText, doNotContact: doNotContact, deceased: deceased)
        }
        set {
            doNotCall = newValue.doNotCall
            doNotText = newValue.doNotText
            doNotContact = newValue.doNotContact
            deceased = newValue.deceased
        }
    }

    /// True when the member may be reached on `channel` (no do-not-call/-text/-contact flag for
    /// it, and not deceased). Having a phone number is a separate question.
    package func isContactable(by channel: ContactChannel) -> Bool { consent.allows(channel) }
}
