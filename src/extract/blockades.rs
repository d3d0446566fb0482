//! Blockades: who blocks what, read from sentences with a blocking cue
//! ("wederzijdse blokkades", "stuitte op", "bemoeilijkt", "draagvlak …
//! ontoereikend"). A blockade is made only when the text names its blocker:
//! an actor, an issue, a group it describes without naming members, or a
//! cause; the graph never names a state the text does not. Negated cues
//! ("werpt vrijwel nooit blokkades op") make none; hedges ("soms",
//! "geregeld", "lijkt") are kept as qualifiers. Every cue is data in
//! `ontology/cues.ttl`.

use regex::Regex;

use super::{Blockade, Coined, Evidence, Extractor, Fact, Input, Output, Party};
use crate::lexicon::{EntityKind, Match, cues};
use crate::text::Sentence;

/// How many sentences back "dit vraagstuk" may refer.
const LOOK_BACK: usize = 3;
/// A coined label longer than this many words is cut.
const MAX_LABEL_WORDS: usize = 14;

struct Context<'a> {
    input: &'a Input<'a>,
    text: &'a str,
    sentences: Vec<&'a Sentence>,
    mentions: Vec<Match>,
    group: Option<Regex>,
    /// "omdat landen …": a bare group noun as the subject of a reason.
    bare_groups: Vec<(String, Regex)>,
    /// Noun phrases of a blocked kind ("samenwerking met …").
    blocked_phrases: Vec<Regex>,
}

impl<'a> Context<'a> {
    fn sentence_text(&self, i: usize) -> &'a str {
        let s = self.sentences[i];
        &self.text[s.start..s.end]
    }

    /// Mentions inside `[start, end)` of the normalised text.
    fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Match> {
        // The matcher gives mentions sorted by start and not overlapping.
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end)
    }

    fn kind(&self, entity: usize) -> Option<EntityKind> {
        self.input
            .lexicon
            .entities
            .get(entity)
            .and_then(|e| e.kind())
    }

    fn has_class(&self, entity: usize, class: &str) -> bool {
        self.input
            .lexicon
            .entities
            .get(entity)
            .is_some_and(|e| e.classes.iter().any(|c| c == class))
    }

    /// An issue named in the sentences before `i` (nearest first).
    fn issue_before(&self, i: usize) -> Option<(usize, usize)> {
        (i.saturating_sub(LOOK_BACK)..i).rev().find_map(|j| {
            let s = self.sentences[j];
            self.mentions_in(s.start, s.end)
                .find(|m| self.kind(m.entity) == Some(EntityKind::Issue))
                .map(|m| (j, m.entity))
        })
    }

    /// A group described without naming members, in `s`.
    fn group_in(&self, s: &str) -> Option<String> {
        self.group
            .as_ref()?
            .find(s)
            .map(|m| m.as_str().trim().to_owned())
    }
}

/// The regex of a described group: "individuele NAVO-bondgenoten en EU
/// lidstaten", "verschillende lidstaten".
pub(super) fn group_regex(qualifiers: &[String], nouns: &[String]) -> Option<Regex> {
    if qualifiers.is_empty() || nouns.is_empty() {
        return None;
    }
    let q = qualifiers
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|");
    let n = nouns
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|");
    let noun = format!(r"(?:[\p{{L}}-]+[ -])?(?:{n})");
    Regex::new(&format!(r"(?i)\b(?:{q})\s+{noun}(?:\s+en\s+{noun})?\b")).ok()
}

/// Trims a coined label: no leading article, no trailing punctuation, at
/// most [`MAX_LABEL_WORDS`] words.
pub(super) fn label(s: &str) -> String {
    let words: Vec<&str> = s
        .split_whitespace()
        .skip_while(|w| matches!(w.to_lowercase().as_str(), "de" | "het" | "een"))
        .take(MAX_LABEL_WORDS)
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':', ')', '('])
        .to_owned()
}

/// Splits "informatie-uitwisseling, inter-institutionele bijeenkomsten en
/// defensiesamenwerking" into its items.
fn list_items(s: &str) -> Vec<String> {
    let s = s.trim().trim_end_matches(['.', ';']);
    let mut items = Vec::new();
    for part in s.split(", ") {
        match part.rsplit_once(" en ") {
            Some((a, b)) => {
                items.push(label(a));
                items.push(label(b));
            }
            None => items.push(label(part)),
        }
    }
    items.retain(|i| !i.is_empty());
    items
}

fn is_blocker_entity(blockers: &[Party], e: usize) -> bool {
    blockers.contains(&Party::Entity(e))
}

fn starts_with_any(phrases: &[cues::Phrase], s: &str) -> bool {
    phrases
        .iter()
        .any(|p| p.find(s).is_some_and(|(start, _)| start == 0))
}

/// Finds the blockades of one document.
pub fn blockades(input: &Input<'_>) -> Vec<Blockade> {
    let n = &input.document.text;
    let cues = &input.lexicon.cues.blockades;
    let ctx = Context {
        input,
        text: &n.text,
        sentences: input
            .segmented
            .sentences
            .iter()
            .filter(|s| !s.heading && s.footnote.is_none() && s.end <= n.body_end)
            .collect(),
        mentions: input.lexicon.find(&n.text[..n.body_end]),
        group: group_regex(&cues.group_qualifiers, &cues.group_nouns),
        bare_groups: cues
            .group_nouns
            .iter()
            .filter_map(|noun| {
                let r = format!(r"(?i)\b(?:omdat|doordat)\s+{}\b", regex::escape(noun));
                Some((noun.clone(), Regex::new(&r).ok()?))
            })
            .collect(),
        blocked_phrases: cues
            .blocked_nouns
            .iter()
            .filter_map(|noun| {
                Regex::new(&format!(
                    r"(?i)[\p{{L}}-]*{}(?:\s+(?:met|tussen|op|in|van|bij)\s+[^,.;]+)?",
                    regex::escape(noun)
                ))
                .ok()
            })
            .collect(),
    };
    let mut out = Vec::new();
    // (sentence, issue) of the last blockade whose blocker is an issue.
    let mut previous_issue: Option<(usize, usize)> = None;
    for i in 0..ctx.sentences.len() {
        let s = ctx.sentences[i];
        let t = ctx.sentence_text(i);
        let Some((strength, (cue_start, cue_end))) = cues
            .cues
            .iter()
            .filter_map(|(strength, p)| p.find(t).map(|m| (strength, m)))
            .min_by_key(|(_, m)| m.0)
        else {
            continue;
        };
        if cues::any(&cues.negation, t) {
            continue;
        }
        let qualifiers: Vec<String> = cues
            .hedge
            .iter()
            .filter(|p| p.is_match(t))
            .map(|p| p.text.clone())
            .collect();
        // The sentence refers back: it opens with "Dit", or "dit"/"hier"
        // stands before the end of the cue ("Helaas stuitte dit op …",
        // "werkt dit vraagstuk door in …").
        let head = &t[..cue_end];
        let anaphoric =
            starts_with_any(&cues.anaphor, t) || cues.anaphor.iter().any(|p| p.is_match(head));
        // "dit vraagstuk", "deze kwestie": the reference is an issue.
        let issue_anaphor = cues
            .anaphor
            .iter()
            .filter(|p| p.text.split_whitespace().count() > 1)
            .any(|p| p.is_match(head));
        let mut first_sentence = i;
        let mut last_sentence = i;

        // Blockers.
        let mut blockers: Vec<Party> = Vec::new();
        let mut mutual = cues::any(&cues.mutual, t);
        let sides = cues
            .side_one
            .iter()
            .find_map(|p| p.find(t))
            .zip(cues.side_two.iter().find_map(|p| p.find(t)));
        if let Some(((one_start, one_end), (two_start, _))) = sides
            && two_start > one_end
        {
            let from = t[..one_start].rfind("tussen ").unwrap_or(0);
            let side = |a: usize, b: usize| -> Vec<usize> {
                ctx.mentions_in(s.start + a, s.start + b)
                    .filter(|m| ctx.kind(m.entity) == Some(EntityKind::Actor))
                    .map(|m| m.entity)
                    .collect()
            };
            let (a, b) = (side(from, one_start), side(one_end, two_start));
            if !a.is_empty() && !b.is_empty() {
                blockers.extend(a.into_iter().chain(b).map(Party::Entity));
                mutual = true;
            }
        }
        if blockers.is_empty()
            && issue_anaphor
            && let Some((j, issue)) = ctx.issue_before(i)
        {
            blockers.push(Party::Entity(issue));
            first_sentence = j;
        }
        if blockers.is_empty() {
            let group = ctx.group_in(t).or_else(|| {
                (anaphoric && i > 0)
                    .then(|| ctx.group_in(ctx.sentence_text(i - 1)))
                    .flatten()
                    .inspect(|_| first_sentence = i - 1)
            });
            if let Some(g) = group {
                blockers.push(Party::Coined(Coined::Group, label(&g)));
            }
        }
        if blockers.is_empty()
            && let Some((noun, _)) = ctx
                .bare_groups
                .iter()
                .find(|(_, r)| r.is_match(&t[cue_end..]))
        {
            blockers.push(Party::Coined(Coined::Group, noun.clone()));
        }
        if blockers.is_empty()
            && let Some((_, end)) = cues
                .cause_marker
                .iter()
                .filter_map(|p| p.find(&t[cue_end..]))
                .min_by_key(|m| m.0)
        {
            let cause = label(&t[cue_end + end..]);
            if !cause.is_empty() {
                blockers.push(Party::Coined(Coined::Issue, cause));
            }
        }
        if blockers.is_empty() && i + 1 < ctx.sentences.len() {
            let next = ctx.sentence_text(i + 1);
            if starts_with_any(&cues.anaphor, next)
                && let Some((_, end)) = cues.cause_forward.iter().find_map(|p| p.find(next))
            {
                let cause = label(&next[end..]);
                if !cause.is_empty() {
                    blockers.push(Party::Coined(Coined::Issue, cause));
                    last_sentence = i + 1;
                }
            }
        }
        if blockers.is_empty() {
            // An obstacle named as the subject: its first clause.
            let clause_end = t[..cue_start].find(',').unwrap_or(cue_start);
            if cues.obstacle.iter().any(|p| p.is_match(&t[..clause_end])) {
                let obstacle = label(&t[..clause_end]);
                if !obstacle.is_empty() {
                    blockers.push(Party::Coined(Coined::Issue, obstacle));
                }
            }
        }
        if blockers.is_empty() {
            blockers.extend(
                ctx.mentions_in(s.start, s.start + cue_start)
                    .filter(|m| ctx.has_class(m.entity, "State"))
                    .map(|m| Party::Entity(m.entity)),
            );
        }
        if blockers.is_empty() {
            continue;
        }

        // A cause after the cue ("als gevolg van de Cypruskwestie") is the
        // reason, not what is blocked.
        let cause_at = cues
            .cause_marker
            .iter()
            .filter_map(|p| p.find(&t[cue_end..]))
            .map(|m| cue_end + m.0)
            .min()
            .unwrap_or(t.len());
        let cause_issue = ctx
            .mentions_in(s.start + cause_at, s.end)
            .find(|m| ctx.kind(m.entity) == Some(EntityKind::Issue))
            .map(|m| m.entity);
        blockers.sort();
        blockers.dedup();

        // What is blocked.
        let mut blocked: Vec<Party> = Vec::new();
        if let Some((_, end)) = cues
            .area_intro
            .iter()
            .filter_map(|p| p.find(t))
            .max_by_key(|m| m.1)
        {
            blocked.extend(
                list_items(&t[end..])
                    .into_iter()
                    .map(|l| Party::Coined(Coined::Initiative, l)),
            );
        }
        let is_blocker = |e: usize| is_blocker_entity(&blockers, e) || cause_issue == Some(e);
        let objects = |start: usize, end: usize| -> Vec<Party> {
            let mut v: Vec<Party> = ctx
                .mentions_in(start, end)
                .filter(|m| {
                    matches!(
                        ctx.kind(m.entity),
                        Some(EntityKind::Instrument | EntityKind::Issue)
                    ) && !is_blocker(m.entity)
                })
                .map(|m| Party::Entity(m.entity))
                .collect();
            v.dedup();
            v
        };
        if blocked.is_empty() {
            blocked = objects(s.start + cue_end, s.start + cause_at);
        }
        if blocked.is_empty() {
            blocked = objects(s.start, s.end);
        }
        if blocked.is_empty() {
            // "concrete veiligheidssamenwerking met …": a noun phrase of a
            // blocked kind, before the cue or after it, never across it.
            let phrase = |part: &str| {
                ctx.blocked_phrases
                    .iter()
                    .find_map(|r| r.find(part).map(|m| label(m.as_str())))
            };
            if let Some(noun) = phrase(&t[..cue_start]).or_else(|| phrase(&t[cue_end..])) {
                blocked.push(Party::Coined(Coined::Initiative, noun));
            } else if anaphoric && i > 0 {
                // "Nederland stelde een dialoog tussen EDA en NSPA voor.
                // Helaas stuitte dit op …"
                if let Some(noun) = phrase(ctx.sentence_text(i - 1)) {
                    blocked.push(Party::Coined(Coined::Initiative, noun));
                    first_sentence = first_sentence.min(i - 1);
                }
            }
        }
        if blocked.is_empty() && anaphoric {
            // What a sentence before proposed: an instrument, an issue, or
            // a body ("een Europese Veiligheidsraad").
            for j in (i.saturating_sub(LOOK_BACK)..i).rev() {
                let p = ctx.sentences[j];
                blocked = objects(p.start, p.end);
                if blocked.is_empty() {
                    blocked = ctx
                        .mentions_in(p.start, p.end)
                        .filter(|m| ctx.has_class(m.entity, "Body") && !is_blocker(m.entity))
                        .map(|m| Party::Entity(m.entity))
                        .collect();
                }
                if !blocked.is_empty() {
                    first_sentence = first_sentence.min(j);
                    break;
                }
            }
        }
        if blocked.is_empty() {
            continue;
        }
        // The issue behind a blockade that refers back to it ("leidt dit
        // geregeld tot wederzijdse blokkades").
        let blocker_is_issue = blockers
            .iter()
            .any(|b| matches!(b, Party::Entity(e) if ctx.kind(*e) == Some(EntityKind::Issue)));
        let reason = if let Some(e) = cause_issue.filter(|e| !is_blocker_entity(&blockers, *e)) {
            Some(Party::Entity(e))
        } else if anaphoric && !blocker_is_issue {
            // The issue that blocked in the sentence before, else the
            // nearest issue named before.
            previous_issue
                .filter(|(j, _)| *j + 1 == i)
                .or_else(|| ctx.issue_before(i))
                .map(|(j, e)| {
                    first_sentence = first_sentence.min(j);
                    Party::Entity(e)
                })
        } else {
            None
        };
        blocked.sort();
        blocked.dedup();
        if let Some(Party::Entity(e)) = blockers
            .iter()
            .find(|b| matches!(b, Party::Entity(e) if ctx.kind(*e) == Some(EntityKind::Issue)))
        {
            previous_issue = Some((i, *e));
        }
        let evidence = Evidence {
            start: ctx.sentences[first_sentence].start,
            end: ctx.sentences[last_sentence].end,
        };
        for b in &blockers {
            for x in &blocked {
                if b == x {
                    continue;
                }
                out.push(Blockade {
                    blocker: b.clone(),
                    blocked: x.clone(),
                    strength: strength.clone(),
                    mutual,
                    qualifiers: qualifiers.clone(),
                    reason: reason.clone(),
                    evidence,
                });
            }
        }
    }
    out
}

/// Extracts blockades as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Blockades;

impl Extractor for Blockades {
    fn name(&self) -> &'static str {
        "blockades"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        Output {
            facts: blockades(input).into_iter().map(Fact::Blockade).collect(),
            diagnostics: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_labels_are_cut_cleanly() {
        assert_eq!(
            list_items(
                " informatie-uitwisseling, inter-institutionele bijeenkomsten en defensiesamenwerking."
            ),
            vec![
                "informatie-uitwisseling",
                "inter-institutionele bijeenkomsten",
                "defensiesamenwerking"
            ]
        );
        assert_eq!(
            label("de verschillende samenstelling."),
            "verschillende samenstelling"
        );
        let g = group_regex(
            &["individuele".into(), "verschillende".into()],
            &["lidstaten".into(), "bondgenoten".into()],
        )
        .unwrap();
        assert_eq!(
            g.find("gevoeligheden tussen individuele NAVO-bondgenoten en EU lidstaten.")
                .map(|m| m.as_str()),
            Some("individuele NAVO-bondgenoten en EU lidstaten")
        );
    }
}
