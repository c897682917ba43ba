// The store's API is written in the domain types (members, consent, tours, reminders, expenses):
// clients that import TourPlannerStore see them without importing TourPlannerDomain.
@_exported public import TourPlannerDomain
