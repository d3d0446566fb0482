//! Facts to quads: minting IRIs, the vocabulary constants, one named graph
//! per document and the evidence of every fact as a W3C Web Annotation.
//!
//! Parses no text: it receives documents, their segmentation and facts.

mod blockades;
mod citations;
mod discovered;
mod identity;
pub mod iri;
mod mentions;
mod positions;
mod recommendations;
mod responses;
pub mod vocab;

use std::collections::BTreeMap;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

use crate::corpus::Document;
use crate::extract::{Coined, Evidence, Fact, Party, Recommendation};
use crate::lexicon::Lexicon;
use crate::resolve::{DocId, DocumentFacts, ItemId, Occurrence, Resolution};
use crate::text::Segmented;
use vocab::{dcterms, foaf, oa, pkg, prov, skos};

/// Characters of context kept before and after a quote.
const CONTEXT: usize = 32;

/// One canonical document with what was found in it.
#[derive(Clone, Copy, Debug)]
pub struct DocumentGraph<'a> {
    pub document: &'a Document,
    pub segmented: &'a Segmented,
    pub facts: &'a [Fact],
    /// Other renderings of the same document, with their similarity.
    pub alternatives: &'a [(&'a Document, f64)],
    /// What each of its recommendation occurrences (by id) resolves to.
    pub recommendations: &'a BTreeMap<usize, RecIdentity>,
    /// The same for its conclusions.
    pub conclusions: &'a BTreeMap<usize, RecIdentity>,
    /// Cited works that are documents of the corpus (by slug).
    pub cited_documents: &'a BTreeMap<crate::extract::Cited, String>,
    /// The language the document is written in ("nl", "en").
    pub language: &'a str,
}

/// The IRI of a cited work.
pub fn cited_iri(c: &crate::extract::Cited) -> String {
    use crate::extract::Cited;
    match c {
        Cited::Kamerstuk { dossier, number } => iri::kamerstuk(dossier, number),
        Cited::EuAct { celex, .. } => iri::eu_act(celex),
        Cited::Work { title } => iri::coined("work", title),
    }
}

/// The IRI a recommendation occurrence resolves to, and whether this
/// occurrence is the canonical one.
#[derive(Clone, Debug, PartialEq)]
pub struct RecIdentity {
    pub iri: String,
    pub canonical: bool,
    pub similarity: f64,
    /// Listed only in a non-canonical rendering of its document.
    pub extra: bool,
}

/// The IRIs of one kind of item (recommendations or conclusions), by
/// document and item.
#[derive(Clone, Debug, Default)]
pub struct Identities(BTreeMap<DocId, BTreeMap<usize, RecIdentity>>);

impl Identities {
    /// Takes the identities of `document`'s items (by recommendation id).
    pub fn take(&mut self, document: DocId) -> BTreeMap<usize, RecIdentity> {
        self.0.remove(&document).unwrap_or_default()
    }
}

/// Mints the IRI of every recommendation occurrence: the canonical
/// occurrence's document and number (prose ones by their order; an extra
/// item of a secondary rendering by its rendering).
pub fn recommendation_identities(
    documents: &[DocumentFacts<'_>],
    resolution: &Resolution,
) -> Identities {
    identities(
        documents,
        resolution,
        crate::resolve::recommendation_of,
        iri::recommendation,
        None,
    )
}

/// [`recommendation_identities`] for conclusions: the main conclusion is
/// `…/main`.
pub fn conclusion_identities(
    documents: &[DocumentFacts<'_>],
    resolution: &Resolution,
) -> Identities {
    identities(
        documents,
        resolution,
        crate::resolve::conclusion_of,
        iri::conclusion,
        Some("main"),
    )
}

fn identities(
    documents: &[DocumentFacts<'_>],
    resolution: &Resolution,
    select: fn(&Fact) -> Option<&Recommendation>,
    mint: fn(&str, &str) -> String,
    main_key: Option<&str>,
) -> Identities {
    let recs: BTreeMap<DocId, (&Document, BTreeMap<usize, &Recommendation>)> = documents
        .iter()
        .map(|d| {
            let items = d
                .facts
                .iter()
                .filter_map(select)
                .map(|r| (r.id, r))
                .collect();
            (d.id, (d.document, items))
        })
        .collect();
    let key = |at: Occurrence| -> Option<(String, bool)> {
        let items = &recs.get(&at.document)?.1;
        let id = at.item.0;
        let r = items.get(&id)?;
        let canonical_group = resolution.canonical_group(at.document);
        let in_canonical = canonical_group.is_none_or(|g| g == r.group);
        Some(match &r.number {
            None if main_key.is_some() && r.parent.is_none() && r.group != usize::MAX => {
                let k = main_key.unwrap_or_default();
                if in_canonical {
                    (k.to_owned(), false)
                } else {
                    (format!("{k}-r{}", r.group + 1), true)
                }
            }
            None => {
                let ordinal = items
                    .values()
                    .filter(|o| o.number.is_none() && o.id <= id)
                    .count();
                (format!("p{ordinal}"), false)
            }
            Some(n) if in_canonical => (n.clone(), false),
            Some(n) => (format!("{n}-r{}", r.group + 1), true),
        })
    };
    Identities(
        recs.iter()
            .map(|(&d, (_, items))| {
                let ids = items
                    .keys()
                    .filter_map(|&id| {
                        let here = Occurrence {
                            document: d,
                            item: ItemId(id),
                        };
                        let target = resolution.get(here);
                        let (k, extra) = key(target.to)?;
                        let slug = &recs.get(&target.to.document)?.0.slug;
                        Some((
                            id,
                            RecIdentity {
                                iri: mint(slug, &k),
                                canonical: target.to == here,
                                similarity: target.similarity,
                                extra,
                            },
                        ))
                    })
                    .collect();
                (d, ids)
            })
            .collect(),
    )
}

/// Writes the facts of one document's graph: what every fact kind's slice
/// (`rdf/<kind>.rs`) writes with. One evidence node per span; each kind
/// numbers its nodes in the order of its facts.
struct Writer<'a> {
    sink: Sink,
    doc: &'a Document,
    /// The document node.
    d: NamedNode,
    lexicon: &'a Lexicon,
    chars: CharIndex,
    evidence: BTreeMap<Evidence, NamedNode>,
    ordinals: BTreeMap<&'static str, usize>,
    /// The document's language ("nl", "en"): the tag of its text.
    lang: &'a str,
}

impl Writer<'_> {
    /// Text of the document (a quote, a coined label), tagged with its
    /// language.
    fn literal(&self, text: &str) -> Literal {
        tagged(text, self.lang)
    }

    fn add(&mut self, s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: impl Into<Term>) {
        self.sink.add(s, p, o);
    }

    /// The evidence node of `ev`, written the first time it is asked for.
    fn evidence(&mut self, ev: Evidence) -> NamedNode {
        if let Some(n) = self.evidence.get(&ev) {
            return n.clone();
        }
        let n = add_evidence(&mut self.sink, self.doc, &self.d, ev, &self.chars);
        self.evidence.insert(ev, n.clone());
        n
    }

    /// The node of a party (a coined one is written into this graph).
    fn party(&mut self, p: &Party) -> Option<NamedNode> {
        party(&mut self.sink, p, self.lexicon, &self.d, self.lang)
    }

    /// The next ordinal of `kind` in this document, from 1.
    fn next(&mut self, kind: &'static str) -> usize {
        let n = self.ordinals.entry(kind).or_default();
        *n += 1;
        *n
    }

    /// The document's repaired text between the offsets of `ev`.
    fn text(&self, ev: Evidence) -> &str {
        &self.doc.text.text[ev.start..ev.end]
    }

    /// A stance, strength or other `pkg:` term by its local name.
    fn pkg_term(local: &str) -> NamedNode {
        node(format!("{}{local}", crate::lexicon::PKG))
    }
}

/// Collects quads into one graph.
struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Sink {
    fn add(&mut self, s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }
}

fn node(iri: String) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// A label the tool writes in Dutch ("Kamerstuk 36800, nr. 5").
fn nl(text: &str) -> Literal {
    tagged(text, "nl")
}

/// `text` tagged with the language `lang` ("nl", "en").
fn tagged(text: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, lang)
}

/// Maps byte offsets of a text to character offsets (Web Annotation
/// positions count characters).
struct CharIndex {
    /// Character count at every 64th byte, to keep the table small.
    marks: Vec<usize>,
}

impl CharIndex {
    const STEP: usize = 64;

    fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut chars = 0;
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if i % Self::STEP == 0 {
                marks.push(chars);
            }
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        marks.push(chars);
        Self { marks }
    }

    fn chars_at(&self, text: &str, byte: usize) -> usize {
        let block = byte / Self::STEP;
        let base = self.marks.get(block).copied().unwrap_or(0);
        let from = block * Self::STEP;
        base + text.as_bytes()[from.min(byte)..byte]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
    }
}

fn context_before(text: &str, at: usize) -> String {
    let chars: Vec<char> = text[..at].chars().rev().take(CONTEXT).collect();
    chars
        .into_iter()
        .rev()
        .collect::<String>()
        .replace('\n', " ")
}

fn context_after(text: &str, at: usize) -> String {
    text[at..]
        .chars()
        .take(CONTEXT)
        .collect::<String>()
        .replace('\n', " ")
}

/// `ev` without the white space at its ends.
fn trim_span(text: &str, ev: Evidence) -> Evidence {
    let Some(piece) = text.get(ev.start..ev.end) else {
        return ev;
    };
    let start = ev.start + (piece.len() - piece.trim_start().len());
    let end = (ev.end - (piece.len() - piece.trim_end().len())).max(start);
    Evidence { start, end }
}

fn add_evidence(
    sink: &mut Sink,
    doc: &Document,
    doc_iri: &NamedNode,
    ev: Evidence,
    chars: &CharIndex,
) -> NamedNode {
    let text = &doc.text.text;
    // Evidence never begins or ends in white space: its line is the line
    // of its first character.
    let ev = trim_span(text, ev);
    let iri = iri::evidence(&doc.slug, ev.start, ev.end);
    let ev_node = node(iri.clone());
    let target = node(format!("{iri}#target"));
    let quote = node(format!("{iri}#quote"));
    let position = node(format!("{iri}#position"));
    sink.add(&ev_node, rdf::TYPE, oa::ANNOTATION);
    sink.add(&ev_node, oa::HAS_TARGET, target.clone());
    sink.add(
        &ev_node,
        pkg::LINE,
        int(doc.text.line_at(ev.start) as usize),
    );
    sink.add(&target, oa::HAS_SOURCE, doc_iri.clone());
    sink.add(&target, oa::HAS_SELECTOR, quote.clone());
    sink.add(&target, oa::HAS_SELECTOR, position.clone());
    sink.add(&quote, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR);
    sink.add(
        &quote,
        oa::EXACT,
        Literal::new_simple_literal(&text[ev.start..ev.end]),
    );
    sink.add(
        &quote,
        oa::PREFIX,
        Literal::new_simple_literal(context_before(text, ev.start)),
    );
    sink.add(
        &quote,
        oa::SUFFIX,
        Literal::new_simple_literal(context_after(text, ev.end)),
    );
    sink.add(&position, rdf::TYPE, oa::TEXT_POSITION_SELECTOR);
    sink.add(&position, oa::START, int(chars.chars_at(text, ev.start)));
    sink.add(&position, oa::END, int(chars.chars_at(text, ev.end)));
    ev_node
}

fn add_document_node(sink: &mut Sink, doc: &Document, lexicon: &Lexicon, lang: &str) -> NamedNode {
    let d = node(iri::document(&doc.slug));
    let meta = &doc.metadata;
    sink.add(&d, rdf::TYPE, pkg::DOCUMENT);
    if meta.document_type != "Document" {
        sink.add(
            &d,
            rdf::TYPE,
            node(format!("{}{}", crate::lexicon::PKG, meta.document_type)),
        );
    }
    sink.add(
        &d,
        pkg::SOURCE_FILE,
        Literal::new_simple_literal(&doc.file_name),
    );
    sink.add(
        &d,
        pkg::ENCODING,
        Literal::new_simple_literal(doc.encoding.label()),
    );
    if let Some(title) = &meta.title {
        sink.add(&d, dcterms::TITLE, tagged(title, lang));
    }
    if let Some((date, _stated)) = &meta.date {
        sink.add(
            &d,
            dcterms::DATE,
            Literal::new_typed_literal(date.iso(), xsd::DATE),
        );
    }
    if let Some(reference) = &meta.reference {
        sink.add(
            &d,
            dcterms::IDENTIFIER,
            Literal::new_simple_literal(reference),
        );
    }
    identity::add_header(sink, &d, meta);
    for creator in &meta.creators {
        match lexicon.lookup(creator) {
            Some(e) => sink.add(&d, dcterms::CREATOR, node(e.iri.clone())),
            None => sink.add(&d, dcterms::CREATOR, tagged(creator, lang)),
        }
    }
    for (i, s) in meta.signatories.iter().enumerate() {
        let sig = node(iri::signatory(&doc.slug, i + 1));
        sink.add(&d, pkg::SIGNATORY, sig.clone());
        sink.add(&sig, rdf::TYPE, pkg::SIGNATORY_CLASS);
        sink.add(&sig, foaf::NAME, Literal::new_simple_literal(&s.name));
        if let Some(role) = &s.role {
            sink.add(&sig, pkg::ROLE, tagged(role, lang));
        }
    }
    d
}

/// What the dates a document names say of its own date, where it states
/// none: `pkg:notBefore` / `pkg:notAfter` with the sentences they come
/// from (`pkg:dateEvidence`), and `dcterms:date` as the year or month both
/// bounds fall in, marked `pkg:dateInferred`. Never a day.
fn add_date_bounds(
    sink: &mut Sink,
    d: &NamedNode,
    bounds: &crate::corpus::DateBounds,
    ev_node: &mut impl FnMut(&mut Sink, Evidence) -> NamedNode,
) {
    if let Some((year, month)) = bounds.month() {
        sink.add(
            d,
            dcterms::DATE,
            Literal::new_typed_literal(format!("{year:04}-{month:02}"), xsd::G_YEAR_MONTH),
        );
        sink.add(d, pkg::DATE_INFERRED, Literal::from(true));
    } else if let Some(year) = bounds.year() {
        sink.add(
            d,
            dcterms::DATE,
            Literal::new_typed_literal(format!("{year:04}"), xsd::G_YEAR),
        );
        sink.add(d, pkg::DATE_INFERRED, Literal::from(true));
    }
    for (bound, predicate) in [
        (&bounds.not_before, pkg::NOT_BEFORE),
        (&bounds.not_after, pkg::NOT_AFTER),
    ] {
        if let Some(r) = bound {
            sink.add(
                d,
                predicate,
                Literal::new_typed_literal(r.date.iso(), xsd::DATE),
            );
            let ev = ev_node(
                sink,
                Evidence {
                    start: r.start,
                    end: r.end,
                },
            );
            sink.add(d, pkg::DATE_EVIDENCE, ev);
        }
    }
}

/// The quads of one canonical document's graph.
pub fn document_quads(g: &DocumentGraph<'_>, lexicon: &Lexicon) -> Vec<Quad> {
    let doc = g.document;
    let mut sink = Sink {
        graph: GraphName::NamedNode(node(iri::graph(&doc.slug))),
        quads: Vec::new(),
    };
    let d = add_document_node(&mut sink, doc, lexicon, g.language);
    sink.add(
        &d,
        dcterms::LANGUAGE,
        Literal::new_simple_literal(g.language),
    );
    for (alt, similarity) in g.alternatives {
        let a = add_document_node(&mut sink, alt, lexicon, g.language);
        sink.add(&d, pkg::ALTERNATIVE_RENDERING, a.clone());
        sink.add(
            &a,
            pkg::SIMILARITY,
            Literal::new_typed_literal(format!("{similarity:.3}"), xsd::DECIMAL),
        );
    }
    let chars = CharIndex::new(&doc.text.text);
    let mut evidence: BTreeMap<Evidence, NamedNode> = BTreeMap::new();
    let mut ev_node = |sink: &mut Sink, ev: Evidence| -> NamedNode {
        evidence
            .entry(ev)
            .or_insert_with(|| add_evidence(sink, doc, &d, ev, &chars))
            .clone()
    };
    add_date_bounds(&mut sink, &d, &doc.metadata.date_bounds, &mut ev_node);
    for (i, f) in doc.text.footnotes.iter().enumerate() {
        let fnode = node(iri::footnote(&doc.slug, i + 1));
        sink.add(&d, pkg::FOOTNOTE_PROP, fnode.clone());
        sink.add(&fnode, rdf::TYPE, pkg::FOOTNOTE);
        sink.add(
            &fnode,
            pkg::NUMBER,
            Literal::new_simple_literal(f.number.to_string()),
        );
        sink.add(
            &fnode,
            pkg::TEXT,
            Literal::new_simple_literal(&doc.text.text[f.start..f.end]),
        );
        sink.add(&fnode, pkg::IN_DOCUMENT, d.clone());
        sink.add(&fnode, pkg::LINE, int(doc.text.line_at(f.start) as usize));
        if let Some(ev) = f.marker.and_then(|m| g.marker_sentence(m)) {
            let e = ev_node(&mut sink, ev);
            sink.add(&fnode, prov::WAS_DERIVED_FROM, e);
        }
    }
    let mut w = Writer {
        sink,
        doc,
        d,
        lexicon,
        chars,
        evidence,
        ordinals: BTreeMap::new(),
        lang: g.language,
    };
    identity::write(&mut w);
    // One line per fact kind: its slice writes its quads.
    for fact in g.facts {
        match fact {
            Fact::Recommendation(r) => recommendations::write(&mut w, g.recommendations, r, false),
            Fact::Conclusion(r) => recommendations::write(&mut w, g.conclusions, r, true),
            Fact::Response(r) => responses::write(&mut w, g.recommendations, r),
            Fact::Blockade(b) => blockades::write(&mut w, b),
            Fact::Citation(c) => citations::write(&mut w, g.cited_documents, c),
            Fact::Position(p) => positions::write(&mut w, p),
            Fact::Mention(m) => mentions::write(&mut w, m),
            Fact::Discovered(d) => discovered::write(&mut w, d),
        }
    }
    w.sink.quads
}

/// The node of a party: the lexicon entity, or a coined node with its
/// label (written into the document's graph).
fn party(
    sink: &mut Sink,
    p: &Party,
    lexicon: &Lexicon,
    doc: &NamedNode,
    lang: &str,
) -> Option<NamedNode> {
    match p {
        Party::Entity(e) => lexicon.entities.get(*e).map(|e| node(e.iri.clone())),
        Party::Coined(kind, label) => {
            let (path, class) = match kind {
                Coined::Group => ("group", pkg::GROUP),
                Coined::Issue => ("issue", pkg::ISSUE),
                Coined::Initiative => ("initiative", pkg::INITIATIVE),
            };
            let canonical = relation_concept(label, lexicon);
            let pref = canonical.as_deref().unwrap_or(label);
            let n = node(iri::coined(path, pref));
            sink.add(&n, rdf::TYPE, class);
            sink.add(&n, skos::PREF_LABEL, tagged(pref, lang));
            if pref != label {
                sink.add(&n, skos::ALT_LABEL, tagged(label, lang));
            }
            sink.add(&n, pkg::COINED_IN, doc.clone());
            Some(n)
        }
    }
}

/// The one name of a relation between two or more lexicon entities,
/// however the text writes it: "EU-NAVO-samenwerking", "de samenwerking
/// tussen de EU en de NAVO" and "samenwerking tussen NAVO en EU" are all
/// "EU-NAVO-samenwerking"; "EU-NATO cooperation" and "cooperation between
/// NATO and the EU" are "EU-NATO cooperation". The parties are written as
/// the label writes them, ordered by their IRIs. `None` when the label is
/// no such relation.
pub fn relation_concept(label: &str, lexicon: &Lexicon) -> Option<String> {
    use crate::analysis::frames::Lang;
    use crate::analysis::grammar::{Grammar, has};
    // The whole of `text` as a list of entities with their written forms,
    // separated only by `sep` (hyphens, or articles and coordinators).
    let parties = |text: &str, sep: &dyn Fn(&str) -> bool| -> Option<Vec<(usize, String)>> {
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut at = 0;
        for m in lexicon.find(text) {
            if !text[at..m.start]
                .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
                .all(sep)
            {
                return None;
            }
            out.push((m.entity, text[m.start..m.end].to_owned()));
            at = m.end;
        }
        let rest_ok = text[at..]
            .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
            .all(sep);
        (rest_ok && out.len() >= 2).then_some(out)
    };
    let render = |mut ps: Vec<(usize, String)>, head: &str, glue: &str| {
        ps.sort_by(|a, b| lexicon.entities[a.0].iri.cmp(&lexicon.entities[b.0].iri));
        ps.dedup_by_key(|p| p.0);
        (ps.len() >= 2).then(|| {
            let names: Vec<&str> = ps.iter().map(|p| p.1.as_str()).collect();
            format!("{}{glue}{head}", names.join("-"))
        })
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // "EU-NAVO-samenwerking": parties and head in one compound.
    if let [compound] = words.as_slice() {
        let (left, head) = compound.rsplit_once('-')?;
        if !lower(head) {
            return None;
        }
        return render(parties(left, &str::is_empty)?, head, "-");
    }
    // "EU-NATO cooperation": a compound of parties before the head noun.
    if let [left, head] = words.as_slice()
        && lower(head)
        && left.contains('-')
        && let Some(c) = parties(left, &str::is_empty).and_then(|p| render(p, head, " "))
    {
        return Some(c);
    }
    // "samenwerking tussen (de) A en (de) B": the head, the preposition of
    // a relation, and parties joined by articles and coordinators.
    for lang in [Lang::Nl, Lang::En] {
        let g = Grammar::of(lang);
        let [head, prep, ..] = words.as_slice() else {
            return None;
        };
        if !lower(head) || !has(g.between, &prep.to_lowercase()) {
            continue;
        }
        let rest = label.splitn(3, char::is_whitespace).nth(2)?;
        let sep = |w: &str| {
            let w = w.to_lowercase();
            w.is_empty() || has(g.determiners, &w) || has(g.coordinators, &w)
        };
        let ps = parties(rest, &sep)?;
        return match lang {
            Lang::Nl => render(ps, head, "-"),
            Lang::En => render(ps, head, " "),
        };
    }
    None
}

impl DocumentGraph<'_> {
    /// The evidence span of the sentence that holds a footnote marker.
    fn marker_sentence(&self, marker: usize) -> Option<Evidence> {
        let s = self.segmented.sentence_at(marker.saturating_sub(1))?;
        Some(Evidence {
            start: s.start,
            end: s.end,
        })
    }
}

/// The ontology and lexicon, in their own named graph.
pub fn ontology_quads(lexicon: &Lexicon) -> Vec<Quad> {
    let graph = GraphName::NamedNode(node(iri::ontology_graph()));
    lexicon
        .ontology_quads
        .iter()
        .map(|q| {
            Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                q.object.clone(),
                graph.clone(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::relation_concept;
    use crate::lexicon::{Lexicon, OntologySource};

    fn concept(label: &str) -> Option<String> {
        let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
        relation_concept(label, &lexicon)
    }

    #[test]
    fn a_relation_written_as_compound_or_with_tussen_is_one_concept() {
        let compound = concept("EU-NAVO-samenwerking");
        assert_eq!(compound.as_deref(), Some("EU-NAVO-samenwerking"));
        assert_eq!(concept("samenwerking tussen de EU en de NAVO"), compound);
        assert_eq!(concept("samenwerking tussen NAVO en EU"), compound);
        assert_eq!(concept("NAVO-EU-samenwerking"), compound);
    }

    #[test]
    fn an_english_relation_written_either_way_is_one_concept() {
        let compound = concept("EU-NATO cooperation");
        assert_eq!(compound.as_deref(), Some("EU-NATO cooperation"));
        assert_eq!(concept("cooperation between NATO and the EU"), compound);
    }

    #[test]
    fn a_phrase_that_is_no_relation_between_named_parties_keeps_its_own_name() {
        assert_eq!(concept("samenwerking tussen lidstaten"), None);
        assert_eq!(
            concept("samenwerking tussen de EU en enkele partners"),
            None
        );
        assert_eq!(concept("EU-samenwerking"), None);
        assert_eq!(concept("militaire mobiliteit"), None);
        assert_eq!(concept("Frans-Duitse samenwerking"), None);
    }
}
