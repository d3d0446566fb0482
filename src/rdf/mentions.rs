//! Quads of a mention: the entity named, the surface form and its
//! character offsets.

use oxigraph::model::Literal;
use oxigraph::model::vocab::rdf;

use super::vocab::{pkg, prov};
use super::{Writer, int, iri, node};
use crate::extract::{Evidence, Mention};

/// Writes mention `m`; nothing for an entity the lexicon does not hold.
pub(super) fn write(w: &mut Writer<'_>, m: &Mention) {
    let Some(entity) = w.lexicon.entities.get(m.entity) else {
        return;
    };
    let entity = node(entity.iri.clone());
    let n = w.next("mention");
    let mnode = node(iri::mention(&w.doc.slug, n));
    let e = w.evidence(m.evidence);
    w.add(&mnode, rdf::TYPE, pkg::MENTION);
    w.add(&mnode, pkg::MENTIONS, entity);
    let d = w.d.clone();
    w.add(&mnode, pkg::IN_DOCUMENT, d);
    let surface = w
        .text(Evidence {
            start: m.start,
            end: m.end,
        })
        .to_owned();
    w.add(
        &mnode,
        pkg::SURFACE_FORM,
        Literal::new_simple_literal(surface),
    );
    let text = &w.doc.text.text;
    let (start, end) = (
        w.chars.chars_at(text, m.start),
        w.chars.chars_at(text, m.end),
    );
    w.add(&mnode, pkg::SURFACE_START, int(start));
    w.add(&mnode, pkg::SURFACE_END, int(end));
    w.add(&mnode, prov::WAS_DERIVED_FROM, e);
}
