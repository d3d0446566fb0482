//! Quads of a blockade: blocker, blocked, strength, mutuality, qualifiers
//! and reason, and the shortcut `blocker pkg:blocks blocked`.

use oxigraph::model::Literal;
use oxigraph::model::vocab::rdf;

use super::vocab::{pkg, prov};
use super::{Writer, iri, node};
use crate::extract::Blockade;

/// Writes blockade `b`; nothing when a party has no node.
pub(super) fn write(w: &mut Writer<'_>, b: &Blockade) {
    let Some(blocker) = w.party(&b.blocker) else {
        return;
    };
    let Some(blocked) = w.party(&b.blocked) else {
        return;
    };
    let n = w.next("blockade");
    let node_ = node(iri::blockade(&w.doc.slug, n));
    let e = w.evidence(b.evidence);
    w.add(&node_, rdf::TYPE, pkg::BLOCKADE);
    w.add(&node_, pkg::BLOCKER, blocker.clone());
    w.add(&node_, pkg::BLOCKED, blocked.clone());
    w.add(
        &node_,
        pkg::STRENGTH,
        Writer::pkg_term(b.strength.local_name()),
    );
    if b.mutual {
        w.add(&node_, pkg::MUTUAL, Literal::from(true));
    }
    for c in &b.counterparts {
        if let Some(c) = w.party(c) {
            w.add(&node_, pkg::COUNTERPART, c);
        }
    }
    for q in &b.qualifiers {
        w.add(&node_, pkg::QUALIFIER, Literal::new_simple_literal(q));
    }
    if let Some(reason) = b.reason.as_ref().and_then(|r| w.party(r)) {
        w.add(&node_, pkg::REASON, reason);
    }
    let d = w.d.clone();
    w.add(&node_, pkg::IN_DOCUMENT, d);
    w.add(&node_, prov::WAS_DERIVED_FROM, e);
    w.add(&blocker, pkg::BLOCKS, blocked);
}
