<#
.SYNOPSIS
    Search-EopLog on a million-line protocol log and a million-line tracking log, side by side with its baselines.
.DESCRIPTION
    Generates, from a fixed seed, an SMTP receive protocol log and a message tracking log in Exchange's layouts
    (bench/EopTools.Benchmarks/LogGenerator.cs: 30% EOP senders, a tenth IPv6, quoted values with commas, a restarted
    protocol log), then measures in one fresh pwsh, -Rounds rounds of each pair back to back, sides alternating:
      (a) one file, -Summary, against counting the same file's lines with File.ReadLines (Enumerable.Count): >= 0.5x the rate;
          the protocol log, the tracking log (30 columns, most lines from a new address), then an IIS W3C log
          (15 space-separated fields, as many lines as the tracking log);
      (b) one file, -Summary, against Import-Csv <file> | Test-EopIpAddress, the latter measured on the file's first
          -CsvLines lines and compared per line (PowerShell 7's Import-Csv reads the '#Fields:' header): >= 20x;
      (c) per-line records into a variable, against the output floor (Write-FloorObject on the file's lines, read
          beforehand) for the same number of objects: <= 1.5x; what reading a record's time, address and port costs
          (parsed again from its line when asked for) against reading three of its kept properties; and, to show what an object's size costs by itself,
          the floor writing objects with the fields records had as 120-byte objects (Write-FloorObject -RecordSized,
          before their data moved into shared blocks) against the floor;
      (d) four files (the tracking log, the protocol log, then both again: two threads get equal work), -Summary,
          -ThrottleLimit 2 against -ThrottleLimit 1: >= 1.6x the one-thread rate;
      (e) live heap while streaming the protocol log's records (sampled every 100,000 records): flat.
    Verdicts are on the median of the rounds' ratios (this shared machine's speed drifts between rounds).
    With -Before, another build of the module (e.g. main's) is measured the same way in the same run, in its own
    pwsh, before this one; the report then ends with each measure's median time of this build against that build's.
.EXAMPLE
    dotnet pwsh ./bench/Measure-SearchEopLog.ps1
.EXAMPLE
    dotnet pwsh ./bench/Measure-SearchEopLog.ps1 -Before ../main-build/out/EopTools
#>
param(
    [int] $Lines = 1000000,
    [int] $CsvLines = 50000,
    [int] $Rounds = 5,
    [int] $Seed = 20261129,
    # A built module folder to compare this build with (before/after).
    [string] $Before
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$floor = Build-FloorCmdlet
$core = Build-CoreBenchmarks
# The generator's version is in the name: logs made by an earlier generator are not reused.
$logs = Join-Path $benchOut "logs-$Lines-$Seed-v3"
$protocol = Join-Path $logs 'RECV2026110100-1.LOG'
$tracking = Join-Path $logs 'MSGTRK2026110100-1.LOG'
$iis = Join-Path $logs 'u_ex261101.log'
Initialize-Corpus $core $iis @('logs', $logs, $Lines, $Lines, $Seed)
$subset = Join-Path $logs "RECV-first-$CsvLines.LOG"
if (-not (Test-Path $subset)) { [System.IO.File]::WriteAllLines($subset, [string[]]([System.Linq.Enumerable]::Take([System.IO.File]::ReadLines($protocol), $CsvLines))) }

$measure = {
    param($ModulePath, $FloorPath, $Protocol, $Tracking, $Iis, $Subset, $Rounds)
    $ProgressPreference = 'SilentlyContinue'
    $WarningPreference = 'SilentlyContinue'
    Import-Module $ModulePath
    Import-Module $FloorPath
    $null = Test-EopIpAddress 40.92.70.1

    $results = [ordered]@{}
    $results.ProtocolLines = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Protocol))
    $results.TrackingLines = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Tracking))
    $results.IisLines = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Iis))
    $results.SubsetLines = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Subset))
    $summary = Search-EopLog -LiteralPath $Protocol -Summary
    $results.Distinct = $summary.Count
    $results.DistinctNotEop = @($summary | Where-Object { -not $_.IsEop }).Count
    $results.EopLineShare = ($summary | Where-Object IsEop | Measure-Object Lines -Sum).Sum / ($summary | Measure-Object Lines -Sum).Sum
    $summary = $null

    $results.ReadLines = Measure-Pair { $script:r = Search-EopLog -LiteralPath $Protocol -Summary } { $script:r = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Protocol)) } -Rounds $Rounds
    $results.TrackingReadLines = Measure-Pair { $script:r = Search-EopLog -LiteralPath $Tracking -Summary } { $script:r = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Tracking)) } -Rounds $Rounds
    $results.IisReadLines = Measure-Pair { $script:r = Search-EopLog -LiteralPath $Iis -Summary } { $script:r = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($Iis)) } -Rounds $Rounds
    $results.ImportCsv = Measure-Pair { $script:r = Search-EopLog -LiteralPath $Protocol -Summary } { $script:r = Import-Csv -LiteralPath $Subset | Test-EopIpAddress } -Rounds $Rounds
    $results.ImportCsvAnswers = @(Import-Csv -LiteralPath $Subset | Test-EopIpAddress).Count
    $script:lines = [System.IO.File]::ReadAllLines($Protocol)
    $results.Records = Measure-Pair { $script:r = Search-EopLog -LiteralPath $Protocol } { $script:r = Write-FloorObject -InputObject $script:lines } -Rounds $Rounds
    $results.RecordSized = Measure-Pair { $script:r = Write-FloorObject -InputObject $script:lines -RecordSized } { $script:r = Write-FloorObject -InputObject $script:lines } -Rounds $Rounds
    $results.RecordCount = @(Search-EopLog -LiteralPath $Protocol).Count
    # What a record's time, address and port cost to read, parsed again from its line, against three kept properties.
    $script:kept = @(Search-EopLog -LiteralPath $Protocol | Select-Object -First 200000)
    $results.KeptCount = $script:kept.Count
    $results.Reads = Measure-Pair { foreach ($x in $script:kept) { $null = $x.Timestamp; $null = $x.IPAddress; $null = $x.Port } } { foreach ($x in $script:kept) { $null = $x.IsEop; $null = $x.LineNumber; $null = $x.Field } } -Rounds $Rounds
    $script:kept = $null
    $script:lines = $null
    $four = $Tracking, $Protocol, $Tracking, $Protocol
    $results.Parallel = Measure-Pair { $script:r = Search-EopLog -LiteralPath $four -Summary -ThrottleLimit 2 } { $script:r = Search-EopLog -LiteralPath $four -Summary -ThrottleLimit 1 } -Rounds $Rounds
    $script:r = $null
    $heap = Search-EopLog -LiteralPath $Protocol | Measure-StreamedHeap -Every 100000
    $results.HeapFirst = $heap.FirstSampleBytes
    $results.HeapLast = $heap.LastSampleBytes
    $results.HeapMax = $heap.MaxSampleBytes
    $results.HeapSamples = $heap.Samples
    [pscustomobject]$results
}

function Format-Times($times) { ($times | ForEach-Object { '{0:F2}' -f $_ }) -join ', ' }

function Write-Report($m, [string] $Name) {
    "Search-EopLog ($Name): protocol log $($m.ProtocolLines) lines ($($m.Distinct) distinct senders, $($m.DistinctNotEop) not EOP, {0:P0} of the lines from EOP), tracking log $($m.TrackingLines) lines, IIS log $($m.IisLines) lines; $Rounds rounds" -f $m.EopLineShare

    foreach ($file in @(@{ Name = 'protocol log'; Pair = $m.ReadLines }, @{ Name = 'tracking log'; Pair = $m.TrackingReadLines }, @{ Name = 'IIS log'; Pair = $m.IisReadLines })) {
        $ratios = Get-RoundRatios $file.Pair 1 1
        $rate = Get-Median @($ratios | ForEach-Object { 1 / $_ })
        '  (a) -Summary, one file, the {0}: {1} s; File.ReadLines count: {2} s' -f $file.Name, (Format-Times $file.Pair.Module), (Format-Times $file.Pair.Baseline)
        '      rate against File.ReadLines, median of the rounds: {0:F2}x (target >= 0.5): {1}; rounds {2}' -f $rate, (Verdict ($rate -ge 0.5)), ((($ratios | ForEach-Object { '{0:F2}' -f (1 / $_) }) -join ', '))
    }

    $ratios = Get-RoundRatios $m.ImportCsv $m.ProtocolLines $m.SubsetLines
    $speedup = Get-Median @($ratios | ForEach-Object { 1 / $_ })
    '  (b) -Summary on the whole file ({0} lines): {1} s; Import-Csv | Test-EopIpAddress on its first {2} lines ({3} answers): {4} s' -f $m.ProtocolLines, (Format-Times $m.ImportCsv.Module), $m.SubsetLines, $m.ImportCsvAnswers, (Format-Times $m.ImportCsv.Baseline)
    '      per line, median of the rounds: {0:F1}x faster (target >= 20): {1}; rounds {2}' -f $speedup, (Verdict ($speedup -ge 20)), (($ratios | ForEach-Object { '{0:F1}' -f (1 / $_) }) -join ', ')

    $ratios = Get-RoundRatios $m.Records $m.RecordCount $m.ProtocolLines
    $ratio = Get-Median $ratios
    '  (c) $r = Search-EopLog <file> ({0} records): {1} s; $r = Write-FloorObject $lines ({2} objects): {3} s' -f $m.RecordCount, (Format-Times $m.Records.Module), $m.ProtocolLines, (Format-Times $m.Records.Baseline)
    '      per object, median of the rounds: {0:F2}x the floor (target <= 1.5): {1}; rounds {2}' -f $ratio, (Verdict ($ratio -le 1.5)), (($ratios | ForEach-Object { '{0:F2}' -f $_ }) -join ', ')
    # What an object's size costs by itself: the floor cmdlet writing objects with the fields records had as 120-byte objects.
    $ratios = Get-RoundRatios $m.RecordSized 1 1
    '      the floor writing 120-byte objects with the fields records had before their blocks (-RecordSized): {0} s against {1} s: {2:F2}x the floor (rounds {3})' -f `
        (Format-Times $m.RecordSized.Module), (Format-Times $m.RecordSized.Baseline), (Get-Median $ratios), (($ratios | ForEach-Object { '{0:F2}' -f $_ }) -join ', ')

    $ratios = Get-RoundRatios $m.Reads 1 1
    '      reading Timestamp, IPAddress and Port (parsed again from the line) of {0} kept records: {1} s; IsEop, LineNumber and Field (kept): {2} s: {3:F2}x, {4:F2} microseconds more per record (rounds {5})' -f `
        $m.KeptCount, (Format-Times $m.Reads.Module), (Format-Times $m.Reads.Baseline), (Get-Median $ratios), ((Get-Median @(for ($i = 0; $i -lt $m.Reads.Module.Count; $i++) { $m.Reads.Module[$i] - $m.Reads.Baseline[$i] })) * 1e6 / $m.KeptCount), (($ratios | ForEach-Object { '{0:F2}' -f $_ }) -join ', ')

    $ratios = Get-RoundRatios $m.Parallel 1 1
    $speedup = Get-Median @($ratios | ForEach-Object { 1 / $_ })
    '  (d) four files (2 tracking, 2 protocol logs), -Summary: -ThrottleLimit 2 {0} s; -ThrottleLimit 1 {1} s' -f (Format-Times $m.Parallel.Module), (Format-Times $m.Parallel.Baseline)
    '      median of the rounds: {0:F2}x the one-thread rate (target >= 1.6 on 2 cores): {1}; rounds {2}' -f $speedup, (Verdict ($speedup -ge 1.6)), (($ratios | ForEach-Object { '{0:F2}' -f (1 / $_) }) -join ', ')

    '  (e) streaming the protocol log''s records: live heap {0:F1} MB at the first of {1} samples, {2:F1} MB at the last, {3:F1} MB at most' -f ($m.HeapFirst / 1MB), $m.HeapSamples, ($m.HeapLast / 1MB), ($m.HeapMax / 1MB)
}

$builds = Get-ModuleBuilds $Before
$measured = [ordered]@{}
foreach ($name in $builds.Keys) {
    $measured[$name] = Invoke-Measure $measure @($builds[$name], $floor, $protocol, $tracking, $iis, $subset, $Rounds) -Depth 4
    Write-Report $measured[$name] $name
}

if ($Before) {
    # The same measures' median times, this build against the other: below 1 is faster.
    $old, $new = @($measured.Values)
    '  before/after, median time of this build against the other''s:'
    foreach ($measure in 'ReadLines', 'TrackingReadLines', 'IisReadLines', 'ImportCsv', 'Records', 'Parallel') {
        '      {0}: {1:F2} s against {2:F2} s: {3:F2}x' -f $measure, (Get-Median $new.$measure.Module), (Get-Median $old.$measure.Module), ((Get-Median $new.$measure.Module) / (Get-Median $old.$measure.Module))
    }
}
