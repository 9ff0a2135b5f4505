//! The checker page's entry point (check.html). All the work is in `program_finder::checker`.

fn main() {
    console_error_panic_hook::set_once();
    program_finder::checker::start();
}
