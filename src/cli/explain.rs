//! `policykg explain NAME`: an entity by label, alias or IRI — its type,
//! labels, external identifiers and every mention with document, line and
//! quote.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use crate::query::{cell, compact};
use crate::store::{QueryOptions, Store, StoreError};

/// Escapes a string for a SPARQL string literal.
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn rows(store: &Store, sparql: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    store.query(sparql, QueryOptions::default(), |r| {
        let QueryResults::Solutions(solutions) = r else {
            return Ok(Vec::new());
        };
        let vars: Vec<_> = solutions.variables().to_vec();
        let mut out = Vec::new();
        for s in solutions {
            let s = s.map_err(|e| StoreError::Evaluation(e.to_string()))?;
            out.push(vars.iter().map(|v| s.get(v).cloned()).collect());
        }
        Ok(out)
    })
}

const PREFIXES: &str = "PREFIX pkg: <https://w3id.org/policykg/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

fn text(t: &Option<Term>) -> String {
    t.as_ref().map(cell).unwrap_or_default()
}

/// The one entity `name` names: an IRI, the one entity whose label it is,
/// or the one whose alias or acronym it is. Several at the same rank are
/// listed with their types; none gives the closest labels.
pub(super) fn resolve_one(store: &Store, name: &str) -> Result<String> {
    pick(store, name, &resolve(store, name)?)
}

/// The one entity of `found` (what `name` names, best rank first).
fn pick(store: &Store, name: &str, found: &[(String, u8)]) -> Result<String> {
    let Some(&(_, best)) = found.first() else {
        let labels = rows(
            store,
            &format!(
                "{PREFIXES}SELECT DISTINCT ?l WHERE {{
                   ?e skos:prefLabel|skos:altLabel|pkg:acronym ?l .
                   FILTER(STRSTARTS(STR(?e), \"{}\"))
                 }}",
                crate::rdf::iri::ID
            ),
        )?;
        let labels: Vec<String> = labels.iter().map(|r| text(&r[0])).collect();
        bail!(
            "no entity named \"{name}\"; try an acronym (NAVO), a label (Europees Defensieagentschap) or an IRI{}",
            super::suggest::did_you_mean(name, labels.iter().map(String::as_str))
        );
    };
    let top: Vec<&String> = found
        .iter()
        .filter(|(_, r)| *r == best)
        .map(|(e, _)| e)
        .collect();
    if top.len() > 1 {
        let listed: Vec<String> = top
            .iter()
            .map(|e| described(store, e))
            .collect::<Result<_, StoreError>>()?;
        bail!(
            "\"{name}\" names {} entities: {}; name one by its IRI",
            top.len(),
            listed.join(", ")
        );
    }
    Ok(top[0].clone())
}

/// "id:actor/cyprus (pkg:State)": an entity as `explain` names it.
fn described(store: &Store, entity: &str) -> Result<String, StoreError> {
    Ok(format!(
        "{} ({})",
        compact(entity),
        types(store, entity)?.join(", ")
    ))
}

/// An entity's most specific types, compacted ("pkg:State", not also
/// "pkg:Actor").
fn types(store: &Store, entity: &str) -> Result<Vec<String>, StoreError> {
    let found = rows(
        store,
        &format!(
            "{PREFIXES}PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             SELECT DISTINCT ?t WHERE {{
               <{entity}> a ?t .
               FILTER NOT EXISTS {{ <{entity}> a ?s . ?s rdfs:subClassOf+ ?t . FILTER(?s != ?t) }}
             }} ORDER BY STR(?t)"
        ),
    )?;
    Ok(found.iter().map(|r| text(&r[0])).collect())
}

/// Every entity `name` names, with its rank: 0 an IRI, 1 a preferred
/// label, 2 an alias, hidden label or acronym; best first.
fn resolve(store: &Store, name: &str) -> Result<Vec<(String, u8)>, StoreError> {
    let lit = literal(&name.to_lowercase());
    // A full IRI, or one compacted as the tables show it (id:actor/nato).
    let iri = match name.strip_prefix("id:") {
        Some(rest) => format!("{}{rest}", crate::rdf::iri::ID),
        None => name.to_owned(),
    };
    let iri_test = if iri.starts_with("http") && !iri.contains(['>', ' ', '"', '<', '{', '}']) {
        format!("UNION {{ BIND(<{iri}> AS ?e) BIND(0 AS ?rank) FILTER EXISTS {{ ?e ?p ?o }} }}")
    } else {
        String::new()
    };
    let q = format!(
        "{PREFIXES}SELECT DISTINCT ?e ?rank WHERE {{
           {{
             {{ ?e skos:prefLabel ?l . BIND(1 AS ?rank) }}
             UNION {{ ?e skos:altLabel|skos:hiddenLabel|pkg:acronym ?l . BIND(2 AS ?rank) }}
             FILTER(LCASE(STR(?l)) = {lit})
           }} {iri_test}
         }} ORDER BY ?rank STR(?e)"
    );
    let mut out: Vec<(String, u8)> = Vec::new();
    for r in rows(store, &q)? {
        let rank = match &r[1] {
            Some(Term::Literal(l)) => l.value().parse().unwrap_or(2),
            _ => 2,
        };
        if let Some(Term::NamedNode(n)) = &r[0]
            && !out.iter().any(|(o, _)| o == n.as_str())
        {
            out.push((n.as_str().to_owned(), rank));
        }
    }
    Ok(out)
}

/// What the entity blocks (or is the reason for), and what blocks it.
fn explain_blockades(store: &Store, entity: &str, out: &mut impl Write) -> Result<()> {
    let rows = rows(
        store,
        &format!(
            "{PREFIXES}SELECT DISTINCT ?how ?other ?strength ?doc ?line ?quote WHERE {{
               {{ ?b pkg:blocker <{entity}> ; pkg:blocked ?other . BIND(\"blocks\" AS ?how) }}
               UNION {{ ?b pkg:reason <{entity}> ; pkg:blocked ?other . BIND(\"is the reason for blocking\" AS ?how) }}
               UNION {{ ?b pkg:blocked <{entity}> ; pkg:blocker ?other . BIND(\"is blocked by\" AS ?how) }}
               ?b pkg:strength ?strength ; pkg:inDocument/pkg:sourceFile ?doc ; prov:wasDerivedFrom ?ev .
               ?ev pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?quote .
             }} ORDER BY ?how ?doc ?line ?other"
        ),
    )?;
    fact_lines(out, "blockades", &rows, true)
}

/// Prints `heading: N` and one line per row of (how, a, b, document, line,
/// quote); `b` in brackets when `bracket` ("(Blocks)").
fn fact_lines(
    out: &mut impl Write,
    heading: &str,
    rows: &[Vec<Option<Term>>],
    bracket: bool,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "{heading}: {}", rows.len())?;
    for r in rows {
        let cell = |i: usize| r.get(i).map(text).unwrap_or_default();
        let b = if bracket {
            format!("({})", cell(2))
        } else {
            cell(2)
        };
        writeln!(
            out,
            "  {} {} {b} {}:{} {}",
            cell(0),
            cell(1),
            cell(3),
            cell(4),
            cell(5)
        )?;
    }
    Ok(())
}

/// The positions the entity holds (alone or as a partner), and those taken
/// on it.
fn explain_positions(store: &Store, entity: &str, out: &mut impl Write) -> Result<()> {
    let rows = rows(
        store,
        &format!(
            "{PREFIXES}SELECT DISTINCT ?how ?relation ?other ?doc ?line ?quote WHERE {{
               {{ ?p pkg:holder <{entity}> ; pkg:target ?other . BIND(\"holds\" AS ?how) }}
               UNION {{ ?p pkg:partner <{entity}> ; pkg:target ?other . BIND(\"holds as partner\" AS ?how) }}
               UNION {{ ?p pkg:target <{entity}> ; pkg:holder ?other . BIND(\"is the target of\" AS ?how) }}
               ?p pkg:relation ?relation ; pkg:inDocument/pkg:sourceFile ?doc ; prov:wasDerivedFrom ?ev .
               ?ev pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?quote .
             }} ORDER BY ?how ?relation ?doc ?line ?other"
        ),
    )?;
    fact_lines(out, "positions", &rows, false)
}

/// For a recommendation: its parts, restatements and responses.
fn explain_recommendation(store: &Store, rec: &str, out: &mut impl Write) -> Result<()> {
    let parts = rows(
        store,
        &format!(
            "{PREFIXES}SELECT DISTINCT ?c ?n ?t WHERE {{ ?c pkg:partOf <{rec}> ; pkg:text ?t .
               OPTIONAL {{ ?c pkg:number ?n }} }} ORDER BY STRLEN(STR(?n)) ?n ?c"
        ),
    )?;
    if !parts.is_empty() {
        writeln!(out, "recommendations under it: {}", parts.len())?;
        for r in &parts {
            writeln!(out, "  {} {} {}", text(&r[1]), text(&r[2]), text(&r[0]))?;
        }
    }
    let restated = rows(
        store,
        &format!(
            "{PREFIXES}SELECT ?doc ?line ?sim ?quote WHERE {{
               ?r pkg:restates <{rec}> ; pkg:inDocument/pkg:sourceFile ?doc ; pkg:similarity ?sim ;
                  prov:wasDerivedFrom ?ev .
               ?ev pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?quote .
             }} ORDER BY ?doc ?line"
        ),
    )?;
    if !restated.is_empty() {
        writeln!(out, "restated: {}", restated.len())?;
        for r in &restated {
            writeln!(
                out,
                "  {}:{} (similarity {}) {}",
                text(&r[0]),
                text(&r[1]),
                text(&r[2]),
                text(&r[3])
            )?;
        }
    }
    let responses = rows(
        store,
        &format!(
            "{PREFIXES}SELECT ?doc ?line ?stance ?quote WHERE {{
               ?r pkg:respondsTo <{rec}> ; pkg:inDocument/pkg:sourceFile ?doc ; pkg:stance ?stance ;
                  prov:wasDerivedFrom ?ev .
               ?ev pkg:line ?line ; oa:hasTarget/oa:hasSelector/oa:exact ?quote .
             }} ORDER BY ?doc ?line"
        ),
    )?;
    if !responses.is_empty() {
        writeln!(out, "responses: {}", responses.len())?;
        for r in &responses {
            writeln!(
                out,
                "  {}:{} {} {}",
                text(&r[0]),
                text(&r[1]),
                text(&r[2]),
                text(&r[3])
            )?;
        }
    }
    Ok(())
}

/// Prints the explanation of `name`.
pub fn run(store: Store, name: &str) -> Result<ExitCode> {
    let found = resolve(&store, name)?;
    let entity = &pick(&store, name, &found)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", described(&store, entity)?)?;
    let details = rows(
        &store,
        // DISTINCT: an entity described in several documents has each of
        // those triples once per document graph in the union.
        &format!(
            "{PREFIXES}SELECT DISTINCT ?p ?o WHERE {{ <{entity}> ?p ?o }} ORDER BY ?p STR(?o)"
        ),
    )?;
    for r in &details {
        let p = text(&r[0]);
        let o = match &r[1] {
            Some(Term::Literal(l)) => match l.language() {
                Some(lang) => format!("{} @{lang}", l.value()),
                None => l.value().to_owned(),
            },
            other => text(other),
        };
        writeln!(out, "  {p:<18} {o}")?;
    }
    let mentions = rows(
        &store,
        &format!(
            "{PREFIXES}SELECT ?doc ?line ?form ?quote WHERE {{
               ?m pkg:mentions <{entity}> ; pkg:inDocument ?d ; pkg:surfaceForm ?form ; prov:wasDerivedFrom ?ev .
               ?ev pkg:line ?line ; oa:hasTarget/oa:hasSelector ?q .
               ?q oa:exact ?quote .
               ?d pkg:sourceFile ?doc .
             }} ORDER BY ?doc ?line ?form"
        ),
    )?;
    writeln!(out, "mentions: {}", mentions.len())?;
    for r in &mentions {
        writeln!(
            out,
            "  {}:{} [{}] {}",
            text(&r[0]),
            text(&r[1]),
            text(&r[2]),
            text(&r[3])
        )?;
    }
    explain_recommendation(&store, entity, &mut out)?;
    explain_blockades(&store, entity, &mut out)?;
    explain_positions(&store, entity, &mut out)?;
    let others: Vec<String> = found
        .iter()
        .map(|(e, _)| e)
        .filter(|e| *e != entity)
        .map(|e| described(&store, e))
        .collect::<Result<_, StoreError>>()?;
    if !others.is_empty() {
        writeln!(out, "also named \"{name}\": {}", others.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}
