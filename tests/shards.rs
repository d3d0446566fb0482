//! Extraction split from storing (issue 14): `extract PATH… --out DIR`
//! writes one N-Quads file per named graph, `load DIR` stores them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{corpus, policykg, run};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A new directory `name` holding one file.
fn dir_with(name: &str, file: &str, text: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(file), text).unwrap();
    dir
}

/// `policykg extract CORPUS --out OUT`.
fn extract_corpus(out: &Path) -> common::Run {
    policykg()
        .args(["extract", corpus().to_str().unwrap(), "--out"])
        .arg(out)
        .output()
        .unwrap()
        .into()
}

fn dump(store: &Path) -> Vec<u8> {
    let d = run(store, &["dump", "--format", "nquads"]);
    assert_eq!(d.code, 0, "{}", d.stderr);
    d.raw_stdout
}

#[test]
fn extracted_files_loaded_give_the_graph_build_gives() {
    let out = scratch("shards-out");
    let r = extract_corpus(&out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    // One file per document (four after duplicates) and the ontology's.
    assert!(files.len() >= 5, "{} files", files.len());
    let loaded = scratch("shards-loaded");
    let l = run(&loaded, &["load", out.to_str().unwrap()]);
    assert_eq!(l.code, 0, "{}", l.stderr);
    let built = scratch("shards-built");
    let b = run(&built, &["build", "--quiet", corpus().to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(
        dump(&loaded) == dump(&built),
        "load of the files differs from build"
    );
}

#[test]
fn extract_refuses_a_directory_that_already_holds_files() {
    let out = dir_with("shards-busy", "old.nq", "");
    let r = extract_corpus(&out);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not empty"), "{}", r.stderr);
}

#[test]
fn a_broken_file_is_named_with_its_line_and_the_store_is_kept() {
    let store = scratch("shards-kept");
    let letter = dir_with(
        "shards-letter",
        "brief.txt",
        "Brief\n\nHongarije blokkeert het besluit over de vredesfaciliteit.\n",
    );
    let b = run(&store, &["build", "--quiet", letter.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let before = dump(&store);
    let broken = dir_with(
        "shards-broken",
        "a.nq",
        "<http://example.org/s> <http://example.org/p> \"o\" .\nnot a quad\n",
    );
    let l = run(&store, &["load", broken.to_str().unwrap()]);
    assert_eq!(l.code, 2);
    assert!(
        l.stderr.contains("a.nq") && l.stderr.contains("line 2"),
        "{}",
        l.stderr
    );
    assert_eq!(l.stderr.trim().lines().count(), 1, "{}", l.stderr);
    assert!(dump(&store) == before, "the store changed");
}

#[test]
fn load_of_a_directory_without_files_says_how_to_make_them() {
    let empty = scratch("shards-empty");
    std::fs::create_dir_all(&empty).unwrap();
    let l = run(
        &scratch("shards-empty-store"),
        &["load", empty.to_str().unwrap()],
    );
    assert_eq!(l.code, 2);
    assert!(l.stderr.contains("policykg extract"), "{}", l.stderr);
}

#[test]
fn options_extract_and_load_would_ignore_are_refused() {
    let out = scratch("shards-options");
    let r = run(
        &scratch("shards-options-store"),
        &[
            "extract",
            corpus().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--store has no effect on `extract`"),
        "{}",
        r.stderr
    );
    assert!(!out.exists(), "files were written");
    let r: common::Run = policykg()
        .args(["--ontology", "ontology", "load"])
        .arg(&out)
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--ontology has no effect on `load`"),
        "{}",
        r.stderr
    );
}
