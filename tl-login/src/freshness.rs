//! How old a login may be, and how far the sender's clock may run ahead of ours.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::LoginError;

/// The accepted age of `auth_date`, measured at a given time.
///
/// ```
/// use std::time::Duration;
/// let freshness = tl_login::Freshness::max_age(Duration::from_secs(600)); // now, 60 s of clock skew
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    max_age: Duration,
    max_skew: Duration,
    now: SystemTime,
}

impl Freshness {
    /// Logins at most `max_age` old, measured now, dated at most a minute in the future.
    pub fn max_age(max_age: Duration) -> Self {
        Freshness {
            max_age,
            max_skew: Duration::from_secs(60),
            now: SystemTime::now(),
        }
    }

    /// Measures at `now` instead (for tests, or a time the caller took).
    pub fn at(mut self, now: SystemTime) -> Self {
        self.now = now;
        self
    }

    /// Accepts an `auth_date` up to `skew` in the future (default one minute).
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.max_skew = skew;
        self
    }

    /// The time of `auth_date` (Unix seconds, as text), if fresh.
    pub(crate) fn check(&self, auth_date: &str) -> Result<SystemTime, LoginError> {
        let malformed = || LoginError::Malformed {
            key: "auth_date".to_string(),
        };
        let seconds: u64 = auth_date.parse().map_err(|_| malformed())?;
        let date = UNIX_EPOCH
            .checked_add(Duration::from_secs(seconds))
            .ok_or_else(malformed)?;
        match self.now.duration_since(date) {
            Ok(age) if age > self.max_age => Err(LoginError::Expired { age }),
            Ok(_) => Ok(date),
            Err(ahead) if ahead.duration() > self.max_skew => Err(LoginError::FromTheFuture {
                ahead: ahead.duration(),
            }),
            Err(_) => Ok(date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_beyond_the_clock_and_not_numbers_are_malformed() {
        let fresh = Freshness::max_age(Duration::from_secs(60)).at(UNIX_EPOCH + Duration::from_secs(1000));
        for bad in ["18446744073709551615", "-1", "1e3", "", " 1000"] {
            assert_eq!(
                fresh.check(bad),
                Err(LoginError::Malformed {
                    key: "auth_date".to_string()
                }),
                "{bad}"
            );
        }
        assert_eq!(fresh.check("1000"), Ok(UNIX_EPOCH + Duration::from_secs(1000)));
        assert_eq!(
            fresh.check("1060"),
            Ok(UNIX_EPOCH + Duration::from_secs(1060)),
            "a minute of skew"
        );
    }
}
