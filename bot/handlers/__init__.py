"""One handler per use case; each takes a command and the services and returns a reply."""
