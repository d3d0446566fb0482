//! Quads of a mention: the entity named, the surface form and its
//! character offsets, and the line of its evidence.

use oxigraph::model::vocab::rdf;
use oxigraph::model::{Literal, NamedNode};

use super::vocab::{pkg, prov};
use super::{Writer, int, iri, node};
use crate::extract::{Evidence, Mention};

/// Writes mention `m`; nothing for an entity the lexicon does not hold.
pub(super) fn write(w: &mut Writer<'_>, m: &Mention) {
    let Some(entity) = w.lexicon.entities.get(m.entity) else {
        return;
    };
    let entity = node(entity.iri.clone());
    let span = Evidence {
        start: m.start,
        end: m.end,
    };
    write_mention(w, entity, span, m.evidence);
}

/// Writes one mention of `entity`, the name at `span` in the sentence
/// `sentence` (its evidence): for a lexicon entity and for one discovered
/// in the document alike.
pub(super) fn write_mention(
    w: &mut Writer<'_>,
    entity: NamedNode,
    span: Evidence,
    sentence: Evidence,
) {
    let n = w.next("mention");
    let mnode = node(iri::mention(&w.doc.slug, n));
    let e = w.evidence(sentence);
    w.add(&mnode, rdf::TYPE, pkg::MENTION);
    w.add(&mnode, pkg::MENTIONS, entity);
    let d = w.d.clone();
    w.add(&mnode, pkg::IN_DOCUMENT, d);
    let surface = w.text(span).to_owned();
    w.add(
        &mnode,
        pkg::SURFACE_FORM,
        Literal::new_simple_literal(surface),
    );
    let text = &w.doc.text.text;
    let (start, end) = (
        w.chars.chars_at(text, span.start),
        w.chars.chars_at(text, span.end),
    );
    w.add(&mnode, pkg::SURFACE_START, int(start));
    w.add(&mnode, pkg::SURFACE_END, int(end));
    w.add(&mnode, prov::WAS_DERIVED_FROM, e);
    // The evidence's line on the mention too: "where is X mentioned" is
    // the commonest question, and one lookup fewer per mention.
    let line = w.doc.text.line_at(super::trim_span(text, sentence).start);
    w.add(&mnode, pkg::LINE, int(line as usize));
}
