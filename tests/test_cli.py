"""The CLI contract: every command documented with an example, one-line errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import run_cli

COMMANDS = sorted(typer.main.get_command(app).commands)


def test_the_contract_commands_exist() -> None:
    assert {"demo", "crawl", "import", "extract", "run", "eval", "serve", "digest", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = typer.main.get_command(app).commands[name]
    assert command.help and "Example" in command.help, f"`congdoan {name} --help` has no example"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"option {param.opts} of `{name}` is undocumented"
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Example" in result.output


def test_help_runs_in_a_fresh_process() -> None:
    result = run_cli("--help")
    for name in COMMANDS:
        assert name in result.stdout


def test_unknown_site_is_a_one_line_error(tmp_path: Path) -> None:
    result = run_cli("crawl", "--site", "no-such-site", "--db", str(tmp_path / "x.duckdb"), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "unknown site" in result.stderr


def test_reading_commands_need_a_database(tmp_path: Path) -> None:
    result = run_cli("export", "--out", str(tmp_path / "out"), "--db", str(tmp_path / "none.duckdb"), check=False)
    assert result.returncode == 1
    assert "no database" in result.stderr and result.stderr.strip().count("\n") == 0


def test_bad_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt"}\nnot json\n', encoding="utf-8")
    result = run_cli("eval", str(gold), "--db", str(tmp_path / "x.duckdb"), check=False)
    assert result.returncode == 1
    assert "gold.jsonl:2" in result.stderr and result.stderr.strip().count("\n") == 0


def test_env_var_picks_the_database(tmp_path: Path) -> None:
    db = tmp_path / "env.duckdb"
    result = run_cli("export", "--out", str(tmp_path / "out"), env={"CONGDOAN_DB": str(db)}, check=False)
    assert str(db) in result.stderr
