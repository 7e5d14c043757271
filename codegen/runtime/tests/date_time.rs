//! `DateTime`: its three wire formats and the epoch edge cases. Expected instants come from
//! GNU `date -u` and the RFCs' own examples, not from this code.

use codegen_runtime::primitives::DateTime;
use codegen_runtime::wire::from_json_str;
use std::time::{Duration, UNIX_EPOCH};

fn at(seconds: i64, nanos: u32) -> DateTime {
    DateTime::from_secs_and_nanos(seconds, nanos).expect("nanos below one billion")
}

fn parts(time: Option<DateTime>) -> Option<(i64, u32)> {
    time.map(|time| (time.secs(), time.subsec_nanos()))
}

#[test]
fn nanos_of_one_billion_or_more_are_refused() {
    assert!(DateTime::from_secs_and_nanos(0, 1_000_000_000).is_none());
    assert!(DateTime::from_secs_and_nanos(0, 999_999_999).is_some());
}

#[test]
fn milliseconds_before_the_epoch_count_the_fraction_forward() {
    let time = DateTime::from_millis(-1);
    assert_eq!((time.secs(), time.subsec_nanos()), (-1, 999_000_000));
    let time = DateTime::from_millis(1_500);
    assert_eq!((time.secs(), time.subsec_nanos()), (1, 500_000_000));
}

#[test]
fn system_times_convert_both_ways_around_the_epoch() {
    let before = UNIX_EPOCH - Duration::from_millis(1_250);
    let time = DateTime::from(before);
    assert_eq!((time.secs(), time.subsec_nanos()), (-2, 750_000_000));
    assert_eq!(time.to_system_time(), Some(before));
    let after = UNIX_EPOCH + Duration::new(1_576_540_098, 5);
    assert_eq!(DateTime::from(after).to_system_time(), Some(after));
    assert_eq!(DateTime::from(UNIX_EPOCH), DateTime::from_secs(0));
}

#[cfg(feature = "formatted-timestamps")]
mod formatted {
    use super::*;

    #[test]
    fn rfc3339_is_written_in_utc_with_a_fraction_only_when_there_is_one() {
        // 1576540098 is 2019-12-16T23:48:18Z (`date -u -d @1576540098`).
        assert_eq!(
            DateTime::from_secs(1_576_540_098).to_rfc3339(),
            "2019-12-16T23:48:18Z"
        );
        assert_eq!(
            at(1_576_540_098, 520_000_000).to_rfc3339(),
            "2019-12-16T23:48:18.52Z"
        );
        assert_eq!(at(0, 1).to_rfc3339(), "1970-01-01T00:00:00.000000001Z");
        assert_eq!(DateTime::from_secs(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
        assert_eq!(
            DateTime::from_secs(253_402_300_799).to_rfc3339(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(
            DateTime::from_secs(-62_135_596_800).to_rfc3339(),
            "0001-01-01T00:00:00Z"
        );
    }

    #[test]
    fn rfc3339_is_read_with_offsets_fractions_and_leap_days() {
        let parse = |text| parts(DateTime::parse_rfc3339(text));
        assert_eq!(parse("2019-12-16T23:48:18Z"), Some((1_576_540_098, 0)));
        assert_eq!(parse("2019-12-16t23:48:18z"), Some((1_576_540_098, 0)));
        assert_eq!(parse("2019-12-17T00:48:18+01:00"), Some((1_576_540_098, 0)));
        assert_eq!(parse("2019-12-16T20:18:18-03:30"), Some((1_576_540_098, 0)));
        assert_eq!(
            parse("2019-12-16T23:48:18.123Z"),
            Some((1_576_540_098, 123_000_000))
        );
        assert_eq!(parse("2020-02-29T00:00:00Z"), Some((1_582_934_400, 0)));
        assert_eq!(parse("2000-02-29T12:00:00Z"), Some((951_825_600, 0)));
        assert_eq!(parse("1900-03-01T00:00:00Z"), Some((-2_203_891_200, 0)));
        assert_eq!(parse("1900-02-28T23:59:59Z"), Some((-2_203_891_201, 0)));
    }

    #[test]
    fn rfc3339_dates_that_do_not_exist_are_refused_not_rolled_over() {
        // RFC 3339 section 5.7: `date-mday` ranges over the days of that month and year.
        for text in [
            "2019-02-29T00:00:00Z",
            "2019-04-31T00:00:00Z",
            "2019-06-31T12:00:00Z",
            "2019-09-31T12:00:00Z",
            "2019-11-31T12:00:00Z",
            "1900-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "2019-02-30T00:00:00Z",
            "2019-00-10T00:00:00Z",
            "2019-01-00T00:00:00Z",
            "2019-1-10T00:00:00Z",
        ] {
            assert_eq!(DateTime::parse_rfc3339(text), None, "{text:?}");
        }
        let parse = |text| parts(DateTime::parse_rfc3339(text));
        // Leap days that exist: 2000 (divisible by 400), 2024.
        assert_eq!(parse("2024-02-29T00:00:00Z"), Some((1_709_164_800, 0)));
        assert_eq!(parse("2019-04-30T00:00:00Z"), Some((1_556_582_400, 0)));
    }

    #[test]
    fn rfc3339_keeps_any_number_of_fractional_digits() {
        let parse = |text| parts(DateTime::parse_rfc3339(text));
        assert_eq!(parse("1970-01-01T00:00:00.1Z"), Some((0, 100_000_000)));
        assert_eq!(
            parse("1970-01-01T00:00:00.123456789Z"),
            Some((0, 123_456_789))
        );
        // Digits past the nanosecond are cut off, however many there are.
        assert_eq!(
            parse("1970-01-01T00:00:00.1234567891234567891234Z"),
            Some((0, 123_456_789))
        );
        // Offsets with fractions: 1985-04-12T23:20:50.52Z is RFC 3339's own example, and
        // 1996-12-19T16:39:57-08:00 is 1996-12-20T00:39:57Z (section 5.8).
        assert_eq!(
            parse("1985-04-12T23:20:50.52Z"),
            Some((482_196_050, 520_000_000))
        );
        assert_eq!(
            parse("1996-12-19T16:39:57-08:00"),
            parse("1996-12-20T00:39:57Z")
        );
        assert_eq!(parse("1996-12-20T00:39:57Z"), Some((851_042_397, 0)));
        assert_eq!(
            parse("2000-01-02T20:34:56.123+00:30"),
            Some((946_843_496, 123_000_000))
        );
    }

    #[test]
    fn http_dates_are_read_in_the_three_forms_of_rfc_9110() {
        // RFC 9110 section 5.6.7's example, in each form a recipient must accept.
        let expected = Some((784_111_777, 0));
        assert_eq!(
            parts(DateTime::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")),
            expected
        );
        // `94` is more than 50 years ahead as 2094, so it is 1994.
        assert_eq!(
            parts(DateTime::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT")),
            expected
        );
        assert_eq!(
            parts(DateTime::parse_http_date("Sun Nov  6 08:49:37 1994")),
            expected
        );
        assert_eq!(
            parts(DateTime::parse_http_date("Thu Nov 16 08:49:37 1994")),
            Some((784_975_777, 0))
        );
        for text in [
            "Fri, 29 Feb 2019 00:00:00 GMT",
            "Wed, 31 Apr 2019 00:00:00 GMT",
            "Friday, 29-Feb-19 00:00:00 GMT",
            "Fri Feb 29 00:00:00 2019",
        ] {
            assert_eq!(DateTime::parse_http_date(text), None, "{text:?}");
        }
        // Written as IMF-fixdate, the form RFC 9110 says a sender generates.
        assert_eq!(
            DateTime::from_secs(784_975_777).to_http_date(),
            "Wed, 16 Nov 1994 08:49:37 GMT"
        );
    }

    #[test]
    fn malformed_rfc3339_is_refused() {
        for text in [
            "",
            "2019-12-16",
            "2019-13-16T23:48:18Z",
            "2019-12-32T23:48:18Z",
            "2019-12-16T24:00:00Z",
            "2019-12-16T23:60:00Z",
            "2019-12-16T23:48:18",
            "2019-12-16T23:48:18.Z",
            "2019-12-16T23:48Z",
            "2019-12-16T23:48:18+0100",
            "+2019-12-16T23:48:18Z",
        ] {
            assert_eq!(DateTime::parse_rfc3339(text), None, "{text:?}");
        }
    }

    #[test]
    fn http_dates_follow_rfc_7231() {
        // The example of RFC 7231, section 7.1.1.1.
        let example = DateTime::from_secs(784_111_777);
        assert_eq!(example.to_http_date(), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            parts(DateTime::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")),
            Some((784_111_777, 0))
        );
        assert_eq!(
            DateTime::from_secs(-1).to_http_date(),
            "Wed, 31 Dec 1969 23:59:59 GMT"
        );
        assert_eq!(
            at(784_111_777, 500_000_000).to_http_date(),
            "Sun, 06 Nov 1994 08:49:37.5 GMT"
        );
        for text in [
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 94",
            "Sun Nov  6 08:49:37 1994 GMT",
        ] {
            assert_eq!(DateTime::parse_http_date(text), None, "{text:?}");
        }
    }
}

#[test]
fn epoch_seconds_are_read_from_the_number_text() {
    let parse = |text| parts(DateTime::parse_epoch_seconds(text));
    assert_eq!(parse("1600000000"), Some((1_600_000_000, 0)));
    assert_eq!(parse("1600000000.123"), Some((1_600_000_000, 123_000_000)));
    assert_eq!(parse("-1.5"), Some((-2, 500_000_000)));
    assert_eq!(parse("-0"), Some((0, 0)));
    assert_eq!(parse("1.6E9"), Some((1_600_000_000, 0)));
    assert_eq!(parse("1.6e+9"), Some((1_600_000_000, 0)));
    assert_eq!(parse("16E-1"), Some((1, 600_000_000)));
    assert_eq!(parse("123456789e-9"), Some((0, 123_456_789)));
    // Digits beyond the nanosecond are dropped, not rounded.
    assert_eq!(parse("0.0000000019"), Some((0, 1)));
    assert_eq!(parse("0e999999999"), Some((0, 0)));
    assert_eq!(parse("9223372036854775807"), Some((i64::MAX, 0)));
    assert_eq!(parse("-9223372036854775808"), Some((i64::MIN, 0)));
}

#[test]
fn epoch_seconds_out_of_range_or_malformed_are_refused() {
    for text in [
        "",
        "-",
        "abc",
        "1.",
        ".5",
        "1e",
        "1e+",
        "1.5.5",
        "+1",
        "1 ",
        "0x10",
        "NaN",
        "9223372036854775808",
        "-9223372036854775809",
        "1e19",
        "10000000000000000000",
    ] {
        assert_eq!(DateTime::parse_epoch_seconds(text), None, "{text:?}");
    }
}

#[test]
fn epoch_seconds_are_written_as_an_integer_or_a_decimal() {
    let json = |time: DateTime| {
        let mut out = Vec::new();
        codegen_runtime::wire::to_json(&time, &mut out).expect("serializes");
        String::from_utf8(out).expect("UTF-8")
    };
    assert_eq!(json(DateTime::from_secs(1_600_000_000)), "1600000000");
    assert_eq!(json(at(1, 500_000_000)), "1.5");
    assert_eq!(json(at(-2, 500_000_000)), "-1.5");
    assert_eq!(json(at(1_576_540_098, 123_000_000)), "1576540098.123");
    let read: DateTime = from_json_str("1576540098.123").expect("reads");
    assert_eq!(read, at(1_576_540_098, 123_000_000));
    // Every digit to the nanosecond, which a float would not keep.
    let read: DateTime = from_json_str("1576540098.123456789").expect("reads");
    assert_eq!(read, at(1_576_540_098, 123_456_789));
    let error = from_json_str::<DateTime>("\"1576540098\"").expect_err("a string");
    assert!(
        error
            .to_string()
            .starts_with("invalid type: string \"1576540098\", expected a number"),
        "{error}"
    );
}

#[test]
fn another_deserializer_gives_epoch_seconds_as_its_number() {
    // serde_json gives the float it parsed: exact to the millisecond for present-day times.
    let read: DateTime = serde_json::from_str("1576540098.123").expect("reads");
    assert_eq!(read, at(1_576_540_098, 123_000_000));
    let read: DateTime = serde_json::from_str("-3").expect("reads");
    assert_eq!(read, DateTime::from_secs(-3));
    // A string is not epoch seconds, whoever reads it.
    let error = serde_json::from_str::<DateTime>("\"1576540098\"").expect_err("a string");
    assert!(
        error.to_string().starts_with("invalid type: string"),
        "{error}"
    );
}
