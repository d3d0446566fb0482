//! Extractors: each turns one segmented document into typed facts, every
//! fact with its evidence. One extractor per file, all behind [`Extractor`].
//!
//! Extractors never write RDF and never touch the store; `rdf` turns their
//! facts into quads.

pub mod mentions;

use crate::corpus::Document;
use crate::lexicon::Lexicon;
use crate::text::Segmented;

/// Where a fact was read: a span of the document's normalised text,
/// normally one sentence (or two, when a sentence refers back).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
}

/// An entity named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into `Lexicon::entities`.
    pub entity: usize,
    /// Span of the name as written.
    pub start: usize,
    pub end: usize,
    pub evidence: Evidence,
}

/// A typed fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    Mention(Mention),
}

impl Fact {
    /// The kind, as counted in the build summary.
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::Mention(_) => "mentions",
        }
    }
}

/// What an extractor receives.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub document: &'a Document,
    pub segmented: &'a Segmented,
    pub lexicon: &'a Lexicon,
}

/// What an extractor returns: facts in text order, and remarks about input
/// it could not use (never a panic).
#[derive(Clone, Debug, Default)]
pub struct Output {
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<String>,
}

/// An extractor receives one document with its segmentation and the
/// lexicon, and returns the facts it found, each carrying the span of the
/// sentence it was read from. It is pure (no IO), deterministic, and never
/// panics: input it cannot use becomes a diagnostic.
pub trait Extractor {
    /// Short name, used in diagnostics.
    fn name(&self) -> &'static str;
    fn extract(&self, input: &Input<'_>) -> Output;
}

/// The extractors a build runs, in order.
pub fn all() -> Vec<Box<dyn Extractor>> {
    vec![Box::new(mentions::Mentions)]
}
