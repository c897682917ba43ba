/// Budget templates, plans and actuals report problems exactly like the other settings files.
public typealias BudgetError = SettingsError
