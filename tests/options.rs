//! Every option is checked before any work: an unknown value is an error
//! that lists the valid ones, an option the command would ignore is
//! refused, and nothing already built or written is lost on the way.
//! End-to-end, with the real binary; every store lives in a temporary
//! directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{Run, corpus, corpus_file, policykg, rows, run};

/// A store built once from one corpus file, shared by the read-only tests.
fn built_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = dir.path().join("kg");
            let r = run(&store, &["build", corpus_file("002").to_str().unwrap()]);
            assert_eq!(r.code, 0, "build failed: {}", r.stderr);
            (dir, store)
        })
        .1
}

/// Runs with arguments as they are (no --store).
fn bare(args: &[&str]) -> Run {
    policykg().args(args).output().unwrap().into()
}

/// Runs `--in-memory ARGS…`.
fn in_memory(args: &[&str]) -> Run {
    policykg()
        .arg("--in-memory")
        .args(args)
        .output()
        .unwrap()
        .into()
}

/// The one error line, asserting there is exactly one and exit status 2.
fn error_line(r: &Run) -> String {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    lines[0].to_owned()
}

fn documents(store: &Path) -> usize {
    let q = run(store, &["query", "documents", "--format", "json"]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    rows(&q.stdout).len()
}

fn ontology_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology")
}

// 1. --ontology

#[test]
fn a_missing_ontology_directory_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg");
    let r = policykg()
        .arg("--store")
        .arg(&store)
        .args(["--ontology", "/no/such/dir", "build"])
        .arg(corpus_file("002"))
        .output()
        .unwrap()
        .into();
    let line = error_line(&r);
    assert!(line.contains("\"/no/such/dir\""), "{line}");
    assert!(!store.exists(), "a store was built");
    // text reads the ontology too.
    let r = bare(&[
        "--ontology",
        "/no/such/dir",
        "text",
        corpus_file("002").to_str().unwrap(),
    ]);
    assert!(error_line(&r).contains("/no/such/dir"));
}

#[test]
fn an_ontology_directory_without_the_lexicon_names_the_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let onto = dir.path().join("ontology");
    std::fs::create_dir_all(&onto).unwrap();
    std::fs::copy(
        ontology_dir().join("policykg.ttl"),
        onto.join("policykg.ttl"),
    )
    .unwrap();
    let r = policykg()
        .arg("--ontology")
        .arg(&onto)
        .arg("text")
        .arg(corpus_file("002"))
        .output()
        .unwrap()
        .into();
    let line = error_line(&r);
    assert!(line.contains("has no lexicon.ttl"), "{line}");
    assert!(line.contains(onto.to_str().unwrap()), "{line}");
}

#[test]
fn an_ontology_given_to_a_command_that_does_not_read_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let onto = ontology_dir();
    let r = run(
        built_store(),
        &["--ontology", onto.to_str().unwrap(), "query", "documents"],
    );
    let line = error_line(&r);
    assert!(line.contains("--ontology"), "{line}");
    let r = bare(&["--ontology", onto.to_str().unwrap(), "queries"]);
    assert!(error_line(&r).contains("--ontology"));
    // And a store given to a command that uses none.
    let r = run(&dir.path().join("kg"), &["queries"]);
    assert!(error_line(&r).contains("--store"));
}

// 2. Unknown values

#[test]
fn an_unknown_export_kind_is_an_error_listing_the_vocabularys_classes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("never-built");
    let r = run(&store, &["export", "blocks", "--kind", "Stat"]);
    let line = error_line(&r);
    assert!(line.contains("\"Stat\""), "{line}");
    for class in ["State", "Group", "Issue", "Instrument", "Actor", "Strategy"] {
        assert!(line.contains(class), "{class} missing: {line}");
    }
    // Checked before the store is opened.
    assert!(!line.contains("no graph"), "{line}");
    assert!(!store.exists());
}

#[test]
fn export_kinds_come_from_the_ontology_not_from_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let onto = dir.path().join("ontology");
    std::fs::create_dir_all(&onto).unwrap();
    for f in ["policykg.ttl", "lexicon.ttl"] {
        std::fs::copy(ontology_dir().join(f), onto.join(f)).unwrap();
    }
    let mut vocabulary = std::fs::read_to_string(onto.join("policykg.ttl")).unwrap();
    vocabulary.push_str("\npkg:Alliance a owl:Class ; rdfs:subClassOf pkg:Actor .\n");
    std::fs::write(onto.join("policykg.ttl"), vocabulary).unwrap();
    let with = |kind: &str| {
        policykg()
            .arg("--store")
            .arg(built_store())
            .arg("--ontology")
            .arg(&onto)
            .args(["export", "positions", "--format", "json", "--kind", kind])
            .output()
            .unwrap()
    };
    let r: Run = with("Alliance").into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r: Run = with("Stat").into();
    assert!(error_line(&r).contains("Alliance"));
}

#[test]
fn a_kind_takes_in_its_subclasses() {
    let export = |kind: &str| -> serde_json::Value {
        let r = run(
            built_store(),
            &["export", "positions", "--format", "json", "--kind", kind],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str(&r.stdout).unwrap()
    };
    let actors = export("actor");
    let nodes = actors["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty(), "{actors}");
    let actor_kinds = [
        "Actor",
        "State",
        "InternationalOrganisation",
        "Agency",
        "Body",
        "GovernmentBody",
        "AdvisoryBody",
        "Person",
        "Group",
        "Parliament",
        "Committee",
        "MilitaryCommand",
        "PoliticalParty",
        "ParliamentaryGroup",
    ];
    for n in nodes {
        let kind = n["kind"].as_str().unwrap();
        assert!(actor_kinds.contains(&kind), "{n}");
    }
    // No lexicon entity is typed pkg:Instrument itself, only its subclasses.
    let all = export("Instrument").to_string() + &export("State").to_string();
    assert!(all.contains("\"nodes\""), "{all}");
}

#[test]
fn an_unknown_label_language_is_an_error_listing_nl_and_en() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &dir.path().join("never-built"),
        &["export", "blocks", "--lang", "fr"],
    );
    let line = error_line(&r);
    assert!(line.contains("\"fr\""), "{line}");
    assert!(line.contains("nl") && line.contains("en"), "{line}");
    let r = run(
        built_store(),
        &["export", "blocks", "--lang", "EN", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn unknown_formats_and_views_are_errors_listing_the_valid_values_before_any_store_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("never-built");
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["query", "documents", "--format", "yaml"],
            &["table", "csv", "json", "turtle", "nquads"],
        ),
        (
            &["dump", "--format", "rdfxml"],
            &["nquads", "trig", "turtle", "ntriples"],
        ),
        (
            &["export", "blocks", "--format", "bmp"],
            &["dot", "svg", "graphml", "html"],
        ),
        (
            &["export", "blockz"],
            &[
                "blocks",
                "positions",
                "recommendations",
                "citations",
                "entity",
            ],
        ),
    ];
    for (args, valid) in cases {
        let line = error_line(&run(&store, args));
        assert!(line.contains("unknown"), "{line}");
        for v in valid {
            assert!(line.contains(v), "{args:?}: {v} missing: {line}");
        }
        assert!(!line.contains("no graph"), "{line}");
    }
    // With --in-memory, nothing is built first: the error names no document.
    let corpus = corpus();
    let r = in_memory(&[
        "dump",
        "--format",
        "rdfxml",
        "--from",
        corpus.to_str().unwrap(),
    ]);
    assert!(error_line(&r).contains("unknown dump format"));
    assert!(!store.exists());
}

#[test]
fn dump_help_and_its_error_list_the_same_formats() {
    let help = bare(&["dump", "--help"]);
    assert_eq!(help.code, 0);
    let format_line = help
        .stdout
        .lines()
        .find(|l| l.contains("--format"))
        .unwrap()
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let line = error_line(&run(&dir.path().join("kg"), &["dump", "--format", "x"]));
    let listed = line.rsplit("; use ").next().unwrap().replace(" or ", ", ");
    let formats: Vec<&str> = listed.split(", ").collect();
    assert_eq!(formats, ["nquads", "trig", "turtle", "ntriples"], "{line}");
    for f in &formats {
        assert!(format_line.contains(f), "{f} not in --help: {format_line}");
    }
    // Every format listed works.
    for f in formats {
        let r = run(built_store(), &["dump", "--format", f]);
        assert_eq!(r.code, 0, "{f}: {}", r.stderr);
    }
}

#[test]
fn a_depth_below_one_or_without_a_focus_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("never-built");
    let line = error_line(&run(
        &store,
        &["export", "entity", "--focus", "NAVO", "--depth", "0"],
    ));
    assert!(line.contains("--depth"), "{line}");
    let line = error_line(&run(&store, &["export", "blocks", "--depth", "2"]));
    assert!(line.contains("--focus"), "{line}");
    // A depth far beyond the graph ends when nothing new is reached.
    let r = run(
        built_store(),
        &[
            "export",
            "entity",
            "--focus",
            "NAVO",
            "--depth",
            "1000000000",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_document_prefix_that_names_no_document_is_an_error_listing_the_documents() {
    let line = error_line(&run(
        built_store(),
        &["export", "positions", "--document", "999"],
    ));
    assert!(line.contains("\"999\""), "{line}");
    assert!(line.contains("002_"), "{line}");
}

// 3. link --import merges

fn links_table(dir: &Path, rows: &[&str]) -> PathBuf {
    let path = dir.join("one-row.tsv");
    let mut text = "local_id\tlabel_en\tscheme\tidentifier\turi\tconfidence\n".to_owned();
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn import(output: &Path, table: &Path, extra: &[&str]) -> Run {
    policykg()
        .args(["link", "--import"])
        .arg(table)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .unwrap()
        .into()
}

#[test]
fn importing_one_row_merges_it_with_the_links_already_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("links.ttl");
    std::fs::copy(ontology_dir().join("links.ttl"), &output).unwrap();
    let before = std::fs::read_to_string(&output).unwrap();
    let table = links_table(
        dir.path(),
        &["nato\tNATO\twikidata\tQ1\thttp://www.wikidata.org/entity/Q1\tlikely"],
    );
    let r = import(&output, &table, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("0 added, 1 updated, "), "{}", r.stdout);
    let after = std::fs::read_to_string(&output).unwrap();
    // NATO's Wikidata link is the row's; every other link is still there.
    assert!(after.contains("skos:closeMatch <http://www.wikidata.org/entity/Q1>"));
    assert!(!after.contains("entity/Q7184>"), "{after}");
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.contains('<') && !l.contains("Q7184") && !l.contains("/Q1>"))
            .map(|l| l.trim().trim_end_matches([';', '.']).trim().to_owned())
            .collect()
    };
    assert_eq!(lines(&before), lines(&after));
    assert!(after.contains("links.tsv, one-row.tsv"), "{after}");
    // The table's row for another scheme is added beside the others.
    let table = links_table(
        dir.path(),
        &["nato\tNATO\tother\tx\thttps://example.org/nato\tconfirmed"],
    );
    let r = import(&output, &table, &[]);
    assert!(r.stdout.contains("1 added, 0 updated, "), "{}", r.stdout);
    let again = std::fs::read_to_string(&output).unwrap();
    assert!(again.contains("owl:sameAs <https://example.org/nato>"));
    assert!(again.contains("skos:closeMatch <http://www.wikidata.org/entity/Q1>"));
}

#[test]
fn importing_the_full_table_into_the_file_that_holds_it_gives_the_same_bytes() {
    let table = std::env::var_os("POLICYKG_LINKS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/links.tsv"),
        PathBuf::from,
    );
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("links.ttl");
    std::fs::copy(ontology_dir().join("links.ttl"), &output).unwrap();
    let r = import(&output, &table, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(" 0 added, 0 updated, "), "{}", r.stdout);
    assert!(
        std::fs::read(&output).unwrap() == std::fs::read(ontology_dir().join("links.ttl")).unwrap()
    );
    // Into a new file, and with --replace, the same bytes too.
    for extra in [&[][..], &["--replace"][..]] {
        let fresh = dir.path().join(format!("fresh{}.ttl", extra.len()));
        let r = import(&fresh, &table, extra);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            std::fs::read(&fresh).unwrap()
                == std::fs::read(ontology_dir().join("links.ttl")).unwrap()
        );
    }
    assert!(!dir.path().join("links.ttl.tmp").exists());
}

#[test]
fn replace_drops_the_links_already_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("links.ttl");
    std::fs::copy(ontology_dir().join("links.ttl"), &output).unwrap();
    let table = links_table(
        dir.path(),
        &["nato\tNATO\twikidata\tQ7184\thttp://www.wikidata.org/entity/Q7184\tconfirmed"],
    );
    let r = import(&output, &table, &["--replace"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("dropped (--replace)"), "{}", r.stdout);
    let after = std::fs::read_to_string(&output).unwrap();
    let objects = after.lines().filter(|l| l.starts_with("    ")).count();
    assert_eq!(objects, 1, "{after}");
    // --replace and --output mean nothing without --import.
    let line = error_line(&bare(&["link", "--replace"]));
    assert!(line.contains("--import"), "{line}");
}

#[test]
fn a_links_file_holding_more_than_links_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("links.ttl");
    let text = "<https://w3id.org/policykg/id/actor/nato> <http://www.w3.org/2000/01/rdf-schema#comment> \"kept by hand\" .\n";
    std::fs::write(&output, text).unwrap();
    let table = links_table(
        dir.path(),
        &["nato\tNATO\twikidata\tQ7184\thttp://www.wikidata.org/entity/Q7184\tconfirmed"],
    );
    let line = error_line(&import(&output, &table, &[]));
    assert!(line.contains("--replace"), "{line}");
    assert!(line.contains("rdf-schema#comment"), "{line}");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), text);
}

// 4. Missing build inputs

#[test]
fn a_missing_build_input_is_an_error_and_the_store_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg");
    let r = run(&store, &["build", corpus_file("002").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let current = std::fs::read(store.join("CURRENT")).unwrap();
    let typo = dir.path().join("typo/");
    let corpus = corpus();
    let r = run(
        &store,
        &["build", corpus.to_str().unwrap(), typo.to_str().unwrap()],
    );
    let line = error_line(&r);
    assert!(
        line.starts_with(&format!(
            "error: no such file or directory: \"{}\"",
            typo.display()
        )),
        "{line}"
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(std::fs::read(store.join("CURRENT")).unwrap(), current);
    assert_eq!(documents(&store), 1);
    // Alone, the same.
    let r = policykg()
        .current_dir(dir.path())
        .arg("--store")
        .arg(&store)
        .args(["build", "typo/"])
        .output()
        .unwrap()
        .into();
    assert_eq!(
        error_line(&r),
        "error: no such file or directory: \"typo/\""
    );
    assert_eq!(documents(&store), 1);
}

#[test]
fn keep_going_builds_from_the_paths_that_exist_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg");
    let typo = dir.path().join("typo");
    let corpus = corpus();
    let r = run(
        &store,
        &[
            "build",
            "--keep-going",
            corpus.to_str().unwrap(),
            typo.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let warnings: Vec<&str> = r.stderr.lines().filter(|l| l.contains("typo")).collect();
    assert_eq!(warnings.len(), 1, "{}", r.stderr);
    assert!(warnings[0].starts_with("warning: "), "{}", warnings[0]);
    assert_eq!(documents(&store), 4);
}

#[test]
fn a_missing_from_path_is_an_error_before_anything_is_built() {
    let line = error_line(&in_memory(&[
        "query",
        "documents",
        "--from",
        corpus().to_str().unwrap(),
        "--from",
        "typo/",
    ]));
    assert!(
        line.starts_with("error: no such file or directory: \"typo/\""),
        "{line}"
    );
}

// 5. --from takes one value

#[test]
fn from_takes_one_path_so_the_name_after_it_is_the_query() {
    let file = corpus_file("002");
    let file = file.to_str().unwrap();
    let r = in_memory(&["query", "--from", file, "documents", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(rows(&r.stdout).len(), 1);
    // Repeated, it takes several.
    let other = corpus_file("000");
    let r = in_memory(&[
        "query",
        "--from",
        file,
        "--from",
        other.to_str().unwrap(),
        "documents",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(rows(&r.stdout).len(), 2);
    let r = in_memory(&["explain", "--from", file, "NAVO"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("id:actor/nato"), "{}", r.stdout);
    let r = in_memory(&["export", "--from", file, "blocks", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = in_memory(&["dump", "--from", file, "--format", "trig"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn from_without_in_memory_is_refused_instead_of_reading_the_store() {
    let line = error_line(&run(
        built_store(),
        &["query", "documents", "--from", corpus().to_str().unwrap()],
    ));
    assert!(line.contains("--in-memory"), "{line}");
}

#[test]
fn store_and_in_memory_together_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg");
    let r = run(
        &store,
        &["--in-memory", "build", corpus_file("002").to_str().unwrap()],
    );
    assert!(error_line(&r).contains("--in-memory"));
    assert!(!store.exists());
    // POLICYKG_STORE in the environment is not a conflict.
    let r: Run = policykg()
        .env("POLICYKG_STORE", &store)
        .args(["--in-memory", "build", corpus_file("002").to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!store.exists());
}

// 6. Updates

#[test]
fn an_update_query_is_refused_because_the_store_is_read_only() {
    let updates = [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
    ];
    let before = documents(built_store());
    for u in updates {
        let line = error_line(&run(built_store(), &["query", "-e", u]));
        assert!(
            line.starts_with("error: the store is read-only; "),
            "{u}: {line}"
        );
    }
    assert_eq!(documents(built_store()), before);
    // From a file, and before any store is opened or built.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("update.rq");
    std::fs::write(&file, updates[0]).unwrap();
    let line = error_line(&run(
        &dir.path().join("never-built"),
        &["query", file.to_str().unwrap()],
    ));
    assert!(
        line.starts_with("error: the store is read-only; "),
        "{line}"
    );
    assert!(line.contains("update.rq"), "{line}");
    let line = error_line(&in_memory(&[
        "export",
        "blocks",
        "--query",
        file.to_str().unwrap(),
        "--from",
        corpus().to_str().unwrap(),
    ]));
    assert!(
        line.starts_with("error: the store is read-only; "),
        "{line}"
    );
    // A query with a syntax error is still reported as one.
    let line = error_line(&run(
        &dir.path().join("never-built"),
        &["query", "-e", "SELECT ?x\nWHERE { ?x ?y }"],
    ));
    assert!(line.contains("line 2, column"), "{line}");
}

// 7. Help

#[test]
fn build_paths_and_from_explain_themselves_in_help() {
    let build = bare(&["build", "--help"]);
    assert_eq!(build.code, 0);
    let paths = build
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("<PATH>..."))
        .unwrap_or_default();
    assert!(paths.contains("directories"), "{}", build.stdout);
    assert!(build.stdout.contains("--keep-going"), "{}", build.stdout);
    for command in ["query", "dump", "explain", "export", "link"] {
        let help = bare(&[command, "--help"]);
        let from = help
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with("--from"))
            .unwrap_or_default();
        assert!(from.contains("--in-memory"), "{command}: {}", help.stdout);
        assert!(from.contains("repeat"), "{command}: {from}");
    }
}

#[test]
fn usage_errors_are_one_line() {
    for args in [
        &["build"][..],
        &["query", "--no-such-flag"][..],
        &["export", "entity", "--depth", "x"][..],
    ] {
        let line = error_line(&bare(args));
        assert!(line.len() > 10, "{line}");
    }
}
