<#
.SYNOPSIS
    Nothing heavy at Import-Module: a fresh pwsh that imports EopTools and runs Get-EopIpRange, against a bare pwsh.
.DESCRIPTION
    Runs both commands alternately, -Rounds times each, in fresh processes on this machine, and reports the medians
    and their ratio (target: at most 1.3).
.EXAMPLE
    dotnet pwsh ./bench/Measure-Startup.ps1
#>
param([int] $Rounds = 21)

$ErrorActionPreference = 'Stop'
$repoRoot = Split-Path -Parent $PSScriptRoot
& (Join-Path $repoRoot 'build.ps1') -Task Build | Out-Host
$module = Join-Path $repoRoot 'out/EopTools'

# Under the dotnet tool, pwsh is 'dotnet pwsh.dll'; elsewhere the process is pwsh itself.
$pwsh = @([Environment]::ProcessPath)
if ((Split-Path -Leaf $pwsh[0]) -match '^dotnet(\.exe)?$') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }

function Measure-Process([string] $Command) {
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $pwsh[0] @arguments | Out-Null
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "'$Command' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalMilliseconds
}

$bare = 'exit'
$withModule = "Import-Module '$module'; `$null = Get-EopIpRange"
# Checked once, untimed: a comparison in the timed command would add PowerShell's own first-use binder cost.
$null = Measure-Process "Import-Module '$module'; if ((Get-EopIpRange).Count -ne 24) { exit 1 }"
$null = Measure-Process $bare
$bareTimes = [System.Collections.Generic.List[double]]::new()
$moduleTimes = [System.Collections.Generic.List[double]]::new()
for ($round = 0; $round -lt $Rounds; $round++) {
    $bareTimes.Add((Measure-Process $bare))
    $moduleTimes.Add((Measure-Process $withModule))
}

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$bareMedian = Get-Median $bareTimes
$moduleMedian = Get-Median $moduleTimes
$ratio = $moduleMedian / $bareMedian
'startup: median of {0} fresh processes each' -f $Rounds
'  pwsh -NoProfile -c exit                          {0,8:F0} ms' -f $bareMedian
'  pwsh -NoProfile -c Import-Module; Get-EopIpRange {0,8:F0} ms' -f $moduleMedian
'  ratio {0:F2} (target <= 1.30): {1}' -f $ratio, $(if ($ratio -le 1.3) { 'met' } else { 'NOT MET' })
