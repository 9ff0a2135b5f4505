//! `catalogue`: the staff tool for checking, importing and exporting catalogues.
//! All the work is in `program_finder::cli`; see `catalogue --help`.

fn main() -> std::process::ExitCode {
    program_finder::cli::run(std::env::args_os())
}
