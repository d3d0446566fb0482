//! The command line: clap definitions and thin handlers that call the
//! library. The only module that prints.
//!
//! Exit status: 0 on success, 1 when the work completed with diagnostics
//! (a file could not be read), 2 on usage or fatal errors. A closed pipe
//! (`| head`) is not an error.

mod checks;
mod explain;
mod export;
mod link;
mod shards;
mod suggest;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oxigraph::io::RdfFormat;

use crate::build::{self, BuildOptions, BuildReport, Built};
use crate::lexicon::{self, Lexicon};
use crate::query::{self, Format};
use crate::store::{BuildLock, LoadMemory, QueryOptions, Store, StoreError, Wait};

/// How long past `--timeout` a query that ignores cancellation may run.
const WATCHDOG_GRACE: Duration = Duration::from_secs(2);

/// The bundled queries, embedded so that `policykg queries` works anywhere.
pub const BUNDLED: &[(&str, &str)] = &[
    ("actors", include_str!("../../queries/actors.rq")),
    (
        "blocked-by-issue",
        include_str!("../../queries/blocked-by-issue.rq"),
    ),
    (
        "citation-graph",
        include_str!("../../queries/citation-graph.rq"),
    ),
    ("citations", include_str!("../../queries/citations.rq")),
    ("documents", include_str!("../../queries/documents.rq")),
    ("duplicates", include_str!("../../queries/duplicates.rq")),
    ("evidence", include_str!("../../queries/evidence.rq")),
    (
        "external-ids",
        include_str!("../../queries/external-ids.rq"),
    ),
    ("instruments", include_str!("../../queries/instruments.rq")),
    ("memberships", include_str!("../../queries/memberships.rq")),
    (
        "mentions-by-document",
        include_str!("../../queries/mentions-by-document.rq"),
    ),
    (
        "netherlands-initiatives",
        include_str!("../../queries/netherlands-initiatives.rq"),
    ),
    ("not-adopted", include_str!("../../queries/not-adopted.rq")),
    ("partners", include_str!("../../queries/partners.rq")),
    ("positions", include_str!("../../queries/positions.rq")),
    (
        "recommendation-history",
        include_str!("../../queries/recommendation-history.rq"),
    ),
    (
        "recommendations",
        include_str!("../../queries/recommendations.rq"),
    ),
    ("responses", include_str!("../../queries/responses.rq")),
    (
        "who-blocks-what",
        include_str!("../../queries/who-blocks-what.rq"),
    ),
    (
        "wikidata-enrich",
        include_str!("../../queries/wikidata-enrich.rq"),
    ),
];

#[derive(Debug, Parser)]
#[command(
    name = "policykg",
    version,
    about = "Turns policy documents into a knowledge graph with evidence"
)]
struct Cli {
    /// Directory of the on-disk store.
    #[arg(
        long,
        global = true,
        env = "POLICYKG_STORE",
        default_value = ".policykg"
    )]
    store: PathBuf,
    /// Keep the graph in memory only (query, dump, explain, export and link
    /// then need --from).
    #[arg(long, global = true)]
    in_memory: bool,
    /// Directory with ontology files replacing the embedded ones: it must
    /// hold policykg.ttl and lexicon.ttl; text.ttl, cues.ttl, links.ttl,
    /// frames.ttl, discovery.ttl and lexicon/*.ttl fall back to the
    /// embedded copies. Read by build, text, link --import, export, and
    /// --in-memory.
    #[arg(long, global = true)]
    ontology: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the graph from documents (.txt, .md; directories recursively).
    Build {
        /// Document files (.txt, .md) and directories, read recursively.
        /// Every path must exist, or nothing is built (see --keep-going).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Treat every file as its own document, even when it repeats another.
        #[arg(long)]
        keep_duplicates: bool,
        /// Fail at once when another build holds the store, instead of waiting.
        #[arg(long)]
        no_wait: bool,
        /// Build from the paths that exist when another is missing: a
        /// warning names it and the exit status is 1.
        #[arg(long)]
        keep_going: bool,
        /// Documents analysed at once (default: one per core). The graph is
        /// the same, byte for byte, whatever the number.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Memory for quads the store's bulk loader has taken and not yet
        /// written, in MiB (RocksDB's caches come on top).
        #[arg(long, value_name = "MIB", default_value_t = 768, value_parser = clap::value_parser!(u32).range(16..=1_048_576))]
        memory: u32,
    },
    /// Extract without storing: one N-Quads file per named graph (a
    /// document's, the ontology's, the links') in a new directory, for
    /// `load` or any bulk loader. Split the documents over machines and
    /// load all the directories' files together.
    Extract {
        /// Document files (.txt, .md) and directories, read recursively.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// A new or empty directory to write the files into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Treat every file as its own document, even when it repeats another.
        #[arg(long)]
        keep_duplicates: bool,
        /// Extract from the paths that exist when another is missing.
        #[arg(long)]
        keep_going: bool,
        /// Documents analysed at once (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Load a directory of N-Quads files (what `extract --out` writes) into
    /// the store, replacing its graph once the new one is complete.
    Load {
        /// The directory whose .nq files are loaded.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Fail at once when another build holds the store, instead of waiting.
        #[arg(long)]
        no_wait: bool,
        /// Memory for quads the store's bulk loader has taken and not yet
        /// written, in MiB (RocksDB's caches come on top).
        #[arg(long, value_name = "MIB", default_value_t = 768, value_parser = clap::value_parser!(u32).range(16..=1_048_576))]
        memory: u32,
    },
    /// Run a SPARQL query: a file, a bundled query name, or -e TEXT.
    Query {
        /// A .rq file or the name of a bundled query (see `policykg queries`).
        file: Option<String>,
        /// The query text.
        #[arg(short = 'e', long = "expression", conflicts_with = "file")]
        expression: Option<String>,
        /// table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, nquads (CONSTRUCT/DESCRIBE).
        #[arg(long, short, default_value = "table")]
        format: String,
        /// Seconds before the query is cancelled.
        #[arg(long, default_value_t = 60.0)]
        timeout: f64,
        /// MiB of memory the process may hold before the query is
        /// cancelled (default: half of the machine's memory).
        #[arg(long, value_name = "MIB")]
        max_memory: Option<u64>,
        /// With --in-memory: a document file or directory to build the
        /// graph from first; repeat for more (--from a --from b).
        #[arg(long, value_name = "PATH")]
        from: Vec<PathBuf>,
    },
    /// List the bundled queries.
    Queries,
    /// Write the whole graph.
    Dump {
        /// nquads, trig, turtle or ntriples (turtle and ntriples merge all graphs).
        #[arg(long, short, default_value = "nquads")]
        format: String,
        /// With --in-memory: a document file or directory to build the
        /// graph from first; repeat for more (--from a --from b).
        #[arg(long, value_name = "PATH")]
        from: Vec<PathBuf>,
    },
    /// Show a document as repaired: its metadata, then every block (or
    /// sentence) with the original line it starts on.
    Text {
        file: PathBuf,
        /// One sentence per line instead of one block per line.
        #[arg(long)]
        sentences: bool,
        /// One sentence per line, each followed by the frame events read
        /// from it: the lexical unit, its roles, negation and hedges (what
        /// the blockade, position and stance extractors start from).
        #[arg(long)]
        frames: bool,
    },
    /// External identifiers: coverage per entity type (Wikidata, ELI/CELEX,
    /// TOOI, EuroVoc) and the entities without one; with --import, write a
    /// links table (TSV) into the ontology as owl:sameAs / skos:closeMatch.
    Link {
        /// A links table to import (columns local_id, label_en, scheme,
        /// identifier, uri, confidence).
        #[arg(long)]
        import: Option<PathBuf>,
        /// Where --import writes. The table's links are merged with the
        /// links already there: a row replaces the link of the same entity
        /// in the same scheme (Wikidata, ELI, CELEX, …), the rest is kept.
        #[arg(long, short, default_value = "ontology/links.ttl", requires = "import")]
        output: PathBuf,
        /// With --import: write the table's links alone, dropping the links
        /// already in the output file.
        #[arg(long, requires = "import")]
        replace: bool,
        /// With --in-memory: a document file or directory to build the
        /// graph from first; repeat for more (--from a --from b).
        #[arg(long, value_name = "PATH", conflicts_with = "import")]
        from: Vec<PathBuf>,
    },
    /// Export a view of the graph: blocks, positions, recommendations,
    /// citations, or entity (--focus NAME --depth N). Formats: dot,
    /// graphml, gexf, cytoscape (Cytoscape.js JSON), mermaid, json, html (one
    /// offline page to explore, with every quote); svg is rendered by
    /// Graphviz `dot` when it is on PATH, else laid out by policykg; png
    /// needs Graphviz.
    Export {
        /// blocks, positions, recommendations, citations or entity (with
        /// --query: a title).
        view: String,
        /// dot, svg, png, graphml, gexf, cytoscape, mermaid, json or html.
        #[arg(long, short, default_value = "dot")]
        format: String,
        /// Write here instead of to standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Your own view: a SELECT with ?source ?target (and ?edge,
        /// ?relation, ?style, ?document, ?line, ?quote).
        #[arg(long)]
        query: Option<PathBuf>,
        /// The entity view's centre: a label, alias or IRI.
        #[arg(long)]
        focus: Option<String>,
        /// Steps out from --focus (1 or more; default 1).
        #[arg(long, value_parser = checks::steps)]
        depth: Option<usize>,
        /// Only edges read in documents whose file name starts with this.
        #[arg(long)]
        document: Option<String>,
        /// Only nodes of this kind: a pkg: class of the vocabulary (State,
        /// Group, Issue, Instrument, …), which takes in its subclasses.
        #[arg(long)]
        kind: Option<String>,
        /// Drop actors and instruments mentioned fewer times (0 keeps all).
        #[arg(long, default_value_t = 0)]
        min_mentions: usize,
        /// Label language: one the ontology's labels are in (nl, en).
        #[arg(long, default_value = "nl")]
        lang: String,
        /// With --in-memory: a document file or directory to build the
        /// graph from first; repeat for more (--from a --from b).
        #[arg(long, value_name = "PATH")]
        from: Vec<PathBuf>,
    },
    /// Show an entity: type, labels, identifiers and every mention with its quote.
    Explain {
        /// A label, alias or IRI.
        name: String,
        /// With --in-memory: a document file or directory to build the
        /// graph from first; repeat for more (--from a --from b).
        #[arg(long, value_name = "PATH")]
        from: Vec<PathBuf>,
    },
}

/// Runs the command line and returns the exit status.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|m| Ok((Cli::from_arg_matches(&m)?, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return checks::clap_exit(&e),
    };
    let store_given = matches.value_source("store") == Some(ValueSource::CommandLine);
    match checks::check_options(&cli, store_given).and_then(|()| dispatch(&cli)) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

fn one_line(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in e.chain().map(|c| c.to_string()) {
        // A message that already ends with its cause's words says them once.
        if !parts.last().is_some_and(|last| last.ends_with(&part)) {
            parts.push(part);
        }
    }
    parts.join(": ").replace('\n', " ")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<StoreError>().is_some_and(|s| matches!(s, StoreError::Write(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

/// What `build` and `extract` read, as their options say.
fn build_options(paths: &[PathBuf], keep_duplicates: bool, jobs: Option<u16>) -> BuildOptions {
    BuildOptions {
        inputs: paths.to_vec(),
        keep_duplicates,
        jobs: jobs.map_or(0, usize::from),
        ..BuildOptions::default()
    }
}

fn wait(no_wait: bool) -> Wait {
    if no_wait { Wait::No } else { Wait::Yes }
}

/// The store's build lock, waiting (and saying so) unless `wait` is
/// `Wait::No`; shared by `build` and `load`.
fn store_lock(cli: &Cli, wait: Wait) -> Result<BuildLock> {
    let store = cli.store.display().to_string();
    Ok(BuildLock::acquire(&cli.store, wait, |holder| {
        eprintln!(
            "waiting: the store \"{store}\" is being built by {holder} (--no-wait to fail instead)"
        );
    })?)
}

fn dispatch(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Build {
            paths,
            keep_duplicates,
            no_wait,
            jobs,
            memory,
            ..
        } => cmd_build(
            cli,
            &build_options(paths, *keep_duplicates, *jobs),
            wait(*no_wait),
            LoadMemory(*memory as usize),
        ),
        Command::Extract {
            paths,
            out,
            keep_duplicates,
            jobs,
            ..
        } => shards::cmd_extract(cli, &build_options(paths, *keep_duplicates, *jobs), out),
        Command::Load {
            dir,
            no_wait,
            memory,
        } => shards::cmd_load(cli, dir, wait(*no_wait), LoadMemory(*memory as usize)),
        Command::Query {
            file,
            expression,
            format,
            timeout,
            max_memory,
            from,
        } => cmd_query(
            cli,
            file.as_deref(),
            expression.as_deref(),
            format,
            query_options(*timeout, *max_memory)?,
            from,
        ),
        Command::Queries => cmd_queries(),
        Command::Dump { format, from } => cmd_dump(cli, format, from),
        Command::Text {
            file,
            sentences,
            frames,
        } => cmd_text(cli, file, *sentences, *frames),
        Command::Explain { name, from } => explain::run(cli_store(cli, from)?, name),
        Command::Export {
            view,
            format,
            output,
            query,
            focus,
            depth,
            document,
            kind,
            min_mentions,
            lang,
            from,
        } => cmd_export(
            cli,
            &export::Request {
                view,
                format,
                output: output.as_deref(),
                query: query.as_deref(),
                focus: focus.as_deref(),
                depth: *depth,
                document: document.as_deref(),
                kind: kind.as_deref(),
                min_mentions: *min_mentions,
                lang,
            },
            from,
        ),
        Command::Link {
            import: Some(table),
            output,
            replace,
            ..
        } => link::import(
            table,
            output,
            if *replace {
                crate::link::Mode::Replace
            } else {
                crate::link::Mode::Merge
            },
            &lexicon::source(cli.ontology.as_deref()),
        ),
        Command::Link {
            import: None, from, ..
        } => link::coverage(cli_store(cli, from)?),
    }
}

/// `export`: every option checked against the ontology before the store is
/// opened or built.
fn cmd_export(cli: &Cli, request: &export::Request<'_>, from: &[PathBuf]) -> Result<ExitCode> {
    // Only the vocabulary and the lexicon's quads: the names and languages
    // the options are checked against.
    let ontology = lexicon::ontology_quads(&lexicon::source(cli.ontology.as_deref()))
        .context("cannot load the ontology")?;
    let plan = export::prepare(request, &ontology)?;
    export::run(cli_store(cli, from)?, &plan)
}

fn progress_bar(quiet: bool) -> ProgressBar {
    let bar = ProgressBar::new(0);
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    } else {
        bar.enable_steady_tick(Duration::from_millis(100));
    }
    bar
}

/// The bar's look for a stage: bytes for reading and analysing, quads for
/// storing.
fn stage_style(name: &str) -> Option<ProgressStyle> {
    let template = if name == "storing" {
        "{spinner} {prefix:9} [{bar:30}] {human_pos}/{human_len} quads  {per_sec}  eta {eta}  {msg}"
    } else {
        "{spinner} {prefix:9} [{bar:30}] {bytes}/{total_bytes}  {bytes_per_sec}  eta {eta}  {wide_msg}"
    };
    ProgressStyle::with_template(template)
        .ok()
        .map(|s| s.progress_chars("=> "))
}

fn show_progress(bar: &ProgressBar, p: build::Progress<'_>) {
    match p {
        build::Progress::Stage { name, total } => {
            if let Some(style) = stage_style(name) {
                bar.set_style(style);
            }
            bar.set_prefix(name);
            bar.set_length(total);
            bar.set_position(0);
            bar.reset_eta();
        }
        build::Progress::File(path) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            bar.set_message(name);
        }
        build::Progress::Advance(n) => bar.inc(n),
    }
}

fn extract(cli: &Cli, options: &BuildOptions, started: Instant) -> Result<(Lexicon, Built)> {
    let (lexicon, built, bar) = extract_with_bar(cli, options, started)?;
    bar.finish_and_clear();
    Ok((lexicon, built))
}

fn extract_with_bar(
    cli: &Cli,
    options: &BuildOptions,
    started: Instant,
) -> Result<(Lexicon, Built, ProgressBar)> {
    let lexicon = Lexicon::load(&lexicon::source(cli.ontology.as_deref()))
        .context("cannot load the ontology")?;
    let bar = progress_bar(cli.quiet);
    let built = build::build_with(&lexicon, options, |p| show_progress(&bar, p), started);
    Ok((lexicon, built, bar))
}

fn print_diagnostics(report: &BuildReport) {
    for d in &report.diagnostics {
        eprintln!("warning: {d}");
    }
}

/// Validates `--timeout` and `--max-memory` (MiB).
fn query_options(timeout: f64, max_memory: Option<u64>) -> Result<QueryOptions> {
    if !(timeout > 0.0 && timeout.is_finite() && timeout < 1e9) {
        bail!("invalid --timeout \"{timeout}\"; give a positive number of seconds");
    }
    let max_memory = match max_memory {
        Some(0) => bail!("invalid --max-memory 0; give a positive number of MiB"),
        Some(mib) => Some(mib.saturating_mul(1 << 20)),
        None => Some(crate::store::default_max_memory()),
    };
    Ok(QueryOptions {
        timeout: Duration::from_secs_f64(timeout),
        max_memory,
    })
}

fn cmd_build(
    cli: &Cli,
    options: &BuildOptions,
    wait: Wait,
    memory: LoadMemory,
) -> Result<ExitCode> {
    let started = Instant::now();
    let paths = &options.inputs;
    // Taken before any work, so that --no-wait fails at once and a waiting
    // build reads its inputs as they are when its turn comes.
    let lock = if cli.in_memory {
        None
    } else {
        Some(store_lock(cli, wait)?)
    };
    let (lexicon, built, bar) = extract_with_bar(cli, options, started)?;
    bar.suspend(|| print_diagnostics(&built.report));
    if built.report.documents == 0 {
        bar.finish_and_clear();
        bail!(
            "no document could be read from {}; the previous graph is kept",
            show_paths(paths)
        );
    }
    // Each document's quads are made as the loader takes them; the bar
    // counts the documents' bytes whose quads are made.
    show_progress(
        &bar,
        build::Progress::Stage {
            name: "storing",
            total: built.report.bytes,
        },
    );
    let mut tally = build::Tally::default();
    let quads = built
        .quads(&lexicon, |n| bar.inc(n))
        .inspect(|q| tally.see(q));
    let stored = match &lock {
        None => Store::in_memory()?.load(quads, memory),
        Some(lock) => Store::build_locked(lock, quads, memory),
    };
    bar.finish_and_clear();
    stored.with_context(|| format!("cannot build the store in \"{}\"", cli.store.display()))?;
    drop(lock);
    let mut report = built.report;
    tally.report(&mut report);
    report.seconds = started.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    write_summary(&report, &mut out)?;
    Ok(if report.skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("\"{}\"", p.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_summary(r: &BuildReport, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "files read   {}", r.files)?;
    writeln!(out, "documents    {}", r.documents)?;
    writeln!(out, "duplicates   {}", r.duplicates)?;
    let facts: Vec<String> = r.facts.iter().map(|(k, v)| format!("{k} {v}")).collect();
    writeln!(
        out,
        "facts        {}",
        if facts.is_empty() {
            "none".to_owned()
        } else {
            facts.join(", ")
        }
    )?;
    writeln!(out, "footnotes    {}", r.footnotes)?;
    let nodes: Vec<String> = r.nodes.iter().map(|(k, v)| format!("{k} {v}")).collect();
    if !nodes.is_empty() {
        // `facts` counts what each document says; this, what the graph
        // holds once the documents are joined (what the queries list).
        writeln!(out, "graph        {}", nodes.join(", "))?;
    }
    writeln!(out, "triples      {}", r.quads)?;
    writeln!(out, "diagnostics  {}", r.diagnostics.len())?;
    writeln!(
        out,
        "seconds      {:.2} (extraction {:.2}, store {:.2})",
        r.seconds,
        r.extraction_seconds,
        (r.seconds - r.extraction_seconds).max(0.0)
    )?;
    Ok(())
}

/// Opens the store the command should read: on disk, or built in memory
/// from `from`.
fn cli_store(cli: &Cli, from: &[PathBuf]) -> Result<Store> {
    if cli.in_memory {
        if from.is_empty() {
            bail!(
                "--in-memory keeps no graph between runs; pass the documents with --from PATH (repeat for more)"
            );
        }
        let (lexicon, built) = extract(
            cli,
            &BuildOptions {
                inputs: from.to_vec(),
                ..BuildOptions::default()
            },
            Instant::now(),
        )?;
        print_diagnostics(&built.report);
        let store = Store::in_memory()?;
        store.load(built.quads(&lexicon, |_| {}), LoadMemory::default())?;
        return Ok(store);
    }
    Ok(Store::open(&cli.store)?)
}

fn cmd_query(
    cli: &Cli,
    file: Option<&str>,
    expression: Option<&str>,
    format: &str,
    options: QueryOptions,
    from: &[PathBuf],
) -> Result<ExitCode> {
    const QUERY_FORMATS: [&str; 8] = [
        "table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "nquads",
    ];
    let format = Format::parse(format).with_context(|| {
        format!(
            "unknown format \"{format}\"; use table, csv, tsv, json, xml, turtle, ntriples or nquads{}",
            suggest::did_you_mean(format, QUERY_FORMATS)
        )
    })?;
    let (origin, sparql) = match (file, expression) {
        (_, Some(e)) => ("-e".to_owned(), e.to_owned()),
        (Some(f), None) => match BUNDLED.iter().find(|(n, _)| *n == f || format!("{n}.rq") == f) {
            Some((name, text)) if !Path::new(f).exists() => (format!("{name}.rq"), (*text).to_owned()),
            _ => (
                f.to_owned(),
                std::fs::read_to_string(f).with_context(|| {
                    format!(
                        "cannot read \"{f}\"; give a .rq file or a bundled query name (policykg queries){}",
                        suggest::did_you_mean(f.trim_end_matches(".rq"), BUNDLED.iter().map(|(n, _)| *n))
                    )
                })?,
            ),
        },
        (None, None) => bail!("no query given; pass a .rq file, a bundled query name or -e 'SPARQL'"),
    };
    checks::check_sparql(&origin, &sparql)?;
    let store = cli_store(cli, from)?;
    // The engine checks for cancellation only while it reads the store; a
    // query that computes for long without reading (a cross product) is
    // stopped here instead. Stores are opened read-only, so nothing is lost.
    // Likewise memory: the engine is cancelled at --max-memory; one that
    // grows on to half as much again without reading is stopped here.
    let limit = options.timeout + WATCHDOG_GRACE;
    let hard_memory = options.max_memory.map(|m| m.saturating_add(m / 2));
    std::thread::spawn(move || {
        let started = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            if started.elapsed() >= limit {
                eprintln!(
                    "error: query timed out after {:.1} s and could not be cancelled cleanly; narrow it or pass a longer --timeout",
                    limit.as_secs_f64()
                );
                std::process::exit(2);
            }
            if let (Some(hard), Some(rss)) = (hard_memory, crate::store::resident_memory())
                && rss > hard
            {
                eprintln!(
                    "error: query cancelled: it needed more than {} MiB of memory and could not be cancelled cleanly; narrow it or pass a larger --max-memory",
                    hard >> 20
                );
                std::process::exit(2);
            }
        }
    });
    let stdout = std::io::stdout();
    let result = store.query(&sparql, options, |results| {
        let mut out = std::io::BufWriter::new(stdout.lock());
        let n = query::write(results, format, &mut out)?;
        out.flush()?;
        Ok(n)
    });
    match result {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(StoreError::Syntax(message)) => bail!("{origin}: {message}"),
        Err(e) => Err(e.into()),
    }
}

/// Title and description from a query's leading comments.
pub fn describe(text: &str) -> (String, String) {
    let mut title = String::new();
    let mut description = String::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let line = line.trim_start_matches('#').trim();
        if let Some(t) = line.strip_prefix("title:") {
            title = t.trim().to_owned();
        } else if let Some(d) = line.strip_prefix("description:") {
            description = d.trim().to_owned();
        }
    }
    (title, description)
}

fn cmd_queries() -> Result<ExitCode> {
    let rows: Vec<Vec<String>> = BUNDLED
        .iter()
        .map(|(name, text)| {
            let (title, description) = describe(text);
            vec![(*name).to_owned(), title, description]
        })
        .collect();
    let mut out = std::io::stdout().lock();
    for r in &rows {
        writeln!(out, "{:<22} {}\n{:<22} {}", r[0], r[1], "", r[2])?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The formats of `dump`, as its `--help` lists them, with their aliases.
const DUMP_FORMATS: [(&str, &str, RdfFormat); 4] = [
    ("nquads", "nq", RdfFormat::NQuads),
    ("trig", "trig", RdfFormat::TriG),
    ("turtle", "ttl", RdfFormat::Turtle),
    ("ntriples", "nt", RdfFormat::NTriples),
];

fn dump_format_names() -> String {
    let names: Vec<&str> = DUMP_FORMATS.iter().map(|(n, ..)| *n).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(", "),
    }
}

fn cmd_dump(cli: &Cli, format: &str, from: &[PathBuf]) -> Result<ExitCode> {
    let Some((.., format)) = DUMP_FORMATS
        .iter()
        .find(|(name, alias, _)| format == *name || format == *alias)
    else {
        bail!(
            "unknown dump format \"{format}\"; use {}{}",
            dump_format_names(),
            suggest::did_you_mean(format, DUMP_FORMATS.iter().map(|(n, ..)| *n))
        );
    };
    let format = *format;
    let store = cli_store(cli, from)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    store.dump(format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_text(cli: &Cli, file: &Path, sentences: bool, frames: bool) -> Result<ExitCode> {
    let lexicon = Lexicon::load(&lexicon::source(cli.ontology.as_deref()))
        .context("cannot load the ontology")?;
    let doc =
        crate::corpus::read(file, &lexicon.conventions).map_err(|d| anyhow::anyhow!("{d}"))?;
    for w in &doc.warnings {
        eprintln!("warning: {w}");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let m = &doc.metadata;
    writeln!(out, "# type: {}", m.document_type)?;
    writeln!(out, "# title: {}", m.title.as_deref().unwrap_or("-"))?;
    let date = m
        .date
        .as_ref()
        .map_or_else(|| "-".to_owned(), |(d, s)| format!("{} ({s})", d.iso()));
    writeln!(out, "# date: {date}")?;
    let b = &m.date_bounds;
    for (label, bound) in [("not before", &b.not_before), ("not after", &b.not_after)] {
        if let Some(r) = bound {
            writeln!(
                out,
                "# {label}: {} (\"{}\", line {})",
                r.date.iso(),
                r.written,
                doc.text.line_at(r.start)
            )?;
        }
    }
    writeln!(
        out,
        "# reference: {}",
        m.reference.as_deref().unwrap_or("-")
    )?;
    if let Some(k) = &m.kamerstuk {
        writeln!(out, "# kamerstuk: {} {}", k.dossier, k.number)?;
    }
    for (label, value) in [
        ("vergaderjaar", &m.vergaderjaar),
        ("aanhangsel", &m.aanhangsel),
        ("document number", &m.document_number),
        ("case number", &m.case_number),
    ] {
        if let Some(v) = value {
            writeln!(out, "# {label}: {v}")?;
        }
    }
    for (role, date, line) in &m.dates {
        writeln!(out, "# {}: {} (line {line})", role.name(), date.iso())?;
    }
    if m.title_derived {
        writeln!(out, "# title derived: yes")?;
    }
    if !m.asked_by.is_empty() {
        writeln!(out, "# asked by: {}", m.asked_by.join("; "))?;
    }
    if !m.answered_by.is_empty() {
        writeln!(out, "# answered by: {}", m.answered_by.join("; "))?;
    }
    if m.qa_pairs > 0 {
        writeln!(out, "# questions answered: {}", m.qa_pairs)?;
    }
    writeln!(out, "# creators: {}", m.creators.join("; "))?;
    for s in &m.signatories {
        writeln!(
            out,
            "# signatory: {} ({})",
            s.name,
            s.role.as_deref().unwrap_or("-")
        )?;
    }
    let text = &doc.text.text;
    if frames {
        crate::build::with_input(&doc, &lexicon, |input| -> Result<()> {
            writeln!(out, "# language: {}", input.analysis.lang.code())?;
            for (i, s) in input.analysis.sentences.iter().enumerate() {
                writeln!(
                    out,
                    "{:>5} {}",
                    doc.text.line_at(s.start),
                    &text[s.start..s.end]
                )?;
                for e in input.events.iter().filter(|e| e.sentence == i) {
                    writeln!(
                        out,
                        "      > {}",
                        crate::analysis::events::describe(e, input)
                    )?;
                }
            }
            Ok(())
        })?;
    } else if sentences {
        let seg = crate::text::segment(&doc.text, &lexicon.conventions);
        for s in &seg.sentences {
            let tag = match (s.heading, s.footnote) {
                (true, _) => "H ".to_owned(),
                (_, Some(n)) => format!("^{n} "),
                _ => String::new(),
            };
            writeln!(
                out,
                "{:>5} {tag}{}",
                doc.text.line_at(s.start),
                &text[s.start..s.end]
            )?;
        }
    } else {
        for b in &doc.text.blocks {
            let tag = match b.kind {
                crate::corpus::BlockKind::Paragraph => String::new(),
                crate::corpus::BlockKind::ListItem => "- ".to_owned(),
                crate::corpus::BlockKind::Footnote(n) => format!("^{n} "),
            };
            writeln!(
                out,
                "{:>5} {tag}{}",
                doc.text.line_at(b.start),
                &text[b.start..b.end]
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
