extension Planner {
    /// Changes the role of account `name` (`tourplan users role NAME --role …`, the Users page):
    /// a volunteer account names its volunteer of the schedule, the others none. Its sessions end.
    /// The last enabled organizer keeps the organizer role.
    ///
    /// - Throws: `PlannerError` for an unknown account, demoting the last enabled organizer or a
    ///   missing, unknown or misplaced volunteer, or no store.
    public func changeRole(name: String, to role: WebAccount.Role, volunteer: String?) throws -> AccountChangeReport {
        AccountChangeReport(.roleChanged, try requireStore().setRole(role, volunteer: volunteer, accountName: name))
    }

    /// Enables a disabled account (`tourplan users enable NAME`, the Users page): it can sign in
    /// again with its password or a welcome link issued after this.
    ///
    /// - Throws: `PlannerError` for an unknown account or no store.
    public func enableAccount(name: String) throws -> AccountChangeReport {
        let store = try requireStore()
        try store.setDisabled(false, accountID: try store.account(named: name).id)
        return AccountChangeReport(.enabled, try store.account(named: name))
    }

    /// Disables account `name` (`tourplan users disable NAME`, the Users page): it cannot sign in,
    /// its sessions end and its welcome links stop working. The last enabled organizer stays enabled.
    ///
    /// - Throws: `PlannerError` for an unknown account, the last enabled organizer, or no store.
    public func disableAccount(name: String) throws -> AccountChangeReport {
        let store = try requireStore()
        try store.setDisabled(true, accountID: try store.account(named: name).id)
        return AccountChangeReport(.disabled, try store.account(named: name))
    }
}
