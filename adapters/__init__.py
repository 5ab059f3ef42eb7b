"""Platform adapters: turn platform events into core commands and core replies into messages."""
