//! Every option checked before any work: the global options a command
//! would ignore are refused, the `--ontology` directory and the input
//! paths must exist, a query must parse (and must not be an update), and
//! clap's own errors are one line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use oxigraph::sparql::SparqlEvaluator;

use super::{Cli, Command, show_paths};
use crate::lexicon;
use crate::store::{QueryOptions, Store, StoreError};

/// A number of steps: 1 or more.
pub(super) fn steps(text: &str) -> std::result::Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("give a whole number of steps, 1 or more".to_owned()),
    }
}

/// Prints a clap error in one line (help and version as they are).
pub(super) fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
    }
    let mut line = String::new();
    for part in e.render().to_string().lines().map(str::trim) {
        if part.is_empty() {
            continue;
        }
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    eprintln!("{line}");
    ExitCode::from(2)
}

/// What a command does with the graph, for [`check_options`].
enum GraphUse<'a> {
    /// `build`: writes the store, or keeps the graph in memory.
    Build {
        paths: &'a [PathBuf],
        keep_going: bool,
    },
    /// Reads the store, or builds the graph in memory from `--from`.
    Read { from: &'a [PathBuf] },
    /// Builds a graph and writes it to files, never to a store.
    Extract {
        paths: &'a [PathBuf],
        keep_going: bool,
    },
    /// Writes the store from files, without the ontology.
    Load,
    /// No graph at all.
    Nothing,
}

/// The command's name, how it uses the graph, and whether it reads the
/// ontology on its own (not only to build a graph in memory).
fn graph_use(command: &Command) -> (&'static str, GraphUse<'_>, bool) {
    match command {
        Command::Build {
            paths, keep_going, ..
        } => (
            "build",
            GraphUse::Build {
                paths,
                keep_going: *keep_going,
            },
            true,
        ),
        Command::Extract {
            paths, keep_going, ..
        } => (
            "extract",
            GraphUse::Extract {
                paths,
                keep_going: *keep_going,
            },
            true,
        ),
        Command::Load { .. } => ("load", GraphUse::Load, false),
        Command::Query { from, .. } => ("query", GraphUse::Read { from }, false),
        Command::Dump { from, .. } => ("dump", GraphUse::Read { from }, false),
        Command::Explain { from, .. } => ("explain", GraphUse::Read { from }, false),
        // Kinds and label languages are checked against the ontology.
        Command::Export { from, .. } => ("export", GraphUse::Read { from }, true),
        Command::Link {
            import: Some(_), ..
        } => ("link --import", GraphUse::Nothing, true),
        Command::Link { from, .. } => ("link", GraphUse::Read { from }, false),
        Command::Text { .. } => ("text", GraphUse::Nothing, true),
        Command::Queries => ("queries", GraphUse::Nothing, false),
    }
}

/// Refuses, before any work, the global options the command would
/// ignore, a `--ontology` directory that is not one, and input paths
/// that do not exist.
pub(super) fn check_options(cli: &Cli, store_given: bool) -> Result<()> {
    let (name, graph, reads_ontology) = graph_use(&cli.command);
    let store = cli.store.display();
    let ontology_ignored = cli.ontology.is_some() && !reads_ontology;
    match graph {
        GraphUse::Build { paths, keep_going } => {
            if cli.in_memory && store_given {
                bail!(
                    "--store and --in-memory exclude each other: --in-memory keeps the graph in memory only"
                );
            }
            if !keep_going {
                check_inputs(paths)?;
            }
        }
        GraphUse::Read { from } if cli.in_memory => {
            if store_given {
                bail!(
                    "--store and --in-memory exclude each other: --in-memory builds the graph from --from in memory"
                );
            }
            if from.is_empty() {
                bail!(
                    "--in-memory keeps no graph between runs; pass the documents with --from PATH (repeat for more)"
                );
            }
            check_inputs(from)?;
        }
        GraphUse::Read { from } => {
            if !from.is_empty() {
                bail!(
                    "--from builds a graph in memory and needs --in-memory; without it `{name}` reads the store in \"{store}\""
                );
            }
            if ontology_ignored {
                bail!(
                    "--ontology is read when a graph is built; `{name}` reads the store in \"{store}\", which keeps the ontology it was built with (build again with --ontology, or add --in-memory --from PATH)"
                );
            }
        }
        GraphUse::Extract { paths, keep_going } => {
            if cli.in_memory {
                bail!("--in-memory has no effect on `{name}`, which writes files, not a store");
            }
            if store_given {
                bail!(
                    "--store has no effect on `{name}`, which writes files (load them with `policykg load DIR`)"
                );
            }
            if !keep_going {
                check_inputs(paths)?;
            }
        }
        GraphUse::Load => {
            if cli.in_memory {
                bail!(
                    "--in-memory has no effect on `load`, which writes the store (query the files with --in-memory … --from is for documents)"
                );
            }
            if cli.ontology.is_some() {
                bail!(
                    "--ontology has no effect on `load`: the files hold the ontology they were extracted with"
                );
            }
        }
        GraphUse::Nothing => {
            if cli.in_memory {
                bail!("--in-memory has no effect on `{name}`, which uses no graph");
            }
            if store_given {
                bail!("--store has no effect on `{name}`, which uses no store");
            }
            if ontology_ignored {
                bail!("--ontology has no effect on `{name}`");
            }
        }
    }
    lexicon::source(cli.ontology.as_deref())
        .check()
        .context("--ontology")?;
    Ok(())
}

/// Every input path must exist: a mistyped one would otherwise be left
/// out of the graph that replaces the store.
fn check_inputs(paths: &[PathBuf]) -> Result<()> {
    let missing: Vec<PathBuf> = paths
        .iter()
        .filter(|p| std::fs::metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound))
        .cloned()
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let hint = if missing.len() < paths.len() {
        " (nothing was built; --keep-going builds from the other paths)"
    } else {
        ""
    };
    bail!("no such file or directory: {}{hint}", show_paths(&missing))
}

/// Refuses an update and reports a syntax error before any store is
/// opened or built. `origin` names the query (a file, `-e`).
pub(super) fn check_sparql(origin: &str, sparql: &str) -> Result<()> {
    if SparqlEvaluator::new().parse_query(sparql).is_ok() {
        return Ok(());
    }
    if SparqlEvaluator::new().parse_update(sparql).is_ok() {
        bail!(
            "the store is read-only; policykg changes the graph only through build (an update query cannot run here: {origin})"
        );
    }
    // The store words the syntax error with its line and column. The text
    // does not parse, so the empty store never evaluates it.
    match Store::in_memory()?.query(sparql, QueryOptions::default(), |_| Ok(())) {
        Err(StoreError::Syntax(message)) => bail!("{origin}: {message}"),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(()),
    }
}
