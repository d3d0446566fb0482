//! The identity parliamentary and ministerial papers print at the top,
//! against `tests/fixtures/metadata/headers.json` (headers written for the
//! project; see the README there): every case is read as a document of its
//! own and its metadata compared with the twelve expected keys. The gate:
//! at least 24 of the 26 cases right in every key, and every key right in
//! at least 90% of the cases.
//!
//! `cargo test --test metadata_headers -- --nocapture` prints the accuracy
//! per key and every miss.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use policykg::corpus::{self, Metadata};
use policykg::lexicon::{Lexicon, OntologySource};
use proptest::prelude::*;
use serde_json::{Value, json};

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(&OntologySource::Embedded).expect("embedded ontology"));

/// The expected keys, in the fixture's order.
const KEYS: [&str; 12] = [
    "kamerstuk",
    "vergaderjaar",
    "aanhangsel",
    "document_number",
    "case_number",
    "reference",
    "dates",
    "title",
    "title_derived",
    "asked_by",
    "answered_by",
    "qa_pairs",
];

/// Cases that must be right in every key.
const CASES_RIGHT: usize = 24;
/// The share of cases every key must be right in.
const KEY_ACCURACY: f64 = 0.9;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/metadata/headers.json")
}

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(!cases.is_empty());
    cases
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads `text` as the file `name` in `dir`, as a build reads a file.
fn read(dir: &Path, name: &str, text: &str) -> corpus::Document {
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, text).unwrap();
    corpus::read(&path, &LEXICON.conventions).unwrap()
}

/// Our metadata under one of the fixture's keys, in the fixture's form.
fn actual(m: &Metadata, key: &str) -> Value {
    match key {
        "kamerstuk" => m.kamerstuk.as_ref().map_or(
            Value::Null,
            |k| json!({"dossier": k.dossier, "number": k.number}),
        ),
        "vergaderjaar" => json!(m.vergaderjaar),
        "aanhangsel" => json!(m.aanhangsel),
        "document_number" => json!(m.document_number),
        "case_number" => json!(m.case_number),
        "reference" => json!(m.reference),
        "dates" => {
            let dates: serde_json::Map<String, Value> = m
                .dates
                .iter()
                .map(|(role, date, _)| (role.name().to_owned(), json!(date.iso())))
                .collect();
            Value::Object(dates)
        }
        "title" => json!(m.title),
        "title_derived" => json!(m.title_derived),
        "asked_by" => json!(m.asked_by),
        "answered_by" => json!(m.answered_by),
        "qa_pairs" => json!(m.qa_pairs),
        _ => panic!("unknown key {key}"),
    }
}

/// Per key, the ids of the cases it is wrong in, with what we read.
fn misses() -> (usize, BTreeMap<&'static str, Vec<String>>) {
    let dir = scratch("metadata-headers");
    let cases = cases();
    let mut misses: BTreeMap<&'static str, Vec<String>> =
        KEYS.iter().map(|k| (*k, Vec::new())).collect();
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let doc = read(&dir, id, case["text"].as_str().unwrap());
        for key in KEYS {
            let expected = &case["expect"][key];
            let got = actual(&doc.metadata, key);
            if &got != expected {
                misses
                    .get_mut(key)
                    .unwrap()
                    .push(format!("{id}: expected {expected}, got {got}"));
            }
        }
    }
    (cases.len(), misses)
}

#[test]
fn every_fixture_has_the_twelve_keys_in_order() {
    for case in cases() {
        let keys: Vec<&str> = case["expect"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        let mut expected = KEYS.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted, expected, "{}", case["id"]);
    }
}

#[test]
fn headers_yield_their_stated_identity_in_at_least_24_of_26_cases_and_90_percent_per_key() {
    let (n, misses) = misses();
    let mut wrong_cases: Vec<&str> = misses
        .values()
        .flatten()
        .filter_map(|m| m.split(':').next())
        .collect();
    wrong_cases.sort_unstable();
    wrong_cases.dedup();
    let right = n - wrong_cases.len();
    eprintln!("cases right in every key: {right} of {n}");
    for key in KEYS {
        let wrong = misses[key].len();
        let accuracy = (n - wrong) as f64 / n as f64;
        eprintln!("  {key:<16} {:>3} of {n}  {:.3}", n - wrong, accuracy);
        for m in &misses[key] {
            eprintln!("      {m}");
        }
    }
    assert!(
        right >= CASES_RIGHT,
        "{right} of {n} cases right; wrong: {wrong_cases:?}"
    );
    for key in KEYS {
        let accuracy = (n - misses[key].len()) as f64 / n as f64;
        assert!(accuracy >= KEY_ACCURACY, "{key}: {accuracy:.3}");
    }
}

#[test]
fn questions_and_answers_are_spans_of_the_repaired_text_without_their_labels() {
    let dir = scratch("metadata-qa");
    let conv = &LEXICON.conventions.kamervragen;
    let mut pairs = 0;
    for case in cases() {
        let id = case["id"].as_str().unwrap();
        let doc = read(&dir, id, case["text"].as_str().unwrap());
        let text = &doc.text.text;
        for pair in &doc.metadata.qa {
            pairs += 1;
            let question = pair.question.expect("every answer here has its question");
            let answer = pair.answer.expect("every answer here has its text");
            assert!(question.end <= answer.start, "{id}: {pair:?}");
            for span in [question, answer] {
                let piece = &text[span.start..span.end];
                assert!(!piece.trim().is_empty(), "{id}: {pair:?}");
                assert_eq!(piece, piece.trim(), "{id}: {pair:?}");
                assert_eq!(doc.text.line_at(span.start), span.line);
                for label in conv.question_labels.iter().chain(&conv.answer_labels) {
                    assert!(
                        !piece.starts_with(label.as_str()),
                        "{id}: {piece:?} starts with its label"
                    );
                }
            }
            let raw_line = case["text"]
                .as_str()
                .unwrap()
                .lines()
                .nth(answer.line as usize - 1)
                .unwrap();
            assert!(
                text[answer.start..answer.end].starts_with(raw_line.trim()),
                "{id}: answer on line {} is not {raw_line:?}",
                answer.line
            );
        }
    }
    // Three answered sets, one unnumbered, and a list of questions.
    assert_eq!(pairs, 3 + 4 + 2 + 2 + 2);
}

#[test]
fn a_dated_header_date_is_the_documents_date() {
    let dir = scratch("metadata-dated");
    for case in cases() {
        let doc = read(
            &dir,
            case["id"].as_str().unwrap(),
            case["text"].as_str().unwrap(),
        );
        let m = &doc.metadata;
        let dated: Vec<_> = m
            .dates
            .iter()
            .filter(|(r, ..)| *r == corpus::DateRole::Dated)
            .map(|(_, d, _)| *d)
            .collect();
        assert_eq!(dated, m.date.iter().map(|(d, _)| *d).collect::<Vec<_>>());
        // A paper dated in any role is not dated from its text's tenses.
        if !m.dates.is_empty() {
            assert_eq!(m.date_bounds, corpus::DateBounds::default());
        }
    }
}

/// Lines of the fixtures, cut and shuffled into headers that make no sense.
fn garbled() -> impl Strategy<Value = String> {
    let lines: Vec<String> = cases()
        .iter()
        .flat_map(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let line = (0..lines.len(), 0usize..120, "\\PC{0,12}").prop_map(move |(i, cut, noise)| {
        let l: String = lines[i].chars().take(cut).collect();
        format!("{l}{noise}")
    });
    prop::collection::vec(
        prop_oneof![
            4 => line,
            1 => Just(String::new()),
            1 => "[(\t0-9DZnr.Vraag Antwoord]{0,20}",
        ],
        0..30,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_207),
        ..ProptestConfig::default()
    })]

    #[test]
    fn garbled_headers_never_panic_and_give_spans_inside_the_body(text in garbled()) {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("metadata-garbled");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("case.txt");
        std::fs::write(&path, &text).unwrap();
        if let Ok(doc) = corpus::read(&path, &LEXICON.conventions) {
            let m = &doc.metadata;
            prop_assert_eq!(m.qa_pairs, m.qa.len());
            for span in m.qa.iter().flat_map(|p| p.question.into_iter().chain(p.answer)) {
                prop_assert!(span.start < span.end && span.end <= doc.text.body_end);
                prop_assert!(doc.text.text.get(span.start..span.end).is_some());
            }
            let options = policykg::build::BuildOptions {
                inputs: vec![path.clone()],
                ..Default::default()
            };
            let built = policykg::build::build_with(&LEXICON, &options, |_| {}, std::time::Instant::now());
            prop_assert!(built.report.documents <= 1);
        }
    }
}
