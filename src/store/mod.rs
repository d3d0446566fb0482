//! The Oxigraph store: opening, building atomically, querying with a
//! timeout over the union of all named graphs, and dumping.
//!
//! On disk a store directory holds numbered RocksDB stores and a `CURRENT`
//! file naming the live one. A build writes a fresh store beside the live
//! one and swaps `CURRENT` (an atomic rename) only when the load committed:
//! a build killed half-way leaves the previous store queryable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};

const CURRENT: &str = "CURRENT";

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no graph in \"{path}\"; run `policykg build PATH…` first")]
    NotBuilt { path: PathBuf },
    #[error("cannot use store \"{path}\": {message}")]
    Io { path: PathBuf, message: String },
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("query syntax error: {0}")]
    Syntax(String),
    #[error("query failed: {0}")]
    Evaluation(String),
    #[error("query timed out after {0:?}; narrow it or pass a longer --timeout")]
    Timeout(Duration),
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// An open store.
pub struct Store {
    inner: oxigraph::store::Store,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

/// Options of one query.
#[derive(Clone, Copy, Debug)]
pub struct QueryOptions {
    pub timeout: Duration,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
        }
    }
}

fn live_dir(dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    let current = dir.join(CURRENT);
    match std::fs::read_to_string(&current) {
        Ok(name) => {
            let name = name.trim();
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                return Err(io_error(&current, "CURRENT names no store; rebuild"));
            }
            Ok(Some(dir.join(name)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&current, e)),
    }
}

impl Store {
    /// An empty in-memory store.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self {
            inner: oxigraph::store::Store::new()?,
        })
    }

    /// Opens the live store under `dir` for reading.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let live = live_dir(dir)?.ok_or_else(|| StoreError::NotBuilt {
            path: dir.to_owned(),
        })?;
        let inner =
            oxigraph::store::Store::open_read_only(&live).map_err(|e| io_error(&live, e))?;
        Ok(Self { inner })
    }

    /// Loads quads into this (in-memory) store.
    pub fn load(&self, quads: Vec<Quad>) -> Result<(), StoreError> {
        let mut loader = self.inner.bulk_loader();
        loader.load_quads(quads)?;
        loader.commit()?;
        Ok(())
    }

    /// Builds a new store under `dir` from `quads` and makes it the live
    /// one only once it is complete. Older stores are removed afterwards.
    pub fn build(dir: &Path, quads: Vec<Quad>) -> Result<(), StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        let live = live_dir(dir)?;
        // Leftovers of interrupted builds.
        remove_stale(dir, live.as_deref());
        let next = (1..)
            .map(|n| dir.join(format!("store-{n}")))
            .find(|p| !p.exists())
            .ok_or_else(|| io_error(dir, "no free store name"))?;
        {
            let store = oxigraph::store::Store::open(&next).map_err(|e| io_error(&next, e))?;
            let mut loader = store.bulk_loader();
            loader.load_quads(quads)?;
            loader.commit()?;
            store.flush()?;
        }
        let tmp = dir.join("CURRENT.tmp");
        let name = next
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        {
            let mut f = std::fs::File::create(&tmp).map_err(|e| io_error(&tmp, e))?;
            f.write_all(name.as_bytes())
                .map_err(|e| io_error(&tmp, e))?;
            f.sync_all().map_err(|e| io_error(&tmp, e))?;
        }
        std::fs::rename(&tmp, dir.join(CURRENT)).map_err(|e| io_error(dir, e))?;
        remove_stale(dir, Some(&next));
        Ok(())
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.inner.len()?)
    }

    /// True when the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.inner.is_empty()?)
    }

    /// Runs a SPARQL query with the default graph as the union of all
    /// graphs, cancelled after `options.timeout`. `consume` receives the
    /// results while the timer runs.
    pub fn query<T>(
        &self,
        sparql: &str,
        options: QueryOptions,
        consume: impl FnOnce(QueryResults<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let token = CancellationToken::new();
        // SERVICE calls go over HTTP(S), bounded by the same timeout.
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .with_http_timeout(options.timeout)
            .with_http_redirection_limit(3)
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(syntax_message(&e.to_string())))?;
        prepared.dataset_mut().set_default_graph_as_union();
        let (done, wait) = mpsc::channel::<()>();
        let timeout = options.timeout;
        let timer_token = token.clone();
        let timer = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                timer_token.cancel();
            }
        });
        let result = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| evaluation_error(e, timeout))
            .and_then(consume);
        drop(done);
        let _ = timer.join();
        result.map_err(|e| match e {
            StoreError::Evaluation(m) if m.contains("cancel") => StoreError::Timeout(timeout),
            other => other,
        })
    }

    /// Writes every quad in `format` (a dataset format: N-Quads or TriG; a
    /// graph format gets the union of all graphs).
    pub fn dump(&self, format: RdfFormat, out: impl Write) -> Result<(), StoreError> {
        let mut quads: Vec<Quad> = self.inner.iter().collect::<Result<_, _>>()?;
        if !format.supports_datasets() {
            for q in &mut quads {
                q.graph_name = oxigraph::model::GraphName::DefaultGraph;
            }
        }
        quads.sort_by_cached_key(|q| format!("{} {}", q.graph_name, q));
        quads.dedup();
        let mut serializer = RdfSerializer::from_format(format);
        for (prefix, iri) in crate::query::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| StoreError::Evaluation(e.to_string()))?;
        }
        let mut writer = serializer.for_writer(out);
        for q in &quads {
            writer.serialize_quad(q)?;
        }
        writer.finish()?;
        Ok(())
    }
}

/// Maps an evaluation error, recognising cancellation.
pub fn evaluation_error(
    e: oxigraph::sparql::QueryEvaluationError,
    timeout: Duration,
) -> StoreError {
    if matches!(e, oxigraph::sparql::QueryEvaluationError::Cancelled) {
        StoreError::Timeout(timeout)
    } else {
        StoreError::Evaluation(e.to_string())
    }
}

fn remove_stale(dir: &Path, keep: Option<&Path>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_store = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("store-"));
        if is_store && Some(path.as_path()) != keep {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Rewrites the parser's "error at 2:16: expected …" as "line 2, column
/// 16: expected …".
fn syntax_message(message: &str) -> String {
    let position = message.strip_prefix("error at ").and_then(|rest| {
        let (position, detail) = rest.split_once(": ")?;
        let (line, column) = position.split_once(':')?;
        let line: usize = line.trim().parse().ok()?;
        let column: usize = column.trim().parse().ok()?;
        Some(format!("line {line}, column {column}: {detail}"))
    });
    position.unwrap_or_else(|| message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let store = Store::in_memory().unwrap();
        let err = store
            .query(
                "SELECT ?x\nWHERE { ?x ?y }",
                QueryOptions::default(),
                |_| Ok(()),
            )
            .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("line 2, column"), "{message}");
        assert_eq!(syntax_message("no position here"), "no position here");
    }
    use oxigraph::model::{GraphName, Literal, NamedNode};

    fn quad(o: &str) -> Quad {
        let n = NamedNode::new_unchecked("https://example.org/s");
        Quad::new(
            n.clone(),
            n.clone(),
            Literal::new_simple_literal(o),
            GraphName::NamedNode(n),
        )
    }

    #[test]
    fn a_rebuild_replaces_the_live_store_and_queries_see_the_union() {
        let dir = tempfile::tempdir().unwrap();
        Store::build(dir.path(), vec![quad("a")]).unwrap();
        Store::build(dir.path(), vec![quad("b"), quad("c")]).unwrap();
        let store = Store::open(dir.path()).unwrap();
        let n = store
            .query(
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                QueryOptions::default(),
                |r| match r {
                    QueryResults::Solutions(mut s) => Ok(s
                        .next()
                        .and_then(|r| r.ok())
                        .and_then(|r| r.get("n").cloned())),
                    _ => Ok(None),
                },
            )
            .unwrap();
        assert_eq!(
            n.map(|t| t.to_string()),
            Some("\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>".into())
        );
        let stores = std::fs::read_dir(dir.path()).unwrap().filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("store-"))
        });
        assert_eq!(stores.count(), 1);
    }

    #[test]
    fn an_unfinished_build_leaves_the_previous_store_live() {
        let dir = tempfile::tempdir().unwrap();
        Store::build(dir.path(), vec![quad("a")]).unwrap();
        // A build killed before the swap leaves a half-written store behind.
        std::fs::create_dir_all(dir.path().join("store-9")).unwrap();
        std::fs::write(dir.path().join("store-9").join("garbage"), b"x").unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn a_missing_store_says_how_to_build_one() {
        let dir = tempfile::tempdir().unwrap();
        let err = Store::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("run `policykg build"), "{err}");
    }
}
