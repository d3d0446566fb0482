//! Documents are extracted in parallel (`build --jobs N`, issue 14), and the
//! graph does not depend on how many at once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{corpus, run};

fn dump_after_build(name: &str, jobs: &str) -> Vec<u8> {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&store);
    let r = run(
        &store,
        &[
            "build",
            "--quiet",
            "--jobs",
            jobs,
            corpus().to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = run(&store, &["dump", "--format", "nquads"]);
    assert_eq!(d.code, 0, "{}", d.stderr);
    d.raw_stdout
}

#[test]
fn the_graph_is_byte_identical_with_one_job_and_with_four() {
    let one = dump_after_build("jobs-1", "1");
    let four = dump_after_build("jobs-4", "4");
    assert!(one.len() > 100_000, "a dump of {} bytes", one.len());
    assert!(one == four, "--jobs 1 and --jobs 4 dump different graphs");
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
