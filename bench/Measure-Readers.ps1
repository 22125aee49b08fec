<#
.SYNOPSIS
    Every reader is linear in its input: issue 15's crafted inputs, at 1 MB and 2 MB, against a benign file of the
    same size and format.
.DESCRIPTION
    Builds bench/EopTools.Benchmarks and runs its 'reader' mode once per input, each in a fresh process with a time
    limit (-TimeoutSec; a reader that hangs shows as over it): it builds the input (tests/EopTools.Tests/
    HostileInputs.cs, shared with the tests) at -Bytes and at twice that, and times RangeFileReader.ReadText on both
    alternately for -Rounds rounds. Prints, per input, the median time of one read at -Bytes, the median of the rounds'
    time ratios (linear: about 2; quadratic: about 4; target at most 3), the median ratio of the bytes the reads
    allocated (load does not move it: a reader that copies its input a fixed number of times shows 2.00), and the time
    against the benign baseline's (a page of valid rows, or O365IPAddresses.xml of valid addresses, of the same size).

    Why each timing is many reads: most crafted inputs are read in 2-30 ms, and each read allocates five or six copies
    of its input, on the large object heap. Whether a single read pays for a full collection or for fresh pages depends
    on what the reads before it left, not on its own input: timed one read at a time, cold, a linear reader's 2x ratio
    came out anywhere from 0.3 to 4 (angle-cell 3.99 and anchor-heading 3.22 NOT MET on 2026-12-05; 0.26 and 0.28 at
    4 MB). So each timing is as many reads as take at least 250 ms, the same count at both sizes, started from a
    collected heap, after a cold read and a warm-up timing of each size; which size goes first alternates.
.EXAMPLE
    dotnet pwsh ./bench/Measure-Readers.ps1
#>
param(
    [int] $Bytes = 1048576,
    [int] $Rounds = 7,
    [int] $TimeoutSec = 120
)

$ErrorActionPreference = 'Stop'

. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
$core = Build-CoreBenchmarks

function Measure-Reader([string] $Name, [int] $Size) {
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $core, 'reader', $Name, $Size, $Rounds) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $output = $process.StandardOutput.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        $process.Kill($true)
        return [pscustomobject]@{ Ms = [double]::PositiveInfinity; Growth = [double]::NaN; Allocation = [double]::NaN; Reads = 0; Outcome = "over $TimeoutSec s" }
    }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "The reader benchmark failed on $Name with exit code $($process.ExitCode)." }
    $fields = $output.GetAwaiter().GetResult().Trim() -split ' ', 8
    [pscustomobject]@{
        Ms         = [double]::Parse($fields[3], [cultureinfo]::InvariantCulture)
        Growth     = [double]::Parse($fields[4], [cultureinfo]::InvariantCulture)
        Allocation = [double]::Parse($fields[5], [cultureinfo]::InvariantCulture)
        Reads      = [int]$fields[6]
        Outcome    = $fields[7]
    }
}

$baselines = @{}
foreach ($baseline in 'benign-page', 'benign-xml') { $baselines[$baseline] = Measure-Reader $baseline $Bytes }
'readers: {0:N0} bytes, then twice that; each timing >= 250 ms of reads from a collected heap, after a warm-up; medians of {1} rounds, alternating; machine shared' -f $Bytes, $Rounds
foreach ($baseline in 'benign-page', 'benign-xml') {
    $run = $baselines[$baseline]
    '  {0,-18} {1,9:F2} ms  2x input: {2,5:F2}x            allocated {3,5:F2}x  baseline           ({4} reads a timing; {5})' -f $baseline, $run.Ms, $run.Growth, $run.Allocation, $run.Reads, $run.Outcome
}
$allMet = $true
foreach ($name in 'reversed-warnings', 'sxs-unclosed', 'angle-cell', 'angle-heading', 'anchor-heading', 'rangelike-comment', 'deep-xml') {
    $run = Measure-Reader $name $Bytes
    $baseline = $baselines[$(if ($name -like '*xml') { 'benign-xml' } else { 'benign-page' })]
    $met = $run.Growth -le 3
    $allMet = $allMet -and $met
    '  {0,-18} {1,9:F2} ms  2x input: {2,5:F2}x {3,-9}  allocated {4,5:F2}x  vs baseline {5,5:F2}x  ({6} reads a timing; {7})' -f $name, $run.Ms, $run.Growth, "($(Verdict $met))", $run.Allocation, ($run.Ms / $baseline.Ms), $run.Reads, $run.Outcome
}
if (-not $allMet) { 'a reader grew faster than its input (2x input, more than 3x time)' }
