//! Responses: in a document of a responding kind (a cabinet response, a
//! letter to parliament), the text after a recommendation answers it. Its
//! stance is read from the cue phrases of `ontology/cues.ttl`:
//!
//! 1. a rejection cue anywhere → `Rejects`;
//! 2. else a deferral cue → `Defers` (an endorsement of the principle that
//!    puts the matter off is a deferral);
//! 3. else an endorsement followed later by a qualifier, or a partial cue →
//!    `PartiallyEndorses`;
//! 4. else an endorsement → `Endorses`;
//! 5. else "already done" → `AlreadyImplemented`;
//! 6. else a cue of noting, or no cue at all → `Notes`.
//!
//! A recommendation reported in prose gets a response only when a cue is
//! found: the graph never invents an answer.

use super::recommendations::{self, Found};
use super::{Evidence, Extractor, Fact, Input, Output, Response, Stance};
use crate::analysis::frames::{FrameKind, Lang, Relation, Trigger};
use crate::analysis::grammar::{Grammar, has, phrase_at};
use crate::lexicon::Cues;

/// How far (in bytes) after the first stance cue a later cue still tempers it.
const TEMPER_WINDOW: usize = 2500;

/// One cue found in an answer.
#[derive(Clone, Debug)]
struct Hit {
    stance: Stance,
    at: usize,
    phrase: String,
    /// Read from a frame event (a verb or collocation with its
    /// negation), not from a cue word.
    frame: bool,
    /// Stated in a concessive clause ("Hoewel het kabinet de analyse
    /// deelt, …"): the clause it concedes to decides.
    concessive: bool,
    /// An endorsement of the diagnosis ("deelt de analyse", "shares the
    /// concern"), not of the remedy: a rejection after it rejects.
    diagnosis: bool,
}

impl Hit {
    /// A hit read from a cue word or fixed construction: not a frame
    /// event, not concessive, not about a diagnosis.
    fn cue(stance: Stance, at: usize, phrase: String) -> Self {
        Hit {
            stance,
            at,
            phrase,
            frame: false,
            concessive: false,
            diagnosis: false,
        }
    }
}

/// The stance of `text` and the cue phrases that decided it, with the
/// offset of the deciding cue. `None` when no cue is found.
///
/// The first stance cue sets the stance ("already done" only when no other
/// cue is found); later cues temper it: an endorsement followed by a
/// deferral defers, followed by a rejection or a qualifier it is partial
/// (a partial cue word or a qualifier only in its sentence or the next).
/// An answer with no stance cue but a qualifier is partial.
pub fn classify(text: &str, cues: &Cues) -> Option<(Stance, Vec<String>, usize)> {
    classify_with(text, cues, Vec::new())
}

/// The stance events of the stance frames (`frames.ttl`) in `[start, end)`,
/// as hits with offsets from `start`. A denied endorsement ("neemt de
/// aanbeveling niet over", "deelt deze analyse niet") is a rejection; other
/// denied stances say nothing.
/// `own_voice`: the answer speaks for the government throughout (the text
/// after a listed recommendation); after a recommendation reported in prose
/// the text may go on reporting it ("Daarnaast moet de NAVO …"), so an
/// "ought" there is no answer.
fn frame_hits(
    input: &Input<'_>,
    start: usize,
    end: usize,
    asked: Option<&str>,
    own_voice: bool,
) -> Vec<Hit> {
    let units = &input.lexicon.frames.units;
    // Advice to keep doing something ("Blijf werken aan …", "continue
    // to …"): an answer that the government keeps doing it ("blijft zich
    // inzetten voor …") takes the advice as given, and is no report that
    // it is done already.
    let keep_on = asked.is_some_and(|a| {
        a.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let w = w.to_lowercase();
            has(Grammar::of(input.analysis.lang).continuation, &w) || w.starts_with("voortzet")
        })
    });
    let asked: Option<Vec<String>> = asked.map(content_stems);
    let mut hits = Vec::new();
    // The events of the sentences inside the answer, found by binary
    // search (sentences and events are in text order).
    let sentences = &input.analysis.sentences;
    let first = sentences.partition_point(|s| s.end <= start);
    let last = sentences.partition_point(|s| s.start < end);
    let from = input.events.partition_point(|e| e.sentence < first);
    let to = input.events.partition_point(|e| e.sentence < last);
    let events = &input.events[from..to];
    // "ziet geen aanleiding om van dit advies af te wijken", "sees no reason
    // to depart from": a rejection denied by a unit of rejection before it
    // in its clause endorses, and the denying unit says nothing more.
    let rejecting = |e: &crate::analysis::Event| {
        matches!(units[e.unit].kind, FrameKind::Stance(Stance::Rejects))
    };
    let clause_of = |e: &crate::analysis::Event| {
        input.analysis.sentences[e.sentence]
            .clause_of(e.tokens[0])
            .map(|c| (e.sentence, c.first))
    };
    let mut double: Vec<usize> = Vec::new();
    let mut denier: Vec<usize> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if !(rejecting(e) && e.negated) {
            continue;
        }
        if let Some(o) = events.iter().position(|o| {
            rejecting(o)
                && units[o.unit].negative
                && o.sentence == e.sentence
                && clause_of(o) == clause_of(e)
                && o.tokens[0] < e.tokens[0]
        }) {
            double.push(i);
            denier.push(o);
        }
    }
    for (i, e) in events.iter().enumerate() {
        if denier.contains(&i) {
            continue;
        }
        let s = &input.analysis.sentences[e.sentence];
        // An answer is about what the recommendation asks: a stance on
        // something else (a side issue) is no stance on it.
        // The stance frames' own units (onderschrijven, bezien) answer what
        // was asked; a position the government states in its answer counts
        // only when it is about that.
        if let Some(asked) = &asked
            && matches!(units[e.unit].kind, FrameKind::Relation(_))
            && !about(input, e, asked)
        {
            continue;
        }
        let g = s.grammar();
        let head = e.tokens[0];
        let clause = s.clause_of(head).map(|c| &s.tokens[c.first..c.end]);
        let in_clause =
            |list: &[&str]| clause.is_some_and(|c| c.iter().any(|t| has(list, &t.lower)));
        // "reeds", "al", "inmiddels", "already" in the clause, or a verb
        // of continuing before the event's verb ("blijft zich inzetten
        // voor", "zal blijven investeren"): the government does it already.
        let continuing = !keep_on
            && matches!(
                units[e.unit].trigger,
                Trigger::Verb(_) | Trigger::Expression { verb: Some(_), .. }
            )
            && s.clause_of(head)
                .is_some_and(|c| (c.first..head).any(|k| has(g.continuation, &s.tokens[k].lower)));
        let adverb = in_clause(g.already);
        let now = clause.is_some_and(|c| (0..c.len()).any(|k| phrase_at(g.current, c, k)));
        let already = adverb || continuing;
        // "niet volledig", "not in full": the denial is of the whole, so
        // the part is taken up.
        let total = clause.is_some_and(|c| {
            c.iter().enumerate().any(|(k, t)| {
                has(g.totality, &t.lower) && (t.lower != "full" || k > 0 && c[k - 1].lower == "in")
            })
        });
        let denied = if total {
            Stance::PartiallyEndorses
        } else {
            Stance::Rejects
        };
        let by_government = answering(input, e) && (!e.agents.is_empty() || e.speaker);
        let stance = match units[e.unit].kind {
            // A stance someone else takes (the adviser, a successor in
            // another sense of the verb) is no answer.
            // (A named body may be a misparse of the advice fronted before
            // the verb; an unnamed one, "de raad", "an admiral", is not.)
            FrameKind::Stance(_) if !answering(input, e) && others(input, e) => continue,
            // A denied endorsement ("neemt de aanbeveling niet over") is a
            // rejection; other denied stances say nothing.
            FrameKind::Stance(Stance::Endorses) if e.negated => denied,
            FrameKind::Stance(Stance::Rejects) if double.contains(&i) => Stance::Endorses,
            FrameKind::Stance(_) if e.negated => continue,
            FrameKind::Stance(Stance::Endorses) if already => Stance::AlreadyImplemented,
            // A study made ("heeft de aanbeveling bestudeerd en wijst haar
            // af") defers nothing.
            FrameKind::Stance(Stance::Defers) if completed(input, e) => continue,
            FrameKind::Stance(stance) => stance,
            FrameKind::Relation(
                Relation::Supports | Relation::Proposes | Relation::Leads | Relation::CoLeads,
            ) if by_government => {
                if e.negated {
                    denied
                } else if already {
                    Stance::AlreadyImplemented
                } else {
                    Stance::Endorses
                }
            }
            // Taking part already ("levert reeds een bijdrage aan") is
            // doing what is asked; taking part alone says no more than
            // that.
            // Taking part now ("neemt op dit moment deel aan", "currently
            // takes part in") where the advice asks to keep taking part is
            // doing it already.
            FrameKind::Relation(Relation::ParticipatesIn | Relation::CooperatesWith)
                if by_government && (already || keep_on && now) && !e.negated =>
            {
                Stance::AlreadyImplemented
            }
            FrameKind::Relation(Relation::Opposes) if by_government && !e.negated => {
                Stance::Rejects
            }
            FrameKind::Relation(_) | FrameKind::Report(_) => continue,
        };
        // "geeft de voorkeur aan X, en niet door aan te sluiten bij Y",
        // "prefers X rather than Y": where the dispreferred Y is what was
        // advised, the preference rejects the advice.
        let stance = match &asked {
            Some(asked) if stance == Stance::Endorses && dispreferred(input, s, head, asked) => {
                Stance::Rejects
            }
            _ => stance,
        };
        let concessive = in_clause(g.concessives);
        let diagnosis = stance == Stance::Endorses
            && e.themes.iter().any(|t| match &t.filler {
                crate::analysis::Filler::Group(l) | crate::analysis::Filler::Phrase(l) => l
                    .split_whitespace()
                    .any(|w| has(g.diagnosis_nouns, &w.to_lowercase())),
                crate::analysis::Filler::Entity(_) => false,
            });
        let Some(at) = e.tokens.iter().map(|&t| s.tokens[t].start).min() else {
            continue;
        };
        if at < start || at >= end {
            continue;
        }
        hits.push(Hit {
            stance,
            at: at - start,
            phrase: units[e.unit].id.clone(),
            // A hedged unit ("zet … voort": continuing says the matter is
            // in hand, not that the advice is taken) weighs like a cue
            // word: it decides only when no other stance is found.
            // Going on with something ("blijft … inzetten") weighs like
            // a hedged unit too.
            frame: !units[e.unit].hedge
                && (stance != Stance::AlreadyImplemented || adverb || !continuing),
            concessive,
            diagnosis,
        });
    }
    if let Some(asked) = &asked {
        if !keep_on {
            doing(input, &sentences[first..last], asked, start, end, &mut hits);
        }
        // The government's own "ought" weighs least: only where nothing
        // else in the answer takes a stance.
        if own_voice && hits.is_empty() {
            ought(
                input,
                &sentences[first..last],
                events,
                asked,
                start,
                end,
                &mut hits,
            );
        }
    }
    hits
}

/// Whether sentence `s` sets an alternative against what the event at
/// `head` prefers (`Grammar::alternatives`, after the head) and that
/// alternative is the advice: it shares at least two content stems with
/// it, and more than the preferred part does.
fn dispreferred(
    input: &Input<'_>,
    s: &crate::analysis::document::SentenceAnalysis,
    head: usize,
    asked: &[String],
) -> bool {
    let g = s.grammar();
    let text = &input.document.text.text;
    let Some(m) = (head + 1..s.tokens.len()).find(|&k| phrase_at(g.alternatives, &s.tokens, k))
    else {
        return false;
    };
    let shared =
        |from: usize, to: usize| shared_stems(text.get(from..to).unwrap_or_default(), asked);
    let preferred = shared(s.tokens[head].end, s.tokens[m].start);
    let alternative = shared(s.tokens[m].start, s.end);
    alternative >= 2 && alternative > preferred
}

/// Content stems a sentence must share with the advice to restate it as
/// an obligation.
const OUGHT_SHARED: usize = 3;

/// "In de huidige context dienen dubbele committeringen zoveel mogelijk te
/// worden vermeden", "Duplicate commitments should be avoided": the
/// government says in its own voice that what was advised ought to be
/// done, which endorses it. A main clause, not negated, with a modal of
/// obligation (`Grammar::obligation`), whose sentence reports no one's
/// view (no reporting event: "aldus de raad", "stelt de AIV") and shares
/// three content stems with the advice from the clause's start on.
fn ought(
    input: &Input<'_>,
    sentences: &[crate::analysis::document::SentenceAnalysis],
    events: &[crate::analysis::Event],
    asked: &[String],
    start: usize,
    end: usize,
    hits: &mut Vec<Hit>,
) {
    use crate::analysis::document::ClauseKind;
    let units = &input.lexicon.frames.units;
    let text = &input.document.text.text;
    for s in sentences {
        let g = s.grammar();
        if events
            .iter()
            .any(|e| e.sentence == s.index && matches!(units[e.unit].kind, FrameKind::Report(_)))
        {
            continue;
        }
        for c in s
            .clauses
            .iter()
            .filter(|c| c.kind == ClauseKind::Main && !c.negated())
        {
            let Some(k) = (c.first..c.end).find(|&k| has(g.obligation, &s.tokens[k].lower)) else {
                continue;
            };
            let (a, _) = s.span(c.first, c.first);
            let shared = shared_stems(text.get(a..s.end).unwrap_or_default(), asked);
            let at = s.tokens[k].start;
            if shared < OUGHT_SHARED || at < start || at >= end {
                continue;
            }
            hits.push(Hit::cue(
                Stance::Endorses,
                at - start,
                s.tokens[k].lower.clone(),
            ));
        }
    }
}

/// Content stems a sentence must share with the advice to be doing it.
const DOING_SHARED: usize = 2;

/// What was asked is done or going on, said with a verb no frame lists:
/// - the government goes on doing it ("Nederland blijft actief zoeken
///   naar partners …", "The UK will continue to seek partners …"): the
///   subject of the verb of continuing names the government (a government
///   body, a state, a government noun or the first person);
/// - it is done already ("Aan de uitbreiding wordt al gewerkt", "Joint
///   exercises already take place"): an adverb of "already" in the clause,
///   not the quantifier ("al het materieel").
///
/// Either weighs like a cue word: it decides only when no other stance is
/// found. The clause is a main clause, not negated, with no stance read
/// from it already, and its sentence from the verb of continuing (or from
/// the clause's start) shares content words with the advice.
fn doing(
    input: &Input<'_>,
    sentences: &[crate::analysis::document::SentenceAnalysis],
    asked: &[String],
    start: usize,
    end: usize,
    hits: &mut Vec<Hit>,
) {
    use crate::analysis::document::ClauseKind;
    let text = &input.document.text.text;
    for s in sentences {
        let g = s.grammar();
        for c in s
            .clauses
            .iter()
            .filter(|c| c.kind == ClauseKind::Main && !c.negated())
        {
            let (from, _) = s.span(c.first, c.first);
            let (_, to) = s.span(c.end - 1, c.end - 1);
            if hits.iter().any(|h| (from..to).contains(&(h.at + start))) {
                continue;
            }
            let word = |k: usize| s.tokens[k].lower.as_str();
            let governs = |m: &crate::analysis::document::TokenMention| {
                input
                    .lexicon
                    .entities
                    .get(m.entity)
                    .is_some_and(|en| en.is_a("GovernmentBody") || en.is_a("State"))
            };
            // The subject of a verb of continuing: before it, or right
            // after it in inversion ("blijft het kabinet …").
            let government = |k: usize| {
                s.mentions.iter().any(|m| {
                    !m.partial
                        && (m.first >= c.first && m.last < k || (k + 1..k + 3).contains(&m.first))
                        && governs(m)
                }) || (c.first..(k + 3).min(c.end))
                    .any(|j| has(g.government_nouns, word(j)) || has(g.first_person, word(j)))
            };
            let continuing = (c.first..c.end)
                .find(|&k| has(g.continuation, word(k)))
                .filter(|&k| k + 1 < c.end && government(k))
                .map(|k| (k, k + 1));
            let already = || {
                (c.first..c.end)
                    .find(|&k| {
                        has(g.already, word(k))
                            && s.tokens
                                .get(k + 1)
                                .is_none_or(|n| !has(g.determiners, &n.lower))
                            && !phrase_at(g.not_already, &s.tokens, k)
                    })
                    .map(|k| (k, c.first))
            };
            let Some((k, content)) = continuing.or_else(already) else {
                continue;
            };
            // The content runs to the end of the sentence (the clause
            // split may end a clause at a comma before its phrases: "…,
            // met gelijkgezinde landen").
            let (a, _) = s.span(content, content);
            let shared = shared_stems(text.get(a..s.end).unwrap_or_default(), asked);
            let at = s.tokens[k].start;
            if shared < DOING_SHARED || at < start || at >= end {
                continue;
            }
            hits.push(Hit::cue(
                Stance::AlreadyImplemented,
                at - start,
                s.tokens[k].lower.clone(),
            ));
        }
    }
}

/// Whether the government answers in `e`: no agent named ("wordt
/// overgenomen", but not "De raad onderschrijft …"), a government body or a
/// state ("Nederland zet zich in voor …"). A parliament is a government body that never answers for the
/// government ("De Tweede Kamer steunt het advies …").
pub(crate) fn answering(input: &Input<'_>, e: &crate::analysis::Event) -> bool {
    use crate::analysis::Filler;
    e.agents.is_empty() && !e.other_subject
        || e.agents.iter().any(|a| match &a.filler {
            Filler::Entity(x) => input
                .lexicon
                .entities
                .get(*x)
                .is_some_and(|en| en.is_a("GovernmentBody") || en.is_a("State")),
            // "the Government", "de minister": a government the lexicon
            // does not name, by the nouns of its sentence's language.
            Filler::Group(l) | Filler::Phrase(l) => input
                .analysis
                .sentences
                .get(a.sentence)
                .zip(l.split_whitespace().last())
                .is_some_and(|(s, w)| {
                    let w = w.to_lowercase();
                    let g = s.grammar();
                    has(g.government_nouns, &w) || has(g.first_person, &w)
                }),
        })
}

/// Whether the agents of `e` are others than the government and the
/// adviser: unnamed ("de raad", "een Italiaanse admiraal") or named but
/// of no advising kind ("The Baltic states continue to …"). An adviser
/// named as agent may be a misparse of the advice fronted before the verb
/// ("De aanbeveling van de Raad … neemt het kabinet over").
fn others(input: &Input<'_>, e: &crate::analysis::Event) -> bool {
    use crate::analysis::Filler;
    let lexicon = input.lexicon;
    e.agents.is_empty() && e.other_subject
        || !e.agents.is_empty()
            && e.agents.iter().all(|a| match a.filler {
                Filler::Group(_) | Filler::Phrase(_) => true,
                Filler::Entity(x) => lexicon.entities.get(x).is_some_and(|en| {
                    !en.classes
                        .iter()
                        .any(|c| lexicon.cues.author_classes.contains(c))
                }),
            })
}

/// Whether the verb of `e` says the act is done: a simple past, or a
/// participle with an auxiliary of the perfect and no future ("heeft …
/// bestudeerd", "have considered"; not "zal worden bezien").
fn completed(input: &Input<'_>, e: &crate::analysis::Event) -> bool {
    use crate::analysis::frames::Form;
    let frames = &input.lexicon.frames;
    let s = &input.analysis.sentences[e.sentence];
    let g = s.grammar();
    let verb = match frames.units[e.unit].trigger {
        Trigger::Verb(v) | Trigger::Expression { verb: Some(v), .. } => v,
        _ => return false,
    };
    let v = &frames.verbs[verb];
    // The verb among the trigger's words ("nader bestudeerd").
    let Some((at, forms)) = e.tokens.iter().find_map(|&k| {
        let w = &s.tokens[k].lower;
        let forms: Vec<Form> = v
            .forms
            .iter()
            .chain(&v.joined)
            .filter(|(f, _)| f == w)
            .map(|(_, f)| *f)
            .collect();
        (!forms.is_empty()).then_some((k, forms))
    }) else {
        return false;
    };
    let Some(c) = s.clause_of(at) else {
        return false;
    };
    // "heeft toegezegd te bezien": the infinitive is still to come.
    if at > 0 && s.tokens[at - 1].lower == g.infinitive_marker {
        return false;
    }
    let words = &s.tokens[c.first..c.end];
    let any = |list: &[&str]| words.iter().any(|t| has(list, &t.lower));
    let future = any(g.future);
    let passive = any(g.passive_auxiliaries) || any(g.state_auxiliaries);
    !future
        && (forms.contains(&Form::Participle) && any(g.perfect)
            || forms.contains(&Form::Past) && !passive)
}

/// The stems (first five letters) of the content words of `text`: words
/// of five letters or more.
/// How many content stems of `text` the advice asks about (`asked` is
/// sorted).
fn shared_stems(text: &str, asked: &[String]) -> usize {
    content_stems(text)
        .iter()
        .filter(|w| asked.binary_search(w).is_ok())
        .count()
}

pub(crate) fn content_stems(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Whether an event of an answer is about what was asked: it names no
/// theme ("Het kabinet onderschrijft dit"), its theme refers to the
/// recommendation ("deze aanbeveling", "this advice"), or its theme shares
/// a content word with it.
fn about(input: &Input<'_>, e: &crate::analysis::Event, asked: &[String]) -> bool {
    use crate::analysis::Filler;
    if e.themes.is_empty() {
        return true;
    }
    e.themes.iter().any(|t| {
        let text = match &t.filler {
            Filler::Entity(x) => input
                .lexicon
                .entities
                .get(*x)
                .map(|en| en.labels.join(" "))
                .unwrap_or_default(),
            Filler::Group(l) | Filler::Phrase(l) => l.clone(),
        };
        let lower = text.to_lowercase();
        REFERS
            .iter()
            .any(|r| lower.split_whitespace().any(|w| w == *r))
            || content_stems(&text)
                .iter()
                .any(|w| asked.binary_search(w).is_ok())
    })
}

/// Words an answer uses for the recommendation it answers.
const REFERS: [&str; 12] = [
    "aanbeveling",
    "advies",
    "suggestie",
    "voorstel",
    "aanbevelingen",
    "recommendation",
    "advice",
    "proposal",
    "suggestion",
    "dit",
    "deze",
    "this",
];

/// [`classify`] with hits found elsewhere (the stance frames' events).
fn classify_with(
    text: &str,
    cues: &Cues,
    mut hits: Vec<Hit>,
) -> Option<(Stance, Vec<String>, usize)> {
    for c in &cues.stances {
        if let Some((at, _)) = c.phrase.find(text) {
            hits.push(Hit::cue(c.stance, at, c.phrase.text.clone()));
        }
    }
    hits.sort_by(|a, b| (a.at, a.stance, &a.phrase).cmp(&(b.at, b.stance, &b.phrase)));
    // "Already done" describes the situation; a stance verb anywhere in the
    // answer says more, so it counts only when there is none.
    // A stance conceded ("Hoewel het kabinet de analyse deelt, acht het
    // … niet wenselijk") gives way to the one it is conceded to, nearby.
    let stated = |h: &&Hit| h.stance != Stance::AlreadyImplemented;
    let first = hits.iter().find(stated).and_then(|h| {
        if !h.concessive {
            return Some(h);
        }
        hits.iter()
            .filter(stated)
            .find(|o| !o.concessive && o.at > h.at && o.at - h.at <= TEMPER_WINDOW)
            .or(Some(h))
    });
    let Some(first) = first.or_else(|| hits.first()).cloned() else {
        // No stance cue, but the answer qualifies ("Overigens is het
        // budget beperkt"): it takes the recommendation up in part.
        return cues
            .qualifiers
            .iter()
            .filter_map(|q| qualifiers_in(q, text).next().map(|at| (at, q)))
            .min_by_key(|(at, _)| *at)
            .map(|(at, q)| (Stance::PartiallyEndorses, vec![q.text.clone()], at));
    };
    // Later cues temper the first only nearby: a long answer moves on to
    // other matters.
    let later = |s: Stance| {
        hits.iter()
            .find(|h| h.stance == s && h.at > first.at && h.at - first.at <= TEMPER_WINDOW)
            .cloned()
    };
    let with = |stance: Stance, extra: Option<String>| {
        let mut phrases = vec![first.phrase.clone()];
        phrases.extend(extra);
        Some((stance, phrases, first.at))
    };
    match first.stance {
        Stance::Endorses => {
            // Endorsing what is already being done ("voert dit al uit",
            // "gebeurt al"): the answer reports it done. An adverb alone
            // ("reeds") does not outweigh the endorsement.
            if let Some(h) = hits.iter().find(|h| {
                h.stance == Stance::AlreadyImplemented
                    && h.frame
                    && h.at.abs_diff(first.at) <= TEMPER_WINDOW
            }) {
                return with(Stance::AlreadyImplemented, Some(h.phrase.clone()));
            }
            if let Some(h) = later(Stance::Defers) {
                return with(Stance::Defers, Some(h.phrase));
            }
            // Agreeing on the problem and rejecting the remedy rejects.
            if first.diagnosis
                && let Some(h) = later(Stance::Rejects)
            {
                return Some((Stance::Rejects, vec![first.phrase.clone(), h.phrase], h.at));
            }
            // A partial cue word ("in beginsel") tempers, like a
            // qualifier, only the sentence of the endorsement and the one
            // after it; a partial stance read from a frame event, within
            // the window.
            let near = sentences_on(text, first.at, 2);
            let partial = later(Stance::PartiallyEndorses).filter(|h| h.frame || h.at < near);
            if let Some(h) = later(Stance::Rejects).or(partial) {
                return with(Stance::PartiallyEndorses, Some(h.phrase));
            }
            // A qualifier tempers only the sentence of the endorsement and the
            // one after it ("onderschrijft … Het budget is echter beperkt").
            let until = sentences_on(text, first.at, 2);
            if let Some(q) = cues
                .qualifiers
                .iter()
                .find(|q| qualifiers_in(q, text).any(|at| at >= first.at && at < until))
            {
                return with(Stance::PartiallyEndorses, Some(q.text.clone()));
            }
            with(Stance::Endorses, None)
        }
        // "Het kabinet ziet geen aanleiding tot extra maatregelen: … wordt
        // al uitgevoerd": nothing more is needed because it is done.
        Stance::Rejects => match hits.iter().find(|h| {
            h.stance == Stance::AlreadyImplemented
                && h.frame
                && h.at > first.at
                && h.at < sentences_on(text, first.at, 2)
        }) {
            Some(h) => with(Stance::AlreadyImplemented, Some(h.phrase.clone())),
            None => with(Stance::Rejects, None),
        },
        other => with(other, None),
    }
}

/// Where the qualifier `q` qualifies in `text`: "maar" and "but" that add
/// ("niet alleen … maar ook", "not only … but also") do not.
fn qualifiers_in<'t>(
    q: &'t crate::lexicon::cues::Phrase,
    text: &'t str,
) -> impl Iterator<Item = usize> + 't {
    q.find_all(text)
        .into_iter()
        .map(|(a, _)| a)
        .filter(move |&a| {
            if !matches!(q.text.as_str(), "maar" | "but") {
                return true;
            }
            // The sentence before the conjunction.
            let before = &text[..a];
            let from = before.rfind(['.', '?', '!']).map_or(0, |i| i + 1);
            let before = before[from..].to_lowercase();
            // Either language's openers: the answer's text is matched
            // before its language is looked up.
            ![Lang::Nl, Lang::En]
                .iter()
                .flat_map(|&l| Grammar::of(l).additive)
                .any(|p| before.contains(p))
        })
}

/// The end of the `n`th sentence end from `at` (a full stop, question or
/// exclamation mark before white space), or the end of `text`.
fn sentences_on(text: &str, at: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '?' | '!') && chars.peek().is_none_or(|(_, d)| d.is_whitespace()) {
            seen += 1;
            if seen == n {
                return at + i + c.len_utf8();
            }
        }
    }
    text.len()
}

/// The stance of the answer in `[start, end)` of `input`'s text, with the
/// cues that decided and the offset of the deciding one.
pub fn answer_stance(
    input: &Input<'_>,
    start: usize,
    end: usize,
    asked: Option<&str>,
) -> Option<(Stance, Vec<String>, usize)> {
    let text = input.document.text.text.get(start..end)?;
    classify_with(
        text,
        &input.lexicon.cues,
        frame_hits(input, start, end, asked, true),
    )
}

/// The response to one recommendation found in `input`.
fn respond(input: &Input<'_>, found: &Found) -> Option<Response> {
    let answer = found.answer?;
    if let Some((stance, cues)) = &found.given {
        return Some(Response {
            recommendation: found.rec.id,
            stance: *stance,
            cues: cues.clone(),
            span: answer,
            evidence: answer,
        });
    }
    let text = &input.document.text.text[answer.start..answer.end];
    if text.trim().is_empty() {
        return None;
    }
    let asked = &input.document.text.text[found.rec.text.start..found.rec.text.end];
    let hits = frame_hits(input, answer.start, answer.end, Some(asked), !found.prose);
    let (stance, cues, at) = match classify_with(text, &input.lexicon.cues, hits) {
        Some((stance, cues, at)) => (stance, cues, answer.start + at),
        None if !found.prose => (Stance::Notes, Vec::new(), answer.start),
        None => return None,
    };
    let evidence = input
        .segmented
        .sentence_at(at)
        .map_or(answer, |s| Evidence {
            start: s.start,
            end: s.end,
        });
    Some(Response {
        recommendation: found.rec.id,
        stance,
        cues,
        span: answer,
        evidence,
    })
}

/// Extracts responses as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Responses;

impl Extractor for Responses {
    fn name(&self) -> &'static str {
        "responses"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        let mut out = Output::default();
        let responding = &input.lexicon.cues.responding_types;
        if !responding.contains(&input.document.metadata.document_type) {
            return out;
        }
        let found = recommendations::structure(input);
        let mut responses: Vec<Response> = found.iter().filter_map(|f| respond(input, f)).collect();
        combine_parts(&found, &mut responses);
        out.facts.extend(responses.into_iter().map(Fact::Response));
        out
    }
}

/// Whether a stance takes the advice up at all (in whole, in part, or
/// finds it done), and whether it takes it up in full; `None` for noting.
fn taken_up(s: Stance) -> Option<(bool, bool)> {
    match s {
        Stance::Endorses | Stance::AlreadyImplemented => Some((true, true)),
        Stance::PartiallyEndorses => Some((true, false)),
        Stance::Rejects | Stance::Defers => Some((false, false)),
        Stance::Notes => None,
    }
}

/// A recommendation divided into numbered parts is answered through them
/// too. Where the main's answer and its parts' answers take some of it up
/// and not all of it in full ("onderschrijft … ; geeft er de voorkeur aan
/// … en niet door aan te sluiten bij …"), the main is endorsed in part;
/// where the main's answer only notes it and its answered parts agree,
/// the main takes their stance. The parts of a main are those listed under
/// any rendering of it in the document: the same number from the same
/// author (a summary list and the full list). The cues of the parts that
/// decided are added.
fn combine_parts(found: &[Found], responses: &mut [Response]) {
    let at = |id: usize| found.iter().position(|f| f.rec.id == id);
    let main_of = |k: usize| -> Option<(&str, Option<usize>)> {
        found[k].rec.number.as_ref()?;
        let p = &found[at(found[k].rec.parent?)?].rec;
        if p.parent.is_some() {
            return None;
        }
        Some((p.number.as_deref()?, p.author))
    };
    // Each response's main, if it answers a numbered part.
    let part_of: Vec<Option<(&str, Option<usize>)>> = responses
        .iter()
        .map(|r| at(r.recommendation).and_then(main_of))
        .collect();
    for m in 0..responses.len() {
        let Some(main) = at(responses[m].recommendation) else {
            continue;
        };
        let rec = &found[main].rec;
        let (Some(number), None) = (rec.number.as_deref(), rec.parent) else {
            continue;
        };
        let author = rec.author;
        let parts: Vec<(Stance, Vec<String>)> = responses
            .iter()
            .zip(&part_of)
            .filter(|(r, key)| *key == &Some((number, author)) && r.stance != Stance::Notes)
            .map(|(r, _)| r)
            .map(|r| (r.stance, r.cues.clone()))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let own = responses[m].stance;
        let stances = || std::iter::once(own).chain(parts.iter().map(|(s, _)| *s));
        let up = stances().any(|s| taken_up(s).is_some_and(|(any, _)| any));
        let short = stances().any(|s| taken_up(s).is_some_and(|(_, full)| !full));
        let mixed = up && short && own != Stance::PartiallyEndorses;
        let stance = if mixed {
            Stance::PartiallyEndorses
        } else if own == Stance::Notes && parts.iter().all(|(s, _)| *s == parts[0].0) {
            parts[0].0
        } else {
            continue;
        };
        // The parts whose answer differs from the main's.
        let deciding = |s: Stance| !mixed || own == Stance::Notes || taken_up(s) != taken_up(own);
        let r = &mut responses[m];
        r.stance = stance;
        for (s, cues) in &parts {
            if deciding(*s) {
                for c in cues {
                    if !r.cues.contains(c) {
                        r.cues.push(c.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, OntologySource};

    /// Short answers written for these tests, one or more per stance.
    const CASES: [(&str, Stance); 13] = [
        (
            "Een deel van het plan loopt al. De middelen voor de rest zijn echter beperkt.",
            Stance::PartiallyEndorses,
        ),
        (
            "De regering onderschrijft het voorstel van de commissie en zal het in het voorjaar uitvoeren.",
            Stance::Endorses,
        ),
        (
            "Het kabinet deelt de mening van de raad dat meer samenwerking met Noorwegen nodig is.",
            Stance::Endorses,
        ),
        (
            "Het kabinet onderschrijft het doel. De middelen daarvoor zijn echter beperkt, zodat slechts een deel wordt uitgevoerd.",
            Stance::PartiallyEndorses,
        ),
        (
            "De minister staat in beginsel niet onwelwillend tegenover een gezamenlijk fonds.",
            Stance::PartiallyEndorses,
        ),
        (
            "Het kabinet geeft er de voorkeur aan dit nationaal te regelen en niet door aan te sluiten bij het verdrag.",
            Stance::Rejects,
        ),
        (
            "Het is evenwel de vraag of een nieuw orgaan de besluitvorming zal versnellen.",
            Stance::Rejects,
        ),
        (
            "Een gezamenlijke aanpak zou in een later stadium verder verkend kunnen worden.",
            Stance::Defers,
        ),
        (
            "Het kabinet onderschrijft dat dit logisch is, maar acht het vraagstuk op dit moment minder prioritair.",
            Stance::Defers,
        ),
        (
            "Volgende kabinetten kunnen zich hierover buigen wanneer de begroting dat toelaat.",
            Stance::Defers,
        ),
        (
            "Het ministerie heeft inderdaad een coördinatiepunt ingericht dat sinds vorig jaar werkt.",
            Stance::AlreadyImplemented,
        ),
        (
            "Nederland levert reeds een bijdrage aan beide netwerken.",
            Stance::AlreadyImplemented,
        ),
        (
            "Het kabinet neemt kennis van de bevindingen van het rapport.",
            Stance::Notes,
        ),
    ];

    /// The stance of `text` read as a document of its own, frames and cues.
    fn stance_of(lexicon: &Lexicon, text: &str) -> Option<Stance> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answer.txt");
        std::fs::write(&path, text).unwrap();
        let doc = crate::corpus::read(&path, &lexicon.conventions).unwrap();
        crate::build::with_input(&doc, lexicon, |input| {
            answer_stance(input, 0, input.document.text.text.len(), None).map(|s| s.0)
        })
    }

    #[test]
    fn written_answers_get_their_stance() {
        let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
        let wrong: Vec<String> = CASES
            .iter()
            .filter_map(|(text, want)| {
                let got = stance_of(&lexicon, text);
                (got != Some(*want)).then(|| format!("{text}: {want:?}, got {got:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn an_answer_without_a_cue_has_no_stance() {
        let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
        assert_eq!(
            classify("De vergadering vond plaats in Brussel.", &lexicon.cues),
            None
        );
    }
}
