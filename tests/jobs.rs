//! Documents are extracted in parallel (`build --jobs N`, issue 14) and
//! their quads go to the store's bulk loader as they are made, in batches
//! that `--memory` bounds; the graph depends on neither.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{corpus, run};

/// The N-Quads dump after `build OPTIONS… CORPUS`, and the summary's
/// triples.
fn dump_after_build(name: &str, options: &[&str]) -> (Vec<u8>, usize) {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&store);
    let corpus = corpus();
    let mut args = vec!["build"];
    args.extend_from_slice(options);
    args.push(corpus.to_str().unwrap());
    let r = run(&store, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let triples = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("triples"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a triples line");
    let d = run(&store, &["dump", "--format", "nquads"]);
    assert_eq!(d.code, 0, "{}", d.stderr);
    (d.raw_stdout, triples)
}

#[test]
fn the_graph_is_byte_identical_with_one_job_and_with_four() {
    let (one, _) = dump_after_build("jobs-1", &["--jobs", "1"]);
    let (four, _) = dump_after_build("jobs-4", &["--jobs", "4"]);
    assert!(one.len() > 100_000, "a dump of {} bytes", one.len());
    assert!(one == four, "--jobs 1 and --jobs 4 dump different graphs");
}

#[test]
fn a_small_loader_memory_stores_the_same_graph_in_many_batches_and_counts_it_right() {
    // 16 MiB on two loader threads is a batch of 8 000 quads: the corpus
    // goes in about ten.
    let (small, triples) = dump_after_build("memory-16", &["--memory", "16", "--jobs", "2"]);
    let (default, _) = dump_after_build("memory-default", &["--jobs", "2"]);
    assert!(small == default, "--memory 16 stores another graph");
    let lines = small.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(
        triples, lines,
        "the summary counts {triples} triples, the store holds {lines}"
    );
}

#[test]
fn a_loader_memory_below_sixteen_mib_is_refused_before_anything_is_built() {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join("memory-8");
    for memory in ["0", "8", "lots"] {
        let r = run(
            &store,
            &["build", "--memory", memory, corpus().to_str().unwrap()],
        );
        assert_eq!(r.code, 2, "--memory {memory}: {}", r.stdout);
        assert!(r.stderr.contains("--memory"), "{}", r.stderr);
        assert!(!store.join("CURRENT").exists(), "a store was made");
    }
}

#[test]
fn zero_jobs_is_refused_with_a_clear_message() {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jobs-0");
    let r = run(
        &store,
        &["build", "--jobs", "0", corpus().to_str().unwrap()],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--jobs"), "{}", r.stderr);
    assert!(!store.join("CURRENT").exists(), "a store was made");
}
