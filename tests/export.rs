//! Exports of every view: DOT renders with Graphviz, GraphML and GEXF load
//! in networkx with the counts policykg reports, output is deterministic,
//! and every edge carries its evidence.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{corpus, run};

/// A store built once for these tests.
fn store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-store");
        let _ = std::fs::remove_dir_all(&dir);
        let r = run(&dir, &["build", corpus().to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        dir
    })
}

fn out_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("exports");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Exports and returns (bytes, nodes, edges) as policykg reports them.
fn export(args: &[&str]) -> (Vec<u8>, usize, usize) {
    let mut a = vec!["export"];
    a.extend_from_slice(args);
    let r = run(store(), &a);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    let counts = r
        .stderr
        .lines()
        .find(|l| l.ends_with(" edges"))
        .unwrap()
        .to_owned();
    let n: Vec<usize> = counts
        .split_whitespace()
        .filter_map(|w| w.trim_end_matches(',').parse().ok())
        .collect();
    (r.raw_stdout, n[0], n[1])
}

const VIEWS: [&str; 4] = ["blocks", "positions", "recommendations", "citations"];

#[test]
fn every_dot_export_renders_with_graphviz() {
    for view in VIEWS {
        let (dot, nodes, edges) = export(&[view, "--format", "dot"]);
        assert!(nodes > 0 && edges > 0, "{view} is empty");
        let file = out_dir().join(format!("{view}.dot"));
        std::fs::write(&file, &dot).unwrap();
        let out = Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(file.with_extension("svg"))
            .arg(&file)
            .output()
            .expect("Graphviz dot is installed (apt-get install graphviz)");
        assert!(
            out.status.success(),
            "{view}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn graphml_and_gexf_load_in_networkx_with_the_same_counts() {
    for view in VIEWS {
        for format in ["graphml", "gexf"] {
            let (bytes, nodes, edges) = export(&[view, "--format", format]);
            let file = out_dir().join(format!("{view}.{format}"));
            std::fs::write(&file, bytes).unwrap();
            let out = Command::new("python3")
                .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/networkx_count.py"))
                .arg(&file)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "networkx (python3 -m pip install networkx) cannot read {view}.{format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let counted = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            assert_eq!(counted, format!("{nodes} {edges}"), "{view}.{format}");
        }
    }
}

#[test]
fn exports_are_deterministic_and_edges_carry_evidence() {
    for format in ["dot", "json", "mermaid", "cytoscape", "graphml", "gexf"] {
        assert_eq!(
            export(&["blocks", "--format", format]).0,
            export(&["blocks", "--format", format]).0,
            "{format}"
        );
    }
    let (json, nodes, edges) = export(&["blocks", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), nodes);
    assert_eq!(v["edges"].as_array().unwrap().len(), edges);
    for e in v["edges"].as_array().unwrap() {
        let ev = e["evidence"].as_array().unwrap();
        assert!(!ev.is_empty(), "{e}");
        assert!(ev.iter().all(|x| !x["quote"].as_str().unwrap().is_empty()));
        assert!(
            e["id"]
                .as_str()
                .unwrap()
                .starts_with("https://w3id.org/policykg/id/")
        );
    }
    // Who blocks what: the Cyprus question blocks, mutual blockades are
    // marked, and a group the text does not name stays a group.
    let labels: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert!(labels.iter().any(|l| l.contains("Cyprus")), "{labels:?}");
    assert!(
        v["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["mutual"] == true)
    );
    // Mermaid and Cytoscape describe the same graph.
    let (mermaid, ..) = export(&["blocks", "--format", "mermaid"]);
    let mermaid = String::from_utf8(mermaid).unwrap();
    assert!(mermaid.starts_with("flowchart LR"));
    assert_eq!(mermaid.lines().filter(|l| l.contains("|\"")).count(), edges);
    let (cy, ..) = export(&["blocks", "--format", "cytoscape"]);
    let cy: serde_json::Value = serde_json::from_slice(&cy).unwrap();
    assert_eq!(cy["elements"]["edges"].as_array().unwrap().len(), edges);
}

#[test]
fn the_entity_view_walks_out_from_its_focus_and_filters_apply() {
    let (_, one, _) = export(&[
        "entity", "--focus", "Turkije", "--depth", "1", "--format", "json",
    ]);
    let (_, two, _) = export(&[
        "entity", "--focus", "Turkije", "--depth", "2", "--format", "json",
    ]);
    assert!(one >= 2 && two >= one, "{one} {two}");
    let (json, ..) = export(&["positions", "--document", "002", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    for e in v["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            assert!(ev["document"].as_str().unwrap().starts_with("002"), "{ev}");
        }
    }
    let r = run(store(), &["export", "entity", "--format", "json"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = run(store(), &["export", "blocks", "--format", "bmp"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown format"), "{}", r.stderr);
}

#[test]
fn blocks_renders_as_png_and_svg() {
    let (png, ..) = export(&["blocks", "--format", "png"]);
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(out_dir().join("blocks.png"), &png).unwrap();
    let (svg, ..) = export(&["blocks", "--format", "svg"]);
    assert!(String::from_utf8_lossy(&svg).contains("<svg"));
}

#[test]
fn svg_without_graphviz_comes_from_policykgs_own_layout() {
    let (_, nodes, edges) = export(&["blocks", "--format", "json"]);
    let out = common::policykg()
        .args(["--store"])
        .arg(store())
        .args(["export", "blocks", "--format", "svg"])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert_eq!(svg.matches("<g class=\"node\"").count(), nodes);
    assert_eq!(svg.matches("<g class=\"edge\"").count(), edges);
}

#[test]
fn the_html_explorer_shows_every_node_and_an_edges_evidence_in_chromium() {
    let (json, nodes, _) = export(&["blocks", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let quote = v["edges"][0]["evidence"][0]["quote"]
        .as_str()
        .unwrap()
        .to_owned();
    let (html, html_nodes, _) = export(&["blocks", "--format", "html"]);
    assert_eq!(html_nodes, nodes);
    let page = String::from_utf8(html).unwrap();
    // Offline: nothing is loaded from elsewhere.
    for needle in [
        "<script src",
        "<link",
        "@import",
        "https://cdn",
        "http://cdn",
    ] {
        assert!(!page.contains(needle), "the page loads {needle}");
    }
    let file = out_dir().join("blocks.html");
    std::fs::write(&file, &page).unwrap();
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser.join("node_modules/playwright-core").exists(),
        "playwright-core is missing: npm install --prefix tests/browser (and apt-get install chromium)"
    );
    let out = Command::new("node")
        .arg(browser.join("check.mjs"))
        .arg(&file)
        .arg(nodes.to_string())
        .arg(&quote)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
