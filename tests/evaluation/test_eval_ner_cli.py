from __future__ import annotations

import json

from click.testing import CliRunner

from marsad.cli import cli

GOLD = """\
قال O
الرئيس O
الروسي O
فلاديمير B-PERS
بوتين I-PERS
في O
موسكو B-LOC
. O

زار O
وزير O
الخارجية O
باريس B-LOC
. O
"""


def test_eval_ner_cli_prints_scores_and_speed(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tokens"] == 13 and data["sentences"] == 2
    assert data["micro"]["support"] == 3
    assert 0 <= data["micro"]["f1"] <= 100 and data["tokens_per_second"] > 0


def test_eval_ner_cli_malformed_line_is_one_line_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("كلمة\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and len(result.output.strip().splitlines()) == 1


def test_eval_ner_cli_picks_the_model_by_name(tmp_path, monkeypatch):
    monkeypatch.delenv("MARSAD_NER_MODEL", raising=False)
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    for args in (["eval", "ner", str(path), "--json", "--model", "bilstm"],
                 ["--ner-model", "bilstm", "eval", "ner", str(path), "--json"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        # this easy sentence pair is tagged right by the BiLSTM-CRF
        assert json.loads(result.output)["micro"]["f1"] == 100.0
    monkeypatch.delenv("MARSAD_NER_MODEL", raising=False)


def test_unknown_ner_model_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["--ner-model", "nope", "stats"])
    assert result.exit_code == 2
    assert "--ner-model" in result.output and "nope" in result.output
