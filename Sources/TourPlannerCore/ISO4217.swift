/// The ISO 4217 currency codes in use, with each currency's minor unit (digits after the
/// decimal point).
///
/// Transcribed from ISO 4217 "List One" (current currency & funds), as published by the
/// maintenance agency SIX Group (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
/// Codes without a minor unit (precious metals XAU, XAG, XPD, XPT; XDR, XSU, XUA, the bond-market
/// units XBA–XBD; the testing code XTS and "no currency" XXX) are left out: they are not money
/// a tour spends. When ISO publishes an amendment, update this table and the test that pins it.
package enum ISO4217 {
    /// Currencies whose minor unit is not 2.
    package static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    /// Currencies with a minor unit of 2.
    package static let twoDigit: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD",
        "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CNY",
        "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR",
        "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA",
        "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD",
        "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
        "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "USN", "UYU", "UZS", "VED", "VES", "WST", "XCD",
        "XCG", "YER", "ZAR", "ZMW", "ZWG",
    ]

    /// The minor unit of `code`, or nil when it is not a current ISO 4217 currency.
    package static func minorUnit(of code: String) -> Int? {
        if let digits = exceptions[code] { return digits }
        return twoDigit.contains(code) ? 2 : nil
    }

    /// Every code, sorted.
    package static var codes: [String] { (Array(exceptions.keys) + twoDigit).sorted() }
}
