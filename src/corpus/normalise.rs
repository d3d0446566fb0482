//! Repairing text damaged by PDF and Word export.
//!
//! The input is the decoded original file; the output is one normalised
//! text in which every block (paragraph, list item, footnote) is one line,
//! with a map from every byte offset back to a line of the original file.
//! Footnote bodies are moved out of the running text into a footnote region
//! after the body, and each is linked to the offset of its marker.
//!
//! Repairs, in the order they happen:
//! - per line: non-breaking spaces and hyphens, soft hyphens, curly quotes,
//!   tabs, `[image: ]` and `[bookmark: …]` debris, markdown emphasis,
//!   headings and list markers, U+F0B7 bullets, inline `[footnoteRef:N]`
//!   markers and `[N: text]` bodies, superscript markers (`¹`);
//! - per document: running page headers and footers (blocks of short lines
//!   that repeat, `| 57 |` page numbers, `title | IOB Evaluatie | …` running
//!   titles), footnote blocks at page bottoms (numbered in sequence, their
//!   glued markers such as `Kompas3` or `2024.85` stripped from the body);
//! - when joining lines: line-end hyphenation (`verster-` + `king`), keeping
//!   the hyphen where Dutch spelling keeps it (`NAVO- en`, `EU-lidstaten`,
//!   `niet-geclassificeerde`, `defensie-inspanningen`), and sentences cut in
//!   two by a footnote block or a page header are joined again.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::conventions::Conventions;

/// What a block of the normalised text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text, a heading or a front-matter line.
    Paragraph,
    /// An item of a bulleted, numbered or lettered list.
    ListItem,
    /// The body of footnote N.
    Footnote(u32),
}

/// A block: one line of the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// A footnote body and where its marker stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footnote {
    pub number: u32,
    /// Span of the body in the normalised text (inside the footnote region).
    pub start: usize,
    pub end: usize,
    /// Offset in the body where the marker stood (the marker itself is
    /// removed from the text); `None` when no marker was found.
    pub marker: Option<usize>,
}

/// A repaired document text.
#[derive(Clone, Debug, Default)]
pub struct Normalised {
    /// Blocks separated by `\n`; body first, then the footnote region.
    pub text: String,
    /// Offset where the footnote region starts (equals `text.len()` when
    /// there are no footnotes).
    pub body_end: usize,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Counts of the repairs made, for the build summary and tests.
    pub repairs: Repairs,
    /// `(offset, line)`: text from `offset` on comes from 1-based `line`.
    line_map: Vec<(usize, u32)>,
}

/// Counts of repairs, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    pub header_lines: usize,
    pub footnotes: usize,
    pub hyphenations: usize,
    pub rejoined: usize,
}

impl Normalised {
    /// The 1-based line of the original file that `offset` comes from.
    pub fn line_at(&self, offset: usize) -> u32 {
        let i = self.line_map.partition_point(|&(o, _)| o <= offset);
        if i == 0 {
            self.line_map.first().map_or(1, |&(_, l)| l)
        } else {
            self.line_map[i - 1].1
        }
    }

    /// The first offset of the body whose text comes from 1-based line
    /// `line` of the original file or a later one.
    pub fn body_offset_from_line(&self, line: u32) -> Option<usize> {
        self.line_map
            .iter()
            .find(|&&(o, l)| l >= line && o < self.body_end)
            .map(|&(o, _)| o)
    }

    /// The footnote whose body contains `offset`, if any.
    pub fn footnote_at(&self, offset: usize) -> Option<&Footnote> {
        if offset < self.body_end {
            return None;
        }
        self.footnotes
            .iter()
            .find(|f| f.start <= offset && offset < f.end.max(f.start + 1))
    }
}

const MARK_OPEN: char = '\u{E000}';
/// How far back from the end of the text a glued footnote marker is looked
/// for, in bytes (a few pages).
const MARKER_REACH: usize = 16_000;
const MARK_CLOSE: char = '\u{E001}';

static IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"\[(?:image|bookmark):[^\]]*\]"));
static FOOTNOTE_REF: LazyLock<Regex> = LazyLock::new(|| re(r"\[footnoteRef:(\d{1,4})\]"));
static FOOTNOTE_BODY: LazyLock<Regex> = LazyLock::new(|| re(r"\[(\d{1,4}):\s*([^\]]*)\]"));
static BOLD: LazyLock<Regex> = LazyLock::new(|| re(r"\*\*([^*]+?)\*\*|__([^_]+?)__"));
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| re(r"\*([^*\s](?:[^*]*[^*\s])?)\*"));
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^\s{0,3}#{1,6}\s+"));
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[-*+•▪◦\u{F0B7}\u{F0A7}\u{2023}\u{2043}])\s*"));
/// A numbered heading line: "2.5.1 Nederlandse inzet".
static NUMBERED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\d{1,2}(?:\.\d{1,2}){1,4}\.?\s+\p{Lu}[^.;:]*$"));
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|\([a-z0-9]\))\s+\S"));
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\|?\s*\d{1,3}\s*\|?\s*$"));
static FOOTNOTE_START: LazyLock<Regex> = LazyLock::new(|| re(r"^\s?(\d{1,3})\s+(\S.*)$"));
static INLINE_HYPHEN: LazyLock<Regex> = LazyLock::new(|| re(r"(\p{L}[\p{L}\d]*)- (\p{L}+)"));
static SUPERSCRIPT: LazyLock<Regex> = LazyLock::new(|| re(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+"));
/// A line that is a link and nothing else.
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:https?://|www\.)\S+$"));
/// The marks of a bibliographic reference: a year, a volume, number or
/// page, a link, a quoted title.
static BIBLIOGRAPHIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:19|20)\d\d\b|\b(?:vol|nr|no|pp?|blz)\.\s?\d|https?://|www\.|[‘“]"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are literals checked by the tests"
)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex literal")
}

/// One original line after per-line cleanup.
#[derive(Debug, Default)]
struct Cleaned {
    text: String,
    bullet: bool,
    /// `[N: text]` bodies found on the line.
    inline_footnotes: Vec<(u32, String)>,
    /// The line is a footnote body introduced by a superscript number.
    superscript_footnote: Option<u32>,
}

fn superscript_value(s: &str) -> u32 {
    s.chars()
        .filter_map(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c))
        .fold(0u32, |acc, d| {
            acc.saturating_mul(10).saturating_add(d as u32)
        })
}

fn marker(n: u32) -> String {
    format!("{MARK_OPEN}{n}{MARK_CLOSE}")
}

fn clean_line(raw: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut text: String = raw
        .chars()
        .filter(|&c| c != '\u{00AD}' && c != '\u{200B}' && c != '\u{FEFF}' && c != '\r')
        .map(|c| match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\t' => ' ',
            '\u{2010}' | '\u{2011}' => '-',
            _ => c,
        })
        .collect();
    if text.contains('[') {
        text = IMAGE.replace_all(&text, "").into_owned();
        text = FOOTNOTE_REF
            .replace_all(&text, |c: &regex::Captures<'_>| {
                marker(c[1].parse().unwrap_or(0))
            })
            .into_owned();
        let bodies: Vec<(u32, String)> = FOOTNOTE_BODY
            .captures_iter(&text)
            .filter_map(|c| Some((c[1].parse().ok()?, c[2].trim().to_owned())))
            .collect();
        if !bodies.is_empty() {
            text = FOOTNOTE_BODY.replace_all(&text, "").into_owned();
            out.inline_footnotes = bodies;
        }
    }
    if let Some(m) = MD_HEADING.find(&text) {
        text.replace_range(..m.end(), "");
    }
    if text.contains('*') || text.contains("__") {
        text = BOLD
            .replace_all(&text, |c: &regex::Captures<'_>| {
                c.get(1)
                    .or_else(|| c.get(2))
                    .map_or("", |m| m.as_str())
                    .to_owned()
            })
            .into_owned();
    }
    // Bold that a line break cut in two leaves unpaired markers.
    if text.contains("**") {
        text = text.replace("**", "");
    }
    if let Some(m) = BULLET.find(&text) {
        // A lone "-" followed by a digit is a minus or a range, not a bullet.
        let rest = &text[m.end()..];
        let minus = m.as_str().trim() == "-" && rest.starts_with(|c: char| c.is_ascii_digit());
        if !rest.is_empty() && !minus {
            out.bullet = true;
            text.replace_range(..m.end(), "");
        }
    }
    if text.contains('*') {
        text = EMPHASIS.replace_all(&text, "$1").into_owned();
    }
    if let Some(m) = SUPERSCRIPT.find(&text) {
        let lead = text[..m.start()].trim().is_empty();
        if lead && m.end() < text.len() {
            out.superscript_footnote = Some(superscript_value(m.as_str()));
            text = text[m.end()..].to_owned();
        }
    }
    if SUPERSCRIPT.is_match(&text) {
        text = SUPERSCRIPT
            .replace_all(&text, |c: &regex::Captures<'_>| {
                marker(superscript_value(&c[0]))
            })
            .into_owned();
    }
    let trimmed = text.trim_end();
    out.text = trimmed.to_owned();
    out
}

/// How a line-end hyphen is resolved when two lines are joined.
#[derive(Debug, PartialEq, Eq)]
enum HyphenJoin {
    /// `NAVO-` + `en` → `NAVO- en`.
    KeepSpace,
    /// `EU-` + `lidstaten` → `EU-lidstaten`.
    KeepHyphen,
    /// `verster-` + `king` → `versterking`.
    Merge,
}

fn hyphen_join(left: &str, right: &str, conv: &Conventions) -> HyphenJoin {
    let right_word: String = right.chars().take_while(|c| c.is_alphanumeric()).collect();
    if right_word.is_empty() || left.is_empty() {
        return HyphenJoin::KeepSpace;
    }
    let right_lower = right_word.to_lowercase();
    if conv.hyphen_keep_before.contains(&right_lower) {
        return HyphenJoin::KeepSpace;
    }
    let left_lower = left.to_lowercase();
    let capitals = left.chars().skip(1).any(char::is_uppercase)
        || left.chars().any(|c| c.is_ascii_digit())
        || left.chars().count() == 1;
    let right_capital = right_word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiouy".contains(c));
    let clash = vowel(left_lower.chars().last()) && vowel(right_lower.chars().next());
    if capitals || right_capital || clash || conv.hyphen_keep_prefix.contains(&left_lower) {
        HyphenJoin::KeepHyphen
    } else {
        HyphenJoin::Merge
    }
}

/// Repairs in-line `verster- king` splits left by an earlier reflow.
fn repair_inline_hyphens(line: &str, conv: &Conventions, repairs: &mut Repairs) -> String {
    if !line.contains("- ") {
        return line.to_owned();
    }
    INLINE_HYPHEN
        .replace_all(line, |c: &regex::Captures<'_>| {
            match hyphen_join(&c[1], &c[2], conv) {
                HyphenJoin::KeepSpace => c[0].to_owned(),
                HyphenJoin::KeepHyphen => {
                    repairs.hyphenations += 1;
                    format!("{}-{}", &c[1], &c[2])
                }
                HyphenJoin::Merge => {
                    repairs.hyphenations += 1;
                    format!("{}{}", &c[1], &c[2])
                }
            }
        })
        .into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Removed,
    Content,
}

fn is_running_title(line: &str) -> bool {
    line.matches(" | ").count() >= 2
}

/// Marks running page headers and footers.
fn find_headers(lines: &[Cleaned], front_end: usize) -> Vec<bool> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        let t = l.text.trim();
        if !t.is_empty() && t.chars().count() <= 60 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let repeated =
        |t: &str| counts.get(t).copied().unwrap_or(0) >= 2 && !t.ends_with(['.', ',', ';']);
    let mut removed = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].text.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        if PAGE_NUMBER.is_match(t) && !lines[i].bullet || is_running_title(t) {
            if i >= front_end {
                removed[i] = true;
            }
            i += 1;
            continue;
        }
        if !repeated(t) {
            i += 1;
            continue;
        }
        // A group of repeated short lines, blank lines between allowed.
        let mut group = vec![i];
        let mut j = i + 1;
        while j < lines.len() {
            let u = lines[j].text.trim();
            if u.is_empty() {
                j += 1;
                continue;
            }
            if repeated(u) || PAGE_NUMBER.is_match(u) {
                group.push(j);
                j += 1;
            } else {
                break;
            }
        }
        if group.len() >= 2 && i >= front_end {
            for g in group {
                removed[g] = true;
            }
        }
        i = j;
    }
    removed
}

struct Builder<'c> {
    conv: &'c Conventions,
    text: String,
    line_map: Vec<(usize, u32)>,
    blocks: Vec<Block>,
    open: Option<(usize, BlockKind)>,
    markers: Vec<(u32, usize)>,
    repairs: Repairs,
}

impl<'c> Builder<'c> {
    fn new(conv: &'c Conventions, capacity: usize) -> Self {
        Self {
            conv,
            text: String::with_capacity(capacity),
            line_map: Vec::new(),
            blocks: Vec::new(),
            open: None,
            markers: Vec::new(),
            repairs: Repairs::default(),
        }
    }

    fn map_line(&mut self, line: u32) {
        let at = self.text.len();
        match self.line_map.last_mut() {
            Some(last) if last.0 == at => last.1 = line,
            Some(last) if last.1 == line => {}
            _ => self.line_map.push((at, line)),
        }
    }

    /// Appends `piece`, turning marker sentinels into recorded markers.
    fn push_piece(&mut self, piece: &str, line: u32) {
        self.map_line(line);
        let mut rest = piece;
        while let Some(open) = rest.find(MARK_OPEN) {
            self.text.push_str(&rest[..open]);
            let after = &rest[open + MARK_OPEN.len_utf8()..];
            let close = after.find(MARK_CLOSE).unwrap_or(after.len());
            if let Ok(n) = after[..close].parse::<u32>() {
                // The marker belongs to the word before it; a space after
                // the marker is kept by the text that follows.
                self.markers.push((n, self.text.trim_end().len()));
            }
            rest = after.get(close + MARK_CLOSE.len_utf8()..).unwrap_or("");
        }
        self.text.push_str(rest);
    }

    fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.open = Some((self.text.len(), kind));
    }

    fn end_block(&mut self) {
        if let Some((start, kind)) = self.open.take() {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            let end = self.text.len();
            if end > start {
                self.blocks.push(Block { start, end, kind });
            } else if self.text.ends_with('\n') {
                self.text.pop();
            }
        }
    }

    fn in_block(&self) -> bool {
        self.open.is_some()
    }

    /// Appends a further line of the open block, resolving a line-end hyphen.
    fn continue_block(&mut self, piece: &str, line: u32) {
        let piece = piece.trim_start();
        if self.text.ends_with('-') {
            let left: String = {
                let before = &self.text[..self.text.len() - 1];
                let word: Vec<char> = before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                word.into_iter().rev().collect()
            };
            match hyphen_join(&left, piece, self.conv) {
                HyphenJoin::KeepSpace => self.text.push(' '),
                HyphenJoin::KeepHyphen => self.repairs.hyphenations += 1,
                HyphenJoin::Merge => {
                    self.text.pop();
                    self.repairs.hyphenations += 1;
                }
            }
        } else if !self.text.ends_with(' ') && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.push_piece(piece, line);
    }

    /// Removes the glued marker of footnote `n` from the body text written
    /// since `from`, and records where it stood.
    fn strip_glued_marker(&mut self, n: u32, from: usize) -> bool {
        let digits = n.to_string();
        // A marker stands on the page of its footnote: look no further back
        // than a few pages, so a long document costs linear time.
        let mut from = from.max(self.text.len().saturating_sub(MARKER_REACH));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let region = &self.text[from..];
        let bytes = region.as_bytes();
        let mut best: Option<(u8, usize, usize)> = None; // (priority, start, len)
        for (pos, _) in region.match_indices(&digits) {
            let end = pos + digits.len();
            if bytes.get(end).is_some_and(|b| b.is_ascii_digit()) {
                continue;
            }
            if bytes.get(end) == Some(&b'.')
                && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit())
            {
                continue;
            }
            let before = region[..pos].chars().next_back();
            let before2 = region[..pos].chars().rev().nth(1);
            let priority = match before {
                Some(c) if c.is_alphabetic() => {
                    // "P54" is P5 + marker 4: only when a capital and one digit precede.
                    1
                }
                Some('"' | '\'' | '”' | '’' | ')') => 1,
                Some('.' | ',' | ';' | ':') => match before2 {
                    Some(c) if c.is_alphabetic() || matches!(c, '"' | '\'' | '”' | '’' | ')') => {
                        1
                    }
                    Some(c) if c.is_ascii_digit() => {
                        // "2024.85": a year, a full stop and the marker.
                        let year: String = region[..pos - 1]
                            .chars()
                            .rev()
                            .take_while(|c| c.is_ascii_digit())
                            .collect();
                        if year.len() == 4 { 2 } else { continue }
                    }
                    _ => continue,
                },
                Some(c) if c.is_ascii_digit() => {
                    let run: Vec<char> = region[..pos].chars().rev().take(3).collect();
                    let capital_digit = run.len() >= 2
                        && run[0].is_ascii_digit()
                        && run[1].is_uppercase()
                        && run.get(2).is_none_or(|c| !c.is_alphanumeric());
                    if capital_digit { 3 } else { continue }
                }
                _ => continue,
            };
            let better = best.is_none_or(|(p, _, _)| priority <= p);
            if better {
                best = Some((priority, pos, digits.len()));
            }
        }
        let Some((_, pos, len)) = best else {
            return false;
        };
        let at = from + pos;
        self.text.replace_range(at..at + len, "");
        // Only what lies after the marker moves: the tails of the sorted
        // tables, which are short because the marker is recent.
        let first = self.line_map.partition_point(|e| e.0 <= at);
        for entry in &mut self.line_map[first..] {
            entry.0 -= len;
        }
        for m in &mut self.markers {
            if m.1 > at {
                m.1 -= len;
            }
        }
        if let Some((start, _)) = &mut self.open
            && *start > at
        {
            *start -= len;
        }
        for block in self.blocks.iter_mut().rev() {
            if block.end <= at {
                break;
            }
            if block.start > at {
                block.start -= len;
            }
            block.end -= len;
        }
        self.markers.push((n, at));
        true
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(['.', '!', '?', ':', ';'])
        || t.ends_with(".\"")
        || t.ends_with(".'")
        || t.ends_with(".”")
        || t.ends_with(".’")
}

/// Pieces of one footnote body: (text, original line).
type FootnotePieces = Vec<(String, u32)>;

/// Repairs `raw` (a decoded file) into a normalised text.
pub fn normalise(raw: &str, conv: &Conventions) -> Normalised {
    let raw_lines: Vec<&str> = raw.split('\n').collect();
    let cleaned: Vec<Cleaned> = raw_lines.iter().map(|l| clean_line(l)).collect();
    let front_end = cleaned
        .iter()
        .position(|l| {
            conv.salutations
                .iter()
                .any(|s| l.text.trim_start().starts_with(s.as_str()))
        })
        .unwrap_or(0);
    let headers = find_headers(&cleaned, front_end);

    // One paragraph per line (Word export) or wrapped lines (PDF export)?
    let mut lengths: Vec<usize> = cleaned
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let width = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0);
    let one_line_paragraphs = median > 150;

    let mut b = Builder::new(conv, raw.len());
    let mut footnotes: Vec<(u32, FootnotePieces)> = Vec::new();
    let mut next_footnote: u32 = 1;
    let mut in_footnote = false;
    let mut last_marker_search = 0usize;
    let mut pending_break = false;
    let mut saw_removed = false;
    let mut prev_raw_blank = true;
    let mut prev_len = 0usize;
    let mut after_salutation = false;
    let mut blank_in_footnote = false;
    // The body came back after a footnote block with an indented line.
    let mut resume_by_indent = false;
    // The previous line was a numbered heading standing alone on its line.
    let mut prev_heading = false;
    // The previous body line ended in a space: a soft wrap of a PDF export.
    let mut prev_soft_wrap = false;

    for (idx, line) in cleaned.iter().enumerate() {
        let line_no = u32::try_from(idx + 1).unwrap_or(u32::MAX);
        for (n, body) in &line.inline_footnotes {
            footnotes.push((*n, vec![(body.clone(), line_no)]));
            next_footnote = next_footnote.max(n + 1);
            b.repairs.footnotes += 1;
        }
        let raw_line = raw_lines[idx];
        let text = line.text.as_str();
        let kind = if text.trim().is_empty() {
            LineKind::Blank
        } else if headers[idx] {
            LineKind::Removed
        } else {
            LineKind::Content
        };
        if let Some(n) = line.superscript_footnote {
            footnotes.push((n, vec![(text.trim().to_owned(), line_no)]));
            next_footnote = next_footnote.max(n + 1);
            b.repairs.footnotes += 1;
            in_footnote = true;
            saw_removed = true;
            prev_raw_blank = false;
            continue;
        }
        match kind {
            LineKind::Blank => {
                blank_in_footnote = in_footnote;
                pending_break = true;
                prev_raw_blank = true;
                continue;
            }
            LineKind::Removed => {
                b.repairs.header_lines += 1;
                in_footnote = false;
                saw_removed = true;
                prev_raw_blank = false;
                continue;
            }
            LineKind::Content => {}
        }
        // A footnote body at the bottom of a PDF page?
        // Inside a footnote whose last line stops mid-sentence ("KST
        // 21501-28-211,"), a line starting with a number continues it.
        let continues_footnote = in_footnote
            && footnotes
                .last()
                .and_then(|(_, p)| p.last())
                .is_some_and(|(t, _)| {
                    !t.trim_end()
                        .ends_with(['.', ')', '"', '\'', '”', '’', '?', '!'])
                });
        if idx >= front_end
            && !line.bullet
            && !continues_footnote
            && let Some(c) = FOOTNOTE_START.captures(text)
        {
            {
                let n: u32 = c[1].parse().unwrap_or(0);
                // Footnotes are numbered in sequence; some may be missing
                // from the export, so a number ahead is accepted when its
                // marker is found glued to a word of the body.
                let window = if next_footnote < 20 { 5 } else { 40 };
                if n >= next_footnote && n <= next_footnote + window {
                    let in_sequence = n <= next_footnote + u32::from(in_footnote) * 2;
                    let found = b.strip_glued_marker(n, last_marker_search);
                    if found || (in_sequence && (prev_raw_blank || in_footnote)) {
                        if found {
                            last_marker_search = b.markers.last().map_or(0, |m| m.1);
                        }
                        footnotes.push((n, vec![(c[2].trim().to_owned(), line_no)]));
                        next_footnote = n + 1;
                        b.repairs.footnotes += 1;
                        in_footnote = true;
                        blank_in_footnote = false;
                        saw_removed = true;
                        prev_raw_blank = false;
                        continue;
                    }
                }
            }
        }
        // A footnote cut by a blank line goes on when it stopped
        // mid-sentence and the next line reads as its rest: it starts in
        // lower case, or it has the marks of a reference (a year, a volume
        // or page number, a link, a quoted title), and the body does not
        // visibly resume (an indented line).
        // Where this document resumes its body after a footnote block with
        // an indented line, an unindented line goes on with the footnote.
        // A line that is only a link is the export's debris of the
        // footnotes' hyperlinks, kept with them.
        let url_only = URL_LINE.is_match(text.trim());
        if in_footnote && blank_in_footnote {
            let lower = text.trim_start().starts_with(|c: char| c.is_lowercase());
            let resumes = raw_line.starts_with(' ') && !raw_line.starts_with("  ");
            let goes_on = url_only
                || continues_footnote
                    && !resumes
                    && (lower || resume_by_indent || BIBLIOGRAPHIC.is_match(text));
            if !goes_on {
                in_footnote = false;
            }
            blank_in_footnote = false;
        }
        if in_footnote {
            let resumes = raw_line.starts_with(' ')
                && !raw_line.trim_start().starts_with("http")
                && !raw_line.starts_with("  ");
            if !resumes {
                if let Some((_, pieces)) = footnotes.last_mut() {
                    pieces.push((text.trim().to_owned(), line_no));
                }
                prev_raw_blank = false;
                continue;
            }
            resume_by_indent = true;
            in_footnote = false;
        }
        let text = repair_inline_hyphens(text, conv, &mut b.repairs);
        // "(2) de relatie" inside a wrapped sentence is an enumeration in
        // running text, not a list item.
        let mid_sentence = prev_soft_wrap && b.in_block() && !ends_sentence(&b.text);
        let list_start = line.bullet || (NUMBERED.is_match(&text) && !mid_sentence);
        let prev_text_ends = ends_sentence(&b.text);
        let starts_lower = text.trim_start().starts_with(|c: char| c.is_lowercase());
        let rejoin = saw_removed
            && b.in_block()
            && !prev_text_ends
            && !list_start
            && !after_salutation
            && !prev_heading;
        let new_block = if rejoin {
            b.repairs.rejoined += 1;
            false
        } else if !b.in_block()
            || list_start
            || after_salutation
            || idx < front_end
            || one_line_paragraphs
            || prev_heading
        {
            true
        } else if pending_break && mid_sentence && !NUMBERED_HEADING.is_match(text.trim()) {
            // A blank line inside a soft-wrapped sentence is export debris.
            b.repairs.rejoined += 1;
            false
        } else if pending_break {
            !(saw_removed && starts_lower)
        } else {
            // Wrapped text: a short line that ends a sentence ends its
            // paragraph; so does a sentence end followed by an indented
            // line that starts with a capital (how the export marks a new
            // paragraph).
            let indented = raw_line.starts_with(' ')
                && !raw_line.starts_with("  ")
                && text.trim_start().starts_with(char::is_uppercase);
            prev_text_ends && (prev_len * 10 < width * 6 || indented)
        };
        if new_block {
            b.start_block(if list_start {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            });
            b.push_piece(text.trim(), line_no);
        } else {
            b.continue_block(&text, line_no);
        }
        prev_len = text.chars().count();
        prev_soft_wrap = !one_line_paragraphs && raw_line.ends_with(' ');
        // Wrapped lines of a PDF export end in a space; a heading that fits
        // on its line ends without one, and the body starts below it.
        prev_heading = new_block
            && !one_line_paragraphs
            && !raw_line.ends_with([' ', '\t'])
            && NUMBERED_HEADING.is_match(text.trim());
        after_salutation = conv
            .salutations
            .iter()
            .any(|s| text.trim_start().starts_with(s.as_str()));
        pending_break = false;
        saw_removed = false;
        prev_raw_blank = false;
    }
    b.end_block();
    let body_end = b.text.len();

    // The footnote region: one block per footnote, in number order.
    footnotes.sort_by_key(|(n, _)| *n);
    let mut out_footnotes = Vec::with_capacity(footnotes.len());
    let mut used_markers = vec![false; b.markers.len()];
    for (n, pieces) in footnotes {
        b.start_block(BlockKind::Footnote(n));
        let start = b.text.len();
        for (i, (piece, line)) in pieces.iter().enumerate() {
            if i == 0 {
                b.push_piece(piece, *line);
            } else {
                b.continue_block(piece, *line);
            }
        }
        b.end_block();
        let end = b.text.len();
        let marker = b
            .markers
            .iter()
            .enumerate()
            .find(|(i, (m, pos))| {
                *m == n && used_markers.get(*i) == Some(&false) && *pos <= body_end
            })
            .map(|(i, (_, pos))| {
                if let Some(u) = used_markers.get_mut(i) {
                    *u = true;
                }
                *pos
            });
        out_footnotes.push(Footnote {
            number: n,
            start,
            end,
            marker,
        });
    }
    // Markers pushed during the footnote region are not body markers.
    Normalised {
        text: b.text,
        body_end: body_end.min(body_end),
        blocks: b.blocks,
        footnotes: out_footnotes,
        repairs: b.repairs,
        line_map: b.line_map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv() -> Conventions {
        Conventions {
            hyphen_keep_before: vec!["en".into(), "of".into()],
            hyphen_keep_prefix: vec!["niet".into(), "anti".into()],
            salutations: vec!["Geachte voorzitter".into()],
            ..Conventions::default()
        }
    }

    fn body(n: &Normalised) -> &str {
        &n.text[..n.body_end]
    }

    #[test]
    fn line_end_hyphenation_is_repaired_where_spelling_allows() {
        let n = normalise(
            "De verster-\nking van de NAVO-\nen EU-lidstaten en de\nEU-\nlidstaten, niet-\ngeclassificeerde defensie-\ninspanningen.\n",
            &conv(),
        );
        assert_eq!(
            body(&n),
            "De versterking van de NAVO- en EU-lidstaten en de EU-lidstaten, niet-geclassificeerde defensie-inspanningen."
        );
    }

    #[test]
    fn a_numbered_heading_on_its_own_line_is_its_own_block() {
        // Wrapped PDF lines end in a space; a heading line does not.
        let long =
            "Er is de afgelopen jaren weinig sturing geweest op het plaatsen van mensen bij de ";
        let raw = format!(
            "{long}\nNAVO en elders.\n\n4.2.1 Meer sturing nodig bij EU en NAVO\n{long}\nNAVO. Dat blijkt.\n\n2.1 Uitgangspunten van het beleid van \nNederland\n\n{long}\nEU.\n"
        );
        let n = normalise(&raw, &conv());
        let blocks: Vec<&str> = n.blocks.iter().map(|b| &n.text[b.start..b.end]).collect();
        assert!(
            blocks.contains(&"4.2.1 Meer sturing nodig bij EU en NAVO"),
            "{blocks:#?}"
        );
        assert!(
            blocks
                .iter()
                .any(|b| b.starts_with("Er is") && b.ends_with("NAVO. Dat blijkt."))
        );
        // A heading wrapped over two lines stays one heading.
        assert!(
            blocks.contains(&"2.1 Uitgangspunten van het beleid van Nederland"),
            "{blocks:#?}"
        );
    }

    #[test]
    fn inline_hyphenation_is_repaired() {
        let n = normalise(
            "De verster- king en de Buitenland- en niet- geclassificeerde zaken.\n",
            &conv(),
        );
        assert_eq!(
            body(&n),
            "De versterking en de Buitenland- en niet-geclassificeerde zaken."
        );
    }

    #[test]
    fn inline_word_footnotes_become_footnote_bodies() {
        let n = normalise(
            "Met de nieuwe IVS[footnoteRef:1] wil dit kabinet versterken. [1:  Kamerstuk 33694, nr. 72] \n\nVolgende alinea.\n",
            &conv(),
        );
        assert_eq!(
            body(&n),
            "Met de nieuwe IVS wil dit kabinet versterken.\nVolgende alinea."
        );
        assert_eq!(n.footnotes.len(), 1);
        let f = &n.footnotes[0];
        assert_eq!(&n.text[f.start..f.end], "Kamerstuk 33694, nr. 72");
        assert_eq!(f.marker, Some("Met de nieuwe IVS".len()));
        assert_eq!(n.line_at(f.start), 1);
    }

    #[test]
    fn superscript_markers_and_bodies_are_linked() {
        let n = normalise(
            "De IVS¹ wil versterken.\n\n¹ Kamerstuk 33694, nr. 72\n",
            &conv(),
        );
        assert_eq!(body(&n), "De IVS wil versterken.");
        let f = &n.footnotes[0];
        assert_eq!(f.number, 1);
        assert_eq!(f.marker, Some(6));
        assert_eq!(n.line_at(f.start), 3);
    }

    #[test]
    fn pdf_footnote_block_cutting_a_sentence_is_moved_and_the_sentence_rejoined() {
        let raw = "Zowel het Strategisch Kompas3, als de evaluatie van de\n\n3 Het Strategisch Kompas wordt\nuitgewerkt in 2022.\n bieden daartoe handvatten in 2024.4 Het P55-overleg.\n\n4 Zie Kamerstuk 1.\n5 Zie Kamerstuk 2.\n";
        let n = normalise(raw, &conv());
        assert_eq!(
            body(&n),
            "Zowel het Strategisch Kompas, als de evaluatie van de bieden daartoe handvatten in 2024. Het P5-overleg."
        );
        let texts: Vec<&str> = n
            .footnotes
            .iter()
            .map(|f| &n.text[f.start..f.end])
            .collect();
        assert_eq!(
            texts,
            [
                "Het Strategisch Kompas wordt uitgewerkt in 2022.",
                "Zie Kamerstuk 1.",
                "Zie Kamerstuk 2."
            ]
        );
        assert_eq!(
            n.footnotes[0].marker,
            Some("Zowel het Strategisch Kompas".len())
        );
        assert_eq!(n.line_at(n.text.find("bieden").unwrap_or(0)), 5);
    }

    #[test]
    fn a_superscript_marker_inside_a_footnote_body_does_not_panic() {
        // Found by tests/fuzz.rs.
        let n = normalise("\n¹ \n\u{ac7}¹", &conv());
        assert!(n.text.len() <= 16);
    }

    #[test]
    fn running_headers_and_page_numbers_are_removed() {
        let raw = "Geachte voorzitter,\nDe EU en de\n\n| 21 |\n\nHoofdstuk | IOB Evaluatie | Samen sterker?\n\nNAVO werken samen.\n\nMinisterie van Defensie\n\nOnze referentie\nBZ1\n\nTweede alinea.\n\nMinisterie van Defensie\nOnze referentie\nBZ1\n12\n";
        let n = normalise(raw, &conv());
        assert_eq!(
            body(&n),
            "Geachte voorzitter,\nDe EU en de NAVO werken samen.\nTweede alinea."
        );
        assert!(n.repairs.header_lines >= 8);
    }

    #[test]
    fn debris_and_markdown_are_cleaned() {
        let n = normalise(
            "[image: ]\n**Ministerie**\n\n\u{F0B7} een *food for thought* paper\u{00A0}van “de” EU\n\n[bookmark: _Hlk1]Tekst\n",
            &conv(),
        );
        assert_eq!(
            body(&n),
            "Ministerie\neen food for thought paper van “de” EU\nTekst"
        );
        assert_eq!(n.blocks[1].kind, BlockKind::ListItem);
    }

    #[test]
    fn every_offset_maps_to_its_original_line() {
        let n = normalise(
            "Eerste regel van een\nalinea die doorloopt.\n\nTweede alinea.\n",
            &conv(),
        );
        assert_eq!(n.line_at(0), 1);
        assert_eq!(n.line_at(n.text.find("alinea die").unwrap_or(0)), 2);
        assert_eq!(n.line_at(n.text.find("Tweede").unwrap_or(0)), 4);
    }
}
