/// The web app's accounts, by name (`tourplan users list`).
public struct AccountsReport: RenderableReport {
    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The accounts, by name (any case).
    package var accounts: [WebAccount]

    /// The report of `accounts`.
    package init(accounts: [WebAccount]) { self.accounts = accounts }

    /// One table row per account (name, role, volunteer, whether a password is set, active or
    /// disabled), or how to add the first one when there is none.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self) + "\n"
        case .table:
            guard !accounts.isEmpty else { return "No accounts yet: `tourplan users add NAME --role organizer`.\n" }
            var table = TextTable(["name", "role", "volunteer", "password", "status"])
            for account in accounts {
                table.add([
                    account.name, account.role.rawValue, account.volunteer ?? "-",
                    account.hasPassword ? "set" : "link pending", account.isDisabled ? "disabled" : "active",
                ])
            }
            return table.render() + "\n"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}

extension Planner {
    /// The store's web app accounts.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's error when it cannot be read.
    public func accounts() throws -> AccountsReport {
        AccountsReport(accounts: try requireStore().accounts())
    }
}
