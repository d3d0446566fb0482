//! The identity a parliamentary or ministerial paper prints at the top:
//! the Kamerstuk (dossier and number) of the official layout or of a
//! one-line citation, the vergaderjaar, the Aanhangsel number, the Tweede
//! Kamer's document and case numbers, the dates the header states with
//! their role, and the title it states.
//!
//! Every label is data (`cfg:parliament` in `ontology/text.ttl`); only the
//! shapes of numbers are patterns here (a dossier of five digits, a year
//! pair, `2025D04567`). Reads the cleaned lines of the header and, where
//! the official layout separates its columns by tabs, the raw lines.

use std::sync::LazyLock;

use regex::Regex;

use super::conventions::Conventions;
use super::metadata::{Date, DateRole, Kamerstuk, clean, line_no, parse_date, re};

/// A dossier number: five digits (maybe split after two), sub-numbers
/// after hyphens, maybe a budget chapter ("36 600 X", "21 501-28").
static DOSSIER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{2}) ?(\d{3})((?:-\d{1,3})*)(?:[ -]?([IVXLC]{1,6}|[A-Z]))?$"));
/// A paper's number in its dossier.
static PAPER_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,5}$"));
/// An Eerste Kamer paper's letter ("C", "CK").
static LETTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z]{1,2}$"));
/// A parliamentary year in full ("2023–2024").
static YEARS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[:\s]*((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})\b"));
/// A parliamentary year in short ("2023/24").
static SHORT_YEARS: LazyLock<Regex> = LazyLock::new(|| re(r"\b((?:19|20)\d{2})/(\d{2})\b"));
/// The chamber's mark in a citation ("Kamerstukken II").
static CHAMBER_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"^I{1,2}(?:\s+|$)"));
/// A Tweede Kamer document number.
static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d{2}D\d{4,6}\b"));
/// A Tweede Kamer case number.
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d{2}Z\d{4,6}\b"));
/// A line that is only a place and a date ("Den Haag, 9 november 2023").
static PLACE_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\p{Lu}[\p{L}'’.\- ]{1,40}, (\d{1,2} \p{L}{3,9} (?:19|20)\d\d)\.?$"));
/// A date at the start of a text.
static DATE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[:\s]*(\d{1,2} \p{L}{3,9}\.? (?:19|20)\d\d)\b"));

/// Lines of the header looked at for a chamber line or a citation.
const OPENING_LINES: usize = 12;
/// Non-empty lines at the top where a one-line citation may stand.
const CITATION_LINES: usize = 3;
/// Lines a title may wrap over.
const TITLE_LINES: usize = 4;
/// The longest title line.
const TITLE_CHARS: usize = 300;

/// What a header says of the paper's identity.
#[derive(Debug, Default)]
pub(super) struct Identity {
    pub kamerstuk: Option<Kamerstuk>,
    pub vergaderjaar: Option<String>,
    pub aanhangsel: Option<String>,
    pub document_number: Option<String>,
    pub case_number: Option<String>,
    /// The title the official layout or a citation's title line states,
    /// or the line above the date line.
    pub title: Option<String>,
    /// Dates with a role other than dated, and their lines.
    pub dates: Vec<(DateRole, Date, u32)>,
}

/// The header: the cleaned lines, the raw ones (tabs kept) and where the
/// header ends.
struct Header<'a> {
    lines: &'a [String],
    raw: &'a [&'a str],
    /// Lines before this index are the header.
    end: usize,
    conv: &'a Conventions,
}

/// Reads the identity from lines `..end` of a file.
pub(super) fn read(lines: &[String], raw: &[&str], end: usize, conv: &Conventions) -> Identity {
    let h = Header {
        lines,
        raw,
        end: end.min(lines.len()),
        conv,
    };
    let layout = h.official_layout();
    let citation = h.citation();
    let mut id = Identity {
        vergaderjaar: h.vergaderjaar(),
        aanhangsel: h.aanhangsel(),
        document_number: h.tk_number(&DOCUMENT_NUMBER, &conv.parliament.document_number_labels),
        case_number: h.tk_number(&CASE_NUMBER, &conv.parliament.case_number_labels),
        dates: h.role_dates(),
        ..Identity::default()
    };
    if let Some((kamerstuk, title)) = layout {
        id.kamerstuk = Some(kamerstuk);
        id.title = title;
    } else if let Some((kamerstuk, line)) = citation {
        id.kamerstuk = Some(kamerstuk);
        id.title = h.title_from(line + 1);
    }
    if id.title.is_none() {
        id.title = h.title_above_date();
    }
    id
}

/// `s` without `prefix`, compared case-insensitively letter by letter.
pub(super) fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let mut rest = s.chars();
    for p in prefix.chars() {
        let c = rest.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(rest.as_str())
}

/// The value after `label` at the start of `s`: the label must end a word;
/// a colon and spaces after it are dropped.
pub(super) fn after_label<'s>(s: &'s str, label: &str) -> Option<&'s str> {
    let rest = strip_prefix_ci(s, label)?;
    let ends_word =
        !label.ends_with(char::is_alphanumeric) || !rest.starts_with(|c: char| c.is_alphanumeric());
    ends_word.then(|| rest.trim_start_matches([':', ' ']))
}

/// Byte offsets in `s` where `needle` starts as a word, case ignored.
pub(super) fn find_word_ci(s: &str, needle: &str) -> Vec<usize> {
    s.char_indices()
        .filter(|&(i, _)| {
            let starts_word = !s[..i].ends_with(|c: char| c.is_alphanumeric());
            starts_word && after_label(&s[i..], needle).is_some()
        })
        .map(|(i, _)| i)
        .collect()
}

/// True when `s` ends with `label` as a word, case ignored.
fn ends_with_word_ci(s: &str, label: &str) -> bool {
    let n = label.chars().count();
    let Some((at, _)) = s.char_indices().rev().nth(n.saturating_sub(1)) else {
        return false;
    };
    n > 0
        && strip_prefix_ci(&s[at..], label).is_some_and(str::is_empty)
        && !s[..at].ends_with(|c: char| c.is_alphanumeric())
}

/// A dossier as written: its number with sub-numbers ("21501-28") and a
/// letter or numeral after it ("X" of "36 600 X").
struct Dossier {
    base: String,
    suffix: Option<String>,
}

impl Dossier {
    fn parse(s: &str) -> Option<Self> {
        let c = DOSSIER.captures(s.trim())?;
        let mut base = format!("{}{}", c.get(1)?.as_str(), c.get(2)?.as_str());
        base.push_str(c.get(3).map_or("", |m| m.as_str()));
        Some(Self {
            base,
            suffix: c.get(4).map(|m| m.as_str().to_owned()),
        })
    }

    /// The dossier with its chapter ("36600-X").
    fn dossier(&self) -> String {
        match &self.suffix {
            Some(s) => format!("{}-{s}", self.base),
            None => self.base.clone(),
        }
    }
}

/// A year pair as `YYYY-YYYY`, when the second year follows the first.
fn session(first: &str, second: &str) -> Option<String> {
    let a: u32 = first.parse().ok()?;
    let b: u32 = second.parse().ok()?;
    let follows = if second.len() == 2 {
        (a + 1) % 100 == b
    } else {
        a + 1 == b
    };
    follows.then(|| format!("{a}-{}", a + 1))
}

impl Header<'_> {
    fn line(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", String::as_str)
    }

    /// The first non-empty header line at `from` or after.
    fn next_nonempty(&self, from: usize) -> Option<usize> {
        (from..self.end).find(|&i| !self.line(i).is_empty())
    }

    /// The non-empty columns of raw line `i` (the official layout puts a
    /// tab between a number and its title).
    fn columns(&self, i: usize) -> Vec<String> {
        self.raw
            .get(i)
            .map(|l| l.split('\t').map(clean).filter(|c| !c.is_empty()).collect())
            .unwrap_or_default()
    }

    fn starts_with_any(&self, i: usize, prefixes: &[String]) -> bool {
        prefixes
            .iter()
            .any(|p| after_label(self.line(i), p).is_some())
    }

    /// The official layout: the chamber line, the vergaderjaar, the dossier
    /// line ("21 501-28 ⇥ Defensieraad") and the number line ("Nr. 268 ⇥
    /// BRIEF VAN …", or an Eerste Kamer letter "C ⇥ VOORLOPIG VERSLAG …").
    /// The title is the number line's heading.
    fn official_layout(&self) -> Option<(Kamerstuk, Option<String>)> {
        let chambers = &self.conv.parliament.chambers;
        let chamber =
            (0..self.end.min(OPENING_LINES)).find(|&i| self.starts_with_any(i, chambers))?;
        let mut i = self.next_nonempty(chamber + 1)?;
        let mut dossier = self.dossier_line(i);
        if dossier.is_none() {
            // The vergaderjaar line between the chamber and the dossier.
            i = self.next_nonempty(i + 1)?;
            dossier = self.dossier_line(i);
        }
        let dossier = dossier?;
        let j = self.next_nonempty(i + 1)?;
        let (number, title) = self.number_line(j)?;
        let mut title = title;
        // A heading that wraps goes on in the title column.
        let mut k = j + 1;
        while k < self.end
            && k < j + TITLE_LINES
            && self.raw.get(k).is_some_and(|l| l.starts_with('\t'))
        {
            let more = self.line(k);
            if more.is_empty() {
                break;
            }
            title = format!("{title} {more}");
            k += 1;
        }
        Some((
            Kamerstuk {
                dossier: dossier.dossier(),
                number,
            },
            Some(title).filter(|t| !t.is_empty()),
        ))
    }

    /// The dossier of a dossier line: the number column before the tab,
    /// or (tabs lost) the longest run of words that reads as a dossier and
    /// has a title after it.
    fn dossier_line(&self, i: usize) -> Option<Dossier> {
        let columns = self.columns(i);
        if columns.len() >= 2 {
            return Dossier::parse(columns.first()?);
        }
        let words: Vec<&str> = self.line(i).split(' ').collect();
        (2..words.len().min(4))
            .rev()
            .filter(|&k| {
                words
                    .get(k)
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
            })
            .find_map(|k| Dossier::parse(&words[..k].join(" ")))
    }

    /// A paper's number in its own column: "Nr. 268", or a letter.
    fn number_column(&self, column: &str) -> Option<String> {
        for label in &self.conv.parliament.number_labels {
            if let Some(n) = after_label(column, label)
                && PAPER_NUMBER.is_match(n.trim())
            {
                return Some(n.trim().to_owned());
            }
        }
        LETTER.is_match(column).then(|| column.to_owned())
    }

    /// The number and heading of a number line.
    fn number_line(&self, j: usize) -> Option<(String, String)> {
        let columns = self.columns(j);
        if columns.len() >= 2 {
            let number = self.number_column(columns.first()?)?;
            return Some((number, columns.get(1..)?.join(" ")));
        }
        // Tabs lost: "Nr. 268 BRIEF VAN …", or "C VOORLOPIG VERSLAG …"
        // with the heading in capitals.
        let line = self.line(j);
        let (first, rest) = line.split_once(' ')?;
        for label in &self.conv.parliament.number_labels {
            if let Some(n) = after_label(line, label)
                && let Some((number, title)) = n.split_once(' ')
                && PAPER_NUMBER.is_match(number)
            {
                return Some((number.to_owned(), title.trim().to_owned()));
            }
        }
        let capitals = !rest.chars().any(char::is_lowercase);
        (LETTER.is_match(first) && capitals).then(|| (first.to_owned(), rest.to_owned()))
    }

    /// A one-line citation of the paper itself at the top: "Kamerstuk
    /// 36 045, nr. 112", "Tweede Kamer, vergaderjaar 2022–2023, 21 501-02,
    /// nr. 2650", "Kamerstukken I 2018/19, 35 004, D". Its line index.
    fn citation(&self) -> Option<(Kamerstuk, usize)> {
        let mut i = 0;
        for _ in 0..CITATION_LINES {
            i = self.next_nonempty(i)?;
            let line = self.line(i);
            for prefix in &self.conv.parliament.citation_prefixes {
                if let Some(rest) = strip_prefix_ci(line, prefix)
                    && rest.starts_with([' ', ','])
                    && let Some(k) = self.citation_parts(rest)
                {
                    return Some((k, i));
                }
            }
            i += 1;
        }
        None
    }

    /// The dossier and number among the comma-separated parts of a
    /// citation. A letter after the dossier with no number after it is an
    /// Eerste Kamer paper's letter ("36 412 C").
    fn citation_parts(&self, rest: &str) -> Option<Kamerstuk> {
        let mut dossier: Option<Dossier> = None;
        let mut number: Option<String> = None;
        for part in rest.split(',') {
            let mut p = part.trim();
            if let Some(m) = CHAMBER_MARK.find(p) {
                p = &p[m.end()..];
            }
            if let Some(m) = SHORT_YEARS.find(p).filter(|m| m.start() == 0) {
                p = p[m.end()..].trim();
            }
            if p.is_empty()
                || self
                    .conv
                    .parliament
                    .session_labels
                    .iter()
                    .any(|l| after_label(p, l).is_some())
            {
                continue;
            }
            if dossier.is_none() {
                dossier = Dossier::parse(p);
            } else if number.is_none() {
                number = self.number_column(p);
            }
        }
        let dossier = dossier?;
        match number {
            Some(number) => Some(Kamerstuk {
                dossier: dossier.dossier(),
                number,
            }),
            None => {
                let letter = dossier.suffix.filter(|s| LETTER.is_match(s))?;
                Some(Kamerstuk {
                    dossier: dossier.base,
                    number: letter,
                })
            }
        }
    }

    /// "Vergaderjaar 2023–2024" anywhere in the header; else the short
    /// year of a citation or Aanhangsel line ("2019/20").
    fn vergaderjaar(&self) -> Option<String> {
        for i in 0..self.end {
            let line = self.line(i);
            for label in &self.conv.parliament.session_labels {
                for at in find_word_ci(line, label) {
                    let Some(rest) = after_label(&line[at..], label) else {
                        continue;
                    };
                    if let Some(c) = YEARS.captures(rest)
                        && let Some(s) = session(&c[1], &c[2])
                    {
                        return Some(s);
                    }
                }
            }
        }
        let p = &self.conv.parliament;
        (0..self.end.min(OPENING_LINES))
            .filter(|&i| {
                self.starts_with_any(i, &p.citation_prefixes)
                    || self.starts_with_any(i, &p.appendix_cues)
            })
            .find_map(|i| {
                let c = SHORT_YEARS.captures(self.line(i))?;
                session(&c[1], &c[2])
            })
    }

    /// The Aanhangsel number: "Aanhangsel Handelingen II 2023/24, nr.
    /// 1234", or the number alone on a line below "Aanhangsel van de
    /// Handelingen", before the questions.
    fn aanhangsel(&self) -> Option<String> {
        let p = &self.conv.parliament;
        let i = (0..self.end.min(OPENING_LINES))
            .find(|&i| self.starts_with_any(i, &p.appendix_cues))?;
        let line = self.line(i);
        for label in &p.number_labels {
            for at in find_word_ci(line, label) {
                if let Some(n) = after_label(&line[at..], label)
                    && let Some(n) = n.split([' ', ',', ')']).next()
                    && PAPER_NUMBER.is_match(n)
                {
                    return Some(n.to_owned());
                }
            }
        }
        let questions = &self.conv.kamervragen.questions_cues;
        (i + 1..self.end)
            .take_while(|&j| !self.starts_with_any(j, questions))
            .map(|j| self.line(j))
            .find(|l| PAPER_NUMBER.is_match(l))
            .map(str::to_owned)
    }

    /// A Tweede Kamer number of the header: alone on its line, or after
    /// one of `labels` ("Zaaknummer: 2025Z01234", "Uw kenmerk 2026Z00987").
    fn tk_number(&self, pattern: &Regex, labels: &[String]) -> Option<String> {
        for i in 0..self.end {
            let line = self.line(i);
            for m in pattern.find_iter(line) {
                let before = line[..m.start()]
                    .trim_end()
                    .trim_end_matches(':')
                    .trim_end();
                let alone = before.is_empty() && line[m.end()..].trim().is_empty();
                if alone || labels.iter().any(|l| ends_with_word_ci(before, l)) {
                    return Some(m.as_str().to_owned());
                }
            }
        }
        None
    }

    /// Dates after a label of `cfg:dateRole`, at the start of a paragraph
    /// or in brackets: "Vastgesteld 5 juni 2023", "(ingezonden 3 april
    /// 2024)". The first of each role.
    fn role_dates(&self) -> Vec<(DateRole, Date, u32)> {
        let mut out: Vec<(DateRole, Date, u32)> = Vec::new();
        for (text, starts) in self.paragraphs() {
            let line_of = |at: usize| {
                let k = starts.partition_point(|&(o, _)| o <= at);
                starts.get(k.saturating_sub(1)).map_or(0, |&(_, l)| l)
            };
            let mut positions: Vec<usize> = vec![0];
            positions.extend(text.match_indices('(').map(|(i, _)| i + 1));
            for at in positions {
                let Some(piece) = text.get(at..) else {
                    continue;
                };
                for (label, role) in &self.conv.parliament.date_roles {
                    if out.iter().any(|(r, ..)| r == role) {
                        continue;
                    }
                    if let Some(rest) = after_label(piece, label)
                        && let Some(c) = DATE_AT_START.captures(rest)
                        && let Some(date) = parse_date(&c[1].replace('.', ""), self.conv)
                    {
                        out.push((*role, date, line_no(line_of(at))));
                    }
                }
            }
        }
        out
    }

    /// The header's paragraphs (runs of non-empty lines) joined by spaces,
    /// each with the offsets where its lines start and their indices.
    fn paragraphs(&self) -> Vec<(String, Vec<(usize, usize)>)> {
        let mut out: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        let mut open = false;
        for i in 0..self.end {
            let line = self.line(i);
            if line.is_empty() {
                open = false;
                continue;
            }
            match out.last_mut() {
                Some((text, starts)) if open => {
                    text.push(' ');
                    starts.push((text.len(), i));
                    text.push_str(line);
                }
                _ => out.push((line.to_owned(), vec![(0, i)])),
            }
            open = true;
        }
        out
    }

    /// True when line `i` is a date line: a place and a date, or a date
    /// after a role label ("Vastgesteld 5 juni 2023").
    fn is_date_line(&self, i: usize) -> bool {
        let line = self.line(i);
        PLACE_DATE.is_match(line)
            || self
                .conv
                .parliament
                .date_roles
                .iter()
                .any(|(l, _)| after_label(line, l).is_some_and(|r| DATE_AT_START.is_match(r)))
    }

    /// A title that starts at line `from` (the first non-empty one there):
    /// not a date line, not a sentence; it may wrap over a few lines.
    fn title_from(&self, from: usize) -> Option<String> {
        let i = self.next_nonempty(from)?;
        let mut title = String::new();
        for k in i..(i + TITLE_LINES).min(self.end) {
            let line = self.line(k);
            if line.is_empty() || self.is_date_line(k) {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(line);
        }
        let sentence = title.ends_with(['.', ',', ';', ':']);
        let salutation = self
            .conv
            .salutations
            .iter()
            .any(|s| title.starts_with(s.as_str()));
        (!title.is_empty()
            && !sentence
            && !salutation
            && title.chars().count() <= TITLE_CHARS
            && title.starts_with(char::is_uppercase))
        .then_some(title)
    }

    /// The first line, when a date line follows it: the title of a
    /// statement ("Joint Statement by …" over "Tallinn, 21 November 2025").
    fn title_above_date(&self) -> Option<String> {
        let first = self.next_nonempty(0)?;
        let next = self.next_nonempty(first + 1)?;
        if !self.is_date_line(next) || self.is_date_line(first) {
            return None;
        }
        let title = self.title_from(first)?;
        // Only when the title is what stands above the date line.
        let lines = (first..next).filter(|&k| !self.line(k).is_empty()).count();
        (lines <= TITLE_LINES).then_some(title)
    }
}

/// The date of a line that is only a place and a date ("Den Haag, 9
/// november 2023"; "Tallinn, 21 November 2025") among lines `..end`.
pub(super) fn date_line(lines: &[String], end: usize, conv: &Conventions) -> Option<(Date, u32)> {
    lines.iter().take(end).enumerate().find_map(|(i, l)| {
        let c = PLACE_DATE.captures(l)?;
        Some((parse_date(&c[1], conv)?, line_no(i)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dossiers_are_read_with_sub_numbers_and_chapters() {
        let d = |s: &str| Dossier::parse(s).map(|d| d.dossier());
        assert_eq!(d("21 501-28").as_deref(), Some("21501-28"));
        assert_eq!(d("36 600 X").as_deref(), Some("36600-X"));
        assert_eq!(d("36045").as_deref(), Some("36045"));
        assert_eq!(d("1872"), None);
        assert_eq!(d("28 676 NAVO"), None);
    }

    #[test]
    fn a_year_pair_counts_only_when_the_second_year_follows_the_first() {
        assert_eq!(session("2023", "2024").as_deref(), Some("2023-2024"));
        assert_eq!(session("2019", "20").as_deref(), Some("2019-2020"));
        assert_eq!(session("1999", "00").as_deref(), Some("1999-2000"));
        assert_eq!(session("2019", "2021"), None);
    }

    #[test]
    fn labels_are_matched_as_words_whatever_their_case() {
        assert_eq!(after_label("Nr. 12", "nr."), Some("12"));
        assert_eq!(after_label("Zaaknummer: 2025Z1", "Zaak"), None);
        assert_eq!(after_label("ÖZTÜRK x", "öztürk"), Some("x"));
        assert!(ends_with_word_ci("Uw kenmerk", "uw kenmerk"));
        assert!(!ends_with_word_ci("Zaaknummer", "nummer"));
        assert!(!ends_with_word_ci("", "zaak"));
        assert_eq!(find_word_ci("a Zaak b zaak", "zaak"), vec![2, 9]);
    }
}
