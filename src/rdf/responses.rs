//! Quads of a response: its stance on the recommendation it answers, the
//! follow-up that stance implies, the answer's text and the cues that
//! decided it.

use std::collections::BTreeMap;

use oxigraph::model::Literal;
use oxigraph::model::vocab::rdf;

use super::vocab::{pkg, prov};
use super::{RecIdentity, Writer, iri, node};
use crate::extract::Response;

/// Writes response `r`; `ids` resolves the recommendation it answers.
pub(super) fn write(w: &mut Writer<'_>, ids: &BTreeMap<usize, RecIdentity>, r: &Response) {
    let Some(id) = ids.get(&r.recommendation) else {
        return;
    };
    let n = w.next("response");
    let resp = node(iri::response(&w.doc.slug, n));
    let e = w.evidence(r.evidence);
    let d = w.d.clone();
    w.add(&resp, rdf::TYPE, pkg::RESPONSE);
    w.add(&resp, pkg::RESPONDS_TO, node(id.iri.clone()));
    w.add(&resp, pkg::STANCE, Writer::pkg_term(r.stance.local_name()));
    if let Some(status) = w.lexicon.cues.follow_up.get(&r.stance) {
        let status = Writer::pkg_term(status);
        w.add(&resp, pkg::FOLLOW_UP, status);
    }
    w.add(&resp, pkg::IN_DOCUMENT, d);
    let text = w.text(r.span).replace('\n', " ");
    let text = w.literal(&text);
    w.add(&resp, pkg::TEXT, text);
    for cue in &r.cues {
        w.add(&resp, pkg::CUE, Literal::new_simple_literal(cue));
    }
    w.add(&resp, prov::WAS_DERIVED_FROM, e);
}
