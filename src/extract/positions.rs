//! Positions: what an actor supports, opposes, proposes, leads or co-leads,
//! takes part in, cooperates with, or is a member of, read from sentences
//! with a position cue ("is voorstander van", "zet zich in voor", "neemt het
//! voortouw (samen met …) op het gebied van …", "onder leiding van").
//!
//! A position is made only when the sentence names its holder as an actor;
//! the target is what the cue governs: the entities it names first (one
//! position each in a coordinated list), else its noun phrase, coined as an
//! initiative with the text's words. "respectievelijk" pairs holders and
//! targets in order. Every cue is data in `ontology/cues.ttl`.

use regex::Regex;

use super::blockades::{group_regex, label};
use super::{Coined, Evidence, Extractor, Fact, Input, Output, Party, Position};
use crate::lexicon::cues::{PositionCue, PositionCues};
use crate::lexicon::{EntityKind, Match};

/// At most this many words between a subject and its cue.
const SUBJECT_GAP_WORDS: usize = 4;
/// At most this many words before the subject that opens a sentence
/// ("4.", "Ook", "Daarnaast").
const SENTENCE_OPENING_WORDS: usize = 2;
/// Articles skipped between a verb and an inverted subject.
const ARTICLES: [&str; 3] = ["de", "het", "een"];
/// The IRI of `pkg:leads` and `pkg:coLeads`.
const LEADS: &str = "https://w3id.org/policykg/def#leads";
const CO_LEADS: &str = "https://w3id.org/policykg/def#coLeads";

/// One cue found in a sentence (byte offsets in the sentence).
#[derive(Clone, Copy, Debug)]
struct Found<'c> {
    cue: &'c PositionCue,
    start: usize,
    end: usize,
}

/// The cues of a sentence, longest first where they overlap, in text order.
fn found<'c>(cues: &'c PositionCues, t: &str) -> Vec<Found<'c>> {
    let mut all: Vec<Found<'c>> = cues
        .cues
        .iter()
        .flat_map(|cue| {
            cue.phrase
                .find_all(t)
                .into_iter()
                .map(move |(start, end)| Found { cue, start, end })
        })
        .collect();
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Found<'c>> = Vec::new();
    for f in all {
        if kept.iter().all(|k| f.end <= k.start || f.start >= k.end) {
            kept.push(f);
        }
    }
    kept.retain(|f| {
        !cues.negation.iter().any(|n| {
            n.find_all(t).into_iter().any(|(ns, ne)| {
                let overlaps = ns < f.end && ne > f.start;
                let inside = ns >= f.start && ne <= f.end;
                overlaps && !inside
            })
        })
    });
    kept.sort_by_key(|f| f.start);
    kept
}

/// The words of `s`, lower-cased.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

struct Sentence<'a> {
    input: &'a Input<'a>,
    cues: &'a PositionCues,
    area_intro: &'a [crate::lexicon::cues::Phrase],
    t: &'a str,
    /// Mentions of the sentence, offsets relative to it.
    mentions: Vec<Match>,
    /// A group described without naming members ("verschillende lidstaten").
    group: Option<&'a Regex>,
    /// (lower-case demonym, entity).
    demonyms: &'a [(String, usize)],
}

impl Sentence<'_> {
    fn kind(&self, entity: usize) -> Option<EntityKind> {
        self.input
            .lexicon
            .entities
            .get(entity)
            .and_then(|e| e.kind())
    }

    fn is_actor(&self, m: &Match) -> bool {
        self.kind(m.entity) == Some(EntityKind::Actor)
    }

    /// True when the word before `at` (articles skipped) is a preposition.
    fn after_preposition(&self, at: usize) -> bool {
        words(&self.t[..at])
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find(|w| !ARTICLES.contains(&w.as_str()))
            .is_some_and(|w| self.cues.prepositions.contains(&w))
    }

    /// True when `s` holds only whitespace and articles.
    fn only_articles(s: &str) -> bool {
        !s.contains([',', '(', ')', ';', ':']) && words(s).all(|w| ARTICLES.contains(&w.as_str()))
    }

    /// Actors coordinated with the one at index `i` of `mentions` ("Frankrijk
    /// en Duitsland"), walking back, then `i` itself.
    fn coordinated_before(&self, i: usize) -> Vec<usize> {
        let mut out = vec![self.mentions[i].entity];
        let mut j = i;
        while j > 0 {
            let (p, m) = (&self.mentions[j - 1], &self.mentions[j]);
            let between = self.t[p.end..m.start].trim();
            let joins = matches!(between, "," | "en" | "of" | "en de" | "en het" | ", de");
            if !self.is_actor(p) || !joins {
                break;
            }
            out.push(p.entity);
            j -= 1;
        }
        out.reverse();
        out
    }

    /// The holders of an active cue: the subject right before it, an
    /// inverted subject right after its first word, else the nearest actor
    /// before it. Returns the holders and where the holder ends when it
    /// stands after the cue's start.
    fn holders(&self, f: &Found<'_>) -> (Vec<Party>, Option<usize>) {
        let (h, end) = self.holder_entities(f);
        if !h.is_empty() || f.cue.nominal {
            return (h.into_iter().map(Party::Entity).collect(), end);
        }
        (self.group_before(f).into_iter().collect(), None)
    }

    /// "Het Nederlandse initiatief om", "de Nederlandse co-lead rol": a
    /// demonym right before the cue.
    fn demonym_before(&self, f: &Found<'_>) -> Option<usize> {
        let last = words(&self.t[..f.start]).last()?;
        self.demonyms
            .iter()
            .find(|(d, _)| *d == last)
            .map(|(_, e)| *e)
            .filter(|_| self.t[..f.start].trim_end().len() + 1 >= f.start)
    }

    /// A described group as the subject right before the cue.
    fn group_before(&self, f: &Found<'_>) -> Option<Party> {
        let g = self.group?.find_iter(&self.t[..f.start]).last()?;
        let between = &self.t[g.end()..f.start];
        (!between.contains([',', ';', '(', ')', ':'])
            && words(between).count() <= SUBJECT_GAP_WORDS
            && !self.after_preposition(g.start()))
        .then(|| Party::Coined(Coined::Group, label(g.as_str())))
    }

    fn holder_entities(&self, f: &Found<'_>) -> (Vec<usize>, Option<usize>) {
        if let Some(e) = self.demonym_before(f) {
            return (vec![e], None);
        }
        if f.cue.nominal {
            return (Vec::new(), None);
        }
        // A described group right before the cue is the subject, even when
        // it holds a name ("verschillende lidstaten").
        if self.group_before(f).is_some() {
            return (Vec::new(), None);
        }
        // The subject right before the cue.
        if let Some(i) = self.mentions.iter().rposition(|m| {
            m.end <= f.start
                && self.is_actor(m)
                && !self.t[m.end..f.start].contains([',', ';', '(', ')', ':'])
                && words(&self.t[m.end..f.start]).count() <= SUBJECT_GAP_WORDS
                && !self.after_preposition(m.start)
        }) {
            return (self.coordinated_before(i), None);
        }
        // A relative clause ("een versterkt MPCC, dat nauw samenwerkt met"):
        // its antecedent, when that is an actor, else no holder.
        if let Some(at) = self
            .cues
            .relative
            .iter()
            .filter_map(|r| self.t[..f.start].rfind(r.as_str()))
            .max()
        {
            return match self.mentions.iter().rev().find(|m| m.end <= at) {
                Some(m) if self.is_actor(m) && words(&self.t[m.end..at]).count() == 0 => {
                    (vec![m.entity], None)
                }
                _ => (Vec::new(), None),
            };
        }
        // The verb first, then the subject ("ondersteunt Nederland").
        let first_word_end = self.t[f.start..f.end]
            .find(char::is_whitespace)
            .map_or(f.end, |i| f.start + i);
        if let Some(m) = self.mentions.iter().find(|m| {
            m.start >= first_word_end
                && self.is_actor(m)
                && Self::only_articles(&self.t[first_word_end..m.start])
        }) {
            return (vec![m.entity], Some(m.end));
        }
        // The subject that opens the sentence, for a cue in a later clause
        // ("Het kabinet ziet … en zal blijven inzetten op …").
        if let Some(i) = self
            .mentions
            .iter()
            .position(|m| m.end <= f.start && self.is_actor(m))
            && words(&self.t[..self.mentions[i].start]).count() <= SENTENCE_OPENING_WORDS
            && !self.after_preposition(self.mentions[i].start)
        {
            let mut holders = vec![self.mentions[i].entity];
            // "Frankrijk en Duitsland …".
            let mut j = i;
            while let Some(next) = self.mentions.get(j + 1)
                && next.end <= f.start
                && self.is_actor(next)
                && matches!(
                    self.t[self.mentions[j].end..next.start].trim(),
                    "," | "en" | "en de" | "en het"
                )
            {
                holders.push(next.entity);
                j += 1;
            }
            return (holders, None);
        }
        (Vec::new(), None)
    }

    /// Where the target phrase that opens at `from` ends.
    fn clause_end(&self, from: usize, limit: usize) -> usize {
        self.cues
            .clause_end
            .iter()
            .filter_map(|c| self.t[from..limit].find(c.as_str()).map(|i| from + i))
            .min()
            .unwrap_or(limit)
    }

    /// Skips the words a target phrase opens with ("voor een", "op het
    /// gebied van").
    fn skip_intro(&self, mut at: usize, limit: usize) -> usize {
        loop {
            let rest = &self.t[at..limit];
            let trimmed = rest.trim_start();
            at += rest.len() - trimmed.len();
            if let Some((s, e)) = self.area_intro.iter().find_map(|p| p.find(trimmed))
                && s == 0
            {
                at += e;
                continue;
            }
            if let Some((s, e)) = self.cues.respectively.iter().find_map(|p| p.find(trimmed))
                && s == 0
            {
                at += e;
                continue;
            }
            let word_end = trimmed
                .find(|c: char| c.is_whitespace())
                .unwrap_or(trimmed.len());
            let word = trimmed[..word_end].to_lowercase();
            if word_end > 0 && self.cues.target_intro.contains(&word) {
                at += word_end;
                continue;
            }
            return at;
        }
    }

    /// The targets of the phrase `[from, limit)`: the entities it opens
    /// with (a coordinated list), the entities after "als"/"zoals" in it,
    /// else the phrase itself, coined.
    fn targets(&self, from: usize, limit: usize, exclude: &[usize]) -> Vec<Party> {
        if from >= limit {
            return Vec::new();
        }
        let start = self.skip_intro(from, limit);
        if start >= limit {
            return Vec::new();
        }
        let end = self.clause_end(start, limit);
        let inside: Vec<&Match> = self
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end && !exclude.contains(&m.entity))
            .collect();
        let chain = |first: usize| -> Vec<Party> {
            let mut out = vec![Party::Entity(inside[first].entity)];
            for w in inside[first..].windows(2) {
                let between = self.t[w[0].end..w[1].start].trim();
                let joins = words(between).all(|w| {
                    matches!(
                        w.as_str(),
                        "en" | "of" | "als" | "de" | "het" | "zowel" | "-"
                    )
                }) && !between.contains(['(', ')'])
                    && (between.contains(',')
                        || words(between).any(|w| matches!(w.as_str(), "en" | "of" | "als")));
                if !joins {
                    break;
                }
                out.push(Party::Entity(w[1].entity));
            }
            out.dedup();
            out
        };
        if inside.first().is_some_and(|m| m.start == start) {
            return chain(0);
        }
        // "EU-instrumenten als SAFE en EDIP".
        let examples = [" als ", " zoals "]
            .iter()
            .filter_map(|k| self.t[start..end].find(k).map(|i| start + i + k.len()))
            .min();
        if let Some(at) = examples
            && let Some(first) = inside.iter().position(|m| {
                m.start >= at && !self.is_actor(m) && Self::only_articles(&self.t[at..m.start])
            })
            && inside[first].start >= at
        {
            return chain(first);
        }
        let mut coined = label(&self.t[start..end]);
        // "versterking van, en …": no dangling preposition or conjunction.
        while let Some((head, last)) = coined.rsplit_once(' ')
            && (self.cues.target_intro.contains(&last.to_lowercase())
                || matches!(last, "en" | "of" | "tussen"))
        {
            coined = head.trim_end_matches([',', ';']).to_owned();
        }
        // A pronoun ("dit", "hiervoor") names nothing.
        let w: Vec<String> = words(&coined).collect();
        if let [only] = w.as_slice()
            && (self.cues.deictic.contains(only) || only.chars().count() < 4)
        {
            return Vec::new();
        }
        if coined.is_empty() {
            return Vec::new();
        }
        vec![Party::Coined(Coined::Initiative, coined)]
    }

    /// Partner groups after `from`: ("samen met A en B") and the area that
    /// follows each ("op het gebied van X").
    fn partner_groups(&self, from: usize, cue_end: Option<usize>) -> Vec<PartnerGroup> {
        let mut marks: Vec<(usize, usize)> = self
            .cues
            .partner
            .iter()
            .flat_map(|p| p.find_all(&self.t[from..]))
            .map(|(s, e)| (from + s, from + e))
            .filter(|(_, e)| Some(*e) != cue_end)
            .collect();
        marks.sort();
        let mut out = Vec::new();
        for (k, &(_, mark_end)) in marks.iter().enumerate() {
            let next = marks.get(k + 1).map_or(self.t.len(), |m| m.0).max(mark_end);
            let group_end = self.t[mark_end..next]
                .find(')')
                .map(|i| mark_end + i)
                .or_else(|| {
                    self.area_intro
                        .iter()
                        .filter_map(|p| p.find(&self.t[mark_end..next]))
                        .map(|(s, _)| mark_end + s)
                        .min()
                })
                .unwrap_or(next);
            let partners: Vec<usize> = self
                .mentions
                .iter()
                .filter(|m| m.start >= mark_end && m.end <= group_end && self.is_actor(m))
                .map(|m| m.entity)
                .collect();
            if partners.is_empty() {
                continue;
            }
            // The area right after the group.
            let after = group_end + usize::from(self.t[group_end..].starts_with(')'));
            let rest = &self.t[after..next];
            let area = self.area_intro.iter().find_map(|p| {
                p.find(rest)
                    .filter(|(s, _)| rest[..*s].trim().is_empty())
                    .map(|(_, e)| {
                        let mut end = next;
                        // "… en (samen met …": the area ends before " en (".
                        let tail = self.t[after + e..end].trim_end();
                        let tail = tail.strip_suffix('(').unwrap_or(tail).trim_end();
                        let tail = tail.strip_suffix(" en").unwrap_or(tail);
                        end = after + e + tail.len();
                        (after + e, end)
                    })
            });
            out.push((partners, area));
        }
        out
    }
}

/// Finds the positions of one document.
pub fn positions(input: &Input<'_>) -> Vec<Position> {
    let n = &input.document.text;
    let cues = &input.lexicon.cues.positions;
    let mentions = input.lexicon.find(&n.text[..n.body_end]);
    let blockade_cues = &input.lexicon.cues.blockades;
    let group = group_regex(&blockade_cues.group_qualifiers, &blockade_cues.group_nouns);
    let demonyms: Vec<(String, usize)> = input
        .lexicon
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.demonyms.iter().map(move |d| (d.to_lowercase(), i)))
        .collect();
    let mut out = Vec::new();
    for s in input
        .segmented
        .sentences
        .iter()
        .filter(|s| !s.heading && s.end <= n.body_end)
    {
        let t = &n.text[s.start..s.end];
        let found = found(cues, t);
        if found.is_empty() {
            continue;
        }
        let mut sentence = Sentence {
            input,
            cues,
            group: group.as_ref(),
            demonyms: &demonyms,
            area_intro: &input.lexicon.cues.blockades.area_intro,
            t,
            // Mentions are sorted by start: the sentence's are one run.
            mentions: mentions[mentions.partition_point(|m| m.start < s.start)..]
                .iter()
                .take_while(|m| m.start < s.end)
                .filter(|m| m.end <= s.end)
                .map(|m| Match {
                    start: m.start - s.start,
                    end: m.end - s.start,
                    entity: m.entity,
                })
                .filter(|m| input.lexicon.entities[m.entity].kind().is_some())
                .collect::<Vec<_>>(),
        };
        // A name inside a longer name is no entity of its own here.
        let outer = sentence.mentions.clone();
        sentence.mentions.retain(|m| {
            !outer.iter().any(|o| {
                o.start <= m.start && o.end >= m.end && (o.end - o.start) > (m.end - m.start)
            })
        });
        let evidence = Evidence {
            start: s.start,
            end: s.end,
        };
        let respectively = cues.respectively.iter().any(|p| p.is_match(t));
        for (k, f) in found.iter().enumerate() {
            let limit = found.get(k + 1).map_or(t.len(), |g| g.start);
            let (holders, targets, partners) = if f.cue.passive {
                passive(&sentence, f, limit)
            } else {
                active(&sentence, f, limit)
            };
            let pairs: Vec<(Party, Party)> =
                if respectively && holders.len() >= 2 && holders.len() == targets.len() {
                    holders.iter().cloned().zip(targets).collect()
                } else {
                    holders
                        .iter()
                        .flat_map(|h| targets.iter().map(move |x| (h.clone(), x.clone())))
                        .collect()
                };
            for (holder, target) in pairs {
                let with = partners
                    .iter()
                    .find(|(_, x)| *x == target)
                    .map(|(p, _)| p.clone())
                    .unwrap_or_default();
                if target == holder {
                    continue;
                }
                let relation = if !with.is_empty() && f.cue.relation == LEADS {
                    CO_LEADS.to_owned()
                } else {
                    f.cue.relation.clone()
                };
                out.push(Position {
                    holder,
                    relation,
                    target,
                    partners: with,
                    hedged: f.cue.hedged,
                    cue: f.cue.phrase.text.clone(),
                    evidence,
                });
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|p| {
        seen.insert((
            p.evidence,
            p.holder.clone(),
            p.relation.clone(),
            p.target.clone(),
        ))
    });
    out
}

/// Partners ("samen met A en B") and the span of the area after them.
type PartnerGroup = (Vec<usize>, Option<(usize, usize)>);

type Parties = (Vec<Party>, Vec<Party>, Vec<(Vec<usize>, Party)>);

/// Holder before the cue (or inverted after its verb), target after it.
fn active(s: &Sentence<'_>, f: &Found<'_>, limit: usize) -> Parties {
    let (holders, holder_end) = s.holders(f);
    if holders.is_empty() {
        return Default::default();
    }
    let from = holder_end.map_or(f.end, |e| e.max(f.end));
    // "werkt samen met": the cue's own "samen met" opens no partner group.
    let groups = s.partner_groups(f.start, Some(f.end));
    let partner_ids: Vec<usize> = groups.iter().flat_map(|(p, _)| p.clone()).collect();
    let mut exclude: Vec<usize> = holders
        .iter()
        .filter_map(|h| match h {
            Party::Entity(e) => Some(*e),
            Party::Coined(..) => None,
        })
        .collect();
    exclude.extend(&partner_ids);
    let mut targets = Vec::new();
    let mut partnered = Vec::new();
    for (partners, area) in &groups {
        if let Some((a, b)) = area {
            for x in s.targets(*a, *b, &exclude) {
                partnered.push((partners.clone(), x.clone()));
                targets.push(x);
            }
        }
    }
    if targets.is_empty() {
        // The partners without an area of their own share the target.
        targets = s.targets(from, limit, &exclude);
        // "acht de nadere doorontwikkeling … noodzakelijk": the object
        // stands inside the cue's gap, after the holder.
        if targets.is_empty()
            && let Some(last_word) = s.t[f.start..f.end].rfind(char::is_whitespace)
        {
            let gap_start = holder_end.unwrap_or_else(|| {
                s.t[f.start..f.end]
                    .find(char::is_whitespace)
                    .map_or(f.end, |i| f.start + i)
            });
            let gap_end = f.start + last_word;
            if gap_end > gap_start && f.cue.object_in_gap {
                targets = s.targets(gap_start, gap_end, &exclude);
            }
        }
        if let Some((partners, _)) = groups.first() {
            for x in &targets {
                partnered.push((partners.clone(), x.clone()));
            }
        }
    }
    (holders, targets, partnered)
}

/// Holder after the cue ("onder leiding van Duitsland") or right before a
/// "-geleide" compound; the target on the other side.
fn passive(s: &Sentence<'_>, f: &Found<'_>, limit: usize) -> Parties {
    let compound = s.t[f.start..].starts_with('-');
    if compound {
        let holder = s
            .mentions
            .iter()
            .find(|m| m.end == f.start && s.is_actor(m));
        let target = s
            .mentions
            .iter()
            .find(|m| m.start >= f.end && Sentence::only_articles(&s.t[f.end..m.start]));
        return match (holder, target) {
            (Some(h), Some(x)) if h.entity != x.entity => (
                vec![Party::Entity(h.entity)],
                vec![Party::Entity(x.entity)],
                Vec::new(),
            ),
            _ => Default::default(),
        };
    }
    let holder = s.mentions.iter().find(|m| {
        m.start >= f.end
            && m.end <= limit
            && s.is_actor(m)
            && Sentence::only_articles(&s.t[f.end..m.start])
    });
    let target = s.mentions.iter().rev().find(|m| {
        m.end <= f.start
            && !s.is_actor(m)
            && !s.t[m.end..f.start].contains([',', ';', '(', ')'])
            && words(&s.t[m.end..f.start]).count() <= SUBJECT_GAP_WORDS
    });
    match (holder, target) {
        (Some(h), Some(x)) => (
            vec![Party::Entity(h.entity)],
            vec![Party::Entity(x.entity)],
            Vec::new(),
        ),
        _ => Default::default(),
    }
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
