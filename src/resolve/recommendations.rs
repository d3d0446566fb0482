//! Recommendations and conclusions resolved across renderings and
//! documents: which occurrences are one item. Within a document its
//! fullest rendering is canonical; a rendering in a document of a
//! responding kind resolves to the best-matching canonical rendering of a
//! source document (an evaluation report or advice).

use std::collections::{BTreeMap, BTreeSet};

use super::{DocId, DocumentFacts, ItemId, Occurrence};
use crate::extract::recommendations::{similarity, words};
use crate::extract::{Fact, Recommendation};

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

/// Where an occurrence resolves to: the canonical occurrence and the
/// similarity of the match (1 for the canonical occurrence itself).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Resolved {
    pub to: Occurrence,
    pub similarity: f64,
}

/// For every occurrence: where it resolves to.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    map: BTreeMap<Occurrence, Resolved>,
    /// Each document's canonical (fullest) rendering group.
    canonical_groups: BTreeMap<DocId, usize>,
}

impl Resolution {
    /// Where `occurrence` resolves to; itself when nothing matched it.
    pub fn get(&self, occurrence: Occurrence) -> Resolved {
        self.map.get(&occurrence).copied().unwrap_or(Resolved {
            to: occurrence,
            similarity: 1.0,
        })
    }

    /// The canonical (fullest) rendering group of `document`, if it has
    /// renderings.
    pub fn canonical_group(&self, document: DocId) -> Option<usize> {
        self.canonical_groups.get(&document).copied()
    }

    /// Resolves occurrence `from` to wherever occurrence `to` resolves,
    /// with the similarity of this match.
    fn link(&mut self, from: Occurrence, to: Occurrence, similarity: f64) {
        let target = self.get(to);
        self.map.insert(
            from,
            Resolved {
                similarity,
                ..target
            },
        );
    }
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

/// One item of a rendering, as matching needs it.
struct Item {
    id: ItemId,
    number: Option<String>,
    parent: Option<usize>,
    words: Vec<String>,
    length: usize,
}

struct Group {
    document: DocId,
    index: usize,
    items: Vec<Item>,
}

impl Group {
    fn mains(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|o| o.parent.is_none())
    }
    fn subs(&self, main: ItemId) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |o| o.parent == Some(main.0))
    }
    fn at(&self, item: ItemId) -> Occurrence {
        Occurrence {
            document: self.document,
            item,
        }
    }
    fn length(&self) -> usize {
        self.items.iter().map(|o| o.length).sum()
    }
}

/// Pairs mains of `g` with mains of `canon`; returns (g id, canon id, score).
fn match_mains(g: &Group, canon: &Group) -> Vec<(ItemId, ItemId, f64)> {
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
fn match_subs(g: &Group, gm: ItemId, canon: &Group, cm: ItemId) -> Vec<(ItemId, ItemId, f64)> {
    let mut scored: Vec<(f64, ItemId, ItemId)> = Vec::new();
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
pub fn recommendations(documents: &[DocumentFacts<'_>], source_types: &[String]) -> Resolution {
    resolve_with(documents, source_types, recommendation_of, false)
}

/// [`recommendations`] for conclusions: a main conclusion, unnumbered,
/// matches the other renderings' main conclusion.
pub fn conclusions(documents: &[DocumentFacts<'_>], source_types: &[String]) -> Resolution {
    resolve_with(documents, source_types, conclusion_of, true)
}

/// The key under which an unnumbered item of a rendering (a main
/// conclusion) is matched: it matches the other renderings' unnumbered one.
const UNNUMBERED: &str = "";

/// Items outside every rendering (a chapter's restatement of a
/// conclusion) resolve to the most similar canonical item of their
/// document when they are at least this similar.
const LOOSE_MATCH: f64 = 0.35;

/// [`recommendations`] for the items `select` picks (recommendations or
/// conclusions). With `unnumbered_mains`, an unnumbered main item (a main
/// conclusion) is matched to the other renderings' unnumbered main; other
/// unnumbered items (prose recommendations) stay their own. Items in group
/// `usize::MAX` (a chapter's restatement) are matched by similarity alone.
fn resolve_with(
    documents: &[DocumentFacts<'_>],
    source_types: &[String],
    select: fn(&Fact) -> Option<&Recommendation>,
    unnumbered_mains: bool,
) -> Resolution {
    let mut loose: Vec<(Occurrence, Vec<String>)> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for doc in documents {
        let d = doc.id;
        let mut by_group: BTreeMap<usize, Vec<Item>> = BTreeMap::new();
        for r in doc.facts.iter().filter_map(select) {
            let text = &doc.document.text.text[r.text.start..r.text.end];
            if r.group == usize::MAX {
                loose.push((
                    Occurrence {
                        document: d,
                        item: ItemId(r.id),
                    },
                    words(text),
                ));
                continue;
            }
            let number = match (&r.number, r.parent) {
                (Some(n), _) => Some(n.clone()),
                // A main conclusion: unnumbered, matched to the other
                // renderings' main conclusion.
                (None, None) if unnumbered_mains => Some(UNNUMBERED.to_owned()),
                _ => continue,
            };
            by_group.entry(r.group).or_default().push(Item {
                id: ItemId(r.id),
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
    // Every occurrence starts as its own canonical one
    // ([`Resolution::get`]).
    let mut resolution = Resolution::default();
    // The canonical rendering of each document: the fullest.
    let mut canonical: BTreeMap<DocId, usize> = BTreeMap::new();
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
    let sources: BTreeSet<DocId> = documents
        .iter()
        .filter(|d| source_types.contains(&d.document.metadata.document_type))
        .map(|d| d.id)
        .collect();
    let is_source = |d: DocId| sources.contains(&d);
    let apply = |g: &Group, canon: &Group, resolution: &mut Resolution| {
        for (gm, cm, s) in match_mains(g, canon) {
            resolution.link(g.at(gm), canon.at(cm), s);
            for (ga, cb, s) in match_subs(g, gm, canon, cm) {
                resolution.link(g.at(ga), canon.at(cb), s);
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
    for (occurrence, w) in loose {
        let Some(&ci) = canonical.get(&occurrence.document) else {
            continue;
        };
        let best = groups[ci]
            .items
            .iter()
            .map(|o| (o, similarity(&w, &o.words)))
            .filter(|(_, s)| *s >= LOOSE_MATCH)
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
        if let Some((o, s)) = best {
            resolution.link(occurrence, groups[ci].at(o.id), s);
        }
    }
    resolution
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_wording_scores_high() {
        let a = words("Vermijd dubbele committeringen voor snelle reactiemachten.");
        let b = words("Vermijd dubbele committeringen voor snelle reactie machten.");
        let c = words("Continueer en versterk de inzet in EU-verband.");
        assert!(similarity(&a, &b) > 0.6);
        assert!(similarity(&a, &c) < 0.2);
    }
}
