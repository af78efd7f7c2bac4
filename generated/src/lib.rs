//! Generated bindings (written by the CLI).
