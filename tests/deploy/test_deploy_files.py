"""#16.6: the deployment files are checked, not just written. The systemd unit passes
`systemd-analyze verify` without a warning and keeps a low exposure score; the proxy's body
limit is the receiver's; the container's and the unit's commands parse with the receiver's
own command line."""

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consultant_app.receiver.app import MAX_BODY_BYTES
from consultant_app.receiver.cli import build_parser

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNIT = DEPLOY / "consultant-app-receiver.service"
PROGRAM = "/opt/consultant-app-receiver/bin/consultant-app-receiver"


def exec_start() -> list[str]:
    text = UNIT.read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(ln for ln in text.splitlines() if ln.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies_cleanly_and_is_hardened(tmp_path):
    # verify needs the program to exist and the user to be known: this machine's stand-ins.
    unit = tmp_path / UNIT.name
    program = Path(sys.executable).with_name("consultant-app-receiver")
    text = UNIT.read_text(encoding="utf-8").replace(PROGRAM, str(program))
    unit.write_text(re.sub(r"^(User|Group)=receiver$", r"\1=root", text, flags=re.M), encoding="utf-8")
    verify = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert verify.returncode == 0 and not (verify.stdout + verify.stderr).strip(), verify.stderr
    security = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", "--json=short", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if security.returncode != 0 or not security.stdout.strip().startswith("["):
        pytest.skip("this systemd-analyze has no offline security scoring")
    exposed = [c for c in json.loads(security.stdout) if c.get("set") is False and c.get("exposure")]
    assert sum(float(c["exposure"]) for c in exposed) < 2.5, exposed
    assert "User=receiver" in UNIT.read_text(encoding="utf-8")  # the real unit is not root


def test_the_units_and_the_containers_commands_parse():
    argv = exec_start()
    assert argv[0] == PROGRAM
    args = build_parser().parse_args(argv[1:])
    assert (args.command, args.host, args.workers) == ("serve", "127.0.0.1", 4)
    containerfile = (DEPLOY / "Containerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", containerfile, flags=re.M).group(1))
    args = build_parser().parse_args(cmd)
    assert args.tls_cert and args.tls_key  # off loopback only with TLS (serve refuses otherwise)


def test_the_proxy_refuses_bodies_the_receiver_would_refuse():
    conf = (DEPLOY / "nginx-receiver.conf").read_text(encoding="utf-8")
    limit = re.search(r"client_max_body_size (\d+)k;", conf)
    assert limit is not None and int(limit.group(1)) * 1024 == MAX_BODY_BYTES
    assert re.search(r"limit_req zone=receiver_per_client", conf)
    assert "$request_uri" not in conf.split("log_format", 1)[1].split(";", 1)[0]  # no query in the log
