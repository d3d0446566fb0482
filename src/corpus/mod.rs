//! Reading and repairing documents: finding files, decoding, normalising
//! export damage, detecting duplicates and reading metadata.
//!
//! Knows nothing about RDF. A file that cannot be read becomes a
//! [`Diagnostic`] and the rest of the corpus is read all the same.

pub mod conventions;
pub mod dates;
pub mod decode;
pub mod dedupe;
mod identity;
mod kamervragen;
pub mod metadata;
pub mod normalise;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub use conventions::{Conventions, KamervragenWords, ParliamentWords, TenseWords, TypeRule};
pub use dates::{DateBounds, DateRef, Precision};
pub use decode::{DecodeError, Encoding, Position};
pub use dedupe::Duplicate;
pub use metadata::{Date, DateRole, DateSource, Kamerstuk, Metadata, QaPair, Signatory, TextSpan};
pub use normalise::{Block, BlockKind, Footnote, Normalised};

/// File extensions read as documents.
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// One document, read and repaired.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable identifier derived from the file name (`000-54a66762803e0af8`).
    pub slug: String,
    pub path: PathBuf,
    /// The file name as given, recorded as `pkg:sourceFile`.
    pub file_name: String,
    pub encoding: Encoding,
    pub text: Normalised,
    pub metadata: Metadata,
    /// What reading it had to warn about (Windows-1252, replaced bytes);
    /// none of these leaves it out.
    pub warnings: Vec<Diagnostic>,
}

/// Something the reader could not do, or did with a warning, reported in
/// one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnostic {
    /// A file with another extension was passed over.
    NotADocument { path: PathBuf },
    /// A file could not be read or decoded; it is left out.
    Unreadable { path: PathBuf, reason: String },
    /// A FIFO, socket or device: never opened, left out.
    NotRegular { path: PathBuf, kind: &'static str },
    /// A symbolic link to nothing; left out.
    Dangling { path: PathBuf, target: PathBuf },
    /// A directory that leads back to one that contains it; not walked again.
    Loop { path: PathBuf, target: PathBuf },
    /// A symbolic link to a directory already read; not walked again.
    Revisit { path: PathBuf, target: PathBuf },
    /// A second path to a file already read (a symbolic link, or a
    /// hard link); the first path in sorted order is read.
    SameFile { path: PathBuf, first: PathBuf },
    /// A file was read as Windows-1252, not UTF-8.
    Windows1252 {
        path: PathBuf,
        first: Option<Position>,
    },
    /// A file was read with invalid sequences replaced by U+FFFD.
    Replaced {
        path: PathBuf,
        encoding: Encoding,
        replaced: decode::Replaced,
    },
    /// A path given on the command line does not exist.
    Missing { path: PathBuf },
}

impl Diagnostic {
    /// True when a file was left out of the build (the exit status is 1).
    /// A file read with a warning, or a second path to what was read, is
    /// not left out.
    pub fn skipped(&self) -> bool {
        match self {
            Diagnostic::NotADocument { .. }
            | Diagnostic::Unreadable { .. }
            | Diagnostic::NotRegular { .. }
            | Diagnostic::Dangling { .. }
            | Diagnostic::Missing { .. } => true,
            Diagnostic::Loop { .. }
            | Diagnostic::Revisit { .. }
            | Diagnostic::SameFile { .. }
            | Diagnostic::Windows1252 { .. }
            | Diagnostic::Replaced { .. } => false,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diagnostic::NotADocument { path } => write!(
                f,
                "skipped \"{}\": not a .txt or .md file; export it to text first",
                path.display()
            ),
            Diagnostic::Unreadable { path, reason } => {
                write!(f, "skipped \"{}\": {reason}", path.display())
            }
            Diagnostic::NotRegular { path, kind } => {
                write!(
                    f,
                    "skipped \"{}\": {kind}, not a regular file",
                    path.display()
                )
            }
            Diagnostic::Dangling { path, target } => write!(
                f,
                "skipped \"{}\": a symbolic link to \"{}\", which does not exist",
                path.display(),
                target.display()
            ),
            Diagnostic::Loop { path, target } => write!(
                f,
                "did not follow \"{}\": it leads back to \"{}\", which contains it (a loop)",
                path.display(),
                target.display()
            ),
            Diagnostic::Revisit { path, target } => write!(
                f,
                "did not follow \"{}\": it leads to \"{}\", which is read already",
                path.display(),
                target.display()
            ),
            Diagnostic::SameFile { path, first } => write!(
                f,
                "did not read \"{}\" again: it is the same file as \"{}\"",
                path.display(),
                first.display()
            ),
            Diagnostic::Windows1252 { path, first } => {
                write!(
                    f,
                    "read \"{}\" as Windows-1252: not valid UTF-8",
                    path.display()
                )?;
                if let Some(at) = first {
                    write!(f, " (first non-ASCII byte at {at})")?;
                }
                f.write_str("; check its accented letters")
            }
            Diagnostic::Replaced {
                path,
                encoding,
                replaced,
            } => write!(
                f,
                "read \"{}\" as {} with {replaced}",
                path.display(),
                encoding.name()
            ),
            Diagnostic::Missing { path } => {
                write!(
                    f,
                    "skipped \"{}\": no such file or directory",
                    path.display()
                )
            }
        }
    }
}

/// Lists the document files under `paths` (directories recursively),
/// sorted, with a diagnostic for every other file.
///
/// Only regular files are documents: FIFOs, sockets and devices are never
/// opened. Symbolic links are followed; a directory is walked once (a link
/// back to a directory that contains it is a loop, a link to one already
/// walked is not followed), and a file reached by two paths is read once,
/// by the first path in sorted order. A path given twice is read once
/// without a word.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut walker = Walker::default();
    for path in paths {
        walker.walk(path, true, &mut Vec::new());
    }
    let Walker {
        mut found,
        mut diagnostics,
        ..
    } = walker;
    found.sort();
    found.dedup();
    let mut first: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut files = Vec::with_capacity(found.len());
    for (path, canonical) in found {
        match first.get(&canonical) {
            Some(kept) => diagnostics.push(Diagnostic::SameFile {
                path,
                first: kept.clone(),
            }),
            None => {
                first.insert(canonical, path.clone());
                files.push(path);
            }
        }
    }
    diagnostics.sort_by_key(|d| d.to_string());
    diagnostics.dedup();
    (files, diagnostics)
}

#[derive(Default)]
struct Walker {
    /// Document files: the path as found, and its canonical path.
    found: Vec<(PathBuf, PathBuf)>,
    diagnostics: Vec<Diagnostic>,
    /// Canonical directories walked.
    visited: BTreeSet<PathBuf>,
}

impl Walker {
    /// Walks `path`; `ancestors` are the canonical directories that contain it.
    fn walk(&mut self, path: &Path, top: bool, ancestors: &mut Vec<PathBuf>) {
        let unreadable = |e: &std::io::Error| Diagnostic::Unreadable {
            path: path.to_owned(),
            reason: io_reason(e),
        };
        let own = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.diagnostics
                    .push(if top && e.kind() == std::io::ErrorKind::NotFound {
                        Diagnostic::Missing {
                            path: path.to_owned(),
                        }
                    } else {
                        unreadable(&e)
                    });
                return;
            }
        };
        let link = own.file_type().is_symlink();
        let meta = if link {
            match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    self.diagnostics.push(Diagnostic::Dangling {
                        path: path.to_owned(),
                        target: std::fs::read_link(path).unwrap_or_default(),
                    });
                    return;
                }
                Err(e) => {
                    self.diagnostics.push(Diagnostic::Unreadable {
                        path: path.to_owned(),
                        reason: format!("a symbolic link that cannot be followed ({e})"),
                    });
                    return;
                }
            }
        } else {
            own
        };
        if meta.is_dir() {
            let canonical = match std::fs::canonicalize(path) {
                Ok(c) => c,
                Err(e) => {
                    self.diagnostics.push(unreadable(&e));
                    return;
                }
            };
            if ancestors.contains(&canonical) {
                self.diagnostics.push(Diagnostic::Loop {
                    path: path.to_owned(),
                    target: canonical,
                });
                return;
            }
            if self.visited.contains(&canonical) {
                if link && !top {
                    self.diagnostics.push(Diagnostic::Revisit {
                        path: path.to_owned(),
                        target: canonical,
                    });
                }
                return;
            }
            self.visited.insert(canonical.clone());
            let entries = match std::fs::read_dir(path) {
                Ok(e) => e,
                Err(e) => {
                    self.diagnostics.push(unreadable(&e));
                    return;
                }
            };
            let mut children: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            children.sort();
            ancestors.push(canonical);
            for child in children {
                let hidden = child
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                if !hidden {
                    self.walk(&child, false, ancestors);
                }
            }
            ancestors.pop();
        } else if !meta.is_file() {
            self.diagnostics.push(Diagnostic::NotRegular {
                path: path.to_owned(),
                kind: kind(&meta.file_type()),
            });
        } else if is_document(path) {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            self.found.push((path.to_owned(), canonical));
        } else {
            self.diagnostics.push(Diagnostic::NotADocument {
                path: path.to_owned(),
            });
        }
    }
}

/// What a file that is neither a directory nor a regular file is.
#[cfg(unix)]
fn kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_char_device() {
        "a character device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".to_owned()
        }
        _ => format!("cannot read it ({e})"),
    }
}

/// A stable slug from a file name: lower case, `[a-z0-9-]`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "document".to_owned()
    } else {
        out
    }
}

/// Reads, decodes, repairs and describes one file. Anything but a regular
/// file (a FIFO would block) is refused without being opened.
pub fn read(path: &Path, conv: &Conventions) -> Result<Document, Diagnostic> {
    let unreadable = |e: std::io::Error| Diagnostic::Unreadable {
        path: path.to_owned(),
        reason: io_reason(&e),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Diagnostic::NotRegular {
            path: path.to_owned(),
            kind: if meta.is_dir() {
                "a directory"
            } else {
                kind(&meta.file_type())
            },
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let decoded = decode::decode(&bytes).map_err(|e| Diagnostic::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let mut warnings = Vec::new();
    if let Some(replaced) = decoded.replaced {
        warnings.push(Diagnostic::Replaced {
            path: path.to_owned(),
            encoding: decoded.encoding,
            replaced,
        });
    }
    if decoded.encoding == Encoding::Windows1252 {
        warnings.push(Diagnostic::Windows1252 {
            path: path.to_owned(),
            first: decoded.first_non_ascii,
        });
    }
    let raw = decoded.text;
    let text = normalise::normalise(&raw, conv);
    let mut metadata = metadata::extract(&raw, &text, conv);
    // A paper whose header dates it in any role (adopted, submitted …)
    // is not dated by its text's tenses.
    if metadata.dates.is_empty() {
        metadata.date_bounds = dates::bounds(&text, conv);
    }
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let stem = path
        .file_stem()
        .map_or_else(|| file_name.clone(), |n| n.to_string_lossy().into_owned());
    Ok(Document {
        slug: slug(&stem),
        path: path.to_owned(),
        file_name,
        encoding: decoded.encoding,
        text,
        metadata,
        warnings,
    })
}

/// The documents of a corpus, with duplicates found.
#[derive(Debug, Default)]
pub struct Corpus {
    /// All documents read, in path order (canonical and duplicates).
    pub documents: Vec<Document>,
    pub duplicates: Vec<Duplicate>,
    /// Number of document files found (read or not).
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    /// True when document `index` is an alternative rendering of another.
    pub fn is_duplicate(&self, index: usize) -> bool {
        self.duplicates.iter().any(|d| d.duplicate == index)
    }

    /// Indices of the canonical documents.
    pub fn canonical(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.documents.len()).filter(|&i| !self.is_duplicate(i))
    }
}

/// Reads every document under `paths`; `progress` is called once per file.
pub fn load(paths: &[PathBuf], conv: &Conventions, progress: impl FnMut(&Path)) -> Corpus {
    let (files, diagnostics) = discover(paths);
    load_files(&files, diagnostics, conv, progress)
}

/// [`load`] of files already found by [`discover`], with its diagnostics.
pub fn load_files(
    files: &[PathBuf],
    mut diagnostics: Vec<Diagnostic>,
    conv: &Conventions,
    mut progress: impl FnMut(&Path),
) -> Corpus {
    let mut documents: Vec<Document> = Vec::with_capacity(files.len());
    for path in files {
        progress(path);
        match read(path, conv) {
            Ok(mut doc) => {
                diagnostics.extend(doc.warnings.iter().cloned());
                let base = doc.slug.clone();
                let mut n = 2;
                while documents.iter().any(|d| d.slug == doc.slug) {
                    doc.slug = format!("{base}-{n}");
                    n += 1;
                }
                documents.push(doc);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let bodies: Vec<&str> = documents
        .iter()
        .map(|d| &d.text.text[..d.text.body_end])
        .collect();
    let duplicates = dedupe::find(&bodies);
    Corpus {
        documents,
        duplicates,
        files: files.len(),
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        if let Err(e) = std::fs::write(path, text) {
            panic!("{}: {e}", path.display());
        }
    }

    fn tmp() -> tempfile::TempDir {
        match tempfile::tempdir() {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        }
    }

    #[cfg(unix)]
    fn link(target: &str, at: &Path) {
        if let Err(e) = std::os::unix::fs::symlink(target, at) {
            panic!("{}: {e}", at.display());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_link_back_to_an_ancestor_is_one_loop_diagnostic() {
        let t = tmp();
        let root = t.path().join("in");
        let sub = root.join("sub");
        if let Err(e) = std::fs::create_dir_all(&sub) {
            panic!("{e}");
        }
        write(&root.join("a.txt"), "tekst");
        write(&sub.join("b.md"), "tekst");
        link("..", &sub.join("up"));
        link(".", &sub.join("here"));
        let (files, diagnostics) = discover(std::slice::from_ref(&root));
        assert_eq!(files, vec![root.join("a.txt"), sub.join("b.md")]);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert!(
            diagnostics
                .iter()
                .all(|d| matches!(d, Diagnostic::Loop { .. }) && !d.skipped())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_by_two_paths_is_listed_once_by_the_first() {
        let t = tmp();
        let root = t.path().join("in");
        if let Err(e) = std::fs::create_dir_all(&root) {
            panic!("{e}");
        }
        write(&root.join("b.txt"), "tekst");
        link("b.txt", &root.join("a.txt"));
        link("missing.txt", &root.join("c.txt"));
        let (files, diagnostics) = discover(&[root.clone(), root.join("b.txt")]);
        assert_eq!(files, vec![root.join("a.txt")]);
        assert_eq!(
            diagnostics,
            vec![
                Diagnostic::SameFile {
                    path: root.join("b.txt"),
                    first: root.join("a.txt"),
                },
                Diagnostic::Dangling {
                    path: root.join("c.txt"),
                    target: PathBuf::from("missing.txt"),
                },
            ]
        );
        // A path given twice is read once, silently.
        let (files, diagnostics) = discover(&[root.join("b.txt"), root.join("b.txt")]);
        assert_eq!(files, vec![root.join("b.txt")]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_listed_as_not_regular_and_read_refuses_it_without_blocking() {
        let t = tmp();
        let fifo = t.path().join("pipe.txt");
        match std::process::Command::new("mkfifo").arg(&fifo).status() {
            Ok(s) if s.success() => {}
            other => panic!("mkfifo: {other:?}"),
        }
        let (files, diagnostics) = discover(std::slice::from_ref(&fifo));
        assert!(files.is_empty());
        assert_eq!(
            diagnostics,
            vec![Diagnostic::NotRegular {
                path: fifo.clone(),
                kind: "a FIFO"
            }]
        );
        assert!(diagnostics[0].skipped());
        assert_eq!(
            diagnostics[0].to_string(),
            format!("skipped \"{}\": a FIFO, not a regular file", fifo.display())
        );
        let conv = Conventions::default();
        assert!(matches!(
            read(&fifo, &conv),
            Err(Diagnostic::NotRegular { kind: "a FIFO", .. })
        ));
    }

    #[test]
    fn warnings_do_not_count_as_skipped() {
        let replaced = decode::Replaced {
            sequences: 2,
            bytes: 2,
            first: Position {
                line: 14,
                column: 7,
            },
        };
        let d = Diagnostic::Replaced {
            path: PathBuf::from("x.txt"),
            encoding: Encoding::Utf8,
            replaced,
        };
        assert!(!d.skipped());
        assert_eq!(
            d.to_string(),
            "read \"x.txt\" as UTF-8 with 2 invalid bytes replaced (first at line 14, column 7)"
        );
    }

    #[test]
    fn slugs_are_stable_and_safe() {
        assert_eq!(slug("000_54a66762803e0af8"), "000-54a66762803e0af8");
        assert_eq!(slug("Kabinetsreactie (def).v2"), "kabinetsreactie-def-v2");
        assert_eq!(slug("__"), "document");
    }
}
