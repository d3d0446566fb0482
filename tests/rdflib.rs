//! The dumped graph parses in rdflib, an independent RDF library, with as
//! many quads as policykg reports.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{corpus, run, summary};

#[test]
fn trig_and_nquads_dumps_parse_in_rdflib_with_the_same_count() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rdflib");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = dir.join("store");
    let built = run(&store, &["build", corpus().to_str().unwrap()]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let triples: usize = summary(&built.stdout, "triples").unwrap().parse().unwrap();
    for format in ["trig", "nquads"] {
        let dumped = run(&store, &["dump", "--format", format]);
        assert_eq!(dumped.code, 0, "{}", dumped.stderr);
        let file = dir.join(format!("graph.{format}"));
        std::fs::write(&file, &dumped.stdout).unwrap();
        let out = Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rdflib_count.py"))
            .arg(&file)
            .arg(format)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "rdflib (python3 -m pip install rdflib) could not read the {format} dump: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let n: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert_eq!(
            n, triples,
            "rdflib reads {n} quads from {format}, policykg built {triples}"
        );
    }
}
