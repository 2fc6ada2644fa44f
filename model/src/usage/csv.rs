//! A plain CSV for every other source: a header `date,feature,model,input_tokens,output_tokens`
//! and, optionally, `cached_input_tokens`, then a row a day (or a month) and feature and model.
//! `date` is `YYYY-MM-DD`; `input_tokens` counts every prompt token, the cached ones among them.
//! Fields may be quoted as RFC 4180 says (a feature's name with a comma in it).

use chrono::NaiveDate;

use super::{Row, UsageError, at};

const COLUMNS: [&str; 5] = ["date", "feature", "model", "input_tokens", "output_tokens"];

pub fn read(text: &str) -> Result<Vec<Row>, UsageError> {
    let mut lines = text.trim_start_matches('\u{feff}').lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Ok(Vec::new());
    };
    let header: Vec<String> = fields(header)
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let cached = match header.len() {
        5 => false,
        6 if header[5] == "cached_input_tokens" => true,
        _ => {
            return Err(at(
                "line 1",
                "the header is not date,feature,model,input_tokens,output_tokens[,cached_input_tokens]",
            ));
        }
    };
    if header[..5] != COLUMNS {
        return Err(at(
            "line 1",
            "the header is not date,feature,model,input_tokens,output_tokens[,cached_input_tokens]",
        ));
    }
    let mut rows = Vec::new();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let where_ = format!("line {}", index.saturating_add(1));
        let cells = fields(line);
        if cells.len() != header.len() {
            return Err(at(
                where_,
                format!(
                    "has {} fields; the header has {}",
                    cells.len(),
                    header.len()
                ),
            ));
        }
        let number = |k: usize| -> Result<u64, UsageError> {
            let cell = cells[k].trim();
            cell.parse::<u64>().map_err(|_| {
                at(
                    where_.clone(),
                    format!("{} is `{cell}`, not a count of tokens", header[k]),
                )
            })
        };
        let day = NaiveDate::parse_from_str(cells[0].trim(), "%Y-%m-%d").map_err(|_| {
            at(
                where_.clone(),
                format!("date is `{}`, not YYYY-MM-DD", cells[0].trim()),
            )
        })?;
        let input = number(3)?;
        let cached_input = if cached { number(5)? } else { 0 };
        if cached_input > input {
            return Err(at(
                where_,
                format!(
                    "cached_input_tokens ({cached_input}) is more than input_tokens ({input}), which counts them"
                ),
            ));
        }
        rows.push(Row {
            day: Some(day),
            feature: cells[1].trim().to_owned(),
            model: cells[2].trim().to_owned(),
            input,
            output: number(4)?,
            cached_input,
        });
    }
    Ok(rows)
}

/// The fields of a CSV line: commas separate, double quotes enclose a field that may hold
/// commas, and a doubled quote inside is one quote.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}
