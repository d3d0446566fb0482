//! Mention quality against the reference annotations of documents 000 and
//! 002 (`../shared/acceptance/facts-*.jsonl`).
//!
//! Reference entities are the annotators' ids; they are matched to the
//! graph's entities by name only, never by IRI: the annotators' `alias`
//! facts for that id, or the id's own words found among the entity's label
//! words and initialisms (`g7-rrm` ~ "Rapid Response Mechanism van de G7").
//! Where the reference gives an id no alias at all and its words name no
//! label, a mention in the quote counts for it by elimination: its surface
//! form is no reference alias and its entity is no other reference entity.
//!
//! - **Recall**: a reference `actor` or `instrument` fact is found when the
//!   graph has a mention of a matching entity in the same document whose
//!   surface form lies in the reference quote and whose evidence sentence
//!   overlaps that quote.
//! - **Precision**: a mention in 000 or 002 whose surface form is, in the
//!   reference, an alias of exactly one entity is right when the mention's
//!   entity matches that entity. Mentions whose surface form the reference
//!   never uses cannot be judged this way and are counted apart.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{acceptance, query_corpus, same_entity, squash, words};

#[derive(Debug)]
struct RefFact {
    doc: String,
    line: usize,
    id: String,
    quote: String,
}

struct Mention {
    file: String,
    entity: String,
    form: String,
    line: usize,
    exact: String,
}

fn reference() -> (Vec<RefFact>, BTreeMap<String, BTreeSet<String>>) {
    let mut facts = Vec::new();
    let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in ["facts-000.jsonl", "facts-002.jsonl"] {
        let text = std::fs::read_to_string(acceptance().join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            match s("kind").as_str() {
                "actor" | "instrument" => facts.push(RefFact {
                    doc: s("doc"),
                    line: v["line"].as_u64().unwrap_or(0) as usize,
                    id: s("s"),
                    quote: s("quote"),
                }),
                "alias" => {
                    aliases.entry(s("s")).or_default().insert(s("o"));
                }
                _ => {}
            }
        }
    }
    (facts, aliases)
}

/// True when one of the reference `aliases` is a label of the entity.
fn named_by(aliases: &BTreeSet<String>, labels: &BTreeSet<String>) -> bool {
    labels
        .iter()
        .any(|l| aliases.iter().any(|a| squash(a) == squash(l)))
}

/// Share of the quote's words found in the sentence.
fn overlap(quote: &str, sentence: &str) -> f64 {
    let q = words(quote);
    if q.is_empty() {
        return 0.0;
    }
    let s: BTreeSet<String> = words(sentence).into_iter().collect();
    q.iter().filter(|w| s.contains(*w)).count() as f64 / q.len() as f64
}

#[test]
fn mentions_reach_95_percent_recall_and_precision_against_the_reference() {
    let (facts, aliases) = reference();
    assert!(
        facts.len() > 150,
        "reference has {} entity facts",
        facts.len()
    );

    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in query_corpus(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         PREFIX pkg: <https://w3id.org/policykg/def#>
         SELECT ?e ?l WHERE { ?e skos:prefLabel|skos:altLabel|skos:hiddenLabel|pkg:acronym ?l }",
    ) {
        labels
            .entry(r["e"].clone())
            .or_default()
            .insert(r["l"].clone());
    }
    let mentions: Vec<Mention> = query_corpus(
        "PREFIX pkg: <https://w3id.org/policykg/def#>
         PREFIX prov: <http://www.w3.org/ns/prov#>
         PREFIX oa: <http://www.w3.org/ns/oa#>
         SELECT ?file ?entity ?form ?line ?exact WHERE {
           ?m a pkg:Mention ; pkg:mentions ?entity ; pkg:surfaceForm ?form ;
              pkg:inDocument/pkg:sourceFile ?file ; prov:wasDerivedFrom ?e .
           ?e pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
         }",
    )
    .into_iter()
    .map(|r| Mention {
        file: r["file"].clone(),
        entity: r["entity"].clone(),
        form: r["form"].clone(),
        line: r["line"].parse().unwrap(),
        exact: r["exact"].clone(),
    })
    .collect();
    let empty = BTreeSet::new();
    let labels_of = |e: &str| labels.get(e).unwrap_or(&empty);

    // Surface forms the reference gives as aliases, and of which entities.
    let mut alias_of: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (id, names) in &aliases {
        for n in names {
            alias_of.entry(squash(n)).or_default().insert(id);
        }
    }

    // Recall.
    let mut misses = Vec::new();
    for f in &facts {
        let quote = f.quote.to_lowercase();
        // The quote is the original text: a line-end hyphen may stand
        // before a space where the graph has repaired it.
        let joined = quote.replace("- ", "");
        let hyphenated = quote.replace("- ", "-");
        let found = mentions.iter().any(|m| {
            m.file.starts_with(&f.doc)
                && m.line.abs_diff(f.line) <= 40
                && {
                    let form = m.form.to_lowercase();
                    quote.contains(&form) || joined.contains(&form) || hyphenated.contains(&form)
                }
                && overlap(&f.quote, &m.exact) >= 0.5
                && (same_entity(&f.id, aliases.get(&f.id), labels_of(&m.entity))
                    || (!aliases.contains_key(&f.id)
                        && !alias_of.contains_key(&squash(&m.form))
                        && !aliases.iter().any(|(other, names)| {
                            other != &f.id && named_by(names, labels_of(&m.entity))
                        })))
        });
        if !found {
            // What the graph has there instead, to see why.
            let near: BTreeSet<String> = mentions
                .iter()
                .filter(|m| {
                    m.file.starts_with(&f.doc)
                        && m.line.abs_diff(f.line) <= 40
                        && quote.contains(&m.form.to_lowercase())
                        && overlap(&f.quote, &m.exact) >= 0.5
                })
                .map(|m| {
                    format!(
                        "{} → {}",
                        m.form,
                        m.entity.rsplit('/').next().unwrap_or_default()
                    )
                })
                .collect();
            misses.push(format!(
                "{}:{} {} «{}» [graph: {}]",
                f.doc,
                f.line,
                f.id,
                f.quote,
                near.into_iter().collect::<Vec<_>>().join("; ")
            ));
        }
    }
    let recall = 1.0 - misses.len() as f64 / facts.len() as f64;

    // Precision: surface forms that the reference gives as an alias of
    // exactly one entity.
    let mut judged = 0usize;
    let mut wrong = Vec::new();
    let mut unjudged = 0usize;
    for m in mentions
        .iter()
        .filter(|m| m.file.starts_with("000") || m.file.starts_with("002"))
    {
        match alias_of.get(&squash(&m.form)) {
            Some(ids) if ids.len() == 1 => {
                judged += 1;
                let id = ids.iter().next().unwrap();
                if !same_entity(id, aliases.get(*id), labels_of(&m.entity)) {
                    wrong.push(format!(
                        "{}:{} «{}» → {} (reference: {id})",
                        m.file, m.line, m.form, m.entity
                    ));
                }
            }
            _ => unjudged += 1,
        }
    }
    let precision = 1.0 - wrong.len() as f64 / judged.max(1) as f64;

    eprintln!(
        "mention recall {:.1}% ({} of {} reference facts); precision {:.1}% ({} of {} judged mentions right, {} not judged)",
        recall * 100.0,
        facts.len() - misses.len(),
        facts.len(),
        precision * 100.0,
        judged - wrong.len(),
        judged,
        unjudged
    );
    assert!(judged > 500, "only {judged} mentions could be judged");
    assert!(
        recall >= 0.95,
        "recall {:.3}; missed:\n{}",
        recall,
        misses.join("\n")
    );
    assert!(
        precision >= 0.95,
        "precision {:.3}; wrong:\n{}",
        precision,
        wrong.join("\n")
    );
}
