//! Decoding bytes into text: UTF-8 (with or without BOM), else Windows-1252.
//!
//! A file that is neither, or that looks binary, is refused with a reason the
//! caller reports in one line.

use std::fmt;

/// The encoding a document was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

impl Encoding {
    /// The WHATWG label, as recorded in the graph.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why bytes could not be taken as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("file is empty")]
    Empty,
    #[error("binary content (NUL byte at offset {offset}); convert it to .txt first")]
    Binary { offset: usize },
    #[error(
        "not UTF-8 and not Windows-1252 text (byte 0x{byte:02X} at offset {offset}); convert it to UTF-8 first"
    )]
    Undecodable { byte: u8, offset: usize },
}

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

/// Decodes `bytes`, preferring UTF-8 and falling back to Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(offset) = body.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let control = body
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if control * 20 > body.len() {
        let offset = body
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
            .unwrap_or(0);
        return Err(DecodeError::Binary { offset });
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok((text.to_owned(), Encoding::Utf8));
    }
    let mut text = String::with_capacity(body.len());
    for (offset, &byte) in body.iter().enumerate() {
        let ch = match byte {
            0x00..=0x7F => char::from(byte),
            0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)]
                .ok_or(DecodeError::Undecodable { byte, offset })?,
            _ => char::from(byte),
        };
        text.push(ch);
    }
    Ok((text, Encoding::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_read_without_it() {
        let (text, enc) = decode("\u{FEFF}Geachte voorzitter".as_bytes()).unwrap();
        assert_eq!(text, "Geachte voorzitter");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn windows_1252_is_decoded() {
        let (text, enc) = decode(b"Turkije \x93blokkeert\x94 co\xF6peratie").unwrap();
        assert_eq!(text, "Turkije “blokkeert” coöperatie");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary { offset: 4 })
        );
        assert!(matches!(
            decode(b"a\x81b"),
            Err(DecodeError::Undecodable { byte: 0x81, .. })
        ));
    }
}
