//! Minting IRIs. Every IRI is a function of the input alone, so the same
//! corpus gives the same IRIs run after run.

/// Base of all resources.
pub const ID: &str = "https://w3id.org/policykg/id/";

/// The graph of the ontology and lexicon.
pub fn ontology_graph() -> String {
    format!("{ID}graph/ontology")
}

/// A document's own graph.
pub fn graph(doc: &str) -> String {
    format!("{ID}graph/{doc}")
}

pub fn document(doc: &str) -> String {
    format!("{ID}document/{doc}")
}

pub fn mention(doc: &str, n: usize) -> String {
    format!("{ID}mention/{doc}/{n}")
}

/// Evidence is named by its span, so facts read from one sentence share it.
pub fn evidence(doc: &str, start: usize, end: usize) -> String {
    format!("{ID}evidence/{doc}/{start}-{end}")
}

pub fn signatory(doc: &str, n: usize) -> String {
    format!("{ID}signatory/{doc}/{n}")
}

/// A recommendation, by the document that makes it and its number (or key).
pub fn recommendation(doc: &str, key: &str) -> String {
    format!("{ID}recommendation/{doc}/{key}")
}

/// A conclusion, by the document that draws it and its number (or key).
pub fn conclusion(doc: &str, key: &str) -> String {
    format!("{ID}conclusion/{doc}/{key}")
}

pub fn restatement(doc: &str, n: usize) -> String {
    format!("{ID}restatement/{doc}/{n}")
}

pub fn response(doc: &str, n: usize) -> String {
    format!("{ID}response/{doc}/{n}")
}

pub fn footnote(doc: &str, n: usize) -> String {
    format!("{ID}footnote/{doc}/{n}")
}
