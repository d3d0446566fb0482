//! Tokens with byte spans into the document's normalised text.
//!
//! A word is a run of letters and digits with the hyphens and apostrophes
//! inside it ("EU-NAVO-samenwerking", "veto's", "Hungary's") and a hyphen
//! that ends it before a space ("veiligheids- en defensiebeleid"); every
//! other character that is not white space is a token of its own.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// A word that starts with a digit ("2024", "21501-28").
    Number,
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span into the text that was tokenised.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// The token in lower case, curly apostrophes made straight.
    pub lower: String,
    /// The token starts with an upper-case letter.
    pub capital: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind != TokenKind::Punct
    }

    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The tokens of `text[start..end]`, with spans into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next = chars.get(j + 1).map(|x| x.1);
                let inner = next.is_some_and(char::is_alphanumeric);
                if (d == '-' || is_apostrophe(d) || d == '\u{2010}' || d == '\u{2011}') && inner {
                    j += 1;
                    continue;
                }
                // "veiligheids- en …": a dangling hyphen stays with its word.
                if d == '-' && next.is_none_or(char::is_whitespace) {
                    j += 1;
                }
                break;
            }
            let end_at = chars.get(j).map_or(slice.len(), |x| x.0);
            let word = &slice[at..end_at];
            let lower: String = word
                .chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect();
            out.push(Token {
                start: start + at,
                end: start + end_at,
                kind: if c.is_ascii_digit() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                lower,
                capital: c.is_uppercase(),
            });
            i = j;
        } else {
            let end_at = chars.get(i + 1).map_or(slice.len(), |x| x.0);
            out.push(Token {
                start: start + at,
                end: start + end_at,
                kind: TokenKind::Punct,
                lower: if c == '\u{2019}' {
                    "'".to_owned()
                } else {
                    c.to_string()
                },
                capital: false,
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0, s.len())
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn compounds_plurals_and_genitives_are_one_word() {
        assert_eq!(
            words("De EU-NAVO-samenwerking, veto's en Hungary’s block."),
            vec![
                "de",
                "eu-navo-samenwerking",
                ",",
                "veto's",
                "en",
                "hungary's",
                "block",
                "."
            ]
        );
    }

    #[test]
    fn a_dangling_hyphen_stays_with_its_word_and_a_dash_does_not() {
        assert_eq!(
            words("veiligheids- en defensiebeleid - nu"),
            vec!["veiligheids-", "en", "defensiebeleid", "-", "nu"]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "xx Één veto.";
        let toks = tokenize(text, 3, text.len());
        assert_eq!(&text[toks[0].start..toks[0].end], "Één");
        assert!(toks[0].capital);
        assert_eq!(&text[toks[1].start..toks[1].end], "veto");
    }
}
