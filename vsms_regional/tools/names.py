"""Russian personal names: «Фамилия Имя Отчество» and letter salutations.

Plain Python (no Odoo) so the rules are unit-tested without a database.
"""

import re

SPACES = re.compile(r"\s+")

# Turkic patronymic particles are written after the patronymic proper
# («Алиев Рашид Гасан оглы»): they belong to the patronymic.
MALE_PARTICLES = ("оглы", "улы", "уулу")
FEMALE_PARTICLES = ("кызы", "гызы", "кизи")


def clean(text):
    """Collapse runs of whitespace; ``None`` and blanks become ``""``."""
    return SPACES.sub(" ", text or "").strip()


# A word of a Russian name: Cyrillic letters, maybe hyphenated («Римский-Корсаков»).
CYRILLIC_WORD = r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*"
CYRILLIC_FULL_NAME = re.compile(rf"{CYRILLIC_WORD}(?: {CYRILLIC_WORD}){{1,3}}")


def is_cyrillic_full_name(text):
    """Whether ``text`` reads as a Russian «Фамилия Имя [Отчество]»: two to
    four words of Cyrillic letters (a patronymic may end in «оглы»/«кызы»)."""
    return bool(CYRILLIC_FULL_NAME.fullmatch(clean(text)))


def split_full_name(full_name):
    """Split «Фамилия Имя Отчество» into ``(last, first, patronymic)``.

    Russian documents put the surname first.  One word is a surname; two are
    surname and first name; everything after the first name is the
    patronymic (so «Алиев Рашид Гасан оглы» keeps «Гасан оглы»).
    """
    words = clean(full_name).split(" ")
    words = [word for word in words if word]
    if not words:
        return "", "", ""
    last = words[0]
    first = words[1] if len(words) > 1 else ""
    patronymic = " ".join(words[2:])
    return last, first, patronymic


def join_full_name(last, first, patronymic):
    """The display name «Фамилия Имя Отчество» from its (optional) parts."""
    return " ".join(part for part in map(clean, (last, first, patronymic)) if part)


def guess_gender(patronymic):
    """``'male'``/``'female'`` from a patronymic, ``False`` when unsure.

    Russian patronymics end in -вич/-ич (men) and -вна/-чна/-шна (women).
    """
    words = clean(patronymic).lower().split(" ")
    if not words or not words[0]:
        return False
    if words[-1] in MALE_PARTICLES:
        return "male"
    if words[-1] in FEMALE_PARTICLES:
        return "female"
    word = words[0]
    if word.endswith(("вич", "ич")):
        return "male"
    if word.endswith(("вна", "чна", "шна", "ична")):
        return "female"
    return False


def salutation(first, patronymic, gender, last_name=""):
    """«Уважаемый Иван Петрович» / «Уважаемая Анна Сергеевна».

    A person is addressed by first name and patronymic.  With only a surname
    known: «Уважаемый господин Иванов» / «Уважаемая госпожа Иванова».  When
    the gender is unknown both endings are written («Уважаемый(ая)»), as
    Russian form letters do.
    """
    word = {"male": "Уважаемый", "female": "Уважаемая"}.get(gender, "Уважаемый(ая)")
    address = join_full_name("", first, patronymic)
    if not address and clean(last_name):
        title = {"male": "господин ", "female": "госпожа "}.get(gender, "")
        address = title + clean(last_name)
    return f"{word} {address}" if address else word
