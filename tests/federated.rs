//! A federated query for real: the official Oxigraph server (PyPI package
//! `oxigraph`, command `oxigraph serve`) runs on 127.0.0.1 with a small
//! fixture in Wikidata's shape, and the bundled `wikidata-enrich.rq` runs
//! through policykg with its SERVICE pointed at it. Nothing leaves
//! loopback.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{bundled, corpus, query_from};

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn wikidata_enrich_joins_local_actors_with_a_real_sparql_server() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("federated-oxigraph");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikidata.ttl");
    let load = Command::new("oxigraph")
        .args(["load", "--location"])
        .arg(&dir)
        .arg("--file")
        .arg(&fixture)
        .output()
        .expect("the oxigraph server is installed (python3 -m pip install oxigraph)");
    assert!(
        load.status.success(),
        "{}",
        String::from_utf8_lossy(&load.stderr)
    );
    let port = free_port();
    let server = Server(
        Command::new("oxigraph")
            .args(["serve", "--location"])
            .arg(&dir)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let query = bundled("wikidata-enrich").replace(
        "https://query.wikidata.org/sparql",
        &format!("http://127.0.0.1:{port}/query"),
    );
    assert!(query.contains("127.0.0.1"));
    let r = query_from(&corpus(), &query);
    drop(server);
    let row = |item: &str| {
        r.iter()
            .find(|x| x["item"] == format!("http://www.wikidata.org/entity/{item}"))
            .unwrap_or_else(|| panic!("{item} not joined: {r:#?}"))
    };
    // Local Dutch label beside Wikidata's English one.
    assert_eq!(row("Q458")["label"], "Europese Unie");
    assert_eq!(row("Q458")["wikidataLabel"], "European Union");
    assert_eq!(row("Q458")["instanceOfLabel"], "regional organization");
    assert_eq!(row("Q7184")["website"], "https://www.nato.int/");
    assert!(row("Q1134173")["inception"].starts_with("2004-07-12"));
    // Only items a local actor links to.
    assert!(!r.iter().any(|x| x["item"].ends_with("/Q90")), "{r:#?}");
    assert_eq!(r.len(), 3, "{r:#?}");
}
