<#
.SYNOPSIS
    Nothing heavy at Import-Module: a fresh pwsh that imports EopTools and runs Get-EopIpRange, against a bare pwsh.
.DESCRIPTION
    Runs three commands in turn, -Rounds times each, in fresh processes on this machine:
      bare:     pwsh -NoProfile -c exit
      floor:    the same pwsh importing a do-nothing binary module with EopTools' manifest and format file, and
                running its cmdlet once: what PowerShell itself charges for any such module;
      EopTools: the same pwsh importing EopTools and running Get-EopIpRange.
    Reports the medians, the ratio of the medians (target for EopTools: at most 1.3) and, because this machine's
    speed drifts, the median of the ratios within each round too.
.EXAMPLE
    dotnet pwsh ./bench/Measure-Startup.ps1
#>
param([int] $Rounds = 31)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$module = $thisBuild

$floorModule = Split-Path -Parent (Build-FloorCmdlet)
Copy-Item (Join-Path $module 'EopTools.Format.ps1xml') $floorModule
# EopTools' own manifest, naming the floor's DLL and cmdlets instead.
$manifest = Get-Content -Raw (Join-Path $module 'EopTools.psd1')
$floorManifest = $manifest.Replace("'EopTools.dll'", "'FloorCmdlet.dll'") -replace "(?m)^(\s*CmdletsToExport\s*=).*$", "`$1 @('Write-FloorObject', 'Measure-StreamedHeap')"
if ($floorManifest -eq $manifest -or $floorManifest -notmatch 'FloorCmdlet\.dll' -or $floorManifest -notmatch 'Write-FloorObject') {
    throw "EopTools.psd1 no longer has the RootModule and CmdletsToExport lines this script rewrites."
}
Set-Content -Path (Join-Path $floorModule 'FloorCmdlet.psd1') -Value $floorManifest -Encoding utf8

function Measure-Process([string] $Command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Pwsh -ArgumentList '-Command', $Command | Out-Null
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "'$Command' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalMilliseconds
}

$commands = [ordered]@{
    bare     = 'exit'
    floor    = "Import-Module '$floorModule'; `$null = Write-FloorObject -InputObject x"
    EopTools = "Import-Module '$module'; `$null = Get-EopIpRange"
}
# Checked once, untimed: a comparison in the timed command would add PowerShell's own first-use binder cost.
$null = Measure-Process "Import-Module '$module'; if ((Get-EopIpRange).Count -ne 24) { exit 1 }"
$null = Measure-Process "Import-Module '$floorModule'; if (@(Write-FloorObject -InputObject x).Count -ne 1) { exit 1 }"
$times = @{}
foreach ($name in $commands.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
for ($round = 0; $round -lt $Rounds; $round++) {
    foreach ($name in $commands.Keys) { $times[$name].Add((Measure-Process $commands[$name])) }
}

function Get-RoundRatio([string] $name) {
    Get-Median @(for ($round = 0; $round -lt $Rounds; $round++) { $times[$name][$round] / $times['bare'][$round] })
}

$bareMedian = Get-Median $times['bare']
'startup: median of {0} fresh processes each' -f $Rounds
'  {0,-62} {1,6:F0} ms' -f 'pwsh -NoProfile -c exit', $bareMedian
foreach ($name in 'floor', 'EopTools') {
    $median = Get-Median $times[$name]
    $label = if ($name -eq 'floor') { 'do-nothing binary module, same manifest and format file' } else { 'Import-Module EopTools; Get-EopIpRange' }
    '  {0,-62} {1,6:F0} ms  ratio {2:F2} (median per round {3:F2})' -f $label, $median, ($median / $bareMedian), (Get-RoundRatio $name)
}
$ratio = (Get-Median $times['EopTools']) / $bareMedian
'  EopTools ratio {0:F2} (target <= 1.30): {1}' -f $ratio, (Verdict ($ratio -le 1.3))
