//! Quads of a discovered entity: its node (class, label, acronym, title,
//! party, `pkg:discovered true`, the document and sentence that define it)
//! and a mention for each use of its name in the document.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, NamedNode};

use super::vocab::{org, pkg, prov, skos};
use super::{Writer, iri, node};
use crate::extract::entities::Discovered;

/// The node of a discovered entity, named by its label (or the label of
/// the first definition of its acronym): the same name in two documents is
/// one node.
pub fn discovered_iri(d: &Discovered) -> String {
    let kind = if d.actor {
        "actor/discovered"
    } else {
        "instrument/discovered"
    };
    iri::coined(kind, d.canonical.as_deref().unwrap_or(&d.label))
}

pub(super) fn write(w: &mut Writer<'_>, d: &Discovered) {
    let n = node(discovered_iri(d));
    if d.defined {
        define(w, &n, d);
    }
    for &(span, sentence) in &d.mentions {
        super::mentions::write_mention(w, n.clone(), span, sentence);
    }
}

/// The node itself: class, labels, acronym, title, party, provenance.
fn define(w: &mut Writer<'_>, n: &NamedNode, d: &Discovered) {
    let label = Literal::new_language_tagged_literal_unchecked(&d.label, d.lang);
    let class = NamedNode::new_unchecked(format!("{}{}", crate::lexicon::PKG, d.class));
    w.add(n, rdf::TYPE, class);
    // A second name for the entity another document defined first.
    let naming = if d.canonical.is_some() {
        skos::ALT_LABEL
    } else {
        skos::PREF_LABEL
    };
    w.add(n, naming, label);
    if let Some(a) = &d.acronym {
        w.add(n, pkg::ACRONYM, Literal::new_simple_literal(a));
    }
    if let Some(role) = &d.role {
        w.add(
            n,
            pkg::ROLE,
            Literal::new_language_tagged_literal_unchecked(role, d.lang),
        );
    }
    for e in [d.party, d.organisation].into_iter().flatten() {
        if let Some(e) = w.lexicon.entities.get(e) {
            w.add(n, org::MEMBER_OF, node(e.iri.clone()));
        }
    }
    w.add(
        n,
        pkg::DISCOVERED,
        Literal::new_typed_literal("true", xsd::BOOLEAN),
    );
    let d_node = w.d.clone();
    w.add(n, pkg::COINED_IN, d_node);
    let e = w.evidence(d.evidence);
    w.add(n, prov::WAS_DERIVED_FROM, e);
}
