//! Citations against the reference annotations of 000 and 002, the
//! bundled citations query on the corpus, and paragraphs written for the
//! project with every form of reference.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{query_corpus, query_from, reference_facts};

const QUERY: &str = "PREFIX pkg: <https://w3id.org/policykg/def#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?file ?cited ?written ?same ?suspect ?corpus WHERE {
  ?c a pkg:Citation ; pkg:cites ?cited ; pkg:asWritten ?written ;
     pkg:citingDocument/pkg:sourceFile ?file .
  OPTIONAL { ?cited owl:sameAs ?same }
  OPTIONAL { ?cited pkg:suspect ?suspect }
  OPTIONAL { ?cited pkg:corpusDocument/pkg:sourceFile ?corpus }
}";

fn local(iri: &str) -> String {
    iri.rsplit('/').next().unwrap_or_default().to_lowercase()
}

#[test]
fn kamerstuk_citations_reach_95_percent_against_the_reference() {
    // The reference names a parliamentary paper "kst-{dossier}-{number}".
    let refs: BTreeSet<(String, String)> = reference_facts()
        .iter()
        .filter(|v| v["kind"] == "cites")
        .filter_map(|v| {
            let o = v["o"].as_str()?.strip_prefix("kst-")?.to_lowercase();
            Some((v["doc"].as_str()?.to_owned(), o))
        })
        .collect();
    assert!(refs.len() >= 15, "{refs:?}");
    let ours: BTreeSet<(String, String)> = query_corpus(QUERY)
        .iter()
        .filter(|r| r["cited"].contains("/kamerstuk/"))
        .map(|r| (r["file"][..3].to_owned(), local(&r["cited"])))
        .collect();
    let found = refs.iter().filter(|r| ours.contains(r)).count();
    let recall = found as f64 / refs.len() as f64;
    eprintln!(
        "Kamerstuk citations: {found} of {} found with the right number ({:.1}%)",
        refs.len(),
        recall * 100.0
    );
    for r in refs.iter().filter(|r| !ours.contains(r)) {
        eprintln!("  missed {} {}", r.0, r.1);
    }
    let extra: Vec<_> = ours
        .iter()
        .filter(|o| (o.0 == "000" || o.0 == "002") && !refs.contains(o))
        .collect();
    eprintln!("  in the graph, not in the reference: {extra:?}");
    assert!(recall >= 0.95, "Kamerstuk citation recall {recall:.3}");
}

#[test]
fn the_iob_report_cites_the_cabinet_response_most_linked_to_document_002() {
    let rows = query_corpus(&common::bundled("citations"));
    let first = rows
        .iter()
        .find(|r| r["citingFile"].starts_with("001") && r["cited"].contains("/kamerstuk/"))
        .expect("the IOB report cites Kamerstukken");
    assert!(
        first["cited"].ends_with("/kamerstuk/21501-28-211"),
        "{first:?}"
    );
    assert!(first["corpusFile"].starts_with("002"), "{first:?}");
    assert_eq!(
        first["official"],
        "https://zoek.officielebekendmakingen.nl/kst-21501-28-211"
    );
    // Most cited: no Kamerstuk of the report is cited more often.
    let times = |r: &BTreeMap<String, String>| r["times"].parse::<u32>().unwrap();
    assert!(
        rows.iter()
            .filter(|r| r["citingFile"].starts_with("001"))
            .all(|r| times(r) <= times(first))
    );
}

#[test]
fn a_truncated_number_is_kept_as_written_and_flagged() {
    let rows = query_corpus(QUERY);
    let t: Vec<_> = rows
        .iter()
        .filter(|r| r["cited"].ends_with("/kamerstuk/501-28-237"))
        .collect();
    assert!(!t.is_empty());
    for r in t {
        assert_eq!(r["written"], "501-28-237");
        assert!(r.contains_key("suspect"), "{r:?}");
        assert!(
            !r.contains_key("same"),
            "a suspect number is not linked: {r:?}"
        );
    }
}

#[test]
fn written_paragraphs_cover_every_form_of_reference() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("citations-written");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let text = "Geachte voorzitter,\n\n\
        Het kabinet verwijst naar de brief van 3 maart (Kamerstuk 33694, nr. 72) en naar TK 21 501-28, nr. 181.\n\n\
        Eerder werd de Kamer geïnformeerd (Kamerstukken 21501-28-203, 21501-28-206 en 21501-28-208).\n\n\
        Het Commissievoorstel COM(2024) 150 volgde op JOIN(2024) 10.\n\n\
        De Raad nam Verordening (EU) 2025/1106 aan.\n\n\
        Over de begroting is gesproken.[footnoteRef:1] Ook de motie (kenmerk 36800-V-48) is uitgevoerd.[footnoteRef:2]\n\n\
        [1:  BZ, ‘Vaststelling begrotingsstaat 2022’, 35925V-84, 8 maart 2022; Defensie, ‘Nationale veiligheid’, KST 501-28-237, 2022.]\n\
        [2:  Zie Kamerstuk 2020D30499.]\n";
    std::fs::write(dir.join("brief.txt"), text).unwrap();
    let rows = query_from(&dir.join("brief.txt"), QUERY);
    let cited: BTreeSet<String> = rows.iter().map(|r| local(&r["cited"])).collect();
    for expected in [
        "33694-72",
        "21501-28-181",
        "21501-28-203",
        "21501-28-206",
        "21501-28-208",
        "36800-v-48",
        "35925-v-84",
        "501-28-237",
        "2020d30499",
        "52024pc0150",
        "52024jc0010",
        // An act the lexicon holds is cited as that entity.
        "safe",
    ] {
        assert!(cited.contains(expected), "{expected} not in {cited:?}");
    }
    let same = |id: &str| -> BTreeSet<String> {
        rows.iter()
            .filter(|r| local(&r["cited"]) == id)
            .filter_map(|r| r.get("same").cloned())
            .collect()
    };
    assert!(same("safe").contains("http://data.europa.eu/eli/reg/2025/1106/oj"));
    assert!(same("safe").contains("http://publications.europa.eu/resource/celex/32025R1106"));
    assert!(
        same("52024jc0010").contains("http://publications.europa.eu/resource/celex/52024JC0010")
    );
    assert!(same("35925-v-84").contains("https://zoek.officielebekendmakingen.nl/kst-35925-V-84"));
    assert!(same("501-28-237").is_empty());
}

#[test]
fn a_citation_by_kamerstuk_number_resolves_to_the_corpus_document_that_carries_it() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("citations-by-number");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Written for this test: a paper in the official layout, a paper that
    // names its own number at the top, and a letter citing both.
    std::fs::write(
        dir.join("a-brief.txt"),
        "Tweede Kamer der Staten-Generaal\t2\nVergaderjaar 2025–2026\n\n\
         21 501-28\tDefensieraad\n\nNr. 271\tBRIEF VAN DE MINISTER VAN DEFENSIE\n\n\
         Den Haag, 12 januari 2026\n\n\
         Hierbij informeer ik u over de uitkomsten van de Defensieraad. De ministers \
         bespraken de gezamenlijke inkoop van luchtverdediging.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b-notitie.txt"),
        "Kamerstuk 36 045, nr. 112\n\nBrief van de minister over de oefening in het noorden\n\n\
         Den Haag, 2 februari 2026\n\n\
         De oefening vond plaats met drie bondgenoten en verliep zonder incidenten.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("c-reactie.txt"),
        "Geachte voorzitter,\n\n\
         In mijn brief over de Defensieraad (Kamerstuk 21 501-28, nr. 271) schreef ik over \
         de inkoop. Over de oefening schreef ik eerder (Kamerstuk 36 045, nr. 112). Nu volgt \
         een overzicht van de kosten per bondgenoot.\n",
    )
    .unwrap();
    let rows = query_from(&dir, QUERY);
    // The union of the documents' graphs repeats a row for every graph
    // that states the cited paper; the set of rows is what counts.
    let resolved = |cited: &str| -> BTreeSet<(String, Option<String>)> {
        rows.iter()
            .filter(|r| local(&r["cited"]) == cited)
            .map(|r| (r["file"].clone(), r.get("corpus").cloned()))
            .collect()
    };
    assert_eq!(
        resolved("21501-28-271"),
        BTreeSet::from([("c-reactie.txt".to_owned(), Some("a-brief.txt".to_owned()))]),
        "{rows:#?}"
    );
    // The number at the top of b names b itself: no citation of its own.
    assert_eq!(
        resolved("36045-112"),
        BTreeSet::from([("c-reactie.txt".to_owned(), Some("b-notitie.txt".to_owned()))]),
        "{rows:#?}"
    );
    let published = query_from(
        &dir,
        "PREFIX pkg: <https://w3id.org/policykg/def#>
         SELECT ?file ?kamerstuk WHERE { ?d pkg:publishedAs ?kamerstuk ; pkg:sourceFile ?file }
         ORDER BY ?file",
    );
    let published: BTreeSet<(String, String)> = published
        .iter()
        .map(|r| (r["file"].clone(), local(&r["kamerstuk"])))
        .collect();
    assert_eq!(
        published,
        BTreeSet::from([
            ("a-brief.txt".to_owned(), "21501-28-271".to_owned()),
            ("b-notitie.txt".to_owned(), "36045-112".to_owned()),
        ])
    );
}
