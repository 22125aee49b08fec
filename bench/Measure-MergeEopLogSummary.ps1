<#
.SYNOPSIS
    Merge-EopLogSummary on the summaries of many servers, side by side with reading those rows back with Import-Clixml.
.DESCRIPTION
    Writes a receive protocol log of -Addresses sessions (nine in ten from distinct senders outside EOP, the tenth from a few dozen EOP addresses), summarises it with
    Search-EopLog -Summary and saves the rows with Export-Clixml, as a server's audit would. Then, in one fresh pwsh,
    -Rounds rounds of: Import-Clixml of the saved rows once per server (-Servers times, each server's rows with its
    PSComputerName), and Merge-EopLogSummary of all those rows. Target: the merge takes at most 2x the time of the
    imports (the median of the rounds' ratios). The issue's 50 servers of 100,000 addresses each hold 5 million
    deserialized rows, more than this 2-core, shared machine's memory takes: the default is 50 servers of 10,000.
.EXAMPLE
    dotnet pwsh ./bench/Measure-MergeEopLogSummary.ps1 -Servers 50 -Addresses 10000
#>
param(
    [int] $Servers = 50,
    [int] $Addresses = 10000,
    [int] $Rounds = 3
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$folder = New-Item -ItemType Directory -Force (Join-Path $benchOut "merge-$Addresses")
$log = Join-Path $folder 'RECV2026110100-1.LOG'
$saved = Join-Path $folder 'summary.xml'

$measure = {
    param($ModulePath, $Log, $Saved, $Servers, $Addresses, $Rounds)
    $ProgressPreference = 'SilentlyContinue'
    $WarningPreference = 'SilentlyContinue'
    Import-Module $ModulePath
    if (-not (Test-Path $Saved)) {
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('#Log-type: SMTP Receive Protocol Log')
        $lines.Add('#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context')
        for ($i = 0; $i -lt $Addresses; $i++) {
            $address = if ($i % 10 -eq 0) { "40.92.$([math]::Floor($i / 65536) % 4).$([math]::Floor($i / 256) % 256)" } else { "198.$(18 + [math]::Floor($i / 65536)).$([math]::Floor($i / 256) % 256).$($i % 256)" }
            $lines.Add("2026-11-01T10:00:00.000Z,EX01\Default Frontend EX01,08DD$i,0,10.0.0.5:25,$($address):25,+,,")
            $lines.Add("2026-11-01T10:00:01.000Z,EX01\Default Frontend EX01,08DD$i,1,10.0.0.5:25,$($address):25,<,EHLO host$i.example,")
        }
        [System.IO.File]::WriteAllLines($Log, $lines)
        Search-EopLog -LiteralPath $Log -Summary | Export-Clixml $Saved
    }
    $rounds = foreach ($round in 1..$Rounds) {
        [GC]::Collect()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $rows = foreach ($server in 1..$Servers) {
            Import-Clixml $Saved | Add-Member -NotePropertyName PSComputerName -NotePropertyValue "EX$server" -Force -PassThru
        }
        $import = $watch.Elapsed.TotalSeconds
        [GC]::Collect()
        $watch.Restart()
        $merged = $rows | Merge-EopLogSummary
        $merge = $watch.Elapsed.TotalSeconds
        [pscustomobject]@{ Rows = $rows.Count; Merged = @($merged).Count; Import = $import; Merge = $merge; Ratio = $merge / $import }
        $rows = $null
        $merged = $null
    }
    $rounds
}

$results = @(Invoke-Measure $measure @($thisBuild, $log, $saved, $Servers, $Addresses, $Rounds))
$median = Get-Median ($results | ForEach-Object Ratio)
"Merge-EopLogSummary of $Servers servers x $Addresses addresses ($($results[0].Rows) rows, $($results[0].Merged) merged):"
foreach ($round in $results) { '  import {0:F2} s, merge {1:F2} s: {2:F2}x' -f $round.Import, $round.Merge, $round.Ratio }
'  median of the rounds: {0:F2}x the Import-Clixml time (target <= 2): {1}' -f $median, (Verdict ($median -le 2))
