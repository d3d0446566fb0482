//! The linguistic layer: computed once per document between `text` and
//! `extract`. Tokens with spans, the document's language, clauses with
//! their negation, hedges and conditions, lexicon mentions on tokens
//! (`document`), and the lexical units of `ontology/frames.ttl` found with
//! their roles (`events`). Verb forms are generated from the lemmas by rule
//! (`morph`); the closed word classes are `grammar`.
pub mod document;
pub mod events;
pub mod frames;
pub mod grammar;
pub mod morph;
pub mod tokens;

pub use document::{Analysis, analyse};
pub use events::{Event, Filler, events};
