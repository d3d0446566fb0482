//! Writers of a view graph: DOT, GraphML, GEXF, Cytoscape.js elements,
//! Mermaid, and JSON with evidence. Node ids in DOT and Mermaid are `n0`,
//! `n1`, … in the graph's (IRI) order, with the IRI kept as an attribute;
//! the other formats use the IRIs themselves.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef;
use serde_json::json;

use super::{Edge, ViewGraph};

/// The formats the writers handle (SVG and PNG go through DOT).
pub const FORMATS: &[&str] = &[
    "dot",
    "svg",
    "png",
    "graphml",
    "gexf",
    "cytoscape",
    "mermaid",
    "json",
    "html",
];

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn dot_string(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// Wraps a label at about `width` characters, for readable boxes.
pub(super) fn wrap(label: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in label.split_whitespace() {
        if line > 0 && line + w.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

/// (colour, DOT style, pen width) of an edge by its style. The colours are
/// the Okabe–Ito palette, told apart with every kind of colour blindness,
/// and the strength of a blockade is also in the line: the weaker, the
/// thinner and more broken (Veto bold, Blocks solid, Obstructs dashed,
/// Hinders dotted, LacksSupport thin dotted grey).
pub(super) fn edge_look(e: &Edge) -> (&'static str, &'static str, f32) {
    match e.style.as_str() {
        "Veto" => ("#000000", "bold", 3.2),
        "Blocks" => ("#D55E00", "solid", 2.4),
        "Obstructs" => ("#CC79A7", "dashed", 1.8),
        "Hinders" => ("#0072B2", "dotted", 1.6),
        "LacksSupport" => ("#999999", "dotted", 1.0),
        "supports" | "Endorses" => ("#009E73", "solid", 1.4),
        "opposes" | "Rejects" => ("#D55E00", "solid", 1.4),
        "proposes" => ("#56B4E9", "solid", 1.4),
        "leads" | "coLeads" => ("#E69F00", "bold", 2.0),
        "hedged" | "PartiallyEndorses" => ("#009E73", "dashed", 1.2),
        "Defers" | "Notes" => ("#999999", "dashed", 1.2),
        "AlreadyImplemented" => ("#0072B2", "solid", 1.4),
        "corpus" => ("#000000", "bold", 2.0),
        _ => ("#555555", "solid", 1.0),
    }
}

/// (fill colour, shape) of a node by its kind.
pub(super) fn node_look(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "State" => ("#d6eaf8", "box"),
        "Group" => ("#fdebd0", "box"),
        "Issue" => ("#fadbd8", "octagon"),
        "Initiative" | "Instrument" => ("#e8f8f5", "box"),
        "Document"
        | "CabinetResponse"
        | "EvaluationReport"
        | "ParliamentaryLetter"
        | "AdvisoryReport"
        | "Kamerstuk" => ("#f4f6f6", "note"),
        "Recommendation" => ("#fef9e7", "box"),
        _ => ("#ebf5fb", "box"),
    }
}

/// Graphviz DOT: sources on the left, targets on the right; edge colour
/// and style by strength or stance; two parties that block each other
/// (an edge with `on`) drawn both ways.
pub fn dot(g: &ViewGraph, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", dot_string(title));
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.35, ranksep=1.4, fontname=\"Helvetica\", label={}, labelloc=t];",
        dot_string(title)
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.06\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
    for i in g.node_indices() {
        let n = &g[i];
        let (fill, shape) = node_look(&n.kind);
        let _ = writeln!(
            out,
            "  n{} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}, id={}];",
            i.index(),
            dot_string(&wrap(&n.label, 28)),
            dot_string(&format!("{} ({})", n.iri, n.kind)),
            dot_string(&n.iri)
        );
    }
    for e in g.edge_references() {
        let w = e.weight();
        let (colour, style, pen) = edge_look(w);
        let _ = writeln!(
            out,
            "  n{} -> n{} [label={}, color=\"{colour}\", fontcolor=\"{colour}\", style={style}, penwidth={pen}{}, tooltip={}, id={}];",
            e.source().index(),
            e.target().index(),
            dot_string(&edge_label(w)),
            // Two parties that block each other: one line, arrows both ways.
            if w.on.is_empty() { "" } else { ", dir=both" },
            dot_string(
                w.evidence
                    .first()
                    .map(|v| v.quote.as_str())
                    .unwrap_or_default()
            ),
            dot_string(&w.iri)
        );
    }
    out.push_str("}\n");
    out
}

pub(super) fn edge_label(e: &Edge) -> String {
    let mut l = if e.style != e.relation && !e.style.is_empty() {
        format!("{} ({})", e.relation, e.style)
    } else {
        e.relation.clone()
    };
    if !e.on.is_empty() {
        l.push_str(" on: ");
        l.push_str(&e.on.join(", "));
    } else if e.mutual {
        l.push_str(", mutual");
    }
    l
}

/// An edge's attributes as GraphML and GEXF write them, XML-escaped: id,
/// source, target, label, relation, style, evidence count, first quote.
fn edge_attributes(g: &ViewGraph, e: petgraph::graph::EdgeReference<'_, Edge>) -> [String; 8] {
    let w = e.weight();
    [
        xml(&w.iri),
        xml(&g[e.source()].iri),
        xml(&g[e.target()].iri),
        xml(&edge_label(w)),
        xml(&w.relation),
        xml(&w.style),
        w.evidence.len().to_string(),
        xml(w
            .evidence
            .first()
            .map(|v| v.quote.as_str())
            .unwrap_or_default()),
    ]
}

/// GraphML with label, kind, IRI and evidence counts as attributes.
pub fn graphml(g: &ViewGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (id, on, name, ty) in [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("identifiers", "node", "identifiers", "string"),
        ("elabel", "edge", "label", "string"),
        ("relation", "edge", "relation", "string"),
        ("style", "edge", "style", "string"),
        ("evidence", "edge", "evidence", "int"),
        ("quote", "edge", "quote", "string"),
    ] {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph edgedefault=\"directed\">\n");
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"identifiers\">{}</data></node>",
            xml(&n.iri),
            xml(&n.label),
            xml(&n.kind),
            xml(&n.identifiers.join(" "))
        );
    }
    for e in g.edge_references() {
        let [id, source, target, label, relation, style, evidence, quote] = edge_attributes(g, e);
        let _ = writeln!(
            out,
            "    <edge id=\"{id}\" source=\"{source}\" target=\"{target}\"><data key=\"elabel\">{label}</data><data key=\"relation\">{relation}</data><data key=\"style\">{style}</data><data key=\"evidence\">{evidence}</data><data key=\"quote\">{quote}</data></edge>"
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// GEXF 1.3 with the same attributes.
pub fn gexf(g: &ViewGraph, title: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta><creator>policykg</creator><description>{}</description></meta>",
        xml(title)
    );
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    out.push_str("    <attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" type=\"string\"/><attribute id=\"identifiers\" title=\"identifiers\" type=\"string\"/></attributes>\n");
    out.push_str("    <attributes class=\"edge\"><attribute id=\"relation\" title=\"relation\" type=\"string\"/><attribute id=\"style\" title=\"style\" type=\"string\"/><attribute id=\"evidence\" title=\"evidence\" type=\"integer\"/><attribute id=\"quote\" title=\"quote\" type=\"string\"/></attributes>\n");
    out.push_str("    <nodes>\n");
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"identifiers\" value=\"{}\"/></attvalues></node>",
            xml(&n.iri),
            xml(&n.label),
            xml(&n.kind),
            xml(&n.identifiers.join(" "))
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for e in g.edge_references() {
        let [id, source, target, label, relation, style, evidence, quote] = edge_attributes(g, e);
        let _ = writeln!(
            out,
            "      <edge id=\"{id}\" source=\"{source}\" target=\"{target}\" label=\"{label}\"><attvalues><attvalue for=\"relation\" value=\"{relation}\"/><attvalue for=\"style\" value=\"{style}\"/><attvalue for=\"evidence\" value=\"{evidence}\"/><attvalue for=\"quote\" value=\"{quote}\"/></attvalues></edge>"
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

pub(super) fn node_json(g: &ViewGraph, i: petgraph::graph::NodeIndex) -> serde_json::Value {
    let n = &g[i];
    json!({
        "id": n.iri,
        "label": n.label,
        "kind": n.kind,
        "identifiers": n.identifiers,
        "mentions": n.mentions,
    })
}

pub(super) fn edge_json(
    g: &ViewGraph,
    e: petgraph::graph::EdgeReference<'_, Edge>,
) -> serde_json::Value {
    let w = e.weight();
    json!({
        "id": w.iri,
        "source": g[e.source()].iri,
        "target": g[e.target()].iri,
        "relation": w.relation,
        "style": w.style,
        "mutual": w.mutual,
        "on": w.on,
        "label": edge_label(w),
        "evidence": w.evidence.iter().map(|v| json!({
            "document": v.document, "line": v.line, "quote": v.quote
        })).collect::<Vec<_>>(),
    })
}

/// Nodes and edges with every evidence quote.
pub fn json(g: &ViewGraph) -> String {
    let v = json!({
        "nodes": g.node_indices().map(|i| node_json(g, i)).collect::<Vec<_>>(),
        "edges": g.edge_references().map(|e| edge_json(g, e)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// Cytoscape.js elements.
pub fn cytoscape(g: &ViewGraph) -> String {
    let v = json!({
        "elements": {
            "nodes": g.node_indices().map(|i| json!({ "data": node_json(g, i) })).collect::<Vec<_>>(),
            "edges": g.edge_references().map(|e| json!({ "data": edge_json(g, e) })).collect::<Vec<_>>(),
        }
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// A Mermaid flowchart (renders in GitHub markdown).
pub fn mermaid(g: &ViewGraph) -> String {
    let label = |s: &str| s.replace('"', "#quot;").replace(['[', ']', '|'], " ");
    let mut out = String::from("flowchart LR\n");
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(out, "  n{}[\"{}\"]", i.index(), label(&n.label));
    }
    for e in g.edge_references() {
        let w = e.weight();
        let arrow = match edge_look(w).1 {
            "dashed" | "dotted" => "-.->",
            "bold" => "==>",
            _ => "-->",
        };
        let arrow = if !w.on.is_empty() {
            match arrow {
                "-.->" => "<-.->",
                "==>" => "<==>",
                _ => "<-->",
            }
        } else {
            arrow
        };
        let _ = writeln!(
            out,
            "  n{} {arrow}|\"{}\"| n{}",
            e.source().index(),
            label(&edge_label(w)),
            e.target().index()
        );
    }
    out
}
