"""The Discord adapter: slash commands, buttons and modals through discord.py, turned into core
command lines; core replies rendered as messages, embeds and persistent buttons.

Importing this package does not import discord.py; its modules do.
"""
