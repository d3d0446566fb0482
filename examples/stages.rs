//! Time of each stage of extraction on one file: segmentation, the
//! linguistic analysis, the frame events and every extractor. For finding
//! where a slow document spends its time (release build):
//!
//! ```sh
//! cargo run --release --example stages -- FILE
//! ```

use std::time::Instant;

use policykg::extract::{self, Input};
use policykg::lexicon::{Lexicon, OntologySource};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        std::process::exit(2);
    };
    let lexicon = match Lexicon::load(&OntologySource::Embedded) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let t = Instant::now();
    let doc = match policykg::corpus::read(std::path::Path::new(&path), &lexicon.conventions) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    println!("{:<16} {:>8.2} s", "read", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let segmented = policykg::text::segment(&doc.text, &lexicon.conventions);
    println!("{:<16} {:>8.2} s", "segment", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let analysis = policykg::analysis::analyse(&doc, &segmented, &lexicon);
    println!("{:<16} {:>8.2} s", "analyse", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let events = policykg::analysis::events(&analysis, &doc.text.text, &lexicon);
    println!(
        "{:<16} {:>8.2} s  ({} events)",
        "events",
        t.elapsed().as_secs_f64(),
        events.len()
    );
    let input = Input {
        document: &doc,
        segmented: &segmented,
        lexicon: &lexicon,
        analysis: &analysis,
        events: &events,
    };
    for extractor in extract::all() {
        let t = Instant::now();
        let out = extractor.extract(&input);
        println!(
            "{:<16} {:>8.2} s  ({} facts)",
            extractor.name(),
            t.elapsed().as_secs_f64(),
            out.facts.len()
        );
    }
}
