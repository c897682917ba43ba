import Foundation
import Hummingbird

/// A form the CSRF check refused (403): why, in words a person acts on, what they had typed (so
/// nothing is lost), and the way back — the sign-in page that returns to the form's page when
/// they were signed out, else the form's page to reload.
struct RefusedForm: Error, Sendable {
    /// What happened, "You were signed out, so this was not saved."
    var message: String
    /// What to do next.
    var hint: String
    /// What the person had typed in the form's text fields, as (label, value).
    var typed: [(label: String, value: String)]
    /// The link to follow next and its words.
    var link: (href: String, text: String)

    /// The text fields whose values the page shows again, with their labels on the forms.
    static let textFields = [
        ("note", "Note"), ("amount", "Amount"), ("trip", "Trip"), ("venue", "Venue"), ("organizer", "Local organizer"),
        ("stops", "Metros"),
    ]

    /// The refusal of `request`: `signedOut` when no session came with it (it ended, or the
    /// person signed out in another tab); `field` reads the form's fields (nil: not read).
    static func make(request: Request, signedOut: Bool, field: (String) -> String?) -> RefusedForm {
        let page = LocalPath.referer(request)
        let typed = textFields.compactMap { name, label -> (label: String, value: String)? in
            guard let value = field(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return nil
            }
            return (label, value)
        }
        let kept = typed.isEmpty ? "" : " What you typed is below: copy it before you go on."
        if signedOut {
            return RefusedForm(
                message: "You are signed out, so this was not saved.",
                hint: "Sessions end after 8 hours without use, or when you sign out in another tab. "
                    + "Sign in again and you are back on the page to send it again." + kept,
                typed: typed, link: (LocalPath.login(next: page), "Sign in again"))
        }
        return RefusedForm(
            message: "This form has expired or did not come from this site, so it was not saved.",
            hint: "It was opened before you last signed in (in another tab?). Reload the page and send it again."
                + kept,
            typed: typed, link: (page ?? "/", page == nil ? "Back to your first page" : "Reload the page"))
    }
}
