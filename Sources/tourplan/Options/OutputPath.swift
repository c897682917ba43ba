import Foundation

/// Refuses an `--out` file that is one of the command's own inputs (`itinerary --plan west.json
/// --out west.json` would overwrite the plan with its itinerary).
///
/// Two paths name the same file when they resolve to the same device and inode: that covers
/// `./west.json` against `west.json`, symbolic links and hard links. An `--out` file that does
/// not exist yet cannot be an input.
enum OutputPath {
    /// One input of a command: the option that named it and its path (nil when not given).
    struct Input {
        var option: String
        var path: String?

        init(_ option: String, _ path: String?) {
            self.option = option
            self.path = path
        }
    }

    /// - Throws: `CLIError` naming both options when `out` is the same file as an input.
    static func check(_ out: String?, option: String = "--out", against inputs: [Input]) throws {
        guard let out, let outFile = fileIdentity(out) else { return }
        for input in inputs {
            guard let path = input.path, fileIdentity(path) == outFile else { continue }
            throw CLIError(
                "\(option) \(out) is the same file as \(input.option) \(path): writing it would destroy that input",
                hint: "choose another \(option) file; nothing was written")
        }
    }

    /// The store's file and its `-wal` and `-shm` companions, as inputs named `--db`.
    static func store(_ database: DatabaseOptions) -> [Input] {
        let path = database.resolvedPath
        return ["", "-wal", "-shm"].map { Input("--db", path + $0) }
    }

    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The device and inode `path` resolves to (following symbolic links), or nil when there is
    /// no such file.
    static func fileIdentity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
