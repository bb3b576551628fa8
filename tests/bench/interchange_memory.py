"""Peak memory of an interchange export or import, in a process of its own.

Run by tests/bench/run.py:
    python tests/bench/interchange_memory.py export VAULT FILE    (VAULT -> FILE)
    python tests/bench/interchange_memory.py import VAULT FILE    (FILE -> a new VAULT)
It prints one line, `done <rows> <seconds> <VmHWM KiB>`: the process's resident high-water mark
after the work, which is what "memory flat in the file's size" is about (issue 17).
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold_start_probe import peak_kib
from vaults import PASSPHRASE

from consultant_app.interchange import export_inquiries, import_inquiries
from consultant_app.storage.vault import Vault


def main(action: str, vault_path: str, file: str) -> int:
    started = time.perf_counter()
    if action == "export":
        with Vault.open(Path(vault_path), PASSPHRASE, upgrade=False) as vault:
            rows = export_inquiries(vault, Path(file), overwrite=True).inquiries
    else:
        with Vault.create(Path(vault_path), PASSPHRASE, name="Benchmark", team="aarhus") as vault:
            rows = import_inquiries(vault, Path(file)).rows
    print(f"done {rows} {time.perf_counter() - started:.3f} {peak_kib()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
