//! Duplicate detection by content: word 5-shingles and Jaccard similarity.
//!
//! Two renderings of one letter share almost all their shingles; a letter
//! that quotes another at length shares only the quoted part, which is a
//! small share of the union. File names play no part.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Shingle width in words.
const WIDTH: usize = 5;
/// Similarity from which two documents are one text in two renderings.
pub const THRESHOLD: f64 = 0.6;

/// The sorted, distinct shingle hashes of a text.
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<u64> = words
        .windows(WIDTH)
        .map(|w| {
            // DefaultHasher::new() has fixed keys: the same text hashes the
            // same in every run.
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted, distinct sequences share.
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Jaccard similarity of two sorted, distinct shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = common(a, b);
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// A document found to be another rendering of an earlier one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duplicate {
    /// Index of the canonical document.
    pub canonical: usize,
    /// Index of the alternative rendering.
    pub duplicate: usize,
    pub similarity: f64,
}

/// Finds duplicates among texts given in a fixed order; the first of a
/// group is canonical.
pub fn find(texts: &[&str]) -> Vec<Duplicate> {
    let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
    let mut is_dup = vec![false; texts.len()];
    let mut out = Vec::new();
    for i in 0..texts.len() {
        if is_dup[i] {
            continue;
        }
        for j in i + 1..texts.len() {
            if is_dup[j] {
                continue;
            }
            let similarity = jaccard(&sets[i], &sets[j]);
            if similarity >= THRESHOLD {
                is_dup[j] = true;
                out.push(Duplicate {
                    canonical: i,
                    duplicate: j,
                    similarity,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "Het kabinet onderschrijft het pleidooi van de IOB voor een richtinggevende strategie \
        op basis waarvan Nederland keuzes maakt voor de inzet in de NAVO en de EU en beschouwt dit als een \
        stimulans voor de ingezette koers van het kabinet in Brussel en elders in Europa.";

    #[test]
    fn two_renderings_of_one_text_are_duplicates() {
        let other = LETTER
            .replace("IOB", "**IOB**")
            .replace(" en de EU", "\nen de EU");
        let d = find(&[LETTER, &other]);
        assert_eq!(d.len(), 1);
        assert!(d[0].similarity > 0.9);
    }

    #[test]
    fn a_text_that_quotes_another_is_not_its_duplicate() {
        let quoting = format!(
            "{} Daarnaast gaat deze brief over de Europese defensie-industrie, de financiering door de \
             Europese Commissie, de rol van de Tweede Kamer, de begroting van Defensie, de inzet in \
             Oekraïne, de missies in de Westelijke Balkan en de samenwerking met het Verenigd Koninkrijk \
             en Noorwegen, en over nog veel meer onderwerpen die in een lange brief aan bod komen.",
            LETTER
        );
        assert!(find(&[LETTER, &quoting]).is_empty());
    }
}
