//! Replays the `login_query` fuzz target's seeds and saved crashes (`fuzz/seeds/login_query/`,
//! `fuzz/regressions/login_query/`) through the same body as `fuzz/fuzz_targets/login_query.rs`.

use std::time::Duration;

use tl_login::{Freshness, LoginWidget, MiniApp, ThirdParty};

fn check(text: &str) {
    if let Ok(fields) = tl_login::parse_query(text) {
        assert!(
            fields
                .iter()
                .all(|(key, value)| !key.contains('\n') && !value.contains('\n'))
        );
    }
    let fresh = Freshness::max_age(Duration::from_secs(1 << 40));
    let _ = LoginWidget::new("1:fuzz").verify_query(text, &fresh);
    let _ = MiniApp::new("1:fuzz").verify_query(text, &fresh);
    let _ = ThirdParty::production().verify_query(text, 1, &fresh);
}

#[test]
fn seeds_and_saved_crashes_run_clean() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz"));
    let mut count = 0;
    for folder in ["seeds/login_query", "regressions/login_query"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("readable");
            if let Ok(text) = std::str::from_utf8(&bytes) {
                check(text);
            }
            count += 1;
        }
    }
    assert!(count >= 9, "the seeds are there: {count}");
    for hostile in [
        "%",
        "a=%",
        "=&=&",
        "auth_date=99999999999999999999&hash=",
        "signature=%FF",
        "user={",
    ] {
        check(hostile);
    }
}
