"""`mentormeet slack ...`: tools for setting up the Slack app (light to import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

slack_app = typer.Typer(help="Slack app tools.", no_args_is_help=True)


@slack_app.command("manifest")
def manifest_command(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML config file (as for `run`).")
    ] = None,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="YAML instead of JSON.")] = False,
) -> None:
    """Print the app manifest for your [slack] settings, to paste at api.slack.com/apps."""
    from adapters.slack.manifest import ManifestError, manifest_json, manifest_yaml
    from bot.settings import SettingsError, load_settings

    try:
        slack = load_settings(config).slack
        typer.echo(manifest_yaml(slack) if as_yaml else manifest_json(slack), nl=not as_yaml)
    except (SettingsError, ManifestError) as exc:
        typer.echo(f"mentormeet: configuration error:\n{exc}", err=True)
        raise typer.Exit(2) from None
