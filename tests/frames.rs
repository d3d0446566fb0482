//! The frames at work: the example sentences written for issue 12 (none is
//! taken from the corpus) give their facts, the stances of answers are read
//! from the stance frames, and a verb added to a frame in Turtle is found
//! in all its forms without a change to the code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/fixtures.rs"]
mod fixtures;

use policykg::extract::Party;
use policykg::lexicon::{Lexicon, OntologySource};

/// (relation, agent names, theme label) of what `text` gives.
fn facts(lexicon: &Lexicon, text: &str, blockades: bool) -> Vec<(String, Vec<String>, String)> {
    let dir = tempfile::tempdir().unwrap();
    fixtures::facts_of(lexicon, dir.path(), text, blockades)
        .into_iter()
        .map(|(r, a, t)| (r, names(lexicon, &a), names(lexicon, &t).join("|")))
        .collect()
}

fn names(lexicon: &Lexicon, p: &Party) -> Vec<String> {
    match p {
        Party::Entity(e) => lexicon.entities[*e].labels.clone(),
        Party::Coined(_, l) => vec![l.clone()],
    }
}

fn gives(
    found: &[(String, Vec<String>, String)],
    relation: &str,
    agent: &str,
    theme: &str,
) -> bool {
    found
        .iter()
        .any(|(r, a, t)| r == relation && a.iter().any(|n| n == agent) && t.contains(theme))
}

#[test]
fn the_blockades_of_the_issue_are_found_in_dutch_and_english() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let cases = [
        (
            "Hongarije heeft het besluit over de vredesfaciliteit maandenlang tegengehouden.",
            "Hongarije",
            "besluit over de vredesfaciliteit",
        ),
        (
            "Het kabinet constateert dat de bezwaren van Polen een snel akkoord verhinderen.",
            "Polen",
            "snel akkoord",
        ),
        (
            "De Griekse blokkering van het partnerschapsprogramma is inmiddels opgeheven.",
            "Griekenland",
            "partnerschapsprogramma",
        ),
        (
            "Austria vetoed the enlargement package.",
            "Oostenrijk",
            "enlargement package",
        ),
        (
            "We, the Heads of State and Government of the North Atlantic Alliance, met in Vilnius. We condemn the attempts of Russia to block grain exports.",
            "Rusland",
            "grain exports",
        ),
    ];
    for (text, agent, theme) in cases {
        let found = facts(&lexicon, text, true);
        assert!(gives(&found, "blocks", agent, theme), "{text}\n{found:?}");
    }
}

#[test]
fn a_blocker_the_text_does_not_name_is_never_made() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    for text in [
        "Het besluit over de missie werd in juni geblokkeerd.",
        "GBVB-besluiten vereisen eenparigheid van stemmen.",
        "De blokkade van Berlijn duurde bijna een jaar.",
        "Blokkeert Hongarije het pakket opnieuw?",
        "Als Hongarije het pakket blokkeert, zoekt de Raad een andere route.",
        "Hungary did not block the package this time.",
    ] {
        let found = facts(&lexicon, text, true);
        assert!(found.is_empty(), "{text}\n{found:?}");
    }
}

#[test]
fn positions_are_read_with_their_holder_and_negation() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let found = facts(
        &lexicon,
        "We, the Heads of State and Government of the North Atlantic Alliance, met in Vilnius. We reaffirm our strong support for the Eastern Partnership.",
        false,
    );
    assert!(
        gives(
            &found,
            "supports",
            "Noord-Atlantische Verdragsorganisatie",
            "Eastern Partnership"
        ),
        "{found:?}"
    );
    // An unresolved "wij" names no holder.
    let found = facts(
        &lexicon,
        "Wij zijn geen voorstander van een Europees leger.",
        false,
    );
    assert!(found.is_empty(), "{found:?}");
    let found = facts(
        &lexicon,
        "Nederland is geen voorstander van een Europees leger.",
        false,
    );
    assert!(
        gives(&found, "opposes", "Nederland", "Europees leger"),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.0 == "supports"), "{found:?}");
}

#[test]
fn the_answers_of_the_issue_get_their_stance() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (text, want) in [
        ("De regering neemt dit advies over.", "Endorses"),
        ("De regering neemt deze aanbeveling niet over.", "Rejects"),
        (
            "Deze aanbeveling wordt al uitgevoerd.",
            "AlreadyImplemented",
        ),
        ("Hierop komt de minister na de zomer terug.", "Defers"),
        (
            "The Government accepts this recommendation in part.",
            "PartiallyEndorses",
        ),
    ] {
        let path = dir.path().join("answer.txt");
        std::fs::write(&path, text).unwrap();
        let doc = policykg::corpus::read(&path, &lexicon.conventions).unwrap();
        let got = policykg::build::with_input(&doc, &lexicon, |input| {
            policykg::extract::responses::answer_stance(
                input,
                0,
                input.document.text.text.len(),
                None,
            )
            .map(|s| s.0.local_name().to_owned())
        });
        assert_eq!(got.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_verb_added_to_a_frame_in_turtle_is_found_in_all_its_forms() {
    // A copy of the ontology with one verb and one unit more.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in policykg::lexicon::EMBEDDED {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let frames = dir.path().join("frames.ttl");
    let mut turtle = std::fs::read_to_string(&frames).unwrap();
    turtle.push_str(
        "\nfr:nl-saboteren a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"saboteren\" .\n\
         fr:unit-nl-saboteren a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:verb fr:nl-saboteren ;\n\
         \x20   fr:strength pkg:Obstructs ; fr:agent \"subject\" ; fr:theme \"object\" .\n",
    );
    std::fs::write(&frames, turtle).unwrap();
    let lexicon = Lexicon::load(&OntologySource::Dir(dir.path().to_owned())).unwrap();
    let before = Lexicon::load(&OntologySource::Embedded).unwrap();
    for text in [
        "Hongarije saboteert het akkoord over de munitie.",
        "Vorig jaar saboteerde Hongarije het akkoord over de munitie.",
        "Het kabinet betreurt dat Hongarije het akkoord over de munitie heeft gesaboteerd.",
        "Hongarije dreigt het akkoord over de munitie te saboteren.",
        "Het akkoord over de munitie werd door Hongarije gesaboteerd.",
    ] {
        assert!(facts(&before, text, true).is_empty(), "{text}");
        let found = facts(&lexicon, text, true);
        assert!(
            gives(&found, "blocks", "Hongarije", "akkoord over de munitie"),
            "{text}\n{found:?}"
        );
    }
}
