//! The model in TDLib's JSON (`Config::tdjson`): what changes when JSON, not TL's binary form, is the
//! wire.

use super::{Model, OPAQUE_ANSWER, OPAQUE_JSON_ANSWER};

impl Model {
    /// Lowers the model to TDLib's JSON: fields documented as nullable become `Option`s, and an answer
    /// the schema gives no constructor is read as any JSON value rather than as bytes.
    pub fn lower_to_tdjson(&mut self) {
        self.make_documented_nulls_optional();
        (self.externs.iter_mut())
            .filter(|external| external.rust_path == OPAQUE_ANSWER)
            .for_each(|external| external.rust_path = OPAQUE_JSON_ANSWER.to_string());
    }
}
