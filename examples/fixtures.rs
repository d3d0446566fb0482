//! Measures the blockade and position extractors on the project-written
//! fixtures of `tests/fixtures/extract/` (paragraphs nobody tuned the
//! extractors on) and prints recall, precision and false alarms on decoys
//! per file. A report, not a gate:
//!
//! ```sh
//! cargo run --release --example fixtures
//! ```
//!
//! A fact counts as found when the graph has a blockade (or a position of
//! the same relation) whose blocker or holder is named as the fixture's
//! agent and whose blocked item or target is named as its theme. Names are
//! compared on letters and digits, without a leading article; an agent
//! written as a demonym ("Hongaarse") matches the state whose name shares
//! its first five letters. Negated facts must give nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use oxigraph::model::{Quad, Term};
use policykg::build::{BuildOptions, build_with};
use policykg::lexicon::{Lexicon, OntologySource};
use policykg::rdf::vocab::pkg;

fn squash(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_lowercase();
    let s = ["de ", "het ", "een ", "the ", "a ", "an "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn names_agent(labels: &BTreeSet<String>, agent: &str) -> bool {
    let a = squash(agent);
    labels.iter().map(|l| squash(l)).any(|l| {
        !l.is_empty()
            && (l == a
                || a.contains(&l)
                || l.contains(&a)
                || (a.len() >= 5 && l.len() >= 5 && a[..5] == l[..5]))
    })
}

fn names_theme(labels: &BTreeSet<String>, theme: &str) -> bool {
    let t = squash(theme);
    labels
        .iter()
        .map(|l| squash(l))
        .any(|l| !l.is_empty() && (l == t || t.contains(&l) || l.contains(&t)))
}

/// (relation, agent labels, theme labels) of every blockade and position.
type Found = Vec<(String, BTreeSet<String>, BTreeSet<String>)>;

fn found(quads: &[Quad]) -> Found {
    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut kind: BTreeMap<String, String> = BTreeMap::new();
    let mut agents: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut themes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut relation: BTreeMap<String, String> = BTreeMap::new();
    for q in quads {
        let s = q.subject.to_string();
        let p = q.predicate.as_str();
        let o = q.object.to_string();
        match &q.object {
            Term::Literal(l) if p.ends_with("#prefLabel") || p.ends_with("#altLabel") => {
                labels
                    .entry(s.clone())
                    .or_default()
                    .insert(l.value().to_owned());
            }
            _ => {}
        }
        if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
            && (o.ends_with("#Blockade>") || o.ends_with("#Position>"))
        {
            kind.insert(s.clone(), o.clone());
        }
        if p == pkg::BLOCKER.as_str() || p == pkg::HOLDER.as_str() {
            agents.entry(s.clone()).or_default().push(o.clone());
        }
        if p == pkg::BLOCKED.as_str() || p == pkg::TARGET.as_str() {
            themes.entry(s.clone()).or_default().push(o.clone());
        }
        if p == pkg::RELATION.as_str() {
            relation.insert(
                s.clone(),
                o.rsplit(['#', '/'])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('>')
                    .to_owned(),
            );
        }
    }
    let mut out = Vec::new();
    for (node, k) in &kind {
        let rel = if k.ends_with("#Blockade>") {
            "blocks".to_owned()
        } else {
            relation.get(node).cloned().unwrap_or_default()
        };
        let gather = |m: &BTreeMap<String, Vec<String>>| -> BTreeSet<String> {
            m.get(node)
                .into_iter()
                .flatten()
                .flat_map(|e| labels.get(e).cloned().unwrap_or_default())
                .collect()
        };
        out.push((rel, gather(&agents), gather(&themes)));
    }
    out
}

fn main() {
    let lexicon = match Lexicon::load(&OntologySource::Embedded) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let Ok(dir) = tempfile_dir() else {
        eprintln!("error: cannot make a temporary directory");
        std::process::exit(2);
    };
    println!(
        "{:<22} {:>6} {:>7} {:>6} {:>8} {:>10} {:>7}",
        "file", "facts", "found", "right", "recall", "precision", "decoys!"
    );
    for file in [
        "blockades/nl.json",
        "blockades/en.json",
        "positions/nl.json",
        "positions/en.json",
    ] {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            eprintln!("error: cannot read {file}");
            std::process::exit(2);
        };
        let Ok(cases) = serde_json::from_str::<Vec<serde_json::Value>>(&text) else {
            eprintln!("error: {file} is not a JSON array of cases");
            std::process::exit(2);
        };
        let (mut expected, mut got, mut right, mut alarms, mut decoys) = (0, 0, 0, 0, 0);
        let blockades = file.starts_with("blockades");
        for case in &cases {
            let path = dir.join("case.txt");
            if std::fs::write(&path, case["text"].as_str().unwrap_or_default()).is_err() {
                continue;
            }
            let built = build_with(
                &lexicon,
                &BuildOptions {
                    inputs: vec![path],
                    ..BuildOptions::default()
                },
                |_| {},
                std::time::Instant::now(),
            );
            let facts: Vec<&serde_json::Value> = case["facts"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default();
            let made: Found = found(&built.quads)
                .into_iter()
                .filter(|(r, _, _)| (r == "blocks") == blockades)
                .collect();
            got += made.len();
            let positive: Vec<&&serde_json::Value> = facts
                .iter()
                .filter(|f| f["negated"] != serde_json::Value::Bool(true))
                .collect();
            if positive.is_empty() && facts.is_empty() {
                decoys += 1;
                if !made.is_empty() {
                    alarms += 1;
                }
            }
            for f in positive {
                expected += 1;
                let rel = f["relation"].as_str().unwrap_or_default();
                let agent = f["agent"].as_str().unwrap_or_default();
                let theme = f["theme"].as_str().unwrap_or_default();
                if made
                    .iter()
                    .any(|(r, a, t)| r == rel && names_agent(a, agent) && names_theme(t, theme))
                {
                    right += 1;
                }
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!(
            "{file:<22} {expected:>6} {got:>7} {right:>6} {:>7.1}% {:>9.1}% {alarms:>3}/{decoys}",
            pct(right, expected),
            pct(right.min(got), got)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("policykg-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
