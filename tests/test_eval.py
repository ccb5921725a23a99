"""The quality bars of the issues, measured on tests/eval/questions.yaml."""

import pytest

from bot import evaluate

from .conftest import ROOT


@pytest.fixture(scope="module")
def report(engine):
    return evaluate.run(engine, evaluate.read_cases(ROOT / "tests" / "eval" / "questions.yaml"))


def test_eval_set_is_big_and_varied_enough(report):
    kinds = report.per_kind
    assert len(report.outcomes) >= 150
    assert kinds["in"][1] >= 50 and kinds["offtopic"][1] >= 15 and kinds["nearmiss"][1] >= 25
    assert kinds["followup"][1] >= 20


def test_quality_bars(report):
    assert report.rate("in") >= 0.95
    assert report.rate("offtopic") == 1.0
    assert report.rate("nearmiss") >= 0.80
    assert report.rate("followup") >= 0.90
    assert report.rate("smalltalk") == 1.0


def test_invalid_eval_file_names_the_case(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- {q: fine, expect: null}\n- {q: '', expect: null}\n")
    with pytest.raises(evaluate.EvalFileError, match="case 2: q must be"):
        evaluate.read_cases(path)
