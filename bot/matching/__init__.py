"""Mentor matching: availability, explained ranking, requests, check-ins and cohort rounds."""
