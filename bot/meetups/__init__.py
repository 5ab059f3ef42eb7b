"""Meetups: create, RSVP with a waitlist, recurring sessions, calendar files and reminders."""
