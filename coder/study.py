"""The study's fixed vocabulary: which codebook facets play which role in its tables."""

GOAL_FACET = "transformatiedoel"
VALENCE_FACET = "valentie"
ACTIVE_FACET = "werkzame_elementen"
POSITIVE, NEGATIVE, NEUTRAL = "positief", "negatief", "gemengd_neutraal"
