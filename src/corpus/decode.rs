//! Decoding bytes into text: UTF-8, UTF-16 (LE/BE) or Windows-1252, with
//! line endings normalised to LF.
//!
//! The rule, in order:
//!
//! 1. A byte-order mark decides: `EF BB BF` UTF-8, `FF FE` UTF-16LE,
//!    `FE FF` UTF-16BE. The mark is not part of the text.
//! 2. Without a mark, an even-length file is UTF-16 when, over its first
//!    [`SNIFF`] bytes, at least 90% of the odd-indexed bytes are NUL and at
//!    most 10% of the even-indexed ones (UTF-16LE of Latin-script text), or
//!    the other way round (UTF-16BE).
//! 3. Otherwise a NUL byte, or more than 5% control characters, is binary.
//! 4. Valid UTF-8 is UTF-8.
//! 5. Bytes with more valid multi-byte UTF-8 sequences than invalid ones are
//!    UTF-8 with a few bad bytes: each invalid sequence becomes U+FFFD and
//!    the caller is told how many and where the first was.
//! 6. Bytes that are all defined in Windows-1252 are Windows-1252 (a file
//!    with high bytes but no valid UTF-8 multi-byte sequence is what a
//!    Windows-1252 export looks like).
//! 7. Bytes with at most one invalid UTF-8 sequence per kilobyte (mostly
//!    ASCII with a stray byte Windows-1252 leaves undefined) are UTF-8 with
//!    replacements, as in 5.
//! 8. Anything else is refused, naming the line and column of the first
//!    byte Windows-1252 does not define.
//!
//! UTF-16 code units that do not form a character (a lone surrogate, an odd
//! last byte) are replaced as in 5. Every CR LF pair and every lone CR
//! becomes one LF, so later stages see lines; a line or column reported here
//! counts lines of the original file (CR LF, CR and LF each end one line)
//! and characters from 1.

use std::fmt;

/// The encoding a document was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    /// The WHATWG label, as recorded in the graph.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// The name people write, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A place in the original file: 1-based line, 1-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Invalid sequences replaced by U+FFFD while decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// Number of invalid sequences, each one U+FFFD.
    pub sequences: usize,
    /// Number of bytes they spanned.
    pub bytes: usize,
    /// Where the first one was.
    pub first: Position,
}

impl fmt::Display for Replaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.sequences;
        if self.bytes == n {
            let s = if n == 1 { "" } else { "s" };
            write!(f, "{n} invalid byte{s} replaced")?;
        } else {
            let s = if n == 1 { "" } else { "s" };
            write!(f, "{n} invalid sequence{s} ({} bytes) replaced", self.bytes)?;
        }
        write!(f, " (first at {})", self.first)
    }
}

/// Decoded text and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte-order mark, with LF line endings only.
    pub text: String,
    pub encoding: Encoding,
    /// Set when invalid sequences were replaced.
    pub replaced: Option<Replaced>,
    /// For Windows-1252: where the first non-ASCII byte is.
    pub first_non_ascii: Option<Position>,
}

/// Why bytes could not be taken as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("file is empty")]
    Empty,
    #[error("binary content (NUL byte at offset {offset}); convert it to .txt first")]
    Binary { offset: usize },
    #[error(
        "not UTF-8 and not Windows-1252 text (byte 0x{byte:02X} at {at}); convert it to UTF-8 first"
    )]
    Undecodable { byte: u8, at: Position },
}

/// How many leading bytes the UTF-16 test without a byte-order mark looks at.
pub const SNIFF: usize = 4096;

/// Windows-1252 code points for bytes 0x80–0x9F; `None` marks the five
/// bytes the code page leaves undefined.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn is_control(c: u32) -> bool {
    c < 0x20 && !matches!(c, 0x0A | 0x0D | 0x09 | 0x0C)
}

/// Decodes `bytes` by the rule in the module documentation.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_8bit(body, 3, true)
    } else if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(body, 2, Encoding::Utf16Le)
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(body, 2, Encoding::Utf16Be)
    } else if let Some(encoding) = sniff_utf16(bytes) {
        decode_utf16(bytes, 0, encoding)
    } else {
        decode_8bit(bytes, 0, false)
    };
    decoded.map(lf_only)
}

/// Rule 2: the NUL pattern of UTF-16 without a byte-order mark.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF) & !1];
    let pairs = sample.len() / 2;
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let most = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 10 <= pairs;
    if most(odd) && few(even) {
        Some(Encoding::Utf16Le)
    } else if most(even) && few(odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Where byte offset `offset` of `text` (before line endings are
/// normalised) stands.
fn position(text: &str, offset: usize) -> Position {
    let prefix = text.get(..offset).unwrap_or(text);
    let mut line = 1;
    let mut column = 1;
    let mut after_cr = false;
    for c in prefix.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    Position { line, column }
}

fn decode_utf16(body: &[u8], start: usize, encoding: Encoding) -> Result<Decoded, DecodeError> {
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|p| match encoding {
            Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
            _ => u16::from_le_bytes([p[0], p[1]]),
        })
        .collect();
    if units
        .iter()
        .all(|&u| u8::try_from(u).is_ok_and(|b| b.is_ascii_whitespace()))
    {
        return Err(DecodeError::Empty);
    }
    if let Some(i) = units.iter().position(|&u| u == 0) {
        return Err(DecodeError::Binary {
            offset: start + 2 * i,
        });
    }
    let control = units.iter().filter(|&&u| is_control(u32::from(u))).count();
    if control * 20 > units.len() {
        let i = units
            .iter()
            .position(|&u| is_control(u32::from(u)))
            .unwrap_or(0);
        return Err(DecodeError::Binary {
            offset: start + 2 * i,
        });
    }
    let mut text = String::with_capacity(units.len());
    let mut bad: Vec<usize> = Vec::new();
    let mut bad_bytes = 0;
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                bad.push(text.len());
                bad_bytes += 2;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if !body.len().is_multiple_of(2) {
        bad.push(text.len());
        bad_bytes += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let replaced = bad.first().map(|&o| Replaced {
        sequences: bad.len(),
        bytes: bad_bytes,
        first: position(&text, o),
    });
    Ok(Decoded {
        text,
        encoding,
        replaced,
        first_non_ascii: None,
    })
}

/// UTF-8 or Windows-1252 (rules 3–8); `bom` when a UTF-8 mark was seen,
/// which rules out Windows-1252.
fn decode_8bit(body: &[u8], start: usize, bom: bool) -> Result<Decoded, DecodeError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(offset) = body.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            offset: start + offset,
        });
    }
    let control = body.iter().filter(|&&b| is_control(u32::from(b))).count();
    if control * 20 > body.len() {
        let offset = body
            .iter()
            .position(|&b| is_control(u32::from(b)))
            .unwrap_or(0);
        return Err(DecodeError::Binary {
            offset: start + offset,
        });
    }
    let plain = |text: String| Decoded {
        text,
        encoding: Encoding::Utf8,
        replaced: None,
        first_non_ascii: None,
    };
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(plain(text.to_owned()));
    }
    let (text, bad, bad_bytes, multibyte) = utf8_lossy(body);
    let few = bad.len() <= body.len().div_ceil(1024);
    if !bom && multibyte <= bad.len() {
        match windows_1252(body) {
            Ok(decoded) => return Ok(decoded),
            Err(e) if !few => return Err(e),
            Err(_) => {}
        }
    }
    let replaced = bad.first().map(|&o| Replaced {
        sequences: bad.len(),
        bytes: bad_bytes,
        first: position(&text, o),
    });
    Ok(Decoded {
        replaced,
        ..plain(text)
    })
}

/// UTF-8 with each invalid sequence replaced by U+FFFD: the text, the
/// offsets of the replacements, the bytes they replaced, and the number of
/// valid multi-byte sequences.
fn utf8_lossy(body: &[u8]) -> (String, Vec<usize>, usize, usize) {
    let mut text = String::with_capacity(body.len());
    let mut bad = Vec::new();
    let mut bad_bytes = 0;
    let mut multibyte = 0;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        multibyte += valid.chars().filter(|c| c.len_utf8() > 1).count();
        text.push_str(valid);
        if !chunk.invalid().is_empty() {
            bad.push(text.len());
            bad_bytes += chunk.invalid().len();
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (text, bad, bad_bytes, multibyte)
}

fn windows_1252(body: &[u8]) -> Result<Decoded, DecodeError> {
    let mut text = String::with_capacity(body.len());
    let mut first = None;
    for &byte in body {
        let ch = match byte {
            0x00..=0x7F => char::from(byte),
            0x80..=0x9F => match CP1252_HIGH[usize::from(byte - 0x80)] {
                Some(c) => c,
                None => {
                    let len = text.len();
                    return Err(DecodeError::Undecodable {
                        byte,
                        at: position(&text, len),
                    });
                }
            },
            _ => char::from(byte),
        };
        if byte >= 0x80 && first.is_none() {
            first = Some(text.len());
        }
        text.push(ch);
    }
    let first_non_ascii = first.map(|o| position(&text, o));
    Ok(Decoded {
        text,
        encoding: Encoding::Windows1252,
        replaced: None,
        first_non_ascii,
    })
}

/// CR LF and lone CR become LF.
fn lf_only(mut decoded: Decoded) -> Decoded {
    if decoded.text.contains('\r') {
        decoded.text = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        match decode(bytes) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    const LETTER: &str =
        "Geachte voorzitter,\n\nHet kabinet onderschrijft de coöperatie – één stap.\n";

    #[test]
    fn utf8_with_bom_is_read_without_it() {
        let d = ok("\u{FEFF}Geachte voorzitter".as_bytes());
        assert_eq!(d.text, "Geachte voorzitter");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.replaced, None);
    }

    #[test]
    fn windows_1252_is_decoded() {
        let d = ok(b"Turkije \x93blokkeert\x94 co\xF6peratie");
        assert_eq!(d.text, "Turkije “blokkeert” coöperatie");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.first_non_ascii, Some(Position { line: 1, column: 9 }));
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary { offset: 4 })
        );
        assert_eq!(
            decode(&[
                0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0,
            ]),
            Err(DecodeError::Binary { offset: 7 })
        );
        assert_eq!(decode(&[0; 64]), Err(DecodeError::Binary { offset: 0 }));
        assert_eq!(decode(b"\xFF\xFE \x00\n\x00"), Err(DecodeError::Empty));
    }

    #[test]
    fn utf16_le_and_be_are_decoded_with_or_without_bom() {
        for (le, encoding) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
            for bom in [true, false] {
                let d = ok(&utf16(LETTER, le, bom));
                assert_eq!(d.text, LETTER, "le {le} bom {bom}");
                assert_eq!(d.encoding, encoding);
                assert_eq!(d.replaced, None);
            }
        }
        assert_eq!(Encoding::Utf16Le.label(), "utf-16le");
        assert_eq!(Encoding::Utf16Be.label(), "utf-16be");
    }

    #[test]
    fn utf16_with_a_lone_surrogate_is_read_with_a_replacement() {
        let mut bytes = utf16("ab\ncd", true, true);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&utf16("e", true, false));
        let d = ok(&bytes);
        assert_eq!(d.text, "ab\ncd\u{FFFD}e");
        let r = d.replaced.unwrap_or_else(|| panic!("replaced"));
        assert_eq!(r.sequences, 1);
        assert_eq!(r.first, Position { line: 2, column: 3 });
    }

    #[test]
    fn an_odd_length_file_without_bom_is_not_taken_for_utf16() {
        let mut bytes = utf16("abcdef", true, false);
        bytes.push(b'g');
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_is_read_with_replacements_and_their_place() {
        let mut bytes = "Eerste regel met één woord.\r\nTweede coöperatie "
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("x\nderde\r".as_bytes());
        bytes.extend_from_slice(b"ab\x92c");
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(
            d.text,
            "Eerste regel met één woord.\nTweede coöperatie \u{FFFD}x\nderde\nab\u{FFFD}c"
        );
        let r = d.replaced.unwrap_or_else(|| panic!("replaced"));
        assert_eq!(r.sequences, 2);
        assert_eq!(r.bytes, 2);
        // "Tweede coöperatie " is 18 characters: the bad byte is the 19th.
        assert_eq!(
            r.first,
            Position {
                line: 2,
                column: 19
            }
        );
        assert_eq!(
            r.to_string(),
            "2 invalid bytes replaced (first at line 2, column 19)"
        );
    }

    #[test]
    fn a_truncated_sequence_is_one_replacement() {
        let mut bytes = "één \u{2013} ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xE2\x80 rest");
        let d = ok(&bytes);
        let r = d.replaced.unwrap_or_else(|| panic!("replaced"));
        assert_eq!((r.sequences, r.bytes), (1, 2));
        assert!(d.text.ends_with("\u{FFFD} rest"));
    }

    #[test]
    fn high_bytes_without_valid_utf8_sequences_stay_windows_1252() {
        // "één" and quotes in Windows-1252 form no valid UTF-8 sequence.
        let d = ok(b"Het kabinet \x93steunt\x94 \xE9\xE9n voorstel.\n");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "Het kabinet “steunt” één voorstel.\n");
    }

    #[test]
    fn a_stray_byte_windows_1252_leaves_undefined_is_replaced() {
        let d = ok(b"Alleen ASCII\nmet een \x81 erin.\n");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "Alleen ASCII\nmet een \u{FFFD} erin.\n");
        let r = d.replaced.unwrap_or_else(|| panic!("replaced"));
        assert_eq!(r.first, Position { line: 2, column: 9 });
    }

    #[test]
    fn neither_utf8_nor_windows_1252_is_refused_with_line_and_column() {
        let e = decode(b"a\x81b\n\x8D\x8F\x90\x9D\x81").err();
        assert_eq!(
            e,
            Some(DecodeError::Undecodable {
                byte: 0x81,
                at: Position { line: 1, column: 2 }
            })
        );
        let message = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("line 1, column 2"), "{message}");
    }

    #[test]
    fn crlf_cr_and_mixed_line_endings_become_lf() {
        assert_eq!(ok(b"a\r\nb\r\n").text, "a\nb\n");
        assert_eq!(ok(b"a\rb\r\rc").text, "a\nb\n\nc");
        assert_eq!(ok(b"a\r\nb\rc\nd\n\r").text, "a\nb\nc\nd\n\n");
        assert_eq!(ok(&utf16("a\rb\r\nc", false, false)).text, "a\nb\nc");
    }

    #[test]
    fn positions_count_cr_crlf_and_lf_as_one_line_each() {
        assert_eq!(position("a\r\nb\rc\nd", 8), Position { line: 4, column: 2 });
        assert_eq!(position("één", 4), Position { line: 1, column: 3 });
    }
}
