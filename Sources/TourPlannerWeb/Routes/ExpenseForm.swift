import Foundation
import Hummingbird
import TourPlanner

/// The expense form (add and edit): what the person typed, checked by the use cases exactly as
/// `budget actuals edit` checks its flags, and re-shown with their values and the error when refused.
struct ExpenseForm: Sendable, Hashable {
    var date = ""
    var category = ""
    var amount = ""
    var currency = ""
    var rate = ""
    var trip = ""
    var note = ""

    init() {}

    /// The values of a submitted form.
    init(_ field: (String) -> String?) {
        date = field("date") ?? ""
        category = field("category") ?? ""
        amount = field("amount") ?? ""
        currency = field("currency") ?? ""
        rate = field("rate") ?? ""
        trip = field("trip") ?? ""
        note = field("note") ?? ""
    }

    /// The values of a recorded expense (the edit form's starting point).
    init(_ expense: ActualExpense) {
        date = expense.date.description
        category = expense.category
        amount = expense.amount.plainText
        currency = expense.amount.currency.rawValue
        rate = expense.rate.map { NSDecimalNumber(decimal: $0).stringValue } ?? ""
        trip = expense.trip
        note = expense.note
    }

    /// The change the form asks for: every field, as `budget actuals edit` would get them as flags
    /// (an empty rate removes the rate). The receipt is never a form field: only an upload sets it.
    func change(budgetCurrency: CurrencyCode? = nil) -> ActualExpenseChange {
        ActualExpenseChange(
            date: date, category: category, trip: trip, amount: amount, currency: currency, rate: rate,
            budgetCurrency: budgetCurrency?.rawValue, note: note)
    }

    /// A refused form: what is wrong (in the form's words, not the command's flags), what to do,
    /// which field, and the status to answer with.
    struct Problem: Sendable {
        var message: String
        var hint: String?
        var field: String?
        var status: HTTPResponse.Status
    }

    /// The form labels of the command's flags, longest first (so `--budget-currency` is not read as
    /// `--currency`).
    static let labels: [(flag: String, field: String, label: String)] = [
        ("--budget-currency", "currency", "Budget currency"), ("--category", "category", "Category"),
        ("--currency", "currency", "Currency"), ("--amount", "amount", "Amount"), ("--date", "date", "Date"),
        ("--rate", "rate", "Rate"), ("--trip", "trip", "Trip"), ("--note", "note", "Note"),
    ]

    /// The problem a use case's error means for the form, or nil for an error that is not the
    /// person's to fix (it goes to the error page).
    static func problem(_ error: any Error) -> Problem? {
        switch error {
        case let error as ReceiptError:
            let status: HTTPResponse.Status
            switch error.kind {
            case .tooLarge: status = .contentTooLarge
            case .unsupportedType: status = .unsupportedMediaType
            case .notFound: status = .notFound
            case .storage: return nil
            }
            return Problem(
                message: "Receipt: " + error.message + ".", hint: sentence(error.hint), field: "receipt", status: status
            )
        case let error as BudgetError:
            let entry = labels.first { $0.flag == error.key }
            let label = entry?.label ?? error.key
            return Problem(
                message: "\(label) \(error.problem).", hint: sentence(formHint(error.hint)), field: entry?.field,
                status: .unprocessableContent)
        case let error as PlannerError:
            let field = labels.first { error.message.hasPrefix($0.flag) }?.field
            return Problem(
                message: sentence(formWords(error.message)), hint: error.hint.map { sentence(formHint($0)) },
                field: field, status: .unprocessableContent)
        default:
            return nil
        }
    }

    /// A hint with the command's flags replaced by the form's labels, and the parts about the
    /// command line (a flag the form has no field for, a `tourplan` command) left out.
    static func formHint(_ text: String) -> String {
        var text = text
        for entry in labels { text = text.replacingOccurrences(of: entry.flag, with: entry.label) }
        return WebWording(fields: [], fallbackHint: "correct the form and save it again").hint(text)
    }

    /// `text` with the command's flags replaced by the form's labels (and any other flag by its words).
    static func formWords(_ text: String) -> String {
        var text = text
        for entry in labels { text = text.replacingOccurrences(of: entry.flag, with: entry.label) }
        return WebWording.general.message(text)
    }

    /// `text` starting with a capital and ending with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capitalized = first.uppercased() + text.dropFirst()
        return capitalized.hasSuffix(".") ? capitalized : capitalized + "."
    }

    /// The form's view model.
    ///
    /// - Parameters:
    ///   - action: where the form posts.
    ///   - submit: the submit button's label.
    ///   - csrf: the session's CSRF token.
    ///   - categories: the choices of the category select (the tour template's lines first).
    ///   - budgetCurrency: the tour's budget currency (the rate's target, the currency field's default).
    ///   - problem: why the last submission was refused, shown next to the form.
    ///   - withReceipt: whether the form has the receipt file field (the add form).
    /// - Returns: the `web/expense-form` template's context.
    func view(
        action: String, submit: String, csrf: String, categories: [String], budgetCurrency: String,
        problem: Problem?, withReceipt: Bool
    ) -> [String: Any] {
        let invalid = problem?.field
        func field(
            _ name: String, _ label: String, value: String, type: String = "text", required: Bool = false,
            inputmode: String? = nil, hint: String? = nil, maxlength: Int = 200
        ) -> [String: Any] {
            var entry: [String: Any] = [
                "id": "expense-\(name)", "name": name, "label": label, "value": value, "type": type,
                "required": required, "invalid": invalid == name, "maxlength": maxlength,
            ]
            if let inputmode { entry["inputmode"] = inputmode }
            if let hint {
                entry["hint"] = hint
                entry["hintID"] = "expense-\(name)-hint"
            }
            return entry
        }
        var choices = categories
        if !category.isEmpty, !choices.contains(category) { choices.append(category) }
        var view: [String: Any] = [
            "action": action, "submit": submit, "csrf": csrf, "multipart": withReceipt,
            "before": [
                field(
                    "date", "Date", value: date, type: "date", required: true,
                    hint: "The day it was paid (a plain text box takes it as YYYY-MM-DD, e.g. 2014-06-07).")
            ],
            "categoryInvalid": invalid == "category",
            "categories": choices.map { ["value": $0, "label": $0.capitalized, "selected": $0 == category] },
            "after": [
                field(
                    "amount", "Amount", value: amount, required: true, inputmode: "decimal",
                    hint: "As paid, e.g. 42.50.", maxlength: 20),
                field(
                    "currency", "Currency paid", value: currency.isEmpty ? budgetCurrency : currency,
                    hint: "An ISO code such as USD or EUR; the tour's budget is in \(budgetCurrency).", maxlength: 3),
                field(
                    "rate", "Rate to \(budgetCurrency)", value: rate, inputmode: "decimal",
                    hint: "Only when paid in another currency: \(budgetCurrency) per unit paid, e.g. 1.08.",
                    maxlength: 20),
                field("trip", "Trip (optional)", value: trip),
                field("note", "Note (optional)", value: note, maxlength: 500),
            ],
            "withReceipt": withReceipt, "receiptInvalid": invalid == "receipt",
            "receiptHint": "PDF, JPEG, PNG or HEIC, up to \(ReceiptStore.maximumBytes / 1024 / 1024) MB.",
        ]
        if let problem {
            view["error"] = problem.message
            if let hint = problem.hint { view["errorHint"] = hint }
        }
        return view
    }

    /// The category select's choices: the template's budget lines first, then the other
    /// categories an expense may have.
    static func categories(_ budget: BudgetReport?) -> [String] {
        var choices = budget?.lines.map(\.category).filter { ActualExpense.categories.contains($0) } ?? []
        for category in ActualExpense.categories where !choices.contains(category) { choices.append(category) }
        return choices
    }
}
