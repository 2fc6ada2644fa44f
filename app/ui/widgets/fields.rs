//! Input fields: a label, an exact value typed as people write numbers, its unit, a tooltip that
//! says what it means and where it comes from, a mark while it is an assumption to confirm, and
//! the validation message beside it.

use std::fmt::Write as _;

use breakeven_model::Problem;
use breakeven_model::format::group_thousands;
use breakeven_model::sourced::describes_an_earlier_value;
use breakeven_model::units::{Typed, parse_typed};
use egui::{Color32, Id, RichText, TextEdit, Ui};
use rust_decimal::Decimal;

use super::entry::{Entry, Style, display};

/// Width of the label column, so fields line up.
const LABEL_WIDTH: f32 = 170.0;
/// Width of a value.
const VALUE_WIDTH: f32 = 96.0;
/// The width of a value box showing a range beside its value.
const RANGED_WIDTH: f32 = 170.0;

/// The text of the field being typed in, kept while it does not parse yet, and why the last
/// change of kind was refused.
#[derive(Default)]
pub struct Editing {
    id: Option<Id>,
    text: String,
    error: Option<String>,
    /// The path of a choice of kind that could not be made, and why.
    refused: Option<(String, String)>,
}

impl Editing {
    /// The text being typed in the field `id`, while it has one.
    #[must_use]
    pub fn typed(&self, id: Id) -> Option<String> {
        (self.id == Some(id)).then(|| self.text.clone())
    }

    /// Keeps `text` as typed in the field `id`, with why it is not a value yet, if it is not.
    pub fn keep_typed(&mut self, id: Id, text: String, why: Option<String>) {
        self.id = Some(id);
        self.text = text;
        self.error = why;
    }

    /// Why the text typed in the field `id` is not a value, while it is typed.
    #[must_use]
    pub fn typed_problem(&self, id: Id) -> Option<String> {
        (self.id == Some(id)).then(|| self.error.clone()).flatten()
    }

    /// Forgets what was typed in the field `id` (it lost focus, or was set another way).
    pub fn forget_typed(&mut self, id: Id) {
        if self.id == Some(id) {
            self.id = None;
            self.error = None;
        }
    }

    /// Keeps why the text typed in the focused field cannot be its value, so the message stays
    /// beside it while the typing goes on; returns the message.
    fn refuse_typed(&mut self, why: String) -> String {
        self.error = Some(why.clone());
        why
    }

    /// Records the outcome of a change of kind at `path`: `why` it was refused, shown beside
    /// the choice until the next change there, or nothing when it was made.
    pub fn kind_changed<T, E>(
        &mut self,
        path: &str,
        outcome: Result<T, E>,
        why: &str,
    ) -> Option<T> {
        if let Ok(value) = outcome {
            self.refused = None;
            Some(value)
        } else {
            self.refused = Some((path.to_owned(), why.to_owned()));
            None
        }
    }
}

/// A field description.
#[must_use]
pub const fn field<'a>(label: &'a str, unit: &'a str, help: &'a str, path: &'a str) -> Field<'a> {
    Field {
        label,
        unit,
        help,
        path,
    }
}

/// What a field shows besides its value.
#[derive(Clone, Copy)]
pub struct Field<'a> {
    /// The label, as people say it.
    pub label: &'a str,
    /// The unit shown after the value.
    pub unit: &'a str,
    /// What the value means, for the tooltip.
    pub help: &'a str,
    /// The value's path in the scenario, for its validation messages.
    pub path: &'a str,
}

/// One number of the scenario, declared once: its label, unit and path, what it means, how it
/// is written, and where its value lives in `R` (the scenario, or one option's instances). A
/// group of inputs is a list of these; [`number_ui`] draws each.
pub struct Number<R> {
    /// The label, as people say it.
    pub label: &'static str,
    /// The unit shown after the value.
    pub unit: &'static str,
    /// The value's path in the scenario, below the group's (its validation messages use it).
    pub path: &'static str,
    /// What the value means and where its default comes from, for the tooltip.
    pub help: &'static str,
    /// How the value is written.
    pub style: Style,
    /// The value in `R`; `None` where `R` does not have it (a volume built from users has no
    /// token counts).
    pub at: fn(&mut R) -> Option<&mut dyn Entry>,
}

impl<R> Number<R> {
    /// A number written plainly (`20,000`, `0.15`).
    pub const fn new(
        label: &'static str,
        unit: &'static str,
        path: &'static str,
        help: &'static str,
        at: fn(&mut R) -> Option<&mut dyn Entry>,
    ) -> Self {
        Self {
            label,
            unit,
            path,
            help,
            style: Style::Plain,
            at,
        }
    }

    /// A number of tokens, written as tokens are (`700M`, `1.5B`).
    pub const fn tokens(
        label: &'static str,
        unit: &'static str,
        path: &'static str,
        help: &'static str,
        at: fn(&mut R) -> Option<&mut dyn Entry>,
    ) -> Self {
        Self {
            style: Style::Tokens,
            ..Self::new(label, unit, path, help, at)
        }
    }
}

/// Where the numbers of a group live, and what they are compared with.
pub struct Place<'a, R> {
    /// The values being edited.
    pub root: &'a mut R,
    /// The same place in the built-in default, for the tooltip; `None` where the default has
    /// no such place.
    pub default: Option<&'a mut R>,
    /// The path of the place in the scenario (`self_host.hosting`), or empty at the top.
    pub base: &'a str,
}

/// Every number of `numbers` in `place`, one a line.
pub fn numbers_ui<R>(
    ui: &mut Ui,
    editing: &mut Editing,
    numbers: &[Number<R>],
    place: &mut Place<'_, R>,
    problems: &[Problem],
) {
    for number in numbers {
        number_ui(ui, editing, number, place, problems);
    }
}

/// One number: its label (marked while it is an assumption to confirm, right-click for its
/// source note), the value typed as people write numbers, its unit, a tooltip with its meaning,
/// exact value, source and default, and the messages about it beside it.
pub fn number_ui<R>(
    ui: &mut Ui,
    editing: &mut Editing,
    number: &Number<R>,
    place: &mut Place<'_, R>,
    problems: &[Problem],
) {
    let Some(entry) = (number.at)(place.root) else {
        return;
    };
    let path = if place.base.is_empty() {
        number.path.to_owned()
    } else {
        format!("{}.{}", place.base, number.path)
    };
    let default = place
        .default
        .as_deref_mut()
        .and_then(|root| (number.at)(root))
        .map(|entry| entry.value());
    let shown = |value: Option<Decimal>| {
        value.map_or_else(|| "not answered".to_owned(), |v| display(v, number.style))
    };
    let value = entry.value();
    let field = field(number.label, number.unit, number.help, &path);
    let exact = value.map_or_else(|| "not answered".to_owned(), group_thousands);
    let source = entry.source().and_then(|s| s.clone());
    let to_confirm = entry.to_confirm();
    let mut hover = tooltip(field, source.as_deref(), &exact, default.map(shown));
    if let (Some(v), Some((low, high))) = (value, entry.range()) {
        let _ = write!(
            hover,
            "\n\nUncertain: most likely {}, and 90% of outcomes between {} and {}. The How sure figures sample it; type a plain number to make it certain.",
            group_thousands(v),
            group_thousands(low),
            group_thousands(high)
        );
    } else {
        hover.push_str("\n\nUnsure? Type a range: 2 to 9, 5 ± 3 or 5 ± 20%.");
    }
    if to_confirm {
        hover.push_str(TO_CONFIRM);
    } else if source.as_deref().is_some_and(describes_an_earlier_value) {
        hover.push_str(
            "\n\nThe note describes an earlier value: right-click to say where this one comes from.",
        );
    }
    let mut lines: Vec<String> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, field.label, to_confirm).on_hover_text(&hover);
        source_menu(&name, entry);
        let id = Id::unique(("field", field.path));
        let text = match (value, entry.range()) {
            (Some(v), Some((low, high))) => format!(
                "{} ({} to {})",
                display(v, number.style),
                display(low, number.style),
                display(high, number.style)
            ),
            (Some(v), None) => display(v, number.style),
            (None, _) => String::new(),
        };
        let (parsed, error) = number_box(ui, editing, id, text, name.id, &hover, Some(entry));
        let emptied = editing.id == Some(id) && editing.text.trim().is_empty();
        let taken = parsed.map(|typed| match typed {
            Typed::Number(n) => entry.take(n),
            Typed::Range { value, low, high } => entry.take_range(value, low, high),
        });
        match taken {
            Some(Err(why)) => lines.push(editing.refuse_typed(why)),
            // An answer that may be left empty is emptied by clearing its box.
            None if emptied && value.is_some() => {
                entry.clear();
            }
            Some(Ok(())) | None => {}
        }
        ui.label(RichText::new(field.unit).weak());
        let unanswered = emptied && entry.value().is_none();
        lines.extend(error.filter(|_| !unanswered));
    });
    lines.extend(messages(problems, field.path).map(str::to_owned));
    problem_lines(ui, &lines);
}

/// A number the scenario does not hold but derives (the monthly bill, from the tokens and
/// Buy's prices): shows `shown`, and hands a typed number to `take`, which changes what it is
/// derived from or says why it cannot.
pub fn derived_number_ui(
    ui: &mut Ui,
    editing: &mut Editing,
    field: Field<'_>,
    shown: Option<Decimal>,
    problems: &[Problem],
    take: impl FnOnce(Decimal) -> Result<(), String>,
) {
    let exact = shown.map_or_else(|| "cannot be computed".to_owned(), group_thousands);
    let hover = tooltip(field, Some("derived"), &exact, None);
    let mut lines: Vec<String> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, field.label, false).on_hover_text(&hover);
        let id = Id::unique(("field", field.path));
        let text = shown.map_or_else(String::new, |v| display(v.round_dp(2), Style::Plain));
        let (parsed, error) = number_box(ui, editing, id, text, name.id, &hover, None);
        let taken = parsed.map(|typed| match typed {
            Typed::Number(n) => take(n),
            Typed::Range { .. } => Err(
                "a derived figure takes a number, not a range: give the range to what it is derived from".to_owned(),
            ),
        });
        if let Some(Err(why)) = taken {
            lines.push(editing.refuse_typed(why));
        }
        ui.label(RichText::new(field.unit).weak());
        lines.extend(error);
    });
    lines.extend(messages(problems, field.path).map(str::to_owned));
    problem_lines(ui, &lines);
}

/// The validation messages for `path` (and the fields below it).
/// The problems of the field at `path`, its range's ends included.
fn messages<'a>(problems: &'a [Problem], path: &'a str) -> impl Iterator<Item = &'a str> {
    problems
        .iter()
        .filter(move |p| {
            p.path == path
                || p.path
                    .strip_prefix(path)
                    .is_some_and(|end| end == ".low" || end == ".high")
        })
        .map(|p| p.message.as_str())
}

/// What the tooltip of an assumption to confirm adds.
const TO_CONFIRM: &str = "\n\nTo confirm: a starting assumption, not the client's figure yet. Type the \
     right value, or right-click and keep this one.";

fn tooltip(field: Field<'_>, source: Option<&str>, exact: &str, default: Option<String>) -> String {
    let mut text = format!(
        "{}\n\nValue: {exact} {}\nSource: {}",
        field.help,
        field.unit,
        source.unwrap_or("none given")
    );
    if let Some(default) = default {
        let _ = write!(text, "\nDefault: {default} {}", field.unit);
    }
    text
}

/// A label, in a column of its own, with a mark while its value is an assumption to confirm.
pub fn label(ui: &mut Ui, text: &str, to_confirm: bool) -> egui::Response {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(LABEL_WIDTH, 18.0), layout, |ui| {
        ui.set_min_width(LABEL_WIDTH);
        // Clickable so its right-click menu can edit the source note, but not focusable: Tab
        // goes from one field's value to the next, never to a label.
        let response = ui.add(egui::Label::new(text).truncate().sense(egui::Sense::CLICK));
        if to_confirm {
            // The mark is a widget of its own, so the field's accessible name stays its label.
            ui.label(
                RichText::new("?")
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text("An assumption to confirm");
        }
        response
    })
    .inner
}

/// The source note of a number, edited from the field's right-click menu and saved with it,
/// and, while the number is an assumption, a button that keeps it as it is. Clicks inside the
/// menu (into its text box) keep it open; Enter or Esc closes it, the note as typed kept; a
/// click elsewhere closes it too. Writing a note confirms the number as well.
pub fn source_menu(response: &egui::Response, entry: &mut dyn Entry) {
    let to_confirm = entry.to_confirm();
    let Some(source) = entry.source() else {
        return;
    };
    let menu = egui::Popup::context_menu(response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let mut confirm = false;
    menu.show(|ui| {
        ui.label(RichText::new("Where this number comes from").strong());
        let mut text = source.clone().unwrap_or_default();
        let edit = ui.horizontal(|ui| {
            let label = ui.label("Source note");
            ui.add(
                TextEdit::singleline(&mut text)
                    .desired_width(320.0)
                    .hint_text("client finance, 2026-10"),
            )
            .labelled_by(label.id)
        });
        if edit.inner.changed() {
            *source = (!text.trim().is_empty()).then_some(text);
            confirm = true;
        }
        if edit.inner.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            ui.close();
        }
        if to_confirm && ui.button("Keep this value (confirmed)").clicked() {
            confirm = true;
            ui.close();
        }
        if ui.button("Clear the note").clicked() {
            *source = None;
            ui.close();
        }
    });
    if confirm {
        entry.confirm();
    }
}

/// Shows messages under a field's value, in the error colour, wrapped to the panel's width.
fn problem_lines(ui: &mut Ui, lines: &[String]) {
    for line in lines {
        ui.horizontal(|ui| {
            ui.add_space(LABEL_WIDTH + 8.0);
            let text = RichText::new(line)
                .color(ui.visuals().error_fg_color)
                .small();
            ui.add(egui::Label::new(text).wrap());
        });
    }
}

/// A text box for a number: shows `shown`, and while focused keeps what is typed; returns the
/// parsed number when the text changed and parses.
fn number_box(
    ui: &mut Ui,
    editing: &mut Editing,
    id: Id,
    shown: String,
    labelled_by: Id,
    hover: &str,
    entry: Option<&mut dyn Entry>,
) -> (Option<Typed>, Option<String>) {
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused && editing.id == Some(id) {
        editing.text.clone()
    } else {
        shown
    };
    // A value with its range (`700M (300M to 3B)`) gets the room to show it whole; the box then
    // wraps under its label where the panel is narrow.
    let width = if text.contains(" to ") {
        RANGED_WIDTH
    } else {
        VALUE_WIDTH
    };
    let response = ui
        .add(TextEdit::singleline(&mut text).id(id).desired_width(width))
        .labelled_by(labelled_by)
        .on_hover_text(hover);
    if let Some(entry) = entry {
        source_menu(&response, entry);
    }
    let mut parsed = None;
    if response.changed() {
        editing.id = Some(id);
        editing.text.clone_from(&text);
        match parse_typed(&text) {
            Ok(value) => {
                parsed = Some(value);
                editing.error = None;
            }
            Err(error) => editing.error = Some(error),
        }
    }
    if response.lost_focus() && editing.id == Some(id) {
        editing.id = None;
        editing.error = None;
    }
    let error = if editing.id == Some(id) {
        editing.error.clone()
    } else {
        None
    };
    (parsed, error)
}

/// A choice of how a value is given (a price per hour or per month, staff as hours or people):
/// returns the kind picked this frame when it is not `current`. Why the last change here was
/// refused is written beside it.
pub fn kind_choice<K: Copy + PartialEq>(
    ui: &mut Ui,
    editing: &Editing,
    field: Field<'_>,
    kinds: &[(K, &str)],
    current: K,
) -> Option<K> {
    let name_of = |kind: K| {
        kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, name)| name)
    };
    let mut picked = current;
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, field.label, false).on_hover_text(field.help);
        egui::ComboBox::from_id_salt(("kind", field.path))
            .selected_text(name_of(current))
            .show_ui(ui, |ui| {
                for (kind, text) in kinds {
                    ui.selectable_value(&mut picked, *kind, *text);
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(field.help);
    });
    if let Some((path, why)) = &editing.refused
        && path == field.path
    {
        problem_lines(ui, std::slice::from_ref(why));
    }
    (picked != current).then_some(picked)
}

/// A choice among a few answers; `None` is "not answered".
pub fn choice<T: PartialEq + Copy>(
    ui: &mut Ui,
    field: Field<'_>,
    value: &mut Option<T>,
    default: Option<T>,
    options: &[(T, &str)],
) {
    let name_of = |v: Option<T>| {
        v.and_then(|v| options.iter().find(|(o, _)| *o == v))
            .map_or("Not answered", |(_, n)| *n)
    };
    let help = format!("{}\n\nDefault: {}", field.help, name_of(default));
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, field.label, false).on_hover_text(&help);
        egui::ComboBox::from_id_salt(("choice", field.path))
            .selected_text(name_of(*value))
            .width(VALUE_WIDTH + 40.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(value, None, "Not answered");
                for (option, text) in options {
                    ui.selectable_value(value, Some(*option), *text);
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(&help);
    });
}

/// A yes-or-no answer that may be left unanswered.
pub fn yes_no(ui: &mut Ui, field: Field<'_>, value: &mut Option<bool>, default: Option<bool>) {
    choice(ui, field, value, default, &[(true, "Yes"), (false, "No")]);
}

/// A short heading inside a group.
pub fn note(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).small().color(Color32::GRAY)).wrap());
}
