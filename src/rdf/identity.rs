//! Quads of a document's own identity as its header states it: the
//! Kamerstuk it is published as, the Tweede Kamer's numbers and the
//! Aanhangsel number (typed `dcterms:identifier`s), the vergaderjaar, the
//! dates by role, who asks and who answers Kamervragen, and their
//! questions and answers (`pkg:Question`, `pkg:Answer`).

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};

use super::vocab::{dcterms, owl, pkg, prov, skos};
use super::{Sink, Writer, int, iri, nl, node};
use crate::corpus::{DateRole, Metadata, TextSpan};
use crate::extract::Evidence;

/// The header's literals on document node `d` (of a canonical document or
/// of another rendering of it). The stated date is `dcterms:date`, written
/// with the rest of the document node.
pub(super) fn add_header(sink: &mut Sink, d: &NamedNode, meta: &Metadata) {
    if meta.title.is_some() && meta.title_derived {
        sink.add(d, pkg::TITLE_DERIVED, Literal::from(true));
    }
    for (value, datatype) in [
        (&meta.document_number, pkg::DOCUMENT_NUMBER),
        (&meta.case_number, pkg::CASE_NUMBER),
        (&meta.aanhangsel, pkg::AANHANGSEL_NUMBER),
    ] {
        if let Some(v) = value {
            sink.add(
                d,
                dcterms::IDENTIFIER,
                Literal::new_typed_literal(v, datatype),
            );
        }
    }
    if let Some(year) = &meta.vergaderjaar {
        sink.add(d, pkg::VERGADERJAAR, Literal::new_simple_literal(year));
    }
    for (role, date, _) in &meta.dates {
        let Some(predicate) = date_predicate(*role) else {
            continue;
        };
        sink.add(
            d,
            predicate,
            Literal::new_typed_literal(date.iso(), xsd::DATE),
        );
    }
    for name in &meta.asked_by {
        sink.add(d, pkg::ASKED_BY, Literal::new_simple_literal(name));
    }
    for name in &meta.answered_by {
        sink.add(d, pkg::ANSWERED_BY, Literal::new_simple_literal(name));
    }
}

/// The predicate of a date by its role; the dated one is `dcterms:date`,
/// written apart (it may also be inferred).
fn date_predicate(role: DateRole) -> Option<NamedNodeRef<'static>> {
    match role {
        DateRole::Dated => None,
        DateRole::Adopted => Some(dcterms::DATE_ACCEPTED),
        DateRole::Submitted => Some(dcterms::DATE_SUBMITTED),
        DateRole::Answered => Some(pkg::ANSWERED_ON),
        DateRole::Proposed => Some(pkg::PROPOSED_ON),
    }
}

/// The label of a Kamerstuk, as a citation of it is labelled.
pub(super) fn kamerstuk_label(dossier: &str, number: &str) -> String {
    if number.chars().all(|c| c.is_ascii_digit()) {
        format!("Kamerstuk {dossier}, nr. {number}")
    } else {
        format!("Kamerstuk {dossier}, {number}")
    }
}

/// The Kamerstuk a canonical document is published as, and its questions
/// and answers.
pub(super) fn write(w: &mut Writer<'_>) {
    let doc = w.doc;
    let meta = &doc.metadata;
    if let Some(k) = &meta.kamerstuk {
        let n = node(iri::kamerstuk(&k.dossier, &k.number));
        let d = w.d.clone();
        w.add(&d, pkg::PUBLISHED_AS, n.clone());
        w.add(&n, pkg::CORPUS_DOCUMENT, d);
        w.add(&n, rdf::TYPE, dcterms::BIBLIOGRAPHIC_RESOURCE);
        w.add(&n, rdf::TYPE, pkg::KAMERSTUK);
        w.add(&n, pkg::DOSSIER, Literal::new_simple_literal(&k.dossier));
        w.add(&n, pkg::NUMBER, Literal::new_simple_literal(&k.number));
        w.add(
            &n,
            skos::PREF_LABEL,
            nl(&kamerstuk_label(&k.dossier, &k.number)),
        );
        w.add(
            &n,
            owl::SAME_AS,
            node(iri::kamerstuk_official(&k.dossier, &k.number)),
        );
    }
    for (i, pair) in meta.qa.iter().enumerate() {
        let question = pair
            .question
            .map(|span| part(w, iri::question(&doc.slug, i + 1), pkg::QUESTION, span));
        let answer = node(iri::answer(&doc.slug, i + 1));
        let d = w.d.clone();
        w.add(&answer, rdf::TYPE, pkg::ANSWER);
        w.add(&answer, pkg::IN_DOCUMENT, d);
        if let Some(span) = pair.answer {
            text(w, &answer, span);
        }
        for n in std::iter::once(&answer).chain(&question) {
            if let Some(number) = &pair.number {
                w.add(n, pkg::NUMBER, Literal::new_simple_literal(number));
            }
        }
        if let Some(q) = question {
            w.add(&answer, pkg::ANSWERS, q);
        }
    }
}

/// A question node with its text.
fn part(w: &mut Writer<'_>, iri: String, class: NamedNodeRef<'_>, span: TextSpan) -> NamedNode {
    let n = node(iri);
    let d = w.d.clone();
    w.add(&n, rdf::TYPE, class);
    w.add(&n, pkg::IN_DOCUMENT, d);
    text(w, &n, span);
    n
}

/// The text of a question or answer, its line and its evidence.
fn text(w: &mut Writer<'_>, n: &NamedNode, span: TextSpan) {
    let ev = Evidence {
        start: span.start,
        end: span.end,
    };
    let doc = w.doc;
    let Some(t) = doc.text.text.get(span.start..span.end) else {
        return;
    };
    let t = Literal::new_simple_literal(t);
    w.add(n, pkg::TEXT, t);
    w.add(n, pkg::LINE, int(span.line as usize));
    let e = w.evidence(ev);
    w.add(n, prov::WAS_DERIVED_FROM, e);
}
