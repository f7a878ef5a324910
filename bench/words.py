"""Text for generated content: the project's words first, then a long tail.

Real archives follow Zipf's law: a few words in most documents, most words in a
few. Search cost depends on that shape, so generated text keeps it: the domain's
words take the most frequent ranks, and made-up words fill the tail.
"""

import random
from itertools import accumulate, islice, product

DOMAIN = """
roma integration education employment housing health registration discrimination
strategy action plan report monitoring municipality school enrolment segregation
inclusion community mediators budget ministry census poverty legalisation
settlement vocational training scholarship vaccination insurance citizenship
public policy regional cooperation western balkans turkey albania serbia kosovo
montenegro macedonia bosnia herzegovina european commission accession funding
indicators targets progress baseline survey data gender youth women children early
childhood preschool dropout unemployment informal work social assistance welfare
infrastructure water sanitation electricity eviction antigypsyism equality
ombudsman court legislation amendment national contact point task force meeting
declaration commitments civil society organisations platform consultation
""".split()

SYLLABLES = ["ba", "ko", "ri", "sta", "ne", "vu", "lo", "dra", "mi", "zen", "tu"]


class Vocabulary:
    """Draw words with Zipf frequencies from a seeded generator.

    Paragraphs are made of sentences drawn from a pool, which is many times
    faster than drawing every word; with a pool this large a sentence recurs in
    a few dozen documents at most, so rare words stay rare.
    """

    def __init__(self, seed: int = 2020, tail: int = 6_000, pool: int = 60_000) -> None:
        # Seeded, so that every run generates the same archive; nothing secret.
        self.random = random.Random(seed)  # noqa: S311
        self.words = DOMAIN + made_up_words(tail)
        weights = [1 / rank for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(accumulate(weights))
        self.pool = [self.sentence(8, 20) for _ in range(pool)]

    def words_of(self, count: int) -> list[str]:
        return self.random.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int, high: int) -> str:
        text = " ".join(self.words_of(self.random.randint(low, high)))
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, low: int, high: int) -> str:
        """About `low` to `high` words, in sentences of eight to twenty."""
        sentences, total = [], self.random.randint(low, high)
        while total > 0:
            sentences.append(self.random.choice(self.pool))
            total -= sentences[-1].count(" ") + 1
        return " ".join(sentences)

    def tail_word(self, share: float) -> str:
        """A word at this relative depth of the tail: 0.1 common, 0.9 rare."""
        tail = self.words[len(DOMAIN) :]
        return tail[int(share * (len(tail) - 1))]


def made_up_words(count: int) -> list[str]:
    words = ("".join(parts) for parts in product(SYLLABLES, repeat=4))
    return list(islice(words, count))
