//! `policykg extract PATH… --out DIR` and `policykg load DIR`: extraction
//! split from storing. `extract` writes each named graph of the build (one
//! per document, plus the ontology's and the links') as its own N-Quads
//! file; `load` bulk-loads a directory of such files into the store, as
//! `build` would have stored them. Any batch runner can share extraction
//! out over machines, and any bulk loader (`oxigraph load`, Jena's
//! `tdb2.xloader`, QLever's index builder) can take the files instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, Quad};

use crate::build::BuildOptions;
use crate::store::{LoadMemory, Store, StoreError, Wait};

/// The file a graph is written to: its IRI's last segment
/// (`id/graph/000-54a6…` → `000-54a6….nq`), `default.nq` for the default
/// graph.
fn file_name(graph: &GraphName) -> String {
    match graph {
        GraphName::NamedNode(n) => {
            let last = n.as_str().rsplit('/').next().unwrap_or_default();
            let safe: String = last
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if safe.is_empty() || safe.starts_with('.') {
                format!("graph-{safe}.nq")
            } else {
                format!("{safe}.nq")
            }
        }
        _ => "default.nq".to_owned(),
    }
}

/// Writes `quads` into `out`, one sorted N-Quads file per graph. `out` must
/// not exist or be empty, so that `load` never takes in files of another
/// run. Returns (files, quads) written.
pub fn write(quads: impl IntoIterator<Item = Quad>, out: &Path) -> Result<(usize, usize)> {
    if out.exists() {
        let mut entries =
            std::fs::read_dir(out).with_context(|| format!("cannot read \"{}\"", out.display()))?;
        if entries.next().is_some() {
            bail!(
                "\"{}\" is not empty; give a new directory, so that `load` reads this extraction only",
                out.display()
            );
        }
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create \"{}\"", out.display()))?;
    // The quads come graph by graph (the ontology's, then each document's),
    // so only one graph is held at a time.
    let mut written: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut total = 0;
    let mut current: Option<(String, Vec<Quad>)> = None;
    for q in quads {
        let name = file_name(&q.graph_name);
        match &mut current {
            Some((open, graph)) if *open == name => graph.push(q),
            _ => {
                if let Some((done, graph)) = current.take() {
                    total += write_graph(out, &done, graph, &mut written)?;
                }
                current = Some((name, vec![q]));
            }
        }
    }
    if let Some((done, graph)) = current {
        total += write_graph(out, &done, graph, &mut written)?;
    }
    Ok((written.len(), total))
}

/// Writes one graph's quads, sorted and without repeats, into `out/name`;
/// returns how many.
fn write_graph(
    out: &Path,
    name: &str,
    mut quads: Vec<Quad>,
    written: &mut std::collections::BTreeSet<String>,
) -> Result<usize> {
    if !written.insert(name.to_owned()) {
        bail!("two graphs would both be written to \"{name}\"; nothing more was written");
    }
    quads.sort_by_cached_key(ToString::to_string);
    quads.dedup();
    let path = out.join(name);
    let file = std::fs::File::create(&path)
        .with_context(|| format!("cannot write \"{}\"", path.display()))?;
    let mut w =
        RdfSerializer::from_format(RdfFormat::NQuads).for_writer(std::io::BufWriter::new(file));
    for q in &quads {
        w.serialize_quad(q)
            .with_context(|| format!("cannot write \"{}\"", path.display()))?;
    }
    w.finish()
        .and_then(|mut b| b.flush())
        .with_context(|| format!("cannot write \"{}\"", path.display()))?;
    Ok(quads.len())
}

/// The `.nq` files of `dir`, sorted by name.
fn shard_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read \"{}\"", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "nq"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!(
            "no .nq file in \"{}\"; make one with `policykg extract PATH… --out DIR`",
            dir.display()
        );
    }
    Ok(files)
}

/// Checks every `.nq` file of `dir` and counts its quads, holding none:
/// a syntax error names the file and the position, and nothing is stored.
pub fn check(dir: &Path) -> Result<(Vec<PathBuf>, usize)> {
    let files = shard_files(dir)?;
    let mut n = 0;
    for q in ShardReader::new(&files) {
        q?;
        n += 1;
    }
    Ok((files, n))
}

/// One file's quads as the parser gives them.
type FileQuads = Box<dyn Iterator<Item = Result<Quad, oxigraph::io::RdfParseError>>>;

/// The quads of a list of N-Quads files, one file after another.
struct ShardReader<'a> {
    files: std::slice::Iter<'a, PathBuf>,
    current: Option<(PathBuf, FileQuads)>,
}

impl<'a> ShardReader<'a> {
    fn new(files: &'a [PathBuf]) -> Self {
        Self {
            files: files.iter(),
            current: None,
        }
    }
}

impl Iterator for ShardReader<'_> {
    type Item = Result<Quad, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((path, quads)) = &mut self.current {
                match quads.next() {
                    Some(Ok(q)) => return Some(Ok(q)),
                    Some(Err(e)) => {
                        return Some(Err(StoreError::Input {
                            path: path.clone(),
                            message: e.to_string(),
                        }));
                    }
                    None => self.current = None,
                }
            }
            let path = self.files.next()?;
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => {
                    return Some(Err(StoreError::Input {
                        path: path.clone(),
                        message: format!("cannot read: {e}"),
                    }));
                }
            };
            let quads =
                RdfParser::from_format(RdfFormat::NQuads).for_reader(std::io::BufReader::new(file));
            self.current = Some((path.clone(), Box::new(quads)));
        }
    }
}

/// `policykg extract PATH… --out DIR`.
pub(super) fn cmd_extract(
    cli: &super::Cli,
    options: &BuildOptions,
    out: &Path,
) -> Result<ExitCode> {
    let started = Instant::now();
    let (lexicon, built) = super::extract(cli, options, started)?;
    super::print_diagnostics(&built.report);
    if built.report.documents == 0 {
        bail!(
            "no document could be read from {}; nothing was written",
            super::show_paths(&options.inputs)
        );
    }
    let (files, quads) = write(built.quads(&lexicon, |_| {}), out)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "documents    {}", built.report.documents)?;
    writeln!(
        stdout,
        "files        {files} (one per named graph, in \"{}\")",
        out.display()
    )?;
    writeln!(stdout, "quads        {quads}")?;
    writeln!(
        stdout,
        "seconds      {:.2}",
        started.elapsed().as_secs_f64()
    )?;
    Ok(if built.report.skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `policykg load DIR`: the store is replaced only once the new one is
/// complete, as with `build`.
pub(super) fn cmd_load(
    cli: &super::Cli,
    dir: &Path,
    wait: Wait,
    memory: LoadMemory,
) -> Result<ExitCode> {
    let started = Instant::now();
    // Every file is checked before the store is touched; then read again
    // and streamed to the bulk loader, so that no more than a loader batch
    // of quads is held at once.
    let (paths, n) = check(dir)?;
    let files = paths.len();
    let lock = super::store_lock(cli, wait)?;
    // A file that changed between the check and the load ends the build;
    // the previous store stays live.
    Store::build_locked_from(&lock, ShardReader::new(&paths), memory)
        .with_context(|| format!("cannot build the store in \"{}\"", cli.store.display()))?;
    drop(lock);
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "files        {files}")?;
    writeln!(stdout, "quads        {n}")?;
    writeln!(
        stdout,
        "seconds      {:.2}",
        started.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}
