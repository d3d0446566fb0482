//! policykg turns government policy documents into a knowledge graph with
//! evidence: every fact carries the document, line and exact quote it was
//! read from.
//!
//! The flow is one-directional, one module per stage:
//! `corpus` (read, repair, dedupe, metadata) → `text` (sections, sentences)
//! → `extract` (facts with evidence) → `rdf` (quads) → `store` (Oxigraph)
//! → `query` (result formats). `link` imports and reports external
//! identifiers. `lexicon` loads the ontology data that the
//! other stages use; `cli` is the command line. See `docs/DESIGN.md`.

pub mod analysis;
pub mod build;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod link;
pub mod query;
pub mod rdf;
pub mod resolve;
pub mod store;
pub mod text;

pub use build::{BuildOptions, BuildReport, Built, build_with};
