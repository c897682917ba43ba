import Foundation
import Testing

@testable import TourPlanner

@Suite("ReceiptStore")
struct ReceiptStoreTests {
    static let pdf = Data("%PDF-1.7\n1 0 obj\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16])
    static let heic = Data([0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0])

    @Test("content sniffing: PDF, JPEG, PNG, HEIC by their first bytes; HTML, MP4 and empty files are refused")
    func sniffing() {
        #expect(ReceiptStore.Kind.sniff(Self.pdf) == .pdf)
        #expect(ReceiptStore.Kind.sniff(Self.jpeg) == .jpeg)
        #expect(ReceiptStore.Kind.sniff(Self.png) == .png)
        #expect(ReceiptStore.Kind.sniff(Self.heic) == .heic)
        #expect(ReceiptStore.Kind.sniff(Data("<html><script>".utf8)) == nil)
        #expect(ReceiptStore.Kind.sniff(Data([0, 0, 0, 24] + Array("ftypmp42".utf8))) == nil)
        #expect(ReceiptStore.Kind.sniff(Data()) == nil)
    }

    @Test("a saved receipt gets a generated name, mode 0600 in a 0700 folder beside the store, and reads back")
    func saveAndRead() throws {
        let folder = try TemporaryFolder()
        let store = ReceiptStore(databasePath: folder.url.appendingPathComponent("t.sqlite").path)
        let name = try store.save(Self.pdf)
        #expect(ReceiptStore.isStoredName(name) && name.hasSuffix(".pdf") && name.count == 36)
        #expect(store.folder.lastPathComponent == "t.sqlite.receipts")
        let manager = FileManager.default
        let folderMode = try manager.attributesOfItem(atPath: store.folder.path)[.posixPermissions] as? Int
        let fileMode =
            try manager.attributesOfItem(atPath: store.folder.appendingPathComponent(name).path)[.posixPermissions]
            as? Int
        #expect(folderMode == 0o700 && fileMode == 0o600)
        let read = try store.read(name)
        #expect(read.data == Self.pdf && read.kind == .pdf)
        #expect(try store.save(Self.pdf) != name)
    }

    @Test("over 5 MB is .tooLarge, an HTML file is .unsupportedType; nothing is written")
    func refused() throws {
        let folder = try TemporaryFolder()
        let store = ReceiptStore(databasePath: folder.url.appendingPathComponent("t.sqlite").path)
        #expect {
            try store.save(Self.pdf + Data(count: ReceiptStore.maximumBytes))
        } throws: { ($0 as? ReceiptError)?.kind == .tooLarge }
        #expect {
            try store.save(Data("<html>".utf8))
        } throws: { ($0 as? ReceiptError)?.kind == .unsupportedType }
        #expect(!FileManager.default.fileExists(atPath: store.folder.path))
    }

    @Test("names with ../, /, uppercase or other extensions never reach the file system")
    func traversal() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("secret.pdf", "%PDF-1.4 secret")
        let store = ReceiptStore(databasePath: folder.url.appendingPathComponent("t.sqlite").path)
        _ = try store.save(Self.pdf)
        let attempts = [
            "../secret.pdf", "..%2Fsecret.pdf", secret, "/etc/passwd", "../../t.sqlite",
            String(repeating: "A", count: 32) + ".pdf", String(repeating: "a", count: 32) + ".html",
            String(repeating: "a", count: 31) + "/.pdf",
        ]
        for name in attempts {
            #expect(!ReceiptStore.isStoredName(name), "\(name)")
            #expect(throws: ReceiptError.self) { try store.read(name) }
        }
    }

    @Test("attaching a receipt records its stored name on the expense; a refused file changes nothing")
    func attach() async throws {
        let folder = try TemporaryFolder()
        let receipts = ReceiptStore(databasePath: folder.url.appendingPathComponent("t.sqlite").path)
        let planner = try TestPlanner.withEmptyStore()
        _ = try await planner.saveTourBudget(
            templatePath: try folder.write("t.toml", BudgetTests.minimal), name: "east")
        let added = try await planner.addExpense(
            tour: "east", fields: ActualExpenseChange(date: "2014-06-07", category: "tolls", amount: "5"))
        let id = try #require(added.expenses.first?.id)
        #expect(added.expenses.first?.hasReceipt == false)
        await #expect(throws: ReceiptError.self) {
            try await planner.attachReceipt(Data("<html>".utf8), to: id, in: receipts)
        }
        #expect(try planner.requireStore().actual(id: id)?.receipt == "")
        let attached = try await planner.attachReceipt(Self.png, to: id, in: receipts)
        let name = try #require(attached.expenses.first?.receipt)
        #expect(ReceiptStore.isStoredName(name) && name.hasSuffix(".png"))
        #expect(try receipts.read(name).kind == .png)
        await #expect(throws: PlannerError.self) {
            try await planner.attachReceipt(Self.png, to: ExpenseID(rawValue: 99), in: receipts)
        }
    }
}
