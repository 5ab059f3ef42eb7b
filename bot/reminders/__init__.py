"""Reminder delivery: planning rows in the database, claiming them with a lease, sending once."""
