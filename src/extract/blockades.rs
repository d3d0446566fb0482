//! Blockades: who blocks what, read from the events of the Blocking frame
//! (`ontology/frames.ttl`: verbs such as blokkeren, tegenhouden,
//! verhinderen, block, hold up; nouns such as blokkade, veto, bezwaar,
//! obstacle; expressions such as "in de weg staan", "stand in the way").
//!
//! The blocker is the role the lexical unit names (subject, "door"/"by"
//! phrase, genitive, demonym) and must be named by the text: an actor, a
//! group it describes without naming members, or a cause in the agent
//! phrase of a passive ("bemoeilijkt door X", coined as an issue). Where
//! the sentence names no blocker, three constructions of the language may
//! name it: "tussen A enerzijds en B anderzijds" after a blocking noun
//! (mutual), a described group the blocking arises from, and "Dit hangt
//! samen met X" in the next sentence. What is blocked is the unit's theme,
//! the items after "op het gebied van", or — when the theme is "dit" —
//! what the sentence before names. Negated events make none; hedges are
//! kept as qualifiers. Nothing named, nothing made.

use super::{Blockade, Coined, Evidence, Extractor, Fact, Input, Output, Party};
use crate::analysis::document::SentenceAnalysis;
use crate::analysis::frames::{FrameKind, Relation, Strength};
use crate::analysis::{Event, Filler};
use crate::lexicon::EntityKind;

/// How many sentences back "dit vraagstuk" may refer.
const LOOK_BACK: usize = 3;
/// How many sentences back within one paragraph.
const PARAGRAPH_BACK: usize = 8;
/// A coined label longer than this many words is cut.
const MAX_LABEL_WORDS: usize = 14;

/// Trims a coined label: no leading article, no trailing punctuation, at
/// most [`MAX_LABEL_WORDS`] words.
pub(super) fn label(s: &str) -> String {
    let words: Vec<&str> = s
        .split_whitespace()
        .skip_while(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "de" | "het" | "een" | "the" | "a" | "an"
            )
        })
        .take(MAX_LABEL_WORDS)
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':', ')', '('])
        .to_owned()
}

/// The regex of a described group: "individuele NAVO-bondgenoten en EU
/// lidstaten", "verschillende lidstaten".
pub(super) fn group_regex(qualifiers: &[String], nouns: &[String]) -> Option<regex::Regex> {
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
    regex::Regex::new(&format!(
        r"(?i)\b(?:{q})\s+{noun}(?:\s+(?:en|and)\s+{noun})?\b"
    ))
    .ok()
}

/// Splits "informatie-uitwisseling, inter-institutionele bijeenkomsten en
/// defensiesamenwerking" into its items.
fn list_items(s: &str) -> Vec<String> {
    let s = s.trim().trim_end_matches(['.', ';']);
    let mut items = Vec::new();
    for part in s.split(", ") {
        match part
            .rsplit_once(" en ")
            .or_else(|| part.rsplit_once(" and "))
        {
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

fn party(f: &Filler, cause: bool, agent: bool) -> Party {
    match f {
        Filler::Entity(e) => Party::Entity(*e),
        Filler::Group(g) => Party::Coined(Coined::Group, label(g)),
        Filler::Phrase(p) if agent && cause => Party::Coined(Coined::Issue, label(p)),
        Filler::Phrase(p) => Party::Coined(Coined::Initiative, label(p)),
    }
}

struct Ctx<'a> {
    input: &'a Input<'a>,
    text: &'a str,
    /// A described group ("verschillende lidstaten"), compiled once.
    group: Option<regex::Regex>,
}

impl Ctx<'_> {
    fn sentence(&self, i: usize) -> &SentenceAnalysis {
        &self.input.analysis.sentences[i]
    }

    fn sentence_text(&self, i: usize) -> &str {
        let s = self.sentence(i);
        &self.text[s.start..s.end]
    }

    fn kind(&self, entity: usize) -> Option<EntityKind> {
        self.input
            .lexicon
            .entities
            .get(entity)
            .and_then(|e| e.kind())
    }

    fn is_actor(&self, e: usize) -> bool {
        self.kind(e) == Some(EntityKind::Actor)
    }

    /// Lower-case words of sentence `i`.
    fn words(&self, i: usize) -> Vec<&str> {
        self.sentence(i)
            .tokens
            .iter()
            .map(|t| t.lower.as_str())
            .collect()
    }

    /// The position of `phrase` (lower-case words) in sentence `i`, after token `from`.
    fn find(&self, i: usize, from: usize, phrase: &str) -> Option<usize> {
        let words = self.words(i);
        let p: Vec<&str> = phrase.split_whitespace().collect();
        (from..words.len()).find(|&k| words[k..].starts_with(&p))
    }

    /// "tussen A enerzijds en B anderzijds" after token `from`: the actors
    /// of each side.
    fn sides(&self, i: usize, from: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        let cues = &self.input.lexicon.cues.blockades;
        let s = self.sentence(i);
        let one = cues
            .side_one
            .iter()
            .find_map(|p| self.find(i, from, &p.text.to_lowercase()))?;
        let two = cues
            .side_two
            .iter()
            .find_map(|p| self.find(i, one + 1, &p.text.to_lowercase()))?;
        let between = (from..one)
            .rev()
            .find(|&k| matches!(s.tokens[k].lower.as_str(), "tussen" | "between"))?;
        let actors = |a: usize, b: usize| -> Vec<usize> {
            s.mentions
                .iter()
                .filter(|m| m.first > a && m.last < b && !m.partial && self.is_actor(m.entity))
                .map(|m| m.entity)
                .collect()
        };
        let (a, b) = (actors(between, one), actors(one, two));
        (!a.is_empty() && !b.is_empty()).then_some((a, b))
    }

    /// The items after "op het gebied van" in sentence `i`, after token `from`.
    fn areas(&self, i: usize, from: usize) -> Vec<Party> {
        let cues = &self.input.lexicon.cues.blockades;
        let s = self.sentence(i);
        let Some(at) = cues
            .area_intro
            .iter()
            .filter_map(|p| {
                let words = p.text.split_whitespace().count();
                self.find(i, from, &p.text.to_lowercase())
                    .map(|k| k + words)
            })
            .max()
        else {
            return Vec::new();
        };
        let Some(start) = s.tokens.get(at).map(|t| t.start) else {
            return Vec::new();
        };
        list_items(&self.text[start..s.end])
            .into_iter()
            .map(|l| Party::Coined(Coined::Initiative, l))
            .collect()
    }

    /// A group described without naming members in sentence `i`.
    fn group(&self, i: usize) -> Option<String> {
        self.group
            .as_ref()?
            .find(self.sentence_text(i))
            .map(|m| label(m.as_str()))
    }

    /// The cause the next sentence names: "Dit hangt samen met X".
    fn cause_forward(&self, i: usize) -> Option<String> {
        let next = i + 1;
        let n = self.input.analysis.sentences.get(next)?;
        if n.index != self.sentence(i).index + 1 || !n.body {
            return None;
        }
        let cues = &self.input.lexicon.cues.blockades;
        let opens = cues
            .anaphor
            .iter()
            .any(|p| self.words(next).first() == Some(&p.text.to_lowercase().as_str()));
        if !opens {
            return None;
        }
        let t = self.sentence_text(next);
        let (_, end) = cues.cause_forward.iter().find_map(|p| p.find(t))?;
        let cause = label(&t[end..]);
        (!cause.is_empty()).then_some(cause)
    }

    /// What the sentences before `i` name that can be blocked: instruments
    /// and issues, else a body ("een Europese Veiligheidsraad").
    fn named_before(
        &self,
        i: usize,
        before: usize,
        exclude: &[Party],
    ) -> Option<(usize, Vec<Party>)> {
        // The clauses before the unit's own in this sentence ("Toen
        // Nederland … voorstelde, stuitte dit op …"), then the sentences before.
        for j in (i.saturating_sub(LOOK_BACK)..=i).rev() {
            let s = self.sentence(j);
            if !s.body {
                continue;
            }
            let limit = if j == i { before } else { usize::MAX };
            let pick = |want: &dyn Fn(usize) -> bool| -> Vec<Party> {
                let mut v: Vec<Party> = s
                    .mentions
                    .iter()
                    .filter(|m| m.last < limit && !m.partial && want(m.entity))
                    .map(|m| Party::Entity(m.entity))
                    .filter(|p| !exclude.contains(p))
                    .collect();
                v.dedup();
                v
            };
            let mut found = pick(&|e| {
                matches!(
                    self.kind(e),
                    Some(EntityKind::Instrument | EntityKind::Issue)
                )
            });
            if found.is_empty() {
                found = pick(&|e| {
                    self.input
                        .lexicon
                        .entities
                        .get(e)
                        .is_some_and(|x| x.classes.iter().any(|c| c == "Body"))
                });
            }
            if !found.is_empty() {
                return Some((j, found));
            }
        }
        None
    }

    /// An issue named in the sentences before `i` in its paragraph (or
    /// the [`LOOK_BACK`] sentences before it, when the paragraph is short).
    fn issue_before(&self, i: usize) -> Option<(usize, usize)> {
        let block = self.sentence(i).block;
        let mut from = i.saturating_sub(LOOK_BACK);
        while from > 0 && self.sentence(from - 1).block == block && i - from < PARAGRAPH_BACK {
            from -= 1;
        }
        // The paragraph's topic: the issue it names first.
        (from..i).find_map(|j| {
            self.sentence(j)
                .mentions
                .iter()
                .find(|m| self.kind(m.entity) == Some(EntityKind::Issue))
                .map(|m| (j, m.entity))
        })
    }

    /// Whether the event's sentence refers back ("dit", "deze", "hier").
    fn anaphoric(&self, e: &Event) -> bool {
        let cues = &self.input.lexicon.cues.blockades;
        let words = self.words(e.sentence);
        let head = e.tokens.iter().copied().max().unwrap_or(0);
        cues.anaphor.iter().any(|p| {
            let p = p.text.to_lowercase();
            let pw: Vec<&str> = p.split_whitespace().collect();
            (0..=head.min(words.len())).any(|k| words[k..].starts_with(&pw))
        })
    }
}

/// Finds the blockades of one document.
pub fn blockades(input: &Input<'_>) -> Vec<Blockade> {
    let cues = &input.lexicon.cues.blockades;
    let ctx = Ctx {
        input,
        text: &input.document.text.text,
        group: group_regex(&cues.group_qualifiers, &cues.group_nouns),
    };
    let units = &input.lexicon.frames.units;
    let mut out = Vec::new();
    for e in input.events {
        let unit = &units[e.unit];
        if unit.kind != FrameKind::Relation(Relation::Blocks) || e.negated {
            continue;
        }
        let i = e.sentence;
        let head = e.tokens.first().copied().unwrap_or(0);
        let mut first_sentence = i;
        let mut last_sentence = i;
        let mut mutual = cues.mutual.iter().any(|p| p.is_match(ctx.sentence_text(i)));

        // Blockers.
        let mut blockers: Vec<Party> = e
            .agents
            .iter()
            .map(|a| match (&unit.issue_label, &a.filler) {
                // "het gebrek aan luchttransport": the lack hinders.
                (Some(words), Filler::Phrase(p)) if e.cause => {
                    Party::Coined(Coined::Issue, label(&format!("{words} {}", label(p))))
                }
                _ => party(&a.filler, e.cause, true),
            })
            .collect();
        for a in &e.agents {
            first_sentence = first_sentence.min(a.sentence);
        }
        // Each side's parties block the other side's.
        let mut counterparts: Vec<(Party, Vec<Party>)> = Vec::new();
        if blockers.is_empty()
            && let Some((one, two)) = ctx.sides(i, head)
        {
            let parties = |v: &[usize]| v.iter().copied().map(Party::Entity).collect::<Vec<_>>();
            let (one, two) = (parties(&one), parties(&two));
            for p in &one {
                counterparts.push((p.clone(), two.clone()));
            }
            for p in &two {
                counterparts.push((p.clone(), one.clone()));
            }
            blockers = one.into_iter().chain(two).collect();
            mutual = true;
        }
        if blockers.is_empty()
            && let Some(g) = ctx.group(i)
        {
            blockers.push(Party::Coined(Coined::Group, g));
        }
        if blockers.is_empty()
            && let Some(cause) = ctx.cause_forward(i)
        {
            blockers.push(Party::Coined(Coined::Issue, cause));
            last_sentence = i + 1;
        }
        if blockers.is_empty() {
            continue;
        }
        blockers.sort();
        blockers.dedup();

        // What is blocked.
        let mut blocked: Vec<Party> = ctx.areas(i, head);
        if blocked.is_empty() {
            blocked = e
                .themes
                .iter()
                .map(|t| party(&t.filler, false, false))
                .collect();
            for t in &e.themes {
                first_sentence = first_sentence.min(t.sentence);
            }
        }
        let refers_back = ctx.anaphoric(e);
        // An issue named as the cause ("als gevolg van de Cypruskwestie") is
        // the reason, never what is blocked.
        let cause_at = cues
            .cause_marker
            .iter()
            .filter_map(|p| ctx.find(i, head, &p.text.to_lowercase()))
            .min();
        let s = ctx.sentence(i);
        let cause_issue = cause_at.and_then(|at| {
            s.mentions
                .iter()
                .find(|m| m.first > at && ctx.kind(m.entity) == Some(EntityKind::Issue))
                .map(|m| Party::Entity(m.entity))
        });
        let clause_first = s.clause_of(head).map_or(0, |c| c.first);
        if blocked.is_empty() && refers_back {
            let mut exclude = blockers.clone();
            exclude.extend(cause_issue.clone());
            if let Some((j, found)) = ctx.named_before(i, clause_first, &exclude) {
                blocked = found;
                first_sentence = first_sentence.min(j);
            }
        }
        blocked.retain(|b| !blockers.contains(b));
        if blocked.is_empty() {
            continue;
        }
        blocked.sort();
        blocked.dedup();

        // The issue behind it: named in a cause phrase of the sentence, or
        // the one the sentence refers back to.
        let blocker_is_issue = blockers
            .iter()
            .any(|b| matches!(b, Party::Entity(x) if ctx.kind(*x) == Some(EntityKind::Issue)));
        let reason = cause_issue
            .filter(|r| !blockers.contains(r) && !blocked.contains(r))
            .or_else(|| {
                (refers_back && !blocker_is_issue)
                    .then(|| ctx.issue_before(i))
                    .flatten()
                    .map(|(j, x)| {
                        first_sentence = first_sentence.min(j);
                        Party::Entity(x)
                    })
                    .filter(|r| !blockers.contains(r) && !blocked.contains(r))
            });
        let evidence = Evidence {
            start: ctx.sentence(first_sentence).start,
            end: ctx.sentence(last_sentence).end,
        };
        let strength = unit.strength.unwrap_or(Strength::Blocks);
        for b in &blockers {
            for x in &blocked {
                out.push(Blockade {
                    blocker: b.clone(),
                    blocked: x.clone(),
                    strength,
                    mutual,
                    counterparts: counterparts
                        .iter()
                        .find(|(p, _)| p == b)
                        .map(|(_, c)| c.clone())
                        .unwrap_or_default(),
                    qualifiers: e.hedges.clone(),
                    reason: reason.clone(),
                    evidence,
                });
            }
        }
    }
    // One blockade per blocker, blocked item and evidence.
    out.sort_by(|a, b| {
        (a.evidence, &a.blocker, &a.blocked, &a.strength).cmp(&(
            b.evidence,
            &b.blocker,
            &b.blocked,
            &b.strength,
        ))
    });
    out.dedup_by(|a, b| {
        a.evidence == b.evidence && a.blocker == b.blocker && a.blocked == b.blocked
    });
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
    }
}
