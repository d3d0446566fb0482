//! Document metadata: type, title, date, reference, creators, signatories,
//! and the identity a parliamentary paper prints at the top (its Kamerstuk
//! number, vergaderjaar, Tweede Kamer numbers, dates by role, who asks and
//! who answers Kamervragen, and their questions and answers).
//!
//! Read from the original lines (the letterhead is where Dutch ministries
//! put it) and the opening text. A date that is not stated is not invented:
//! `corpus::dates` bounds it by the past and announced events the text
//! dates.

use std::sync::LazyLock;

use regex::Regex;

use super::conventions::Conventions;
use super::normalise::Normalised;
use super::{identity, kamervragen};

/// A person who signed the document, with the role line above the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
    /// 1-based line of the name in the original file.
    pub line: u32,
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`, as `xsd:date` wants it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where a date comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// Stated in a date field of the letterhead, at this line.
    Stated { line: u32 },
}

impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateSource::Stated { line } => write!(f, "stated on line {line}"),
        }
    }
}

/// A parliamentary paper's identity: its dossier ("21501-28", "36600-X")
/// and its number in the dossier ("271"; an Eerste Kamer letter, "C").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kamerstuk {
    pub dossier: String,
    pub number: String,
}

/// What a date the header states is the date of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateRole {
    /// The document's own date ("Datum", "Den Haag, 9 november 2023").
    Dated,
    /// A report or list adopted by a committee ("Vastgesteld").
    Adopted,
    /// Kamervragen submitted ("ingezonden").
    Submitted,
    /// The answers received ("ontvangen").
    Answered,
    /// A motion proposed ("Voorgesteld").
    Proposed,
}

impl DateRole {
    /// Every role, in the order of this enum.
    pub const ALL: [DateRole; 5] = [
        DateRole::Dated,
        DateRole::Adopted,
        DateRole::Submitted,
        DateRole::Answered,
        DateRole::Proposed,
    ];

    /// The role's name as `text.ttl` writes it ("adopted").
    pub fn name(self) -> &'static str {
        match self {
            DateRole::Dated => "dated",
            DateRole::Adopted => "adopted",
            DateRole::Submitted => "submitted",
            DateRole::Answered => "answered",
            DateRole::Proposed => "proposed",
        }
    }

    /// The role a name gives, if it names one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name.trim())
    }
}

/// A piece of the repaired text: byte offsets into it, and the 1-based
/// line of the original file where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub line: u32,
}

/// A question of a set of Kamervragen (or of a list of questions and
/// answers) with its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QaPair {
    /// The number as written ("3"); none for an unnumbered answer to an
    /// unnumbered question.
    pub number: Option<String>,
    /// The question's text; none when the answer's question is not found.
    pub question: Option<TextSpan>,
    /// The answer's text; none when the answer label stands without text.
    pub answer: Option<TextSpan>,
}

/// Metadata of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Local name of the `pkg:` document class.
    pub document_type: String,
    pub title: Option<String>,
    /// True when the title is not stated as one but taken from a subject
    /// line, the opening sentence or the first heading.
    pub title_derived: bool,
    /// The date the letterhead states.
    pub date: Option<(Date, DateSource)>,
    /// Every date the header states, with its role and 1-based line; a
    /// stated `Dated` date is `date`.
    pub dates: Vec<(DateRole, Date, u32)>,
    /// Where no date is stated: what the text's dates say of it.
    pub date_bounds: super::dates::DateBounds,
    pub reference: Option<String>,
    /// The Kamerstuk the document is published as.
    pub kamerstuk: Option<Kamerstuk>,
    /// The parliamentary year, `YYYY-YYYY`.
    pub vergaderjaar: Option<String>,
    /// The number in the Aanhangsel van de Handelingen.
    pub aanhangsel: Option<String>,
    /// The Tweede Kamer document number (`2025D04567`).
    pub document_number: Option<String>,
    /// The Tweede Kamer case number (`2025Z01234`).
    pub case_number: Option<String>,
    /// Surnames of the members who put Kamervragen, as written.
    pub asked_by: Vec<String>,
    /// Surnames of the ministers or state secretaries who answer them.
    pub answered_by: Vec<String>,
    /// The number of answered questions (`qa.len()`).
    pub qa_pairs: usize,
    /// The questions with their answers.
    pub qa: Vec<QaPair>,
    /// Names of sending bodies as written ("Ministerie van Defensie").
    pub creators: Vec<String>,
    pub signatories: Vec<Signatory>,
}

static DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2}) ([a-zA-Z]{3,9}) ((?:19|20)\d\d)\b"));
static OPENING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?:advies|rapport|rapportage|brief|evaluatie|notitie)(?: nr\. ?\d+)? (?:"([^"]{8,200})"|[“„]([^“”„]{8,200})”)"#,
    )
});
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[A-Z]\.){0,4} ?\p{Lu}[\p{L}'\-]*(?: (?:van|de|der|den|ten|ter|\p{Lu}[\p{L}'\-]*)){0,4}$",
    )
});
/// A reference number: letters, maybe with groups of letters ("DVB/CV"),
/// then digits and separators ("BZ2628864", "DVB/CV-123/26").
static REFERENCE_VALUE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][A-Za-z]*(?:[/-][A-Z][A-Za-z]*)*[-/]?\d[\w\-/.]*$"));
/// A heading's number ("1.", "2.3").
static HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are literals checked by the tests"
)]
pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex literal")
}

pub(super) fn clean(line: &str) -> String {
    let line = line.replace(['\u{00A0}', '\t'], " ").replace("**", "");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds `label` at the start of a line and returns its value: the rest of
/// that line, or the next non-empty line(s) when the label stands alone.
fn field(lines: &[String], labels: &[String], limit: usize) -> Option<(String, u32)> {
    for (i, line) in lines.iter().enumerate().take(limit) {
        for label in labels {
            let Some(rest) = line.strip_prefix(label.as_str()) else {
                continue;
            };
            if rest.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let rest = rest.trim_start_matches([':', ' ']).trim();
            if !rest.is_empty() {
                return Some((rest.to_owned(), line_no(i)));
            }
            let j = (i + 1..lines.len().min(i + 4)).find(|&j| !lines[j].is_empty())?;
            return Some((lines[j].clone(), line_no(j)));
        }
    }
    None
}

pub(super) fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

pub(super) fn parse_date(text: &str, conv: &Conventions) -> Option<Date> {
    let c = DATE.captures(text)?;
    let day: u32 = c[1].parse().ok()?;
    let month = conv.month(&c[2])?;
    let year: i32 = c[3].parse().ok()?;
    (1..=31).contains(&day).then_some(Date { year, month, day })
}

/// Extracts metadata from the original text and its repaired version.
pub fn extract(raw: &str, text: &Normalised, conv: &Conventions) -> Metadata {
    let body = text.text.get(..text.body_end).unwrap_or(&text.text);
    let raw_lines: Vec<&str> = raw.split('\n').collect();
    let lines: Vec<String> = raw_lines.iter().map(|l| clean(l)).collect();
    let salutation = lines
        .iter()
        .position(|l| conv.salutations.iter().any(|s| l.starts_with(s.as_str())));
    let front = salutation.unwrap_or(40).max(1);
    let mut meta = Metadata::default();

    // The header ends at the salutation, or at the first numbered question.
    let labels = kamervragen::labels(&lines, conv);
    let header_end = labels.first().map_or(front, |l| l.index.min(front));
    let id = identity::read(&lines, &raw_lines, header_end, conv);

    // Date: a letterhead field, else a date line ("Den Haag, 9 november 2023").
    if let Some((value, line)) = field(&lines, &conv.date_labels, front)
        && let Some(date) = parse_date(&value, conv)
    {
        meta.date = Some((date, DateSource::Stated { line }));
    } else if let Some((date, line)) = identity::date_line(&lines, header_end, conv) {
        meta.date = Some((date, DateSource::Stated { line }));
    }
    if let Some((date, DateSource::Stated { line })) = &meta.date {
        meta.dates.push((DateRole::Dated, *date, *line));
    }
    meta.dates.extend(id.dates.iter().copied());
    // Reference: anywhere in the file, letterheads repeat as page headers.
    if let Some((value, _)) = field(&lines, &conv.reference_labels, lines.len())
        && REFERENCE_VALUE.is_match(&value)
    {
        meta.reference = Some(value);
    }
    meta.kamerstuk = id.kamerstuk;
    meta.vergaderjaar = id.vergaderjaar;
    meta.aanhangsel = id.aanhangsel;
    meta.document_number = id.document_number;
    meta.case_number = id.case_number;

    // Type: the first rule whose cue appears in the subject or opening text.
    let subject = field(&lines, &conv.subject_labels, front);
    let opening: String = body
        .chars()
        .take(1500)
        .collect::<String>()
        .replace('\n', " ");
    let haystack = format!(
        "{}\n{}",
        subject.as_ref().map_or("", |(s, _)| s.as_str()),
        opening
    );
    let rule = conv
        .type_rules
        .iter()
        .find(|r| r.cues.iter().any(|c| haystack.contains(c.as_str())));
    meta.document_type = rule.map_or_else(|| "Document".to_owned(), |r| r.document_type.clone());

    // Kamervragen: who asks (their sentence is the stated title), who
    // answers, and the answered questions.
    let questions = kamervragen::questions(&lines, header_end, conv);
    meta.answered_by = kamervragen::answerers(&lines, header_end, conv);
    meta.qa = kamervragen::pairs(&lines, &labels, conv)
        .into_iter()
        .map(|p| QaPair {
            number: p.number,
            question: p.question.and_then(|(a, b)| span_of_lines(text, a, b)),
            answer: span_of_lines(text, p.answer.0, p.answer.1),
        })
        .collect();
    meta.qa_pairs = meta.qa.len();

    // Title: the subject field (derived); else the title the header states;
    // else the work the opening sentence answers ("reactie op advies nr.
    // 112 \"…\"", derived); else a running page title; else, with no
    // header at all, the first heading (derived).
    let stated = id
        .title
        .or_else(|| questions.as_ref().map(|q| q.title.clone()));
    if let Some(q) = questions {
        meta.asked_by = q.asked_by;
    }
    let (title, derived) = if let Some((value, _)) = subject {
        (Some(value), true)
    } else if let Some(t) = stated {
        (Some(t), false)
    } else if let Some(m) = OPENING_TITLE.find(&opening) {
        let prefix = rule.and_then(|r| r.title_prefix.as_deref());
        let t = prefix.map_or_else(|| m.as_str().to_owned(), |p| format!("{p} {}", m.as_str()));
        (Some(t), true)
    } else if let Some(t) = running_title(&lines) {
        (Some(t), false)
    } else if salutation.is_none() {
        // A letter's opening lines are its letterhead, not a heading.
        let heading = first_heading(&lines, conv);
        let derived = heading.is_some();
        (heading, derived)
    } else {
        (None, false)
    };
    meta.title = title;
    meta.title_derived = derived;

    // Creators: "Ministerie van …" lines of the letterhead and page headers,
    // joined with a following line when the name was wrapped.
    for cue in &conv.creator_cues {
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with(cue.as_str()) || line.len() > 60 || line.ends_with(['.', ',', ';'])
            {
                continue;
            }
            let mut name = line.clone();
            if let Some(next) = lines
                .get(i + 1..i + 3)
                .and_then(|n| n.iter().find(|l| !l.is_empty()))
            {
                let single_word = !next.contains(' ') && next.starts_with(char::is_uppercase);
                if single_word && !name.ends_with(" Zaken") && name.split(' ').count() <= 4 {
                    name = format!("{name} {next}");
                }
            }
            if !meta.creators.contains(&name) {
                meta.creators.push(name);
            }
        }
    }

    meta.signatories = signatories(&lines, conv);
    meta
}

/// Signature blocks: role lines ("De minister van Defensie,") with the
/// names below them, in one column or side by side separated by tabs.
fn signatories(lines: &[String], conv: &Conventions) -> Vec<Signatory> {
    let is_role = |l: &str| {
        l.len() <= 160
            && conv
                .signatory_roles
                .iter()
                .any(|r| l.starts_with(r.as_str()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_role(&lines[i]) {
            i += 1;
            continue;
        }
        // A group of role lines (roles may stand side by side on a line,
        // or one under the other), then the names in the same order.
        let mut roles: Vec<String> = Vec::new();
        let mut j = i;
        while j < lines.len() {
            if lines[j].is_empty() {
                j += 1;
            } else if is_role(&lines[j]) {
                roles.extend(split_roles(&lines[j], conv));
                j += 1;
            } else {
                break;
            }
        }
        let mut names: Vec<(String, u32)> = Vec::new();
        while j < lines.len() && names.len() < roles.len() {
            if lines[j].is_empty() {
                j += 1;
                continue;
            }
            let candidates = split_names(&lines[j]);
            if candidates.is_empty() || is_role(&lines[j]) {
                break;
            }
            names.extend(candidates.into_iter().map(|n| (n, line_no(j))));
            j += 1;
            // One column: a role, its name, the next role, its name.
            if j < lines.len() && names.len() < roles.len() {
                let next = lines[j..].iter().find(|l| !l.is_empty());
                if next.is_some_and(|l| is_role(l)) {
                    break;
                }
            }
        }
        for (k, (name, line)) in names.into_iter().enumerate() {
            let role = roles.get(k).cloned().or_else(|| roles.last().cloned());
            out.push(Signatory { name, role, line });
        }
        i = j.max(i + 1);
    }
    out
}

/// The first line of a document with no header, when it reads as a
/// heading: short, not ending as a sentence, not a section name
/// (`cfg:notTitle`), not a letterhead label; its number is dropped
/// ("1. Aanleiding" → "Aanleiding").
fn first_heading(lines: &[String], conv: &Conventions) -> Option<String> {
    let line = lines.iter().find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    let title = HEADING_NUMBER.replace(line, "").trim().to_owned();
    let words = title.split_whitespace().count();
    let labels = conv
        .date_labels
        .iter()
        .chain(&conv.subject_labels)
        .chain(&conv.reference_labels)
        .chain(&conv.salutations);
    let is_label = labels
        .into_iter()
        .any(|l| identity::after_label(&title, l).is_some());
    let section = conv
        .not_titles
        .iter()
        .any(|n| n.eq_ignore_ascii_case(title.trim_end_matches(':')));
    let fits = (1..=16).contains(&words)
        && title.starts_with(char::is_uppercase)
        && !title.ends_with(['.', ',', ';', ':'])
        && !is_label
        && !section;
    fits.then_some(title)
}

/// The repaired text of original lines `first..end` (1-based, `end`
/// excluded), without the white space at its ends.
fn span_of_lines(text: &Normalised, first: u32, end: u32) -> Option<TextSpan> {
    let start = text.body_offset_from_line(first)?;
    let stop = text
        .body_offset_from_line(end)
        .unwrap_or(text.body_end)
        .min(text.body_end);
    let piece = text.text.get(start..stop)?;
    let s = start + (piece.len() - piece.trim_start().len());
    let e = stop - (piece.len() - piece.trim_end().len());
    (e > s).then(|| TextSpan {
        start: s,
        end: e,
        line: text.line_at(s),
    })
}

/// The last part of a running page title ("Hoofdstuk | IOB Evaluatie |
/// Samen sterker?") that repeats on several pages.
fn running_title(lines: &[String]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for l in lines {
        if l.matches(" | ").count() >= 2
            && let Some(last) = l.rsplit(" | ").next()
        {
            *counts.entry(last.trim()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(t, n)| n >= 2 && !t.is_empty())
        .max_by_key(|&(_, n)| n)
        .map(|(t, _)| t.to_owned())
}

fn split_roles(line: &str, conv: &Conventions) -> Vec<String> {
    let mut starts: Vec<usize> = Vec::new();
    for role in &conv.signatory_roles {
        for (pos, _) in line.match_indices(role.as_str()) {
            if !starts.contains(&pos) {
                starts.push(pos);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup_by(|a, b| a.abs_diff(*b) < 4);
    let mut roles = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(line.len());
        roles.push(line[s..e].trim().trim_end_matches(',').trim().to_owned());
    }
    roles
}

/// Names on one line: side-by-side names are separated by two or more
/// spaces in the original; `clean` collapsed them, so split on the
/// boundary between two name patterns instead.
fn split_names(line: &str) -> Vec<String> {
    if NAME_LINE.is_match(line) {
        return vec![line.to_owned()];
    }
    let words: Vec<&str> = line.split(' ').collect();
    for k in 1..words.len() {
        let (a, b) = (words[..k].join(" "), words[k..].join(" "));
        if NAME_LINE.is_match(&a) && NAME_LINE.is_match(&b) {
            return vec![a, b];
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conventions::TypeRule;

    fn conv() -> Conventions {
        Conventions {
            date_labels: vec!["Datum".into()],
            subject_labels: vec!["Betreft".into()],
            reference_labels: vec!["Onze referentie".into(), "Onze Referentie".into()],
            salutations: vec!["Geachte voorzitter".into()],
            signatory_roles: vec!["De minister van".into(), "De Minister van".into()],
            creator_cues: vec!["Ministerie van".into()],
            months: vec![
                ("juni".into(), 6),
                ("juli".into(), 7),
                ("november".into(), 11),
            ],
            type_rules: vec![TypeRule {
                order: 1,
                document_type: "CabinetResponse".into(),
                cues: vec!["Kabinetsreactie".into()],
                title_prefix: None,
            }],
            ..Conventions::default()
        }
    }

    fn meta(raw: &str) -> Metadata {
        let conv = conv();
        extract(raw, &crate::corpus::normalise::normalise(raw, &conv), &conv)
    }

    #[test]
    fn letterhead_fields_are_read_with_value_on_the_next_line() {
        let raw = "Datum\n3 juni 2026\nBetreft\n\nKabinetsreactie IOB evaluatie\nMinisterie van Buitenlandse Zaken\nOnze referentie\nBZ2628864\nGeachte voorzitter,\nTekst.\n\nDe minister van Buitenlandse Zaken, \t\tDe minister van Defensie,\n\n\nT.B.W. Berendsen\t\t\tD. Yeşilgöz-Zegerius\n";
        let m = meta(raw);
        assert_eq!(
            m.date,
            Some((
                Date {
                    year: 2026,
                    month: 6,
                    day: 3
                },
                DateSource::Stated { line: 2 }
            ))
        );
        assert_eq!(m.title.as_deref(), Some("Kabinetsreactie IOB evaluatie"));
        assert_eq!(m.reference.as_deref(), Some("BZ2628864"));
        assert_eq!(m.document_type, "CabinetResponse");
        assert_eq!(m.creators, ["Ministerie van Buitenlandse Zaken"]);
        let s: Vec<(&str, Option<&str>)> = m
            .signatories
            .iter()
            .map(|s| (s.name.as_str(), s.role.as_deref()))
            .collect();
        assert_eq!(
            s,
            [
                (
                    "T.B.W. Berendsen",
                    Some("De minister van Buitenlandse Zaken")
                ),
                ("D. Yeşilgöz-Zegerius", Some("De minister van Defensie"))
            ]
        );
    }

    #[test]
    fn an_unstated_date_is_never_taken_from_a_date_the_text_names() {
        // What the text's dates say is for corpus::dates; the letterhead
        // states none here.
        let m = meta("Op 21 juli 2020 sloot de Raad.\nOp 1 november 2019 ook.\n");
        assert_eq!(m.date, None);
        assert_eq!(m.document_type, "Document");
    }

    #[test]
    fn one_column_signatures_are_paired_with_their_roles() {
        let raw = "Tekst.\n\nDe Minister van Buitenlandse Zaken,\n\nStef Blok\n\nDe Minister van Defensie\n\nAnk Bijleveld-Schouten\n";
        let m = meta(raw);
        let s: Vec<(&str, Option<&str>)> = m
            .signatories
            .iter()
            .map(|s| (s.name.as_str(), s.role.as_deref()))
            .collect();
        assert_eq!(
            s,
            [
                ("Stef Blok", Some("De Minister van Buitenlandse Zaken")),
                ("Ank Bijleveld-Schouten", Some("De Minister van Defensie"))
            ]
        );
    }
}
