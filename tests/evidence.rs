//! The evidence invariant, checked on every evidence node of the corpus
//! graph: `oa:exact` is the repaired text between `oa:start` and `oa:end`,
//! character for character; `pkg:line` is the line of the original file
//! where that text begins; and the quote's letters and digits are found in
//! the original file from that line on, in order, with only small gaps
//! (a removed footnote marker, a page header, a footnote block between).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use oxigraph::model::{Literal, Term};
use policykg::lexicon::{Lexicon, OntologySource};
use policykg::rdf::vocab::{oa, pkg};
use policykg::{BuildOptions, build_with};

/// An evidence node as the graph has it.
#[derive(Default, Debug)]
struct Evidence {
    exact: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
    line: Option<usize>,
    document: Option<String>,
}

fn literal(t: &Term) -> Option<&Literal> {
    match t {
        Term::Literal(l) => Some(l),
        _ => None,
    }
}

#[test]
fn every_evidence_quote_is_the_repaired_text_between_its_offsets_and_begins_on_its_line() {
    let lexicon = Lexicon::load(&OntologySource::default()).expect("ontology");
    let mut built = build_with(
        &lexicon,
        &BuildOptions {
            inputs: vec![common::corpus()],
            ..BuildOptions::default()
        },
        |_| {},
        std::time::Instant::now(),
    );
    let quads = built.all_quads(&lexicon);
    let mut evidence: BTreeMap<String, Evidence> = BTreeMap::new();
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for q in &quads {
        let s = q.subject.to_string();
        let p = q.predicate.as_ref();
        if p == oa::EXACT {
            let base = s
                .trim_end_matches('>')
                .trim_end_matches("#quote")
                .to_owned();
            evidence.entry(base).or_default().exact =
                literal(&q.object).map(|l| l.value().to_owned());
        } else if p == oa::START || p == oa::END {
            let base = s
                .trim_end_matches('>')
                .trim_end_matches("#position")
                .to_owned();
            let n = literal(&q.object).and_then(|l| l.value().parse().ok());
            let e = evidence.entry(base).or_default();
            if p == oa::START {
                e.start = n;
            } else {
                e.end = n;
            }
        } else if p == pkg::LINE && s.contains("/id/evidence/") {
            let base = s.trim_end_matches('>').to_owned();
            evidence.entry(base).or_default().line =
                literal(&q.object).and_then(|l| l.value().parse().ok());
        } else if p == oa::HAS_SOURCE {
            targets.insert(
                s.trim_end_matches('>')
                    .trim_end_matches("#target")
                    .to_owned(),
                q.object.to_string(),
            );
        }
    }
    for (base, doc) in targets {
        sources.insert(base, doc);
    }
    for (base, e) in &mut evidence {
        e.document = sources.get(base).cloned();
    }
    assert!(
        evidence.len() > 1000,
        "only {} evidence nodes",
        evidence.len()
    );

    let mut failures = Vec::new();
    for (iri, e) in &evidence {
        let (Some(exact), Some(start), Some(end), Some(line), Some(doc_iri)) =
            (&e.exact, e.start, e.end, e.line, &e.document)
        else {
            failures.push(format!("{iri}: incomplete evidence {e:?}"));
            continue;
        };
        let doc = built
            .corpus
            .documents
            .iter()
            .find(|d| doc_iri.contains(&format!("/document/{}>", d.slug)))
            .expect("document of the evidence");
        let between: String = doc
            .text
            .text
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        if &between != exact {
            failures.push(format!(
                "{iri}: oa:exact {exact:?} is not the text between {start} and {end}: {between:?}"
            ));
            continue;
        }
        let raw = std::fs::read(&doc.path).unwrap();
        let raw = String::from_utf8_lossy(&raw)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let lines: Vec<String> = raw.split('\n').map(str::to_owned).collect();
        if let Err(why) = common::quote_in_source(exact, &lines, line) {
            failures.push(format!("{iri} (line {line}): {why}: {exact:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} evidence quotes break the invariant:\n{}",
        failures.len(),
        evidence.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
