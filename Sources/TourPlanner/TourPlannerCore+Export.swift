// The core value types (dates, times, money, geo points, identifiers) are part of this
// library's API: clients that import TourPlanner see them without importing TourPlannerCore.
@_exported public import TourPlannerCore
