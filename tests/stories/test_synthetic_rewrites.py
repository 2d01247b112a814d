"""Synthetic rewrites: seeded and repeatable, and every listed operation really happened."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from marsad.stories._synonyms import BOILERPLATE_SENTENCES, SYNONYM_GROUPS
from marsad.stories.synthetic import OPERATIONS, Rewrite, make_rewrites, rewrite
from marsad.text.normalize import normalize_for_matching

# An article written for these tests: several paragraphs, numbers in both digit scripts,
# words from the synonym table, sentences opening with و.
TITLE = "ارتفاع أسعار الخضار في الأسواق المحلية"
BODY = """شهدت الأسواق المحلية خلال الأسبوع الماضي ارتفاعا ملحوظا في أسعار الخضار. وقال عدد من التجار إن السبب يعود إلى تراجع الكميات الواردة من المزارع.
وأوضح أحد الباعة أن سعر صندوق الطماطم وصل إلى 45 ريالا بعد أن كان لا يتجاوز ٣٠ ريالا قبل شهر. وأضاف أن الطلب لم يتغير كثيرا رغم الزيادة.
من جهتها، أعلنت الجهة المسؤولة عن الرقابة أنها تتابع الأسعار يوميا في 12 سوقا رئيسية. وأكد مسؤول فيها أن فرق التفتيش رصدت مخالفات محدودة.
ويتوقع المزارعون أن تعود الأسعار إلى مستواها المعتاد بعد انتهاء موجة الحر الحالية. لكن بعضهم حذر من أن ارتفاع تكاليف النقل قد يبقي الأسعار مرتفعة."""

SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")


def sentences(body: str) -> list[str]:
    return [s for p in body.split("\n") for s in SENTENCE_END.split(p.strip()) if s]


def test_same_seed_same_rewrites_and_other_seed_differs() -> None:
    first = make_rewrites(TITLE, BODY, 6, seed=42)
    again = make_rewrites(TITLE, BODY, 6, seed=42)
    other = make_rewrites(TITLE, BODY, 6, seed=43)
    assert first == again
    assert first != other
    assert len(first) == 6 and len({(r.title, r.body) for r in first}) == 6


def test_rewrites_are_the_same_in_another_process() -> None:
    code = (
        "import sys, json; from marsad.stories.synthetic import make_rewrites; "
        "print(json.dumps([r.to_dict() for r in make_rewrites(sys.argv[1], sys.argv[2], 3, seed=9)]))"
    )
    out = subprocess.run([sys.executable, "-c", code, TITLE, BODY], capture_output=True, text=True, check=True)
    assert [Rewrite.from_dict(d) for d in json.loads(out.stdout)] == make_rewrites(TITLE, BODY, 3, seed=9)


def test_listed_operations_are_known_ordered_and_each_changed_something() -> None:
    for item in make_rewrites(TITLE, BODY, 30, seed=1):
        assert 1 <= len(item.operations) <= 4
        assert list(item.operations) == [op for op in OPERATIONS if op in item.operations]
        assert (item.title, item.body) != (TITLE, BODY)
        if "headline" not in item.operations:
            assert item.title == TITLE
    used = Counter(op for item in make_rewrites(TITLE, BODY, 60, seed=2) for op in item.operations)
    assert set(used) == set(OPERATIONS)  # every operation gets drawn


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("operation", OPERATIONS)
def test_single_operation_does_what_it_says(operation: str, seed: int) -> None:
    result = rewrite(TITLE, BODY, [operation], seed=seed)
    assert result.operations == (operation,)
    before, after = sentences(BODY), sentences(result.body)
    if operation == "headline":
        assert result.title != TITLE and after == before
        return
    assert result.title == TITLE
    if operation == "drop":
        assert len(after) < len(before) and set(after) < set(before) and after[0] == before[0]
    elif operation == "reorder":
        assert Counter(after) == Counter(before) and after != before
    elif operation == "truncate":
        assert 2 <= len(after) < len(before) and after == before[: len(after)]
    elif operation == "boilerplate":
        added = [s for s in after if s not in before]
        assert added and all(any(s.endswith(b) or s == b for b in BOILERPLATE_SENTENCES) or " - " in s for s in added)
        assert any(b in result.body for b in BOILERPLATE_SENTENCES)
    elif operation == "synonyms":
        assert len(after) == len(before)
        replaced = []
        for old, new in zip((s.split() for s in before), (t.split() for t in after)):
            for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
                if tag == "equal":
                    continue
                if a2 - a1 == b2 - b1:  # word for word
                    replaced += [(x, y) for x, y in zip(old[a1:a2], new[b1:b2]) if x != y]
                else:  # a one-word entry swapped with a two-word one (لكن / إلا أن)
                    replaced.append((" ".join(old[a1:a2]), " ".join(new[b1:b2])))
        assert replaced
        for old, new in replaced:  # each swap stays inside one synonym group, clitics kept
            assert synonym_group(old) is not None and synonym_group(old) == synonym_group(new), (old, new)
    elif operation == "clitics":
        assert result.body != BODY and len(after) == len(before)
        # Only clitics changed: every word keeps its letters apart from a leading و/ف and ال.
        for s, t in zip(before, after):
            assert [strip_clitics(w) for w in s.split()] == [strip_clitics(w) for w in t.split()]
    elif operation == "numbers":
        assert re.sub(r"[0-9\u0660-\u0669]+", "#", result.body) == re.sub(r"[0-9\u0660-\u0669]+", "#", "\n\n".join(
            " ".join(SENTENCE_END.split(p.strip())) for p in BODY.split("\n")))
        assert re.findall(r"[0-9\u0660-\u0669]+", result.body) != re.findall(r"[0-9\u0660-\u0669]+", BODY)


def strip_clitics(word: str) -> str:
    if word[:1] in ("و", "ف") and len(word) > 2:
        word = word[1:]
    return word[2:] if word.startswith("ال") else word


GROUPS = {normalize_for_matching(w): n for n, group in enumerate(SYNONYM_GROUPS) for w in group}
PREFIXES = ("", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def synonym_group(words: str) -> int | None:
    words = words.strip("،.؛:")
    for prefix in PREFIXES:
        if words.startswith(prefix) and normalize_for_matching(words[len(prefix) :]) in GROUPS:
            return GROUPS[normalize_for_matching(words[len(prefix) :])]
    return None


def test_operations_that_find_nothing_are_not_listed() -> None:
    no_numbers = rewrite("عنوان", "جملة أولى بلا أرقام. جملة ثانية كذلك.", ["numbers"], seed=0)
    assert no_numbers.operations == ()
    one_sentence = rewrite("عنوان", "جملة وحيدة فقط.", ["drop", "truncate"], seed=0)
    assert one_sentence.operations == ()


def test_rewrite_round_trips_through_a_dict() -> None:
    item = make_rewrites(TITLE, BODY, 1, seed=5)[0]
    assert Rewrite.from_dict(item.to_dict()) == item


def test_unknown_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="paraphrase"):
        rewrite(TITLE, BODY, ["paraphrase"], seed=0)


def test_operation_pool_and_counts_are_respected() -> None:
    for item in make_rewrites(TITLE, BODY, 10, seed=3, operations=["synonyms", "numbers"], min_operations=1,
                              max_operations=2):
        assert set(item.operations) <= {"synonyms", "numbers"}
    with pytest.raises(ValueError):
        make_rewrites(TITLE, BODY, 1, seed=0, min_operations=3, max_operations=2)
