"""The guides job: one page per definition and locale, as Markdown, side by side or HTML."""

from .build import (
    BuildResult,
    Page,
    Project,
    asset_paths,
    build_guides,
    other_format,
    page_assets,
)

__all__ = [
    "BuildResult",
    "Page",
    "Project",
    "asset_paths",
    "build_guides",
    "other_format",
    "page_assets",
]
