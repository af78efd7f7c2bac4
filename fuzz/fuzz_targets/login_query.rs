#![no_main]
//! `login_query`: any text as a login query, through the parser and every check of `tl_login`: never a
//! panic, and whatever parses holds no line feed. The seeds are the login vectors' queries;
//! `cargo test -p tl-login --test fuzz_inputs` replays them and every saved crash with the same body.

use std::time::Duration;

use tl_login::{Freshness, LoginWidget, MiniApp, ThirdParty};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(fields) = tl_login::parse_query(text) {
        assert!(fields.iter().all(|(key, value)| !key.contains('\n') && !value.contains('\n')));
    }
    let fresh = Freshness::max_age(Duration::from_secs(1 << 40));
    let _ = LoginWidget::new("1:fuzz").verify_query(text, &fresh);
    let _ = MiniApp::new("1:fuzz").verify_query(text, &fresh);
    let _ = ThirdParty::production().verify_query(text, 1, &fresh);
});
