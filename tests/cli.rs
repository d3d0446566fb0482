//! End-to-end tests of the `policykg` binary on the real corpus.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use common::{corpus, corpus_file, policykg, rows, run, summary};

/// A store built once from the corpus and shared by the read-only tests.
fn built_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-shared-store");
        let _ = std::fs::remove_dir_all(&dir);
        let corpus = corpus();
        let r = run(&dir, &["build", "--quiet", corpus.to_str().unwrap()]);
        assert_eq!(r.code, 0, "build failed: {}", r.stderr);
        dir
    })
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn build_reports_files_documents_duplicates_and_exits_zero() {
    let store = scratch("build-report");
    let corpus = corpus();
    let r = run(&store.join("kg"), &["build", corpus.to_str().unwrap()]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(summary(&r.stdout, "files read").as_deref(), Some("5"));
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("4"));
    assert_eq!(summary(&r.stdout, "duplicates").as_deref(), Some("1"));
    let facts = summary(&r.stdout, "facts").unwrap();
    let mentions: usize = facts
        .split(',')
        .find_map(|f| f.trim().strip_prefix("mentions "))
        .and_then(|n| n.trim().parse().ok())
        .expect("facts line names mentions");
    assert!(mentions > 1000, "too few mentions: {facts}");
    let triples: usize = summary(&r.stdout, "triples").unwrap().parse().unwrap();
    assert!(triples > 10_000);
    assert!(summary(&r.stdout, "seconds").is_some());
    assert!(!r.stderr.contains("panicked"));
    // Piped, the build draws no progress bar.
    assert!(!r.stderr.contains('\r'));
}

#[test]
fn documents_query_lists_four_documents_with_metadata() {
    let r = run(built_store(), &["query", "documents", "--format", "json"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let docs = rows(&r.stdout);
    assert_eq!(docs.len(), 4, "{docs:#?}");
    let by_file = |prefix: &str| {
        docs.iter()
            .find(|d| d["file"].starts_with(prefix))
            .unwrap_or_else(|| panic!("no document from {prefix}: {docs:#?}"))
    };
    // 003 is the same letter as 000 and is not listed as a document.
    assert!(!docs.iter().any(|d| d["file"].starts_with("003")));

    let response = by_file("000");
    assert!(response["type"].ends_with("#CabinetResponse"));
    assert_eq!(response["date"], "2026-06-03");
    assert_eq!(response["dateStatus"], "stated");
    assert_eq!(response["reference"], "BZ2628864");
    assert!(response["title"].contains("IOB"));
    let signatories = &response["signatories"];
    assert_eq!(signatories.matches(';').count(), 1, "{signatories}");
    assert!(signatories.contains("Berendsen"));
    assert!(
        signatories.to_lowercase().contains("minister"),
        "roles: {signatories}"
    );

    let report = by_file("001");
    assert!(report["type"].ends_with("#EvaluationReport"));
    assert!(report["title"].contains("Samen sterker"));
    assert_ne!(report["dateStatus"], "stated");

    let advice_response = by_file("002");
    assert!(advice_response["type"].ends_with("#CabinetResponse"));
    assert!(advice_response["title"].contains("112"));
    assert!(!advice_response["signatories"].is_empty());

    let letter = by_file("004");
    assert!(letter["type"].ends_with("#ParliamentaryLetter"));
    // Where no date is stated, none is presented as stated.
    for d in &docs {
        if d["dateStatus"] == "stated" {
            assert!(d.contains_key("date"));
        }
    }
}

#[test]
fn duplicates_query_records_the_alternative_rendering() {
    let r = run(built_store(), &["query", "duplicates", "--format", "json"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let values: Vec<&String> = rows[0].values().collect();
    assert!(values.iter().any(|v| v.starts_with("000")), "{rows:#?}");
    assert!(values.iter().any(|v| v.starts_with("003")), "{rows:#?}");
}

#[test]
fn no_fact_is_counted_twice_for_a_duplicate() {
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
             SELECT ?file (COUNT(?m) AS ?n) WHERE {
               ?m a pkg:Mention ; pkg:inDocument ?d . ?d pkg:sourceFile ?file
             } GROUP BY ?file ORDER BY ?file";
    let r = run(built_store(), &["query", "-e", q, "--format", "json"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let files: Vec<String> = rows(&r.stdout)
        .into_iter()
        .map(|r| r["file"].clone())
        .collect();
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with("003")));
}

#[test]
fn every_mention_has_evidence_with_quote_line_and_offsets() {
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
             PREFIX prov: <http://www.w3.org/ns/prov#>
             PREFIX oa: <http://www.w3.org/ns/oa#>
             SELECT (COUNT(?m) AS ?all) (SUM(?ok) AS ?good) WHERE {
               ?m a pkg:Mention .
               OPTIONAL {
                 ?m pkg:surfaceForm ?form ; prov:wasDerivedFrom ?e .
                 ?e pkg:line ?line ; oa:hasTarget ?t .
                 ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?p .
                 ?q oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
                 ?p oa:start ?start ; oa:end ?end .
                 FILTER(CONTAINS(?exact, ?form) && ?line > 0 && ?end > ?start
                        && ?end - ?start = STRLEN(?exact))
               }
               BIND(IF(BOUND(?exact), 1, 0) AS ?ok)
             }";
    let r = run(built_store(), &["query", "-e", q, "--format", "json"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let row = &rows(&r.stdout)[0];
    assert!(row["all"].parse::<usize>().unwrap() > 1000);
    assert_eq!(row["all"], row["good"]);
}

#[test]
fn evidence_lines_point_at_the_original_file() {
    // The line of a mention's evidence is a line of the original file that
    // holds the start of the mention's sentence.
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
             PREFIX prov: <http://www.w3.org/ns/prov#>
             PREFIX oa: <http://www.w3.org/ns/oa#>
             SELECT ?file ?line ?exact WHERE {
               ?m a pkg:Mention ; pkg:inDocument ?d ; prov:wasDerivedFrom ?e .
               ?d pkg:sourceFile ?file .
               ?e pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
             }";
    let r = run(built_store(), &["query", "-e", q, "--format", "json"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let rows = rows(&r.stdout);
    let mut checked = 0;
    let mut found = 0;
    for row in &rows {
        let text = std::fs::read_to_string(corpus().join(&row["file"])).unwrap();
        let line: usize = row["line"].parse().unwrap();
        let original: String = text
            .lines()
            .nth(line - 1)
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        // The first word of the sentence, as it stands in the original.
        let first: String = row["exact"]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(4)
            .collect();
        checked += 1;
        if original.contains(&first) {
            found += 1;
        }
    }
    assert!(checked > 1000);
    assert!(
        found * 100 >= checked * 98,
        "only {found} of {checked} evidence lines hold the sentence start"
    );
}

#[test]
fn building_twice_dumps_byte_identical_nquads() {
    let dir = scratch("determinism");
    let corpus = corpus();
    let corpus = corpus.to_str().unwrap();
    let mut dumps = Vec::new();
    for name in ["a", "b"] {
        let store = dir.join(name);
        let r = run(&store, &["build", corpus]);
        assert_eq!(r.code, 0, "stderr: {}", r.stderr);
        let d = run(&store, &["dump", "--format", "nquads"]);
        assert_eq!(d.code, 0, "stderr: {}", d.stderr);
        dumps.push(d.raw_stdout);
    }
    // The same graph built in memory dumps the same bytes.
    let m = policykg()
        .args([
            "--in-memory",
            "dump",
            "--format",
            "nquads",
            "--from",
            corpus,
        ])
        .output()
        .unwrap();
    assert!(m.status.success());
    assert!(dumps[0].len() > 1_000_000);
    assert!(dumps[0] == dumps[1], "two builds dump different bytes");
    assert!(dumps[0] == m.stdout, "in-memory and on-disk dumps differ");
}

#[test]
fn dump_formats_parse_back_to_the_same_graph() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let store = built_store();
    let mut counts = Vec::new();
    for (name, format) in [
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("ntriples", RdfFormat::NTriples),
    ] {
        let d = run(store, &["dump", "--format", name]);
        assert_eq!(d.code, 0, "{name}: {}", d.stderr);
        let quads = RdfParser::from_format(format)
            .for_slice(&d.raw_stdout)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{name} dump does not parse: {e}"));
        counts.push((name, quads.len()));
    }
    assert_eq!(counts[0].1, counts[1].1, "{counts:?}");
    // Triples merge all graphs: never more than the quads.
    assert!(counts[2].1 <= counts[0].1 && counts[2].1 > 0, "{counts:?}");
}

#[test]
fn bad_files_are_named_in_one_line_each_and_the_build_exits_one() {
    let dir = scratch("bad-input");
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(corpus_file("002"), input.join("good.txt")).unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    std::fs::write(
        input.join("binary.txt"),
        [
            0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0,
        ],
    )
    .unwrap();
    // "Ministerie van Buitenlandse Zaken – Brussel, één €-bedrag" in Windows-1252.
    let mut cp1252 = b"Ministerie van Buitenlandse Zaken \x96 de NAVO en de EU.\n\n".to_vec();
    cp1252.extend_from_slice(b"Het kabinet steunt het Europees Defensieagentschap (EDA) met \x80 10 miljoen voor \xe9\xe9n project.\n");
    std::fs::write(input.join("windows.txt"), &cp1252).unwrap();
    // Unreadable for every user, root included: a symbolic link to itself.
    std::os::unix::fs::symlink("unreadable.txt", input.join("unreadable.txt")).unwrap();
    std::fs::write(input.join("slides.pdf"), b"%PDF-1.4").unwrap();

    let r = run(&dir.join("kg"), &["build", input.to_str().unwrap()]);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    for name in [
        "empty.txt",
        "binary.txt",
        "windows.txt",
        "unreadable.txt",
        "slides.pdf",
    ] {
        let lines: Vec<&str> = r.stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(
            lines.len(),
            1,
            "{name} should be named in one line: {}",
            r.stderr
        );
    }
    let line = |name: &str| {
        r.stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap()
            .to_lowercase()
    };
    assert!(line("empty.txt").contains("empty"));
    assert!(line("binary.txt").contains("binary"));
    assert!(line("windows.txt").contains("windows-1252"));
    // The good file and the Windows-1252 file are built.
    assert_eq!(
        summary(&r.stdout, "documents").as_deref(),
        Some("2"),
        "{}",
        r.stdout
    );

    // The Windows-1252 text is decoded correctly and its mention found.
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
             SELECT ?enc ?form WHERE { ?d pkg:sourceFile \"windows.txt\" ; pkg:encoding ?enc .
               ?m pkg:inDocument ?d ; pkg:surfaceForm ?form }";
    let q = run(&dir.join("kg"), &["query", "-e", q, "--format", "json"]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    let rows = rows(&q.stdout);
    assert!(rows.iter().any(|r| r["form"] == "EDA"), "{rows:#?}");
    assert!(
        rows.iter()
            .all(|r| r["enc"].to_lowercase().contains("1252"))
    );
}

#[test]
fn a_build_with_nothing_readable_keeps_the_previous_store() {
    let dir = scratch("nothing-readable");
    let store = dir.join("kg");
    let r = run(&store, &["build", corpus_file("002").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("empty.txt"), b"").unwrap();
    let r = run(&store, &["build", empty.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.lines().filter(|l| l.starts_with("error")).count(),
        1
    );
    let q = run(&store, &["query", "documents", "--format", "json"]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    assert_eq!(rows(&q.stdout).len(), 1);
}

#[test]
fn killing_a_build_leaves_the_previous_store_queryable() {
    let dir = scratch("killed");
    let store = dir.join("kg");
    let r = run(&store, &["build", corpus_file("002").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A larger input, so that the kill lands at different stages.
    let big = dir.join("big");
    std::fs::create_dir_all(&big).unwrap();
    for i in 0..4 {
        for entry in std::fs::read_dir(corpus()).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            std::fs::copy(&p, big.join(format!("{i}_{name}"))).unwrap();
        }
    }
    for delay in [50, 300, 900, 2000] {
        let mut child = policykg()
            .arg("--store")
            .arg(&store)
            .args(["build", "--keep-duplicates", big.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let q = run(&store, &["query", "documents", "--format", "json"]);
        assert_eq!(q.code, 0, "after a kill at {delay} ms: {}", q.stderr);
        let n = rows(&q.stdout).len();
        // Either the old graph (1 document) or, if the build finished, the new one.
        assert!(
            n == 1 || n == 20,
            "after a kill at {delay} ms: {n} documents"
        );
    }
    // Leftovers of killed builds do not pile up once a build completes.
    let r = run(&store, &["build", corpus_file("002").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let entries = std::fs::read_dir(&store).unwrap().count();
    assert!(
        entries <= 3,
        "{entries} entries left in the store directory"
    );
}

#[test]
fn query_syntax_errors_name_line_and_column() {
    let r = run(
        built_store(),
        &["query", "-e", "SELECT ?x\nWHERE { ?x ?y }"],
    );
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(lines[0].contains("line 2"), "{}", lines[0]);
    assert!(lines[0].contains("column"), "{}", lines[0]);

    let dir = scratch("bad-query");
    let file = dir.join("broken.rq");
    std::fs::write(
        &file,
        "PREFIX pkg: <https://w3id.org/policykg/def#>\nSELECT * WHERE {\n  ?s pkg: ?o\n",
    )
    .unwrap();
    let r = run(built_store(), &["query", file.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("broken.rq"), "{}", r.stderr);
    assert!(r.stderr.contains("line"), "{}", r.stderr);
}

#[test]
fn query_writes_every_result_format() {
    let store = built_store();
    let select = "SELECT ?d WHERE { ?d <https://w3id.org/policykg/def#sourceFile> ?f } ORDER BY ?f";
    let table = run(store, &["query", "-e", select]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.lines().count() >= 6, "{}", table.stdout);
    let csv = run(store, &["query", "-e", select, "--format", "csv"]);
    assert!(csv.stdout.starts_with("d\r\n"), "{}", csv.stdout);
    let tsv = run(store, &["query", "-e", select, "--format", "tsv"]);
    assert!(tsv.stdout.starts_with("?d\n"), "{}", tsv.stdout);
    let json = run(store, &["query", "-e", select, "--format", "json"]);
    assert_eq!(rows(&json.stdout).len(), 5);
    let xml = run(store, &["query", "-e", select, "--format", "xml"]);
    assert!(
        xml.stdout
            .contains("http://www.w3.org/2005/sparql-results#")
    );
    let ask = run(
        store,
        &["query", "-e", "ASK { ?s ?p ?o }", "--format", "json"],
    );
    assert!(ask.stdout.contains("true"), "{}", ask.stdout);

    let construct =
        "CONSTRUCT { ?d a ?t } WHERE { ?d <https://w3id.org/policykg/def#sourceFile> ?f ; a ?t }";
    for format in ["turtle", "ntriples", "nquads"] {
        let r = run(store, &["query", "-e", construct, "--format", format]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(
            r.stdout.contains("CabinetResponse"),
            "{format}: {}",
            r.stdout
        );
    }
    // A format that does not fit the query form is a clear error.
    let r = run(store, &["query", "-e", select, "--format", "turtle"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn a_slow_query_is_cancelled_by_the_timeout() {
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = std::time::Instant::now();
    let r = run(built_store(), &["query", "-e", q, "--timeout", "0.5"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.to_lowercase().contains("timeout") || r.stderr.contains("cancel"),
        "{}",
        r.stderr
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn queries_lists_the_bundled_queries_with_titles() {
    let r = policykg().arg("queries").output().unwrap();
    assert!(r.status.success());
    let out = String::from_utf8(r.stdout).unwrap();
    for name in [
        "documents",
        "actors",
        "instruments",
        "mentions-by-document",
        "duplicates",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(name)),
            "{name} missing:\n{out}"
        );
    }
    assert!(out.contains("Documents"), "{out}");
    // Every bundled query runs on the corpus and answers something.
    let names: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() >= 10, "{out}");
    for name in names {
        // A federated query would leave loopback; tests/federated.rs runs
        // it against a local server.
        if common::bundled(name).contains("SERVICE") {
            continue;
        }
        // A CONSTRUCT answers in a graph format.
        let format = if name.ends_with("-graph") {
            "ntriples"
        } else {
            "json"
        };
        let q = run(built_store(), &["query", name, "--format", format]);
        assert_eq!(q.code, 0, "{name}: {}", q.stderr);
        let answered = if format == "json" {
            !rows(&q.stdout).is_empty()
        } else {
            q.stdout.lines().count() > 0
        };
        assert!(answered, "{name} answers nothing");
    }
}

#[test]
fn memberships_hold_on_the_documents_date_not_today() {
    let dir = scratch("memberships");
    std::fs::write(
        dir.join("brief.txt"),
        "Datum 12 maart 2019\nBetreft Noordelijke samenwerking\n\n\
         Finland en Zweden werken nauw samen met Polen en het Verenigd Koninkrijk.\n",
    )
    .unwrap();
    let store = dir.join("kg");
    let b = run(
        &store,
        &["build", "--quiet", dir.join("brief.txt").to_str().unwrap()],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    let q = run(&store, &["query", "memberships", "--format", "json"]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    let member = |state: &str, org: &str| {
        rows(&q.stdout).iter().any(|r| {
            r.get("state")
                .is_some_and(|s| s.ends_with(&format!("/{state}")))
                && r.get("organisation")
                    .is_some_and(|o| o.ends_with(&format!("/{org}")))
        })
    };
    // In 2019 Poland was in NATO and the EU, Finland and Sweden in the EU
    // only, and the United Kingdom still in both.
    assert!(
        member("poland", "nato") && member("poland", "eu"),
        "{}",
        q.stdout
    );
    assert!(
        member("finland", "eu") && !member("finland", "nato"),
        "{}",
        q.stdout
    );
    assert!(!member("sweden", "nato"), "{}", q.stdout);
    assert!(member("united-kingdom", "eu"), "{}", q.stdout);
}

#[test]
fn a_person_the_text_titles_is_linked_to_the_ministry_organisation_and_party_it_gives() {
    let dir = scratch("discovered-persons");
    std::fs::write(
        dir.join("verslag.txt"),
        "Verslag van een overleg\n\n\
         Minister van Defensie Van Leeuwen sprak in Vilnius met SG NAVO Lindqvist over \
         luchtverdediging. Het lid Hamstra (CDA) vroeg naar de kosten.\n",
    )
    .unwrap();
    let store = dir.join("kg");
    let file = dir.join("verslag.txt");
    let b = run(&store, &["build", "--quiet", file.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let q = run(
        &store,
        &[
            "query",
            "-e",
            "PREFIX pkg: <https://w3id.org/policykg/def#> \
             PREFIX org: <http://www.w3.org/ns/org#> \
             PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             SELECT ?name ?role ?in WHERE { ?p a pkg:Person ; pkg:discovered true ; \
             skos:prefLabel ?name ; pkg:role ?role . OPTIONAL { ?p org:memberOf ?in } }",
            "--format",
            "json",
        ],
    );
    assert_eq!(q.code, 0, "{}", q.stderr);
    let found = rows(&q.stdout);
    let has = |name: &str, role: &str, org: &str| {
        found.iter().any(|r| {
            r.get("name").map(String::as_str) == Some(name)
                && r.get("role").is_some_and(|x| x.eq_ignore_ascii_case(role))
                && r.get("in").is_some_and(|x| x.ends_with(org))
        })
    };
    assert!(
        has(
            "Van Leeuwen",
            "minister van Defensie",
            "/ministry-defence-nl"
        ),
        "{found:?}"
    );
    assert!(has("Lindqvist", "sg NAVO", "/nato"), "{found:?}");
    assert!(has("Hamstra", "lid", "/party-cda"), "{found:?}");
    // Vilnius is a place, not a person or an organisation.
    assert!(!q.stdout.contains("Vilnius"), "{}", q.stdout);
}

#[test]
fn explain_shows_type_labels_and_quoted_mentions() {
    let r = run(built_store(), &["explain", "NAVO"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(out.contains("NAVO") && out.contains("NATO"), "{out}");
    assert!(
        out.contains("InternationalOrganisation") || out.contains("internationale organisatie"),
        "{out}"
    );
    assert!(
        out.contains("wikidata.org/entity/Q7184"),
        "no external identifier:\n{out}"
    );
    // Mentions with file and line.
    assert!(out.contains("000_54a66762803e0af8.txt:"), "{out}");
    // The same entity by its English alias and by its IRI.
    let en = run(built_store(), &["explain", "nato"]);
    assert_eq!(en.stdout, r.stdout);
    let unknown = run(built_store(), &["explain", "Atlantis Pact"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(unknown.stderr.lines().count(), 1, "{}", unknown.stderr);
}

#[test]
fn a_missing_store_is_a_clear_error() {
    let dir = scratch("missing-store");
    let r = run(&dir.join("nowhere"), &["query", "documents"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("nowhere"), "{}", r.stderr);
    assert!(
        r.stderr.contains("build"),
        "should say how to make one: {}",
        r.stderr
    );
}

#[test]
fn a_broken_ontology_is_reported_with_file_line_and_column() {
    let dir = scratch("broken-ontology");
    let onto = dir.join("ontology");
    std::fs::create_dir_all(&onto).unwrap();
    for f in ["policykg.ttl", "lexicon.ttl", "text.ttl"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("ontology")
                .join(f),
            onto.join(f),
        )
        .unwrap();
    }
    let mut lexicon = std::fs::read_to_string(onto.join("lexicon.ttl")).unwrap();
    lexicon.push_str("\n<urn:x> <urn:y> \"unterminated .\n");
    std::fs::write(onto.join("lexicon.ttl"), lexicon).unwrap();
    let r = policykg()
        .arg("--store")
        .arg(dir.join("kg"))
        .arg("--ontology")
        .arg(&onto)
        .args(["build", corpus_file("002").to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("lexicon.ttl:"), "{stderr}");
}

#[test]
fn explain_shows_a_recommendation_with_parts_restatements_and_responses() {
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
             SELECT ?rec WHERE { ?rec a pkg:Recommendation ; pkg:number \"3\" ; pkg:inDocument/pkg:sourceFile ?f .
               FILTER(STRSTARTS(?f, \"001\")) }";
    let r = run(built_store(), &["query", "-e", q, "--format", "json"]);
    let rec = rows(&r.stdout)[0]["rec"].clone();
    let main = run(built_store(), &["explain", &rec]);
    assert_eq!(main.code, 0, "{}", main.stderr);
    assert!(
        main.stdout.contains("recommendations under it: 6"),
        "{}",
        main.stdout
    );
    assert!(main.stdout.contains("restated:"), "{}", main.stdout);
    let sub = run(built_store(), &["explain", &format!("{rec}.6")]);
    assert_eq!(sub.code, 0, "{}", sub.stderr);
    assert!(sub.stdout.contains("responses: 1"), "{}", sub.stdout);
    assert!(sub.stdout.contains("pkg:Defers"), "{}", sub.stdout);
    assert!(
        sub.stdout.contains("000_54a66762803e0af8.txt:"),
        "{}",
        sub.stdout
    );
}

#[test]
fn explain_an_issue_lists_what_it_blocks_with_quotes() {
    let r = run(built_store(), &["explain", "Cyprusvraagstuk"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let blockades = r
        .stdout
        .split("blockades:")
        .nth(1)
        .expect("a blockades section");
    assert!(
        blockades.contains("blocks id:issue/eu-nato-cooperation"),
        "{blockades}"
    );
    assert!(
        blockades.contains("is the reason for blocking"),
        "{blockades}"
    );
    assert!(
        blockades.contains("000_54a66762803e0af8.txt:"),
        "{blockades}"
    );
}
