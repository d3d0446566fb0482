//! Positions (supports, opposes, proposes, leads, co-leads) against the
//! reference annotations of 000 and 002, and on short paragraphs written for
//! the project.
//!
//! A reference fact is found when the graph has a position in the same
//! document with the same relation, whose evidence covers the reference
//! quote (half of its words), and whose holder or a partner is the
//! reference subject (matched by the reference's aliases or the id's words,
//! never by IRI). The target is judged apart: right when the reference
//! object, by alias or by its words, names the graph's target.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{covers, query_corpus, query_from, reference_aliases, reference_facts, same_entity};

const QUERY: &str = "PREFIX pkg: <https://w3id.org/policykg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?p ?file ?holder ?relation ?target ?hedged ?holders ?targets ?quote WHERE {
  ?p a pkg:Position ; pkg:holder ?holder ; pkg:relation ?relation ; pkg:target ?target ;
     pkg:inDocument/pkg:sourceFile ?file ;
     prov:wasDerivedFrom/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
  OPTIONAL { ?p pkg:hedged ?hedged }
  {
    SELECT ?p (GROUP_CONCAT(DISTINCT ?l; separator=\"|\") AS ?holders)
    WHERE { ?p pkg:holder|pkg:partner ?a . ?a skos:prefLabel|skos:altLabel|skos:hiddenLabel|pkg:acronym ?l }
    GROUP BY ?p
  }
  OPTIONAL {
    SELECT ?p (GROUP_CONCAT(DISTINCT ?tl; separator=\"|\") AS ?targets)
    WHERE { ?p pkg:target ?t . ?t skos:prefLabel|skos:altLabel|skos:hiddenLabel|pkg:acronym ?tl }
    GROUP BY ?p
  }
}";

/// The relation's local name as the reference writes it.
fn relation(iri: &str) -> String {
    match iri.rsplit(['#', '/']).next().unwrap_or_default() {
        "coLeads" => "co-leads".to_owned(),
        other => other.to_owned(),
    }
}

fn labels(row: &BTreeMap<String, String>, key: &str) -> BTreeSet<String> {
    row.get(key)
        .map(|l| l.split('|').map(str::to_owned).collect())
        .unwrap_or_default()
}

#[test]
fn positions_against_the_reference() {
    const KINDS: [&str; 5] = ["supports", "opposes", "proposes", "leads", "co-leads"];
    let aliases = reference_aliases();
    let refs: Vec<BTreeMap<&str, String>> = reference_facts()
        .iter()
        .filter(|v| KINDS.contains(&v["kind"].as_str().unwrap_or_default()))
        .map(|v| {
            ["doc", "kind", "s", "o", "quote"]
                .into_iter()
                .map(|k| (k, v[k].as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .collect();
    let ours: Vec<BTreeMap<String, String>> = query_corpus(QUERY)
        .into_iter()
        .filter(|p| KINDS.contains(&relation(&p["relation"]).as_str()))
        .collect();
    let matches = |r: &BTreeMap<&str, String>, p: &BTreeMap<String, String>| {
        p["file"].starts_with(r["doc"].as_str())
            && relation(&p["relation"]) == r["kind"]
            && covers(&r["quote"], &p["quote"])
            && (same_entity(&r["s"], aliases.get(&r["s"]), &labels(p, "holders"))
                // The reference coins this holder (an unnamed group): so
                // must the graph.
                || (!aliases.contains_key(&r["s"]) && p["holder"].contains("/group/")))
    };
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut target_right = 0;
    let mut found = 0;
    for r in &refs {
        let hit: Vec<_> = ours.iter().filter(|p| matches(r, p)).collect();
        let e = per_kind.entry(r["kind"].clone()).or_default();
        e.1 += 1;
        if hit.is_empty() {
            eprintln!(
                "  missed {} {} {} {} «{}»",
                r["doc"],
                r["s"],
                r["kind"],
                r["o"],
                &r["quote"].chars().take(70).collect::<String>()
            );
            continue;
        }
        e.0 += 1;
        found += 1;
        if hit
            .iter()
            .any(|p| same_entity(&r["o"], aliases.get(&r["o"]), &labels(p, "targets")))
        {
            target_right += 1;
        }
    }
    let in_reference_docs: Vec<_> = ours
        .iter()
        .filter(|p| p["file"].starts_with("000") || p["file"].starts_with("002"))
        .collect();
    let right = in_reference_docs
        .iter()
        .filter(|p| refs.iter().any(|r| matches(r, p)))
        .count();
    let recall = found as f64 / refs.len() as f64;
    let precision = right as f64 / in_reference_docs.len().max(1) as f64;
    eprintln!(
        "position recall {:.1}% ({found} of {}), precision {:.1}% ({right} of {}), target named as the reference names it in {target_right} of {found}",
        recall * 100.0,
        refs.len(),
        precision * 100.0,
        in_reference_docs.len()
    );
    for (kind, (f, n)) in &per_kind {
        eprintln!("  {kind}: {f} of {n}");
    }
    for p in in_reference_docs
        .iter()
        .filter(|p| !refs.iter().any(|r| matches(r, p)))
    {
        eprintln!(
            "  unmatched {} {} {} → {}",
            &p["file"][..3],
            p["holder"].rsplit('/').next().unwrap_or_default(),
            relation(&p["relation"]),
            p["target"].rsplit('/').next().unwrap_or_default()
        );
    }
    // Floors under the figures measured when the extractor was written
    // (stated in the closing note), so a regression fails.
    // Issue 12 asks for 0.80 and 0.80; the gate is that floor.
    eprintln!(
        "issue 12 floors: recall 0.80 ({}), precision 0.80 ({})",
        if recall >= 0.80 { "met" } else { "not met" },
        if precision >= 0.80 { "met" } else { "not met" }
    );
    assert!(recall >= 0.80, "position recall {recall:.3}");
    assert!(precision >= 0.80, "position precision {precision:.3}");
}

/// Builds a graph from paragraphs written for this test and returns its
/// positions as (holder, relation, target, partners, hedged) by local name.
fn positions_of(text: &str) -> BTreeSet<(String, String, String, String, bool)> {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "positions-{:x}",
        text.len() * 31 + text.bytes().map(usize::from).sum::<usize>()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("letter.txt"), text).unwrap();
    let q = "PREFIX pkg: <https://w3id.org/policykg/def#>
        SELECT ?holder ?relation ?target ?hedged
               (GROUP_CONCAT(STR(?partner); separator=\",\") AS ?partners) WHERE {
          ?p a pkg:Position ; pkg:holder ?holder ; pkg:relation ?relation ; pkg:target ?target .
          OPTIONAL { ?p pkg:hedged ?hedged }
          OPTIONAL { ?p pkg:partner ?partner }
        } GROUP BY ?holder ?relation ?target ?hedged";
    let local = |s: &str| s.rsplit(['/', '#']).next().unwrap_or_default().to_owned();
    query_from(&dir.join("letter.txt"), q)
        .iter()
        .map(|r| {
            let mut partners: Vec<String> = r
                .get("partners")
                .map(|p| p.split(',').filter(|x| !x.is_empty()).map(local).collect())
                .unwrap_or_default();
            partners.sort();
            (
                local(&r["holder"]),
                local(&r["relation"]),
                local(&r["target"]),
                partners.join(","),
                r.contains_key("hedged"),
            )
        })
        .collect()
}

#[test]
fn written_paragraphs_cover_leads_partners_respectively_hedges_and_negation() {
    let text = "Geachte voorzitter,\n\n\
        Nederland neemt het voortouw (samen met Polen en Zweden) op het gebied van cyberverdediging en (samen met Italië) op het gebied van luchtverdediging.\n\n\
        Duitsland en Frankrijk leiden respectievelijk PESCO en het EDF.\n\n\
        Het kabinet staat in beginsel niet onwelwillend tegenover SAFE.\n\n\
        Nederland is geen voorstander van een Europese Veiligheidsraad.\n\n\
        Turkije en Noorwegen zijn geen lid van de EU.\n\n\
        Spanje is lid van de NAVO.\n";
    let p = positions_of(text);
    let has = |h: &str, r: &str, t: &str| p.iter().any(|x| x.0 == h && x.1 == r && x.2.contains(t));
    // Co-leads, each area with its own partners.
    assert!(
        p.iter().any(|x| x.0 == "netherlands"
            && x.1 == "coLeads"
            && x.2.contains("cyberverdediging")
            && x.3 == "poland,sweden"),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|x| x.0 == "netherlands"
            && x.1 == "coLeads"
            && x.2.contains("luchtverdediging")
            && x.3 == "italy"),
        "{p:#?}"
    );
    // "respectievelijk" pairs in order, and only so.
    assert!(has("germany", "leads", "pesco"), "{p:#?}");
    assert!(has("france", "leads", "edf"), "{p:#?}");
    assert!(!has("germany", "leads", "edf"), "{p:#?}");
    assert!(!has("france", "leads", "pesco"), "{p:#?}");
    // Hedged support is kept, as weak.
    assert!(
        p.iter()
            .any(|x| x.0 == "cabinet-nl" && x.1 == "supports" && x.2 == "safe" && x.4),
        "{p:#?}"
    );
    // "geen voorstander van" opposes, and supports nothing.
    assert!(has("netherlands", "opposes", "security-council"), "{p:#?}");
    assert!(
        !has("netherlands", "supports", "security-council"),
        "{p:#?}"
    );
    // Negated membership is none; a stated one is.
    assert!(!has("turkey", "memberOf", "eu"), "{p:#?}");
    assert!(!has("norway", "memberOf", "eu"), "{p:#?}");
    assert!(has("spain", "memberOf", "nato"), "{p:#?}");
}
