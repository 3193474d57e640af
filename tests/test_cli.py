"""The CLI contract: every command documented with an example, one-line errors, exit codes."""

from __future__ import annotations

import json
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


# -- usage errors are the parser's; help and version ------------------------------------------


@pytest.mark.parametrize("args,needle", [
    (["serv"], "No such command 'serv'"),
    (["extract", "--workers", "0"], "--workers"),
    (["import"], "Missing argument"),
    (["crawl", "--since", "yesterday"], "--since"),
])
def test_usage_errors_are_the_parsers_message_with_exit_2(args: list[str], needle: str) -> None:
    result = run_cli(*args, check=False)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr and "Usage:" in result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr


def test_congdoan_alone_prints_help_and_succeeds() -> None:
    result = run_cli(check=False)
    assert result.returncode == 0 and "Usage:" in result.stdout and "import" in result.stdout


def test_short_help_and_version() -> None:
    assert "Usage: congdoan [OPTIONS] COMMAND" in run_cli("-h").stdout
    assert "Usage: congdoan import" in run_cli("import", "-h").stdout
    from importlib.metadata import version

    assert run_cli("--version").stdout.strip() == f"congdoan {version('congdoan')}"


# -- eval reads gold documents only from the allowed places ------------------------------------


@pytest.mark.parametrize("doc", ["../../etc/passwd", "/etc/passwd", "sub/../../x.txt", "..", "a\\b.txt", "", "C:x.txt",
                                 "sub//x.txt", 7])
def test_a_gold_doc_must_be_a_relative_path_without_dots(doc: object) -> None:
    from pipeline.evaluate import check_doc_name

    with pytest.raises(ValueError, match="relative path without"):
        check_doc_name(doc, "g.jsonl:1")
    check_doc_name("001_tet_sum_vay.txt", "g.jsonl:1")
    check_doc_name("html/h01_page.html", "g.jsonl:1")


def test_eval_refuses_a_doc_outside_the_gold_folders(tmp_path: Path) -> None:
    doc = "../../etc/passwd"
    gold = tmp_path / "gold" / "g.jsonl"
    gold.parent.mkdir()
    gold.write_text(json.dumps({"doc": doc, "units": []}) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    result = run_cli("eval", str(gold), "--db", str(db), check=False)
    assert result.returncode == 1 and result.stderr.strip().count("\n") == 0
    assert "g.jsonl:1" in result.stderr and "relative path without" in result.stderr
    assert "Imported" not in result.stdout and not db.exists()


def test_eval_finds_documents_in_the_allowed_folders_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import evaluate

    scratch = tmp_path / "scratch"
    monkeypatch.setattr(evaluate, "SCRATCH_DIR", scratch)
    gold = tmp_path / "shared" / "gold" / "real-dev.jsonl"
    places = {
        "beside.txt": gold.parent,
        "named.txt": gold.parent / "real-dev",
        "seed.txt": tmp_path / "shared" / "seeds",
        "scratch.txt": scratch / "real-dev",
        "elsewhere.txt": tmp_path / "shared",
    }
    for name, folder in places.items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("text", encoding="utf-8")
    found = {name: evaluate.locate_document({"doc": name, "_gold_file": str(gold)}) for name in places}
    assert {name: path.parent if path else None for name, path in found.items()} == {
        **{name: folder.resolve() for name, folder in places.items() if name != "elsewhere.txt"},
        "elsewhere.txt": None,
    }


def test_eval_counts_only_documents_actually_stored(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    (tmp_path / "unreadable.txt").write_bytes(bytes(range(256)) * 8)
    gold.write_text(json.dumps({"doc": "unreadable.txt", "units": []}) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    result = run_cli("eval", str(gold), "--db", str(db), check=False)
    assert result.returncode == 1 and "Imported" not in result.stdout
    assert "no database" in result.stderr and not db.exists()  # nothing was stored, so none was made
