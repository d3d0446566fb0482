//! Positions: what an actor supports, opposes, proposes, leads or co-leads,
//! takes part in, cooperates with, or is a member of, read from the events
//! of the position frames of `ontology/frames.ttl` (steunen, zich inzetten
//! voor, voorstander zijn van, afwijzen, voorstellen, het voortouw nemen,
//! onder leiding van, -geleid, deelnemen aan, samenwerken met, lid zijn
//! van; support, oppose, propose, lead, UK-led, take part in, …).
//!
//! A position is made only when the text names its holder as an actor (or
//! a group it describes without naming members) in the role the lexical
//! unit gives; the target is the unit's theme: an entity, else the noun
//! phrase, coined as an initiative. A lead "samen met A en B" is a co-lead
//! of each, with the others as partners. Negated events make none, nor do
//! events in the text of a recommendation: what it asks of someone is
//! advice, not a position that one holds.

use super::blockades::label;
use super::{Coined, Evidence, Extractor, Fact, Input, Output, Party, Position};
use crate::analysis::Filler;
use crate::analysis::frames::{FrameKind, LexicalUnit, Relation, Trigger};
use crate::analysis::grammar::has;
use crate::lexicon::EntityKind;

/// The citation form of a unit: its lemma, noun or expression.
fn cue(unit: &LexicalUnit, input: &Input<'_>) -> String {
    match &unit.trigger {
        Trigger::Verb(v) => input.lexicon.frames.verbs[*v].lemma.clone(),
        Trigger::Noun { singular, .. } => singular.clone(),
        Trigger::Adjective(a) => a.clone(),
        Trigger::Expression { words, .. } => words.join(" "),
    }
}

/// Finds the positions of one document.
pub fn positions(input: &Input<'_>) -> Vec<Position> {
    let entities = &input.lexicon.entities;
    let units = &input.lexicon.frames.units;
    let is_actor = |e: usize| entities.get(e).and_then(|x| x.kind()) == Some(EntityKind::Actor);
    // The nouns of advice and findings (the reporting frames'): in a
    // response, the government's stance on one ("onderschrijft de
    // aanbeveling van de Raad", "steunt deze vaststellingen") is its answer
    // to it (a `Response`), not a position on policy.
    let responding = input
        .lexicon
        .cues
        .responding_types
        .contains(&input.document.metadata.document_type);
    let reported: Vec<&str> = units
        .iter()
        .filter(|u| matches!(u.kind, FrameKind::Report(_)))
        .filter_map(|u| match &u.trigger {
            Trigger::Noun { singular, plural } => {
                Some([Some(singular.as_str()), plural.as_deref()])
            }
            _ => None,
        })
        .flatten()
        .flatten()
        .collect();
    // What a recommendation asks someone to do ("Nederland dient erop aan
    // te dringen dat …", "De NAVO moet … versterken") is advice, not a
    // position its addressee holds.
    let advice: Vec<(usize, usize)> = super::recommendations::structure(input)
        .iter()
        .map(|f| (f.rec.text.start, f.rec.text.end))
        .collect();
    let advised = |e: &crate::analysis::Event| {
        e.tokens.first().is_some_and(|&k| {
            let at = input.analysis.sentences[e.sentence].tokens[k].start;
            advice.iter().any(|&(a, b)| a <= at && at < b)
        })
    };
    // "De MPCC zou … moeten kunnen aansturen", "France should take the
    // lead": what someone ought to do is no position it holds.
    let ought = |e: &crate::analysis::Event| {
        let s = &input.analysis.sentences[e.sentence];
        let g = s.grammar();
        e.tokens.first().is_some_and(|&k| {
            s.clause_of(k).is_some_and(|c| {
                (c.first..c.end).any(|j| {
                    has(g.obligation, &s.tokens[j].lower)
                        && s.clause_of(j).is_some_and(|o| o.first == c.first)
                })
            })
        })
    };
    let mut out = Vec::new();
    for e in input.events {
        let unit = &units[e.unit];
        let FrameKind::Relation(relation) = unit.kind else {
            continue;
        };
        if relation == Relation::Blocks || e.negated || advised(e) || ought(e) {
            continue;
        }
        let holders: Vec<Party> = e
            .agents
            .iter()
            .filter_map(|a| match &a.filler {
                Filler::Entity(x) if is_actor(*x) => Some(Party::Entity(*x)),
                Filler::Group(g) => Some(Party::Coined(Coined::Group, label(g))),
                _ => None,
            })
            .collect();
        // Targets, each with the partners named for it alone, if any, and
        // the relation held to it.
        let targets: Vec<(Party, Option<Vec<usize>>, Relation)> = e
            .themes
            .iter()
            .filter_map(|t| {
                let mut relation = relation;
                let party = match &t.filler {
                    Filler::Entity(x) => Party::Entity(*x),
                    Filler::Phrase(p) | Filler::Group(p) => {
                        let g = input.analysis.sentences.get(t.sentence)?.grammar();
                        // "zet zich in voor het voorkomen van onnodige
                        // duplicatie", "supports preventing X": opposes X.
                        let p = match prevented(p, g) {
                            Some(rest)
                                if matches!(relation, Relation::Supports | Relation::Proposes) =>
                            {
                                relation = Relation::Opposes;
                                rest
                            }
                            _ => p.as_str(),
                        };
                        let l = label(p);
                        let head = p
                            .split_whitespace()
                            .map(str::to_lowercase)
                            .find(|w| !has(g.determiners, w) && !has(g.possessives, w));
                        let answer = responding
                            && super::responses::answering(input, e)
                            && head.is_some_and(|h| reported.contains(&h.as_str()));
                        if l.is_empty() || answer {
                            return None;
                        }
                        Party::Coined(Coined::Initiative, l)
                    }
                };
                Some((party, t.partners.clone(), relation))
            })
            .collect();
        if holders.is_empty() || targets.is_empty() {
            continue;
        }
        let first = e
            .agents
            .iter()
            .chain(&e.themes)
            .map(|a| a.sentence)
            .min()
            .unwrap_or(e.sentence)
            .min(e.sentence);
        let sentences = &input.analysis.sentences;
        let evidence = Evidence {
            start: sentences[first].start,
            end: sentences[e.sentence].end,
        };
        let hedged = unit.hedge || !e.hedges.is_empty();
        let cue = cue(unit, input);
        // "A en B leiden respectievelijk X en Y": A leads X, B leads Y.
        let pairs: Vec<(Party, usize)> = if e.respectively && holders.len() == targets.len() {
            holders.iter().cloned().zip(0..targets.len()).collect()
        } else {
            holders
                .iter()
                .flat_map(|h| (0..targets.len()).map(move |t| (h.clone(), t)))
                .collect()
        };
        for (holder, t) in pairs {
            let (target, own_partners, relation) = &targets[t];
            let relation = *relation;
            let partners: Vec<usize> = own_partners
                .as_ref()
                .unwrap_or(&e.partners)
                .iter()
                .copied()
                .filter(|p| !holders.contains(&Party::Entity(*p)))
                .collect();
            let relation = if relation == Relation::Leads && !partners.is_empty() {
                Relation::CoLeads
            } else {
                relation
            };
            // Each co-lead holds the position, with the others as partners.
            let mut all: Vec<Party> = vec![holder.clone()];
            if relation == Relation::CoLeads {
                all.extend(partners.iter().map(|p| Party::Entity(*p)));
            }
            for h in &all {
                if h == target {
                    continue;
                }
                let others: Vec<usize> = all
                    .iter()
                    .filter(|x| *x != h)
                    .filter_map(|x| match x {
                        Party::Entity(x) => Some(*x),
                        Party::Coined(..) => None,
                    })
                    .collect();
                out.push(Position {
                    holder: h.clone(),
                    relation,
                    target: target.clone(),
                    partners: if relation == Relation::CoLeads {
                        others
                    } else {
                        Vec::new()
                    },
                    hedged,
                    cue: cue.clone(),
                    evidence,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (a.evidence, &a.holder, &a.relation, &a.target).cmp(&(
            b.evidence,
            &b.holder,
            &b.relation,
            &b.target,
        ))
    });
    out.dedup_by(|a, b| {
        a.evidence == b.evidence
            && a.holder == b.holder
            && a.relation == b.relation
            && a.target == b.target
    });
    out
}

/// What phrase `p` is the prevention of: "het voorkomen van onnodige
/// duplicatie" → "onnodige duplicatie", "preventing duplication" →
/// "duplication" (`Grammar::prevention`, after a determiner, before an
/// optional "van"/"of").
fn prevented<'p>(p: &'p str, g: &crate::analysis::grammar::Grammar) -> Option<&'p str> {
    /// The next word of `rest`, lower-cased, and what follows it.
    fn word(rest: &str) -> Option<(String, &str)> {
        let w = rest.split_whitespace().next()?;
        let at = rest.find(w)? + w.len();
        Some((w.to_lowercase(), rest[at..].trim_start()))
    }
    let (mut w, mut rest) = word(p)?;
    if has(g.determiners, &w) {
        (w, rest) = word(rest)?;
    }
    if !has(g.prevention, &w) {
        return None;
    }
    if let Some((next, after)) = word(rest)
        && matches!(next.as_str(), "van" | "of")
    {
        rest = after;
    }
    (!rest.is_empty()).then_some(rest)
}

/// Extracts positions as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Positions;

impl Extractor for Positions {
    fn name(&self) -> &'static str {
        "positions"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        Output {
            facts: positions(input).into_iter().map(Fact::Position).collect(),
            diagnostics: Vec::new(),
        }
    }
}
