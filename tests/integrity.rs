//! Integrity: concurrent builds never corrupt the store, queries cannot
//! exhaust memory, undated documents are not given dates their text
//! contradicts, footnotes are not spliced into the body, and quotes keep
//! the typography of the source.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use policykg::lexicon::{Lexicon, OntologySource};
use policykg::store::{BuildLock, Wait};

/// Waits for `child` at most `limit`, killing it past that (a hang is a
/// failure, not a stuck test run).
fn finish(mut child: Child, limit: Duration) -> (i32, String, String) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            let mut err = String::new();
            if let Some(mut o) = child.stdout.take() {
                o.read_to_string(&mut out).unwrap();
            }
            if let Some(mut e) = child.stderr.take() {
                e.read_to_string(&mut err).unwrap();
            }
            return (status.code().unwrap_or(-1), out, err);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the command did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn spawn(args: &[&str], store: &std::path::Path) -> Child {
    common::policykg()
        .arg("--store")
        .arg(store)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(store: &std::path::Path) -> String {
    let r = common::run(
        store,
        &[
            "query",
            "--format",
            "csv",
            "-e",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn three_builds_into_one_store_at_once_all_succeed_and_leave_one_sound_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = common::corpus();
    let corpus = corpus.to_str().unwrap();
    let children: Vec<Child> = (0..3)
        .map(|_| spawn(&["--quiet", "build", corpus], &store))
        .collect();
    for child in children {
        let (code, _, err) = finish(child, Duration::from_secs(600));
        assert_eq!(code, 0, "{err}");
    }
    let stores = std::fs::read_dir(&store)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("store-"))
        })
        .count();
    assert_eq!(stores, 1);
    let n = count(&store);
    assert!(
        n.lines()
            .nth(1)
            .is_some_and(|l| l.parse::<u64>().unwrap_or(0) > 10_000),
        "{n}"
    );
}

#[test]
fn a_build_with_no_wait_fails_at_once_naming_the_build_that_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = common::corpus();
    let corpus = corpus.to_str().unwrap();
    let built = common::run(&store, &["--quiet", "build", corpus]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let before = count(&store);

    let held = BuildLock::acquire(&store, Wait::No, |_| {}).unwrap();
    let refused = common::run(&store, &["--quiet", "build", "--no-wait", corpus]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains(&format!(
            "is being built by another build (process {})",
            std::process::id()
        )),
        "{}",
        refused.stderr
    );
    assert_eq!(
        refused.stderr.trim().lines().count(),
        1,
        "{}",
        refused.stderr
    );
    // Queries never wait for the lock.
    assert_eq!(count(&store), before);

    // Without --no-wait the build says whom it waits for, and runs after.
    let waiting = spawn(&["--quiet", "build", corpus], &store);
    std::thread::sleep(Duration::from_millis(1500));
    drop(held);
    let (code, _, err) = finish(waiting, Duration::from_secs(600));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("waiting: the store"), "{err}");
    assert_eq!(count(&store), before);
}

#[test]
fn a_query_that_grows_past_its_memory_bound_is_cancelled_with_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = common::corpus();
    let built = common::run(&store, &["--quiet", "build", corpus.to_str().unwrap()]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let child = spawn(
        &[
            "query",
            "--max-memory",
            "400",
            "--timeout",
            "300",
            "-e",
            "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?b",
        ],
        &store,
    );
    let (code, out, err) = finish(child, Duration::from_secs(240));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("memory") && err.contains("--max-memory"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn undated_documents_get_bounds_consistent_with_every_event_they_date() {
    let rows = common::query_corpus(
        "PREFIX pkg: <https://w3id.org/policykg/def#>
         PREFIX dcterms: <http://purl.org/dc/terms/>
         PREFIX oa: <http://www.w3.org/ns/oa#>
         SELECT ?file ?date ?before ?after ?quote WHERE {
           ?d pkg:sourceFile ?file .
           OPTIONAL { ?d dcterms:date ?date }
           OPTIONAL { ?d pkg:notBefore ?before }
           OPTIONAL { ?d pkg:notAfter ?after }
           OPTIONAL { ?d pkg:dateEvidence/oa:hasTarget/oa:hasSelector/oa:exact ?quote }
         }",
    );
    let get = |prefix: &str, key: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["file"].starts_with(prefix))
            .filter_map(|r| r.get(key).cloned())
            .collect()
    };
    // 002 mentions an event of 7 February 2020 in passing, but also events
    // later that year and plans for 2020 and 2021: no day, the year 2020.
    assert_ne!(
        get("002", "date").first().map(String::as_str),
        Some("2020-02-07")
    );
    assert!(
        get("002", "before")
            .iter()
            .all(|d| d.as_str() >= "2020-02-07")
    );
    for date in get("002", "date") {
        assert!(date.len() < 10, "002 is given a day: {date}");
        assert!(date.starts_with("2020"), "{date}");
    }
    // 004 tells of a report handed over on 25 November 2020 as past and
    // looks ahead to a summit in 2021: no day, and not before that report.
    assert!(get("004", "date").is_empty(), "{:?}", get("004", "date"));
    assert!(
        get("004", "before")
            .iter()
            .any(|d| d.as_str() >= "2020-11-25")
    );
    assert!(!get("004", "after").is_empty());
    assert!(
        get("004", "after")
            .iter()
            .all(|d| d.as_str() >= "2021-01-01")
    );
    // Every bound carries the sentence it was read from.
    assert!(!get("004", "quote").is_empty());
}

#[test]
fn footnotes_that_run_over_a_page_break_stay_in_their_footnote() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let doc = policykg::corpus::read(&common::corpus_file("001"), &lexicon.conventions).unwrap();
    let seg = policykg::text::segment(&doc.text, &lexicon.conventions);
    let publisher = regex::Regex::new(
        r"(?:Press|University|Routledge|Clingendael|Institute|Francis), (?:19|20)\d\d\.$",
    )
    .unwrap();
    let spliced: Vec<&str> = seg
        .sentences
        .iter()
        .filter(|s| s.start < doc.text.body_end)
        .map(|s| &doc.text.text[s.start..s.end])
        .filter(|s| publisher.is_match(s))
        .collect();
    assert!(
        spliced.is_empty(),
        "body sentences ending in a footnote's publisher: {spliced:#?}"
    );
}

#[test]
fn quotes_keep_the_curly_quotes_and_apostrophes_of_the_source() {
    let rows = common::query_corpus(
        "PREFIX oa: <http://www.w3.org/ns/oa#>
         SELECT (COUNT(*) AS ?n) WHERE { ?q oa:exact ?e . FILTER(CONTAINS(?e, \"’\")) }",
    );
    let n: u64 = rows[0]["n"].parse().unwrap();
    assert!(n > 10, "only {n} quotes keep a curly apostrophe");
}
