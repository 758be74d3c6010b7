"""The content model: definitions, shared steps and the glossary, loaded and checked with
file and line; their JSON Schemas and the Babel extractor of their translatable text."""
