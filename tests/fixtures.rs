//! The extraction fixtures as a gate: paragraphs written for the project
//! (never taken from the corpus), each with the facts it must give and the
//! decoys that must give none. The floors below are the measured state;
//! a change that lowers one fails. `cargo run --release --example fixtures`
//! prints the same figures with every miss.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/fixtures.rs"]
mod fixtures;

use policykg::lexicon::{Lexicon, OntologySource};

/// (file, recall floor, precision floor, most decoys with a fact).
/// A coined theme counts only when it does not run past the expected
/// phrase (a verb, adverb or adjunct glued on is a miss): the floors are
/// measured so.
const FLOORS: [(&str, f64, f64, usize); 4] = [
    ("blockades/nl.json", 0.92, 0.97, 2),
    ("blockades/en.json", 0.95, 1.0, 0),
    ("positions/nl.json", 0.90, 0.87, 4),
    ("positions/en.json", 0.89, 0.92, 1),
];

#[test]
fn the_fixtures_give_their_facts_and_the_decoys_give_none() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let mut failures = Vec::new();
    for (file, recall, precision, alarms) in FLOORS {
        let s = fixtures::check(&lexicon, file);
        println!(
            "{file:<20} facts {:>4}  right {:>4}  recall {:>5.1}%  made {:>4}  precision {:>5.1}%  decoys with a fact {}/{}  negated made {}",
            s.expected,
            s.right,
            100.0 * s.recall(),
            s.made,
            100.0 * s.precision(),
            s.alarms,
            s.decoys,
            s.negated_made
        );
        if s.recall() < recall || s.precision() < precision || s.alarms > alarms {
            failures.push(format!(
                "{file}: recall {:.3} (floor {recall}), precision {:.3} (floor {precision}), decoys with a fact {} (at most {alarms})",
                s.recall(),
                s.precision(),
                s.alarms
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (file, accuracy floor).
/// Side issues still fail (a stance on something the recommendation only
/// mentions: "nl-side-issue-numbers", "en-side-issue-support-other-theme"),
/// as do answers that reject an alternative the report names.
const STANCE_FLOORS: [(&str, f64); 2] = [("stances/nl.json", 0.93), ("stances/en.json", 0.94)];

#[test]
fn the_answers_of_the_stance_fixtures_get_their_stance() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let mut failures = Vec::new();
    for (file, floor) in STANCE_FLOORS {
        let s = fixtures::check_stances(&lexicon, file);
        println!(
            "{file:<20} cases {:>4}  right {:>4}  accuracy {:>5.1}%",
            s.cases,
            s.right,
            100.0 * s.accuracy()
        );
        if s.accuracy() < floor {
            failures.push(format!(
                "{file}: accuracy {:.3} (floor {floor}); wrong: {:?}",
                s.accuracy(),
                s.wrong
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (file, recall floor, precision floor, decoys with one at most, stance
/// accuracy floor over those found).
type FoundFloors = [(&'static str, f64, f64, usize, f64); 2];

/// Runs `check` on each file of `floors` and fails below a floor;
/// `what` names the things found ("advices", "parts").
fn gate_found(floors: FoundFloors, what: &str, check: fn(&Lexicon, &str) -> fixtures::FoundScore) {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let mut failures = Vec::new();
    for (file, recall, precision, alarms, stance) in floors {
        let s = check(&lexicon, file);
        println!(
            "{file:<20} {what} {:>3}  found {:>3}  recall {:>5.1}%  precision {:>5.1}%  decoys {}/{}  stance {:>5.1}%",
            s.expected,
            s.found,
            100.0 * s.recall(),
            100.0 * s.precision(),
            s.alarms,
            s.decoys,
            100.0 * s.stance_accuracy()
        );
        for m in s.misses.iter().chain(&s.wrong) {
            println!("  {m}");
        }
        if s.recall() < recall
            || s.precision() < precision
            || s.alarms > alarms
            || s.stance_accuracy() < stance
        {
            failures.push(format!(
                "{file}: recall {:.3} (floor {recall}), precision {:.3} (floor {precision}), decoys with one {} (at most {alarms}), stance {:.3} (floor {stance})",
                s.recall(),
                s.precision(),
                s.alarms,
                s.stance_accuracy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A part counts when its text is exactly the case's; a decoy's
/// recommendation must not be split.
const PARTS_FLOORS: FoundFloors = [
    ("parts/nl.json", 1.0, 1.0, 0, 1.0),
    ("parts/en.json", 1.0, 1.0, 0, 0.95),
];

#[test]
fn a_recommendation_that_asks_for_several_things_is_answered_part_by_part() {
    gate_found(PARTS_FLOORS, "parts", fixtures::check_parts);
}

#[test]
fn a_recommendation_answered_part_by_part_takes_the_stance_its_parts_give_as_a_whole() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    for (file, ..) in PARTS_FLOORS {
        let s = fixtures::check_parts(&lexicon, file);
        println!(
            "{file:<20} wholes {:>3}  right {:>3}",
            s.wholes, s.wholes_right
        );
        assert!(
            s.wholes >= 4,
            "{file}: only {} cases give the whole's stance",
            s.wholes
        );
        assert_eq!(s.wholes_right, s.wholes, "{file}: {}", s.misses.join("\n"));
    }
}

const REPORTED_FLOORS: FoundFloors = [
    ("reported/nl.json", 0.97, 1.0, 0, 1.0),
    ("reported/en.json", 0.90, 1.0, 0, 0.94),
];

#[test]
fn advice_a_response_restates_in_its_own_words_is_found_with_its_author_and_answer() {
    gate_found(REPORTED_FLOORS, "advices", fixtures::check_reported);
}

/// (file, recall floor, precision floor, most decoys with a discovery).
const ENTITY_FLOORS: [(&str, f64, f64, usize); 2] = [
    ("entities/nl.json", 0.95, 1.0, 0),
    ("entities/en.json", 0.97, 1.0, 0),
];

#[test]
fn names_no_lexicon_lists_are_discovered_and_decoys_give_none() {
    let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
    let mut failures = Vec::new();
    for (file, recall, precision, alarms) in ENTITY_FLOORS {
        let s = fixtures::check_entities(&lexicon, file);
        println!(
            "{file:<20} expected {:>3}  found {:>3}  class {:>3}  details {:>3}  recall {:>5.1}%  made {:>3}  precision {:>5.1}%  decoys with one {}/{}  forbidden {}",
            s.expected,
            s.found,
            s.typed,
            s.detailed,
            100.0 * s.recall(),
            s.made,
            100.0 * s.precision(),
            s.alarms,
            s.decoys,
            s.forbidden
        );
        for m in &s.misses {
            println!("  missed {m}");
        }
        for w in &s.wrong {
            println!("  not expected {w}");
        }
        if s.recall() < recall || s.precision() < precision || s.alarms > alarms {
            failures.push(format!(
                "{file}: recall {:.3} (floor {recall}), precision {:.3} (floor {precision}), decoys with one {} (at most {alarms})\nmissed: {:?}\nnot expected: {:?}",
                s.recall(),
                s.precision(),
                s.alarms,
                s.misses,
                s.wrong
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
