"""Run one check on one invented message, as `sunset check` runs it on a catalog entry:
the helper the check tests share, so each test states only its source, its translation
and the words of the finding it expects."""

from __future__ import annotations

from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS, CheckOptions
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser

from .test_false_alarms import GLOSSARY

OPTIONS = CheckOptions(glossary=GLOSSARY)
MD = markdown_parser()


def findings(check_id: str, source: str, text: str, locale: str, about: str) -> list[str]:
    """The check's findings on the message that contain `about`, with its precondition
    applied first, as the engine applies it (a finding behind a false gate is never seen)."""
    check = next(check for check in CHECKS if check.id == check_id)
    ctx = MessageContext(locale, OPTIONS.locale_glossary(locale), MD)
    entry = Entry(Message(source, text))
    if check.when is not None and not check.when(entry, ctx):
        return []
    return [message for message in check.func(entry, ctx) if about in message]
