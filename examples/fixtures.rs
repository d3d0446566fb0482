//! Measures the blockade, position, stance, reported-advice and recommendation-parts extractors on the project-written
//! fixtures of `tests/fixtures/extract/` (paragraphs nobody tuned the
//! extractors on) and prints recall, precision and false alarms on decoys
//! per file, then every miss and every wrong fact. A report; the gate is
//! `tests/fixtures.rs`:
//!
//! ```sh
//! cargo run --release --example fixtures            # the table
//! cargo run --release --example fixtures -- -v      # and every miss
//! ```

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use policykg::lexicon::{Lexicon, OntologySource};

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let lexicon = match Lexicon::load(&OntologySource::Embedded) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "| file | facts | found | right | recall | precision | decoys with a fact | negated made |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut details = Vec::new();
    for file in fixtures::FILES {
        let s = fixtures::check(&lexicon, file);
        println!(
            "| {file} | {} | {} | {} | {:.1}% | {:.1}% | {} of {} | {} |",
            s.expected,
            s.made,
            s.right,
            100.0 * s.recall(),
            100.0 * s.precision(),
            s.alarms,
            s.decoys,
            s.negated_made
        );
        details.push(s);
    }
    println!("\n| file | answers | right | accuracy |");
    println!("|---|---|---|---|");
    let mut stances = Vec::new();
    for file in fixtures::STANCE_FILES {
        let s = fixtures::check_stances(&lexicon, file);
        println!(
            "| {file} | {} | {} | {:.1}% |",
            s.cases,
            s.right,
            100.0 * s.accuracy()
        );
        stances.push(s);
    }
    println!(
        "\n| file | advices or parts | found | stance right | recall | precision | decoys with one |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut reported = Vec::new();
    type Check = fn(&Lexicon, &str) -> fixtures::FoundScore;
    let found: [(&[&str], Check); 2] = [
        (&fixtures::REPORTED_FILES, fixtures::check_reported),
        (&fixtures::PARTS_FILES, fixtures::check_parts),
    ];
    for (file, check) in found
        .iter()
        .flat_map(|(files, check)| files.iter().map(move |f| (*f, *check)))
    {
        if !fixtures::root().join(file).exists() {
            continue;
        }
        let s = check(&lexicon, file);
        println!(
            "| {file} | {} | {} | {} | {:.1}% | {:.1}% | {} of {} |",
            s.expected,
            s.found,
            s.stance_right,
            100.0 * s.recall(),
            100.0 * s.precision(),
            s.alarms,
            s.decoys
        );
        reported.push(s);
    }
    println!(
        "\n| file | expected | found | class right | acronym/mentions or title/party right | recall | made | precision | decoys with one | forbidden |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut discovered = Vec::new();
    for file in fixtures::ENTITY_FILES {
        let s = fixtures::check_entities(&lexicon, file);
        println!(
            "| {file} | {} | {} | {} | {} | {:.1}% | {} | {:.1}% | {} of {} | {} |",
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
        discovered.push(s);
    }
    if verbose {
        for s in &discovered {
            println!("\n## {}: missed", s.file);
            for m in &s.misses {
                println!("- {m}");
            }
            println!("\n## {}: not expected", s.file);
            for w in &s.wrong {
                println!("- {w}");
            }
        }
        for s in &reported {
            println!("\n## {}: missed", s.file);
            for m in &s.misses {
                println!("- {m}");
            }
            println!("\n## {}: wrong", s.file);
            for w in &s.wrong {
                println!("- {w}");
            }
        }
        for s in &stances {
            println!("\n## {}: confusion (expected → got)", s.file);
            for ((want, got), n) in &s.confusion {
                println!("- {want} → {got}: {n}");
            }
            println!("\n## {}: wrong", s.file);
            for w in &s.wrong {
                println!("- {w}");
            }
        }
        for s in details {
            println!("\n## {}: missed", s.file);
            for m in &s.misses {
                println!("- {m}");
            }
            println!("\n## {}: wrong", s.file);
            for w in &s.wrong {
                println!("- {w}");
            }
        }
    }
}
