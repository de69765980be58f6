"""Issue 25: ``--json`` is compact when written to a pipe or a file, indented with ``--pretty``
(or on a terminal); the same document either way, non-finite numbers as null."""

from __future__ import annotations

import io
import json

from conftest import run_cli

from sagstal_desktop.cli.common import print_json


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_compact_to_a_file_indented_to_a_terminal_or_on_request():
    doc = {"a": [1, 2.5, float("nan")], "b": {"c": "æ\x85", "d": float("inf")}}
    compact, terminal, pretty = io.StringIO(), _Terminal(), io.StringIO()
    print_json(doc, compact)
    print_json(doc, terminal)
    print_json(doc, pretty, pretty=True)
    assert compact.getvalue() == '{"a":[1,2.5,null],"b":{"c":"æ\\u0085","d":null}}\n'
    assert terminal.getvalue() == pretty.getvalue()
    assert pretty.getvalue().startswith('{\n  "a": [\n    1,')
    assert json.loads(compact.getvalue()) == json.loads(pretty.getvalue()) == {
        "a": [1, 2.5, None], "b": {"c": "æ\x85", "d": None}}
    assert doc["a"][2] != doc["a"][2]  # the document itself is not changed


def test_summary_json_compact_by_default_and_pretty_on_request(capsys, demo_file):
    code, out, _ = run_cli(capsys, "summary", str(demo_file), "--json", "--as-of", "2026-11-22")
    assert code == 0
    assert out == json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":")) + "\n"
    code, pretty, _ = run_cli(capsys, "summary", str(demo_file), "--json", "--pretty", "--as-of", "2026-11-22")
    assert code == 0 and pretty.count("\n") > 50
    assert json.loads(out) == json.loads(pretty)
