//! A layout computed in Rust, an SVG drawn from it (no Graphviz needed),
//! and a self-contained HTML explorer around that SVG: pan and zoom, a
//! search box, a legend, filters by relation, and a side panel with every
//! evidence quote of the clicked node or edge. No script or style is
//! loaded from the network; the page's code is below.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde_json::json;

use super::writers::{edge_json, edge_label, edge_look, node_json, node_look, wrap};
use super::{Edge, ViewGraph};

const COLUMN_GAP: f64 = 200.0;
const ROW_GAP: f64 = 18.0;
const CHAR_WIDTH: f64 = 6.6;
const LINE_HEIGHT: f64 = 14.0;
const WRAP: usize = 30;
const MARGIN: f64 = 30.0;

/// A node's box.
struct Placed {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    lines: Vec<String>,
}

/// Columns by role (sources left, sinks right), ordered in each column by
/// the mean position of their neighbours, then by label.
fn layout(g: &ViewGraph) -> (BTreeMap<NodeIndex, Placed>, f64, f64) {
    let column = |i: NodeIndex| {
        let out = g.edges_directed(i, petgraph::Direction::Outgoing).count() > 0;
        let inc = g.edges_directed(i, petgraph::Direction::Incoming).count() > 0;
        match (out, inc) {
            (true, false) => 0,
            (true, true) => 1,
            _ => 2,
        }
    };
    let mut columns: Vec<Vec<NodeIndex>> = vec![Vec::new(); 3];
    for i in g.node_indices() {
        columns[column(i)].push(i);
    }
    columns.retain(|c| !c.is_empty());
    for c in &mut columns {
        c.sort_by(|a, b| g[*a].label.cmp(&g[*b].label).then(a.cmp(b)));
    }
    // Two sweeps of the barycentre heuristic.
    for _ in 0..2 {
        for k in 1..columns.len() {
            let rank: BTreeMap<NodeIndex, usize> = columns
                .iter()
                .flat_map(|c| c.iter().enumerate().map(|(r, i)| (*i, r)))
                .collect();
            let (before, after) = columns.split_at_mut(k);
            let previous: BTreeSet<NodeIndex> = before[k - 1].iter().copied().collect();
            let key = |i: &NodeIndex| -> (u64, String) {
                let ranks: Vec<usize> = g
                    .neighbors_undirected(*i)
                    .filter(|n| previous.contains(n))
                    .filter_map(|n| rank.get(&n).copied())
                    .collect();
                let mean = if ranks.is_empty() {
                    u64::MAX
                } else {
                    (ranks.iter().sum::<usize>() * 1000 / ranks.len()) as u64
                };
                (mean, g[*i].label.clone())
            };
            after[0].sort_by_key(key);
        }
    }
    let mut placed = BTreeMap::new();
    let mut x = MARGIN;
    let mut height: f64 = 0.0;
    for c in &columns {
        let mut y = MARGIN + 20.0;
        let mut widest: f64 = 0.0;
        for i in c {
            let lines: Vec<String> = wrap(&g[*i].label, WRAP)
                .lines()
                .map(str::to_owned)
                .collect();
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1);
            let w = longest as f64 * CHAR_WIDTH + 20.0;
            let h = lines.len() as f64 * LINE_HEIGHT + 12.0;
            widest = widest.max(w);
            placed.insert(*i, Placed { x, y, w, h, lines });
            y += h + ROW_GAP;
        }
        // Centre the boxes of a column on its widest.
        for i in c {
            if let Some(p) = placed.get_mut(i) {
                p.x += (widest - p.w) / 2.0;
            }
        }
        height = height.max(y);
        x += widest + COLUMN_GAP;
    }
    (placed, x - COLUMN_GAP + MARGIN, height + MARGIN)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The view as SVG, laid out without Graphviz.
pub fn svg(g: &ViewGraph, title: &str) -> String {
    let (placed, width, graph_height) = layout(g);
    // The legend: one row per kind of edge drawn (relation and style),
    // below the graph.
    let kinds: BTreeSet<(String, String)> = g
        .edge_references()
        .map(|e| (e.weight().relation.clone(), e.weight().style.clone()))
        .collect();
    let legend_top = graph_height + 10.0;
    let height =
        legend_top + LEGEND_ROW * kinds.len() as f64 + if kinds.is_empty() { 0.0 } else { 10.0 };
    let width = width.max(320.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">"
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    out.push_str("<defs>");
    let mut colours: BTreeSet<&str> = g
        .edge_references()
        .map(|e| edge_look(e.weight()).0)
        .collect();
    colours.insert("#555555");
    for c in &colours {
        let id = c.trim_start_matches('#');
        let _ = write!(
            out,
            "<marker id=\"a{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{c}\"/></marker>"
        );
    }
    out.push_str("</defs>\n<g id=\"viewport\">\n");
    for e in g.edge_references() {
        let w = e.weight();
        let (Some(a), Some(b)) = (placed.get(&e.source()), placed.get(&e.target())) else {
            continue;
        };
        let (colour, style, pen) = edge_look(w);
        let (x1, y1) = (a.x + a.w, a.y + a.h / 2.0);
        let (x2, y2) = if b.x > a.x {
            (b.x, b.y + b.h / 2.0)
        } else {
            (b.x + b.w, b.y + b.h / 2.0)
        };
        let bend = ((x2 - x1).abs() / 2.0).max(60.0);
        let path = format!(
            "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}",
            x1 + bend,
            if b.x > a.x { x2 - bend } else { x2 + bend }
        );
        let dash = match style {
            "dashed" => " stroke-dasharray=\"6,4\"",
            "dotted" => " stroke-dasharray=\"2,3\"",
            _ => "",
        };
        let id = colour.trim_start_matches('#');
        let start = if !w.on.is_empty() {
            format!(" marker-start=\"url(#a{id})\"")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<g class=\"edge\" data-id=\"{}\" data-relation=\"{}\"><path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{pen}\"{dash}{start} marker-end=\"url(#a{id})\"/><path d=\"{path}\" fill=\"none\" stroke=\"transparent\" stroke-width=\"10\"/><title>{}</title></g>",
            esc(&w.iri),
            esc(&w.relation),
            esc(&edge_label(w))
        );
    }
    // Edge labels above the nodes' boxes would hide nothing: drawn after
    // the edges, before the nodes.
    for e in g.edge_references() {
        let w = e.weight();
        let (Some(a), Some(b)) = (placed.get(&e.source()), placed.get(&e.target())) else {
            continue;
        };
        let (colour, ..) = edge_look(w);
        let (x1, y1) = (a.x + a.w, a.y + a.h / 2.0);
        let (x2, y2) = (b.x, b.y + b.h / 2.0);
        let mut label: String = edge_label(w).chars().take(60).collect();
        if edge_label(w).chars().count() > 60 {
            label.push('…');
        }
        let _ = writeln!(
            out,
            "<text class=\"elabel\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{colour}\">{}</text>",
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 3.0,
            esc(&label)
        );
    }
    for i in g.node_indices() {
        let Some(p) = placed.get(&i) else {
            continue;
        };
        let n = &g[i];
        let (fill, _) = node_look(&n.kind);
        let _ = write!(
            out,
            "<g class=\"node\" data-id=\"{}\" data-kind=\"{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"#2c3e50\"/>",
            esc(&n.iri),
            esc(&n.kind),
            p.x,
            p.y,
            p.w,
            p.h
        );
        for (k, line) in p.lines.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                p.x + p.w / 2.0,
                p.y + 6.0 + LINE_HEIGHT * (k as f64 + 0.8),
                esc(line)
            );
        }
        let _ = writeln!(
            out,
            "<title>{} ({})</title></g>",
            esc(&n.label),
            esc(&n.kind)
        );
    }
    out.push_str("</g>\n<g id=\"legend\">\n");
    for (k, (relation, style)) in kinds.iter().enumerate() {
        let sample = Edge {
            relation: relation.clone(),
            style: style.clone(),
            ..Edge::default()
        };
        let (colour, line, pen) = edge_look(&sample);
        let dash = match line {
            "dashed" => " stroke-dasharray=\"6,4\"",
            "dotted" => " stroke-dasharray=\"2,3\"",
            _ => "",
        };
        let y = legend_top + LEGEND_ROW * k as f64 + LEGEND_ROW / 2.0;
        let name = if style.is_empty() || style == relation {
            relation.clone()
        } else {
            format!("{relation} ({style})")
        };
        let _ = writeln!(
            out,
            "<line x1=\"10\" y1=\"{y:.1}\" x2=\"50\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"{pen}\"{dash}/><text x=\"58\" y=\"{:.1}\">{}</text>",
            y + 4.0,
            esc(&name)
        );
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The height of one row of the SVG's legend.
const LEGEND_ROW: f64 = 16.0;

/// One self-contained page: the SVG, the data with evidence, and the
/// explorer's code.
pub fn html(g: &ViewGraph, title: &str) -> String {
    let data = json!({
        "nodes": g.node_indices().map(|i| node_json(g, i)).collect::<Vec<_>>(),
        "edges": g.edge_references().map(|e| {
            let mut v = edge_json(g, e);
            v["colour"] = json!(edge_look(e.weight()).0);
            v
        }).collect::<Vec<_>>(),
    });
    // Inside a <script> element "</" must not appear.
    let data = serde_json::to_string(&data)
        .unwrap_or_default()
        .replace("</", "<\\/");
    let relations: BTreeSet<String> = g
        .edge_references()
        .map(|e| e.weight().relation.clone())
        .collect();
    let mut legend = String::new();
    let mut styles: BTreeMap<String, &str> = BTreeMap::new();
    for e in g.edge_references() {
        let w = e.weight();
        styles.entry(w.style.clone()).or_insert(edge_look(w).0);
    }
    for (style, colour) in &styles {
        let _ = write!(
            legend,
            "<li><span class=\"swatch\" style=\"background:{colour}\"></span>{}</li>",
            esc(style)
        );
    }
    let mut filters = String::new();
    for r in &relations {
        let _ = write!(
            filters,
            "<label><input type=\"checkbox\" class=\"relation\" value=\"{0}\" checked> {0}</label>",
            esc(r)
        );
    }
    format!(
        "<!DOCTYPE html>
<html lang=\"nl\">
<head>
<meta charset=\"utf-8\">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: Helvetica, Arial, sans-serif; display: flex; height: 100vh; }}
#main {{ flex: 1; display: flex; flex-direction: column; min-width: 0; }}
#bar {{ padding: 6px 10px; border-bottom: 1px solid #ccc; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; font-size: 13px; }}
#canvas {{ flex: 1; overflow: hidden; cursor: grab; background: #fbfcfc; }}
#canvas svg {{ width: 100%; height: 100%; }}
#panel {{ width: 360px; border-left: 1px solid #ccc; padding: 10px; overflow-y: auto; font-size: 13px; }}
#panel blockquote {{ margin: 6px 0; padding: 4px 8px; border-left: 3px solid #999; background: #f4f6f6; }}
#legend {{ list-style: none; display: flex; gap: 10px; margin: 0; padding: 0; }}
.swatch {{ display: inline-block; width: 14px; height: 4px; margin-right: 4px; vertical-align: middle; }}
g.node, g.edge {{ cursor: pointer; }}
g.dim {{ opacity: 0.15; }}
g.hit rect {{ stroke: #e74c3c; stroke-width: 3; }}
g.selected rect, g.selected path {{ stroke-width: 4; }}
</style>
</head>
<body>
<div id=\"main\">
<div id=\"bar\"><strong>{title}</strong>
<input id=\"search\" type=\"search\" placeholder=\"zoek / search\">
<span id=\"filters\">{filters}</span>
<ul id=\"legend\">{legend}</ul>
<span id=\"count\"></span></div>
<div id=\"canvas\">{svg}</div>
</div>
<div id=\"panel\"><p>Klik op een knoop of pijl voor de bronnen. Click a node or an edge for its evidence.</p></div>
<script id=\"data\" type=\"application/json\">{data}</script>
<script>
(function () {{
  const data = JSON.parse(document.getElementById('data').textContent);
  const nodes = new Map(data.nodes.map(n => [n.id, n]));
  const edges = new Map(data.edges.map(e => [e.id, e]));
  const svg = document.querySelector('#canvas svg');
  const viewport = document.getElementById('viewport');
  const panel = document.getElementById('panel');
  let scale = 1, tx = 0, ty = 0, drag = null;
  function apply() {{ viewport.setAttribute('transform', 'translate(' + tx + ',' + ty + ') scale(' + scale + ')'); }}
  svg.addEventListener('wheel', ev => {{
    ev.preventDefault();
    const f = ev.deltaY < 0 ? 1.1 : 1 / 1.1;
    const r = svg.getBoundingClientRect();
    const mx = ev.clientX - r.left, my = ev.clientY - r.top;
    tx = mx - (mx - tx) * f; ty = my - (my - ty) * f; scale *= f; apply();
  }}, {{ passive: false }});
  svg.addEventListener('mousedown', ev => {{ drag = [ev.clientX - tx, ev.clientY - ty]; }});
  window.addEventListener('mousemove', ev => {{ if (drag) {{ tx = ev.clientX - drag[0]; ty = ev.clientY - drag[1]; apply(); }} }});
  window.addEventListener('mouseup', () => {{ drag = null; }});
  function text(s) {{ const d = document.createElement('div'); d.textContent = s; return d.innerHTML; }}
  function evidence(list) {{
    return list.map(v => '<blockquote>' + text(v.quote) + '<br><small>' + text(v.document) + (v.line == null ? '' : ':' + v.line) + '</small></blockquote>').join('');
  }}
  function link(id) {{ return /^https?:/.test(id) ? '<a href=\"' + text(id) + '\">' + text(id) + '</a>' : text(id); }}
  function select(el) {{
    document.querySelectorAll('g.selected').forEach(g => g.classList.remove('selected'));
    el.classList.add('selected');
  }}
  function showNode(id) {{
    const n = nodes.get(id);
    const around = data.edges.filter(e => e.source === id || e.target === id);
    panel.innerHTML = '<h3>' + text(n.label) + '</h3><p>' + text(n.kind) + '<br>' + link(n.id) + '</p>' +
      (n.identifiers.length ? '<p>' + n.identifiers.map(link).join('<br>') + '</p>' : '') +
      around.map(e => '<h4>' + text(nodes.get(e.source).label) + ' — ' + text(e.relation) + ' (' + text(e.style) + ') → ' + text(nodes.get(e.target).label) + '</h4>' + evidence(e.evidence)).join('');
  }}
  function showEdge(id) {{
    const e = edges.get(id);
    panel.innerHTML = '<h3>' + text(nodes.get(e.source).label) + ' — ' + text(e.relation) + (e.on && e.on.length ? ' (wederzijds / mutual) on: ' + text(e.on.join(', ')) : (e.mutual ? ' (wederzijds / mutual)' : '')) + ' → ' + text(nodes.get(e.target).label) + '</h3><p>' + text(e.style) + '<br>' + link(e.id) + '</p>' + evidence(e.evidence);
  }}
  document.querySelectorAll('g.node').forEach(g => g.addEventListener('click', ev => {{ ev.stopPropagation(); select(g); showNode(g.dataset.id); }}));
  document.querySelectorAll('g.edge').forEach(g => g.addEventListener('click', ev => {{ ev.stopPropagation(); select(g); showEdge(g.dataset.id); }}));
  document.getElementById('search').addEventListener('input', ev => {{
    const q = ev.target.value.trim().toLowerCase();
    document.querySelectorAll('g.node').forEach(g => {{
      const hit = q && nodes.get(g.dataset.id).label.toLowerCase().includes(q);
      g.classList.toggle('hit', !!hit);
      g.classList.toggle('dim', !!q && !hit);
    }});
  }});
  function filter() {{
    const on = new Set([...document.querySelectorAll('input.relation')].filter(i => i.checked).map(i => i.value));
    document.querySelectorAll('g.edge').forEach(g => {{ g.style.display = on.has(g.dataset.relation) ? '' : 'none'; }});
  }}
  document.querySelectorAll('input.relation').forEach(i => i.addEventListener('change', filter));
  document.getElementById('count').textContent = data.nodes.length + ' knopen, ' + data.edges.length + ' pijlen';
}})();
</script>
</body>
</html>
",
        title = esc(title),
        svg = svg(g, title),
    )
}
