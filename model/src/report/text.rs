//! How every report writes a figure or a word: money to the cent, a fraction in percent, a
//! volume in words and in tokens, and text made safe for HTML. The text, Markdown, HTML and JSON
//! writers share these and import nothing else from each other for them.

use rust_decimal::Decimal;

use crate::format::{fixed, group_thousands, tokens_short};

/// Money to the cent, as a string: `1234.50`.
pub fn cents(value: Decimal) -> String {
    fixed(value, 2)
}

/// A fraction in percent to two places, the same digits as the JSON report: 0.928 is `92.80%`.
pub fn percent(fraction: Decimal) -> String {
    crate::format::in_percent(fraction).map_or_else(
        || "beyond any scale".to_owned(),
        |p| format!("{}%", fixed(p, 2)),
    )
}

/// A monthly volume in words and exactly: `4.77B (4,770,000,000 tokens)`.
pub fn tokens(volume: Decimal) -> String {
    format!(
        "{} ({} tokens)",
        tokens_short(volume),
        group_thousands(volume.round_dp(0))
    )
}

/// `text` with the characters HTML gives a meaning escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn figures_are_written_to_the_cent_in_percent_and_in_tokens() {
        assert_eq!(cents(dec!(1234.5)), "1234.50");
        assert_eq!(percent(dec!(0.928)), "92.80%");
        assert_eq!(tokens(dec!(4_770_000_000)), "4.77B (4,770,000,000 tokens)");
    }

    #[test]
    fn markup_is_escaped_and_other_text_kept() {
        assert_eq!(
            escape("Client <A> & \"B\"'s"),
            "Client &lt;A&gt; &amp; &quot;B&quot;&#39;s"
        );
        assert_eq!(escape("4.77B tokens, $2,383"), "4.77B tokens, $2,383");
    }
}
