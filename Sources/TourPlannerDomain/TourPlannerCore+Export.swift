// The domain's API is written in the core value types (dates, times, money, geo points,
// identifiers): clients that import TourPlannerDomain see them without importing TourPlannerCore.
@_exported public import TourPlannerCore
