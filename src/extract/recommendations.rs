//! Recommendations: numbered main recommendations ("Aanbeveling 3: …", or a
//! numbered list introduced as recommendations), the individual
//! recommendations in the bullets under them, and recommendations reported
//! in prose ("de reflectiegroep beveelt aan …") in a section the document
//! heads as recommendations.
//!
//! Examples listed under a recommendation ("Daarbij valt te denken aan:")
//! are not recommendations; numbered lists that nothing introduces as
//! recommendations (research questions, terms of reference) are not either.
//! Every cue is data in `ontology/cues.ttl`.
//!
//! Across renderings and documents, [`resolve`] decides which occurrences
//! are one recommendation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Evidence, Extractor, Fact, Input, Output, Recommendation};
use crate::corpus::dedupe::common;
use crate::corpus::{Block, BlockKind, Document};
use crate::lexicon::cues;

/// A recommendation with the text that follows it up to the next one: in a
/// responding document, its answer.
#[derive(Clone, Debug)]
pub struct Found {
    pub rec: Recommendation,
    pub answer: Option<Evidence>,
    /// Reported in prose rather than listed.
    pub prose: bool,
}

static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^\(?(\d{1,2})[.)]\s+\S"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are literals checked by the tests"
)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex literal")
}

/// "Aanbeveling 3: …" → (3, offset of the text after the label).
fn labelled(text: &str, labels: &[String]) -> Option<(u32, usize)> {
    for label in labels {
        let Some(rest) = text.strip_prefix(label.as_str()) else {
            continue;
        };
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let n: u32 = digits.parse().ok()?;
        let after_ws = rest.len() - rest.trim_start().len();
        let tail = &rest[after_ws + digits.len()..];
        let tail_trimmed = tail.trim_start();
        if !tail_trimmed.starts_with([':', '.']) {
            continue;
        }
        let skip = tail.len() - tail_trimmed.len() + 1;
        let body = &tail[skip..];
        let body_start = text.len() - body.len() + (body.len() - body.trim_start().len());
        return Some((n, body_start));
    }
    None
}

/// "2. Blijvende …" or "2) …" → (2, offset of the text after the number).
fn numbered(text: &str) -> Option<(u32, usize)> {
    let c = NUMBERED_ITEM.captures(text)?;
    let n: u32 = c.get(1)?.as_str().parse().ok()?;
    let marker_end = c.get(0)?.end() - 1;
    Some((n, marker_end))
}

fn ends_with_colon(text: &str) -> bool {
    text.trim_end().ends_with(':')
}

/// The span of the first sentence starting at or after `start` inside
/// `[start, end)`.
fn first_sentence(input: &Input<'_>, start: usize, end: usize) -> Evidence {
    let end_of_sentence = input
        .segmented
        .sentence_at(start)
        .map_or(end, |s| s.end.min(end));
    Evidence {
        start,
        end: end_of_sentence.max(start),
    }
}

struct Authors {
    /// (offset, entity) of every mention of an author-class entity.
    mentions: Vec<(usize, usize)>,
    most_frequent: Option<usize>,
}

impl Authors {
    fn new(input: &Input<'_>) -> Self {
        let lexicon = input.lexicon;
        let classes = &lexicon.cues.author_classes;
        let mentions: Vec<(usize, usize)> = lexicon
            .find(&input.document.text.text[..input.document.text.body_end])
            .into_iter()
            .filter(|m| {
                lexicon
                    .entities
                    .get(m.entity)
                    .is_some_and(|e| e.classes.iter().any(|c| classes.contains(c)))
            })
            .map(|m| (m.start, m.entity))
            .collect();
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for (_, e) in &mentions {
            *counts.entry(*e).or_default() += 1;
        }
        let most_frequent = counts
            .into_iter()
            .max_by_key(|&(e, n)| (n, std::cmp::Reverse(e)))
            .map(|(e, _)| e);
        Self {
            mentions,
            most_frequent,
        }
    }

    /// The last author named before `at` (within `window` bytes: a list's
    /// introduction, "De vijf hoofdaanbevelingen van het IOB-rapport
    /// luiden:"), else the one the document names most.
    fn before(&self, at: usize, window: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .find(|(o, _)| *o < at && at - *o <= window)
            .map(|(_, e)| *e)
            .or(self.most_frequent)
    }

    fn within(&self, span: Evidence) -> Option<usize> {
        self.mentions
            .iter()
            .find(|(o, _)| *o >= span.start && *o < span.end)
            .map(|(_, e)| *e)
    }

    fn last_before(&self, at: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .find(|(o, _)| *o < at)
            .map(|(_, e)| *e)
    }
}

/// Finds the recommendations of one document, with the text that answers
/// each (up to the next recommendation or heading).
pub fn structure(input: &Input<'_>) -> Vec<Found> {
    let doc = input.document;
    let n = &doc.text;
    let cues = &input.lexicon.cues;
    let authors = Authors::new(input);
    let headings: BTreeMap<usize, usize> = input
        .segmented
        .sections
        .iter()
        .map(|s| (s.heading_start, s.heading_end))
        .collect();
    let blocks: Vec<&Block> = n
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Footnote(0) && !matches!(b.kind, BlockKind::Footnote(_)))
        .filter(|b| b.end <= n.body_end)
        .collect();

    let mut out: Vec<Found> = Vec::new();
    let mut groups = 0usize;
    let mut group: Option<usize> = None;
    let mut section_mode = false;
    let mut intro_pending = false;
    let mut list_mode = false;
    let mut main: Option<(usize, u32)> = None;
    let mut sub = 0u32;
    let mut expected = 1u32;
    let mut in_examples = false;
    let mut open: Option<usize> = None;
    let mut answer: Option<Evidence> = None;
    let mut intro_at = 0usize;
    let mut group_author: Option<usize> = None;
    let mut intro_len = 0usize;

    let close = |out: &mut Vec<Found>, open: &mut Option<usize>, answer: &mut Option<Evidence>| {
        if let (Some(i), Some(a)) = (open.take(), answer.take())
            && let Some(f) = out.get_mut(i)
        {
            f.answer = Some(a);
        }
        *answer = None;
    };
    let topic = |at: usize| -> Option<Evidence> {
        input.segmented.section_at(at).map(|s| Evidence {
            start: s.heading_start,
            end: s.heading_end,
        })
    };

    for block in blocks {
        let text = &n.text[block.start..block.end];
        // A main recommendation: its label or number, then its text.
        let push_main = |out: &mut Vec<Found>,
                         number: u32,
                         start: usize,
                         author: Option<usize>,
                         group: Option<usize>| {
            let id = out.len();
            let sentence = first_sentence(input, start, block.end);
            out.push(Found {
                rec: Recommendation {
                    id,
                    number: Some(number.to_string()),
                    parent: None,
                    text: sentence,
                    full: Evidence {
                        start,
                        end: block.end,
                    },
                    author,
                    group: group.unwrap_or_default(),
                    topic: topic(block.start),
                    evidence: Evidence {
                        start: block.start,
                        end: sentence.end,
                    },
                },
                answer: None,
                prose: false,
            });
            id
        };
        if headings.contains_key(&block.start) {
            close(&mut out, &mut open, &mut answer);
            group = None;
            main = None;
            in_examples = false;
            intro_pending = false;
            list_mode = false;
            section_mode = cues::any(&cues.recommendation_headings, text);
            intro_at = block.start;
            continue;
        }
        let example_intro = ends_with_colon(text) && cues::any(&cues.example_intros, text);
        if let Some((number, body)) = labelled(text, &cues.recommendation_labels) {
            close(&mut out, &mut open, &mut answer);
            if group.is_none() || number == 1 || list_mode {
                group = Some(groups);
                groups += 1;
                group_author = authors.most_frequent;
            }
            list_mode = false;
            let id = push_main(&mut out, number, block.start + body, group_author, group);
            main = Some((id, number));
            sub = 0;
            in_examples = example_intro;
            open = Some(id);
            continue;
        }
        if block.kind == BlockKind::ListItem {
            if let Some((number, body)) = numbered(text)
                && (section_mode || intro_pending || list_mode)
                && (number == 1 || (list_mode && number == expected))
            {
                close(&mut out, &mut open, &mut answer);
                if number == 1 || group.is_none() {
                    group = Some(groups);
                    groups += 1;
                    group_author = if intro_pending {
                        authors.before(intro_at, intro_len)
                    } else {
                        authors.most_frequent
                    };
                }
                list_mode = true;
                intro_pending = false;
                expected = number + 1;
                let id = push_main(&mut out, number, block.start + body, group_author, group);
                main = Some((id, number));
                sub = 0;
                in_examples = example_intro;
                open = Some(id);
                continue;
            }
            if let Some((main_id, main_number)) = main
                && numbered(text).is_none()
            {
                let lower = text.starts_with(|c: char| c.is_lowercase());
                if in_examples && lower {
                    // An example: part of the text around it.
                    if let Some(a) = &mut answer {
                        a.end = block.end;
                    }
                    continue;
                }
                close(&mut out, &mut open, &mut answer);
                in_examples = example_intro;
                sub += 1;
                let id = out.len();
                let author = out.get(main_id).and_then(|f| f.rec.author);
                out.push(Found {
                    rec: Recommendation {
                        id,
                        number: Some(format!("{main_number}.{sub}")),
                        parent: Some(main_id),
                        text: first_sentence(input, block.start, block.end),
                        full: Evidence {
                            start: block.start,
                            end: block.end,
                        },
                        author,
                        group: group.unwrap_or_default(),
                        topic: topic(block.start),
                        evidence: first_sentence(input, block.start, block.end),
                    },
                    answer: None,
                    prose: false,
                });
                open = Some(id);
                // In a table of responses, the answer may follow the
                // recommendation inside its item.
                let first_end = first_sentence(input, block.start, block.end).end;
                if block.end > first_end && !text[first_end - block.start..].trim().is_empty() {
                    answer = Some(Evidence {
                        start: first_end,
                        end: block.end,
                    });
                }
                continue;
            }
        }
        // Running text.
        if list_mode && !section_mode && main.is_some() {
            // A numbered list introduced in running text ends with it.
            close(&mut out, &mut open, &mut answer);
            group = None;
            main = None;
            list_mode = false;
        }
        if example_intro && main.is_some() {
            in_examples = true;
        } else if ends_with_colon(text) && cues::any(&cues.recommendation_intros, text) {
            intro_pending = true;
            intro_at = block.end;
            intro_len = block.end - block.start;
        }
        if open.is_some() {
            let a = answer.get_or_insert(Evidence {
                start: block.start,
                end: block.end,
            });
            a.end = block.end;
        }
    }
    close(&mut out, &mut open, &mut answer);
    prose(input, &authors, groups, &mut out);
    out
}

/// Recommendations reported in prose, in sections headed as
/// recommendations that list none.
fn prose(input: &Input<'_>, authors: &Authors, group: usize, out: &mut Vec<Found>) {
    let cues = &input.lexicon.cues;
    let n = &input.document.text;
    let listed: Vec<usize> = out.iter().map(|f| f.rec.full.start).collect();
    for section in &input.segmented.sections {
        let heading = &n.text[section.heading_start..section.heading_end];
        if !cues::any(&cues.recommendation_headings, heading) {
            continue;
        }
        let end = section.end.min(n.body_end);
        if listed.iter().any(|&s| s >= section.heading_end && s < end) {
            continue;
        }
        let mut found: Vec<usize> = Vec::new();
        for s in input
            .segmented
            .sentences_within(section.heading_end, end)
            .iter()
            .filter(|s| !s.heading && s.footnote.is_none())
        {
            // Stop at a deeper heading that is not about recommendations.
            let text = &n.text[s.start..s.end];
            let strong = cues::any(&cues.prose_verbs, text);
            let weak = cues::any(&cues.prose_weak_verbs, text) && cues::any(&cues.modals, text);
            // A sentence that answers ("Het kabinet onderschrijft …") is a
            // response, not a recommendation.
            let answers = cues.stances.iter().any(|c| c.phrase.is_match(text));
            if (!strong && !weak) || answers {
                continue;
            }
            let span = Evidence {
                start: s.start,
                end: s.end,
            };
            let author = authors.within(span).or_else(|| {
                cues::any(&cues.prose_subjects, text)
                    .then(|| authors.last_before(s.start))
                    .flatten()
            });
            let Some(author) = author else { continue };
            let id = out.len();
            found.push(id);
            out.push(Found {
                rec: Recommendation {
                    id,
                    number: None,
                    parent: None,
                    text: span,
                    full: span,
                    author: Some(author),
                    group,
                    topic: Some(Evidence {
                        start: section.heading_start,
                        end: section.heading_end,
                    }),
                    evidence: span,
                },
                answer: None,
                prose: true,
            });
        }
        // The answer to a prose recommendation: the sentences after it, up
        // to the next one or the end of the section.
        for (k, &id) in found.iter().enumerate() {
            let start = out[id].rec.full.end;
            let stop = found
                .get(k + 1)
                .map_or(end, |&next| out[next].rec.full.start);
            if stop > start {
                out[id].answer = Some(Evidence { start, end: stop });
            }
        }
    }
}

/// Extracts recommendations as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Recommendations;

impl Extractor for Recommendations {
    fn name(&self) -> &'static str {
        "recommendations"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        Output {
            facts: structure(input)
                .into_iter()
                .map(|f| Fact::Recommendation(f.rec))
                .collect(),
            diagnostics: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------
// Resolution across renderings and documents.

/// Where an occurrence resolves to: the canonical occurrence (document
/// index, recommendation id) and the similarity of the match (1 for the
/// canonical occurrence itself).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Resolved {
    pub document: usize,
    pub id: usize,
    pub similarity: f64,
}

/// For every (document index, recommendation id): where it resolves to.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    pub map: BTreeMap<(usize, usize), Resolved>,
    /// Document index → its canonical (fullest) rendering group.
    pub canonical_groups: BTreeMap<usize, usize>,
}

impl Resolution {
    pub fn get(&self, document: usize, id: usize) -> Option<Resolved> {
        self.map.get(&(document, id)).copied()
    }

    /// Resolves occurrence `from` to wherever occurrence `to` resolves,
    /// with the similarity of this match.
    fn link(&mut self, from: (usize, usize), to: (usize, usize), similarity: f64) {
        let target = self.get(to.0, to.1).unwrap_or(Resolved {
            document: to.0,
            id: to.1,
            similarity: 1.0,
        });
        self.map.insert(
            from,
            Resolved {
                similarity,
                ..target
            },
        );
    }
}

/// Content words of a recommendation text.
fn words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Dice similarity of two sorted word sets.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Main recommendations of a rendering match when their numbers agree and
/// the texts are this similar, or without numbers when more similar still.
const MAIN_WITH_NUMBER: f64 = 0.3;
const MAIN_WITHOUT_NUMBER: f64 = 0.6;
/// Individual recommendations under matched mains.
const SUB_MATCH: f64 = 0.4;
/// A rendering in another document restates a source rendering when its
/// main recommendations match this well on average.
const GROUP_MATCH: f64 = 0.4;

struct Occurrence {
    id: usize,
    number: Option<String>,
    parent: Option<usize>,
    words: Vec<String>,
    length: usize,
}

struct Group {
    document: usize,
    index: usize,
    items: Vec<Occurrence>,
}

impl Group {
    fn mains(&self) -> impl Iterator<Item = &Occurrence> {
        self.items.iter().filter(|o| o.parent.is_none())
    }
    fn subs(&self, main: usize) -> impl Iterator<Item = &Occurrence> {
        self.items.iter().filter(move |o| o.parent == Some(main))
    }
    fn length(&self) -> usize {
        self.items.iter().map(|o| o.length).sum()
    }
}

/// Pairs mains of `g` with mains of `canon`; returns (g id, canon id, score).
fn match_mains(g: &Group, canon: &Group) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    for m in g.mains() {
        let best = canon
            .mains()
            .map(|c| {
                let s = similarity(&m.words, &c.words);
                let same_number = m.number.is_some() && m.number == c.number;
                (c, s, same_number)
            })
            .filter(|(_, s, same)| (*same && *s >= MAIN_WITH_NUMBER) || *s >= MAIN_WITHOUT_NUMBER)
            .max_by(|a, b| {
                (a.2, a.1)
                    .partial_cmp(&(b.2, b.1))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        if let Some((c, s, _)) = best {
            pairs.push((m.id, c.id, s));
        }
    }
    pairs
}

/// Greedy best-first pairing of the subs of two matched mains.
fn match_subs(g: &Group, gm: usize, canon: &Group, cm: usize) -> Vec<(usize, usize, f64)> {
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for a in g.subs(gm) {
        for b in canon.subs(cm) {
            let s = similarity(&a.words, &b.words);
            if s >= SUB_MATCH {
                scored.push((s, a.id, b.id));
            }
        }
    }
    scored.sort_by(|x, y| {
        y.0.partial_cmp(&x.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
    });
    let mut used_a = Vec::new();
    let mut used_b = Vec::new();
    let mut out = Vec::new();
    for (s, a, b) in scored {
        if !used_a.contains(&a) && !used_b.contains(&b) {
            used_a.push(a);
            used_b.push(b);
            out.push((a, b, s));
        }
    }
    out
}

/// Decides which recommendation occurrences are one recommendation:
/// within a document its fullest rendering is canonical; a rendering in a
/// document of a responding kind resolves to the best-matching canonical
/// rendering of a source document (an evaluation report or advice).
pub fn resolve(documents: &[(&Document, &[Fact])], source_types: &[String]) -> Resolution {
    resolve_with(documents, source_types, recommendation_of, false)
}

/// The recommendation a fact is, if it is one.
pub fn recommendation_of(f: &Fact) -> Option<&Recommendation> {
    match f {
        Fact::Recommendation(r) => Some(r),
        _ => None,
    }
}

/// The conclusion a fact is, if it is one.
pub fn conclusion_of(f: &Fact) -> Option<&Recommendation> {
    match f {
        Fact::Conclusion(r) => Some(r),
        _ => None,
    }
}

/// The key under which an unnumbered item of a rendering (a main
/// conclusion) is matched: it matches the other renderings' unnumbered one.
const UNNUMBERED: &str = "";

/// Items outside every rendering (a chapter's restatement of a
/// conclusion) resolve to the most similar canonical item of their
/// document when they are at least this similar.
const LOOSE_MATCH: f64 = 0.35;

/// [`resolve`] for the items `select` picks (recommendations or
/// conclusions). With `unnumbered_mains`, an unnumbered main item (a main
/// conclusion) is matched to the other renderings' unnumbered main; other
/// unnumbered items (prose recommendations) stay their own. Items in group
/// `usize::MAX` (a chapter's restatement) are matched by similarity alone.
pub fn resolve_with(
    documents: &[(&Document, &[Fact])],
    source_types: &[String],
    select: fn(&Fact) -> Option<&Recommendation>,
    unnumbered_mains: bool,
) -> Resolution {
    let mut loose: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for (d, (doc, facts)) in documents.iter().enumerate() {
        let mut by_group: BTreeMap<usize, Vec<Occurrence>> = BTreeMap::new();
        for r in facts.iter().filter_map(select) {
            let text = &doc.text.text[r.text.start..r.text.end];
            if r.group == usize::MAX {
                loose.push((d, r.id, words(text)));
                continue;
            }
            let number = match (&r.number, r.parent) {
                (Some(n), _) => Some(n.clone()),
                // A main conclusion: unnumbered, matched to the other
                // renderings' main conclusion.
                (None, None) if unnumbered_mains => Some(UNNUMBERED.to_owned()),
                _ => continue,
            };
            by_group.entry(r.group).or_default().push(Occurrence {
                id: r.id,
                number,
                parent: r.parent,
                words: words(text),
                length: r.full.end - r.full.start,
            });
        }
        for (index, items) in by_group {
            groups.push(Group {
                document: d,
                index,
                items,
            });
        }
    }
    let mut resolution = Resolution::default();
    // Every occurrence starts as its own canonical one.
    for (d, (_, facts)) in documents.iter().enumerate() {
        for r in facts.iter().filter_map(select) {
            resolution.map.insert(
                (d, r.id),
                Resolved {
                    document: d,
                    id: r.id,
                    similarity: 1.0,
                },
            );
        }
    }
    // The canonical rendering of each document: the fullest.
    let mut canonical: BTreeMap<usize, usize> = BTreeMap::new();
    for (gi, g) in groups.iter().enumerate() {
        let entry = canonical.entry(g.document).or_insert(gi);
        let current = &groups[*entry];
        if g.length() > current.length() {
            *entry = gi;
        }
    }
    resolution.canonical_groups = canonical
        .iter()
        .map(|(&d, &gi)| (d, groups[gi].index))
        .collect();
    let is_source = |d: usize| {
        documents
            .get(d)
            .is_some_and(|(doc, _)| source_types.contains(&doc.metadata.document_type))
    };
    let apply = |g: &Group, canon: &Group, resolution: &mut Resolution| {
        for (gm, cm, s) in match_mains(g, canon) {
            resolution.link((g.document, gm), (canon.document, cm), s);
            for (ga, cb, s) in match_subs(g, gm, canon, cm) {
                resolution.link((g.document, ga), (canon.document, cb), s);
            }
        }
    };
    // Within a document: other renderings to the canonical one.
    for (gi, g) in groups.iter().enumerate() {
        if let Some(&ci) = canonical.get(&g.document)
            && ci != gi
        {
            apply(g, &groups[ci], &mut resolution);
        }
    }
    // Across documents: renderings in non-source documents to the best
    // canonical rendering of a source document.
    for g in groups.iter().filter(|g| !is_source(g.document)) {
        let best = canonical
            .iter()
            .filter(|(d, _)| **d != g.document && is_source(**d))
            .map(|(_, &ci)| {
                let canon = &groups[ci];
                let pairs = match_mains(g, canon);
                let mains = g.mains().count().max(1);
                let score = pairs.iter().map(|p| p.2).sum::<f64>() / mains as f64;
                (ci, score)
            })
            .filter(|(_, s)| *s >= GROUP_MATCH)
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
        if let Some((ci, _)) = best {
            apply(g, &groups[ci], &mut resolution);
        }
    }
    // Loose restatements: to the most similar item of the document's
    // canonical rendering.
    for (d, id, w) in loose {
        let Some(&ci) = canonical.get(&d) else {
            continue;
        };
        let best = groups[ci]
            .items
            .iter()
            .map(|o| (o, similarity(&w, &o.words)))
            .filter(|(_, s)| *s >= LOOSE_MATCH)
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
        if let Some((o, s)) = best {
            resolution.link((d, id), (d, o.id), s);
        }
    }
    resolution
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numbers_are_read() {
        let labels = vec!["Aanbeveling".to_owned()];
        assert_eq!(
            labelled("Aanbeveling 3: Blijf werken aan X.", &labels),
            Some((3, 15))
        );
        assert_eq!(labelled("Aanbevelingen zijn er vijf.", &labels), None);
        assert_eq!(numbered("2) Versterk de capaciteit."), Some((2, 3)));
        assert_eq!(numbered("10. De Europese landen"), Some((10, 4)));
        assert_eq!(numbered("Het jaar 2020. Daarna"), None);
    }

    #[test]
    fn similar_wording_scores_high() {
        let a = words("Vermijd dubbele committeringen voor snelle reactiemachten.");
        let b = words("Vermijd dubbele committeringen voor snelle reactie machten.");
        let c = words("Continueer en versterk de inzet in EU-verband.");
        assert!(similarity(&a, &b) > 0.6);
        assert!(similarity(&a, &c) < 0.2);
    }
}
