"""Alliances: steer and equip strategic alliances for the Sustainable Development Goals."""

__version__ = "0.1.0"
