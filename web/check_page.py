#!/usr/bin/env python3
"""Opens an interactive.html from its file path in headless Chromium and checks, as a reader
would see it: the window is drawn (a screenshot that is not blank), the page's title names the
recommended phase, dragging the volume to the left end changes it, a scenario uploaded through
the browser's own file chooser opens, and the page made no request but for itself, broke no
Content-Security-Policy and threw nothing.

usage: check_page.py PAGE.html OUT_DIR [--knob X Y] [--upload SCENARIO.ron]

--knob X Y is where the volume slider's knob is, in CSS pixels of a 1280x720 window (a
read-only page puts the slider at the top of the inputs). --upload opens a scenario with Ctrl+O
through the page's file chooser (Chromium's, answered over the DevTools protocol, as a reader
picks a file), waits for its answer in the title, then shows the How sure tab (Ctrl+7), whose
samples a page computes a few a frame. The screenshots are written into OUT_DIR. Only the Python
standard library is used: Chromium is driven over its DevTools protocol on a pipe
(--remote-debugging-pipe)."""
import base64, json, os, pathlib, struct, subprocess, sys, time, zlib


class Chrome:
    """Headless Chromium, its DevTools protocol on fds 3 (commands) and 4 (replies)."""

    def __init__(self):
        r_in, self.w = os.pipe()
        self.r, w_out = os.pipe()

        def pipes():
            os.dup2(r_in, 3)
            os.dup2(w_out, 4)

        self.p = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--remote-debugging-pipe",
             "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
             "--window-size=1280,720", "--no-first-run", "--no-default-browser-check",
             "about:blank"],
            pass_fds=(3, 4), preexec_fn=pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_in)
        os.close(w_out)
        self.buf, self.next_id, self.events = b"", 0, []

    def _message(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        message, self.buf = self.buf.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        ask = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            ask["sessionId"] = session
        os.write(self.w, json.dumps(ask).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        self.p.wait(timeout=10)


def colours(png):
    """How many different colours a sample of the PNG's pixels has (8-bit RGB or RGBA, not
    interlaced): a page whose window was not drawn has one or two."""
    width, height, depth, kind = struct.unpack(">IIBB", png[16:26])
    data, at = b"", 8
    while at < len(png):
        length, tag = struct.unpack(">I4s", png[at:at + 8])
        if tag == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    size = 4 if kind == 6 else 3
    stride = width * size
    previous = bytearray(stride)
    seen = set()
    for row in range(height):
        start = row * (stride + 1)
        kind_of, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - size] if i >= size else 0
            b = previous[i]
            c = previous[i - size] if i >= size else 0
            if kind_of == 1:
                line[i] = (line[i] + a) & 255
            elif kind_of == 2:
                line[i] = (line[i] + b) & 255
            elif kind_of == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind_of == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if row % 9 == 0:
            for x in range(0, stride, size * 7):
                seen.add(bytes(line[x:x + 3]))
        previous = line
    return len(seen)


def key(chrome, session, text, code, virtual):
    """Ctrl and a key, as a reader presses them."""
    for kind in ("rawKeyDown", "keyUp"):
        chrome.send("Input.dispatchKeyEvent", {
            "type": kind, "modifiers": 2, "key": text, "code": code,
            "windowsVirtualKeyCode": virtual}, session=session)


def upload_scenario(chrome, session, path, title, wait, problems):
    """Opens the scenario at `path` as a reader does: Ctrl+O, then the file picked in the
    browser's own chooser. Returns the title after, or None with the problem noted."""
    chrome.send("Page.setInterceptFileChooserDialog", {"enabled": True}, session=session)
    before = title()
    # A click first: the canvas takes the keys, and the browser lets a page that was just
    # used open a file chooser.
    for kind in ("mousePressed", "mouseReleased"):
        chrome.send("Input.dispatchMouseEvent", {
            "type": kind, "x": 700, "y": 61, "button": "left", "buttons": 1 if kind == "mousePressed" else 0,
            "clickCount": 1}, session=session)
    key(chrome, session, "o", "KeyO", 79)
    until, chooser = time.time() + 10, None
    while time.time() < until and chooser is None:
        chrome.send("Runtime.evaluate", {"expression": "1"}, session=session)
        chooser = next((e["params"] for e in chrome.events
                        if e.get("method") == "Page.fileChooserOpened"), None)
        time.sleep(0.1)
    if chooser is None:
        # Without the browser's leave to open its chooser at once, the page shows its own
        # card with the file input (rfd's), which the reader clicks: pick the file there.
        document = chrome.send("DOM.getDocument", session=session)["root"]["nodeId"]
        node = chrome.send("DOM.querySelector", {"nodeId": document, "selector": "#rfd-input"},
                           session=session)["nodeId"]
        if not node:
            problems.append("Ctrl+O asked for no file")
            return None
        chrome.send("DOM.setFileInputFiles", {"files": [path], "nodeId": node}, session=session)
    else:
        chrome.send("DOM.setFileInputFiles", {"files": [path], "backendNodeId": chooser["backendNodeId"]},
                    session=session)
    after = wait(lambda t: t != before and t.startswith("Breakeven: "), 10)
    if after == before:
        problems.append(f"the uploaded {os.path.basename(path)} did not open: title {after!r}")
        return None
    return after


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    page = os.path.abspath(args[0])
    out = args[1]
    knob = upload = None
    rest = args[2:]
    while rest:
        if rest[0] == "--knob" and len(rest) >= 3:
            knob, rest = (float(rest[1]), float(rest[2])), rest[3:]
        elif rest[0] == "--upload" and len(rest) >= 2:
            upload, rest = os.path.abspath(rest[1]), rest[2:]
        else:
            sys.exit(__doc__)
    os.makedirs(out, exist_ok=True)
    chrome = Chrome()
    target = chrome.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = chrome.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Network", "Log", "DOM"):
        chrome.send(domain + ".enable", session=session)
    url = pathlib.Path(page).as_uri()
    start = time.time()
    chrome.send("Page.navigate", {"url": url}, session=session)

    def title():
        return chrome.send("Runtime.evaluate", {"expression": "document.title", "returnByValue": True},
                           session=session)["result"].get("value", "")

    def shot(name):
        data = chrome.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        png = base64.b64decode(data)
        with open(os.path.join(out, name), "wb") as f:
            f.write(png)
        return png

    def wait(done, seconds=60):
        until = time.time() + seconds
        now = title()
        while time.time() < until and not done(now):
            time.sleep(0.1)
            now = title()
        return now

    first = wait(lambda t: t.startswith("Breakeven: ") or "could not start" in t)
    first_frame = time.time() - start
    first = wait(lambda t: "no answer yet" not in t, 20)
    problems = []
    if not first.startswith("Breakeven: "):
        problems.append(f"the window did not start: title {first!r}")
    picture = shot("page.png")
    drawn = colours(picture)
    if drawn < 20:
        problems.append(f"the screenshot looks blank ({drawn} colours)")
    phase = first.removeprefix("Breakeven: ").split(" · ")[0]
    moved = phase
    if knob:
        def mouse(kind, x, buttons):
            chrome.send("Input.dispatchMouseEvent", {
                "type": kind, "x": x, "y": knob[1], "button": "left", "buttons": buttons,
                "clickCount": 0 if kind == "mouseMoved" else 1}, session=session)
        mouse("mouseMoved", knob[0], 0)
        mouse("mousePressed", knob[0], 1)
        for step in range(1, 21):
            mouse("mouseMoved", knob[0] - 20 * step, 1)
            time.sleep(0.03)
        mouse("mouseReleased", knob[0] - 400, 0)
        after = wait(lambda t: t.removeprefix("Breakeven: ").split(" · ")[0] != phase, 10)
        moved = after.removeprefix("Breakeven: ").split(" · ")[0]
        shot("page-dragged.png")
        if moved == phase:
            problems.append(f"dragging the volume left the answer at {phase}")
    opened = None
    if upload:
        opened = upload_scenario(chrome, session, upload, title, wait, problems)
        if opened:
            key(chrome, session, "7", "Digit7", 55)
            time.sleep(8)
            shot("page-how-sure.png")
    chrome.send("Runtime.evaluate", {"expression": "1"}, session=session)
    requests = [e["params"]["request"]["url"] for e in chrome.events
                if e.get("method") == "Network.requestWillBeSent"]
    if requests != [url]:
        problems.append(f"requests beyond the page itself: {requests[:5]}")
    for e in chrome.events:
        if e.get("method") == "Runtime.exceptionThrown":
            problems.append("exception: " + json.dumps(e["params"]["exceptionDetails"])[:300])
        if e.get("method") == "Log.entryAdded" and "Content Security Policy" in e["params"]["entry"]["text"]:
            problems.append("policy broken: " + e["params"]["entry"]["text"][:300])
    chrome.close()
    print(f"page: {os.path.getsize(page):,} bytes; first frame after {first_frame:.1f} s; "
          f"answer {phase}" + (f", after the drag {moved}" if knob else "")
          + (f"; uploaded, then {opened!r}" if opened else "")
          + f"; {len(requests)} request (the page); screenshot {drawn} colours")
    for problem in problems:
        print("FAIL:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
