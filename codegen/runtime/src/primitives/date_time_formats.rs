//! RFC 3339 (`date-time`) and HTTP-date (`http-date`) text for `DateTime`: civil-date
//! arithmetic on the proleptic Gregorian calendar, in UTC. Dates that do not exist
//! (`2019-02-29`) are refused, never rolled over into the next month.

use super::date_time::DateTime;

/// Whether `year` is a leap year of the Gregorian calendar.
fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many days `month` (1 to 12) has in `year`; 0 for a month that does not exist.
fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds since the epoch of a date and a second of the day, when the date exists.
fn seconds_at(year: i64, month: u32, day: u32, second_of_day: i64) -> Option<i64> {
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    days_from_civil(year, month, day)
        .checked_mul(86_400)?
        .checked_add(second_of_day)
}

/// Days since 1970-01-01 for a civil date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // Years start in March here, so that the leap day is the last day of a year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // 719 468 days from 0000-03-01 to 1970-01-01; an era is 400 years of 146 097 days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Weekday names from the epoch's own: 1970-01-01 was a Thursday.
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// A run of ASCII digits as a number; `None` for anything else (no sign, no spaces).
fn digits(text: &str) -> Option<u32> {
    if all_digits(text) {
        text.parse().ok()
    } else {
        None
    }
}

/// Whether `text` is a non-empty run of ASCII digits (of any length).
fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `HH:MM:SS[.fraction]` to seconds of the day and nanoseconds.
fn parse_clock(text: &str) -> Option<(i64, u32)> {
    let (clock, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = clock.split(':');
    let (hours, minutes, seconds) = (
        digits(parts.next()?)?,
        digits(parts.next()?)?,
        digits(parts.next()?)?,
    );
    // A second of 60 is a leap second; it counts as the first second of the next minute.
    if parts.next().is_some()
        || hours > 23
        || minutes > 59
        || seconds > 60
        || (text.contains('.') && !all_digits(fraction))
    {
        return None;
    }
    let nanos: String = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect();
    Some((
        i64::from(hours * 3600 + minutes * 60 + seconds),
        nanos.parse().ok()?,
    ))
}

impl DateTime {
    /// Year, month, day, hour, minute and second, in UTC.
    fn parts(&self) -> (i64, u32, u32, i64, i64, i64) {
        let days = self.secs().div_euclid(86_400);
        let seconds = self.secs().rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        (
            year,
            month,
            day,
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60,
        )
    }

    /// `.` and the fraction's digits without trailing zeros, or nothing for a whole second.
    fn fraction(&self) -> String {
        match self.subsec_nanos() {
            0 => String::new(),
            nanos => format!(".{nanos:09}").trim_end_matches('0').to_owned(),
        }
    }

    /// RFC 3339 in UTC (`2019-12-16T23:48:18.52Z`), fraction only when there is one.
    pub fn to_rfc3339(&self) -> String {
        let (year, month, day, hour, minute, second) = self.parts();
        format!(
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{}Z",
            self.fraction()
        )
    }

    /// Parses RFC 3339 (`2019-12-16T23:48:18Z`, `...18.123+01:00`): any offset, any number
    /// of fractional digits (past nanoseconds they are cut off); a date that does not
    /// exist is refused.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, rest) = text.split_once(['T', 't'])?;
        let mut date_parts = date.split('-');
        let (year, month, day) = (date_parts.next()?, date_parts.next()?, date_parts.next()?);
        // RFC 3339's `date-fullyear`, `date-month` and `date-mday` have 4, 2 and 2 digits.
        if date_parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let (year, month, day) = (i64::from(digits(year)?), digits(month)?, digits(day)?);
        let (clock, offset) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
            (clock, 0)
        } else {
            let (clock, zone) = rest.split_at_checked(rest.rfind(['+', '-'])?)?;
            let (hours, minutes) = zone.get(1..)?.split_once(':')?;
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            (
                clock,
                sign * i64::from(digits(hours)? * 3600 + digits(minutes)? * 60),
            )
        };
        let (seconds, nanos) = parse_clock(clock)?;
        let total = seconds_at(year, month, day, seconds - offset)?;
        Self::from_secs_and_nanos(total, nanos)
    }

    /// IMF-fixdate (`Tue, 29 Apr 2014 18:30:38 GMT`), with a fraction when there is one.
    pub fn to_http_date(&self) -> String {
        let (year, month, day, hour, minute, second) = self.parts();
        let weekday = WEEKDAYS
            .get(self.secs().div_euclid(86_400).rem_euclid(7) as usize)
            .copied()
            .unwrap_or("Thu");
        let month = MONTHS
            .get((month as usize).saturating_sub(1))
            .copied()
            .unwrap_or("Jan");
        format!(
            "{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02}{} GMT",
            self.fraction()
        )
    }

    /// Parses an HTTP-date in the three forms RFC 9110 (section 5.6.7) requires a recipient
    /// to accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). The
    /// weekday is not checked against the date; a date that does not exist is refused.
    pub fn parse_http_date(text: &str) -> Option<Self> {
        let text = text.trim();
        let (year, month, day, clock) = if let Some((_, rest)) = text.split_once(", ") {
            if rest.contains('-') {
                parse_rfc850(rest)?
            } else {
                parse_imf_fixdate(rest)?
            }
        } else {
            parse_asctime(text)?
        };
        let (seconds, nanos) = parse_clock(clock)?;
        let total = seconds_at(year, month, day, seconds)?;
        Self::from_secs_and_nanos(total, nanos)
    }
}

/// A month's number (1 to 12) from its three-letter name.
fn month_number(name: &str) -> Option<u32> {
    let index = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name))?;
    u32::try_from(index).ok().map(|index| index + 1)
}

/// A date's parts: year, month, day and the clock text.
type DateParts<'t> = (i64, u32, u32, &'t str);

/// IMF-fixdate after the weekday: `06 Nov 1994 08:49:37 GMT`.
fn parse_imf_fixdate(rest: &str) -> Option<DateParts<'_>> {
    let mut parts = rest.split(' ');
    let (day, month, year, clock) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next()? != "GMT" || parts.next().is_some() || day.len() != 2 || year.len() != 4 {
        return None;
    }
    Some((
        i64::from(digits(year)?),
        month_number(month)?,
        digits(day)?,
        clock,
    ))
}

/// The obsolete RFC 850 form after the weekday: `06-Nov-94 08:49:37 GMT`. Its two-digit
/// year is read as RFC 9110 says: the year with those last two digits that is not more than
/// 50 years after the current one.
fn parse_rfc850(rest: &str) -> Option<DateParts<'_>> {
    let mut parts = rest.split(' ');
    let (date, clock) = (parts.next()?, parts.next()?);
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let mut date = date.split('-');
    let (day, month, year) = (date.next()?, date.next()?, date.next()?);
    if date.next().is_some() || day.len() != 2 || year.len() != 2 {
        return None;
    }
    let now = current_year();
    let mut year = now - now.rem_euclid(100) + i64::from(digits(year)?);
    if year > now + 50 {
        year -= 100;
    }
    Some((year, month_number(month)?, digits(day)?, clock))
}

/// asctime: `Sun Nov  6 08:49:37 1994` (a one-digit day is padded with a space).
fn parse_asctime(text: &str) -> Option<DateParts<'_>> {
    let mut parts = text.split(' ').filter(|part| !part.is_empty());
    let (weekday, month, day, clock, year) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if parts.next().is_some() || weekday.len() != 3 || day.len() > 2 || year.len() != 4 {
        return None;
    }
    Some((
        i64::from(digits(year)?),
        month_number(month)?,
        digits(day)?,
        clock,
    ))
}

/// The current year in UTC (1970 if the clock is before the epoch).
fn current_year() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(now / 86_400).unwrap_or_default();
    civil_from_days(days).0
}
