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
const FLOORS: [(&str, f64, f64, usize); 4] = [
    ("blockades/nl.json", 0.84, 0.93, 3),
    ("blockades/en.json", 0.89, 0.94, 2),
    ("positions/nl.json", 0.89, 0.84, 4),
    ("positions/en.json", 0.90, 0.93, 1),
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
const STANCE_FLOORS: [(&str, f64); 2] = [("stances/nl.json", 0.85), ("stances/en.json", 0.81)];

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
                "{file}: accuracy {:.3} (floor {floor})",
                s.accuracy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
