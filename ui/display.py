"""Before Qt starts: is there a display, and can Qt's X11 plugin load? If not, say so and exit 2.

Without this, Qt aborts the process (a core-dump exit status) with a message that names only
the first library it missed. Here every missing library is named in one line, before any Qt
module is imported: `ldd` on the xcb platform plugin lists the ones the linker cannot find, and
the cursor library, which Qt opens at run time, is looked for by name.
"""

import importlib.util
import os
import sys
from pathlib import Path

from consultant_app.i18n import Text

EXIT_NO_DISPLAY = 2

_NO_DISPLAY = Text(
    da="Ingen skærm fundet: programmets vindue kan ikke vises (hverken DISPLAY eller WAYLAND_DISPLAY er sat). "
    "Kommandolinjen virker uden skærm: consultant-app --help.",
    en="No display found: the program's window cannot be shown (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "The command line works without one: consultant-app --help.",
)
_MISSING = Text(
    da="Qt mangler disse systembiblioteker: {libraries} (Debian/Ubuntu: sudo apt install {packages}).",
    en="Qt is missing these system libraries: {libraries} (Debian/Ubuntu: sudo apt install {packages}).",
)
# Opened by Qt's xcb plugin at run time, so `ldd` does not see it.
_RUNTIME_LIBRARIES = {"xcb-cursor": "libxcb-cursor.so.0"}


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """The message to show instead of starting Qt, or None when Qt can start."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not any(name in platform for name in ("xcb", "wayland")):
        return None  # offscreen, minimal, vnc, eglfs ...: no display server needed
    missing = missing_libraries()
    lines = []
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        lines.append(_NO_DISPLAY.render())
    if missing and (lines or not env.get("WAYLAND_DISPLAY")):  # X11 is what Qt would use
        lines.append(
            _MISSING.render(libraries=", ".join(missing), packages=" ".join(map(debian_package, missing)))
        )
    return "\n".join(lines) or None


def missing_libraries() -> list[str]:
    # Imported only where they are used (Linux with X11): every start imports this module.
    import ctypes.util
    import subprocess

    plugin = _xcb_plugin()
    missing = set()
    if plugin is not None:
        try:
            listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            listing = ""
        missing |= {line.split()[0] for line in listing.splitlines() if "not found" in line}
    for name, soname in _RUNTIME_LIBRARIES.items():
        if ctypes.util.find_library(name) is None:
            missing.add(soname)
    return sorted(missing)


def debian_package(soname: str) -> str:
    """The Debian package that usually ships a library: libxcb-icccm.so.4 -> libxcb-icccm4."""
    name, _, version = soname.partition(".so.")
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None
