"""The built-in entity engine: word lists and capitalisation cues, no model to download.

How it works, in one pass over the text (``collect`` runs steps 1 to 3 on one text):

1. ``tokens``: words with exact offsets, each knowing whether it opens a sentence,
   a quotation or a line, and whether its line is a headline or in capitals.
2. ``chunks``, ``quoted``, ``extra_candidates``: candidate names are runs of
   capitalised words (with "of"-like connectors, particles and numbers), quoted or
   listed titles, datelines, lower-case brands that open sentences. Grammar words,
   dates, job titles and demonyms are trimmed; a name in an uninformative position
   (sentence start, headline, any German noun) is kept only with other evidence
   (``weak``).
3. ``votes``: each mention votes for a type: gazetteer, courtesy and job titles,
   role nouns ("the lawyer X"), company suffixes, institution, place and event
   words, place prepositions, speech verbs, given names.
4. ``groups``: mentions of one entity are merged (same name, surname or first
   name, acronym, short company name, spelling variant) and typed by their votes.
5. ``assemble``: every written form is searched again so that each mention,
   wherever it stands, gets its offsets; the title adds to the counts.
"""

from __future__ import annotations

from reader.core.entities.assemble import build_entities
from reader.core.entities.collect import collect, merge_by_key
from reader.core.entities.groups import merge_groups
from reader.core.entities.lexicon import lexicon
from reader.core.entities.tokens import Token, guess_lang
from reader.core.models import Entity

__all__ = ["find_entities"]


def find_entities(text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
    """Named entities of an article body (and title), most mentioned first.

    ``text`` is the cleaned article text; every mention's (start, end) offsets
    index into it. Mentions in ``title`` add to the counts but have no offsets.
    """
    if not text.strip() and not title.strip():
        return ()
    lex = lexicon()
    lang = (lang or "").split("-")[0].lower() or None
    lang = guess_lang(text or title, lex, lang if lang in lex.stopwords else None)
    groups, tokens = collect(text, lex, lang)
    title_tokens: list[Token] = []
    if title.strip():
        title_groups, title_tokens = collect(title, lex, lang, all_weak=True)
        groups.extend(title_groups)
    merged = merge_groups(merge_by_key(groups), lex)
    return build_entities(text, tokens, title_tokens, merged, lex)
