//! The program users start, killed: an edit in the real window, a `kill -9` once the recovery
//! file holds it (SIGKILL, which no handler sees: no clean exit, no panic hook), and the next
//! start offers the work back and restores it on Return. The binary runs on a virtual X server
//! of the test's own (Xvfb) and is driven by xdotool, as a user would; without those two the test
//! says so and passes (CI installs them). `BREAKEVEN_BIN` names the binary to run (CI: the
//! release build users get); by default, cargo's build of this package.

mod common;

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

use breakeven::window::{BreakevenApp, Startup};
use breakeven_model::Scenario;
use breakeven_model::scenario::from_ron_str;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The window's inner size, as `breakeven::window::run` opens it.
const WINDOW: egui::Vec2 = egui::vec2(1400.0, 860.0);

/// How long one step may take before the test gives up: generous for a loaded machine, and
/// every wait polls, so a quick machine never waits it out.
const PATIENCE: Duration = Duration::from_mins(1);

/// What a user sees after the kill: the same edit, offered and restored.
#[test]
fn work_in_a_killed_window_comes_back_at_the_next_start() {
    if let Some(tool) = missing_tool() {
        eprintln!("skipped: {tool} is not on PATH (install xvfb and xdotool to run it)");
        return;
    }
    let home = common::fresh_folder();
    let slider = volume_slider_point(&home.join("headless"));
    let recovery = home.join("data/breakeven/recovery");
    let display = Display::start(&home);
    let default_volume = Scenario::embedded_default().workload.volume;

    let mut first = display.launch(&home, "first");
    let window = first.window.clone();
    first.xdotool(&["windowfocus", "--sync", &window]);
    let [x, y] = &slider;
    first.xdotool(&["mousemove", "--window", &window, "--sync", x, y]);
    // Held until the edit shows: a press and a release that reach one frame together are no
    // click to the slider.
    first.xdotool(&["mousedown", "1"]);
    first.wait_for_title("the unsaved mark after a click on the slider", |t| {
        t.starts_with('*')
    });
    first.xdotool(&["mouseup", "1"]);
    let kept = recovery.join(format!("unsaved-{}.json", first.child.id()));
    let edited = wait_for("the edit in the recovery file", || {
        recovered(&kept)
            .ok()
            .filter(|s| s.workload.volume != default_volume)
    });
    let status = first.kill();
    assert_eq!(status.signal(), Some(9), "killed, not exited: {status}");
    let after_kill = recovered(&kept).unwrap_or_else(|e| panic!("after the kill: {e}"));
    assert_eq!(after_kill.workload.volume, edited.workload.volume);

    let mut second = display.launch(&home, "second");
    let offer = format!(
        "Unsaved work from an earlier run was found in {}",
        kept.display()
    );
    let stderr = wait_for("the offer on stderr", || {
        let text = std::fs::read_to_string(&second.log).ok()?;
        text.contains(&offer).then_some(text)
    });
    // eframe writes its own storage, the scenario included, every 30 s: a first run that long
    // (a very slow machine) brings the edit back by itself, before the offer is taken.
    if !home.join("data/breakeven/app.ron").exists() {
        let title = second.title();
        assert!(!title.starts_with('*'), "before Return: {title}\n{stderr}");
    }
    let window = second.window.clone();
    second.xdotool(&["windowfocus", "--sync", &window]);
    second.xdotool(&["key", "Return"]);
    second.wait_for_title("the unsaved mark of the restored work", |t| {
        t.starts_with('*')
    });
    // Restoring takes the file over: the second run writes the work to its own.
    wait_for("Restore to remove the file it took", || {
        (!kept.exists()).then_some(())
    });
    let own = recovery.join(format!("unsaved-{}.json", second.child.id()));
    let restored = wait_for("the restored work in the second run's file", || {
        recovered(&own).ok()
    });
    assert_eq!(restored.workload.volume, edited.workload.volume);
    second.kill();
}

/// `Xvfb` or `xdotool`, whichever is not on PATH.
fn missing_tool() -> Option<&'static str> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["Xvfb", "xdotool"]
        .into_iter()
        .find(|tool| !std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

/// The binary under test: `BREAKEVEN_BIN`, or cargo's build of this package.
fn binary() -> PathBuf {
    let binary = std::env::var_os("BREAKEVEN_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_breakeven")),
        PathBuf::from,
    );
    assert!(binary.is_file(), "no program at {}", binary.display());
    binary
}

/// Where a click on the "Monthly volume" slider lands three quarters along its track (far from
/// the default's 1B, so it is an edit), in window pixels: measured on the same window built
/// headless at the window's size, as the real one lays it out at one pixel per point. The
/// headless app keeps its recovery files in `recovery`.
fn volume_slider_point(recovery: &Path) -> [String; 2] {
    let area = Rc::new(Cell::new(egui::Rect::NOTHING));
    let seen = Rc::clone(&area);
    let startup = Startup {
        recovery_folder: Some(recovery.to_path_buf()),
        ..Startup::new(None)
    };
    let mut harness = Harness::builder().with_size(WINDOW).build_ui_state(
        move |ui, app: &mut BreakevenApp| {
            seen.set(ui.max_rect());
            app.show(ui);
        },
        BreakevenApp::start(startup, None),
    );
    harness.run();
    // The harness keeps a margin around what it shows: grow it by that, so the app gets all of
    // the window's size, as in the real window.
    let margin = WINDOW - area.get().size();
    harness.set_size(WINDOW + margin);
    harness.run();
    assert_eq!(area.get().size(), WINDOW);
    let track = harness
        .get_by_role_and_label(Role::Slider, "Monthly volume")
        .rect();
    let point = track.lerp_inside(egui::vec2(0.75, 0.5)) - area.get().min.to_vec2();
    [format!("{:.0}", point.x), format!("{:.0}", point.y)]
}

/// The scenario in a recovery file, or why it cannot be read.
fn recovered(file: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    assert!(json["path"].is_null(), "the work had no file: {json}");
    let ron = json["scenario"].as_str().ok_or("no scenario")?;
    from_ron_str(ron).map_err(|e| e.to_string())
}

/// Polls `probe` until it finds something; panics, saying what for, after [`PATIENCE`].
fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = probe() {
            return found;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "gave up waiting for {what} after {PATIENCE:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs `command` to its end; kills it and panics after [`PATIENCE`] (`xdotool --sync` waits
/// for ever for what never comes).
fn finish(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let start = Instant::now();
    while child.try_wait().expect("xdotool's status").is_none() {
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish in {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("xdotool's output")
}

/// A virtual X server of the test's own, on a display number it picks itself (`-displayfd`),
/// so runs side by side never meet. Ended when dropped, failed assertions included.
struct Display {
    server: Child,
    name: String,
}

impl Display {
    fn start(folder: &Path) -> Self {
        let server = Command::new("Xvfb")
            .args(["-displayfd", "1", "-nolisten", "tcp"])
            // By default the server resets when its last client leaves (each xdotool call is a
            // client), and a window opening during the reset finds no server to connect to.
            .arg("-noreset")
            .args(["-screen", "0", "1400x900x24"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(folder.join("xvfb.stderr")).expect("a log file"))
            .spawn()
            .expect("Xvfb starts");
        let mut display = Self {
            server,
            name: String::new(),
        };
        // Xvfb writes the number once it accepts connections; nothing if it could not start.
        let mut number = String::new();
        let stdout = display.server.stdout.take().expect("piped");
        BufReader::new(stdout)
            .read_line(&mut number)
            .expect("Xvfb's output");
        assert!(
            !number.trim().is_empty(),
            "Xvfb did not start; see {}",
            folder.join("xvfb.stderr").display()
        );
        display.name = format!(":{}", number.trim());
        display
    }

    /// Starts the binary as a user does, with no argument, on this display; every folder it
    /// writes in (eframe's storage, the recovery files) is under `home`, and its stderr goes to
    /// `home/<run>.stderr`. Returns once its window is visible.
    fn launch(&self, home: &Path, run: &str) -> App<'_> {
        let log = home.join(format!("{run}.stderr"));
        let child = Command::new(binary())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("DISPLAY", &self.name)
            // The slider's place was measured at one pixel per point; winit would otherwise
            // scale by the screen's DPI.
            .env("WINIT_X11_SCALE_FACTOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&log).expect("a log file"))
            .spawn()
            .expect("breakeven starts");
        let mut app = App {
            child,
            display: self,
            log,
            window: String::new(),
        };
        let pid = app.child.id().to_string();
        let window = wait_for("the window", || {
            app.check_running();
            let found = app.xdotool_output(&["search", "--onlyvisible", "--pid", &pid]);
            let stdout = String::from_utf8_lossy(&found.stdout);
            stdout.lines().next().map(str::to_owned)
        });
        app.window = window;
        app
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SIGTERM first, so the server removes its lock file and socket in /tmp (std sends only
        // SIGKILL; a machine without procps's `kill` leaves them, and the next Xvfb replaces
        // them).
        let asked = Command::new("kill")
            .arg(self.server.id().to_string())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        let start = Instant::now();
        while asked && start.elapsed() < Duration::from_secs(5) {
            if matches!(self.server.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// One run of the binary and its window; killed when dropped.
struct App<'d> {
    child: Child,
    display: &'d Display,
    log: PathBuf,
    window: String,
}

impl App<'_> {
    /// Panics with the program's stderr if it has ended.
    fn check_running(&mut self) {
        if let Some(status) = self.child.try_wait().expect("breakeven's status") {
            let stderr = std::fs::read_to_string(&self.log).unwrap_or_default();
            panic!("breakeven ended ({status}); its stderr:\n{stderr}");
        }
    }

    /// Runs xdotool on this display, whatever its exit status.
    fn xdotool_output(&self, args: &[&str]) -> Output {
        let mut command = Command::new("xdotool");
        command
            .args(args)
            .env("DISPLAY", &self.display.name)
            .env_remove("XAUTHORITY");
        finish(command)
    }

    /// Runs xdotool on this display; panics if it fails.
    fn xdotool(&mut self, args: &[&str]) -> String {
        self.check_running();
        let output = self.xdotool_output(args);
        assert!(
            output.status.success(),
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// The window's title, as the system shows it.
    fn title(&mut self) -> String {
        let window = self.window.clone();
        self.xdotool(&["getwindowname", &window])
    }

    /// Polls the title until `wanted` holds; returns it.
    fn wait_for_title(&mut self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        wait_for(what, || Some(self.title()).filter(|t| wanted(t)))
    }

    /// SIGKILL, as the system's out-of-memory killer or `kill -9` sends it, then reaps the
    /// process: until then the next start would see its id still taken.
    fn kill(&mut self) -> std::process::ExitStatus {
        self.child.kill().expect("SIGKILL sent");
        self.child.wait().expect("reaped")
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
