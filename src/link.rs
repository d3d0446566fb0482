//! External identifiers: importing a table of links (Wikidata, ELI, CELEX,
//! TOOI, EuroVoc, officielebekendmakingen.nl) into `ontology/links.ttl`,
//! and reporting how well the graph's entities are covered.
//!
//! A confirmed link becomes `owl:sameAs`, a likely one `skos:closeMatch`.
//! A row names its entity by the lexicon slug or, failing that, by an
//! English label; a parliamentary paper, dossier or EU document the lexicon
//! does not hold gets the IRI the citations extractor mints for it. Rows
//! that name nothing known are reported, never guessed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use oxigraph::model::{GraphName, NamedOrBlankNode, Term};

use crate::lexicon::{Lexicon, LexiconError, parse_turtle};
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

const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
const SKOS_CLOSE_MATCH: &str = "http://www.w3.org/2004/02/skos/core#closeMatch";
const HEADER_START: &str = "# External identifiers, imported from ";
const HEADER_END: &str = " by `policykg link --import`.";

/// One external identifier of an entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    /// `owl:sameAs` when confirmed, `skos:closeMatch` when likely.
    pub confirmed: bool,
    pub uri: String,
}

/// The links of a links file: per entity and identifier scheme (see
/// [`scheme_key`]), its identifiers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// The tables the links were imported from, in the order first imported.
    pub sources: Vec<String>,
    /// `(entity IRI, scheme)` → identifiers.
    pub links: BTreeMap<(String, String), BTreeSet<Link>>,
}

/// What an import does with the links already in the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Keep them: a row of the table replaces the links of its entity in
    /// its scheme, and adds the others.
    #[default]
    Merge,
    /// Drop them: the file holds the table's links alone.
    Replace,
}

/// What merging a table into a links file did, counted in links: one per
/// entity and identifier scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Entity and scheme pairs the file did not have.
    pub added: usize,
    /// Pairs whose identifiers (or confidence) the table changed.
    pub updated: usize,
    /// Pairs of the file left as they were.
    pub kept: usize,
    /// Pairs of the file the table does not have (only when replacing).
    pub dropped: usize,
}

/// A links file that cannot be merged into.
#[derive(Debug, thiserror::Error)]
pub enum LinkFileError {
    #[error(transparent)]
    Syntax(#[from] LexiconError),
    #[error("{file}: {triple} is not an owl:sameAs or skos:closeMatch link between IRIs")]
    NotALink { file: String, triple: String },
}

/// The identifier scheme of a link IRI, named as the links table names it
/// (`wikidata`, `eli`, `celex`, `tooi`, `eurovoc`,
/// `officielebekendmakingen`, `op-corporate-body`; and `tweedekamer`), else
/// the IRI's host.
/// A table row replaces the links of its entity in the same scheme.
pub fn scheme_key(iri: &str) -> String {
    const KNOWN: [(&str, &str); 8] = [
        ("wikidata.org/", "wikidata"),
        ("data.europa.eu/eli/", "eli"),
        ("/resource/celex/", "celex"),
        ("identifier.overheid.nl/tooi/", "tooi"),
        ("eurovoc.europa.eu/", "eurovoc"),
        ("officielebekendmakingen.nl", "officielebekendmakingen"),
        ("tweedekamer.nl", "tweedekamer"),
        (
            "publications.europa.eu/resource/authority/corporate-body",
            "op-corporate-body",
        ),
    ];
    if let Some((_, name)) = KNOWN.iter().find(|(pattern, _)| iri.contains(pattern)) {
        return (*name).to_owned();
    }
    let rest = iri.split_once("://").map_or(iri, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

impl Links {
    /// The links of `rows`, and the rows that name nothing known.
    pub fn from_rows(rows: &[LinkRow], lexicon: &Lexicon, source: &str) -> (Self, Vec<LinkRow>) {
        let mut links = Links {
            sources: vec![source.to_owned()],
            ..Links::default()
        };
        let mut unmatched = Vec::new();
        for r in rows {
            match subject_of(r, lexicon) {
                Some(s) => {
                    links
                        .links
                        .entry((s, scheme_key(&r.uri)))
                        .or_default()
                        .insert(Link {
                            confirmed: r.confirmed,
                            uri: r.uri.clone(),
                        });
                }
                None => unmatched.push(r.clone()),
            }
        }
        (links, unmatched)
    }

    /// Reads a links file as [`Links::to_turtle`] writes it: only
    /// `owl:sameAs` and `skos:closeMatch` between IRIs, so that nothing
    /// else in it is lost by writing it again.
    pub fn parse(file: &str, text: &str) -> Result<Self, LinkFileError> {
        let mut links = Links {
            sources: text
                .lines()
                .find_map(|l| l.strip_prefix(HEADER_START)?.strip_suffix(HEADER_END))
                .map(|s| s.split(", ").map(str::to_owned).collect())
                .unwrap_or_default(),
            ..Links::default()
        };
        for q in parse_turtle(file, text)? {
            let confirmed = match q.predicate.as_str() {
                OWL_SAME_AS => true,
                SKOS_CLOSE_MATCH => false,
                _ => return Err(not_a_link(file, &q)),
            };
            let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o), GraphName::DefaultGraph) =
                (&q.subject, &q.object, &q.graph_name)
            else {
                return Err(not_a_link(file, &q));
            };
            links
                .links
                .entry((s.as_str().to_owned(), scheme_key(o.as_str())))
                .or_default()
                .insert(Link {
                    confirmed,
                    uri: o.as_str().to_owned(),
                });
        }
        Ok(links)
    }

    /// These links with `table`'s, as `mode` says: merged (a pair of
    /// entity and scheme the table has replaces the same pair here), or
    /// replaced by the table's; and what changed.
    pub fn merge(&self, table: &Links, mode: Mode) -> (Links, MergeReport) {
        let mut merged = match mode {
            Mode::Merge => self.clone(),
            Mode::Replace => Links::default(),
        };
        merged.links.extend(table.links.clone());
        for source in &table.sources {
            if !merged.sources.contains(source) {
                merged.sources.push(source.clone());
            }
        }
        let mut report = MergeReport::default();
        for (key, value) in &merged.links {
            match self.links.get(key) {
                None => report.added += 1,
                Some(old) if old == value => report.kept += 1,
                Some(_) => report.updated += 1,
            }
        }
        report.dropped = self
            .links
            .keys()
            .filter(|k| !merged.links.contains_key(*k))
            .count();
        (merged, report)
    }

    /// The Turtle of a links file: subjects sorted, each with its
    /// identifiers sorted, the tables imported named in the header.
    pub fn to_turtle(&self) -> String {
        let mut by_subject: BTreeMap<&str, BTreeSet<(&str, &str)>> = BTreeMap::new();
        for ((subject, _), links) in &self.links {
            let objects = by_subject.entry(subject.as_str()).or_default();
            for l in links {
                let p = if l.confirmed {
                    "owl:sameAs"
                } else {
                    "skos:closeMatch"
                };
                objects.insert((p, l.uri.as_str()));
            }
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{HEADER_START}{}{HEADER_END}\n\
             # Confirmed links are owl:sameAs, likely ones skos:closeMatch.\n\
             # Edit the table and import again rather than editing this file.\n\n\
             @prefix owl: <http://www.w3.org/2002/07/owl#> .\n\
             @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n",
            self.sources.join(", ")
        );
        for (subject, objects) in &by_subject {
            let body = objects
                .iter()
                .map(|(p, o)| format!("{p} <{o}>"))
                .collect::<Vec<_>>()
                .join(" ;\n    ");
            let _ = writeln!(out, "<{subject}>\n    {body} .\n");
        }
        out
    }
}

fn not_a_link(file: &str, q: &oxigraph::model::Quad) -> LinkFileError {
    LinkFileError::NotALink {
        file: file.to_owned(),
        triple: q.to_string(),
    }
}

/// The Turtle of `ontology/links.ttl` for `rows` alone, and the rows that
/// name nothing known.
pub fn import(rows: &[LinkRow], lexicon: &Lexicon, source: &str) -> (String, Vec<LinkRow>) {
    let (links, unmatched) = Links::from_rows(rows, lexicon, source);
    (links.to_turtle(), unmatched)
}

/// What kind of identifier an IRI is, for the coverage report: the
/// schemes of [`scheme_key`], ELI and CELEX together.
pub fn scheme_of(iri: &str) -> &'static str {
    match scheme_key(iri).as_str() {
        "wikidata" => "Wikidata",
        "eli" | "celex" => "ELI/CELEX",
        "tooi" => "TOOI",
        "eurovoc" => "EuroVoc",
        "officielebekendmakingen" | "tweedekamer" => "officielebekendmakingen",
        "op-corporate-body" => "EU corporate body",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{EMBEDDED, OntologySource};

    fn row(local_id: &str, uri: &str, confirmed: bool) -> LinkRow {
        LinkRow {
            line: 2,
            local_id: local_id.to_owned(),
            label: String::new(),
            scheme: String::new(),
            identifier: String::new(),
            uri: uri.to_owned(),
            confirmed,
        }
    }

    fn embedded_links() -> &'static str {
        EMBEDDED
            .iter()
            .find(|(name, _)| *name == "links.ttl")
            .map(|(_, text)| *text)
            .unwrap()
    }

    #[test]
    fn the_links_file_parses_back_to_the_same_bytes() {
        let links = Links::parse("links.ttl", embedded_links()).unwrap();
        assert_eq!(links.sources, ["links.tsv"]);
        assert!(links.links.len() > 100, "{}", links.links.len());
        assert_eq!(links.to_turtle(), embedded_links());
    }

    #[test]
    fn a_row_replaces_the_link_of_its_entity_and_scheme_and_keeps_the_rest() {
        let lexicon = Lexicon::load(&OntologySource::Embedded).unwrap();
        let existing = Links::parse("links.ttl", embedded_links()).unwrap();
        let rows = [
            // NATO's Wikidata link, now only likely and another item.
            row("nato", "http://www.wikidata.org/entity/Q1", false),
            // A scheme NATO had no link in.
            row("nato", "https://example.org/nato", true),
        ];
        let (table, unmatched) = Links::from_rows(&rows, &lexicon, "one.tsv");
        assert!(unmatched.is_empty());
        let (merged, report) = existing.merge(&table, Mode::Merge);
        assert_eq!(report.added, 1);
        assert_eq!(report.updated, 1);
        assert_eq!(report.kept, existing.links.len() - 1);
        assert_eq!(report.dropped, 0);
        assert_eq!(merged.sources, ["links.tsv", "one.tsv"]);
        let nato = "https://w3id.org/policykg/id/actor/nato";
        let wikidata = &merged.links[&(nato.to_owned(), "wikidata".to_owned())];
        assert_eq!(wikidata.len(), 1);
        assert!(
            wikidata
                .iter()
                .all(|l| !l.confirmed && l.uri.ends_with("/Q1"))
        );
        // Replacing keeps only the table's links.
        let (replaced, report) = existing.merge(&table, Mode::Replace);
        assert_eq!(replaced.links.len(), 2);
        assert_eq!(replaced.sources, ["one.tsv"]);
        assert_eq!(report.dropped, existing.links.len() - 1);
    }

    #[test]
    fn a_links_file_holding_anything_but_links_is_not_merged_into() {
        let text = "<https://w3id.org/policykg/id/actor/nato> <http://www.w3.org/2000/01/rdf-schema#comment> \"note\" .\n";
        let err = Links::parse("links.ttl", text).unwrap_err().to_string();
        assert!(err.starts_with("links.ttl: "), "{err}");
        assert!(err.contains("rdf-schema#comment"), "{err}");
        let err = Links::parse("links.ttl", "<a> <b>")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("links.ttl:1:"), "{err}");
    }

    #[test]
    fn schemes_are_named_as_the_links_table_names_them() {
        assert_eq!(
            scheme_key("http://www.wikidata.org/entity/Q7184"),
            "wikidata"
        );
        assert_eq!(
            scheme_key("http://data.europa.eu/eli/reg/2023/1525/oj"),
            "eli"
        );
        assert_eq!(
            scheme_key("http://publications.europa.eu/resource/celex/32023R1525"),
            "celex"
        );
        assert_eq!(scheme_key("https://example.org/x"), "example.org");
        // The coverage report counts ELI and CELEX together.
        assert_eq!(
            scheme_of("http://data.europa.eu/eli/reg/2023/1525/oj"),
            "ELI/CELEX"
        );
        assert_eq!(
            scheme_of("https://www.tweedekamer.nl/downloads/document?id=2020D30499"),
            "officielebekendmakingen"
        );
        assert_eq!(scheme_of("https://example.org/x"), "other");
    }
}
