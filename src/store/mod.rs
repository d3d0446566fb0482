//! The Oxigraph store: opening, building atomically, querying with a
//! timeout over the union of all named graphs, and dumping.
//!
//! On disk a store directory holds numbered RocksDB stores and a `CURRENT`
//! file naming the live one. A build writes a fresh store beside the live
//! one and swaps `CURRENT` (an atomic rename) only when the load committed:
//! a build killed half-way leaves the previous store queryable.
//!
//! Builds into one directory are serialised by a lock file (`DIR/LOCK`,
//! an OS file lock held for the whole build, naming its holder); only the
//! holder writes stores, `CURRENT` and removes leftovers. Readers never take
//! the lock: they open whatever `CURRENT` names.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};

const CURRENT: &str = "CURRENT";
const LOCK: &str = "LOCK";
/// How often a running query's memory is looked at.
const MEMORY_POLL: Duration = Duration::from_millis(20);

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no graph in \"{path}\"; run `policykg build PATH…` first")]
    NotBuilt { path: PathBuf },
    #[error("cannot use store \"{path}\": {message}")]
    Io { path: PathBuf, message: String },
    /// A file whose quads are being loaded could not be read or parsed.
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("query syntax error: {0}")]
    Syntax(String),
    #[error("query failed: {0}")]
    Evaluation(String),
    #[error("query timed out after {0:?}; narrow it or pass a longer --timeout")]
    Timeout(Duration),
    #[error(
        "query cancelled: it needed more than {limit_mib} MiB of memory; narrow it (LIMIT, fewer unbound patterns) or pass a larger --max-memory"
    )]
    Memory { limit_mib: u64 },
    #[error(
        "the store \"{path}\" is being built by {holder}; wait for that build to finish, or run without --no-wait to wait for it"
    )]
    Locked { path: PathBuf, holder: String },
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
    /// Cancel the query when the process's resident memory passes this
    /// many bytes; `None` for no bound.
    pub max_memory: Option<u64>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
            max_memory: Some(default_max_memory()),
        }
    }
}

/// The default memory bound of a query: half of the machine's memory (or
/// of the cgroup's limit, when that is lower), 1 GiB when neither can be
/// read.
pub fn default_max_memory() -> u64 {
    let total = meminfo_total().unwrap_or(2 << 30);
    let total = cgroup_limit().map_or(total, |c| c.min(total));
    total / 2
}

fn meminfo_total() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn cgroup_limit() -> Option<u64> {
    let text = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok()?;
    text.trim().parse().ok()
}

/// The resident memory of this process in bytes (Linux; `None` elsewhere).
pub fn resident_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The memory the bulk loader may use for the quads it has taken and not
/// yet written, in MiB (RocksDB's own caches come on top).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadMemory(pub usize);

impl LoadMemory {
    /// What a build uses unless told otherwise: fits a laptop.
    pub const DEFAULT_MIB: usize = 768;

    fn apply<'a>(self, loader: oxigraph::store::BulkLoader<'a>) -> oxigraph::store::BulkLoader<'a> {
        loader.with_max_memory_size_in_megabytes(self.0.max(1))
    }
}

impl Default for LoadMemory {
    fn default() -> Self {
        Self(Self::DEFAULT_MIB)
    }
}

/// Whether a build waits for another build of the same store to finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// Wait; `on_wait` is told who holds the lock.
    Yes,
    /// Fail at once with [`StoreError::Locked`].
    No,
}

/// The exclusive right to build into a store directory, held until dropped.
/// The lock is the operating system's (`flock`), so a killed build releases
/// it; the file's text only names the holder for the message others see.
#[derive(Debug)]
pub struct BuildLock {
    dir: PathBuf,
    _file: std::fs::File,
}

impl BuildLock {
    /// Takes the lock of `dir` (created if missing). With [`Wait::Yes`]
    /// `on_wait` is called once with the holder's description before
    /// blocking.
    pub fn acquire(dir: &Path, wait: Wait, on_wait: impl FnOnce(&str)) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        let path = dir.join(LOCK);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| io_error(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = holder_of(&path);
                match wait {
                    Wait::No => {
                        return Err(StoreError::Locked {
                            path: dir.to_owned(),
                            holder,
                        });
                    }
                    Wait::Yes => {
                        on_wait(&holder);
                        file.lock().map_err(|e| io_error(&path, e))?;
                    }
                }
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_error(&path, e)),
        }
        use std::io::Seek;
        file.set_len(0).map_err(|e| io_error(&path, e))?;
        file.seek(std::io::SeekFrom::Start(0))
            .map_err(|e| io_error(&path, e))?;
        writeln!(file, "process {}", std::process::id()).map_err(|e| io_error(&path, e))?;
        file.flush().map_err(|e| io_error(&path, e))?;
        Ok(Self {
            dir: dir.to_owned(),
            _file: file,
        })
    }

    /// The store directory this lock guards.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn holder_of(lock: &Path) -> String {
    let text = std::fs::read_to_string(lock).unwrap_or_default();
    let text = text.trim();
    if text.is_empty() {
        "another build".to_owned()
    } else {
        format!("another build ({text})")
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

    /// Opens the live store under `dir` for reading. A build that swaps
    /// in a new store while this opens the old one is met by opening again
    /// what `CURRENT` names now.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let mut attempts = 0;
        loop {
            let live = live_dir(dir)?.ok_or_else(|| StoreError::NotBuilt {
                path: dir.to_owned(),
            })?;
            match oxigraph::store::Store::open_read_only(&live) {
                Ok(inner) => return Ok(Self { inner }),
                Err(e) => {
                    attempts += 1;
                    let moved = live_dir(dir)?.is_some_and(|now| now != live);
                    if !moved || attempts >= 3 {
                        return Err(io_error(&live, e));
                    }
                }
            }
        }
    }

    /// Loads quads into this (in-memory) store.
    pub fn load(
        &self,
        quads: impl IntoIterator<Item = Quad>,
        memory: LoadMemory,
    ) -> Result<(), StoreError> {
        let mut loader = memory.apply(self.inner.bulk_loader());
        loader.load_quads(quads)?;
        loader.commit()?;
        Ok(())
    }

    /// Builds a new store under `dir` from `quads` and makes it the live
    /// one only once it is complete, waiting for any other build of the
    /// same directory to finish first.
    pub fn build(dir: &Path, quads: impl IntoIterator<Item = Quad>) -> Result<(), StoreError> {
        let lock = BuildLock::acquire(dir, Wait::Yes, |_| {})?;
        Self::build_locked(&lock, quads, LoadMemory::default())
    }

    /// [`Store::build`] under a lock already held, taking the quads as the
    /// iterator makes them: the loader holds at most a batch of them, sized
    /// by `memory`. Older stores are removed afterwards.
    pub fn build_locked(
        lock: &BuildLock,
        quads: impl IntoIterator<Item = Quad>,
        memory: LoadMemory,
    ) -> Result<(), StoreError> {
        Self::build_locked_from(lock, quads.into_iter().map(Ok), memory)
    }

    /// [`Store::build_locked`] from quads that may fail to come (a file
    /// read as it is loaded): the first error ends the build, and the
    /// previous store stays live.
    pub fn build_locked_from(
        lock: &BuildLock,
        quads: impl IntoIterator<Item = Result<Quad, StoreError>>,
        memory: LoadMemory,
    ) -> Result<(), StoreError> {
        let dir = lock.dir();
        let live = live_dir(dir)?;
        // Leftovers of interrupted builds.
        remove_stale(dir, live.as_deref());
        let next = (1..)
            .map(|n| dir.join(format!("store-{n}")))
            .find(|p| !p.exists())
            .ok_or_else(|| io_error(dir, "no free store name"))?;
        {
            let store = oxigraph::store::Store::open(&next).map_err(|e| io_error(&next, e))?;
            let mut loader = memory.apply(store.bulk_loader());
            loader.load_ok_quads::<StoreError, StoreError>(quads)?;
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
        let max_memory = options.max_memory;
        let timer_token = token.clone();
        // The watcher cancels the query at its deadline, or as soon as the
        // process's resident memory passes the bound; it says which.
        let timer = std::thread::spawn(move || {
            let deadline = std::time::Instant::now() + timeout;
            loop {
                let now = std::time::Instant::now();
                if now >= deadline {
                    timer_token.cancel();
                    return Cancelled::Timeout;
                }
                let step = if max_memory.is_some() {
                    MEMORY_POLL.min(deadline - now)
                } else {
                    deadline - now
                };
                match wait.recv_timeout(step) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    _ => return Cancelled::No,
                }
                if let (Some(limit), Some(rss)) = (max_memory, resident_memory())
                    && rss > limit
                {
                    timer_token.cancel();
                    return Cancelled::Memory;
                }
            }
        });
        let result = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| evaluation_error(e, timeout))
            .and_then(consume);
        drop(done);
        let cancelled = timer.join().unwrap_or(Cancelled::No);
        let memory = StoreError::Memory {
            limit_mib: max_memory.unwrap_or(0) >> 20,
        };
        result.map_err(|e| match (e, cancelled) {
            (StoreError::Timeout(_), Cancelled::Memory) => memory,
            (StoreError::Evaluation(m), Cancelled::Memory) if m.contains("cancel") => memory,
            (StoreError::Evaluation(m), _) if m.contains("cancel") => StoreError::Timeout(timeout),
            (other, _) => other,
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
        for (prefix, iri) in crate::query::serializer_prefixes() {
            serializer = serializer
                .with_prefix(prefix, iri)
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

/// Why the watcher of a query stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cancelled {
    No,
    Timeout,
    Memory,
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
    fn quads_that_fail_to_come_half_way_leave_the_previous_store_live() {
        let dir = tempfile::tempdir().unwrap();
        Store::build(dir.path(), vec![quad("a")]).unwrap();
        let lock = BuildLock::acquire(dir.path(), Wait::No, |_| {}).unwrap();
        let quads = vec![
            Ok(quad("b")),
            Ok(quad("c")),
            Err(StoreError::Input {
                path: PathBuf::from("shard.nq"),
                message: "line 3: broken".to_owned(),
            }),
            Ok(quad("d")),
        ];
        let e = Store::build_locked_from(&lock, quads, LoadMemory::default()).unwrap_err();
        assert_eq!(e.to_string(), "shard.nq: line 3: broken");
        drop(lock);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 1, "the previous graph is live");
    }

    #[test]
    fn a_second_build_of_the_same_store_is_refused_with_no_wait_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = BuildLock::acquire(dir.path(), Wait::No, |_| {}).unwrap();
        let err = BuildLock::acquire(dir.path(), Wait::No, |_| {}).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("is being built by"), "{message}");
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{message}"
        );
        drop(held);
        assert!(BuildLock::acquire(dir.path(), Wait::No, |_| {}).is_ok());
    }

    #[test]
    fn a_waiting_build_is_told_who_holds_the_lock_and_runs_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let held = BuildLock::acquire(dir.path(), Wait::No, |_| {}).unwrap();
        let path = dir.path().to_owned();
        let (told, heard) = mpsc::channel();
        let waiter = std::thread::spawn(move || {
            let lock = BuildLock::acquire(&path, Wait::Yes, |holder| {
                let _ = told.send(holder.to_owned());
            })
            .unwrap();
            Store::build_locked(&lock, vec![quad("late")], LoadMemory::default()).unwrap();
        });
        let holder = heard.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(holder.contains("process"), "{holder}");
        Store::build_locked(&held, vec![quad("first")], LoadMemory::default()).unwrap();
        drop(held);
        waiter.join().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn a_query_that_passes_its_memory_bound_is_cancelled_with_a_one_line_error() {
        let store = Store::in_memory().unwrap();
        store
            .load(
                (0..3000).map(|i| quad(&format!("o{i}"))),
                LoadMemory::default(),
            )
            .unwrap();
        let options = QueryOptions {
            timeout: Duration::from_secs(120),
            // Below what the process already holds: the first look cancels.
            max_memory: Some(1 << 20),
        };
        let err = store
            .query(
                "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?b ?d",
                options,
                |r| match r {
                    QueryResults::Solutions(s) => {
                        for row in s {
                            row.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                        }
                        Ok(())
                    }
                    _ => Ok(()),
                },
            )
            .unwrap_err();
        assert!(matches!(err, StoreError::Memory { .. }), "{err}");
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn a_missing_store_says_how_to_build_one() {
        let dir = tempfile::tempdir().unwrap();
        let err = Store::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("run `policykg build"), "{err}");
    }
}
