"""Arabic named-entity recognition (PERS, LOC, ORG, MISC) with a CRF trained in-project.

    from marsad.extract.ner import load_recognizer
    recognizer = load_recognizer()          # the shipped model in marsad/extract/models/ner/
    recognizer.tag(["قال", "الرئيس", "بوتين"])  # [("O", 0.99), ("O", 0.98), ("B-PERS", 0.97)]
    recognizer.entities(text)  # [EntitySpan(start, end, text, label, confidence, sentence)]

Training: ``scripts/train_ner.py``; model card: ``marsad/extract/models/MODEL_CARD_ner.md``.
"""

from marsad.extract.ner.recognizer import DEFAULT_MODEL_DIR, EntitySpan, Recognizer, load_recognizer

__all__ = ["DEFAULT_MODEL_DIR", "EntitySpan", "Recognizer", "load_recognizer"]
