//! Citations resolved to corpus documents: a paper cited by its number
//! is the document whose header carries it; else a cited title names the
//! document whose title it matches best.

use std::collections::{BTreeMap, BTreeSet};

use super::DocumentFacts;
use crate::extract::citations::carries;
use crate::extract::{Cited, Fact};

/// Lower-case content words (four letters or more, or with a digit).
fn title_words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// How well a cited title names a document title: the Dice coefficient of
/// their words, or 1 when every word of a title of two or more words is in
/// the cited one ("Samen sterker?" in "Samen sterker? Evaluatie van …").
fn title_match(cited: &str, title: &str) -> f64 {
    let (a, b) = (title_words(cited), title_words(title));
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let common = a.intersection(&b).count();
    if common == b.len() {
        return 1.0;
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Below this a cited title does not name a corpus document.
const TITLE_MATCH: f64 = 0.6;

/// Cited works that are documents of the corpus: cited work → slug of the
/// document, by the number its header carries, else by title. A document
/// never cites itself.
pub fn corpus_documents(docs: &[DocumentFacts<'_>]) -> BTreeMap<Cited, String> {
    let mut best: BTreeMap<Cited, (f64, String)> = BTreeMap::new();
    for citing in docs {
        let citing_slug = &citing.document.slug;
        for f in citing.facts {
            let Fact::Citation(c) = f else {
                continue;
            };
            // A paper cited by its number is the document carrying it
            // (the first by slug, should two carry it).
            if let Some(doc) = docs
                .iter()
                .map(|d| d.document)
                .filter(|d| &d.slug != citing_slug && carries(d, &c.cited))
                .min_by(|a, b| a.slug.cmp(&b.slug))
            {
                best.insert(c.cited.clone(), (f64::INFINITY, doc.slug.clone()));
                continue;
            }
            let Some(cited_title) = c.title.as_deref() else {
                continue;
            };
            let cited = &c.cited;
            if best.get(cited).is_some_and(|(s, _)| s.is_infinite()) {
                continue;
            }
            for doc in docs.iter().map(|d| d.document) {
                if &doc.slug == citing_slug {
                    continue;
                }
                let Some(title) = doc.metadata.title.as_deref() else {
                    continue;
                };
                let score = title_match(cited_title, title);
                if score >= TITLE_MATCH
                    && best
                        .get(cited)
                        .is_none_or(|(s, d)| score > *s || (score == *s && doc.slug < *d))
                {
                    best.insert(cited.clone(), (score, doc.slug.clone()));
                }
            }
        }
    }
    best.into_iter().map(|(k, (_, d))| (k, d)).collect()
}
