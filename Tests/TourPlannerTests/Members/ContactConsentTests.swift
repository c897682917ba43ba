import Testing

@testable import TourPlanner

@Suite("Member.isContactable")
struct ContactConsentTests {
    @Test(
        "the predicate: do-not-call stops calls only, do-not-text texts only, do-not-contact and deceased both",
        arguments: [
            (ContactConsent(), true, true), (ContactConsent(doNotCall: true), false, true),
            (ContactConsent(doNotText: true), true, false), (ContactConsent(doNotContact: true), false, false),
            (ContactConsent(deceased: true), false, false),
        ])
    func predicate(consent: ContactConsent, calls: Bool, texts: Bool) {
        var member = Member(id: MemberID("1"), city: "Boston")
        member.consent = consent
        #expect(member.isContactable(by: .call) == calls)
        #expect(member.isContactable(by: .text) == texts)
    }
}
