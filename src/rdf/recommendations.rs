//! Quads of a recommendation or a conclusion: the canonical occurrence
//! becomes the `pkg:Recommendation` (or `pkg:Conclusion`) node with its
//! number, text, author, parent and topic; every other occurrence a
//! `pkg:Restatement` of it.

use std::collections::BTreeMap;

use oxigraph::model::Literal;
use oxigraph::model::vocab::{rdf, xsd};

use super::vocab::{pkg, prov};
use super::{RecIdentity, Writer, iri, node};
use crate::extract::{Evidence, Recommendation};

/// Writes occurrence `r`, resolved by `ids`; `conclusion` says which kind
/// it is.
pub(super) fn write(
    w: &mut Writer<'_>,
    ids: &BTreeMap<usize, RecIdentity>,
    r: &Recommendation,
    conclusion: bool,
) {
    let class = if conclusion {
        pkg::CONCLUSION
    } else {
        pkg::RECOMMENDATION
    };
    let Some(id) = ids.get(&r.id) else {
        return;
    };
    let rec = node(id.iri.clone());
    let quote = |w: &Writer<'_>, e: Evidence| w.text(e).replace('\n', " ");
    let e = w.evidence(r.evidence);
    let d = w.d.clone();
    if id.canonical {
        w.add(&rec, rdf::TYPE, class);
        if let Some(number) = &r.number
            && !id.extra
        {
            w.add(&rec, pkg::NUMBER, Literal::new_simple_literal(number));
        }
        if id.extra {
            w.add(&rec, pkg::EXTRA_IN_RENDERING, Literal::from(true));
        }
        let text = quote(w, r.text);
        let text = w.literal(&text);
        w.add(&rec, pkg::TEXT, text);
        if r.full != r.text {
            let full = quote(w, r.full);
            let full = w.literal(&full);
            w.add(&rec, pkg::FULL_TEXT, full);
        }
        w.add(&rec, pkg::IN_DOCUMENT, d.clone());
        if let Some(parent) = r.parent.and_then(|p| ids.get(&p)) {
            w.add(&rec, pkg::PART_OF, node(parent.iri.clone()));
        }
        if let Some(author) = r.author.and_then(|a| w.lexicon.entities.get(a)) {
            let author = node(author.iri.clone());
            w.add(&rec, pkg::MADE_BY, author);
        }
        if let Some(topic) = r.topic {
            let topic = quote(w, topic);
            let topic = w.literal(&topic);
            w.add(&rec, pkg::TOPIC, topic);
        }
        w.add(&rec, prov::WAS_DERIVED_FROM, e);
    } else {
        let n = w.next("restatement");
        let rs = node(iri::restatement(&w.doc.slug, n));
        w.add(&rs, rdf::TYPE, pkg::RESTATEMENT);
        w.add(&rs, pkg::RESTATES, rec.clone());
        w.add(&rs, pkg::IN_DOCUMENT, d.clone());
        if let Some(number) = &r.number {
            w.add(&rs, pkg::NUMBER, Literal::new_simple_literal(number));
        }
        let text = quote(w, r.text);
        let text = w.literal(&text);
        w.add(&rs, pkg::TEXT, text);
        w.add(
            &rs,
            pkg::SIMILARITY,
            Literal::new_typed_literal(format!("{:.3}", id.similarity), xsd::DECIMAL),
        );
        w.add(&rs, prov::WAS_DERIVED_FROM, e);
        w.add(&rec, pkg::RESTATED_IN, d);
    }
}
