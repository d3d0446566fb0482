//! Quads of a position: holder, relation, target, partners, hedging and
//! cue, and the shortcut `holder <relation> target` (for each partner too).

use oxigraph::model::vocab::rdf;
use oxigraph::model::{Literal, NamedNode};

use super::vocab::{pkg, prov};
use super::{Writer, iri, node};
use crate::extract::Position;

/// Writes position `p`; nothing when a party has no node.
pub(super) fn write(w: &mut Writer<'_>, p: &Position) {
    let Some(holder) = w.party(&p.holder) else {
        return;
    };
    let Some(target) = w.party(&p.target) else {
        return;
    };
    let relation = node(p.relation.iri().to_owned());
    let n = w.next("position");
    let node_ = node(iri::position(&w.doc.slug, n));
    let e = w.evidence(p.evidence);
    w.add(&node_, rdf::TYPE, pkg::POSITION);
    w.add(&node_, pkg::HOLDER, holder.clone());
    w.add(&node_, pkg::RELATION, relation.clone());
    w.add(&node_, pkg::TARGET, target.clone());
    let partners: Vec<NamedNode> = p
        .partners
        .iter()
        .filter_map(|x| w.lexicon.entities.get(*x))
        .map(|x| node(x.iri.clone()))
        .collect();
    for partner in &partners {
        w.add(&node_, pkg::PARTNER, partner.clone());
    }
    if p.hedged {
        w.add(&node_, pkg::HEDGED, Literal::from(true));
    }
    w.add(&node_, pkg::CUE, Literal::new_simple_literal(&p.cue));
    let d = w.d.clone();
    w.add(&node_, pkg::IN_DOCUMENT, d);
    w.add(&node_, prov::WAS_DERIVED_FROM, e);
    w.add(&holder, relation.as_ref(), target.clone());
    for partner in &partners {
        w.add(partner, relation.as_ref(), target.clone());
    }
}
