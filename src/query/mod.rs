//! Writing query results: a readable table, CSV, TSV, the W3C SPARQL JSON
//! and XML result formats, and Turtle / N-Triples / N-Quads for graphs.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use crate::store::StoreError;

/// Prefixes used to shorten IRIs in tables and serialisations.
pub const PREFIXES: &[(&str, &str)] = &[
    ("pkg", "https://w3id.org/policykg/def#"),
    ("id", "https://w3id.org/policykg/id/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
];

/// The kinds of resource whose IRIs are one segment under `id:`
/// (`id/actor/nato`): Turtle output names each with a prefix of its own
/// (`actor:nato`). A resource of a document (`id/evidence/DOC/N`) has no
/// prefix, so that no local name needs an escaped slash: it is written in
/// full.
pub const KIND_PREFIXES: &[&str] = &[
    "actor",
    "document",
    "dossier",
    "eu",
    "event",
    "graph",
    "group",
    "initiative",
    "instrument",
    "issue",
    "kamerstuk",
    "membership",
    "work",
];

/// The prefixes of Turtle and TriG output: the vocabularies, and one per
/// kind of resource (`KIND_PREFIXES`), never `id:` itself.
pub fn serializer_prefixes() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = PREFIXES
        .iter()
        .filter(|(p, _)| *p != "id")
        .map(|(p, iri)| ((*p).to_owned(), (*iri).to_owned()))
        .collect();
    for kind in KIND_PREFIXES {
        out.push((
            (*kind).to_owned(),
            format!("{}{kind}/", crate::rdf::iri::ID),
        ));
    }
    out
}

/// An output format for results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    NTriples,
    NQuads,
}

impl Format {
    /// Parses a format name as given on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "table" => Self::Table,
            "csv" => Self::Csv,
            "tsv" => Self::Tsv,
            "json" => Self::Json,
            "xml" => Self::Xml,
            "turtle" | "ttl" => Self::Turtle,
            "ntriples" | "nt" => Self::NTriples,
            "nquads" | "nq" => Self::NQuads,
            _ => return None,
        })
    }

    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            Self::Csv => Some(QueryResultsFormat::Csv),
            Self::Tsv => Some(QueryResultsFormat::Tsv),
            Self::Json => Some(QueryResultsFormat::Json),
            Self::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }

    fn rdf_format(self) -> Option<RdfFormat> {
        match self {
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::NTriples => Some(RdfFormat::NTriples),
            Self::NQuads => Some(RdfFormat::NQuads),
            _ => None,
        }
    }
}

/// Shortens an IRI with the known prefixes.
pub fn compact(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    format!("<{iri}>")
}

/// A term as shown in a table cell: literal values bare, IRIs shortened.
pub fn cell(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().replace('\n', " "),
        #[allow(unreachable_patterns)]
        _ => term.to_string(),
    }
}

/// Writes `results` in `format`; returns the number of rows or triples.
pub fn write(
    results: QueryResults<'_>,
    format: Format,
    mut out: impl Write,
) -> Result<usize, StoreError> {
    match results {
        QueryResults::Boolean(b) => {
            match format.results_format() {
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut out, b)?;
                }
                None if format == Format::Table => writeln!(out, "{b}")?,
                None => {
                    return Err(StoreError::Evaluation(format!(
                        "an ASK answer cannot be written as {format:?}; use table, csv, tsv, json or xml"
                    )));
                }
            }
            Ok(1)
        }
        QueryResults::Solutions(solutions) => {
            let variables: Vec<_> = solutions.variables().to_vec();
            if let Some(f) = format.results_format() {
                let mut writer = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut out, variables)?;
                let mut n = 0;
                for s in solutions {
                    let s = s.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                    writer.serialize(&s)?;
                    n += 1;
                }
                writer.finish()?;
                return Ok(n);
            }
            if format != Format::Table {
                return Err(StoreError::Evaluation(format!(
                    "a SELECT answer cannot be written as {format:?}; use table, csv, tsv, json or xml"
                )));
            }
            let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| s.get(v).map(cell).unwrap_or_default())
                        .collect::<Vec<_>>(),
                );
            }
            write_table(&header, &rows, &mut out)?;
            Ok(rows.len())
        }
        QueryResults::Graph(triples) => {
            let f = match format {
                Format::Table => RdfFormat::Turtle,
                other => other.rdf_format().ok_or_else(|| {
                    StoreError::Evaluation(format!(
                        "a CONSTRUCT or DESCRIBE answer cannot be written as {other:?}; use turtle, ntriples or nquads"
                    ))
                })?,
            };
            let mut serializer = RdfSerializer::from_format(f);
            for (prefix, iri) in serializer_prefixes() {
                serializer = serializer
                    .with_prefix(prefix, iri)
                    .map_err(|e| StoreError::Evaluation(e.to_string()))?;
            }
            let mut writer = serializer.for_writer(&mut out);
            let mut n = 0;
            for t in triples {
                let t = t.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                writer.serialize_triple(&t)?;
                n += 1;
            }
            writer.finish()?;
            Ok(n)
        }
    }
}

/// Cells longer than this are cut in tables.
const MAX_CELL: usize = 80;

/// Writes an aligned text table.
pub fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    mut out: impl Write,
) -> std::io::Result<()> {
    // A bar inside a cell is written "\|", so that it never reads as a
    // column border; a tab or line break is a space.
    let cut = |s: &str| -> String {
        let s = &s.replace(['\n', '\r', '\t'], " ").replace('|', "\\|");
        if s.chars().count() > MAX_CELL {
            let mut t: String = s.chars().take(MAX_CELL - 1).collect();
            t.push('…');
            t
        } else {
            s.to_owned()
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect::<Vec<_>>()
            .join(" | ")
            .trim_end()
            .to_owned()
    };
    writeln!(out, "{}", line(header))?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for r in &rows {
        writeln!(out, "{}", line(r))?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
