//! A new user's first hour (issue 15): what the README's commands print is
//! what a careful reader expects — no repeated rows, no broken tables, names
//! resolved or answered with the closest ones, pictures that read the right
//! way round.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{corpus, policykg, rows, run, summary};

/// A store built once from the corpus, read by every test here.
fn built_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-hour-store");
        let _ = std::fs::remove_dir_all(&dir);
        let r = run(&dir, &["build", "--quiet", corpus().to_str().unwrap()]);
        assert_eq!(r.code, 0, "build failed: {}", r.stderr);
        dir
    })
}

/// A letter written for these tests: two sides that block each other, and
/// a blockade by one state.
const LETTER: &str = "Brief over de Westelijke Balkan

Den Haag, 3 maart 2025

In de Raad leidt het conflict geregeld tot wederzijdse blokkades tussen Servië enerzijds en Kosovo anderzijds op het gebied van de energiesamenwerking en het grensbeheer.

Hongarije blokkeert sinds januari het besluit over de vredesfaciliteit.
";

fn letter() -> PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| written("first-hour-letter", "balkan.txt", LETTER))
        .clone()
}

/// A file `file` holding `text` in a new directory `dir`.
fn written(dir: &str, file: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(file);
    std::fs::write(&f, text).unwrap();
    f
}

/// The JSON a successful run printed.
fn json(r: &common::Run) -> serde_json::Value {
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

/// `policykg --in-memory ARGS… --from LETTER`.
fn on_letter(args: &[&str]) -> common::Run {
    let f = letter();
    policykg()
        .arg("--in-memory")
        .args(args)
        .arg("--from")
        .arg(&f)
        .output()
        .unwrap()
        .into()
}

#[test]
fn blocked_by_issue_lists_each_blocked_item_and_sentence_once() {
    let r = run(
        built_store(),
        &["query", "blocked-by-issue", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&r.stdout);
    assert!(!rows.is_empty());
    let mut seen = BTreeSet::new();
    for row in &rows {
        let key = (
            row["issue"].clone(),
            row["how"].clone(),
            row["blockedLabel"].clone(),
            row["file"].clone(),
            row["line"].clone(),
        );
        assert!(seen.insert(key.clone()), "repeated row: {key:?}");
    }
    // The three parties of the mutual blockade over the Cyprus question
    // are named on its rows.
    assert!(
        rows.iter().any(|r| r["how"] == "reason"
            && ["Cyprus", "Griekenland", "Turkije"]
                .iter()
                .all(|p| r["blockers"].contains(p))),
        "{rows:?}"
    );
}

#[test]
fn actors_lists_each_actor_once_with_its_most_specific_types() {
    let r = run(built_store(), &["query", "actors", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&r.stdout);
    let mut seen = BTreeSet::new();
    for row in &rows {
        assert!(
            seen.insert(row["entity"].clone()),
            "twice: {}",
            row["entity"]
        );
    }
    let nl = rows
        .iter()
        .find(|r| r["entity"].ends_with("/actor/netherlands"))
        .unwrap();
    assert_eq!(nl["types"], "pkg:State");
}

#[test]
fn a_bar_inside_a_table_cell_is_escaped_so_the_columns_stay_apart() {
    let r = run(
        built_store(),
        &[
            "query",
            "-e",
            "SELECT ?a ?b WHERE { BIND(\"EU | NAVO\" AS ?a) BIND(\"x\" AS ?b) }",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row = r.stdout.lines().nth(2).unwrap();
    assert!(row.starts_with("EU \\| NAVO"), "{row}");
    // One column border on the row, as on the header.
    assert_eq!(row.matches(" | ").count(), 1, "{row}");
}

#[test]
fn explain_suggests_the_closest_labels_for_a_name_that_matches_nothing() {
    let r = run(built_store(), &["explain", "Cyprs"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("did you mean"), "{}", r.stderr);
    assert!(r.stderr.contains("\"Cyprus\""), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}

#[test]
fn explain_lists_every_entity_a_name_equally_fits_with_its_type() {
    let r = run(built_store(), &["explain", "hybrid threats"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("names 2 entities"), "{}", r.stderr);
    assert!(
        r.stderr.contains("id:issue/hybrid-warfare (pkg:Issue)"),
        "{}",
        r.stderr
    );
}

#[test]
fn explain_names_the_type_of_what_it_shows_and_cyprus_is_the_state() {
    let r = run(built_store(), &["explain", "Cyprus"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().next(), Some("id:actor/cyprus (pkg:State)"));
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("-- explain Cyprus "))
        .unwrap();
    assert!(line.contains("the state"), "README says: {line}");
    let issue = run(built_store(), &["explain", "Cyprusvraagstuk"]);
    assert_eq!(
        issue.stdout.lines().next(),
        Some("id:issue/cyprus-question (pkg:Issue)")
    );
}

#[test]
fn unknown_query_view_and_format_names_get_the_closest_known_ones() {
    let r = run(built_store(), &["query", "who-blocks"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean \"who-blocks-what\""),
        "{}",
        r.stderr
    );
    let r = run(built_store(), &["export", "blocs"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\"blocks\"?"), "{}", r.stderr);
    let r = run(built_store(), &["dump", "--format", "turtel"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean \"turtle\"?"),
        "{}",
        r.stderr
    );
    let r = run(built_store(), &["query", "documents", "--format", "jsn"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\"json\""), "{}", r.stderr);
}

#[test]
fn turtle_output_gives_each_kind_of_resource_a_prefix_and_escapes_no_slash() {
    let r = on_letter(&["dump", "--format", "turtle"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("@prefix actor: <https://w3id.org/policykg/id/actor/>")
    );
    assert!(r.stdout.contains("actor:hungary"), "no actor:hungary");
    assert!(!r.stdout.contains("\\/"), "an escaped slash in the Turtle");
}

#[test]
fn the_json_export_writes_line_numbers_as_numbers() {
    let r = on_letter(&["export", "blocks", "--format", "json"]);
    let v = json(&r);
    let line = &v["edges"][0]["evidence"][0]["line"];
    assert!(line.is_u64(), "line is {line}");
}

#[test]
fn two_sides_that_block_each_other_are_one_edge_between_them_labelled_with_what() {
    let r = on_letter(&["export", "blocks", "--format", "json"]);
    let v = json(&r);
    let label = |iri: &str| {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == iri)
            .map(|n| n["label"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let edges = v["edges"].as_array().unwrap();
    let mutual: Vec<_> = edges
        .iter()
        .filter(|e| e["relation"] == "block each other")
        .collect();
    assert_eq!(mutual.len(), 1, "{edges:?}");
    let ends: BTreeSet<String> = [
        label(mutual[0]["source"].as_str().unwrap()),
        label(mutual[0]["target"].as_str().unwrap()),
    ]
    .into();
    assert_eq!(ends, BTreeSet::from(["Kosovo".into(), "Servië".into()]));
    let on: Vec<&str> = mutual[0]["on"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        on.iter().any(|x| x.contains("energiesamenwerking")),
        "{on:?}"
    );
    assert!(on.iter().any(|x| x.contains("grensbeheer")), "{on:?}");
    // No arrow from a party to an item drawn both ways.
    let dot = on_letter(&["export", "blocks", "--format", "dot"]).stdout;
    for l in dot.lines().filter(|l| l.contains("dir=both")) {
        assert!(l.contains("block each other"), "{l}");
    }
    // The one-sided blockade stays an arrow from the blocker.
    assert!(
        edges
            .iter()
            .any(|e| label(e["source"].as_str().unwrap()) == "Hongarije")
    );
}

#[test]
fn the_svg_drawn_without_graphviz_has_edge_labels_and_a_legend() {
    let f = letter();
    let empty = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-hour-no-path");
    std::fs::create_dir_all(&empty).unwrap();
    let r: common::Run = policykg()
        .env("PATH", &empty)
        .args([
            "--in-memory",
            "export",
            "blocks",
            "--format",
            "svg",
            "--from",
        ])
        .arg(&f)
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("class=\"elabel\""), "no edge label");
    assert!(r.stdout.contains("<g id=\"legend\">"), "no legend");
    assert!(
        r.stdout.contains("blocks (Blocks)"),
        "the legend names no strength"
    );
}

#[test]
fn the_recommendations_view_says_a_main_recommendation_has_its_parts() {
    let r = run(
        built_store(),
        &["export", "recommendations", "--format", "json"],
    );
    let v = json(&r);
    let relations: BTreeSet<&str> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["relation"].as_str().unwrap())
        .collect();
    assert!(relations.contains("hasPart"), "{relations:?}");
    assert!(!relations.contains("partOf"), "{relations:?}");
}

#[test]
fn the_build_summary_counts_the_recommendations_the_query_lists() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-hour-summary");
    let _ = std::fs::remove_dir_all(&dir);
    let r = run(&dir, &["build", "--quiet", corpus().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let graph = summary(&r.stdout, "graph").expect("a graph line");
    let n: usize = graph
        .split(", ")
        .find_map(|p| p.strip_prefix("recommendations "))
        .unwrap()
        .parse()
        .unwrap();
    let q = run(&dir, &["query", "recommendations", "--format", "json"]);
    assert_eq!(rows(&q.stdout).len(), n, "{graph}");
}

#[test]
fn obstructs_and_hinders_differ_in_colour_and_in_line_in_a_colour_blind_safe_palette() {
    let r = run(built_store(), &["export", "blocks", "--format", "dot"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let look = |strength: &str| {
        r.stdout
            .lines()
            .find(|l| l.contains(&format!("({strength})")))
            .map(|l| {
                let colour = l.split("color=\"").nth(1).unwrap()[..7].to_owned();
                let style = l
                    .split("style=")
                    .nth(1)
                    .unwrap()
                    .split(',')
                    .next()
                    .unwrap()
                    .to_owned();
                (colour, style)
            })
            .unwrap_or_else(|| panic!("no {strength} edge"))
    };
    let (o, h) = (look("Obstructs"), look("Hinders"));
    assert_ne!(o.0, h.0);
    assert_ne!(o.1, h.1);
    // Both from the Okabe–Ito palette, which colour-blind readers tell apart.
    const OKABE_ITO: [&str; 8] = [
        "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    ];
    assert!(
        OKABE_ITO.contains(&o.0.as_str()) && OKABE_ITO.contains(&h.0.as_str()),
        "{o:?} {h:?}"
    );
}

#[test]
fn recommendations_sort_by_number_so_ten_comes_after_nine() {
    let r = run(
        built_store(),
        &["query", "recommendations", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mains: Vec<String> = rows(&r.stdout)
        .into_iter()
        .filter(|row| row["file"].starts_with("002") && row.get("number") == row.get("main"))
        .filter_map(|row| row.get("number").cloned())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let numbers: Vec<u32> = mains.iter().map(|n| n.parse().unwrap()).collect();
    assert!(numbers.len() >= 10, "{mains:?}");
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{mains:?}");
}

#[test]
fn text_shows_a_documents_date_and_where_it_was_read_in_words() {
    let file = common::corpus_file("000");
    let r: common::Run = policykg()
        .args(["text"])
        .arg(&file)
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let header: Vec<&str> = r
        .stdout
        .lines()
        .take_while(|l| l.starts_with('#'))
        .collect();
    let date = header.iter().find(|l| l.starts_with("# date:")).unwrap();
    assert!(!date.contains('{') && !date.contains("Inferred"), "{date}");
    assert!(date.contains("line"), "{date}");
}

#[test]
fn explain_lists_each_membership_once() {
    let r = run(built_store(), &["explain", "Turkije"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let members: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("org:memberOf"))
        .collect();
    assert!(
        members.iter().any(|l| l.contains("id:actor/nato")),
        "{members:?}"
    );
    let unique: BTreeSet<&&str> = members.iter().collect();
    assert_eq!(unique.len(), members.len(), "{members:?}");
}

/// An evaluation written for this test: a list item that states a finding
/// before the recommendation it leads to.
const EVALUATION: &str = "Evaluatie van de Nederlandse inzet in het Noordpoolgebied

Directie Internationaal Onderzoek en Beleidsevaluatie

Aanbevelingen

Aanbeveling 1: Versterk de samenwerking met de Noordse landen.
 • Cyberaanvallen op havens zijn een dagelijkse realiteit. Richt daarom met Noorwegen en Denemarken een gezamenlijk meldpunt op.
 • Zet in op gezamenlijke oefeningen in het Arctisch gebied.

Aanbeveling 2: Investeer in ijsbrekende capaciteit.
";

#[test]
fn a_list_item_that_opens_with_a_finding_is_recommended_by_its_directive() {
    let f = written("first-hour-evaluation", "arctis.txt", EVALUATION);
    let r: common::Run = policykg()
        .args([
            "--in-memory",
            "query",
            "recommendations",
            "--format",
            "json",
            "--from",
        ])
        .arg(&f)
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&r.stdout);
    let text = |n: &str| {
        rows.iter()
            .find(|r| r.get("number").map(String::as_str) == Some(n))
            .map(|r| r["text"].clone())
            .unwrap_or_default()
    };
    assert_eq!(
        text("1.1"),
        "Richt daarom met Noorwegen en Denemarken een gezamenlijk meldpunt op."
    );
    assert_eq!(
        text("1.2"),
        "Zet in op gezamenlijke oefeningen in het Arctisch gebied."
    );
}

#[test]
fn who_blocks_what_names_the_other_side_of_a_mutual_blockade() {
    let r = run(
        built_store(),
        &["query", "who-blocks-what", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&r.stdout);
    let cyprus: Vec<_> = rows
        .iter()
        .filter(|r| r["blockerLabel"] == "Cyprus" && r["mutual"] == "mutual")
        .collect();
    assert!(!cyprus.is_empty(), "{rows:?}");
    assert!(
        cyprus.iter().all(|r| r["against"] == "Turkije"),
        "{cyprus:?}"
    );
}

#[test]
fn explain_lists_each_fact_once_however_many_documents_describe_the_entity() {
    // Three copies of one letter, kept as three documents: each describes
    // Turkey in its own graph, and the union of the graphs repeats those
    // triples.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-hour-copies");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).unwrap();
    let letter = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("000_"))
        })
        .expect("a corpus letter");
    for copy in ["a", "b", "c"] {
        std::fs::copy(&letter, dir.join("in").join(format!("{copy}_brief.txt"))).unwrap();
    }
    let store = dir.join("store");
    let built = run(
        &store,
        &[
            "build",
            "--quiet",
            "--keep-duplicates",
            dir.join("in").to_str().unwrap(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    let r = run(&store, &["explain", "Turkije"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The entity's own lines, up to the mentions.
    let own: Vec<&str> = r
        .stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("mentions:"))
        .collect();
    assert!(own.iter().any(|l| l.contains("org:memberOf")), "{own:?}");
    let unique: BTreeSet<&&str> = own.iter().collect();
    assert_eq!(unique.len(), own.len(), "{own:?}");
}
