import Foundation

/// A command's output file (`--out`): refused when it is one of the command's own inputs, and
/// written privately when it holds personal data.
///
/// Two paths name the same file when they resolve to the same device and inode: that covers
/// `./west.json` against `west.json`, symbolic links and hard links. An output file that does
/// not exist yet cannot be an input.
public enum OutputFile {
    /// Refuses an output file that is one of the inputs (`itinerary --plan west.json --out
    /// west.json` would overwrite the plan with its itinerary).
    ///
    /// - Parameters:
    ///   - out: the output file (nothing is checked when nil).
    ///   - option: the option that named it.
    ///   - inputs: each input's option and path (nil when not given), in the order to check them.
    ///   - store: the store's file, checked last with its `-wal` and `-shm` companions (as `--db`).
    /// - Throws: `PlannerError` naming both options when `out` is the same file as an input.
    public static func check(
        _ out: String?, option: String = "--out", against inputs: KeyValuePairs<String, String?>, store: String?
    ) throws {
        guard let out, let outFile = identity(out) else { return }
        let storeFiles: [(String, String?)] = ["", "-wal", "-shm"].map { suffix in ("--db", store.map { $0 + suffix }) }
        for (inputOption, inputPath) in inputs.map({ ($0.key, $0.value) }) + storeFiles {
            guard let path = inputPath, identity(path) == outFile else { continue }
            throw PlannerError(
                "\(option) \(out) is the same file as \(inputOption) \(path): writing it would destroy that input",
                hint: "choose another \(option) file; nothing was written")
        }
    }

    /// Writes `text` to `path`, created 0600 (files holding personal data: call sheets, texts).
    ///
    /// - Throws: `PlannerError` "PATH: cannot be written".
    package static func writePrivate(_ text: String, to path: String) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) { try? fileManager.removeItem(atPath: path) }
        guard fileManager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw PlannerError("\(path): cannot be written", hint: "check that the folder exists and is writable")
        }
    }

    /// What a command prints for its output `text`: the text itself, or, given an `out` file,
    /// "WHAT written to OUT" (e.g. "12 tasks written to sheet.csv") once the text is in `out`,
    /// created 0600 when `isPrivate` (the file holds personal data: call sheets, texts).
    ///
    /// - Throws: `PlannerError` "PATH: cannot be written".
    public static func deliver(_ text: String, to out: String?, isPrivate: Bool, what: String) throws -> String {
        guard let out else { return text }
        if isPrivate {
            try writePrivate(text, to: out)
        } else {
            try PlannerFiles.write(text, to: out, hint: "check the --out path")
        }
        return "\(what) written to \(out)\n"
    }

    /// Whether two paths name one file after resolving `.`, `..` and symbolic links (the file need
    /// not exist).
    package static func samePath(_ a: String, _ b: String) -> Bool {
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolve(a) == resolve(b)
    }

    /// A file's device and inode.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The device and inode `path` resolves to (following symbolic links), or nil when there is
    /// no such file.
    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
