//! Cue phrases from `ontology/cues.ttl`: what opens a list of
//! recommendations, what introduces examples, which words signal a stance.
//!
//! A phrase is a few words matched case-insensitively on word boundaries;
//! `…` is a gap of up to twenty words within the sentence and a trailing `*` matches any ending.

use std::collections::BTreeMap;

use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use regex::Regex;

use super::{LexiconError, PKG};
use crate::extract::Stance;

/// Namespace of the cue data in `cues.ttl`.
pub const CUE: &str = "https://w3id.org/policykg/def/cues#";

/// One cue phrase, compiled.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// As written in the data.
    pub text: String,
    regex: Regex,
}

impl Phrase {
    /// Compiles a phrase; `None` when it has no words.
    pub fn new(text: &str) -> Option<Self> {
        let mut pattern = String::from("(?i)");
        let mut after_gap = true;
        let mut words = 0;
        for (i, token) in text.split_whitespace().enumerate() {
            if token == "…" || token == "..." {
                pattern.push_str(r"\s+(?:[^\s.!?]+[,;]?\s+){0,20}?");
                after_gap = true;
                continue;
            }
            if i > 0 && !after_gap {
                pattern.push_str(r"\s+");
            }
            let (stem, open) = match token.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (token, false),
            };
            if stem.starts_with(|c: char| c.is_alphanumeric()) && (i == 0 || after_gap) {
                pattern.push_str(r"\b");
            }
            pattern.push_str(&regex::escape(stem));
            if open {
                pattern.push_str(r"\w*");
            }
            after_gap = false;
            words += 1;
        }
        if words == 0 {
            return None;
        }
        if text
            .trim_end()
            .trim_end_matches('*')
            .ends_with(|c: char| c.is_alphanumeric())
        {
            pattern.push_str(r"\b");
        }
        Some(Self {
            text: text.to_owned(),
            regex: Regex::new(&pattern).ok()?,
        })
    }

    /// The first match in `s`, as a byte span.
    pub fn find(&self, s: &str) -> Option<(usize, usize)> {
        self.regex.find(s).map(|m| (m.start(), m.end()))
    }

    /// Every match in `s`, as byte spans.
    pub fn find_all(&self, s: &str) -> Vec<(usize, usize)> {
        self.regex
            .find_iter(s)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.regex.is_match(s)
    }
}

/// True when any phrase matches `s`.
pub fn any(phrases: &[Phrase], s: &str) -> bool {
    phrases.iter().any(|p| p.is_match(s))
}

/// A cue of a stance.
#[derive(Clone, Debug)]
pub struct StanceCue {
    pub stance: Stance,
    pub phrase: Phrase,
}

/// Everything `cues.ttl` holds.
#[derive(Clone, Debug, Default)]
pub struct Cues {
    /// Labels that number a main recommendation ("Aanbeveling 3:").
    pub recommendation_labels: Vec<String>,
    pub recommendation_headings: Vec<Phrase>,
    pub recommendation_intros: Vec<Phrase>,
    pub example_intros: Vec<Phrase>,
    /// Local names of the classes whose members make recommendations.
    pub author_classes: Vec<String>,
    /// Document types that make recommendations.
    pub source_types: Vec<String>,
    /// Document types that answer them.
    pub responding_types: Vec<String>,
    pub prose_verbs: Vec<Phrase>,
    pub prose_weak_verbs: Vec<Phrase>,
    pub modals: Vec<Phrase>,
    pub prose_subjects: Vec<Phrase>,
    /// Labels that number a sub-conclusion ("Deelconclusie 2.").
    pub conclusion_labels: Vec<String>,
    pub main_conclusion: Vec<Phrase>,
    pub conclusion_intros: Vec<Phrase>,
    pub conclusion_restatements: Vec<Phrase>,
    pub stances: Vec<StanceCue>,
    pub qualifiers: Vec<Phrase>,
    /// Stance local name → follow-up status local name.
    /// Follow-up status (local name in `pkg:`) by stance.
    pub follow_up: BTreeMap<Stance, String>,
    pub blockades: BlockadeCues,
    pub citations: CitationCues,
}

/// An EU act or document type: the words as written and its CELEX (and
/// ELI) type.
#[derive(Clone, Debug)]
pub struct EuType {
    pub words: Vec<String>,
    pub celex: String,
    /// `None` for preparatory documents (COM, JOIN), which have no ELI.
    pub eli: Option<String>,
    /// The CELEX type when the text calls the document a proposal.
    pub proposal_celex: Option<String>,
}

/// Cues of `cue:citations`, `cue:EuActType` and `cue:EuDocumentType`.
#[derive(Clone, Debug, Default)]
pub struct CitationCues {
    pub kamerstuk_prefix: Vec<String>,
    pub number_label: Vec<String>,
    pub entry_separator: Vec<String>,
    pub work_noun: Vec<String>,
    /// Lower-case words that make a COM document a proposal.
    pub proposal_words: Vec<String>,
    pub eu_acts: Vec<EuType>,
    pub eu_documents: Vec<EuType>,
}

/// Cues of `cue:blockades`: the constructions that name a blocker or what
/// is blocked when the blocking unit's own roles do not (the lexical units
/// themselves are frames in `frames.ttl`).
#[derive(Clone, Debug, Default)]
pub struct BlockadeCues {
    pub mutual: Vec<Phrase>,
    pub side_one: Vec<Phrase>,
    pub side_two: Vec<Phrase>,
    pub group_nouns: Vec<String>,
    pub group_qualifiers: Vec<String>,
    pub anaphor: Vec<Phrase>,
    pub area_intro: Vec<Phrase>,
    pub cause_marker: Vec<Phrase>,
    pub cause_forward: Vec<Phrase>,
}

fn literal(t: &Term) -> Option<&str> {
    match t {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn local<'a>(t: &'a Term, ns: &str) -> Option<&'a str> {
    match t {
        Term::NamedNode(n) => n.as_str().strip_prefix(ns),
        _ => None,
    }
}

/// The 1-based line of the first line of `text` that holds `needle`, else 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// The stance a `pkg:` term names, or an error naming `file` and the line
/// that writes it.
fn stance_of(term: &Term, file: &str, text: &str) -> Result<Stance, LexiconError> {
    let local = local(term, PKG).unwrap_or_default();
    Stance::from_local_name(local).ok_or_else(|| {
        let written = format!("pkg:{local}");
        LexiconError::Cues(format!(
            "{file}:{}: unknown stance {written} (expected pkg:Endorses, pkg:PartiallyEndorses, pkg:Rejects, pkg:Notes, pkg:AlreadyImplemented or pkg:Defers)",
            line_of(text, &written)
        ))
    })
}

/// Reads the cue data out of the quads of `cues.ttl` (`file`, whose
/// `text` names the line of a malformed cue): a stance cue or follow-up
/// naming an unknown stance, or a phrase without words, is an error,
/// never dropped.
pub fn cues(file: &str, text: &str, quads: &[Quad]) -> Result<Cues, LexiconError> {
    // Every phrase must have words.
    for q in quads {
        if let Some(l) = literal(&q.object)
            && q.predicate.as_str().starts_with(CUE)
            && l.split_whitespace().all(|w| w == "…" || w == "...")
        {
            return Err(LexiconError::Cues(format!(
                "{file}:{}: cue {} has no words",
                line_of(text, &format!("\"{l}\"")),
                q.predicate.as_str().trim_start_matches(CUE)
            )));
        }
    }
    let subject = |q: &Quad| match &q.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    };
    let strings = |s: &str, p: &str| -> Vec<String> {
        let (s, p) = (format!("{CUE}{s}"), format!("{CUE}{p}"));
        let mut v: Vec<String> = quads
            .iter()
            .filter(|q| subject(q).as_deref() == Some(s.as_str()) && q.predicate.as_str() == p)
            .filter_map(|q| literal(&q.object).map(str::to_owned))
            .collect();
        v.sort();
        v
    };
    let phrases = |s: &str, p: &str| -> Vec<Phrase> {
        strings(s, p)
            .iter()
            .filter_map(|t| Phrase::new(t))
            .collect()
    };
    let eu_types = |class: &str| -> Vec<EuType> {
        let class = format!("{CUE}{class}");
        let mut v: Vec<EuType> = quads
            .iter()
            .filter(|q| {
                q.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                    && matches!(&q.object, Term::NamedNode(n) if n.as_str() == class)
            })
            .filter_map(&subject)
            .filter_map(|s| {
                Some(EuType {
                    words: strings_of(quads, &s, &format!("{CUE}phrase")),
                    celex: strings_of(quads, &s, &format!("{CUE}celexType")).pop()?,
                    eli: strings_of(quads, &s, &format!("{CUE}eliType")).pop(),
                    proposal_celex: strings_of(quads, &s, &format!("{CUE}proposalCelexType")).pop(),
                })
            })
            .collect();
        v.sort_by(|a, b| a.celex.cmp(&b.celex));
        v
    };
    let lower = |v: Vec<String>| -> Vec<String> { v.iter().map(|w| w.to_lowercase()).collect() };
    let mut stances = Vec::new();
    let mut follow_up = BTreeMap::new();
    let stance_p = format!("{CUE}stance");
    let follow_p = format!("{CUE}followUp");
    let phrase_p = format!("{CUE}phrase");
    for q in quads {
        if q.predicate.as_str() == stance_p
            && let Some(s) = subject(q)
        {
            let stance = stance_of(&q.object, file, text)?;
            for p in quads.iter().filter(|p| {
                subject(p).as_deref() == Some(s.as_str()) && p.predicate.as_str() == phrase_p
            }) {
                if let Some(phrase) = literal(&p.object).and_then(Phrase::new) {
                    stances.push(StanceCue { stance, phrase });
                }
            }
        }
        if q.predicate.as_str() == follow_p
            && let (Some(s), Some(status)) = (subject(q), local(&q.object, PKG))
        {
            let stance = stance_of(&Term::NamedNode(NamedNode::new_unchecked(s)), file, text)?;
            follow_up.insert(stance, status.to_owned());
        }
    }
    stances.sort_by(|a, b| (a.stance, &a.phrase.text).cmp(&(b.stance, &b.phrase.text)));
    let classes = |p: &str| -> Vec<String> {
        let p = format!("{CUE}{p}");
        let mut v: Vec<String> = quads
            .iter()
            .filter(|q| q.predicate.as_str() == p)
            .filter_map(|q| local(&q.object, PKG).map(str::to_owned))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    Ok(Cues {
        recommendation_labels: strings("recommendations", "numberedLabel"),
        recommendation_headings: phrases("recommendations", "sectionHeading"),
        recommendation_intros: phrases("recommendations", "listIntro"),
        example_intros: phrases("recommendations", "exampleIntro"),
        author_classes: classes("authorClass"),
        source_types: classes("sourceType"),
        responding_types: classes("respondingType"),
        prose_verbs: phrases("recommendations", "proseVerb"),
        prose_weak_verbs: phrases("recommendations", "proseWeakVerb"),
        modals: phrases("recommendations", "modal"),
        prose_subjects: phrases("recommendations", "proseSubject"),
        conclusion_labels: strings("conclusions", "numberedLabel"),
        main_conclusion: phrases("conclusions", "mainLabel"),
        conclusion_intros: phrases("conclusions", "listIntro"),
        conclusion_restatements: phrases("conclusions", "restatement"),
        stances,
        qualifiers: phrases("qualifiers", "phrase"),
        follow_up,
        blockades: BlockadeCues {
            mutual: phrases("blockades", "mutual"),
            side_one: phrases("blockades", "sideOne"),
            side_two: phrases("blockades", "sideTwo"),
            group_nouns: strings("blockades", "groupNoun"),
            group_qualifiers: strings("blockades", "groupQualifier"),
            anaphor: phrases("blockades", "anaphor"),
            area_intro: phrases("blockades", "areaIntro"),
            cause_marker: phrases("blockades", "causeMarker"),
            cause_forward: phrases("blockades", "causeForward"),
        },
        citations: CitationCues {
            kamerstuk_prefix: strings("citations", "kamerstukPrefix"),
            number_label: strings("citations", "numberLabel"),
            entry_separator: strings("citations", "entrySeparator"),
            work_noun: lower(strings("citations", "workNoun")),
            proposal_words: lower(strings("citations", "proposalWord")),
            eu_acts: eu_types("EuActType"),
            eu_documents: eu_types("EuDocumentType"),
        },
    })
}

/// The literals of `subject predicate ?o`, sorted.
fn strings_of(quads: &[Quad], subject: &str, predicate: &str) -> Vec<String> {
    let mut v: Vec<String> = quads
        .iter()
        .filter(|q| matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == subject))
        .filter(|q| q.predicate.as_str() == predicate)
        .filter_map(|q| literal(&q.object).map(str::to_owned))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_words_gaps_and_stems() {
        let p = Phrase::new("geeft er de voorkeur aan … niet").unwrap();
        assert!(
            p.is_match("Het kabinet geeft er de voorkeur aan dit via de EU te doen en niet via")
        );
        assert!(!p.is_match("Het kabinet geeft er de voorkeur aan dit via de EU te doen."));
        let s = Phrase::new("onderschrij*").unwrap();
        assert!(s.is_match("Het kabinet Onderschrijft dit"));
        assert!(!s.is_match("de onderschrift"));
        let w = Phrase::new("reeds").unwrap();
        assert!(!w.is_match("dat gereedschap"));
        assert!(Phrase::new(" … ").is_none());
    }

    fn load(text: &str) -> Result<Cues, LexiconError> {
        let head = "@prefix cue: <https://w3id.org/policykg/def/cues#> .\n@prefix pkg: <https://w3id.org/policykg/def#> .\n";
        let text = format!("{head}{text}");
        let quads = super::super::parse_turtle("cues.ttl", &text)?;
        cues("cues.ttl", &text, &quads)
    }

    #[test]
    fn a_stance_cue_naming_an_unknown_stance_is_an_error_with_its_line() {
        let e = load(
            "cue:x a cue:StanceCues ;\n    cue:stance pkg:Endorsed ;\n    cue:phrase \"graag\" .\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("cues.ttl:4: unknown stance pkg:Endorsed"),
            "{e}"
        );
        let ok =
            load("cue:x a cue:StanceCues ; cue:stance pkg:Endorses ; cue:phrase \"graag\" .\n")
                .unwrap();
        assert_eq!(ok.stances.len(), 1);
        assert_eq!(ok.stances[0].stance, Stance::Endorses);
    }

    #[test]
    fn a_follow_up_of_an_unknown_stance_is_an_error() {
        let e = load("pkg:Endorsd cue:followUp pkg:Implemented .\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown stance pkg:Endorsd"), "{e}");
    }

    #[test]
    fn a_cue_without_words_is_an_error_not_dropped() {
        let e = load("cue:qualifiers cue:phrase \" … \" .\n")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "cues.ttl:3: cue phrase has no words");
    }
}
