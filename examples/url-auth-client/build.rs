//! Generates the url-auth types into OUT_DIR, the way a client crate uses tl-codegen.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    tl_codegen::Config::new()
        .schema("../../schema/url_auth.tl")
        .roots(["KeyboardButton", "messages.requestUrlAuth", "messages.acceptUrlAuth"])
        .compile()?;
    Ok(())
}
