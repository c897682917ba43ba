/// URL-safe ids for task paths: a task id like `2014-06-07-boston/1252/inviteCall` has slashes,
/// so `/calls/{task}/outcome` carries its base64url form.
enum TaskPathID {
    static func make(_ taskID: String) -> String { Base64URL.encode(Array(taskID.utf8)) }

    /// The task id of a path id, or nil when it is not one.
    static func taskID(_ pathID: String) -> String? {
        guard pathID.count <= 400, let id = Base64URL.decodeString(pathID), !id.isEmpty else { return nil }
        return id
    }
}
