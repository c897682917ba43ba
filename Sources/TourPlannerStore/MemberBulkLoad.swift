import Foundation
import Synchronization

/// A 64-bit FNV-1a hash of UTF-8 bytes: cheap, stable across runs, good enough for a table whose
/// every hit is checked against the stored row.
func stableHash(_ text: String) -> UInt64 {
    var copy = text
    return copy.withUTF8 { stableHash($0) }
}

/// `stableHash` of bytes (the same value as for the string of those UTF-8 bytes).
func stableHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    // Final avalanche (from MurmurHash3's fmix64), so the low bits that pick a slot are mixed.
    hash ^= hash >> 33
    hash &*= 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
}

/// Rowids by key hash for a bulk load: an open-addressing table (linear probing) of 8-byte
/// entries (the hash's high 32 bits as a tag, which also picks the slot, and the rowid), so a million members cost 16 MiB rather than
/// the ~50 MiB of a `[String: Int64]`. A lookup offers every rowid whose tag matches; callers
/// check those rows, so a collision can never merge two different members.
struct RowIDTable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    private static func tag(_ hash: UInt64) -> UInt64 {
        let tag = hash >> 32
        return tag == 0 ? 1 : tag  // 0 marks an empty slot
    }

    /// One probe for "is it there, and if not, where does it go": the first stored rowid under
    /// `hash`'s tag for which `body` is true, else the free slot that ends the probe, for `fill`.
    func find(_ hash: UInt64, where body: (Int64) throws -> Bool) rethrows -> (row: Int64?, slot: Int) {
        let tag = Self.tag(hash)
        var index = Int(tag) & mask
        while slots[index] != 0 {
            if slots[index] >> 32 == tag {
                let row = Int64(slots[index] & 0xFFFF_FFFF)
                if try body(row) { return (row, index) }
            }
            index = (index + 1) & mask
        }
        return (nil, index)
    }

    /// Reads the first slot `find` would probe for each of `hashes` (see
    /// `MemberWriteSession.prefetch`); the sum of what it read, for the caller to keep.
    func touch(_ hashes: some Sequence<UInt64>) -> UInt64 {
        var sum: UInt64 = 0
        for hash in hashes { sum &+= slots[Int(Self.tag(hash)) & mask] }
        return sum
    }

    /// Stores `row` under `hash` in the free `slot` that `find` returned (no other insert in
    /// between), or the usual way when the table must grow first.
    mutating func fill(_ slot: Int, _ hash: UInt64, row: Int64) {
        guard row > 0, row <= 0xFFFF_FFFF else { return }
        if (count + 1) * 10 > slots.count * 7 || slots[slot] != 0 {
            insert(hash, row: row)
            return
        }
        slots[slot] = Self.tag(hash) << 32 | UInt64(row)
        count += 1
    }

    /// Stores `row` under `hash` (rowids beyond 2^32 − 1 are not stored; such a table would be
    /// far beyond a member export, and a miss only means a slower duplicate check).
    mutating func insert(_ hash: UInt64, row: Int64) {
        guard row > 0, row <= 0xFFFF_FFFF else { return }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let tag = Self.tag(hash)
        var index = Int(tag) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = tag << 32 | UInt64(row)
        count += 1
    }

    private mutating func grow() {
        // A slot is chosen by the tag (the hash's high 32 bits), which every entry keeps.
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 {
            var index = Int(entry >> 32) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = entry
        }
    }
}

/// Distinct strings numbered in the order first seen, found by the hash of their UTF-8 bytes
/// (open addressing over the numbers; every hit is compared byte for byte with `memcmp`), so a
/// lookup builds no `String` and hashes no `String`. The keys' bytes live in one buffer.
struct ByteKeyTable: Sendable {
    /// The keys' bytes, one after another, and each key's (offset, count) in it, by number.
    private var arena: [UInt8] = []
    private var spans: [(offset: Int, count: Int)] = []
    private var hashes: [UInt64] = []
    /// Key numbers by slot (linear probing); −1 marks an empty slot.
    private var slots = [Int32](repeating: -1, count: 1 << 8)

    /// The number of keys.
    var count: Int { spans.count }

    /// Key number `number` as a string.
    func key(_ number: Int) -> String {
        let span = spans[number]
        return String(decoding: arena[span.offset..<span.offset + span.count], as: UTF8.self)
    }

    /// The number of the key whose bytes are `bytes` (hash `hash`, see `stableHash`), and whether
    /// it was added now.
    mutating func number(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash, spans[number].count == bytes.count, equal(spans[number].offset, bytes) {
                return (number, false)
            }
            slot = (slot + 1) & mask
        }
        let number = spans.count
        spans.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        hashes.append(hash)
        slots[slot] = Int32(number)
        if spans.count * 10 > slots.count * 7 { grow() }
        return (number, true)
    }

    private func equal(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let other = bytes.baseAddress, bytes.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + offset, other, bytes.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}

/// The numbers of an import's place keys, shared by the importer's parsing tasks, which number
/// each batch's places under one lock (`number(_:)`) before the batch reaches the writer, and
/// the writer, which only tallies by number. The numbering took ~6% of an import inside the
/// writer, the stage every row waits for; the parsing tasks had time to spare.
///
/// Numbers follow the order in which batches were numbered, which two lanes may interleave: what
/// is written from them (`placeStats`, `chapterPlaces`) is keyed by the place key, never by number.
package final class PlaceNumbering: Sendable {
    private let table = Mutex(ByteKeyTable())

    package init() {}

    /// Numbers the places of the rows of `rows` not numbered yet.
    package func number(_ rows: inout EncodedMemberRows) {
        table.withLock { table in rows.numberPlaces(in: &table) }
    }

    /// The number of one key.
    func number(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        table.withLock { table in table.number(hash: hash, bytes: bytes).number }
    }

    /// The keys by number.
    func keys() -> [String] {
        table.withLock { table in (0..<table.count).map { table.key($0) } }
    }
}

/// The per-place and per-chapter counts of a bulk load, tallied row by row as members are
/// added: the same numbers `TourDatabase.refreshMemberAggregates` computes in SQL (a test checks
/// that they agree), without a second pass and a sort over a million rows. Places are numbered
/// by a `ByteKeyTable` of their encoded keys, chapters by the session's.
struct MemberAggregates: Sendable {
    struct PlaceTally: Sendable {
        var members = 0
        var unaffiliated = 0
        var organizers = 0
        var hosts = 0
        var unaffiliatedWomen = 0
        var unaffiliatedGenderStated = 0
    }
    /// The numbers of the place keys (see `PlaceNumbering`).
    let places: PlaceNumbering
    /// The tally of each place, by place number (members 0: numbered, but no member was added).
    private(set) var tallies: [PlaceTally] = []
    /// Members per (chapter number, place number), keyed `chapter << 32 | place`.
    private(set) var chapterPlaces: [UInt64: Int] = [:]

    init(places: PlaceNumbering) { self.places = places }

    /// Counts one member of place number `place` and chapter number `chapter` (nil: in no chapter).
    mutating func add(place: Int, chapter: Int?, organizerInterest: Bool, willingToHost: Bool, gender: GenderCategory) {
        if place >= tallies.count {
            tallies.append(contentsOf: repeatElement(PlaceTally(), count: place + 1 - tallies.count))
        }
        let unaffiliated = chapter == nil
        tallies[place].add(
            unaffiliated: unaffiliated, organizer: unaffiliated && organizerInterest, host: willingToHost,
            woman: unaffiliated && gender == .woman, genderStated: unaffiliated && gender != .unstated)
        if let chapter { chapterPlaces[UInt64(chapter) << 32 | UInt64(place), default: 0] += 1 }
    }
}

extension MemberAggregates {
    /// Adds the member at `index` of an encoded batch, in chapter number `chapter`.
    mutating func add(_ encoded: EncodedMemberRows, at index: Int, chapter: Int?) {
        // Numbered by a parsing task, or (a member upserted alone) here.
        let place =
            index < encoded.placeNumbers.count
            ? Int(encoded.placeNumbers[index])
            : encoded.withText(index, .placeKey) { places.number(hash: encoded.placeHashes[index], bytes: $0) }
        add(
            place: place, chapter: chapter, organizerInterest: encoded.flag(index, .organizerInterest) == 1,
            willingToHost: encoded.flag(index, .willingToHost) == 1, gender: encoded.genders[index])
    }
}

extension MemberAggregates.PlaceTally {
    fileprivate mutating func add(unaffiliated: Bool, organizer: Bool, host: Bool, woman: Bool, genderStated: Bool) {
        members += 1
        if unaffiliated { self.unaffiliated += 1 }
        if organizer { organizers += 1 }
        if host { hosts += 1 }
        if woman { unaffiliatedWomen += 1 }
        if genderStated { unaffiliatedGenderStated += 1 }
    }
}
