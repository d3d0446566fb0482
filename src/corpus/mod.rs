//! Reading and repairing documents: finding files, decoding, normalising
//! export damage, detecting duplicates and reading metadata.
//!
//! Knows nothing about RDF. A file that cannot be read becomes a
//! [`Diagnostic`] and the rest of the corpus is read all the same.

pub mod conventions;
pub mod dates;
pub mod decode;
pub mod dedupe;
pub mod metadata;
pub mod normalise;

use std::fmt;
use std::path::{Path, PathBuf};

pub use conventions::{Conventions, TenseWords, TypeRule};
pub use dates::{DateBounds, DateRef, Precision};
pub use decode::{DecodeError, Encoding};
pub use dedupe::Duplicate;
pub use metadata::{Date, DateSource, Metadata, Signatory};
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
}

/// Something the reader could not do, reported in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnostic {
    /// A file with another extension was passed over.
    NotADocument { path: PathBuf },
    /// A file could not be read or decoded; it is left out.
    Unreadable { path: PathBuf, reason: String },
    /// A file was read as Windows-1252, not UTF-8.
    Windows1252 { path: PathBuf },
    /// A path given on the command line does not exist.
    Missing { path: PathBuf },
}

impl Diagnostic {
    /// True when the document was left out of the build.
    pub fn skipped(&self) -> bool {
        !matches!(self, Diagnostic::Windows1252 { .. })
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
            Diagnostic::Windows1252 { path } => write!(
                f,
                "read \"{}\" as Windows-1252: not valid UTF-8; check its accented letters",
                path.display()
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
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        walk(path, true, &mut files, &mut diagnostics);
    }
    files.sort();
    files.dedup();
    diagnostics.sort_by_key(|d| d.to_string());
    (files, diagnostics)
}

fn walk(path: &Path, top: bool, files: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            diagnostics.push(if top && e.kind() == std::io::ErrorKind::NotFound {
                Diagnostic::Missing {
                    path: path.to_owned(),
                }
            } else {
                Diagnostic::Unreadable {
                    path: path.to_owned(),
                    reason: io_reason(&e),
                }
            });
            return;
        }
    };
    if meta.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(Diagnostic::Unreadable {
                    path: path.to_owned(),
                    reason: io_reason(&e),
                });
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                walk(&child, false, files, diagnostics);
            }
        }
    } else if is_document(path) {
        files.push(path.to_owned());
    } else {
        diagnostics.push(Diagnostic::NotADocument {
            path: path.to_owned(),
        });
    }
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

/// Reads, decodes, repairs and describes one file.
pub fn read(path: &Path, conv: &Conventions) -> Result<Document, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::Unreadable {
        path: path.to_owned(),
        reason: io_reason(&e),
    })?;
    let (raw, encoding) = decode::decode(&bytes).map_err(|e| Diagnostic::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let text = normalise::normalise(&raw, conv);
    let mut metadata = metadata::extract(&raw, &text.text[..text.body_end], conv);
    if metadata.date.is_none() {
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
        encoding,
        text,
        metadata,
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
pub fn load(paths: &[PathBuf], conv: &Conventions, mut progress: impl FnMut(&Path)) -> Corpus {
    let (files, mut diagnostics) = discover(paths);
    let mut documents: Vec<Document> = Vec::with_capacity(files.len());
    for path in &files {
        progress(path);
        match read(path, conv) {
            Ok(mut doc) => {
                if doc.encoding == Encoding::Windows1252 {
                    diagnostics.push(Diagnostic::Windows1252 { path: path.clone() });
                }
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

    #[test]
    fn slugs_are_stable_and_safe() {
        assert_eq!(slug("000_54a66762803e0af8"), "000-54a66762803e0af8");
        assert_eq!(slug("Kabinetsreactie (def).v2"), "kabinetsreactie-def-v2");
        assert_eq!(slug("__"), "document");
    }
}
