"""Models shipped with framing (installed as the package framing.models): cards and weights, no code."""
