//! livret-impose's integration tests, one binary: the planner checked by a folding
//! simulation, the PDF backend read back with poppler, and fuzzed inputs.

mod backend;
mod flat;
mod fuzz;
mod marks;
mod mixed;
mod offset;
mod plan;
mod support;
