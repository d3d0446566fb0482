//! Stage `resolve`, between `extract` and `rdf`: what needs the whole
//! corpus. Each document's facts are extracted alone; this stage decides,
//! over all of them, which recommendation and conclusion occurrences are
//! one item (`recommendations`), and which corpus document a citation
//! names (`citations`). It works on typed
//! identities — a document is a [`DocId`], an occurrence an
//! [`Occurrence`] — and its answers are looked up by them, never matched
//! to documents by position in a list.

pub mod citations;
pub mod recommendations;

use std::collections::BTreeMap;

use crate::corpus::Document;
use crate::extract::{Cited, Fact};

pub use recommendations::{Resolution, Resolved, conclusion_of, recommendation_of};

/// A document of the build: its index in the corpus' documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub usize);

/// A recommendation or conclusion within its document (its
/// `Recommendation::id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId(pub usize);

/// One occurrence of a recommendation or conclusion: where it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    pub document: DocId,
    pub item: ItemId,
}

/// One extracted document as the corpus-wide steps see it.
#[derive(Clone, Copy, Debug)]
pub struct DocumentFacts<'a> {
    pub id: DocId,
    pub document: &'a Document,
    pub facts: &'a [Fact],
}

/// What the corpus-wide steps decide, by typed identity.
#[derive(Clone, Debug, Default)]
pub struct CorpusResolution {
    /// Which recommendation occurrences are one recommendation.
    pub recommendations: Resolution,
    /// Which conclusion occurrences are one conclusion.
    pub conclusions: Resolution,
    /// The corpus document each cited paper is, by its citation key.
    pub cited_documents: BTreeMap<Cited, String>,
}

/// Runs the corpus-wide steps over the extracted documents.
pub fn corpus(documents: &[DocumentFacts<'_>], source_types: &[String]) -> CorpusResolution {
    CorpusResolution {
        recommendations: recommendations::recommendations(documents, source_types),
        conclusions: recommendations::conclusions(documents, source_types),
        cited_documents: citations::corpus_documents(documents),
    }
}
