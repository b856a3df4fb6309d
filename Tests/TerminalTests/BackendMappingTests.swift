import Testing
@testable import Terminal

@Suite("Terminal key decoding") struct TerminalKeyDecodingTests {
    let codes = NCursesBackend.keyCodes

    /// Reads from a queue of inputs, as if they had all arrived already.
    private func keys(_ inputs: [RawInput]) -> [Key?] {
        var queue = inputs
        var reader = KeyReader(codes: codes)
        var keys: [Key?] = []
        var consumed = 0
        while true {
            let before = consumed
            let key = reader.nextKey(timeoutMilliseconds: 100) { _ in
                guard !queue.isEmpty else { return nil }
                consumed += 1
                return queue.removeFirst()
            }
            if key == nil && consumed == before { return keys }   // nothing left, not even kept input
            keys.append(key)
        }
    }

    private func chars(_ values: UInt32...) -> [RawInput] { values.map { .character($0) } }

    @Test func plainAndControlCharacters() {
        #expect(keys(chars(0x61, 0xE9, 0x65E5)) == [.char("a"), .char("é"), .char("日")])
        #expect(keys(chars(0x01, 0x04, 0x12, 0x1A)) == [.ctrl("a"), .ctrl("d"), .ctrl("r"), .ctrl("z")])
        #expect(keys(chars(0x0D, 0x0A, 0x09, 0x7F, 0x08)) == [.enter, .enter, .tab, .backspace, .backspace])
        #expect(keys(chars(0x1D, 0x00)) == [.ctrl("]"), .ctrl(" ")])
    }

    @Test func functionKeys() {
        let inputs: [RawInput] = [codes.up, codes.down, codes.left, codes.right, codes.home, codes.end, codes.pageUp,
                                  codes.pageDown, codes.backspace, codes.delete, codes.insert, codes.enter,
                                  codes.backTab, codes.resize, codes.f0 + 1, codes.f0 + 12].map { .functionKey($0) }
        #expect(keys(inputs) == [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace, .delete,
                                 .insert, .enter, .backTab, .resize, .function(1), .function(12)])
        #expect(keys([.functionKey(codes.f0 + 64), .functionKey(0x7FFF)]) == [nil, nil])
    }

    @Test func escapeThenAKeyIsAlt() {
        #expect(keys(chars(0x1B, 0x78)) == [.alt("x")])
        #expect(keys(chars(0x1B)) == [.escape])
        #expect(keys(chars(0x1B, 0x2E, 0x61)) == [.alt("."), .char("a")])
    }

    @Test func escapeBeforeANonPrintableKeyKeepsThatKey() {
        #expect(keys([.character(0x1B), .functionKey(codes.down)]) == [.escape, .down])
        #expect(keys(chars(0x1B, 0x1B)) == [.escape, .escape])
        #expect(keys(chars(0x1B, 0x0D)) == [.escape, .enter])
    }

    @Test func waitsOnlyForTheFirstInput() {
        var reader = KeyReader(codes: codes)
        var waits: [Int] = []
        var queue = chars(0x1B)
        _ = reader.nextKey(timeoutMilliseconds: 250) { wait in
            waits.append(wait)
            return queue.isEmpty ? nil : queue.removeFirst()
        }
        #expect(waits == [250, 0])
        #expect(reader.nextKey(timeoutMilliseconds: 10) { _ in nil } == nil)
    }
}

@Suite("Terminal cell output") struct TerminalCellOutputTests {
    /// A C library that knows ASCII, Latin, CJK and some emoji, like glibc in C.UTF-8.
    private func libcWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x300...0x36F, 0x200D, 0xFE0F: return 0
        case 0x4E00...0x9FFF, 0x1F600...0x1F64F: return 2
        case 0x1FAE8: return -1           // newer than the C library
        default: return 1
        }
    }

    @Test func ordinaryCellsPassThrough() {
        #expect(CellOutput(cell: Cell("a"), systemWidth: libcWidth) == CellOutput(scalars: ["a"]))
        #expect(CellOutput(cell: Cell("日", width: 2), systemWidth: libcWidth) == CellOutput(scalars: ["日"]))
        #expect(CellOutput(cell: Cell("e\u{301}"), systemWidth: libcWidth) == CellOutput(scalars: ["e", "\u{301}"]))
        #expect(CellOutput(cell: Cell(""), systemWidth: libcWidth) == CellOutput(scalars: [" "]))
    }

    @Test func combiningMarksAreCappedAtWhatCursesHolds() {
        let zalgo = Cell("a" + String(repeating: "\u{301}", count: 9))
        #expect(CellOutput(cell: zalgo, systemWidth: libcWidth).scalars.count == CellOutput.maxScalars)
    }

    @Test func zwjSequenceKeepsItsFirstEmoji() {
        let family = Cell("😀\u{200D}😀", width: 2)
        #expect(CellOutput(cell: family, systemWidth: libcWidth) == CellOutput(scalars: ["😀"]))
    }

    @Test func emojiPresentationTheLibraryThinksNarrowIsPadded() {
        let heart = Cell("❤\u{FE0F}", width: 2)
        #expect(CellOutput(cell: heart, systemWidth: libcWidth) == CellOutput(scalars: ["❤"], padsContinuation: true))
    }

    @Test func charactersUnknownToTheLibraryBecomeReplacements() {
        #expect(CellOutput(cell: Cell("\u{1FAE8}", width: 2), systemWidth: libcWidth)
                == CellOutput(scalars: ["\u{FFFD}"], padsContinuation: true))
        #expect(CellOutput(cell: Cell("日", width: 1), systemWidth: libcWidth) == CellOutput(scalars: ["\u{FFFD}"]))
    }
}

@Suite("Terminal key notation") struct TerminalKeyNotationTests {
    @Test func everyKindOfKeyRoundTrips() {
        let keys: [Key] = [.char("q"), .char("Q"), .char(" "), .char("é"), .char("?"), .ctrl("r"), .ctrl(" "), .alt("x"),
                           .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .tab,
                           .backTab, .backspace, .delete, .insert, .function(5), .function(12), .resize]
        for key in keys {
            #expect(Key(notation: key.notation) == key, "\(key) written as \(key.notation)")
        }
    }

    @Test func acceptsLongPrefixesAndAnyCase() {
        #expect(Key(notation: "Ctrl-R") == .ctrl("r"))
        #expect(Key(notation: "alt-X") == .alt("X"))
        #expect(Key(notation: "pgdn") == .pageDown)
        #expect(Key(notation: "ESC") == .escape)
        #expect(Key(notation: "C-space") == .ctrl(" "))
        #expect(Key(notation: "-") == .char("-"))
        #expect(Key.ctrl("r").notation == "C-r")
    }

    @Test func rejectsWhatIsNotAKey() {
        #expect(Key(notation: "") == nil)
        #expect(Key(notation: "C-") == nil)
        #expect(Key(notation: "C-ab") == nil)
        #expect(Key(notation: "F99") == nil)
        #expect(Key(notation: "Hyper") == nil)
    }
}
