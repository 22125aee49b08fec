<#
.SYNOPSIS
    The diff scales as n log n: two versions of 100,000 prefixes, then of 1,000,000; ten times the input may cost at
    most 12 times the time.
.DESCRIPTION
    Builds bench/EopTools.Benchmarks and runs its 'diff' mode once per size, each in a fresh process: it generates two
    versions from a fixed seed (the difference keeps 80% of the reference's prefixes, widens, narrows, drops and
    replaces 5% each and adds 5%), then times the diff engine (RangeDiff.Compare: grouping by table, sorting, the
    sweep, the exact address lists and the change objects), best of -Rounds after a warm-up round. File writing is
    not timed. Prints both times and their ratio (target: at most 12; n log n alone predicts 12.0).
.EXAMPLE
    dotnet pwsh ./bench/Measure-RangeDiff.ps1
#>
param(
    [int] $Count = 100000,
    [int] $Rounds = 5,
    [int] $Seed = 20261127
)

$ErrorActionPreference = 'Stop'

. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
$core = Build-CoreBenchmarks

function Measure-Diff([int] $Size) {
    $line = & dotnet $core diff $Size $Seed $Rounds
    if ($LASTEXITCODE -ne 0) { throw "The diff benchmark failed with exit code $LASTEXITCODE." }
    $fields = $line -split ' '
    [pscustomobject]@{
        Reference  = [int]$fields[1]
        Difference = [int]$fields[2]
        Changes    = [int]$fields[3]
        Ms         = [double]::Parse($fields[4], [cultureinfo]::InvariantCulture)
    }
}

$small = Measure-Diff $Count
$large = Measure-Diff ($Count * 10)
$ratio = $large.Ms / $small.Ms
'diff engine: best of {0} rounds, fixed seed {1}' -f $Rounds, $Seed
foreach ($run in $small, $large) {
    '  {0,9:N0} vs {1,9:N0} prefixes -> {2,7:N0} changes {3,9:F1} ms' -f $run.Reference, $run.Difference, $run.Changes, $run.Ms
}
'  ratio {0:F2} for 10x the input (target <= 12; n log n predicts {1:F1}): {2}' -f $ratio, (10 * [math]::Log($Count * 10) / [math]::Log($Count)),
    (Verdict ($ratio -le 12))
