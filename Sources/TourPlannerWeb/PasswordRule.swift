/// What a new password must be: long enough, and typed the same twice.
public enum PasswordRule {
    /// The fewest characters a password may have.
    public static let minimumLength = 10

    /// Why `password` cannot be used, or nil when it can.
    public static func problem(_ password: String, confirmation: String?) -> String? {
        if password.count < minimumLength {
            return "The password needs at least \(minimumLength) characters (it has \(password.count))."
        }
        if let confirmation, confirmation != password { return "The two passwords are not the same." }
        return nil
    }
}
