//! Segmenting a normalised text: headings and sections, paragraphs, list
//! items and sentences, all as byte spans of the normalised text (which
//! `corpus` maps back to lines of the original file).
//!
//! Knows nothing about actors or RDF. Sentence boundaries follow Dutch
//! usage: a full stop after an abbreviation (`o.a.`, `t.a.v.`, `nr.`) or
//! an initial (`T.B.W. Berendsen`) does not end a sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::{BlockKind, Conventions, Normalised};

/// A sentence (or a heading, or a short line of front matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the block it belongs to.
    pub block: usize,
    /// The footnote whose body it is part of.
    pub footnote: Option<u32>,
    /// True when the block is a heading.
    pub heading: bool,
}

/// A heading and the section it opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Section number as written (`2.5.1`), if numbered.
    pub number: Option<String>,
    /// Depth: the number of parts of the number, 1 when unnumbered.
    pub level: usize,
    /// Span of the heading text.
    pub heading_start: usize,
    pub heading_end: usize,
    /// The section runs to the next heading of the same or a higher level.
    pub end: usize,
}

/// The segmentation of one text.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    /// In text order, not overlapping.
    pub sentences: Vec<Sentence>,
    pub sections: Vec<Section>,
    /// Blocks that are list items (indices into `Normalised::blocks`).
    pub list_items: Vec<usize>,
}

impl Segmented {
    /// The sentences lying inside `[start, end)`, found by binary search
    /// (the sentences are in text order and do not overlap).
    pub fn sentences_within(&self, start: usize, end: usize) -> &[Sentence] {
        let first = self.sentences.partition_point(|s| s.start < start);
        let last = first + self.sentences[first..].partition_point(|s| s.end <= end);
        &self.sentences[first..last]
    }

    /// The sentence containing `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset)
    }

    /// The innermost section containing `offset`.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.heading_start <= offset && offset < s.end)
            .max_by_key(|s| s.heading_start)
    }
}

static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\p{Lu}"));
static INITIALS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\p{Lu}\.)+$"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are literals checked by the tests"
)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex literal")
}

/// True when a paragraph block reads as a heading.
fn is_heading(text: &str) -> bool {
    let n = text.chars().count();
    let words = text.split_whitespace().count();
    (3..=120).contains(&n)
        && words <= 14
        && !text.ends_with(['.', ',', ';', ':', '"', '\'', '”', '’'])
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
}

/// Splits `n` into sections, list items and sentences.
pub fn segment(n: &Normalised, conv: &Conventions) -> Segmented {
    let mut out = Segmented::default();
    for (bi, block) in n.blocks.iter().enumerate() {
        let text = &n.text[block.start..block.end];
        let footnote = match block.kind {
            BlockKind::Footnote(k) => Some(k),
            _ => None,
        };
        if block.kind == BlockKind::ListItem {
            out.list_items.push(bi);
        }
        if block.kind == BlockKind::Paragraph && is_heading(text) {
            let (number, level) = match SECTION_NUMBER.captures(text) {
                Some(c) => (Some(c[1].to_owned()), c[1].split('.').count()),
                None => (None, 1),
            };
            out.sections.push(Section {
                number,
                level,
                heading_start: block.start,
                heading_end: block.end,
                end: n.body_end,
            });
            out.sentences.push(Sentence {
                start: block.start,
                end: block.end,
                block: bi,
                footnote,
                heading: true,
            });
            continue;
        }
        for (s, e) in split_sentences(text, conv) {
            out.sentences.push(Sentence {
                start: block.start + s,
                end: block.start + e,
                block: bi,
                footnote,
                heading: false,
            });
        }
    }
    // A section ends where the next heading of the same or a higher level starts.
    for i in 0..out.sections.len() {
        let level = out.sections[i].level;
        let numbered = out.sections[i].number.is_some();
        let end = out.sections[i + 1..]
            .iter()
            .find(|s| !numbered || (s.number.is_some() && s.level <= level))
            .map_or(n.body_end, |s| s.heading_start);
        out.sections[i].end = end;
    }
    out
}

/// Sentence spans within one block of text.
pub fn split_sentences(text: &str, conv: &Conventions) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Closing quotes and brackets belong to the sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
            {
                j += 1;
            }
            // A footnote mark glued to the full stop ("orders.283 Anderzijds")
            // belongs to the sentence it ends.
            if i > 0 && chars[i - 1].1.is_alphabetic() {
                let digits = chars[j..]
                    .iter()
                    .take_while(|&&(_, d)| d.is_ascii_digit())
                    .count();
                if (1..=3).contains(&digits) {
                    j += digits;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let spaced = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, c)| c);
            let opens = next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '(' | '[')
            });
            if spaced && opens && !(c == '.' && no_boundary(&text[start..pos + 1], conv)) {
                push_span(text, start, end, &mut spans);
                start = chars.get(k).map_or(text.len(), |&(p, _)| p);
                i = k;
                continue;
            }
        }
        let _ = pos;
        i += 1;
    }
    push_span(text, start, text.len(), &mut spans);
    spans
}

fn push_span(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    spans.push((start + lead, end - trail));
}

/// True when the full stop ending `so_far` does not end a sentence.
fn no_boundary(so_far: &str, conv: &Conventions) -> bool {
    let token = so_far.rsplit(char::is_whitespace).next().unwrap_or(so_far);
    let token = token.trim_start_matches(['(', '"', '\'', '“', '‘', '„', '«', '[']);
    if conv.is_abbreviation(token) || INITIALS.is_match(token) {
        return true;
    }
    // A list number at the start of a block ("1. Het versterken").
    let before = so_far[..so_far.len() - token.len()].trim();
    before.is_empty()
        && token
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::normalise::normalise;

    fn conv() -> Conventions {
        Conventions {
            abbreviations: ["o.a.", "t.a.v.", "nr.", "i.e.", "d.w.z."]
                .map(String::from)
                .to_vec(),
            ..Conventions::default()
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &conv())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn dutch_abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Zie o.a. Kamerstuk 33694, nr. 72. Dit geldt t.a.v. de NAVO. Getekend: T.B.W. Berendsen."
            ),
            [
                "Zie o.a. Kamerstuk 33694, nr. 72.",
                "Dit geldt t.a.v. de NAVO.",
                "Getekend: T.B.W. Berendsen."
            ]
        );
    }

    #[test]
    fn a_footnote_mark_glued_to_the_full_stop_ends_the_sentence_with_it() {
        assert_eq!(
            sentences("Dat leidt tot meer orders.283 Anderzijds groeit de vraag. Versie 2.0 komt."),
            vec![
                "Dat leidt tot meer orders.283",
                "Anderzijds groeit de vraag.",
                "Versie 2.0 komt."
            ]
        );
    }

    #[test]
    fn sentences_end_at_quotes_and_questions() {
        assert_eq!(
            sentences(
                "Het rapport \"Samen sterker?\" is goed. Is het dat? Ja, i.e. zeker. 1. Nee."
            ),
            [
                "Het rapport \"Samen sterker?\" is goed.",
                "Is het dat?",
                "Ja, i.e. zeker.",
                "1. Nee."
            ]
        );
        assert_eq!(
            sentences("1. Het versterken van de eenheid."),
            ["1. Het versterken van de eenheid."]
        );
    }

    #[test]
    fn headings_open_numbered_sections() {
        let n = normalise(
            "2.5 Samenwerking\n\nDe EU en de NAVO werken samen.\n\n2.5.1 Informatie-uitwisseling\n\nDat gaat moeizaam.\n\n3 Conclusies\n\nKlaar.\n",
            &conv(),
        );
        let seg = segment(&n, &conv());
        let numbers: Vec<(Option<&str>, usize)> = seg
            .sections
            .iter()
            .map(|s| (s.number.as_deref(), s.level))
            .collect();
        assert_eq!(
            numbers,
            [(Some("2.5"), 2), (Some("2.5.1"), 3), (Some("3"), 1)]
        );
        let inner = seg.section_at(n.text.find("moeizaam").unwrap_or(0));
        assert_eq!(inner.and_then(|s| s.number.as_deref()), Some("2.5.1"));
        let outer = &seg.sections[0];
        assert_eq!(&n.text[outer.end..outer.end + 1], "3");
    }
}
