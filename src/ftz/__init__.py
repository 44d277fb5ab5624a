"""FTZ Practice Platform: China's sixth batch of Pilot FTZ best-practice cases as software."""

__version__ = "0.1.0"
