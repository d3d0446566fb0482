//! Every bundled query's answer on the corpus is pinned (issue 14): its rows,
//! sorted, hash to the figure in `tests/fixtures/query-pins.tsv`. A rewrite
//! of a query for speed must not change what it answers; a change of the
//! extractors that changes an answer updates the pins in the same commit,
//! where the reviewer sees which answers changed and by how many rows:
//!
//! ```sh
//! POLICYKG_UPDATE_PINS=1 cargo test --test query_pins
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{corpus, run};

/// FNV-1a, 64 bits: a hash that is the same on every platform and run.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The bundled queries, as `policykg queries` lists them.
fn bundled() -> Vec<String> {
    let r: common::Run = common::policykg().arg("queries").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn every_bundled_query_answers_as_pinned() {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query-pins-store");
    let _ = std::fs::remove_dir_all(&store);
    let r = run(&store, &["build", "--quiet", corpus().to_str().unwrap()]);
    assert_eq!(r.code, 0, "build failed: {}", r.stderr);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut answers: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for name in bundled() {
        let text = std::fs::read_to_string(root.join("queries").join(format!("{name}.rq")))
            .unwrap_or_default();
        // A federated query answers from a remote endpoint, not the corpus.
        if text.contains("SERVICE") {
            continue;
        }
        let format = if text.contains("CONSTRUCT") || text.contains("DESCRIBE") {
            "ntriples"
        } else {
            "tsv"
        };
        let r = run(&store, &["query", &name, "--format", format]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let mut lines: Vec<&str> = r.stdout.lines().collect();
        if format == "tsv" && !lines.is_empty() {
            lines.remove(0);
        }
        lines.sort_unstable();
        let joined = lines.join("\n");
        answers.insert(name, (lines.len(), fnv(joined.as_bytes())));
    }
    assert!(answers.len() >= 15, "{} queries", answers.len());
    let pins_file = root.join("tests/fixtures/query-pins.tsv");
    let written: String = answers
        .iter()
        .map(|(n, (rows, h))| format!("{n}\t{rows}\t{h:016x}\n"))
        .collect();
    if std::env::var_os("POLICYKG_UPDATE_PINS").is_some() {
        std::fs::write(
            &pins_file,
            format!("# query\trows\tfnv1a64 of the sorted rows\n{written}"),
        )
        .unwrap();
        return;
    }
    let pinned: BTreeMap<String, (usize, String)> = std::fs::read_to_string(&pins_file)
        .expect("tests/fixtures/query-pins.tsv; make it with POLICYKG_UPDATE_PINS=1")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((
                f.next()?.to_owned(),
                (f.next()?.parse().ok()?, f.next()?.to_owned()),
            ))
        })
        .collect();
    let mut changed = Vec::new();
    for (name, (rows, h)) in &answers {
        match pinned.get(name) {
            Some((r, p)) if r == rows && *p == format!("{h:016x}") => {}
            Some((r, _)) => changed.push(format!("{name}: {r} rows pinned, {rows} now")),
            None => changed.push(format!("{name}: not pinned")),
        }
    }
    for name in pinned.keys().filter(|n| !answers.contains_key(*n)) {
        changed.push(format!("{name}: pinned, but no longer bundled"));
    }
    assert!(
        changed.is_empty(),
        "answers changed (POLICYKG_UPDATE_PINS=1 cargo test --test query_pins updates the pins):\n{}",
        changed.join("\n")
    );
}
