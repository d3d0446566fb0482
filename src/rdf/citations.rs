//! Quads of a citation: the citing document, the work cited (an EU act
//! the lexicon holds is cited as that entity), what the entry says of the
//! work, and the corpus document it is, if any.

use std::collections::BTreeMap;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, NamedNode};

use super::vocab::{dcterms, owl, pkg, prov, skos};
use super::{Sink, Writer, cited_iri, iri, nl, node, tagged};
use crate::extract::{Citation, Cited};
use crate::lexicon::Lexicon;

/// Writes citation `c`; `cited_documents` gives the corpus document a
/// cited work is.
pub(super) fn write(w: &mut Writer<'_>, cited_documents: &BTreeMap<Cited, String>, c: &Citation) {
    let n = w.next("citation");
    let entity = match &c.cited {
        Cited::EuAct { celex, .. } => {
            let celex = iri::celex(celex);
            w.lexicon
                .entities
                .iter()
                .find(|e| e.same_as.contains(&celex))
                .map(|e| node(e.iri.clone()))
        }
        _ => None,
    };
    let cited = entity.clone().unwrap_or_else(|| node(cited_iri(&c.cited)));
    let cn = node(iri::citation(&w.doc.slug, n));
    let e = w.evidence(c.evidence);
    let d = w.d.clone();
    w.add(&cn, rdf::TYPE, pkg::CITATION);
    w.add(&cn, pkg::CITING_DOCUMENT, d.clone());
    w.add(&cn, pkg::CITES, cited.clone());
    w.add(
        &cn,
        pkg::AS_WRITTEN,
        Literal::new_simple_literal(&c.as_written),
    );
    w.add(&cn, pkg::IN_DOCUMENT, d.clone());
    w.add(&cn, prov::WAS_DERIVED_FROM, e);
    w.add(&d, dcterms::REFERENCES, cited.clone());
    if entity.is_none() {
        add_cited(&mut w.sink, &cited, c, w.lexicon, w.lang);
    }
    if let Some(target) = cited_documents.get(&c.cited) {
        let target = node(iri::document(target));
        w.add(&cited, pkg::CORPUS_DOCUMENT, target.clone());
        w.add(&target, pkg::PUBLISHED_AS, cited.clone());
    }
}

/// What a citation says about the work it cites: its kind, number,
/// official identifiers, and the title, issuers and date the entry gives.
fn add_cited(sink: &mut Sink, cited: &NamedNode, c: &Citation, lexicon: &Lexicon, lang: &str) {
    sink.add(cited, rdf::TYPE, dcterms::BIBLIOGRAPHIC_RESOURCE);
    match &c.cited {
        Cited::Kamerstuk { dossier, number } => {
            sink.add(cited, rdf::TYPE, pkg::KAMERSTUK);
            if !dossier.is_empty() {
                sink.add(cited, pkg::DOSSIER, Literal::new_simple_literal(dossier));
            }
            sink.add(cited, pkg::NUMBER, Literal::new_simple_literal(number));
            let label = if dossier.is_empty() {
                format!("Kamerstuk {number}")
            } else {
                format!("Kamerstuk {dossier}, nr. {number}")
            };
            sink.add(cited, skos::PREF_LABEL, nl(&label));
            match &c.suspect {
                Some(why) => sink.add(cited, pkg::SUSPECT, Literal::new_simple_literal(why)),
                None => sink.add(
                    cited,
                    owl::SAME_AS,
                    node(iri::kamerstuk_official(dossier, number)),
                ),
            }
        }
        Cited::EuAct { celex, eli, label } => {
            sink.add(cited, rdf::TYPE, pkg::EU_DOCUMENT);
            sink.add(cited, pkg::CELEX, Literal::new_simple_literal(celex));
            sink.add(cited, skos::PREF_LABEL, tagged(label, lang));
            sink.add(cited, owl::SAME_AS, node(iri::celex(celex)));
            if let Some(eli) = eli {
                sink.add(cited, owl::SAME_AS, node(eli.clone()));
            }
        }
        Cited::Work { title } => {
            sink.add(cited, skos::PREF_LABEL, tagged(title, lang));
        }
    }
    if let Some(t) = &c.title {
        sink.add(cited, dcterms::TITLE, tagged(t, lang));
    }
    for issuer in c.issuers.iter().filter_map(|i| lexicon.entities.get(*i)) {
        sink.add(cited, dcterms::CREATOR, node(issuer.iri.clone()));
    }
    if let Some(date) = &c.date {
        let datatype = if date.len() == 4 {
            xsd::G_YEAR
        } else {
            xsd::DATE
        };
        sink.add(
            cited,
            dcterms::DATE,
            Literal::new_typed_literal(date, datatype),
        );
    }
}
