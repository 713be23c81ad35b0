"""The reader: `.md`, `.txt` and `.docx` documents into one document model with positions."""

from factory.reader.load import read_document, read_markdown_text
from factory.reader.model import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    Text,
)

__all__ = [
    "Block",
    "Document",
    "Heading",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Table",
    "Text",
    "read_document",
    "read_markdown_text",
]
