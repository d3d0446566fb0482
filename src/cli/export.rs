//! `policykg export VIEW`: a view of the graph as a picture or a file for
//! Graphviz, Gephi, yEd, Cytoscape or GitHub's Mermaid.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, bail};
use oxigraph::model::Term;

use super::explain;
use crate::export::{self, Filters, writers};
use crate::store::Store;

/// What `export` was asked for.
pub struct Request<'a> {
    pub view: &'a str,
    pub format: &'a str,
    pub output: Option<&'a Path>,
    pub query: Option<&'a Path>,
    pub focus: Option<&'a str>,
    pub depth: Option<usize>,
    pub document: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub min_mentions: usize,
    pub lang: &'a str,
}

/// A request checked against the ontology, before any store is opened or
/// built: ready to run.
pub struct Plan<'a> {
    request: &'a Request<'a>,
    sparql: String,
    kinds: Option<BTreeSet<String>>,
    lang: String,
}

/// Checks every option of `r`: format, view (or the query file), focus and
/// depth, kind and label language against the ontology's classes and
/// languages.
pub fn prepare<'a>(r: &'a Request<'a>, ontology: &[oxigraph::model::Quad]) -> Result<Plan<'a>> {
    if !writers::FORMATS.contains(&r.format) {
        bail!(
            "unknown format \"{}\"; use one of {}{}",
            r.format,
            writers::FORMATS.join(", "),
            super::suggest::did_you_mean(r.format, writers::FORMATS.iter().copied())
        );
    }
    let sparql = match r.query {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read \"{}\"", file.display()))?;
            super::checks::check_sparql(&file.display().to_string(), &text)?;
            text
        }
        None => match export::VIEWS.iter().find(|(n, _)| *n == r.view) {
            Some((_, q)) => (*q).to_owned(),
            None => bail!(
                "unknown view \"{}\"; use one of {}, or --query FILE.rq{}",
                r.view,
                export::VIEWS
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
                super::suggest::did_you_mean(r.view, export::VIEWS.iter().map(|(n, _)| *n))
            ),
        },
    };
    if r.focus.is_none() {
        if r.view == "entity" && r.query.is_none() {
            bail!("the entity view needs --focus NAME");
        }
        if r.depth.is_some() {
            bail!("--depth counts steps out from --focus; give --focus NAME too");
        }
    }
    let kinds = match r.kind {
        Some(kind) => {
            let known = export::kinds(ontology);
            let Some((_, takes_in)) = known.iter().find(|(k, _)| k.eq_ignore_ascii_case(kind))
            else {
                bail!(
                    "unknown kind \"{kind}\"; use one of {} (a class takes in its subclasses; {} is a node of no class){}",
                    known.keys().cloned().collect::<Vec<_>>().join(", "),
                    export::UNTYPED,
                    super::suggest::did_you_mean(kind, known.keys().map(String::as_str))
                );
            };
            Some(takes_in.clone())
        }
        None => None,
    };
    let languages = export::languages(ontology);
    let Some(lang) = languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(r.lang))
        .cloned()
    else {
        bail!(
            "unknown label language \"{}\"; use {}",
            r.lang,
            languages.join(" or ")
        );
    };
    Ok(Plan {
        request: r,
        sparql,
        kinds,
        lang,
    })
}

pub fn run(store: Store, plan: &Plan<'_>) -> Result<ExitCode> {
    let r = plan.request;
    if let Some(prefix) = r.document {
        check_document(&store, prefix)?;
    }
    let focus = match r.focus {
        Some(name) => {
            let iri = explain::resolve_one(&store, name)?;
            Some((iri, r.depth.unwrap_or(1)))
        }
        None => None,
    };
    let filters = Filters {
        document: r.document.map(str::to_owned),
        kind: plan.kinds.clone(),
        min_mentions: r.min_mentions,
        focus,
        lang: plan.lang.clone(),
    };
    let g = export::view(&store, &plan.sparql, &filters)?;
    let title = format!("policykg: {}", r.view);
    let bytes: Vec<u8> = match r.format {
        "dot" => writers::dot(&g, &title).into_bytes(),
        "svg" if !has_graphviz() => export::html::svg(&g, &title).into_bytes(),
        "svg" | "png" => graphviz(&writers::dot(&g, &title), r.format)?,
        "html" => export::html::html(&g, &title).into_bytes(),
        "graphml" => writers::graphml(&g).into_bytes(),
        "gexf" => writers::gexf(&g, &title).into_bytes(),
        "cytoscape" => writers::cytoscape(&g).into_bytes(),
        "mermaid" => writers::mermaid(&g).into_bytes(),
        _ => writers::json(&g).into_bytes(),
    };
    match r.output {
        Some(path) => write_atomically(path, &bytes)?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    eprintln!("{} nodes, {} edges", g.node_count(), g.edge_count());
    Ok(ExitCode::SUCCESS)
}

/// `--document PREFIX` must name a document of the graph.
fn check_document(store: &Store, prefix: &str) -> Result<()> {
    let found = explain::rows(
        store,
        "PREFIX pkg: <https://w3id.org/policykg/def#>
         SELECT DISTINCT ?file WHERE { ?d pkg:sourceFile ?file }",
    )?;
    let mut files: Vec<String> = found
        .iter()
        .filter_map(|r| r.first().cloned().flatten())
        .map(|t| match t {
            Term::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        })
        .collect();
    files.sort();
    if !files.iter().any(|f| f.starts_with(prefix)) {
        bail!(
            "no document's file name starts with \"{prefix}\"; the graph's documents are {}",
            files.join(", ")
        );
    }
    Ok(())
}

/// True when Graphviz `dot` runs.
fn has_graphviz() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT with Graphviz `dot`.
fn graphviz(dot: &str, format: &str) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| {
            format!("{format} is rendered by Graphviz dot, which is not on PATH; install graphviz or use --format dot")
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or_default()
        );
    }
    Ok(out.stdout)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp: PathBuf = {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".tmp");
        path.with_file_name(name)
    };
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
