<#
.SYNOPSIS
    Runs the benchmark scripts and writes their latest figures into docs/performance.md.
.DESCRIPTION
    Each bench/Measure-*.ps1 named by -Name (all of them by default) runs in turn, in a fresh pwsh, and what it prints
    (its medians, ratios and verdicts against the targets) becomes that script's section of docs/performance.md, with
    the date, the machine and the command. The sections of the scripts not run this time are kept as they were, so one
    benchmark can be refreshed alone. The page is written to a temporary file and renamed into place, and only after
    every named script has succeeded: a failed run leaves the page as it was.
.EXAMPLE
    dotnet pwsh ./bench/Update-PerformanceReport.ps1
.EXAMPLE
    dotnet pwsh ./bench/Update-PerformanceReport.ps1 -Name SearchEopLog, TestEopIpAddress
#>
[CmdletBinding()]
param(
    # The scripts to run, by the part of their name after 'Measure-' (SearchEopLog, TestEopIpAddress, ...).
    [string[]] $Name
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$page = Join-Path $repoRoot 'docs/performance.md'
$scripts = @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter 'Measure-*.ps1' | Sort-Object Name)
$known = @($scripts | ForEach-Object { $_.BaseName.Substring('Measure-'.Length) })
if (-not $Name) { $Name = $known }
foreach ($wanted in $Name) {
    if ($wanted -notin $known) { throw "No benchmark script 'Measure-$wanted.ps1' in bench/. Known: $($known -join ', ')." }
}

# The sections already written, by script name, so those not run now are kept.
$sections = [ordered]@{}
if (Test-Path -LiteralPath $page) {
    $current = $null
    foreach ($line in [System.IO.File]::ReadAllLines($page)) {
        if ($line -match '^<!-- begin (Measure-[A-Za-z]+) -->$') { $current = $Matches[1]; $sections[$current] = [System.Collections.Generic.List[string]]::new(); continue }
        if ($line -match '^<!-- end (Measure-[A-Za-z]+) -->$') { $current = $null; continue }
        if ($current) { $sections[$current].Add($line) }
    }
}

function Get-MachineText {
    $os = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription.Trim()
    $load = if (Test-Path -LiteralPath '/proc/loadavg') { ', load average ' + (Get-Content -LiteralPath '/proc/loadavg' -Raw).Split(' ')[0] } else { '' }
    '{0}, {1} cores, .NET {2}, PowerShell {3}{4}' -f $os, [Environment]::ProcessorCount, [Environment]::Version, $PSVersionTable.PSVersion, $load
}

foreach ($script in $scripts | Where-Object { $_.BaseName.Substring('Measure-'.Length) -in $Name }) {
    $started = Get-Date
    $machine = Get-MachineText
    Write-Host "Running $($script.Name) ($machine)..."
    $output = @(Invoke-Pwsh -ArgumentList '-File', $script.FullName)
    if ($LASTEXITCODE -ne 0) { throw "$($script.Name) failed with exit code $LASTEXITCODE; docs/performance.md is unchanged." }
    $output | Out-Host
    $synopsis = ((Get-Help $script.FullName).Synopsis -replace '\s+', ' ').Trim()
    $section = [System.Collections.Generic.List[string]]::new()
    $section.Add("## $($script.BaseName)")
    $section.Add('')
    $section.Add($synopsis)
    $section.Add('')
    $section.Add(('`dotnet pwsh ./bench/{0}`, {1:yyyy-MM-dd HH:mm} UTC, {2:N0} s, on {3}:' -f $script.Name, $started.ToUniversalTime(), ((Get-Date) - $started).TotalSeconds, $machine))
    $section.Add('')
    $section.Add('```text')
    # The figures only: the build steps' own messages and blank lines say nothing about speed.
    foreach ($line in $output) {
        $printed = "$line".TrimEnd()
        if ($printed -and $printed -notmatch '^\s*(Build succeeded\.|\d+ Warning\(s\)|\d+ Error\(s\)|Time Elapsed .*)$') { $section.Add($printed) }
    }
    $section.Add('```')
    $sections[$script.BaseName] = $section
}

$text = [System.Text.StringBuilder]::new()
$null = $text.AppendLine('# Performance').AppendLine()
$null = $text.AppendLine('Written by `bench/Update-PerformanceReport.ps1`, which runs the benchmark scripts and puts what each printed here:')
$null = $text.AppendLine('do not edit by hand. Every figure is a ratio against a baseline measured side by side in the same run (sides')
$null = $text.AppendLine('alternating, in fresh processes), because the shared build machine''s speed drifts by up to a third between runs;')
$null = $text.AppendLine('the verdict is on the median of the rounds'' ratios. Why the code is shaped as it is for speed:')
$null = $text.AppendLine('[design.md](design.md).').AppendLine()
foreach ($key in $sections.Keys | Sort-Object) {
    $null = $text.AppendLine("<!-- begin $key -->")
    foreach ($line in $sections[$key]) { $null = $text.AppendLine($line) }
    $null = $text.AppendLine("<!-- end $key -->").AppendLine()
}
$temporary = "$page.tmp"
[System.IO.File]::WriteAllText($temporary, $text.ToString().TrimEnd() + "`n", [System.Text.UTF8Encoding]::new($false))
Move-Item -LiteralPath $temporary -Destination $page -Force
Write-Host "Wrote $page"
