//! External identifiers: importing a table of links (Wikidata, ELI, CELEX,
//! TOOI, EuroVoc, officielebekendmakingen.nl) into `ontology/links.ttl`,
//! and reporting how well the graph's entities are covered.
//!
//! A confirmed link becomes `owl:sameAs`, a likely one `skos:closeMatch`.
//! A row names its entity by the lexicon slug or, failing that, by an
//! English label; a parliamentary paper, dossier or EU document the lexicon
//! does not hold gets the IRI the citations extractor mints for it. Rows
//! that name nothing known are reported, never guessed.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::lexicon::Lexicon;
use crate::rdf::iri;

/// One row of a links table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRow {
    /// 1-based line in the table.
    pub line: usize,
    pub local_id: String,
    pub label: String,
    pub scheme: String,
    pub identifier: String,
    pub uri: String,
    pub confirmed: bool,
}

/// A table that could not be read: the line and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LinkTableError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Reads a tab-separated links table with the header `local_id label_en
/// scheme identifier uri confidence` (`confirmed` or `likely`).
pub fn parse_table(file: &str, text: &str) -> Result<Vec<LinkRow>, LinkTableError> {
    let err = |line: usize, message: String| LinkTableError {
        file: file.to_owned(),
        line,
        message,
    };
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.split('\t').map(str::trim).collect(),
        None => return Err(err(1, "empty table".into())),
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| err(1, format!("no column \"{name}\" in the header")))
    };
    let (id, label, scheme, identifier, uri, confidence) = (
        column("local_id")?,
        column("label_en")?,
        column("scheme")?,
        column("identifier")?,
        column("uri")?,
        column("confidence")?,
    );
    let mut rows = Vec::new();
    for (i, l) in lines {
        if l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').map(str::trim).collect();
        let get = |c: usize| {
            f.get(c).map(|s| (*s).to_owned()).ok_or_else(|| {
                err(
                    i + 1,
                    format!("{} fields, expected {}", f.len(), header.len()),
                )
            })
        };
        let confirmed = match get(confidence)?.as_str() {
            "confirmed" => true,
            "likely" => false,
            other => {
                return Err(err(
                    i + 1,
                    format!("confidence \"{other}\" is neither confirmed nor likely"),
                ));
            }
        };
        let uri_value = get(uri)?;
        if oxigraph::model::NamedNode::new(&uri_value).is_err() {
            return Err(err(i + 1, format!("\"{uri_value}\" is not an IRI")));
        }
        rows.push(LinkRow {
            line: i + 1,
            local_id: get(id)?,
            label: get(label)?,
            scheme: get(scheme)?,
            identifier: get(identifier)?,
            uri: uri_value,
            confirmed,
        });
    }
    Ok(rows)
}

/// The IRI a row links: a lexicon entity by slug or English label, else a
/// paper, dossier or EU document by its identifier.
pub fn subject_of(row: &LinkRow, lexicon: &Lexicon) -> Option<String> {
    let slug = |iri: &str| iri.rsplit('/').next().map(str::to_owned);
    if let Some(e) = lexicon
        .entities
        .iter()
        .find(|e| slug(&e.iri).as_deref() == Some(row.local_id.as_str()))
    {
        return Some(e.iri.clone());
    }
    let label = row.label.to_lowercase();
    if let Some(e) = lexicon.entities.iter().find(|e| {
        e.pref_labels
            .iter()
            .any(|(l, lang)| lang == "en" && l.to_lowercase() == label)
            || e.labels.iter().any(|l| l.to_lowercase() == label)
    }) {
        return Some(e.iri.clone());
    }
    match row.scheme.as_str() {
        "officielebekendmakingen" => {
            if let Some(kst) = row.identifier.strip_prefix("kst-") {
                let (dossier, number) = kst.rsplit_once('-')?;
                Some(iri::kamerstuk(dossier, number))
            } else {
                row.identifier
                    .strip_prefix("dossier/")
                    .map(|d| format!("{}dossier/{d}", iri::ID))
            }
        }
        "celex" if row.identifier.starts_with('5') => Some(iri::eu_act(&row.identifier)),
        _ => None,
    }
}

/// The Turtle of `ontology/links.ttl` for `rows`, and the rows that name
/// nothing known.
pub fn import(rows: &[LinkRow], lexicon: &Lexicon, source: &str) -> (String, Vec<LinkRow>) {
    let mut by_subject: BTreeMap<String, Vec<&LinkRow>> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for r in rows {
        match subject_of(r, lexicon) {
            Some(s) => by_subject.entry(s).or_default().push(r),
            None => unmatched.push(r.clone()),
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# External identifiers, imported from {source} by `policykg link --import`.\n\
         # Confirmed links are owl:sameAs, likely ones skos:closeMatch.\n\
         # Edit the table and import again rather than editing this file.\n\n\
         @prefix owl: <http://www.w3.org/2002/07/owl#> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    );
    for (subject, rows) in &by_subject {
        let mut objects: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    if r.confirmed {
                        "owl:sameAs"
                    } else {
                        "skos:closeMatch"
                    },
                    r.uri.as_str(),
                )
            })
            .collect();
        objects.sort();
        objects.dedup();
        let body = objects
            .iter()
            .map(|(p, o)| format!("{p} <{o}>"))
            .collect::<Vec<_>>()
            .join(" ;\n    ");
        let _ = writeln!(out, "<{subject}>\n    {body} .\n");
    }
    (out, unmatched)
}

/// What kind of identifier an IRI is, for the coverage report.
pub fn scheme_of(iri: &str) -> &'static str {
    if iri.contains("wikidata.org/") {
        "Wikidata"
    } else if iri.contains("data.europa.eu/eli/") || iri.contains("/resource/celex/") {
        "ELI/CELEX"
    } else if iri.contains("identifier.overheid.nl/tooi/") {
        "TOOI"
    } else if iri.contains("eurovoc.europa.eu/") {
        "EuroVoc"
    } else if iri.contains("officielebekendmakingen.nl") || iri.contains("tweedekamer.nl") {
        "officielebekendmakingen"
    } else if iri.contains("publications.europa.eu/resource/authority/corporate-body") {
        "EU corporate body"
    } else {
        "other"
    }
}
