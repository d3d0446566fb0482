//! One Aho–Corasick pass over all aliases of the lexicon.
//!
//! Two automata share the work: labels match ASCII-case-insensitively,
//! acronyms and hidden labels only in their written case. Candidates are
//! kept only on word boundaries — the character before and after must not
//! be a letter or digit, so `EDA` is not found in `gedachte` but `NAVO` is
//! found in `NAVO-bondgenoten` — and the longest leftmost match wins.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Entity;

/// An alias occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    /// Index into `Lexicon::entities`.
    pub entity: usize,
}

#[derive(Debug)]
struct Automaton {
    ac: Option<AhoCorasick>,
    /// Entity of each pattern.
    owners: Vec<usize>,
}

impl Automaton {
    fn new(patterns: Vec<(String, usize)>, case_insensitive: bool) -> Self {
        let owners = patterns.iter().map(|(_, e)| *e).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(case_insensitive)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .ok();
        Self { ac, owners }
    }

    fn candidates(&self, text: &str, out: &mut Vec<Match>) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text) {
            out.push(Match {
                start: m.start(),
                end: m.end(),
                entity: self.owners[m.pattern().as_usize()],
            });
        }
    }
}

/// The matcher over all aliases.
#[derive(Debug)]
pub struct Matcher {
    labels: Automaton,
    exact: Automaton,
}

/// `label` with its apostrophes as written, straight and curly.
fn apostrophe_variants(label: &str) -> Vec<String> {
    let mut out = vec![label.to_owned()];
    if label.contains('\'') {
        out.push(label.replace('\'', "’"));
    }
    if label.contains('’') {
        out.push(label.replace('’', "'"));
    }
    out
}

fn boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

impl Matcher {
    pub fn new(entities: &[Entity]) -> Self {
        let mut labels = Vec::new();
        let mut exact = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            // The text keeps its typography: "People's" is also written
            // "People’s".
            for l in &e.labels {
                if l.chars().count() >= 2 {
                    for v in apostrophe_variants(l) {
                        labels.push((v, i));
                    }
                }
            }
            for a in &e.exact {
                if !a.is_empty() {
                    for v in apostrophe_variants(a) {
                        exact.push((v, i));
                    }
                }
            }
        }
        // Identical patterns of two entities: the first (in IRI order) wins,
        // deterministically.
        labels.sort_by(|a, b| {
            a.0.to_lowercase()
                .cmp(&b.0.to_lowercase())
                .then(a.1.cmp(&b.1))
        });
        labels.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
        exact.sort();
        exact.dedup_by(|a, b| a.0 == b.0);
        Self {
            labels: Automaton::new(labels, true),
            exact: Automaton::new(exact, false),
        }
    }

    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut candidates = Vec::new();
        self.labels.candidates(text, &mut candidates);
        self.exact.candidates(text, &mut candidates);
        candidates.retain(|m| boundary(text, m.start, m.end));
        candidates.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.entity.cmp(&b.entity))
        });
        let mut out = Vec::with_capacity(candidates.len());
        let mut last_end = 0;
        for m in candidates {
            if m.start >= last_end {
                last_end = m.end;
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(iri: &str, labels: &[&str], exact: &[&str]) -> Entity {
        Entity {
            iri: iri.to_owned(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            exact: exact.iter().map(|s| s.to_string()).collect(),
            ..Entity::default()
        }
    }

    fn found(text: &str) -> Vec<(&str, usize)> {
        let entities = [
            entity(
                "nato",
                &["Noord-Atlantische Verdragsorganisatie"],
                &["NAVO", "NATO"],
            ),
            entity("eda", &["Europees Defensieagentschap"], &["EDA"]),
            entity("nspa", &["NATO Support and Procurement Agency"], &["NSPA"]),
            entity("eu", &["Europese Unie"], &["EU", "Unie"]),
            entity("pesco", &[], &["PESCO"]),
        ];
        let m = Matcher::new(&entities);
        m.find(text)
            .into_iter()
            .map(|x| (&text[x.start..x.end], x.entity))
            .collect()
    }

    #[test]
    fn acronyms_match_whole_words_in_their_case_and_in_compounds() {
        assert_eq!(
            found(
                "De gedachte: NAVO-bondgenoten, PESCO-projecten en EU-lidstaten, niet navo of eda."
            ),
            [("NAVO", 0), ("PESCO", 4), ("EU", 3)]
        );
    }

    #[test]
    fn longest_match_wins_and_labels_ignore_case() {
        assert_eq!(
            found(
                "het NATO Support and Procurement Agency en het europees defensieagentschap (EDA)"
            ),
            [
                ("NATO Support and Procurement Agency", 2),
                ("europees defensieagentschap", 1),
                ("EDA", 1)
            ]
        );
        assert_eq!(found("de Europese Unie en de unie"), [("Europese Unie", 3)]);
    }
}
