import Hummingbird

/// The treasurer's pages (`/budget`, `/expenses`): added by the treasurer stream.
enum TreasurerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {}
}
