//! External identifiers against `../shared/links.tsv`, both ways: every
//! row that names an entity is in the graph with the right predicate
//! (confirmed → owl:sameAs, likely → skos:closeMatch), and every identifier
//! of an entity in the graph is a row of the table. `policykg link` reports
//! coverage.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{corpus, policykg, query_corpus};
use policykg::lexicon::{Lexicon, OntologySource};
use policykg::link;

fn table() -> Vec<link::LinkRow> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/links.tsv");
    let path = std::env::var_os("POLICYKG_LINKS").map_or(path, Into::into);
    link::parse_table("links.tsv", &std::fs::read_to_string(path).unwrap()).unwrap()
}

const SAME: &str = "http://www.w3.org/2002/07/owl#sameAs";
const CLOSE: &str = "http://www.w3.org/2004/02/skos/core#closeMatch";

#[test]
fn identifiers_in_the_graph_match_the_links_table_both_ways() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let rows = table();
    let expected: BTreeSet<(String, String, String)> = rows
        .iter()
        .filter_map(|r| {
            let s = link::subject_of(r, &lexicon)?;
            Some((
                s,
                (if r.confirmed { SAME } else { CLOSE }).to_owned(),
                r.uri.clone(),
            ))
        })
        .collect();
    assert!(
        expected.len() * 10 >= rows.len() * 8,
        "most rows name an entity"
    );
    let graph: BTreeSet<(String, String, String)> = query_corpus(
        "PREFIX owl: <http://www.w3.org/2002/07/owl#>
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         SELECT DISTINCT ?s ?p ?o WHERE {
           VALUES ?p { owl:sameAs skos:closeMatch }
           ?s ?p ?o
         }",
    )
    .into_iter()
    .map(|r| (r["s"].clone(), r["p"].clone(), r["o"].clone()))
    .collect();
    let missing: Vec<_> = expected.difference(&graph).collect();
    assert!(
        missing.is_empty(),
        "rows of the table not in the graph: {missing:#?}"
    );
    // Every identifier of a lexicon entity is a row of the table; a cited
    // paper or act is linked by the official pattern, which the table's
    // own examples follow.
    let official = |s: &str, o: &str| {
        let local = s.rsplit('/').next().unwrap_or_default();
        (s.contains("/id/kamerstuk/")
            && (o == format!("https://zoek.officielebekendmakingen.nl/kst-{local}")
                || o == format!("https://www.tweedekamer.nl/downloads/document?id={local}")))
            || (s.contains("/id/eu/")
                && (o == format!("http://publications.europa.eu/resource/celex/{local}")
                    || o.starts_with("http://data.europa.eu/eli/")))
    };
    let unknown: Vec<_> = graph
        .iter()
        .filter(|t| !expected.contains(*t) && !official(&t.0, &t.2))
        .collect();
    assert!(
        unknown.is_empty(),
        "identifiers not in the table: {unknown:#?}"
    );
    for r in rows
        .iter()
        .filter(|r| r.scheme == "officielebekendmakingen")
    {
        if let Some(s) = link::subject_of(r, &lexicon).filter(|s| s.contains("/kamerstuk/")) {
            assert!(official(&s, &r.uri), "{s} {}", r.uri);
        }
    }
}

#[test]
fn the_committed_links_file_is_what_the_import_writes() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let (turtle, _) = link::import(&table(), &lexicon, "links.tsv");
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/links.ttl"))
            .unwrap();
    assert!(
        turtle == committed,
        "ontology/links.ttl is stale: run policykg link --import ../shared/links.tsv"
    );
}

#[test]
fn link_reports_coverage_and_lists_entities_without_identifiers() {
    let out = policykg()
        .args(["--in-memory", "link", "--from"])
        .arg(corpus())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().next().unwrap();
    for column in ["entities", "Wikidata", "ELI/CELEX", "TOOI", "any"] {
        assert!(header.contains(column), "{header}");
    }
    let state = text
        .lines()
        .find(|l| l.starts_with("State "))
        .expect("a row for states");
    let n: Vec<usize> = state
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(n[0] >= 20 && n[1] >= 10 && n[5] <= n[0], "{state}");
    assert!(text.contains("without an external identifier: "), "{text}");
    // The Ministry of Foreign Affairs has a TOOI identifier.
    let tooi = text
        .lines()
        .find(|l| l.starts_with("GovernmentBody "))
        .unwrap();
    assert!(
        tooi.split_whitespace()
            .nth(4)
            .unwrap()
            .parse::<usize>()
            .unwrap()
            >= 3,
        "{tooi}"
    );
}

#[test]
fn a_bad_links_table_names_file_and_line() {
    let e = link::parse_table("t.tsv", "local_id\tlabel_en\tscheme\tidentifier\turi\tconfidence\nnato\tNATO\twikidata\tQ7184\thttp://www.wikidata.org/entity/Q7184\tmaybe\n")
        .unwrap_err();
    assert_eq!(e.to_string().lines().count(), 1);
    assert!(e.to_string().starts_with("t.tsv:2: "), "{e}");
}
