"""The Slack adapter: slash commands, Block Kit, modals and DMs through slack-bolt.

Importing this package loads nothing from Slack's SDKs; the modules that need them import them.
"""
