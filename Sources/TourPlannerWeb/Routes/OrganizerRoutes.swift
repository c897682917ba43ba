import Hummingbird
import TourPlanner

/// The organizer's pages (`/members`, `/import`, `/rank`, `/markers`, `/tours`, `/events`,
/// `/users`). Not built yet: each answers 501 with the command for the same job.
enum OrganizerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {
        let terminal = " is not in the web app yet. From a terminal: "
        PendingPages.register(
            on: router, roles: [.organizer],
            pages: [
                ("/members", "The members page" + terminal + "`tourplan members` and `tourplan members --unresolved`."),
                ("/import", "The import page" + terminal + "`tourplan import FILE`."),
                ("/rank", "The ranking page" + terminal + "`tourplan rank --base PLACE`."),
                ("/markers", "The markers page" + terminal + "`tourplan markers`."),
                (
                    "/tours",
                    "The tours page" + terminal + "`tourplan tour plan … --save NAME`, then `tourplan itinerary`."
                ),
                ("/events", "The events page" + terminal + "`tourplan events add|list`."),
                ("/users", "The users page" + terminal + "`tourplan users add|list|disable|reset`."),
            ])
    }
}
