#!/usr/bin/env python3
"""Real-browser tests of `tourplan serve` (Debian's chromium driven by Playwright).

Usage: run.py TOURPLAN_BINARY OUTPUT_DIR

Builds a temporary store with `tourplan demo`, adds a volunteer account (browser-rosa: the
demo has its own rosa), a treasurer (browser-tina) and an organizer (browser-olga) with
`users add --password-stdin`, starts `tourplan serve --port 0` on it, runs every scenario in
scenarios_*.py and saves screenshots under OUTPUT_DIR. Prints "N passed, N failed" last.
Exit status: 0 all passed, 1 a scenario failed, 77 chromium or playwright is missing (skip).
"""
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "browser test password"


def skip(reason):
    print(f"skipped: {reason}")
    sys.exit(77)


def start_server(tourplan, store):
    server = subprocess.Popen(
        [tourplan, "serve", "--db", store, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.match(r"Serving (http://\S+)", line)
    if not match:
        server.kill()
        raise RuntimeError(f"tourplan serve did not start: {line!r} {server.stderr.read()}")
    url = match.group(1)
    for _ in range(50):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("tourplan serve never answered /healthz")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(64)
    tourplan, output = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not os.access(CHROMIUM, os.X_OK):
        skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip("playwright for Python is not installed (pip install playwright)")
    os.makedirs(output, exist_ok=True)
    work = tempfile.mkdtemp(prefix="tourplan-browser-")
    passed, failed = 0, 0
    server = None
    try:
        demo = os.path.join(work, "demo")
        subprocess.run([tourplan, "demo", "--out", demo], check=True, capture_output=True, text=True)
        store = os.path.join(demo, "tourplan.sqlite")
        subprocess.run(
            [tourplan, "users", "add", "browser-rosa", "--role", "volunteer", "--volunteer", "Rosa Demo",
             "--password-stdin", "--db", store],
            input=PASSWORD + "\n", check=True, capture_output=True, text=True)
        for user, role in (("browser-tina", "treasurer"), ("browser-olga", "organizer")):
            subprocess.run(
                [tourplan, "users", "add", user, "--role", role, "--password-stdin", "--db", store],
                input=PASSWORD + "\n", check=True, capture_output=True, text=True)
        sheets = sorted(glob.glob(os.path.join(demo, "calls-*.csv")))
        if not sheets:
            raise RuntimeError("the demo wrote no call sheet")
        day = re.search(r"calls-(\d{4}-\d{2}-\d{2})\.csv", sheets[0]).group(1)
        server, url = start_server(tourplan, store)
        context = {
            "url": url, "day": day, "user": "browser-rosa", "treasurer": "browser-tina", "organizer": "browser-olga",
            "password": PASSWORD, "output": output, "demo": demo, "tourplan": tourplan, "store": store,
        }
        here = os.path.dirname(os.path.abspath(__file__))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for path in sorted(glob.glob(os.path.join(here, "scenario_*.py"))):
                spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                for name in sorted(n for n in dir(module) if n.startswith("scenario_")):
                    try:
                        getattr(module, name)(browser, context)
                        passed += 1
                        print(f"passed: {name}")
                    except Exception:
                        failed += 1
                        print(f"FAILED: {name}")
                        traceback.print_exc()
            browser.close()
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
