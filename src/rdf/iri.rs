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

/// A parliamentary paper: `{dossier}-{number}`, or the Tweede Kamer
/// document number alone.
pub fn kamerstuk(dossier: &str, number: &str) -> String {
    if dossier.is_empty() {
        format!("{ID}kamerstuk/{number}")
    } else {
        format!("{ID}kamerstuk/{dossier}-{number}")
    }
}

/// The official publication of a parliamentary paper.
pub fn kamerstuk_official(dossier: &str, number: &str) -> String {
    if dossier.is_empty() {
        format!("https://www.tweedekamer.nl/downloads/document?id={number}")
    } else {
        format!("https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}")
    }
}

/// An EU act or document, by CELEX number.
pub fn eu_act(celex: &str) -> String {
    format!("{ID}eu/{celex}")
}

/// The CELEX resource of the Publications Office.
pub fn celex(celex: &str) -> String {
    format!("http://publications.europa.eu/resource/celex/{celex}")
}

pub fn citation(doc: &str, n: usize) -> String {
    format!("{ID}citation/{doc}/{n}")
}

pub fn position(doc: &str, n: usize) -> String {
    format!("{ID}position/{doc}/{n}")
}

pub fn blockade(doc: &str, n: usize) -> String {
    format!("{ID}blockade/{doc}/{n}")
}

/// A node coined from the text (`group`, `issue`, `initiative`), named by
/// its label so the same words give the same node in every document.
pub fn coined(kind: &str, label: &str) -> String {
    let mut slug = String::new();
    for word in label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
        if slug.len() > 80 {
            break;
        }
    }
    format!("{ID}{kind}/{slug}")
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

/// A question of Kamervragen, by its order in the document.
pub fn question(doc: &str, n: usize) -> String {
    format!("{ID}question/{doc}/{n}")
}

/// The answer to question `n`.
pub fn answer(doc: &str, n: usize) -> String {
    format!("{ID}answer/{doc}/{n}")
}
