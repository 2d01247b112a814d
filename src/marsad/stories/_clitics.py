"""Proclitics that shingling folds away, so that وقال/قال and الوزير/وزير hash alike.

Stripped from the front of a word again and again while one applies and the rest keeps a minimum
length (short words such as ولد or الى are left whole). Folding is for matching, not linguistics:
وزير, الوزير and والوزير all become زير, which is wrong as Arabic but the same in every article,
and stripping until nothing applies is what makes a word and its cliticised forms fold alike.
"""

from __future__ import annotations

# Conjunctions: one letter, stripped when at least this many letters remain.
CONJUNCTIONS = ("و", "ف")
CONJUNCTION_MIN_REST = 3

# Definite article, alone or behind a one-letter preposition (لل = ل + ال). Longest first.
ARTICLES = ("بال", "كال", "لل", "ال")
ARTICLE_MIN_REST = 2
