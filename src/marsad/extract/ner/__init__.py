"""Arabic named-entity recognition (PERS, LOC, ORG, MISC) with a model trained in-project.

    from marsad.extract.ner import load_recognizer
    recognizer = load_recognizer()          # "crf" (models/ner/), or $MARSAD_NER_MODEL
    recognizer = load_recognizer("bilstm")  # the slower, more accurate BiLSTM-CRF (models/ner_bilstm/)
    recognizer.tag(["قال", "الرئيس", "بوتين"])  # [("O", 0.99), ("O", 0.98), ("B-PERS", 0.97)]
    recognizer.entities(text)  # [EntitySpan(start, end, text, label, confidence, sentence)]

Training: ``scripts/train_ner.py`` (feature CRF, the default) and ``scripts/train_ner_neural.py``
(BiLSTM-CRF; numpy inference); model card: ``marsad/extract/models/MODEL_CARD_ner.md``.
"""

from marsad.extract.ner.recognizer import (
    DEFAULT_MODEL_DIR,
    SHIPPED_MODELS,
    EntitySpan,
    Recognizer,
    load_recognizer,
    model_folder,
)

__all__ = ["DEFAULT_MODEL_DIR", "SHIPPED_MODELS", "EntitySpan", "Recognizer", "load_recognizer", "model_folder"]
