//! The `policykg` binary: parses arguments and hands over to `cli`.

fn main() -> std::process::ExitCode {
    policykg::cli::run(std::env::args_os())
}
