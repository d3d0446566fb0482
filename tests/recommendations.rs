//! Recommendations, their resolution across documents and the cabinet's
//! responses, against the corpus and the reference annotations.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use common::{acceptance, query_corpus};

type Rows = Vec<BTreeMap<String, String>>;

const PREFIXES: &str = "PREFIX pkg: <https://w3id.org/policykg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
";

/// Every recommendation node with its document file, number, parent,
/// author and text.
fn recommendations() -> &'static Rows {
    static R: OnceLock<Rows> = OnceLock::new();
    R.get_or_init(|| {
        query_corpus(&format!(
            "{PREFIXES} SELECT ?rec ?file ?number ?parent ?by ?text ?extra WHERE {{
               ?rec a pkg:Recommendation ; pkg:inDocument/pkg:sourceFile ?file ; pkg:text ?text .
               OPTIONAL {{ ?rec pkg:number ?number }}
               OPTIONAL {{ ?rec pkg:partOf ?parent }}
               OPTIONAL {{ ?rec pkg:madeBy ?by }}
               OPTIONAL {{ ?rec pkg:extraInRendering ?extra }}
             }} ORDER BY ?rec"
        ))
    })
}

#[test]
fn the_iob_report_has_5_main_and_22_individual_recommendations_plus_one_extra() {
    let iob: Vec<_> = recommendations()
        .iter()
        .filter(|r| r["file"].starts_with("001"))
        .collect();
    let numbered = |main: bool| {
        iob.iter()
            .filter(|r| r.contains_key("number") && r.contains_key("parent") != main)
            .count()
    };
    assert_eq!(numbered(true), 5, "{iob:#?}");
    assert_eq!(numbered(false), 22, "{iob:#?}");
    let extra: Vec<_> = iob.iter().filter(|r| r.contains_key("extra")).collect();
    assert_eq!(extra.len(), 1, "the summary's extra bullet: {extra:#?}");
    assert!(extra[0]["parent"].ends_with("/4"), "{extra:#?}");
    assert!(
        iob.iter()
            .all(|r| r.get("by").is_some_and(|b| b.ends_with("/iob")))
    );
    // Examples ("Daarbij valt te denken aan:") are not recommendations.
    assert!(
        !iob.iter()
            .any(|r| r["text"].starts_with(|c: char| c.is_lowercase()))
    );
}

#[test]
fn the_aiv_advice_has_10_numbered_recommendations() {
    let aiv: Vec<_> = recommendations()
        .iter()
        .filter(|r| {
            r["file"].starts_with("002") && r.get("number").is_some_and(|n| !n.contains('.'))
        })
        .collect();
    let numbers: BTreeSet<u32> = aiv.iter().map(|r| r["number"].parse().unwrap()).collect();
    assert_eq!(numbers, (1..=10).collect(), "{aiv:#?}");
    assert_eq!(aiv.len(), 10);
    assert!(
        aiv.iter()
            .all(|r| r.get("by").is_some_and(|b| b.ends_with("/aiv"))),
        "{aiv:#?}"
    );
}

#[test]
fn the_aiv_recommendations_that_ask_for_several_things_are_answered_part_by_part() {
    let parts = query_corpus(&format!(
        "{PREFIXES} SELECT ?n ?text ?main WHERE {{
           ?r a pkg:Recommendation ; pkg:number ?n ; pkg:text ?text ; pkg:partOf ?m ;
              pkg:inDocument/pkg:sourceFile ?file .
           ?m pkg:number ?main .
           FILTER(STRSTARTS(?file, \"002\"))
         }} ORDER BY ?n"
    ));
    let got: Vec<(String, String)> = parts
        .iter()
        .map(|r| (r["n"].clone(), r["text"].clone()))
        .collect();
    let want = [
        (
            "5.1",
            "het artikel ook van toepassing is op hybride dreigingen",
        ),
        (
            "5.2",
            "de EU verduidelijkt welke middelen beschikbaar zijn in geval van agressie",
        ),
        (
            "8.1",
            "Een bindend gemeenschappelijk Europees defensieplanningsproces",
        ),
        (
            "8.2",
            "versterking van de permanent gestructureerde samenwerking op materieelgebied",
        ),
        ("8.3", "voldoende middelen voor het Europese Defensiefonds"),
    ];
    for (n, text) in want {
        assert!(
            got.iter().any(|(gn, gt)| gn == n && gt == text),
            "part {n} «{text}» missing: {got:#?}"
        );
    }
    // Recommendation 9 runs on over its second sentence, which advises
    // too ("Nederland moet …"), split by footnotes in the source.
    assert!(
        got.iter()
            .any(|(n, t)| n == "9.2" && t.starts_with("Nederland moet op materieel gebied")),
        "{got:#?}"
    );
    // The recommendations that ask for one thing have no parts.
    assert!(
        parts
            .iter()
            .all(|r| ["5", "8", "9"].contains(&r["main"].as_str())),
        "{parts:#?}"
    );
}

#[test]
fn advice_the_cabinet_restates_in_its_own_words_is_the_aivs_and_answered_there() {
    let reported: Vec<_> = recommendations()
        .iter()
        .filter(|r| r["file"].starts_with("002") && !r.contains_key("number"))
        .collect();
    // "… deelt het advies van de AIV dat …", "… is het eens met de AIV
    // dat …", "Zoals de AIV terecht opmerkt, …": each the AIV's advice,
    // in the response's words, answered by the sentence that reports it.
    assert!(reported.len() >= 5, "{reported:#?}");
    assert!(
        reported
            .iter()
            .all(|r| r.get("by").is_some_and(|b| b.ends_with("/aiv"))),
        "{reported:#?}"
    );
    let texts: Vec<&str> = reported.iter().map(|r| r["text"].as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Nederland niet in dogmatische zin")),
        "{texts:#?}"
    );
    let answered = query_corpus(&format!(
        "{PREFIXES} SELECT ?rec ?stance WHERE {{
           ?r a pkg:Response ; pkg:respondsTo ?rec ; pkg:stance ?stance .
           ?rec a pkg:Recommendation ; pkg:inDocument/pkg:sourceFile ?file .
           FILTER NOT EXISTS {{ ?rec pkg:number ?n }}
           FILTER(STRSTARTS(?file, \"002\"))
         }}"
    ));
    assert_eq!(answered.len(), reported.len(), "{answered:#?}");
    // Advice the cabinet discusses under a numbered recommendation is part
    // of it.
    assert!(reported.iter().any(|r| r.contains_key("parent")));
}

#[test]
fn the_nato_2030_letter_reports_the_reflection_groups_recommendations() {
    let letter: Vec<_> = recommendations()
        .iter()
        .filter(|r| r["file"].starts_with("004"))
        .collect();
    assert!(letter.len() >= 8, "{letter:#?}");
    assert!(letter.iter().all(|r| r["by"].ends_with("reflection-group")));
    // The three terms of reference and other numbered lists are not recommendations.
    assert!(letter.iter().all(|r| !r.contains_key("number")));
    // Nor are the cabinet's own answers.
    assert!(
        !letter.iter().any(|r| r["text"].starts_with("Het kabinet")),
        "{letter:#?}"
    );
}

#[test]
fn every_restatement_in_the_cabinet_letter_resolves_to_the_report() {
    let rows = query_corpus(&format!(
        "{PREFIXES} SELECT ?number ?rec ?sim ?recfile WHERE {{
           ?r a pkg:Restatement ; pkg:inDocument/pkg:sourceFile ?file ; pkg:restates ?rec ; pkg:similarity ?sim .
           OPTIONAL {{ ?r pkg:number ?number }}
           ?rec a pkg:Recommendation ; pkg:inDocument/pkg:sourceFile ?recfile .
           FILTER(STRSTARTS(?file, \"000\"))
         }}"
    ));
    // 5 main recommendations listed in the letter, and 5 + 22 in its table.
    assert_eq!(rows.len(), 32, "{rows:#?}");
    assert!(rows.iter().all(|r| r["recfile"].starts_with("001")));
    let distinct: BTreeSet<&String> = rows.iter().map(|r| &r["rec"]).collect();
    assert_eq!(distinct.len(), 27, "27 recommendations restated");
    // Numbers agree with the report's.
    for r in &rows {
        let number = &r["number"];
        assert!(r["rec"].ends_with(&format!("/{number}")), "{r:?}");
    }
}

/// Reference stance names → the graph's.
fn stance(name: &str) -> Option<&'static str> {
    Some(match name {
        "endorses" => "Endorses",
        "partially-endorses" => "PartiallyEndorses",
        "rejects" => "Rejects",
        "notes" => "Notes",
        "already-implemented" => "AlreadyImplemented",
        "defers" => "Defers",
        _ => return None,
    })
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

#[test]
fn stance_accuracy_against_the_reference_is_at_least_85_percent() {
    // Reference recommendations (text by id) and responses (stance by id).
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    // Where the reference paraphrases advice the response only reports
    // ("o paraphrased"), its quote holds the words the response uses.
    let mut quotes: BTreeMap<String, String> = BTreeMap::new();
    let mut expected: Vec<(String, String, String, String)> = Vec::new();
    for file in ["facts-000.jsonl", "facts-002.jsonl"] {
        for line in std::fs::read_to_string(acceptance().join(file))
            .unwrap()
            .lines()
        {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            if s("kind") == "recommendation" && s("p") == "text" {
                texts.insert(s("s"), s("o"));
                quotes.insert(s("s"), s("quote"));
            }
            if s("kind") == "response" && s("p") == "stance" {
                expected.push((s("doc"), s("s"), s("o"), s("quote")));
            }
        }
    }
    let responses = query_corpus(&format!(
        "{PREFIXES} SELECT ?rec ?file ?stance WHERE {{
           ?r a pkg:Response ; pkg:respondsTo ?rec ; pkg:stance ?stance ; pkg:inDocument/pkg:sourceFile ?file .
         }}"
    ));
    // Every wording of every recommendation: its own text and each
    // restatement's, so a reference recommendation finds the graph's by
    // its words alone.
    let wordings = query_corpus(&format!(
        "{PREFIXES} SELECT ?rec ?text WHERE {{
           {{ ?rec a pkg:Recommendation ; pkg:text ?text }}
           UNION {{ ?s pkg:restates ?rec ; pkg:text ?text . ?rec a pkg:Recommendation }}
         }}"
    ));
    // Each graph recommendation stands for at most one reference one: the
    // reference's components ("9.1", the first half of 9) do not count
    // again against the whole.
    let best_match = |id: &str| {
        let ws: Vec<_> = [texts.get(id), quotes.get(id)]
            .into_iter()
            .flatten()
            .map(|t| words(t))
            .collect();
        wordings
            .iter()
            .map(|r| {
                let theirs = words(&r["text"]);
                let score = ws.iter().map(|w| dice(w, &theirs)).fold(0.0, f64::max);
                (score, r["rec"].clone())
            })
            .filter(|(s, _)| *s >= 0.5)
            .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap().then_with(|| b.1.cmp(&a.1)))
    };
    let mut claimed: BTreeMap<(String, String), (f64, String)> = BTreeMap::new();
    for (doc, id, _, _) in &expected {
        if let Some((score, rec)) = best_match(id) {
            let entry = claimed
                .entry((doc.clone(), rec))
                .or_insert((score, id.clone()));
            if score > entry.0 {
                *entry = (score, id.clone());
            }
        }
    }
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut judged, mut right, mut uncovered) = (0, 0, Vec::new());
    let mut wrong = Vec::new();
    for (doc, id, stance_name, quote) in &expected {
        let (Some(want), true) = (stance(stance_name), texts.contains_key(id)) else {
            continue; // a conclusion or a stance outside the scale
        };
        let rec = best_match(id).map(|(_, rec)| rec).filter(|rec| {
            claimed
                .get(&(doc.clone(), rec.clone()))
                .is_some_and(|c| &c.1 == id)
        });
        let got = rec.and_then(|rec| {
            responses
                .iter()
                .find(|r| r["rec"] == rec && r["file"].starts_with(doc.as_str()))
        });
        let Some(got) = got else {
            uncovered.push(format!("{doc} {id}"));
            continue;
        };
        let got = got["stance"].rsplit('#').next().unwrap().to_owned();
        judged += 1;
        *confusion.entry((want.to_owned(), got.clone())).or_default() += 1;
        if got == want {
            right += 1;
        } else {
            wrong.push(format!(
                "{doc} {id}: reference {want}, graph {got} «{}»",
                &quote[..quote.len().min(90)]
            ));
        }
    }
    let accuracy = right as f64 / judged.max(1) as f64;
    eprintln!(
        "stance accuracy {:.1}% ({right} of {judged}); not covered: {}",
        accuracy * 100.0,
        uncovered.len()
    );
    for ((want, got), n) in &confusion {
        eprintln!("  reference {want:<20} graph {got:<20} {n}");
    }
    for w in &wrong {
        eprintln!("  {w}");
    }
    for u in &uncovered {
        eprintln!("  not covered: {u}");
    }
    // Issue 12 counts a reference response the graph does not answer as
    // wrong, and asks for 0.85 over all of them; the gate is that floor.
    // The uncovered one is advice the cabinet reports only as followed
    // ("in navolging van het AIV-advies"), which the graph does not take
    // for a recommendation.
    let over_all = right as f64 / (judged + uncovered.len()).max(1) as f64;
    eprintln!(
        "stance accuracy over all {} reference responses: {:.1}% (issue 12 floor 0.85: {})",
        judged + uncovered.len(),
        over_all * 100.0,
        if over_all >= 0.85 { "met" } else { "not met" }
    );
    assert!(judged >= 48, "only {judged} reference responses matched");
    assert!(accuracy >= 0.85, "stance accuracy {accuracy:.3}");
    assert!(over_all >= 0.85, "stance accuracy over all {over_all:.3}");
}

#[test]
fn conclusions_are_linked_to_their_restatements() {
    let rows = query_corpus(&format!(
        "{PREFIXES} SELECT ?c ?number ?parent (COUNT(DISTINCT ?r) AS ?restated) WHERE {{
           ?c a pkg:Conclusion ; pkg:inDocument/pkg:sourceFile ?file .
           OPTIONAL {{ ?c pkg:number ?number }}
           OPTIONAL {{ ?c pkg:partOf ?parent }}
           OPTIONAL {{ ?r pkg:restates ?c ; pkg:inDocument/pkg:sourceFile ?rfile . FILTER(STRSTARTS(?rfile, \"000\")) }}
           FILTER(STRSTARTS(?file, \"001\"))
         }} GROUP BY ?c ?number ?parent"
    ));
    // The main conclusion and four sub-conclusions, each restated by the
    // cabinet letter.
    assert_eq!(rows.len(), 5, "{rows:#?}");
    let subs: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.contains_key("parent"))
        .map(|r| r["number"].as_str())
        .collect();
    assert_eq!(subs, ["1", "2", "3", "4"].into_iter().collect());
    assert!(rows.iter().all(|r| r["restated"] == "1"), "{rows:#?}");
    // The report restates each sub-conclusion in its summary or chapters,
    // sometimes in other words ("De deelconclusie uit dit hoofdstuk is dat …").
    let inside = query_corpus(&format!(
        "{PREFIXES} SELECT ?c (COUNT(?r) AS ?n) (MIN(?sim) AS ?least) WHERE {{
           ?r pkg:restates ?c ; pkg:inDocument/pkg:sourceFile ?file ; pkg:similarity ?sim .
           ?c a pkg:Conclusion ; pkg:partOf ?main . FILTER(STRSTARTS(?file, \"001\"))
         }} GROUP BY ?c"
    ));
    assert_eq!(inside.len(), 4, "{inside:#?}");
    assert!(
        inside.iter().all(|r| r["n"].parse::<u32>().unwrap() >= 2),
        "{inside:#?}"
    );
    assert!(
        inside
            .iter()
            .any(|r| r["least"].parse::<f64>().unwrap() < 0.9),
        "{inside:#?}"
    );
}

#[test]
fn the_text_an_english_document_gives_the_graph_is_tagged_english_and_its_coined_labels_are_listed()
{
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("response.txt"),
        "Government Response to the Defence Committee Report on the High North\n\n\
         Recommendation 1: The Government should fund a second ice-capable patrol ship.\n\n\
         The Government agrees with this recommendation. Norway supports countering \
         Russian interference with undersea cables.\n",
    )
    .unwrap();
    let langs = common::query_from(
        dir.path(),
        "PREFIX pkg: <https://w3id.org/policykg/def#>
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT DISTINCT ?lang WHERE {
           GRAPH ?g {
             { ?x pkg:text ?t } UNION { ?x pkg:coinedIn ?d ; skos:prefLabel ?t }
             UNION { ?x pkg:sourceFile ?f ; dcterms:title ?t }
           }
           BIND(LANG(?t) AS ?lang)
         }",
    );
    let langs: Vec<&str> = langs.iter().map(|r| r["lang"].as_str()).collect();
    assert_eq!(langs, vec!["en"], "{langs:?}");
    let positions =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/positions.rq"))
            .unwrap();
    let rows = common::query_from(dir.path(), &positions);
    assert!(
        rows.iter().any(|r| r["relation"] == "opposes"
            && r["targetLabel"] == "Russian interference with undersea cables"),
        "{rows:#?}"
    );
}
