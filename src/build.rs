//! The build pipeline: corpus → text → extract → rdf, producing the quads
//! of the whole graph and a report. Storing them is the caller's choice
//! (`store::Store::build` on disk, or an in-memory store).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use oxigraph::model::Quad;

use crate::corpus::{self, Corpus, Diagnostic};
use crate::extract::{self, Fact, Input};
use crate::lexicon::{Lexicon, OntologySource};
use crate::rdf::{self, DocumentGraph};
use crate::resolve;
use crate::text;

/// What to build from.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Files and directories to read.
    pub inputs: Vec<PathBuf>,
    pub ontology: OntologySource,
    /// Treat every file as its own document, even when its text is another
    /// file's (benchmarks replicate a corpus this way).
    pub keep_duplicates: bool,
    /// Documents analysed and extracted at once; 0 means one per core.
    /// The graph is the same whatever the number.
    pub jobs: usize,
}

/// What a build found and made.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Document files found (read or not).
    pub files: usize,
    /// Distinct documents (duplicates not counted).
    pub documents: usize,
    pub duplicates: usize,
    /// Facts by kind, e.g. `mentions`.
    pub facts: BTreeMap<&'static str, usize>,
    pub footnotes: usize,
    /// Nodes of the graph by `pkg:` class, as the queries count them: a
    /// recommendation listed in a report and restated in a response is
    /// one `Recommendation` and one `Restatement`, where `facts` counts
    /// two occurrences.
    pub nodes: BTreeMap<&'static str, usize>,
    pub quads: usize,
    /// One line each.
    pub diagnostics: Vec<String>,
    /// True when a file was left out.
    pub skipped: bool,
    pub bytes: u64,
    /// Wall time of the whole build, store included, once the caller has
    /// stored the quads; until then the same as `extraction_seconds`.
    pub seconds: f64,
    /// Wall time of reading and extraction.
    pub extraction_seconds: f64,
}

/// The result of extraction: the corpus, what was found in each document
/// and the report. The graph's quads are made from it document by document
/// as they are drawn ([`Built::quads`]), so that no build holds every quad
/// of the corpus at once.
pub struct Built {
    pub corpus: Corpus,
    pub report: BuildReport,
    ontology: Vec<Quad>,
    documents: Vec<Extracted>,
    cited_documents: BTreeMap<extract::Cited, String>,
}

impl std::fmt::Debug for Built {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Built")
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}

/// One canonical document's facts with their corpus-wide identities.
struct Extracted {
    /// Index into `corpus.documents`.
    index: usize,
    found: DocumentFacts,
    recommendations: BTreeMap<usize, rdf::RecIdentity>,
    conclusions: BTreeMap<usize, rdf::RecIdentity>,
}

impl Built {
    /// The graph's quads: the ontology's, then each document's graph in
    /// corpus order, each made only when the iterator reaches it and
    /// without repeats. `on_document` is told each document's bytes of text
    /// once its quads are made; `tally` sees every quad.
    pub fn quads<'a>(
        &'a self,
        lexicon: &'a Lexicon,
        mut on_document: impl FnMut(u64) + 'a,
    ) -> impl Iterator<Item = Quad> + 'a {
        let documents = self.documents.iter().flat_map(move |e| {
            let doc = &self.corpus.documents[e.index];
            let alternatives: Vec<(&corpus::Document, f64)> = self
                .corpus
                .duplicates
                .iter()
                .filter(|d| d.canonical == e.index)
                .map(|d| (&self.corpus.documents[d.duplicate], d.similarity))
                .collect();
            let graph = DocumentGraph {
                document: doc,
                segmented: &e.found.segmented,
                facts: &e.found.facts,
                alternatives: &alternatives,
                recommendations: &e.recommendations,
                conclusions: &e.conclusions,
                cited_documents: &self.cited_documents,
                language: e.found.lang.code(),
            };
            let mut quads = rdf::document_quads(&graph, lexicon);
            // A document's quads are all in its own graph, so repeats can
            // only be within it.
            dedup(&mut quads);
            on_document(doc.text.text.len() as u64);
            quads
        });
        self.ontology.iter().cloned().chain(documents)
    }

    /// Every quad at once, for small inputs and tests; counts them and the
    /// nodes into the report as a store would.
    pub fn all_quads(&mut self, lexicon: &Lexicon) -> Vec<Quad> {
        let mut tally = Tally::default();
        let quads: Vec<Quad> = self
            .quads(lexicon, |_| {})
            .inspect(|q| tally.see(q))
            .collect();
        tally.report(&mut self.report);
        quads
    }
}

/// Removes repeats from `quads`, keeping the first of each.
fn dedup(quads: &mut Vec<Quad>) {
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(quads.len());
        quads.iter().map(|q| seen.insert(q)).collect()
    };
    let mut keep = keep.into_iter();
    quads.retain(|_| keep.next().unwrap_or(false));
}

/// Counts quads and the nodes of the counted classes as quads go by, for
/// the build summary.
#[derive(Debug, Default)]
pub struct Tally {
    quads: usize,
    nodes: BTreeMap<&'static str, std::collections::BTreeSet<String>>,
}

impl Tally {
    /// Counts `q` (quads come without repeats from [`Built::quads`]).
    pub fn see(&mut self, q: &Quad) {
        self.quads += 1;
        if let Some(name) = counted_class(q) {
            self.nodes
                .entry(name)
                .or_default()
                .insert(q.subject.to_string());
        }
    }

    /// Writes the counts into `report`.
    pub fn report(&self, report: &mut BuildReport) {
        report.quads = self.quads;
        report.nodes = self.nodes.iter().map(|(k, v)| (*k, v.len())).collect();
    }
}

/// How far a build is, for a progress display.
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// A stage begins, with the amount of work it has: bytes of text for
    /// reading and analysing, quads for storing.
    Stage { name: &'static str, total: u64 },
    /// A file is being read.
    File(&'a Path),
    /// So much more of the stage's work is done.
    Advance(u64),
}

/// Facts of one document, with its segmentation.
pub struct DocumentFacts {
    pub segmented: text::Segmented,
    /// The language the document is written in (most of its sentences).
    pub lang: crate::analysis::frames::Lang,
    pub facts: Vec<Fact>,
}

/// Segments and analyses a document and hands `f` what an extractor
/// receives (for tests and tools that look at one stage).
pub fn with_input<R>(
    doc: &corpus::Document,
    lexicon: &Lexicon,
    f: impl FnOnce(&Input<'_>) -> R,
) -> R {
    let segmented = text::segment(&doc.text, &lexicon.conventions);
    let analysis = crate::analysis::analyse(doc, &segmented, lexicon);
    let events = crate::analysis::events(&analysis, &doc.text.text, lexicon);
    f(&Input {
        document: doc,
        segmented: &segmented,
        lexicon,
        analysis: &analysis,
        events: &events,
    })
}

/// Segments a document and runs every extractor over it.
pub fn extract_document(doc: &corpus::Document, lexicon: &Lexicon) -> (DocumentFacts, Vec<String>) {
    extract_document_with(doc, lexicon, &mut |_| {})
}

/// [`extract_document`], telling `progress` how much of the document's
/// bytes is done after segmentation and after each extractor.
pub fn extract_document_with(
    doc: &corpus::Document,
    lexicon: &Lexicon,
    progress: &mut dyn FnMut(Progress<'_>),
) -> (DocumentFacts, Vec<String>) {
    let extractors = extract::all();
    let bytes = doc.text.text.len() as u64;
    let steps = extractors.len() as u64 + 2;
    let share = bytes / steps;
    let segmented = text::segment(&doc.text, &lexicon.conventions);
    progress(Progress::Advance(share));
    let analysis = crate::analysis::analyse(doc, &segmented, lexicon);
    let events = crate::analysis::events(&analysis, &doc.text.text, lexicon);
    progress(Progress::Advance(share));
    let mut facts = Vec::new();
    let mut diagnostics = Vec::new();
    {
        let input = Input {
            document: doc,
            segmented: &segmented,
            lexicon,
            analysis: &analysis,
            events: &events,
        };
        for extractor in extractors {
            let out = extractor.extract(&input);
            progress(Progress::Advance(share));
            facts.extend(out.facts);
            diagnostics.extend(
                out.diagnostics
                    .into_iter()
                    .map(|d| format!("{}: {}: {d}", doc.file_name, extractor.name())),
            );
        }
    }
    progress(Progress::Advance(bytes - share * steps));
    (
        DocumentFacts {
            segmented,
            lang: analysis.lang,
            facts,
        },
        diagnostics,
    )
}

/// Reads the corpus and extracts what each document says, telling
/// `progress` how far it is.
pub fn build_with(
    lexicon: &Lexicon,
    options: &BuildOptions,
    mut progress: impl FnMut(Progress<'_>),
    started: Instant,
) -> Built {
    // Reading is measured in bytes of the files; each file's bytes count
    // as done when the next one starts.
    let (files, found) = corpus::discover(&options.inputs);
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    progress(Progress::Stage {
        name: "reading",
        total: sizes.iter().sum(),
    });
    let mut read = 0usize;
    let mut corpus = corpus::load_files(&files, found, &lexicon.conventions, |p: &Path| {
        if read > 0 {
            progress(Progress::Advance(sizes.get(read - 1).copied().unwrap_or(0)));
        }
        read += 1;
        progress(Progress::File(p));
    });
    progress(Progress::Advance(sizes.last().copied().unwrap_or(0)));
    if options.keep_duplicates {
        corpus.duplicates.clear();
    }
    let mut report = BuildReport {
        files: corpus.files,
        duplicates: corpus.duplicates.len(),
        diagnostics: corpus
            .diagnostics
            .iter()
            .map(Diagnostic::to_string)
            .collect(),
        skipped: corpus.diagnostics.iter().any(Diagnostic::skipped),
        ..BuildReport::default()
    };
    let mut extracted: Vec<(usize, DocumentFacts)> = Vec::new();
    progress(Progress::Stage {
        name: "analysing",
        total: corpus
            .canonical()
            .map(|i| corpus.documents[i].text.text.len() as u64)
            .sum(),
    });
    let canonical: Vec<usize> = corpus.canonical().collect();
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    };
    let results = extract_all(&corpus, &canonical, lexicon, jobs, &mut progress);
    for (&index, (found, diagnostics)) in canonical.iter().zip(results) {
        let doc = &corpus.documents[index];
        report.documents += 1;
        report.bytes += doc.text.text.len() as u64;
        report.footnotes += doc.text.footnotes.len();
        report.diagnostics.extend(diagnostics);
        for f in &found.facts {
            *report.facts.entry(f.kind()).or_default() += 1;
        }
        extracted.push((index, found));
    }
    // Acronyms one document defines, used or defined again in another.
    let mut docs: Vec<(&str, &crate::text::Segmented, &mut Vec<Fact>)> = extracted
        .iter_mut()
        .map(|(i, f)| {
            let DocumentFacts {
                segmented, facts, ..
            } = f;
            (corpus.documents[*i].text.text.as_str(), &*segmented, facts)
        })
        .collect();
    extract::entities::resolve(&mut docs);
    drop(docs);
    // The corpus-wide steps: which recommendation and conclusion
    // occurrences are one item, and which corpus document a citation names.
    let views: Vec<resolve::DocumentFacts<'_>> = extracted
        .iter()
        .map(|(i, f)| resolve::DocumentFacts {
            id: resolve::DocId(*i),
            document: &corpus.documents[*i],
            facts: f.facts.as_slice(),
        })
        .collect();
    let resolution = resolve::corpus(&views, &lexicon.cues.source_types);
    let mut recommendations = rdf::recommendation_identities(&views, &resolution.recommendations);
    let mut conclusions = rdf::conclusion_identities(&views, &resolution.conclusions);
    let cited_documents = resolution.cited_documents;
    drop(views);
    let documents: Vec<Extracted> = extracted
        .into_iter()
        .map(|(index, found)| Extracted {
            index,
            found,
            recommendations: recommendations.take(resolve::DocId(index)),
            conclusions: conclusions.take(resolve::DocId(index)),
        })
        .collect();
    report.seconds = started.elapsed().as_secs_f64();
    report.extraction_seconds = report.seconds;
    Built {
        corpus,
        report,
        ontology: {
            let mut quads = rdf::ontology_quads(lexicon);
            dedup(&mut quads);
            quads
        },
        documents,
        cited_documents,
    }
}

/// What a worker of [`extract_all`] tells the thread that draws progress.
enum Message {
    Started(usize),
    Advance(u64),
    Done(usize, Box<(DocumentFacts, Vec<String>)>),
}

/// Extracts the documents `canonical` (indices into `corpus`) on `jobs`
/// threads; the results come back in the order of `canonical`, so the graph
/// is the same whatever `jobs` is. Progress is drawn from the calling
/// thread.
fn extract_all(
    corpus: &Corpus,
    canonical: &[usize],
    lexicon: &Lexicon,
    jobs: usize,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Vec<(DocumentFacts, Vec<String>)> {
    let jobs = jobs.clamp(1, canonical.len().max(1));
    if jobs == 1 {
        return canonical
            .iter()
            .map(|&i| {
                let doc = &corpus.documents[i];
                progress(Progress::File(&doc.path));
                extract_document_with(doc, lexicon, progress)
            })
            .collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<Message>();
    let mut out: Vec<Option<(DocumentFacts, Vec<String>)>> =
        (0..canonical.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&index) = canonical.get(k) else {
                        break;
                    };
                    let _ = tx.send(Message::Started(k));
                    let found =
                        extract_document_with(&corpus.documents[index], lexicon, &mut |p| {
                            if let Progress::Advance(n) = p {
                                let _ = tx.send(Message::Advance(n));
                            }
                        });
                    let _ = tx.send(Message::Done(k, Box::new(found)));
                }
            });
        }
        drop(tx);
        for message in rx {
            match message {
                Message::Started(k) => {
                    progress(Progress::File(&corpus.documents[canonical[k]].path));
                }
                Message::Advance(n) => progress(Progress::Advance(n)),
                Message::Done(k, found) => out[k] = Some(*found),
            }
        }
    });
    // A worker that panicked has already ended the scope with its panic.
    out.into_iter().flatten().collect()
}

/// The classes the build summary counts nodes of, with their names there.
const COUNTED: [(&str, &str); 7] = [
    ("Recommendation", "recommendations"),
    ("Restatement", "restatements"),
    ("Response", "responses"),
    ("Blockade", "blockades"),
    ("Position", "positions"),
    ("Citation", "citations"),
    ("Conclusion", "conclusions"),
];

/// The summary's name of the counted class `q` types its subject as, if
/// `q` is such a typing.
fn counted_class(q: &Quad) -> Option<&'static str> {
    if q.predicate.as_str() != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" {
        return None;
    }
    let oxigraph::model::Term::NamedNode(class) = &q.object else {
        return None;
    };
    let local = class
        .as_str()
        .strip_prefix("https://w3id.org/policykg/def#")?;
    COUNTED
        .iter()
        .find(|(c, _)| *c == local)
        .map(|(_, name)| *name)
}
