//! Prints every dated reference of a document with its tense:
//! `cargo run --example dates FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dates FILE");
        std::process::exit(2);
    };
    let lexicon =
        match policykg::lexicon::Lexicon::load(&policykg::lexicon::OntologySource::Embedded) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        };
    let doc = match policykg::corpus::read(std::path::Path::new(&path), &lexicon.conventions) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    for r in policykg::corpus::dates::references(&doc.text, &lexicon.conventions) {
        println!(
            "{:>5} {} {} {:?} | {}",
            doc.text.line_at(r.start),
            if r.past { "past  " } else { "future" },
            r.written,
            r.first,
            &doc.text.text[r.start..r.end]
        );
    }
}
