//! The built graph satisfies ontology/shapes.ttl, checked by an independent
//! SHACL validator (pySHACL; `.ci/run` installs it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

#[test]
fn the_corpus_graph_conforms_to_the_shapes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shapes");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dump = common::policykg()
        .args(["--in-memory", "dump", "--format", "turtle", "--from"])
        .arg(common::corpus())
        .output()
        .unwrap();
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let graph = dir.join("graph.ttl");
    std::fs::write(&graph, &dump.stdout).unwrap();
    let out = Command::new("python3")
        .arg(root.join("tests/shacl.py"))
        .arg(&graph)
        .arg(root.join("ontology/shapes.ttl"))
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "SHACL validation failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
