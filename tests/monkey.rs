//! A monkey in the whole window: from a seed, thousands of random user actions anywhere in it
//! (hostile values typed into every field, an option of every combo box, check boxes, groups,
//! the volume slider and the daily users, every button and menu item, the shortcuts, clicks,
//! drags and wheel turns anywhere). The window must never panic, must settle after every action
//! and, probed every [`PROBE_EVERY`] actions, must still take an edit and its undo. Widgets are
//! found at run time through AccessKit, as a screen reader finds them, so a widget added later is
//! covered without a change here.
//!
//! The short run is part of `cargo test`. Longer runs, and many seeds:
//!
//! ```text
//! MONKEY_ACTIONS=20000 MONKEY_SEED=7 cargo test --release --test monkey -- --nocapture
//! MONKEY_SEEDS=1..50 MONKEY_ACTIONS=2000 cargo test --release --test monkey -- --nocapture
//! ```
//!
//! Settings: `MONKEY_ACTIONS` (default [`DEFAULT_ACTIONS`]), `MONKEY_SEED` (default
//! [`DEFAULT_SEED`]) or `MONKEY_SEEDS=a..b` (b excluded), `MONKEY_TRACE` (actions printed on a
//! failure, default [`TRACE_LEN`]), `MONKEY_HANG_SECS` (one step longer ends the run, default 120)
//! and `MONKEY_MAX_MB` (more memory held ends the run, default 4096).
//!
//! A failure prints the seed and the last actions; `MONKEY_SEED` replays it. Save As, Open and
//! Export take the paths the monkey types, relative ones, so each run happens in a folder of its
//! own; the current folder belongs to the whole process, hence this binary's single test.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use breakeven::window::BreakevenApp;
use egui::accessibility::is_input;
use egui::accesskit::{NodeId, Role};
use egui::{
    Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, TouchPhase, Vec2,
};
use egui_kittest::kittest::{AccessKitNode, NodeT as _, Queryable as _};
use egui_kittest::{Harness, Node};
use proptest::prelude::RngExt as _;
use proptest::test_runner::{RngAlgorithm, TestRng};
use rust_decimal::dec;

/// Actions in a run of `cargo test`: under a minute of a debug build on two cores (9 a second).
const DEFAULT_ACTIONS: usize = 500;

/// The seed of a run of `cargo test`.
const DEFAULT_SEED: u64 = 1;

/// Actions between two probes that the window still answers.
const PROBE_EVERY: usize = 100;

/// Actions printed when a run fails, unless `MONKEY_TRACE` says how many.
const TRACE_LEN: usize = 30;

/// The window's size in [`common::harness`], where random pointer actions land.
const WINDOW: Vec2 = Vec2::new(1400.0, 900.0);

/// Never clicked: "Browse…" starts the desktop's own file dialog (rfd), which cannot run in a
/// test; the typed path beside it is what the monkey uses instead.
const NEVER_CLICKED: &[&str] = &["Browse…"];

/// What the monkey types, besides the generated values of [`value`].
const HOSTILE: &[&str] = &[
    // Huge: past what a Decimal holds, at its edge, and huge but valid.
    "1000000000000000000000000000",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "1e30",
    "9e27",
    "1e27",
    // Negative, tiny, exponents.
    "-1",
    "-0.000001",
    "-1e30",
    "1e-30",
    "2.5E3",
    // Suffixes.
    "1.5B",
    "800M",
    "25K",
    "3T",
    "1.5BB",
    "K",
    "-5M",
    // Separators.
    "1,500,000",
    "1,5",
    "1_000",
    "1 000",
    "1.2.3",
    // Empty, blank, garbage.
    "",
    " ",
    "   ",
    "abc",
    "NaN",
    "inf",
    "-inf",
    "--5",
    "0x10",
    "½",
    "💥",
    // Zero.
    "0",
    "-0",
    "0.0000",
    // Plausible.
    "0.15",
    "730",
    "12",
    "100",
    "0.6",
    "50%",
    "1000000",
];

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// The keys the monkey presses: the window's shortcuts, and the keys a focused widget takes.
/// Not Ctrl +/-: egui's zoom moves every widget away from where AccessKit says it is.
const KEYS: &[(Modifiers, Key, &str)] = &[
    (Modifiers::COMMAND, Key::Z, "Ctrl+Z"),
    (SHIFT_COMMAND, Key::Z, "Ctrl+Shift+Z"),
    (Modifiers::COMMAND, Key::Y, "Ctrl+Y"),
    (Modifiers::COMMAND, Key::Num1, "Ctrl+1"),
    (Modifiers::COMMAND, Key::Num2, "Ctrl+2"),
    (Modifiers::COMMAND, Key::Num3, "Ctrl+3"),
    (Modifiers::COMMAND, Key::Num4, "Ctrl+4"),
    (Modifiers::COMMAND, Key::Num5, "Ctrl+5"),
    (Modifiers::NONE, Key::F11, "F11"),
    (Modifiers::NONE, Key::Escape, "Escape"),
    (Modifiers::COMMAND, Key::N, "Ctrl+N"),
    (Modifiers::COMMAND, Key::S, "Ctrl+S"),
    (SHIFT_COMMAND, Key::S, "Ctrl+Shift+S"),
    (Modifiers::COMMAND, Key::O, "Ctrl+O"),
    (Modifiers::COMMAND, Key::E, "Ctrl+E"),
    (SHIFT_COMMAND, Key::C, "Ctrl+Shift+C"),
    (Modifiers::NONE, Key::Enter, "Enter"),
    (Modifiers::NONE, Key::Tab, "Tab"),
    (Modifiers::NONE, Key::Space, "Space"),
    (Modifiers::NONE, Key::ArrowUp, "Up"),
    (Modifiers::NONE, Key::ArrowDown, "Down"),
    (Modifiers::NONE, Key::Backspace, "Backspace"),
];

/// What kind of thing a user does; each picks its widget among those of its roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Type,
    Combo,
    CheckBox,
    Group,
    Slider,
    Click,
    RightClick,
    Key,
    Pointer,
}

impl Kind {
    /// Each kind and how often it is picked, out of the sum.
    const WEIGHTS: [(Self, u32); 9] = [
        (Self::Type, 30),
        (Self::Combo, 10),
        (Self::CheckBox, 5),
        (Self::Group, 6),
        (Self::Slider, 6),
        (Self::Click, 22),
        (Self::RightClick, 3),
        (Self::Key, 10),
        (Self::Pointer, 8),
    ];

    /// The kind of action a widget of `role` takes, if the monkey acts on it directly.
    fn of(role: Role) -> Option<Self> {
        Some(match role {
            Role::TextInput | Role::MultilineTextInput | Role::NumberInput | Role::SearchInput => {
                Self::Type
            }
            Role::ComboBox | Role::EditableComboBox => Self::Combo,
            Role::CheckBox | Role::Switch | Role::MenuItemCheckBox => Self::CheckBox,
            Role::DisclosureTriangle => Self::Group,
            Role::Slider | Role::SpinButton | Role::Splitter => Self::Slider,
            // A field's label opens its source note on a right-click.
            Role::Label => Self::RightClick,
            role if is_input(role) => Self::Click,
            _ => return None,
        })
    }
}

/// A widget on screen, kept by its AccessKit id to find it again after a scroll or a frame.
#[derive(Clone, Debug)]
struct Widget {
    id: NodeId,
    role: Role,
    label: String,
    expanded: Option<bool>,
    /// Which of the widgets of the same role and label this is, and how many there are.
    nth: (usize, usize),
    /// In a dialog (a modal), which takes the pointer from the rest of the window.
    in_dialog: bool,
}

impl std::fmt::Display for Widget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {:?}", self.role, self.label)?;
        match self.nth {
            (_, 1) => Ok(()),
            (n, of) => write!(f, " ({n} of {of})"),
        }
    }
}

/// The widgets a user can act on now: enabled, shown, with a place on screen.
fn widgets(harness: &Harness<'_, BreakevenApp>) -> Vec<Widget> {
    let mut found: Vec<Widget> = harness
        .root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .filter(|n| Kind::of(n.role()).is_some() && !n.is_hidden() && !n.is_disabled())
        .filter(|n| n.bounding_box().is_some())
        .map(|n| Widget {
            in_dialog: std::iter::successors(n.parent(), AccessKitNode::parent)
                .any(|p| p.role() == Role::Dialog),
            id: n.locate().0,
            role: n.role(),
            // A label's text is its value (see kittest's `By::label`).
            label: n.label().or_else(|| n.value()).unwrap_or_default(),
            expanded: n.data().is_expanded(),
            nth: (1, 1),
        })
        .filter(|w| !NEVER_CLICKED.contains(&w.label.as_str()))
        .collect();
    for i in 0..found.len() {
        let same = |w: &Widget| w.role == found[i].role && w.label == found[i].label;
        let n = found[..i].iter().filter(|w| same(w)).count() + 1;
        let of = found.iter().filter(|w| same(w)).count();
        found[i].nth = (n, of);
    }
    found
}

fn find<'h>(harness: &'h Harness<'static, BreakevenApp>, id: NodeId) -> Option<Node<'h>> {
    harness
        .root()
        .children_recursive()
        .find(|n| n.accesskit_node().locate().0 == id)
}

/// The run so far, for the report of a failure and for the watchdog.
struct Trace {
    seed: u64,
    /// How many of the last steps to keep.
    keep: usize,
    /// The number of the action being done.
    action: usize,
    recent: VecDeque<String>,
    /// When the last step started.
    since: Instant,
}

/// The trace, shared with the watchdog's thread.
#[derive(Clone)]
struct Log(Arc<Mutex<Trace>>);

impl Log {
    fn new(seed: u64) -> Self {
        let keep =
            env_number("MONKEY_TRACE").map_or(TRACE_LEN, |n| usize::try_from(n).expect("a count"));
        Self(Arc::new(Mutex::new(Trace {
            seed,
            keep,
            action: 0,
            recent: VecDeque::new(),
            since: Instant::now(),
        })))
    }

    fn trace(&self) -> std::sync::MutexGuard<'_, Trace> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Notes what is about to be done, before it is done: a panic's trace ends with its cause.
    fn note(&self, what: &str) {
        let mut trace = self.trace();
        let line = format!("#{} {what}", trace.action);
        trace.recent.push_back(line);
        if trace.recent.len() > trace.keep {
            trace.recent.pop_front();
        }
        trace.since = Instant::now();
    }

    fn report(&self) -> String {
        let trace = self.trace();
        let mut text = format!(
            "\nThe monkey failed at action {} of seed {}. Replay: MONKEY_SEED={} MONKEY_ACTIONS={} \
             cargo test --test monkey -- --nocapture\nThe last actions, oldest first:\n",
            trace.action,
            trace.seed,
            trace.seed,
            trace.action + 1
        );
        for line in &trace.recent {
            text.push_str("  ");
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// Prints the trace when the run panics: the panic says where, the trace says how to get there.
struct PrintOnPanic(Log);

impl Drop for PrintOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("{}", self.0.report());
        }
    }
}

/// Ends the process with the trace when one step runs longer than `step` or the process holds
/// more than `memory_mb`: a hang never panics, and a blow-up ends in the system's out-of-memory
/// kill, so nothing else would say which action caused them.
struct Watchdog {
    halt: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    fn start(log: Log, step: Duration, memory_mb: u64) -> Self {
        let (halt, halted) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            while let Err(RecvTimeoutError::Timeout) =
                halted.recv_timeout(Duration::from_millis(100))
            {
                if log.trace().since.elapsed() > step {
                    eprintln!("HANG: one step ran over {step:?}.{}", log.report());
                    std::process::exit(3);
                }
                if let Some(held) = resident_mb().filter(|held| *held > memory_mb) {
                    eprintln!(
                        "MEMORY: the process holds {held} MB, over {memory_mb} MB.{}",
                        log.report()
                    );
                    std::process::exit(4);
                }
            }
        });
        Self {
            halt: Some(halt),
            thread: Some(thread),
        }
    }
}

/// The memory the process holds, where the system says (Linux).
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.halt.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// How many actions of each kind ran, and on how many different widgets.
#[derive(Default)]
struct Tally {
    done: BTreeMap<Kind, usize>,
    widgets: BTreeMap<Kind, BTreeSet<String>>,
    probes: usize,
    /// Actions done while a dialog was on screen.
    in_dialog: usize,
    /// Actions after which the window took more frames to settle than the harness allows.
    slow_settles: usize,
    /// The most frames one took.
    slow: u64,
}

/// A value to type: mostly one of [`HOSTILE`], sometimes a long one or a random number.
fn value(rng: &mut TestRng) -> String {
    match rng.random_range(0..10) {
        0 => match rng.random_range(0..3) {
            0 => "1234567890".repeat(30),
            1 => "x".repeat(300),
            _ => format!("0.{}", "0".repeat(298)),
        },
        1 => {
            let sign = ["", "-", "+"][rng.random_range(0..3)];
            let digits: String = (0..rng.random_range(1..32))
                .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
                .collect();
            let exponent = match rng.random_range(0..3) {
                0 => format!("e{}", rng.random_range(-40..40)),
                _ => String::new(),
            };
            let suffix = ["", "K", "M", "B", "T", "%"][rng.random_range(0..6)];
            format!("{sign}{digits}{exponent}{suffix}")
        }
        _ => HOSTILE[rng.random_range(0..HOSTILE.len())].to_owned(),
    }
}

fn pick<T: Clone>(rng: &mut TestRng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())].clone()
}

/// A point anywhere in the window.
fn anywhere(rng: &mut TestRng) -> Pos2 {
    Pos2::new(
        rng.random_range(0.0..WINDOW.x),
        rng.random_range(0.0..WINDOW.y),
    )
}

/// The window, the dice, and what was done.
struct Monkey {
    harness: Harness<'static, BreakevenApp>,
    rng: TestRng,
    log: Log,
    tally: Tally,
}

impl Monkey {
    /// Runs the window until it settles. More frames than the harness allows (a tooltip fading
    /// in after a wheel turn) is counted, not failed; a window that never settles fails.
    fn run(&mut self) {
        if let Err(error) = self.harness.try_run() {
            let Some(steps) = error.steps_to_settle else {
                panic!("the window keeps repainting: {error}");
            };
            self.tally.slow = self.tally.slow.max(steps);
            self.tally.slow_settles += 1;
            self.harness.check_accessibility();
        }
    }

    /// One random action of a kind that has a widget to act on.
    fn act(&mut self) {
        let mut found = widgets(&self.harness);
        // Mostly deal with the dialog on screen, as a user does; sometimes reach past it.
        if found.iter().any(|w| w.in_dialog) {
            self.tally.in_dialog += 1;
            if self.rng.random_bool(0.8) {
                found.retain(|w| w.in_dialog);
            }
        }
        let of_kind = |kind: Kind| -> Vec<Widget> {
            found
                .iter()
                .filter(|w| Kind::of(w.role) == Some(kind))
                .cloned()
                .collect()
        };
        let choices: Vec<(Kind, u32)> = Kind::WEIGHTS
            .into_iter()
            .filter(|(kind, _)| {
                matches!(kind, Kind::Key | Kind::Pointer) || !of_kind(*kind).is_empty()
            })
            .collect();
        let mut roll = self
            .rng
            .random_range(0..choices.iter().map(|c| c.1).sum::<u32>());
        let kind = choices
            .iter()
            .find(|(_, weight)| {
                let hit = roll < *weight;
                roll = roll.saturating_sub(*weight);
                hit
            })
            .map_or(Kind::Key, |c| c.0);
        *self.tally.done.entry(kind).or_default() += 1;
        let targets = of_kind(kind);
        let target = match kind {
            // Mostly open a closed group: most fields are behind one.
            Kind::Group if self.rng.random_bool(0.7) => {
                let closed: Vec<Widget> = targets
                    .iter()
                    .filter(|w| w.expanded == Some(false))
                    .cloned()
                    .collect();
                (!closed.is_empty()).then(|| pick(&mut self.rng, &closed))
            }
            _ => None,
        }
        .or_else(|| (!targets.is_empty()).then(|| pick(&mut self.rng, &targets)));
        if let Some(target) = &target {
            self.tally
                .widgets
                .entry(kind)
                .or_default()
                .insert(target.to_string());
        }
        match (kind, target) {
            (Kind::Type, Some(field)) => self.type_into(&field),
            (Kind::Combo, Some(combo)) => self.pick_from(&combo),
            (Kind::Slider, Some(slider)) => self.slide(&slider),
            (Kind::RightClick, Some(widget)) => {
                self.click(&widget, PointerButton::Secondary, "right-click");
            }
            (Kind::CheckBox | Kind::Group | Kind::Click, Some(widget)) => {
                self.click(&widget, PointerButton::Primary, "click");
            }
            (Kind::Pointer, _) => self.pointer(),
            _ => self.key(),
        }
    }

    /// Clicks `widget`: with the pointer after scrolling to it, or now and then as a screen
    /// reader does, through AccessKit (which reaches it even behind a dialog).
    fn click(&mut self, widget: &Widget, button: PointerButton, verb: &str) {
        let accesskit = button == PointerButton::Primary && self.rng.random_bool(0.25);
        let how = if accesskit { " (AccessKit)" } else { "" };
        self.log.note(&format!("{verb} {widget}{how}"));
        if accesskit {
            if let Some(node) = find(&self.harness, widget.id) {
                node.click_accesskit();
            }
        } else {
            if let Some(node) = find(&self.harness, widget.id) {
                node.scroll_to_me();
            }
            self.run();
            if let Some(node) = find(&self.harness, widget.id) {
                node.click_button(button);
            }
        }
        self.run();
    }

    /// Types a value into `field`, replacing its text, then leaves it one of the ways a user does.
    fn type_into(&mut self, field: &Widget) {
        let text = value(&mut self.rng);
        let end = pick(&mut self.rng, &["Enter", "Tab", "click away", "stay"]);
        let shown: String = text.chars().take(40).collect();
        let cut = if shown.len() < text.len() { "…" } else { "" };
        self.log.note(&format!(
            "type {shown:?}{cut} ({} chars) into {field}, then {end}",
            text.chars().count()
        ));
        // Queued together and run once: each event is a frame of its own all the same.
        if let Some(node) = find(&self.harness, field.id) {
            node.focus();
        }
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        if text.is_empty() {
            self.harness.key_press(Key::Backspace);
        } else {
            self.harness.event(Event::Text(text));
        }
        match end {
            "Enter" => self.harness.key_press(Key::Enter),
            "Tab" => self.harness.key_press(Key::Tab),
            "click away" => click_away(&self.harness),
            _ => {}
        }
        self.run();
    }

    /// Opens `combo` and clicks one of the options it shows.
    fn pick_from(&mut self, combo: &Widget) {
        self.log.note(&format!("open {combo}"));
        if let Some(node) = find(&self.harness, combo.id) {
            node.scroll_to_me();
        }
        self.run();
        let before: HashSet<NodeId> = widgets(&self.harness).iter().map(|w| w.id).collect();
        if let Some(node) = find(&self.harness, combo.id) {
            if self.rng.random_bool(0.25) {
                node.click_accesskit();
            } else {
                node.click();
            }
        }
        self.run();
        let options: Vec<Widget> = widgets(&self.harness)
            .into_iter()
            .filter(|w| !before.contains(&w.id) && Kind::of(w.role) == Some(Kind::Click))
            .collect();
        if options.is_empty() {
            self.log.note(&format!("{combo} shows no option"));
            return;
        }
        let option = pick(&mut self.rng, &options);
        self.tally
            .widgets
            .entry(Kind::Combo)
            .or_default()
            .insert(format!("{combo} > {:?}", option.label));
        self.click(&option, PointerButton::Primary, "pick");
    }

    /// Moves a slider, a drag value or a panel's edge: through AccessKit, the keyboard or a drag.
    fn slide(&mut self, slider: &Widget) {
        const VALUES: [f64; 10] = [-1e30, -1.0, 0.0, 1.0, 1e6, 3.3e9, 1e13, 1e15, 1e28, 1e300];
        let way = self.rng.random_range(0..6);
        let Some(node) = find(&self.harness, slider.id) else {
            return;
        };
        let rect = node.rect();
        match way {
            0 => {
                let value = if self.rng.random_bool(0.5) {
                    pick(&mut self.rng, &VALUES)
                } else {
                    10f64.powf(self.rng.random_range(0.0..14.0))
                };
                self.log.note(&format!("set {slider} to {value:e}"));
                node.set_value_accesskit(value);
            }
            1 => {
                self.log.note(&format!("increment {slider}"));
                node.increment_accesskit();
            }
            2 => {
                self.log.note(&format!("decrement {slider}"));
                node.decrement_accesskit();
            }
            3 => {
                let key = pick(
                    &mut self.rng,
                    &[
                        Key::ArrowLeft,
                        Key::ArrowRight,
                        Key::Home,
                        Key::End,
                        Key::PageUp,
                    ],
                );
                self.log.note(&format!("focus {slider}, press {key:?}"));
                node.focus();
                self.harness.key_press(key);
            }
            4 => {
                self.log.note(&format!("click {slider}"));
                node.click();
            }
            _ => {
                let from = Pos2::new(
                    self.rng.random_range(rect.left()..=rect.right()),
                    rect.center().y,
                );
                let to = from + Vec2::new(self.rng.random_range(-600.0..600.0), 0.0);
                self.log
                    .note(&format!("drag {slider} from {from:?} to {to:?}"));
                self.drag(from, to);
            }
        }
        self.run();
    }

    fn drag(&self, from: Pos2, to: Pos2) {
        self.harness.hover_at(from);
        self.harness.drag_at(from);
        self.harness.hover_at(from.lerp(to, 0.5));
        self.harness.hover_at(to);
        self.harness.drop_at(to);
    }

    fn key(&mut self) {
        let (modifiers, key, name) = pick(&mut self.rng, KEYS);
        self.log.note(&format!("press {name}"));
        self.harness.key_press_modifiers(modifiers, key);
        self.run();
    }

    /// A click, a right-click, a drag or a wheel turn anywhere: on the plots, the panels' edges,
    /// the gaps between widgets.
    fn pointer(&mut self) {
        let at = anywhere(&mut self.rng);
        match self.rng.random_range(0..5) {
            0 => {
                self.log.note(&format!("click at {at:?}"));
                self.harness.hover_at(at);
                self.press_at(at, PointerButton::Primary);
            }
            1 => {
                self.log.note(&format!("right-click at {at:?}"));
                self.harness.hover_at(at);
                self.press_at(at, PointerButton::Secondary);
            }
            2 => {
                let to = anywhere(&mut self.rng);
                self.log.note(&format!("drag from {at:?} to {to:?}"));
                self.drag(at, to);
            }
            3 => {
                let delta = Vec2::new(
                    self.rng.random_range(-100.0..100.0),
                    self.rng.random_range(-600.0..600.0),
                );
                let modifiers = if self.rng.random_bool(0.3) {
                    Modifiers::COMMAND
                } else {
                    Modifiers::NONE
                };
                self.log
                    .note(&format!("wheel {delta:?} at {at:?} with {modifiers:?}"));
                self.harness.hover_at(at);
                self.harness.event(Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta,
                    phase: TouchPhase::Move,
                    source: MouseWheelSource::Unknown,
                    modifiers,
                });
            }
            _ => {
                self.log.note(&format!("hover at {at:?}"));
                self.harness.hover_at(at);
            }
        }
        self.run();
    }

    fn press_at(&self, pos: Pos2, button: PointerButton) {
        for pressed in [true, false] {
            self.harness.event(Event::PointerButton {
                pos,
                button,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }

    /// Checks the window still answers: it lets go of any dialog and of presentation mode, shows
    /// a recommendation or why not, takes a typed price and gives it back on Ctrl+Z.
    fn probe(&mut self) {
        self.tally.probes += 1;
        self.log
            .note("probe: close what is open, then type Input price and undo it");
        self.harness.key_press(Key::Escape);
        self.run();
        for _ in 0..10 {
            let state = self.harness.state();
            let dialog = state.dialog().is_some();
            if !dialog && !state.workshop().presenting() {
                break;
            }
            if dialog {
                // The way out of each dialog: Cancel, OK, or Discard (the offer to restore).
                let way_out = ["Cancel", "OK", "Discard"].into_iter().find_map(|label| {
                    self.harness
                        .query_all_by_role_and_label(Role::Button, label)
                        .last()
                });
                if let Some(button) = way_out {
                    button.click_accesskit();
                }
            } else {
                self.harness.key_press(Key::Escape);
            }
            self.run();
        }
        let state = self.harness.state();
        assert!(state.dialog().is_none(), "a dialog does not close");
        assert!(
            !state.workshop().presenting(),
            "Escape does not leave presentation mode"
        );
        let title = state.title();
        assert!(title.ends_with(" - Breakeven"), "title {title:?}");
        assert!(
            common::shows(&self.harness, "Recommendation")
                || common::shows(&self.harness, "Fix the highlighted inputs"),
            "no recommendation and no reason why"
        );

        if let Some(buy) = widgets(&self.harness).into_iter().find(|w| {
            w.role == Role::DisclosureTriangle
                && w.label == "Buy: a hosted API"
                && w.expanded == Some(false)
        }) && let Some(node) = find(&self.harness, buy.id)
        {
            node.click_accesskit();
            self.run();
        }
        let before = self.harness.state().scenario().clone();
        let (text, typed) = if before.buy.input_usd_per_1m.value.get() == dec!(0.123) {
            ("0.124", dec!(0.124))
        } else {
            ("0.123", dec!(0.123))
        };
        self.harness
            .query_all_by_role_and_label(Role::TextInput, "Input price")
            .next()
            .expect("the Input price field")
            .focus();
        self.run();
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        self.harness.event(Event::Text(text.to_owned()));
        self.run();
        click_away(&self.harness);
        self.run();
        assert_eq!(
            self.harness
                .state()
                .scenario()
                .buy
                .input_usd_per_1m
                .value
                .get(),
            typed,
            "a typed price does not reach the scenario"
        );
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        self.run();
        assert!(
            self.harness.state().scenario() == &before,
            "Ctrl+Z does not take the typed price back"
        );
    }
}

/// Clicks the recommendation's heading, so a field loses focus and its edit settles as
/// [`common::click_away`] does; where there is none (no figures, or the heading twice), Escape.
fn click_away(harness: &Harness<'_, BreakevenApp>) {
    let mut headings = harness.query_all_by_label("Recommendation");
    match (headings.next(), headings.next()) {
        (Some(heading), None) => heading.click(),
        _ => harness.key_press(Key::Escape),
    }
}

/// Runs `actions` random actions from `seed` in a new window, in a new empty current folder.
fn monkey(seed: u64, actions: usize) -> Tally {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let home = std::env::current_dir().expect("a current folder");
    std::env::set_current_dir(folder.path()).expect("into the temporary folder");
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let log = Log::new(seed);
    let _print = PrintOnPanic(log.clone());
    let _watchdog = Watchdog::start(
        log.clone(),
        Duration::from_secs(env_number("MONKEY_HANG_SECS").unwrap_or(120)),
        env_number("MONKEY_MAX_MB").unwrap_or(4096),
    );
    let harness = common::harness(common::new_app());
    // As in the window a user runs: a character no font has (the emoji typed) is drawn as a box.
    // The harness's default, a panic, is for text the app writes itself.
    harness
        .ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let mut monkey = Monkey {
        harness,
        rng: TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
        log,
        tally: Tally::default(),
    };
    for action in 0..actions {
        monkey.log.trace().action = action;
        monkey.act();
        if (action + 1) % PROBE_EVERY == 0 {
            monkey.probe();
        }
    }
    monkey.probe();
    std::env::set_current_dir(home).expect("back to the first folder");
    monkey.tally
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    Some(
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
    )
}

/// The seeds to run: `MONKEY_SEEDS=a..b` (b excluded), else `MONKEY_SEED`, else the default.
fn seeds() -> std::ops::Range<u64> {
    if let Ok(range) = std::env::var("MONKEY_SEEDS") {
        let (from, to) = range
            .split_once("..")
            .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
            .unwrap_or_else(|| panic!("MONKEY_SEEDS={range:?} is not of the form 1..50"));
        return from..to;
    }
    let seed = env_number("MONKEY_SEED").unwrap_or(DEFAULT_SEED);
    seed..seed + 1
}

#[test]
fn thousands_of_random_actions_never_panic_and_the_window_still_answers() {
    let actions = env_number("MONKEY_ACTIONS")
        .map_or(DEFAULT_ACTIONS, |n| usize::try_from(n).expect("a count"));
    for seed in seeds() {
        let started = Instant::now();
        let tally = monkey(seed, actions);
        let seconds = started.elapsed().as_secs_f64();
        #[allow(
            clippy::cast_precision_loss,
            reason = "a rate to read, not to compute with"
        )]
        let rate = actions as f64 / seconds;
        println!(
            "seed {seed}: {actions} actions in {seconds:.1} s ({rate:.1}/s), {} probes passed, \
             {} actions with a dialog open",
            tally.probes, tally.in_dialog
        );
        println!(
            "  {} times the window took more than the harness's frames to settle (at most {})",
            tally.slow_settles, tally.slow
        );
        for (kind, done) in &tally.done {
            let different = tally.widgets.get(kind).map_or(0, BTreeSet::len);
            println!("  {kind:?}: {done} actions, {different} different widgets");
        }
    }
}
