import Foundation
import Hummingbird
import NIOCore
import TourPlanner

/// `GET /expenses/{id}/receipt`: the stored receipt file, with the media type its first bytes
/// show. Only a name the receipts folder generates is ever opened: a reference typed elsewhere
/// (`budget actuals edit --receipt ../../x`, a paper receipt's number) is a 404 with a message.
enum ReceiptResponse {
    static func make(_ expense: ActualExpense, environment: WebEnvironment) throws -> Response {
        let id = expense.id?.rawValue ?? 0
        guard !expense.receipt.isEmpty else {
            throw HTTPError(
                .notFound, message: "Expense \(id) has no receipt yet. Upload one from the expense's edit page.")
        }
        guard ReceiptStore.isStoredName(expense.receipt) else {
            throw HTTPError(
                .notFound,
                message: "Expense \(id)'s receipt is recorded as a reference, not as an uploaded file, so there is "
                    + "no file to open. Upload the file from the expense's edit page.")
        }
        let stored: (data: Data, kind: ReceiptStore.Kind)
        do {
            stored = try ExpensePage.receipts(environment).read(expense.receipt)
        } catch let error as ReceiptError {
            throw HTTPError(
                .notFound,
                message: "The receipt file of expense \(id) is missing (\(error.message)). "
                    + "Upload it again from the expense's edit page.")
        }
        // Images and PDFs open in the browser; HEIC, which most browsers cannot show, downloads.
        let disposition = stored.kind == .heic ? "attachment" : "inline"
        return Response(
            status: .ok,
            headers: [
                .contentType: stored.kind.mediaType,
                .contentDisposition: "\(disposition); filename=\"receipt-\(id).\(stored.kind.fileExtension)\"",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: stored.data)))
    }
}
