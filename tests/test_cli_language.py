"""The CLI speaks Danish by default (help, usage and errors through the text layer) and
English with ``--lang en``, before or after the command (issue 24)."""

from __future__ import annotations

import pytest

from sagstal_desktop import cli


def _run(capsys, *args):
    try:
        code = cli.main(list(args))
    except SystemExit as exc:  # --help exits through argparse
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_is_danish_by_default(capsys):
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert out.startswith("brug: sagstal") and "skriv det indbyggede demoteam til en fil" in out
    assert "vis denne hjælpetekst og afslut" in out and "usage" not in out


def test_help_is_english_with_lang_en(capsys):
    code, out, _ = _run(capsys, "--lang", "en", "--help")
    assert code == 0 and out.startswith("usage: sagstal") and "write the built-in demo team to a file" in out
    code, out, _ = _run(capsys, "summary", "--help", "--lang", "en")
    assert code == 0 and "date to compute for (default: today)" in out


def test_a_subcommands_help_is_danish(capsys):
    code, out, _ = _run(capsys, "summary", "--help")
    assert code == 0 and "dato der beregnes for (standard: i dag)" in out and "tilvalg:" in out


@pytest.mark.parametrize(("args", "danish", "english"), [
    (["nonsense"], "ugyldigt valg: 'nonsense'", "invalid choice: 'nonsense'"),
    (["summary"], "følgende argumenter skal angives: file", "the following arguments are required: file"),
    (["norms", "nope"], "ukendt normsæt 'nope'", "unknown norm set 'nope'"),
])
def test_errors_in_both_languages(capsys, args, danish, english):
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == "" and danish in err and len(err.strip().splitlines()) == 1
    code, out, err = _run(capsys, *args, "--lang", "en")
    assert code == 2 and english in err


def test_refused_output_file_in_danish(tmp_path, capsys):
    code, _, err = _run(capsys, "demo", "-o", str(tmp_path))
    assert code == 2 and err.strip() == f"{tmp_path} er en mappe; angiv et filnavn"
    code, _, err = _run(capsys, "template", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and err.strip() == "x.pdf: outputfilen skal ende på .xlsx eller .csv"


def _parsers(parser):
    """``parser`` and every subcommand's parser below it."""
    import argparse

    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def test_every_help_text_of_every_command_is_in_danish():
    """Each option's and command's help is a catalogue message with a Danish translation (or a text
    already formatted in the run's language): no English help left in a Danish ``--help``."""
    from sagstal_desktop.i18n import tr

    parser = cli.build_parser(["--lang", "da"])
    english = []
    for sub in _parsers(parser):
        texts = [a.help for a in sub._actions if a.help and a.help != "==SUPPRESS=="]
        texts += [sub.description] if sub.description else []
        english += [t for t in texts if tr(t, "da") == t and tr(t, "en") == t and t.isascii()]
    assert english == []


@pytest.mark.parametrize(("args", "danish"), [
    (["scenario", "add", "f.sagstal", "--name", "a", "--ceiling", "0,01"],
     "'0,01' skal ligge mellem 0,1 og 100.000 sager pr. fuldtidsansat sagsbehandler"),
    (["scenario", "add", "f.sagstal", "--name", "a", "--add-position", "99"], '"99" timer ligger uden for 0-48'),
    (["whatif", "--cases", "x", "--current", "1", "--target", "2"], '"x" er ikke et tal'),
    (["memo", "f.sagstal", "-o", "m.pdf", "--budget-years", "99"], "skal være 1-10"),
    (["summary", "f.sagstal", "--as-of", ""], "der skal angives en dato"),
])
def test_a_refused_argument_is_told_in_danish(capsys, args, danish):
    """A value the parser's type check refuses is explained in the run's language, like every
    other message (they were English in a Danish run)."""
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == "" and danish in err
