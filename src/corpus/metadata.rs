//! Document metadata: type, title, date, reference, creators, signatories.
//!
//! Read from the original lines (the letterhead is where Dutch ministries
//! put it) and the opening text. A date that is not stated is not invented:
//! `corpus::dates` bounds it by the past and announced events the text
//! dates.

use std::sync::LazyLock;

use regex::Regex;

use super::conventions::Conventions;

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

/// Metadata of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Local name of the `pkg:` document class.
    pub document_type: String,
    pub title: Option<String>,
    /// The date the letterhead states.
    pub date: Option<(Date, DateSource)>,
    /// Where no date is stated: what the text's dates say of it.
    pub date_bounds: super::dates::DateBounds,
    pub reference: Option<String>,
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
static REFERENCE_VALUE: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z][A-Za-z]*[-]?\d[\w\-/.]*$"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are literals checked by the tests"
)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex literal")
}

fn clean(line: &str) -> String {
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

fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn parse_date(text: &str, conv: &Conventions) -> Option<Date> {
    let c = DATE.captures(text)?;
    let day: u32 = c[1].parse().ok()?;
    let month = conv.month(&c[2])?;
    let year: i32 = c[3].parse().ok()?;
    (1..=31).contains(&day).then_some(Date { year, month, day })
}

/// Extracts metadata from the original text and the normalised body.
pub fn extract(raw: &str, body: &str, conv: &Conventions) -> Metadata {
    let lines: Vec<String> = raw.split('\n').map(clean).collect();
    let front = lines
        .iter()
        .position(|l| conv.salutations.iter().any(|s| l.starts_with(s.as_str())))
        .unwrap_or(40)
        .max(1);
    let mut meta = Metadata::default();

    // Date: a letterhead field, else inferred from the latest full date named.
    if let Some((value, line)) = field(&lines, &conv.date_labels, front)
        && let Some(date) = parse_date(&value, conv)
    {
        meta.date = Some((date, DateSource::Stated { line }));
    }
    // Reference: anywhere in the file, letterheads repeat as page headers.
    if let Some((value, _)) = field(&lines, &conv.reference_labels, lines.len())
        && REFERENCE_VALUE.is_match(&value)
    {
        meta.reference = Some(value);
    }

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

    // Title: the subject field; else the work the opening sentence answers
    // ("reactie op advies nr. 112 \"…\""); else a running page title.
    meta.title = if let Some((value, _)) = subject {
        Some(value)
    } else if let Some(m) = OPENING_TITLE.find(&opening) {
        let prefix = rule.and_then(|r| r.title_prefix.as_deref());
        Some(prefix.map_or_else(|| m.as_str().to_owned(), |p| format!("{p} {}", m.as_str())))
    } else {
        running_title(&lines)
    };

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

    #[test]
    fn letterhead_fields_are_read_with_value_on_the_next_line() {
        let raw = "Datum\n3 juni 2026\nBetreft\n\nKabinetsreactie IOB evaluatie\nMinisterie van Buitenlandse Zaken\nOnze referentie\nBZ2628864\nGeachte voorzitter,\nTekst.\n\nDe minister van Buitenlandse Zaken, \t\tDe minister van Defensie,\n\n\nT.B.W. Berendsen\t\t\tD. Yeşilgöz-Zegerius\n";
        let m = extract(raw, "Geachte voorzitter,\nTekst.", &conv());
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
        let m = extract(
            "Op 21 juli 2020 sloot de Raad.\nOp 1 november 2019 ook.\n",
            "",
            &conv(),
        );
        assert_eq!(m.date, None);
        assert_eq!(m.document_type, "Document");
    }

    #[test]
    fn one_column_signatures_are_paired_with_their_roles() {
        let raw = "Tekst.\n\nDe Minister van Buitenlandse Zaken,\n\nStef Blok\n\nDe Minister van Defensie\n\nAnk Bijleveld-Schouten\n";
        let m = extract(raw, "", &conv());
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
