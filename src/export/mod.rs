//! Graph exports: a view (a bundled SPARQL query in `queries/views/`, or
//! the user's own) becomes a petgraph graph between the store and the
//! writers, then DOT, GraphML, GEXF, Cytoscape.js JSON, Mermaid, JSON, or
//! a self-contained HTML explorer; SVG is rendered by Graphviz `dot` when
//! it is on PATH and from a layout computed here otherwise; PNG needs
//! Graphviz.
//!
//! Node and edge identities are the graph's IRIs; labels are the Dutch
//! preferred labels unless another language is asked for. Output is
//! deterministic: nodes and edges are sorted by IRI.

pub mod html;
pub mod writers;

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::store::{QueryOptions, Store, StoreError};

/// The bundled views, by name.
pub const VIEWS: &[(&str, &str)] = &[
    ("blocks", include_str!("../../queries/views/blocks.rq")),
    (
        "citations",
        include_str!("../../queries/views/citations.rq"),
    ),
    ("entity", include_str!("../../queries/views/entity.rq")),
    (
        "positions",
        include_str!("../../queries/views/positions.rq"),
    ),
    (
        "recommendations",
        include_str!("../../queries/views/recommendations.rq"),
    ),
];

/// Where one edge was read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    pub document: String,
    /// The line the quote begins on (none when a custom view gives none).
    pub line: Option<u64>,
    pub quote: String,
}

/// A node: an entity, a document, a recommendation, a coined group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    pub iri: String,
    pub label: String,
    /// Local name of its `pkg:` class ("State", "Instrument", "Group").
    pub kind: String,
    /// Local names of all its `pkg:` classes, sorted.
    pub classes: Vec<String>,
    /// External identifiers (`owl:sameAs`, `skos:closeMatch`).
    pub identifiers: Vec<String>,
    /// Mentions in the corpus.
    pub mentions: usize,
}

/// An edge: one relation between two nodes, with every quote that states it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edge {
    /// The fact's IRI (the first, when several facts say the same).
    pub iri: String,
    pub relation: String,
    /// How to draw it: a strength, a stance, "hedged", "corpus".
    pub style: String,
    pub mutual: bool,
    /// Labels of what two parties that block each other block each other
    /// on (an edge between the parties of a mutual blockade), sorted.
    pub on: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// Filters on a view.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Keep edges read in documents whose file name starts with this.
    pub document: Option<String>,
    /// Keep nodes of one of these kinds (and the edges between them): a
    /// class and its subclasses, as [`kinds`] gives them.
    pub kind: Option<BTreeSet<String>>,
    /// Drop entity nodes mentioned fewer times.
    pub min_mentions: usize,
    /// The neighbourhood of this node (IRI), `depth` steps out.
    pub focus: Option<(String, usize)>,
    /// Label language.
    pub lang: String,
}

/// The kind of a node of no `pkg:` class.
pub const UNTYPED: &str = "Resource";

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_SUBCLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
const OWL_CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
const RDFS_CLASS: &str = "http://www.w3.org/2000/01/rdf-schema#Class";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";

/// The kinds `--kind` can name: every `pkg:` class the vocabulary declares
/// or the lexicon uses, by local name, each with the kinds it takes in
/// (itself and its subclasses, transitively); and [`UNTYPED`].
pub fn kinds(ontology: &[Quad]) -> BTreeMap<String, BTreeSet<String>> {
    let local = |t: &str| t.strip_prefix(crate::lexicon::PKG).map(str::to_owned);
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut parents: Vec<(String, String)> = Vec::new();
    for q in ontology {
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            NamedOrBlankNode::BlankNode(_) => None,
        };
        let object = match &q.object {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        match q.predicate.as_str() {
            RDF_TYPE => {
                // A class declared (`pkg:X a owl:Class`) or used (`… a pkg:X`).
                let declared = object.is_some_and(|o| o == OWL_CLASS || o == RDFS_CLASS);
                let class = if declared {
                    subject.and_then(local)
                } else {
                    object.and_then(local)
                };
                if let Some(c) = class {
                    out.entry(c.clone()).or_default().insert(c);
                }
            }
            RDFS_SUBCLASS_OF => {
                if let (Some(sub), Some(sup)) = (subject.and_then(local), object.and_then(local)) {
                    parents.push((sub, sup));
                }
            }
            _ => {}
        }
    }
    // Each class takes in its subclasses, to a fixed point.
    let mut changed = true;
    while changed {
        changed = false;
        for (sub, sup) in &parents {
            let below: Vec<String> = out.get(sub).into_iter().flatten().cloned().collect();
            let entry = out.entry(sup.clone()).or_default();
            for k in below.into_iter().chain([sup.clone()]) {
                changed |= entry.insert(k);
            }
        }
    }
    out.insert(UNTYPED.to_owned(), BTreeSet::from([UNTYPED.to_owned()]));
    out
}

/// The languages the ontology's labels are in (`skos:prefLabel`,
/// `rdfs:label`), sorted: what `--lang` can ask for.
pub fn languages(ontology: &[Quad]) -> Vec<String> {
    let tags: BTreeSet<String> = ontology
        .iter()
        .filter(|q| matches!(q.predicate.as_str(), SKOS_PREF_LABEL | RDFS_LABEL))
        .filter_map(|q| match &q.object {
            Term::Literal(l) => l.language().map(str::to_ascii_lowercase),
            _ => None,
        })
        .collect();
    tags.into_iter().collect()
}

/// A view, as petgraph holds it.
pub type ViewGraph = DiGraph<Node, Edge>;

fn text(t: Option<&Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::BlankNode(b)) => format!("_:{}", b.as_str()),
        _ => String::new(),
    }
}

fn select(store: &Store, sparql: &str) -> Result<Vec<BTreeMap<String, String>>, StoreError> {
    store.query(sparql, QueryOptions::default(), |r| {
        let QueryResults::Solutions(solutions) = r else {
            return Err(StoreError::Evaluation(
                "a view is a SELECT with ?source ?target (and ?edge, ?relation, ?style, ?document, ?line, ?quote)".into(),
            ));
        };
        let vars: Vec<_> = solutions.variables().to_vec();
        let mut out = Vec::new();
        for s in solutions {
            let s = s.map_err(|e| StoreError::Evaluation(e.to_string()))?;
            out.push(
                vars.iter()
                    .filter_map(|v| s.get(v).map(|t| (v.as_str().to_owned(), text(Some(t)))))
                    .collect(),
            );
        }
        Ok(out)
    })
}

/// Runs a view and builds its graph.
pub fn view(store: &Store, sparql: &str, filters: &Filters) -> Result<ViewGraph, StoreError> {
    let rows = select(store, sparql)?;
    // (source, relation, style, target) → edge
    let mut edges: BTreeMap<(String, String, String, String), Edge> = BTreeMap::new();
    // Edge key → what the two parties block each other on.
    let mut on: BTreeMap<(String, String, String, String), BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        let (Some(source), Some(target)) = (r.get("source"), r.get("target")) else {
            continue;
        };
        // A mutual blockade between sides is an edge between the two
        // parties (each pair once), not one from a party to the item.
        let (source, target, blocked) = match r.get("counterpart") {
            Some(c) if c != source => {
                let (a, b) = if source < c { (source, c) } else { (c, source) };
                (a, b, Some(target))
            }
            _ => (source, target, None),
        };
        if let Some(prefix) = &filters.document
            && r.get("document")
                .is_some_and(|d| !d.starts_with(prefix.as_str()))
        {
            continue;
        }
        let mut relation = r
            .get("relation")
            .cloned()
            .unwrap_or_else(|| "related".into());
        if blocked.is_some() {
            relation = "block each other".into();
        }
        let style = r.get("style").cloned().unwrap_or_else(|| relation.clone());
        let e = edges
            .entry((
                source.clone(),
                relation.clone(),
                style.clone(),
                target.clone(),
            ))
            .or_insert_with(|| Edge {
                iri: r.get("edge").cloned().unwrap_or_default(),
                relation,
                style,
                ..Edge::default()
            });
        if let Some(edge) = r.get("edge")
            && (e.iri.is_empty() || *edge < e.iri)
        {
            e.iri = edge.clone();
        }
        e.mutual |= r.get("mutual").is_some_and(|m| m == "true");
        if let Some(x) = blocked {
            on.entry((
                source.clone(),
                e.relation.clone(),
                e.style.clone(),
                target.clone(),
            ))
            .or_default()
            .insert(x.clone());
        }
        if let (Some(document), Some(quote)) = (r.get("document"), r.get("quote")) {
            let ev = Evidence {
                document: document.clone(),
                line: r.get("line").and_then(|l| l.parse().ok()),
                quote: quote.clone(),
            };
            if !e.evidence.contains(&ev) {
                e.evidence.push(ev);
            }
        }
    }
    for e in edges.values_mut() {
        e.evidence.sort();
        if e.iri.is_empty() {
            e.iri = String::new();
        }
    }
    let iris: BTreeSet<String> = edges
        .keys()
        .flat_map(|(s, _, _, t)| [s.clone(), t.clone()])
        .collect();
    let items: BTreeSet<String> = on.values().flatten().cloned().collect();
    let nodes = describe(store, &iris, &filters.lang)?;
    let item_labels = describe(store, &items, &filters.lang)?;
    for (key, blocked) in on {
        if let Some(e) = edges.get_mut(&key) {
            let mut labels: Vec<String> = blocked
                .iter()
                .map(|x| {
                    item_labels
                        .get(x)
                        .map_or_else(|| short(x), |n| n.label.clone())
                })
                .collect();
            labels.sort();
            labels.dedup();
            e.on = labels;
        }
    }
    let mut g = ViewGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (iri, node) in nodes {
        index.insert(iri, g.add_node(node));
    }
    for ((s, _, _, t), mut e) in edges {
        if e.iri.is_empty() {
            e.iri = format!("{s} {} {t}", e.relation);
        }
        if let (Some(a), Some(b)) = (index.get(&s), index.get(&t)) {
            g.add_edge(*a, *b, e);
        }
    }
    Ok(filter(g, filters))
}

/// Labels, kinds, identifiers and mention counts of `iris`.
fn describe(
    store: &Store,
    iris: &BTreeSet<String>,
    lang: &str,
) -> Result<BTreeMap<String, Node>, StoreError> {
    let mut out: BTreeMap<String, Node> = iris
        .iter()
        .map(|i| {
            (
                i.clone(),
                Node {
                    iri: i.clone(),
                    label: short(i),
                    ..Node::default()
                },
            )
        })
        .collect();
    if iris.is_empty() {
        return Ok(out);
    }
    // The nodes in each branch: a VALUES outside a UNION would have every
    // branch evaluated over the whole store first.
    let values: String = iris.iter().map(|i| format!("<{i}> ")).collect();
    let rows = select(
        store,
        &format!(
            "PREFIX pkg: <https://w3id.org/policykg/def#>
             PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
             PREFIX owl: <http://www.w3.org/2002/07/owl#>
             PREFIX dcterms: <http://purl.org/dc/terms/>
             SELECT ?n ?label ?lang ?type ?id ?mentions WHERE {{
               {{ VALUES ?n {{ {values} }} ?n skos:prefLabel|dcterms:title|pkg:text ?label . BIND(LANG(?label) AS ?lang) }}
               UNION {{ VALUES ?n {{ {values} }} ?n a ?type . FILTER(STRSTARTS(STR(?type), \"https://w3id.org/policykg/def#\")) }}
               UNION {{ VALUES ?n {{ {values} }} ?n owl:sameAs|skos:closeMatch ?id }}
               UNION {{ SELECT ?n (COUNT(?m) AS ?mentions) WHERE {{ VALUES ?n {{ {values} }} ?m pkg:mentions ?n }} GROUP BY ?n }}
             }}"
        ),
    )?;
    // Preferred: the label in `lang`, then any other, shortest first.
    let mut labels: BTreeMap<String, Vec<(u8, usize, String)>> = BTreeMap::new();
    for r in rows {
        let Some(node) = r.get("n").and_then(|n| out.get_mut(n)) else {
            continue;
        };
        if let Some(l) = r.get("label") {
            let rank = match r.get("lang").map(String::as_str) {
                Some(x) if x == lang => 0,
                Some("") | None => 1,
                _ => 2,
            };
            labels
                .entry(node.iri.clone())
                .or_default()
                .push((rank, l.chars().count(), l.clone()));
        }
        if let Some(t) = r.get("type") {
            let t = t.rsplit('#').next().unwrap_or_default().to_owned();
            if node.kind.is_empty() || t < node.kind {
                node.kind = t.clone();
            }
            node.classes.push(t);
        }
        if let Some(id) = r.get("id") {
            node.identifiers.push(id.clone());
        }
        if let Some(m) = r.get("mentions") {
            node.mentions = m.parse().unwrap_or(0);
        }
    }
    for (iri, mut l) in labels {
        l.sort();
        if let (Some(node), Some((_, _, label))) = (out.get_mut(&iri), l.into_iter().next()) {
            node.label = label;
        }
    }
    for n in out.values_mut() {
        n.identifiers.sort();
        n.identifiers.dedup();
        n.classes.sort();
        n.classes.dedup();
        if n.kind.is_empty() {
            n.kind = UNTYPED.into();
        }
    }
    Ok(out)
}

/// The last segment of an IRI, for a node without a label.
fn short(iri: &str) -> String {
    iri.rsplit(['/', '#']).next().unwrap_or(iri).to_owned()
}

/// Applies kind, mention and focus filters; keeps IRI order.
fn filter(g: ViewGraph, f: &Filters) -> ViewGraph {
    let mut keep: BTreeSet<NodeIndex> = g
        .node_indices()
        .filter(|i| {
            let n = &g[*i];
            f.kind.as_ref().is_none_or(|kinds| {
                n.classes.iter().any(|c| kinds.contains(c))
                    || n.classes.is_empty() && kinds.contains(UNTYPED)
            }) && (f.min_mentions == 0
                || n.mentions >= f.min_mentions
                || !n.iri.contains("/id/actor/") && !n.iri.contains("/id/instrument/"))
        })
        .collect();
    if let Some((focus, depth)) = &f.focus {
        let mut reached: BTreeSet<NodeIndex> =
            g.node_indices().filter(|i| g[*i].iri == *focus).collect();
        let mut frontier = reached.clone();
        for _ in 0..*depth {
            if frontier.is_empty() {
                break;
            }
            let mut next = BTreeSet::new();
            for i in &frontier {
                for e in g.edges_directed(*i, petgraph::Direction::Outgoing) {
                    next.insert(e.target());
                }
                for e in g.edges_directed(*i, petgraph::Direction::Incoming) {
                    next.insert(e.source());
                }
            }
            next.retain(|i| !reached.contains(i));
            reached.extend(&next);
            frontier = next;
        }
        keep.retain(|i| reached.contains(i));
    }
    let mut out = ViewGraph::new();
    let mut map = BTreeMap::new();
    for i in g.node_indices().filter(|i| keep.contains(i)) {
        map.insert(i, out.add_node(g[i].clone()));
    }
    let mut edges: Vec<_> = g
        .edge_references()
        .filter_map(|e| {
            Some((
                *map.get(&e.source())?,
                *map.get(&e.target())?,
                e.weight().clone(),
            ))
        })
        .collect();
    edges.sort_by(|a, b| (&a.2.iri, a.0, a.1).cmp(&(&b.2.iri, b.0, b.1)));
    for (a, b, e) in edges {
        out.add_edge(a, b, e);
    }
    // Nodes left without an edge say nothing in a view of relations.
    out.retain_nodes(|g, i| g.neighbors_undirected(i).next().is_some());
    out
}
