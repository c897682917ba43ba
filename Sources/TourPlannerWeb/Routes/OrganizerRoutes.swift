import Hummingbird

/// The organizer's pages (`/members`, `/import`, `/rank`, `/markers`, `/tours`, `/events`,
/// `/users`): added by the organizer stream.
enum OrganizerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {}
}
