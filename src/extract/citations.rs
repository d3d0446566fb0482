//! Citations: the parliamentary papers (Kamerstukken), EU acts and
//! documents, and titled works a document cites, read from its footnotes
//! and body text, each with the footnote or sentence that carries it.
//!
//! Numbers are normalised (`21 501-28, nr. 181` → dossier `21501-28`,
//! number `181`; `35925V-84` → `35925-V`, `84`), never repaired: a number
//! that cannot be right (`KST 501-28-237`) is kept as written and flagged.
//! Prefixes, EU act types and work nouns are data in `ontology/cues.ttl`.

use std::sync::LazyLock;

use regex::Regex;

use super::{Citation, Cited, Evidence, Extractor, Fact, Input, Output};
use crate::lexicon::cues::{CitationCues, EuType};

/// A dossier number this short cannot be right (they have five digits).
const DOSSIER_DIGITS: usize = 5;
/// A footnote entry's issuer is at most this many words ("BZ & Defensie").
const ISSUER_WORDS: usize = 4;

/// One paper number, anchored: a dossier (digits, maybe split by a space,
/// maybe a Roman numeral), dash groups, and maybe ", nr. N".
static NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,2} \d{3}|\d{3,6})(-?[IVXLC]{1,4}\b)?((?:-\d{1,4})*)(?:,\s*(?:nr\.?|no\.?)\s*(\d{1,5}))?",
    )
    .ok()
});
/// A Tweede Kamer document number ("2020D30499").
static TK_DOCUMENT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d{2}D\d{4,6})\b").ok());
/// A paper number without prefix: a five-digit dossier and a dash group.
static BARE_NUMBER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b\d{5}(?:-?[IVXLC]{1,4})?(?:-\d{1,4})+\b").ok());
/// "list separators" between numbers after one prefix.
static LIST_SEPARATOR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:\s*,\s*|\s+en\s+|\s*;\s*)").ok());
/// A quoted title, in the quotes the text has: a straight single quote
/// opens after a space or bracket and closes before punctuation, so an
/// apostrophe ("PCA's") is no quote; a curly single quote closes at a `’`
/// before punctuation or space, so "Europe’s" inside a title does not end
/// it; double quotes straight, curly or low-high („…”).
static QUOTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?:^|[\s(\[])'([^']{4,300}?)'(?:[,.;:)\]]|\s|$)|"([^"]{4,300})"|(?:^|[\s(\[])‘(.{4,300}?)’(?:[,.;:)\]?!]|\s|$)|[“„]([^“”„]{4,300})”"#,
    )
    .ok()
});
static YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").ok());
static DAY_MONTH_YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\s+(\p{L}+)\s+((?:19|20)\d{2})\b").ok());

/// The compiled patterns of one build.
struct Patterns {
    /// Prefix, then the numbers: "Kamerstukken 21501-28-203, …".
    prefix: Option<Regex>,
    eu_act: Option<Regex>,
    eu_document: Option<Regex>,
    work_noun: Option<Regex>,
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    // Longest first, so "Kamerstukken" wins over "Kamerstuk".
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

impl Patterns {
    fn new(cues: &CitationCues) -> Self {
        let compile = |words: &[String], f: &dyn Fn(String) -> String| {
            (!words.is_empty())
                .then(|| Regex::new(&f(alternation(words))).ok())
                .flatten()
        };
        let eu_words = |types: &[EuType]| -> Vec<String> {
            types.iter().flat_map(|t| t.words.clone()).collect()
        };
        Self {
            prefix: compile(&cues.kamerstuk_prefix, &|a| {
                format!(r"\b(?:{a})\b\.?[\s\[(]*")
            }),
            eu_act: compile(&eu_words(&cues.eu_acts), &|a| {
                format!(
                    r"\b({a})\s*\((?:EU|EG|EEG|GBVB|Euratom)\)\s*(?:nr\.?\s*)?((?:19|20)\d{{2}})/(\d{{1,4}})\b"
                )
            }),
            eu_document: compile(&eu_words(&cues.eu_documents), &|a| {
                format!(r"\b({a})\s*\(\s*((?:19|20)\d{{2}})\s*\)\s*(\d{{1,4}})\b")
            }),
            work_noun: compile(&cues.work_noun, &|a| {
                format!(r"(?i)\b[\p{{L}}-]*(?:{a})\s*$")
            }),
        }
    }
}

/// A paper number read at the start of `s`: (dossier, number, suspect,
/// length read).
fn paper_number(s: &str) -> Option<(Cited, Option<String>, usize)> {
    if let Some(c) = TK_DOCUMENT.as_ref()?.captures(s) {
        let id = c.get(1)?.as_str().to_owned();
        return Some((
            Cited::Kamerstuk {
                dossier: String::new(),
                number: id,
            },
            None,
            c.get(0)?.end(),
        ));
    }
    let c = NUMBER.as_ref()?.captures(s)?;
    let main: String = c.get(1)?.as_str().split_whitespace().collect();
    let roman = c
        .get(2)
        .map(|m| m.as_str().trim_start_matches('-').to_owned());
    let mut groups: Vec<&str> = c
        .get(3)
        .map(|m| m.as_str().split('-').filter(|g| !g.is_empty()).collect())
        .unwrap_or_default();
    let number = match c.get(4) {
        Some(n) => n.as_str().to_owned(),
        None => groups.pop()?.to_owned(),
    };
    let mut dossier = main.clone();
    if let Some(r) = roman.filter(|r| !r.is_empty()) {
        dossier.push('-');
        dossier.push_str(&r);
    }
    for g in groups {
        dossier.push('-');
        dossier.push_str(g);
    }
    let suspect = (main.len() < DOSSIER_DIGITS).then(|| {
        format!("dossier number {main} has fewer than {DOSSIER_DIGITS} digits; kept as written")
    });
    Some((
        Cited::Kamerstuk { dossier, number },
        suspect,
        c.get(0)?.end(),
    ))
}

/// The papers named after each prefix in `s`: (start, end, cited, suspect).
fn prefixed_papers(p: &Patterns, s: &str) -> Vec<(usize, usize, Cited, Option<String>)> {
    let mut out = Vec::new();
    let Some(prefix) = &p.prefix else {
        return out;
    };
    for m in prefix.find_iter(s) {
        let mut at = m.end();
        while let Some((cited, suspect, len)) = paper_number(&s[at..]) {
            out.push((at, at + len, cited, suspect));
            at += len;
            match LIST_SEPARATOR.as_ref().and_then(|r| r.find(&s[at..])) {
                Some(sep) if paper_number(&s[at + sep.end()..]).is_some() => at += sep.end(),
                _ => break,
            }
        }
    }
    out
}

/// EU acts and documents in `s`.
fn eu_citations(p: &Patterns, cues: &CitationCues, s: &str) -> Vec<(usize, usize, Cited)> {
    let mut out = Vec::new();
    let proposal = {
        let lower = s.to_lowercase();
        cues.proposal_words
            .iter()
            .any(|w| lower.contains(w.as_str()))
    };
    // Acts are CELEX sector 3, preparatory documents sector 5.
    for (regex, types, sector) in [
        (&p.eu_act, &cues.eu_acts, '3'),
        (&p.eu_document, &cues.eu_documents, '5'),
    ] {
        let Some(r) = regex else {
            continue;
        };
        for c in r.captures_iter(s) {
            let (Some(all), Some(word), Some(year), Some(nr)) =
                (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            let Some(t) = types
                .iter()
                .find(|t| t.words.iter().any(|w| w == word.as_str()))
            else {
                continue;
            };
            let nr: u32 = nr.as_str().parse().unwrap_or(0);
            let year = year.as_str();
            let kind = match &t.proposal_celex {
                Some(p) if proposal => p,
                _ => &t.celex,
            };
            out.push((
                all.start(),
                all.end(),
                Cited::EuAct {
                    celex: format!("{sector}{year}{kind}{nr:04}"),
                    eli: t
                        .eli
                        .as_ref()
                        .map(|e| format!("http://data.europa.eu/eli/{e}/{year}/{nr}/oj")),
                    label: all.as_str().to_owned(),
                },
            ));
        }
    }
    out
}

/// The first quoted title in `s` (outer quotes win), with its span.
fn quoted_title(s: &str) -> Option<(usize, usize, String)> {
    let c = QUOTED.as_ref()?.captures(s)?;
    let all = c.get(0)?;
    let inner = (1..=4).find_map(|i| c.get(i))?;
    let title = inner
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((all.start(), all.end(), title))
}

/// The date an entry gives after its title: "5 oktober 2020" as
/// `2020-10-05`, else the year.
fn entry_date(input: &Input<'_>, s: &str) -> Option<String> {
    for c in DAY_MONTH_YEAR.iter().flat_map(|r| r.captures_iter(s)) {
        let day: u32 = c[1].parse().ok()?;
        if let Some(month) = input.lexicon.conventions.month(&c[2])
            && (1..=31).contains(&day)
        {
            return Some(format!("{}-{month:02}-{day:02}", &c[3]));
        }
    }
    YEAR.as_ref()?.find(s).map(|m| m.as_str().to_owned())
}

/// Issuers named before the title ("BZ", "BZ & Defensie").
fn issuers(input: &Input<'_>, s: &str) -> Vec<usize> {
    let head = s.split(',').next().unwrap_or_default().trim();
    if head.is_empty() || head.split_whitespace().count() > ISSUER_WORDS {
        return Vec::new();
    }
    head.split(['&', '/'])
        .flat_map(|p| p.split(" en "))
        .filter_map(|name| {
            let name = name.trim();
            input.lexicon.entities.iter().position(|e| {
                e.exact.iter().any(|x| x == name)
                    || e.labels.iter().any(|l| l.eq_ignore_ascii_case(name))
            })
        })
        .collect()
}

/// Finds the citations of one document.
pub fn citations(input: &Input<'_>) -> Vec<Citation> {
    let n = &input.document.text;
    let cues = &input.lexicon.cues.citations;
    let p = Patterns::new(cues);
    let mut out = Vec::new();
    // Footnotes, entry by entry.
    for f in &n.footnotes {
        let body = &n.text[f.start..f.end];
        let evidence = Evidence {
            start: f.start,
            end: f.end,
        };
        let mut at = 0;
        let separators: Vec<char> = cues
            .entry_separator
            .iter()
            .filter_map(|s| s.chars().next())
            .collect();
        for entry in body.split(separators.as_slice()) {
            let offset = at;
            at += entry.len() + 1;
            let mut found: Vec<(usize, usize, Cited, Option<String>)> = prefixed_papers(&p, entry);
            for m in BARE_NUMBER.iter().flat_map(|r| r.find_iter(entry)) {
                if found
                    .iter()
                    .any(|(s, e, ..)| m.start() < *e && m.end() > *s)
                {
                    continue;
                }
                if let Some((cited, suspect, len)) = paper_number(m.as_str()) {
                    found.push((m.start(), m.start() + len, cited, suspect));
                }
            }
            found.extend(
                eu_citations(&p, cues, entry)
                    .into_iter()
                    .map(|(s, e, c)| (s, e, c, None)),
            );
            found.sort_by_key(|x| x.0);
            let title = quoted_title(entry);
            // A title describes the entry's one paper, else it is a work
            // of its own.
            let described = found.len() == 1;
            let (title_text, issuer, date) = match &title {
                Some((_, end, t)) => (
                    Some(t.clone()),
                    issuers(input, &entry[..title.as_ref().map_or(0, |x| x.0)]),
                    entry_date(input, &entry[*end..]),
                ),
                None => (None, Vec::new(), None),
            };
            for (s, e, cited, suspect) in &found {
                out.push(Citation {
                    cited: cited.clone(),
                    as_written: entry[*s..*e].trim().to_owned(),
                    suspect: suspect.clone(),
                    title: title_text.clone().filter(|_| described),
                    issuers: if described {
                        issuer.clone()
                    } else {
                        Vec::new()
                    },
                    date: date.clone().filter(|_| described),
                    evidence,
                    span: (f.start + offset + s, f.start + offset + e),
                });
            }
            if found.is_empty()
                && let Some((s, e, t)) = &title
            {
                out.push(Citation {
                    cited: Cited::Work { title: t.clone() },
                    as_written: entry[*s..*e]
                        .trim()
                        .trim_end_matches([',', '.', ';', ':', ')', ']'])
                        .to_owned(),
                    suspect: None,
                    title: Some(t.clone()),
                    issuers: issuer,
                    date,
                    evidence,
                    span: (f.start + offset + s, f.start + offset + e),
                });
            }
        }
    }
    // Body sentences: prefixed papers, EU acts, and works named by a noun
    // and a quoted title ("de rapportage “Samen sterker? …”").
    for s in input
        .segmented
        .sentences
        .iter()
        .filter(|s| s.footnote.is_none() && s.end <= n.body_end)
    {
        let t = &n.text[s.start..s.end];
        let evidence = Evidence {
            start: s.start,
            end: s.end,
        };
        let mut found: Vec<(usize, usize, Cited, Option<String>)> = prefixed_papers(&p, t);
        found.extend(
            eu_citations(&p, cues, t)
                .into_iter()
                .map(|(a, b, c)| (a, b, c, None)),
        );
        for (a, b, cited, suspect) in found {
            out.push(Citation {
                cited,
                as_written: t[a..b].trim().to_owned(),
                suspect,
                title: None,
                issuers: Vec::new(),
                date: None,
                evidence,
                span: (s.start + a, s.start + b),
            });
        }
    }
    // Works named by a noun and a quoted title ("de rapportage “Samen
    // sterker? …”"); the title may span sentences.
    if let Some(noun) = &p.work_noun {
        let body = &n.text[..n.body_end];
        for c in QUOTED.iter().flat_map(|r| r.captures_iter(body)) {
            let (Some(all), Some(inner)) = (c.get(0), (1..=2).find_map(|i| c.get(i))) else {
                continue;
            };
            let before_start = body[..all.start()]
                .char_indices()
                .rev()
                .nth(40)
                .map_or(0, |(i, _)| i);
            if !noun.is_match(&body[before_start..all.start()]) {
                continue;
            }
            let (Some(first), Some(last)) = (
                input.segmented.sentence_at(all.start()),
                input.segmented.sentence_at(all.end().saturating_sub(1)),
            ) else {
                continue;
            };
            let title = inner
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Citation {
                cited: Cited::Work {
                    title: title.clone(),
                },
                as_written: all
                    .as_str()
                    .trim()
                    .trim_end_matches([',', '.', ';', ':', ')', ']'])
                    .to_owned(),
                suspect: None,
                title: Some(title),
                issuers: Vec::new(),
                date: None,
                evidence: Evidence {
                    start: first.start,
                    end: last.end.max(first.end),
                },
                span: (all.start(), all.end()),
            });
        }
    }
    out
}

/// Leaves out the citations of the document's own number (its header's
/// "Kamerstuk 36 045, nr. 112" names the document itself, it cites nothing).
fn without_own(document: &crate::corpus::Document, mut citations: Vec<Citation>) -> Vec<Citation> {
    citations.retain(|c| !carries(document, &c.cited));
    citations
}

/// Extracts citations as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Citations;

impl Extractor for Citations {
    fn name(&self) -> &'static str {
        "citations"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        Output {
            facts: without_own(input.document, citations(input))
                .into_iter()
                .map(Fact::Citation)
                .collect(),
            diagnostics: Vec::new(),
        }
    }
}

/// True when `doc` is the paper `cited` names: its Kamerstuk (dossier and
/// number) or its Tweede Kamer document number, as its header states them.
pub fn carries(doc: &crate::corpus::Document, cited: &Cited) -> bool {
    let Cited::Kamerstuk { dossier, number } = cited else {
        return false;
    };
    let meta = &doc.metadata;
    if dossier.is_empty() {
        meta.document_number.as_ref() == Some(number)
    } else {
        meta.kamerstuk
            .as_ref()
            .is_some_and(|k| &k.dossier == dossier && &k.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kst(s: &str) -> Option<(String, String, bool)> {
        paper_number(s).map(|(c, suspect, _)| match c {
            Cited::Kamerstuk { dossier, number } => (dossier, number, suspect.is_some()),
            _ => unreachable!(),
        })
    }

    #[test]
    fn paper_numbers_in_every_form() {
        let k = |d: &str, n: &str, s: bool| Some((d.to_owned(), n.to_owned(), s));
        assert_eq!(kst("33694, nr. 72]"), k("33694", "72", false));
        assert_eq!(kst("21501-28-211, 2020"), k("21501-28", "211", false));
        assert_eq!(kst("21 501-28, nr. 181)"), k("21501-28", "181", false));
        assert_eq!(kst("35 373, nr. 1]"), k("35373", "1", false));
        assert_eq!(kst("33783-32"), k("33783", "32", false));
        assert_eq!(kst("35925V-84, 8 maart"), k("35925-V", "84", false));
        assert_eq!(kst("36410-X-6"), k("36410-X", "6", false));
        assert_eq!(kst("36800-V-48)"), k("36800-V", "48", false));
        assert_eq!(kst("2020D30499."), k("", "2020D30499", false));
        assert_eq!(kst("501-28-237, 11 maart"), k("501-28", "237", true));
        assert_eq!(kst("2021"), None);
    }
}
