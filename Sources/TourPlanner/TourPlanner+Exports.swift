// The core value types (dates, times, money, geo points, identifiers), the domain stages and
// the store are part of this library's API: clients that import TourPlanner see them without
// importing TourPlannerCore, TourPlannerDomain or TourPlannerStore.
@_exported public import TourPlannerCore
@_exported public import TourPlannerDomain
@_exported public import TourPlannerStore
