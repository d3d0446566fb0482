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

use super::{Evidence, Extractor, Fact, Input, Output, Recommendation, Stance, parts};
use crate::analysis::frames::{FrameKind, Report, Role};
use crate::analysis::grammar::has;
use crate::analysis::{Event, Filler};
use crate::corpus::dedupe::common;
use crate::corpus::{Block, BlockKind};
use crate::lexicon::cues;

/// A recommendation with the text that follows it up to the next one: in a
/// responding document, its answer.
#[derive(Clone, Debug)]
pub struct Found {
    pub rec: Recommendation,
    pub answer: Option<Evidence>,
    /// Reported in prose rather than listed.
    pub prose: bool,
    /// The answer the reporting sentence itself gives, with the cues that
    /// decided it: a response that restates advice in its own words
    /// ([`reported`]).
    pub given: Option<(Stance, Vec<String>)>,
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
        let Ok(n) = digits.parse::<u32>() else {
            continue;
        };
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

/// Whether the sentence at `ev` states something rather than directs: its
/// first clause has a copula or an auxiliary after its first word ("Hybride
/// dreigingen zijn aan de orde van de dag"), where a directive opens with
/// its verb ("Blijf …", "Zet in op …") or carries a modal ("Nederland moet
/// …").
fn states(input: &Input<'_>, ev: Evidence) -> bool {
    let sentences = &input.analysis.sentences;
    let k = sentences.partition_point(|s| s.start < ev.start);
    let Some(s) = sentences.get(k).filter(|s| s.start == ev.start) else {
        return false;
    };
    let g = s.grammar();
    let Some(clause) = s.clauses.first() else {
        return false;
    };
    // Up to the first word that opens a clause of its own (the grammar's
    // relatives and subordinators: "waarin", "die", "dat"), which the
    // clause split may have left in.
    let words: Vec<&str> = s.tokens[clause.first..clause.end]
        .iter()
        .map(|t| t.lower.as_str())
        .take_while(|w| {
            !has(g.relatives, w) && !has(g.subordinators, w) && !has(g.ambiguous_subordinators, w)
        })
        .collect();
    !words.iter().any(|w| has(g.modals, w))
        && words
            .iter()
            .skip(1)
            .any(|w| has(g.copulas, w) || has(g.auxiliaries, w))
}

/// The sentence of a list item that carries its recommendation: the first,
/// unless the first states a finding and the next one directs ("Hybride
/// dreigingen … zijn aan de orde van de dag. Blijf daarom …").
fn item_sentence(input: &Input<'_>, start: usize, end: usize) -> Evidence {
    let first = first_sentence(input, start, end);
    if first.end >= end || !states(input, first) {
        return first;
    }
    let text = &input.document.text.text;
    let next_start = first.end
        + text[first.end..end]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(end - first.end);
    if next_start >= end {
        return first;
    }
    let next = first_sentence(input, next_start, end);
    if next.end > next.start && !states(input, next) {
        next
    } else {
        first
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
    // (group, offset of the running text that ends it) of every numbered
    // list introduced in running text.
    let mut closed_lists: Vec<(usize, usize)> = Vec::new();

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
                given: None,
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
                        text: item_sentence(input, block.start, block.end),
                        full: Evidence {
                            start: block.start,
                            end: block.end,
                        },
                        author,
                        group: group.unwrap_or_default(),
                        topic: topic(block.start),
                        evidence: item_sentence(input, block.start, block.end),
                    },
                    answer: None,
                    prose: false,
                    given: None,
                });
                open = Some(id);
                // In a table of responses, the answer may follow the
                // recommendation inside its item.
                let first_end = item_sentence(input, block.start, block.end).end;
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
            if let Some(g) = group {
                closed_lists.push((g, block.start));
            }
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
    for (g, from) in closed_lists {
        appraised(input, &headings, g, from, &mut out);
    }
    divide(input, &mut out);
    prose(input, &authors, groups, &mut out);
    reported(input, groups + 1, &mut out);
    out
}

/// Main recommendations that list nothing under them and ask for several
/// things get a part for each, answered by the stretch of the main's
/// answer that is about it ([`parts`]). The main's text runs on over the
/// sentences of its item that advise too.
fn divide(input: &Input<'_>, out: &mut Vec<Found>) {
    let mains: Vec<usize> = out
        .iter()
        .filter(|f| {
            f.rec.parent.is_none()
                && !f.prose
                && f.rec.number.is_some()
                && !out.iter().any(|o| o.rec.parent == Some(f.rec.id))
        })
        .map(|f| f.rec.id)
        .collect();
    for m in mains {
        let main = &mut out[m].rec;
        let end = parts::advice_end(input, main.text, main.full.end);
        main.text.end = end;
        main.evidence.end = main.evidence.end.max(end);
        let main = out[m].rec.clone();
        let pieces = parts::split(input, main.text);
        if pieces.len() < 2 {
            continue;
        }
        let answers = out[m].answer.map_or_else(
            || vec![None; pieces.len()],
            |a| parts::answers(input, &pieces, a),
        );
        let number = main.number.clone().unwrap_or_default();
        for (k, (piece, answer)) in pieces.into_iter().zip(answers).enumerate() {
            let id = out.len();
            out.push(Found {
                rec: Recommendation {
                    id,
                    number: Some(format!("{number}.{}", k + 1)),
                    parent: Some(m),
                    text: piece,
                    full: piece,
                    author: main.author,
                    group: main.group,
                    topic: main.topic,
                    evidence: piece,
                },
                answer,
                prose: false,
                given: None,
            });
        }
    }
}

/// How much of a listed recommendation's weighted content a paragraph of
/// a joint appraisal must share to answer it.
const APPRAISAL_MATCH: f64 = 0.3;
/// How many paragraphs after a list a joint appraisal runs to at most.
const APPRAISAL_PARAGRAPHS: usize = 12;

/// A list of recommendations answered together ("Deze aanbevelingen hangen
/// samen; het kabinet geeft een algemene appreciatie"): when no item of
/// the list in `group` is answered on its own, each is answered by the
/// paragraph after the list (up to the next heading or recommendation)
/// that shares most of its content, words that few of those paragraphs
/// use weighing more; each paragraph answers one item at most, and an item
/// no paragraph is about stays unanswered.
fn appraised(
    input: &Input<'_>,
    headings: &BTreeMap<usize, usize>,
    group: usize,
    from: usize,
    out: &mut [Found],
) {
    let n = &input.document.text;
    let items: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].rec.group == group && out[i].rec.parent.is_none() && !out[i].prose)
        .collect();
    if items.len() < 2 || items.iter().any(|&i| out[i].answer.is_some()) {
        return;
    }
    let section_end = input
        .segmented
        .section_at(from)
        .map_or(n.body_end, |sec| sec.end.min(n.body_end));
    let end = out
        .iter()
        .map(|f| f.rec.full.start)
        .filter(|&s| s > from)
        .fold(section_end, usize::min);
    let paragraphs: Vec<Evidence> = n
        .blocks
        .iter()
        .filter(|b| b.start >= from && b.end <= end && b.kind == BlockKind::Paragraph)
        .filter(|b| !headings.contains_key(&b.start))
        .take(APPRAISAL_PARAGRAPHS)
        .map(|b| Evidence {
            start: b.start,
            end: b.end,
        })
        .collect();
    let stems = |e: Evidence| super::responses::content_stems(&n.text[e.start..e.end]);
    let para_stems: Vec<Vec<String>> = paragraphs.iter().map(|&p| stems(p)).collect();
    let weight = |w: &String| {
        let df = para_stems
            .iter()
            .filter(|p| p.binary_search(w).is_ok())
            .count();
        ((para_stems.len() as f64 + 1.0) / (df as f64 + 0.5)).ln()
    };
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &items {
        let asked = stems(out[i].rec.text);
        let total: f64 = asked.iter().map(weight).sum();
        if total <= 0.0 {
            continue;
        }
        for (p, ps) in para_stems.iter().enumerate() {
            let shared: f64 = asked
                .iter()
                .filter(|w| ps.binary_search(w).is_ok())
                .map(weight)
                .sum();
            let score = shared / total;
            if score >= APPRAISAL_MATCH {
                scored.push((score, i, p));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut items_done, mut paras_done) = (Vec::new(), Vec::new());
    for (_, i, p) in scored {
        if items_done.contains(&i) || paras_done.contains(&p) {
            continue;
        }
        items_done.push(i);
        paras_done.push(p);
        out[i].answer = Some(paragraphs[p]);
    }
}

/// How similar a reported advice must be to a listed recommendation of the
/// document that has no answer of its own, to be taken as its restatement
/// (and answer it there).
const REPORT_ANSWERS: f64 = 0.3;
/// How similar it must be to any listed recommendation to be taken as a
/// restatement of it, not as advice of its own.
const REPORT_RESTATES: f64 = 0.5;
/// How far after its unit (in tokens) a reported clause may begin.
const REPORT_REACH: usize = 10;

/// A reported advice found in a sentence.
struct Reported {
    author: usize,
    /// The reported clause: token range `[first, end)`.
    first: usize,
    end: usize,
    /// The stance of the sentence that reports it.
    stance: Stance,
    cues: Vec<String>,
}

/// Advice that a response reports in its own words and answers in the
/// same sentence: "Het kabinet deelt het advies van de Raad dat …",
/// "… is het met de Raad eens dat Nederland … moet …", "Zoals de Raad
/// terecht opmerkt, moet …", "We accept the Committee's recommendation to
/// …". The recommendation is the reported clause, made by the advisory
/// body the sentence names (never by a body it does not name); its answer
/// is the stance of the sentence. A view is advice only when a modal makes
/// its clause one. A report that restates a listed recommendation of the
/// document answers that one when nothing else does, and is no
/// recommendation of its own.
fn reported(input: &Input<'_>, group: usize, out: &mut Vec<Found>) {
    let lexicon = input.lexicon;
    let cues = &lexicon.cues;
    if !cues
        .responding_types
        .contains(&input.document.metadata.document_type)
    {
        return;
    }
    let text = &input.document.text.text;
    let listed = out.len();
    for events in input.events.chunk_by(|a, b| a.sentence == b.sentence) {
        let Some(s) = events
            .first()
            .and_then(|e| input.analysis.sentences.get(e.sentence))
        else {
            continue;
        };
        if !s.body || s.question {
            continue;
        }
        let mut seen: Vec<usize> = Vec::new();
        for found in reports_in(input, s, events) {
            if seen.contains(&found.first) || found.end <= found.first {
                continue;
            }
            seen.push(found.first);
            let (start, _) = s.span(found.first, found.first);
            let (_, end) = s.span(found.end - 1, found.end - 1);
            let clause = Evidence { start, end };
            let sentence = Evidence {
                start: s.start,
                end: s.end,
            };
            let w = words(&text[start..end]);
            let similar =
                |f: &Found| similarity(&w, &words(&text[f.rec.text.start..f.rec.text.end]));
            // Advice reported in the answer to a listed recommendation is
            // part of it, unless it restates it.
            let parent = out[..listed]
                .iter()
                .find(|f| {
                    !f.prose
                        && f.answer
                            .is_some_and(|a| a.start <= s.start && s.start < a.end)
                })
                .map(|f| f.rec.id);
            if let Some(p) = parent {
                if similar(&out[p]) >= REPORT_ANSWERS {
                    continue;
                }
            } else {
                // Outside every answer: a restatement of a listed
                // recommendation that nothing answers yet is answered here.
                let unanswered = out[..listed]
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| !f.prose && f.answer.is_none() && f.given.is_none())
                    .map(|(i, f)| (similar(f), i))
                    .filter(|(sim, _)| *sim >= REPORT_ANSWERS)
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                if let Some((_, i)) = unanswered {
                    out[i].answer = Some(sentence);
                    out[i].given = Some((found.stance, found.cues));
                    continue;
                }
            }
            if out[..listed].iter().any(|f| similar(f) >= REPORT_RESTATES) {
                continue;
            }
            let id = out.len();
            out.push(Found {
                rec: Recommendation {
                    id,
                    number: None,
                    parent,
                    text: clause,
                    full: clause,
                    author: Some(found.author),
                    group,
                    topic: input.segmented.section_at(s.start).map(|sec| Evidence {
                        start: sec.heading_start,
                        end: sec.heading_end,
                    }),
                    evidence: sentence,
                },
                answer: Some(sentence),
                prose: true,
                given: Some((found.stance, found.cues)),
            });
        }
    }
}

/// The advice reported in one sentence, with the stance the sentence takes.
fn reports_in(
    input: &Input<'_>,
    s: &crate::analysis::document::SentenceAnalysis,
    events: &[Event],
) -> Vec<Reported> {
    let lexicon = input.lexicon;
    let units = &lexicon.frames.units;
    let g = s.grammar();
    let advisory = |a: &crate::analysis::events::Arg| match a.filler {
        Filler::Entity(x) if a.sentence == s.index => lexicon.entities.get(x).is_some_and(|e| {
            e.classes
                .iter()
                .any(|c| lexicon.cues.author_classes.contains(c))
        }),
        _ => false,
    };
    let entity = |a: &crate::analysis::events::Arg| match a.filler {
        Filler::Entity(x) => x,
        _ => usize::MAX,
    };
    // The stances in the sentence.
    let stances: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(units[e.unit].kind, FrameKind::Stance(_)))
        .collect();
    // Whether the government takes stance `e` on advice of `author`: the
    // government answers, or the parse took the fronted advice for the
    // subject ("De aanbeveling van de Raad … neemt het kabinet over").
    let answers_for = |e: &Event, author: usize| {
        super::responses::answering(input, e)
            || e.agents
                .iter()
                .all(|a| matches!(a.filler, Filler::Entity(x) if x == author))
    };
    let first_of = |e: &Event| e.tokens.iter().copied().min().unwrap_or_default();
    let last_of = |e: &Event| e.tokens.iter().copied().max().unwrap_or_default();
    // The clause a unit governs: its opener within reach, with nothing
    // but its own phrase between ("het advies van de Raad dat …").
    let opener = |from: usize, theme: &[Role]| -> Option<usize> {
        let t = &s.tokens;
        for i in from + 1..t.len().min(from + 1 + REPORT_REACH) {
            let w = t[i].lower.as_str();
            // The preposition of the unit's theme ("pleidooi voor …") past
            // its agent's own phrase.
            if theme.iter().any(|r| matches!(r, Role::Pp(p) if p == w))
                && t.get(i + 1).is_some_and(|n| has(g.determiners, &n.lower))
            {
                return Some(i);
            }
            if has(g.complementizers, w) {
                // "to" before a noun phrase is a preposition.
                let next = t.get(i + 1).map(|n| n.lower.as_str()).unwrap_or_default();
                if w == g.infinitive_marker
                    && (has(g.determiners, next) || !t[i + 1..].iter().any(|n| n.is_word()))
                {
                    return None;
                }
                return Some(i);
            }
            if !t[i].is_word() && !matches!(w, "-" | "'" | "’") || has(g.auxiliaries, w) {
                return None;
            }
        }
        None
    };
    // The reported clause after its opener: to the end of the sentence or
    // the next main clause, without the punctuation and conjunction that
    // end it.
    let clause_after = |at: usize| -> (usize, usize) {
        let main = |c: &&crate::analysis::document::Clause| {
            c.kind == crate::analysis::document::ClauseKind::Main && c.first > at + 1
        };
        let mut end = s
            .clauses
            .iter()
            .find(main)
            .map_or(s.tokens.len(), |c| c.first);
        // "om … te richten" ends with its infinitive, also where the
        // clause stands before the verb it belongs to ("De aanbeveling om
        // … op te richten neemt het kabinet over").
        if s.tokens[at].lower == "om"
            && let Some(te) = (at + 2..end).find(|&k| s.tokens[k].lower == g.infinitive_marker)
        {
            let mut stop = (te + 2).min(end);
            // … and a coordinated one ("… te spelen en daarbij … te zoeken").
            while stop < end
                && s.tokens[stop..]
                    .iter()
                    .take(2)
                    .any(|t| has(g.coordinators, &t.lower))
            {
                let Some(next) = (stop..end.min(stop + 12))
                    .take_while(|&k| s.tokens[k].is_word() || s.tokens[k].lower == ",")
                    .find(|&k| s.tokens[k].lower == g.infinitive_marker)
                else {
                    break;
                };
                stop = (next + 2).min(end);
            }
            // Only a stance after the infinitive ends it there: elsewhere
            // a phrase may follow it ("om … bij te staan bij de bewaking").
            if stances
                .iter()
                .any(|e| e.tokens.iter().any(|&k| k >= stop && k < end))
            {
                end = stop;
            }
        }
        // An infinitive runs on into a coordinated one ("om … te spelen,
        // en daarbij … te zoeken").
        if matches!(s.tokens[at].lower.as_str(), "om" | "to") {
            for c in s.clauses.iter().filter(main) {
                let words = &s.tokens[c.first..c.end];
                let coordinated = words
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| has(g.coordinators, &t.lower));
                if c.first != end
                    || !coordinated
                    || !words.iter().any(|t| t.lower == g.infinitive_marker)
                {
                    break;
                }
                end = c.end;
            }
        }
        while end > at + 1 {
            let t = &s.tokens[end - 1];
            if t.is_word() && !has(g.coordinators, &t.lower) {
                break;
            }
            end -= 1;
        }
        (at + 1, end)
    };
    let advice = |first: usize, end: usize, report: Report| {
        end >= first + 3
            && (report == Report::Advice
                || s.tokens[first..end].iter().any(|t| has(g.modals, &t.lower)))
    };
    let stance_before = |at: usize| -> Option<(Stance, Vec<String>)> {
        let until = s.tokens.get(at)?.start;
        super::responses::answer_stance(input, s.start, until, None).map(|(st, c, _)| (st, c))
    };
    let stance_after = |end: usize| -> Option<(Stance, Vec<String>)> {
        let from = s.tokens.get(end)?.start;
        super::responses::answer_stance(input, from, s.end, None).map(|(st, c, _)| (st, c))
    };
    // A report of `author` over `[first, end)` with the sentence's stance,
    // when what it reports is advice.
    let made = |author: usize,
                (first, end): (usize, usize),
                report: Report,
                stance: Option<(Stance, Vec<String>)>| {
        let (stance, cues) = stance.filter(|_| advice(first, end, report))?;
        Some(Reported {
            author,
            first,
            end,
            stance,
            cues,
        })
    };
    let mut out = Vec::new();
    for r in events {
        let FrameKind::Report(report) = units[r.unit].kind else {
            continue;
        };
        let Some(author) = r.agents.iter().find(|a| advisory(a)).map(entity) else {
            continue;
        };
        let head = last_of(r);
        let clause = s.clause_of(first_of(r));
        // "Zoals de Raad terecht opmerkt, moet …": the sentence states
        // the reported view as its own.
        if clause.is_some_and(|c| {
            c.first == 0
                && s.tokens
                    .get(c.first)
                    .is_some_and(|t| has(g.initial_subordinators, &t.lower))
        }) {
            let Some(comma) = (head + 1..s.tokens.len()).find(|&i| s.tokens[i].lower == ",") else {
                continue;
            };
            let stance = (Stance::Endorses, vec![units[r.unit].id.clone()]);
            out.extend(made(author, clause_after(comma), report, Some(stance)));
            continue;
        }
        // "Het kabinet deelt het advies van de Raad dat …", "De
        // aanbeveling van de Raad om … neemt het kabinet over": a stance
        // on the advice, outside what it reports.
        if let Some(at) = opener(head, &units[r.unit].theme) {
            let (first, end) = clause_after(at);
            let outside = |e: &&Event| e.tokens.iter().all(|&k| k < at || k >= end);
            if !stances
                .iter()
                .filter(|e| answers_for(e, author))
                .any(outside)
            {
                continue;
            }
            let stance = stance_before(at).or_else(|| stance_after(end));
            out.extend(made(author, (first, end), report, stance));
        }
    }
    // "… is het met de Raad eens dat …", "We agree with the Committee
    // that …": a stance on what the body holds.
    for e in stances
        .iter()
        .filter(|e| super::responses::answering(input, e))
    {
        let Some(author) = e.themes.iter().find(|a| advisory(a)).map(entity) else {
            continue;
        };
        let Some(at) = (last_of(e) + 1..s.tokens.len().min(last_of(e) + 1 + REPORT_REACH))
            .find(|&i| s.tokens[i].lower == g.complementizers[0])
        else {
            continue;
        };
        out.extend(made(
            author,
            clause_after(at),
            Report::View,
            stance_before(at),
        ));
    }
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
                given: None,
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

/// Content words of a recommendation text.
pub fn words(text: &str) -> Vec<String> {
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
}
