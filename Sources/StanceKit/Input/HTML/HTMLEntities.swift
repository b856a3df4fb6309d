import CLibXML2

/// Character references in text the HTML parser did not decode (script contents such as JSON-LD).
enum HTMLEntities {
    /// Replaces named references (through libxml's HTML entity table) and numeric ones; anything
    /// else that starts with `&` stays as written.
    static func decode(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";"),
                  let scalar = referencedScalar(String(rest[afterAmpersand..<semicolon]))
            else {
                output.append("&")
                rest = rest[afterAmpersand...]
                continue
            }
            output.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    private static func referencedScalar(_ reference: String) -> Unicode.Scalar? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
        guard !reference.isEmpty, reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let entity = htmlEntityLookup(reference)
        else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
