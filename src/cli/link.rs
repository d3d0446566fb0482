//! `policykg link`: coverage of external identifiers per entity type, the
//! entities without one, and `--import TABLE` to write `ontology/links.ttl`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::explain::rows;
use crate::lexicon::{Lexicon, OntologySource};
use crate::link::{self, Links, Mode};
use crate::query::cell;
use crate::store::Store;

/// Identifier schemes counted per type, in column order.
const SCHEMES: [&str; 4] = ["Wikidata", "ELI/CELEX", "TOOI", "EuroVoc"];

/// Imports a links table into `output`, merged with the links already
/// there or replacing them (`mode`); prints what changed and what it could
/// not place.
pub fn import(
    table: &Path,
    output: &Path,
    mode: Mode,
    ontology: &OntologySource,
) -> Result<ExitCode> {
    let lexicon = Lexicon::load(ontology).context("cannot load the ontology")?;
    let text = std::fs::read_to_string(table)
        .with_context(|| format!("cannot read \"{}\"", table.display()))?;
    let rows = link::parse_table(&table.display().to_string(), &text)?;
    let name = table.file_name().map_or_else(
        || table.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let (existing, readable) = existing_links(output, mode)?;
    let (imported, unmatched) = Links::from_rows(&rows, &lexicon, &name);
    let (merged, report) = existing.merge(&imported, mode);
    // Written next to the target and renamed, so a failure never leaves
    // half a file.
    let tmp = output.with_extension("ttl.tmp");
    std::fs::write(&tmp, merged.to_turtle())
        .with_context(|| format!("cannot write \"{}\"", tmp.display()))?;
    std::fs::rename(&tmp, output)
        .with_context(|| format!("cannot write \"{}\"", output.display()))?;
    let mut out = std::io::stdout().lock();
    let dropped = match (mode, readable) {
        (Mode::Merge, _) => String::new(),
        (Mode::Replace, true) => format!(", {} dropped (--replace)", report.dropped),
        (Mode::Replace, false) => {
            ", and what the file held before, which did not parse, dropped (--replace)".to_owned()
        }
    };
    writeln!(
        out,
        "imported {} of {} rows of {} into {}: {} added, {} updated, {} kept{dropped}",
        rows.len() - unmatched.len(),
        rows.len(),
        table.display(),
        output.display(),
        report.added,
        report.updated,
        report.kept,
    )?;
    for r in &unmatched {
        writeln!(
            out,
            "  {}:{}: {} ({}) names no entity of the lexicon; left out",
            table.display(),
            r.line,
            r.local_id,
            r.label
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The links already in `output` (none when it does not exist), and
/// whether they could be read. A file that does not parse, or holds more
/// than links, stops the import unless it is to be replaced.
fn existing_links(output: &Path, mode: Mode) -> Result<(Links, bool)> {
    let replace = mode == Mode::Replace;
    let text = match std::fs::read_to_string(output) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Links::default(), true)),
        Err(_) if replace => return Ok((Links::default(), false)),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read \"{}\"", output.display()));
        }
    };
    match Links::parse(&output.display().to_string(), &text) {
        Ok(links) => Ok((links, true)),
        Err(_) if replace => Ok((Links::default(), false)),
        Err(e) => Err(e).with_context(|| {
            format!(
                "cannot merge the table into \"{}\" (fix it, or pass --replace to overwrite it with the table alone)",
                output.display()
            )
        }),
    }
}

/// Prints coverage per entity type and lists entities without identifiers.
pub fn coverage(store: Store) -> Result<ExitCode> {
    let found = rows(
        &store,
        "PREFIX owl: <http://www.w3.org/2002/07/owl#>
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         SELECT DISTINCT ?e ?class ?id ?label WHERE {
           ?e a ?class .
           FILTER(REGEX(STR(?e), \"^https://w3id.org/policykg/id/(actor|instrument|issue)/\"))
           FILTER(STRSTARTS(STR(?class), \"https://w3id.org/policykg/def#\"))
           OPTIONAL { ?e owl:sameAs|skos:closeMatch ?id }
           OPTIONAL { ?e skos:prefLabel ?label . FILTER(LANG(?label) = \"nl\") }
         }",
    )?;
    // type → entity → schemes
    let mut by_type: BTreeMap<String, BTreeMap<String, (String, Vec<&'static str>)>> =
        BTreeMap::new();
    for r in &found {
        let (Some(e), Some(class)) = (&r[0], &r[1]) else {
            continue;
        };
        let class = cell(class);
        let class = class
            .rsplit(['#', ':'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let entry = by_type
            .entry(class)
            .or_default()
            .entry(cell(e))
            .or_insert_with(|| (r[3].as_ref().map(cell).unwrap_or_default(), Vec::new()));
        if let Some(id) = &r[2] {
            entry.1.push(link::scheme_of(&cell(id)));
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<22} {:>8} {:>9} {:>10} {:>5} {:>8} {:>5}",
        "type", "entities", SCHEMES[0], SCHEMES[1], SCHEMES[2], SCHEMES[3], "any"
    )?;
    let mut without: Vec<(String, String, String)> = Vec::new();
    let mut totals = [0usize; 6];
    for (class, entities) in &by_type {
        let count = |s: &str| entities.values().filter(|(_, v)| v.contains(&s)).count();
        let any = entities.values().filter(|(_, v)| !v.is_empty()).count();
        let row = [
            entities.len(),
            count(SCHEMES[0]),
            count(SCHEMES[1]),
            count(SCHEMES[2]),
            count(SCHEMES[3]),
            any,
        ];
        for (t, r) in totals.iter_mut().zip(row) {
            *t += r;
        }
        writeln!(
            out,
            "{class:<22} {:>8} {:>9} {:>10} {:>5} {:>8} {:>5}",
            row[0], row[1], row[2], row[3], row[4], row[5]
        )?;
        for (iri, (label, ids)) in entities {
            if ids.is_empty() {
                without.push((class.clone(), label.clone(), iri.clone()));
            }
        }
    }
    writeln!(
        out,
        "{:<22} {:>8} {:>9} {:>10} {:>5} {:>8} {:>5}",
        "all types (per type)", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]
    )?;
    without.sort();
    without.dedup_by(|a, b| a.2 == b.2);
    writeln!(out, "without an external identifier: {}", without.len())?;
    for (class, label, iri) in &without {
        writeln!(out, "  {class:<20} {label} {iri}")?;
    }
    Ok(ExitCode::SUCCESS)
}
