//! Bounds on the date of a document that does not state one.
//!
//! A date the text names tells something about the document's own date
//! only through its tense: what a sentence describes as past ("De
//! reflectiegroep bood op 25 november 2020 zijn rapport aan", "sinds 2016",
//! a cited paper's date in a footnote) happened before the document was
//! written; what it announces ("zal in 2021 bijeenkomen", "de eerstvolgende
//! top in 2021") comes after. The latest past date is a lower bound, the
//! earliest announced date an upper bound. No single day is ever inferred:
//! the graph gets the bounds with the sentences they come from, and a year
//! (or month) only when both bounds fall in it. Bounds that contradict each
//! other are no safe basis and give nothing. The tense words are data
//! (`cfg:tense` in `ontology/text.ttl`).

use std::sync::LazyLock;

use regex::Regex;

use super::conventions::{Conventions, TenseWords};
use super::metadata::Date;
use super::normalise::{BlockKind, Normalised};

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date the text refers to, as a bound on the document's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRef {
    /// The bound: the first day of the period named for a lower bound, the
    /// last day for an upper bound.
    pub date: Date,
    pub precision: Precision,
    /// Byte span of the sentence that names it, in the normalised text.
    pub start: usize,
    pub end: usize,
    /// The date as written ("25 november 2020", "2021").
    pub written: String,
}

/// What the text's dates say about the document's own date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateBounds {
    /// The document is not older than this past event.
    pub not_before: Option<DateRef>,
    /// The document is not younger than this announced event.
    pub not_after: Option<DateRef>,
}

impl DateBounds {
    /// The year both bounds fall in, when they do.
    pub fn year(&self) -> Option<i32> {
        let (a, b) = (self.not_before.as_ref()?, self.not_after.as_ref()?);
        (a.date.year == b.date.year).then_some(a.date.year)
    }

    /// The year and month both bounds fall in, when they do.
    pub fn month(&self) -> Option<(i32, u32)> {
        let (a, b) = (self.not_before.as_ref()?, self.not_after.as_ref()?);
        (a.date.year == b.date.year && a.date.month == b.date.month)
            .then_some((a.date.year, a.date.month))
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.not_before.is_none() && self.not_after.is_none()
    }
}

impl TenseWords {
    fn is_past(&self, word: &str) -> bool {
        if self.past.iter().any(|p| p == word) {
            return true;
        }
        // "presenteerde", not the participle-adjective "geactualiseerde".
        if !word.starts_with("ge")
            && self
                .past_suffixes
                .iter()
                .any(|s| word.len() > s.len() + 2 && word.ends_with(s.as_str()))
        {
            return true;
        }
        // "deelnam", "plaatsvond": joined only in a subordinate clause, and
        // only in the singular ("uitgaven", "deelnamen" are nouns).
        self.separable_prefixes.iter().any(|p| {
            word.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.len() >= 3 && !rest.ends_with("en") && self.past.iter().any(|w| w == rest)
            })
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

static FULL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\s+(\p{L}{3,9})\s+((?:19|20)\d\d)\b|\b(\p{L}{3,9})\s+(\d{1,2}),\s+((?:19|20)\d\d)\b").ok()
});
static MONTH_YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\p{L}{3,9})\s+((?:19|20)\d\d)\b").ok());
/// A year standing alone: not part of a range ("2021-2027"), a number
/// ("2020D30499"), a name glued to it ("NAVO2030") or an amount.
static YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\p{L}\d/.,–—-])((?:19|20)\d\d)(?:$|[^\p{L}\d/–—-])").ok());

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date named in a sentence: (first day, last day, precision, byte span in
/// the sentence, as written).
type Named = (Date, Date, Precision, usize, usize, String);

fn dates_in(sentence: &str, conv: &Conventions) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let taken = |out: &Vec<Named>, s: usize, e: usize| out.iter().any(|d| s < d.4 && d.3 < e);
    for c in FULL.iter().flat_map(|r| r.captures_iter(sentence)) {
        let (day, month, year) = if c.get(1).is_some() {
            (&c[1], &c[2], &c[3])
        } else {
            (&c[5], &c[4], &c[6])
        };
        let (Ok(day), Some(month), Ok(year)) =
            (day.parse::<u32>(), conv.month(month), year.parse::<i32>())
        else {
            continue;
        };
        if !(1..=days_in(year, month)).contains(&day) {
            continue;
        }
        let Some(m) = c.get(0) else { continue };
        let d = Date { year, month, day };
        out.push((
            d,
            d,
            Precision::Day,
            m.start(),
            m.end(),
            m.as_str().to_owned(),
        ));
    }
    for c in MONTH_YEAR.iter().flat_map(|r| r.captures_iter(sentence)) {
        let (Some(month), Ok(year), Some(m)) = (conv.month(&c[1]), c[2].parse::<i32>(), c.get(0))
        else {
            continue;
        };
        if taken(&out, m.start(), m.end()) {
            continue;
        }
        out.push((
            Date {
                year,
                month,
                day: 1,
            },
            Date {
                year,
                month,
                day: days_in(year, month),
            },
            Precision::Month,
            m.start(),
            m.end(),
            m.as_str().to_owned(),
        ));
    }
    for c in YEAR.iter().flat_map(|r| r.captures_iter(sentence)) {
        let (Some(m), Ok(year)) = (c.get(1), c[1].parse::<i32>()) else {
            continue;
        };
        if taken(&out, m.start(), m.end()) || in_name(sentence, m.start()) {
            continue;
        }
        out.push((
            Date {
                year,
                month: 1,
                day: 1,
            },
            Date {
                year,
                month: 12,
                day: 31,
            },
            Precision::Year,
            m.start(),
            m.end(),
            m.as_str().to_owned(),
        ));
    }
    out
}

/// True when the year at `at` ends a name: right after a capitalised word
/// that does not open the sentence ("de Defensievisie 2035", "de Staat van
/// de Unie 2020").
fn in_name(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    word_start > 0 && word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Words of `sentence` with their byte offsets, lower case; a hyphenated
/// compound is one word ("defensie-uitgaven").
fn words(sentence: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’') && start.is_some();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, sentence[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, sentence[s..].to_lowercase()));
    }
    for w in &mut out {
        // A full stop that ends the word is punctuation ("werd." ), one
        // inside it is part of it ("d.d.").
        if w.1.ends_with('.') && w.1.matches('.').count() == 1 {
            w.1.pop();
        }
    }
    out
}

/// What ends a clause for the tense of a date in it.
const CLAUSE_BREAK: [char; 7] = [',', ';', ':', '(', ')', '–', '—'];

/// The tense a sentence gives the date at byte `at`: a preposition right
/// before it decides; else the nearest finite past word or future word;
/// weak past signs count only where no future word is.
fn tense(sentence: &str, at: usize, words_of: &[(usize, String)], t: &TenseWords) -> Option<Tense> {
    let before: Vec<&(usize, String)> = words_of.iter().filter(|(p, _)| *p < at).collect();
    if let Some((p, w)) = before.last()
        && t.past_prepositions.contains(w)
        && sentence[*p..at].chars().count() <= w.chars().count() + 2
    {
        return Some(Tense::Past);
    }
    // Only the date's own clause speaks for it: "…, gezien de uitgaven in
    // 2025" is not announced by a "zal" before the comma.
    let clause_start = sentence[..at].rfind(CLAUSE_BREAK).map_or(0, |i| i + 1);
    let clause_end = sentence[at..]
        .find(CLAUSE_BREAK)
        .map_or(sentence.len(), |i| at + i);
    let distance = |p: usize| p.abs_diff(at);
    let nearest = |f: &dyn Fn(&str) -> bool| {
        words_of
            .iter()
            .filter(|(p, _)| (clause_start..clause_end).contains(p))
            .filter(|(_, w)| f(w))
            .map(|(p, _)| distance(*p))
            .min()
    };
    let past = nearest(&|w| t.is_past(w));
    let future = nearest(&|w| t.future.iter().any(|f| f == w));
    let weak = nearest(&|w| t.past_weak.iter().any(|f| f == w));
    match (past, future, weak) {
        (Some(p), Some(f), _) => Some(if p < f { Tense::Past } else { Tense::Future }),
        (Some(_), None, _) | (None, None, Some(_)) => Some(Tense::Past),
        (None, Some(_), _) => Some(Tense::Future),
        (None, None, None) => None,
    }
}

/// Sentence-like spans of one block: split after `.`, `!` or `?` (with
/// closing quotes and a footnote number glued to it: "afnemen.280 Zo")
/// followed by a space and a capital or digit.
fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let block = &text[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
                j += 1;
            }
            let digits = j;
            while j < chars.len() && chars[j].1.is_ascii_digit() && j - digits < 3 {
                j += 1;
            }
            let next = chars.get(j + 1).map(|&(_, n)| n);
            if chars.get(j).is_some_and(|&(_, s)| s == ' ')
                && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '“')
            {
                out.push((start + from, start + i + c.len_utf8()));
                from = chars[j + 1].0;
                k = j + 1;
                continue;
            }
        }
        k += 1;
    }
    if from < block.len() {
        out.push((start + from, end));
    }
    out
}

/// A date the text names, with the tense its sentence gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// True for a past event, false for an announced one.
    pub past: bool,
    /// The first day of the period named.
    pub first: Date,
    /// The last day of the period named.
    pub last: Date,
    pub precision: Precision,
    /// Byte span of the sentence, in the normalised text.
    pub start: usize,
    pub end: usize,
    pub written: String,
}

/// Every date of `text` that its sentence places in the past or the
/// future; dates without a tense are left out.
pub fn references(text: &Normalised, conv: &Conventions) -> Vec<Reference> {
    let t = &conv.tense;
    let mut out = Vec::new();
    for block in &text.blocks {
        let footnote = matches!(block.kind, BlockKind::Footnote(_));
        for (s, e) in sentences(&text.text, block.start, block.end) {
            let sentence = &text.text[s..e];
            let named = dates_in(sentence, conv);
            if named.is_empty() {
                continue;
            }
            let words_of = words(sentence);
            for (first, last, precision, ds, de, written) in named {
                // A date that stands as an item of a footnote's entry
                // ("…, KST 21501-28-211, 2020.") is a cited paper's, older
                // than the document, unless the footnote announces it.
                let tense = match tense(sentence, ds, &words_of, t) {
                    None if footnote && entry_item(sentence, ds, de) => Some(Tense::Past),
                    other => other,
                };
                if let Some(tense) = tense {
                    out.push(Reference {
                        past: tense == Tense::Past,
                        first,
                        last,
                        precision,
                        start: s,
                        end: e,
                        written,
                    });
                }
            }
        }
    }
    out
}

/// True when the date at `start..end` of `sentence` is a whole item of a
/// comma-separated entry: after a comma (or the start), before a comma, a
/// semicolon, a full stop or the end.
fn entry_item(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].trim_end();
    let after = sentence[end..].trim_start();
    (before.is_empty() || before.ends_with([',', ';', '(']))
        && (after.is_empty() || after.starts_with([',', ';', '.', ')']))
}

/// The bounds the dates of `text` put on the document's own date.
pub fn bounds(text: &Normalised, conv: &Conventions) -> DateBounds {
    let mut past: Option<&Reference> = None;
    let mut future: Option<&Reference> = None;
    let all = references(text, conv);
    for r in &all {
        if r.past {
            if past.is_none_or(|p| r.first > p.first) {
                past = Some(r);
            }
        } else if future.is_none_or(|f| r.last < f.last) {
            future = Some(r);
        }
    }
    if let (Some(p), Some(f)) = (past, future)
        && p.first > f.last
    {
        // The tenses contradict each other: no safe basis.
        return DateBounds::default();
    }
    let bound = |r: &Reference, date: Date| DateRef {
        date,
        precision: r.precision,
        start: r.start,
        end: r.end,
        written: r.written.clone(),
    };
    DateBounds {
        not_before: past.map(|r| bound(r, r.first)),
        not_after: future.map(|r| bound(r, r.last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::normalise::normalise;

    fn conv() -> Conventions {
        let lexicon = crate::lexicon::Lexicon::load(&crate::lexicon::OntologySource::Embedded)
            .unwrap_or_else(|e| panic!("{e}"));
        lexicon.conventions.clone()
    }

    fn iso(bound: &Option<DateRef>) -> Option<String> {
        bound.as_ref().map(|d| d.date.iso())
    }

    fn bounds_of(text: &str) -> DateBounds {
        let conv = conv();
        bounds(&normalise(text, &conv), &conv)
    }

    #[test]
    fn a_past_event_bounds_the_date_from_below_and_an_announced_one_from_above() {
        let b = bounds_of(
            "De Raad nam op 14 maart 2023 een besluit over de missie. De ministers zullen in 2024 opnieuw bijeenkomen.\n",
        );
        assert_eq!(iso(&b.not_before), Some("2023-03-14".into()));
        assert_eq!(iso(&b.not_after), Some("2024-12-31".into()));
        assert_eq!(b.year(), None);
    }

    #[test]
    fn both_bounds_in_one_year_give_that_year_and_an_aside_gives_no_day() {
        let b = bounds_of(
            "Sinds 2019 werkt Estland hieraan. De Commissie presenteerde in februari 2022 haar plan. De evaluatie zal naar verwachting in 2022 plaatsvinden.\n",
        );
        assert_eq!(iso(&b.not_before), Some("2022-02-01".into()));
        assert_eq!(b.year(), Some(2022));
        assert_eq!(b.month(), None);
    }

    #[test]
    fn an_announced_summit_keeps_a_later_past_date_out_of_the_future() {
        let b = bounds_of(
            "De top vond plaats op 10 juli 2018. De volgende top wordt in juni 2019 in Londen gehouden en zal over de lasten gaan.\n",
        );
        assert_eq!(iso(&b.not_before), Some("2018-07-10".into()));
        assert_eq!(iso(&b.not_after), Some("2019-06-30".into()));
    }

    #[test]
    fn contradicting_tenses_are_no_safe_basis() {
        let b = bounds_of("De lidstaten zullen in 2019 besluiten. Dat werd in 2021 bekend.\n");
        assert!(b.is_empty(), "{b:?}");
    }

    #[test]
    fn dates_without_tense_names_and_ranges_bound_nothing() {
        let b = bounds_of(
            "Het Meerjarig Financieel Kader 2021-2027 en de Defensievisie 2035 staan centraal. Zie nummer 2020D30499.\n",
        );
        assert!(b.is_empty(), "{b:?}");
    }

    #[test]
    fn a_period_of_years_is_no_date() {
        let b = bounds_of(
            "Het budget voor de periode 2025-2027 zal de samenwerking slechts beperkt versterken.\n",
        );
        assert!(b.is_empty(), "{b:?}");
        let conv = conv();
        let s = "Dit laatste is wel van belang, want het huidige EDIP-budget van € 1,5 miljard voor de periode 2025-2027 zal de samenwerking tussen EU-lidstaten slechts beperkt versterken.";
        assert_eq!(dates_in(s, &conv), vec![]);
    }

    #[test]
    fn english_tenses_bound_the_date_too() {
        let b = bounds_of(
            "The Council adopted the compass on 21 March 2022. Allies will meet again in July 2023.\n",
        );
        assert_eq!(iso(&b.not_before), Some("2022-03-21".into()));
        assert_eq!(iso(&b.not_after), Some("2023-07-31".into()));
    }
}
