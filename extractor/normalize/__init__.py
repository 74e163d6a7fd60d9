"""Pure normalisers: text in, value out, no spaCy."""
