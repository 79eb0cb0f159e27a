#!/usr/bin/env python3
"""Writes McuUpdater.sln and McuUpdater.Host.slnf from .ci/projects.txt (name|path|type guid|project guid).

One list of projects keeps the solution (nanoFramework + .NET) and the host filter in step.
"""
import json, os
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
rows = [l.strip().split("|") for l in open(os.path.join(here, "projects.txt")) if l.strip()]
NANO = "{11A8DD76-328B-46DF-9F39-F559912D0360}"
out = ["", "Microsoft Visual Studio Solution File, Format Version 12.00", "# Visual Studio Version 17",
       "VisualStudioVersion = 17.0.31903.59", "MinimumVisualStudioVersion = 10.0.40219.1"]
for name, path, tguid, pguid in rows:
    out.append(f'Project("{tguid}") = "{name}", "{path}", "{pguid}"')
    out.append("EndProject")
out.append("Global")
out.append("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution")
out.append("\t\tDebug|Any CPU = Debug|Any CPU")
out.append("\t\tRelease|Any CPU = Release|Any CPU")
out.append("\tEndGlobalSection")
out.append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution")
for name, path, tguid, pguid in rows:
    for c in ("Debug", "Release"):
        out.append(f"\t\t{pguid}.{c}|Any CPU.ActiveCfg = {c}|Any CPU")
        out.append(f"\t\t{pguid}.{c}|Any CPU.Build.0 = {c}|Any CPU")
        if tguid == NANO:
            out.append(f"\t\t{pguid}.{c}|Any CPU.Deploy.0 = {c}|Any CPU")
out.append("\tEndGlobalSection")
out.append("\tGlobalSection(SolutionProperties) = preSolution")
out.append("\t\tHideSolutionNode = FALSE")
out.append("\tEndGlobalSection")
out.append("EndGlobal")
open(os.path.join(root, "McuUpdater.sln"), "w", newline="\r\n").write("\n".join(out) + "\n")
slnf = {"solution": {"path": "McuUpdater.sln",
        "projects": [p for _, p, t, _ in rows if t != NANO]}}
open(os.path.join(root, "McuUpdater.Host.slnf"), "w").write(json.dumps(slnf, indent=2) + "\n")
