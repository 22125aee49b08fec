<#
.SYNOPSIS
    Every reader is linear in its input: issue 15's crafted inputs, at 1 MB and 2 MB, against a benign file of the
    same size and format.
.DESCRIPTION
    Builds bench/EopTools.Benchmarks and runs its 'reader' mode once per input, each in a fresh process with a time
    limit (-TimeoutSec; a reader that hangs shows as over it): it builds the input (tests/EopTools.Tests/
    HostileInputs.cs, shared with the tests) at -Bytes and at twice that, and times RangeFileReader.ReadText on both
    alternately for -Rounds rounds. Prints, per input, the median time at -Bytes, the median of the rounds' ratios
    (linear: about 2; quadratic: about 4; target at most 3) and the time against the benign baseline's (a page of
    valid rows, or O365IPAddresses.xml of valid addresses, of the same size).
.EXAMPLE
    dotnet pwsh ./bench/Measure-Readers.ps1
#>
param(
    [int] $Bytes = 1048576,
    [int] $Rounds = 5,
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
        return [pscustomobject]@{ Ms = [double]::PositiveInfinity; Growth = [double]::NaN; Outcome = "over $TimeoutSec s" }
    }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "The reader benchmark failed on $Name with exit code $($process.ExitCode)." }
    $fields = $output.GetAwaiter().GetResult().Trim() -split ' ', 6
    [pscustomobject]@{
        Ms      = [double]::Parse($fields[3], [cultureinfo]::InvariantCulture)
        Growth  = [double]::Parse($fields[4], [cultureinfo]::InvariantCulture)
        Outcome = $fields[5]
    }
}

$baselines = @{}
foreach ($baseline in 'benign-page', 'benign-xml') { $baselines[$baseline] = Measure-Reader $baseline $Bytes }
'readers: {0:N0} bytes, then twice that, alternately in {1} rounds; median ms and median ratio of the rounds; machine shared' -f $Bytes, $Rounds
foreach ($baseline in 'benign-page', 'benign-xml') {
    '  {0,-18} {1,9:F1} ms  2x input: {2,5:F2}x  baseline ({3})' -f $baseline, $baselines[$baseline].Ms, $baselines[$baseline].Growth, $baselines[$baseline].Outcome
}
$allMet = $true
foreach ($name in 'reversed-warnings', 'sxs-unclosed', 'angle-cell', 'angle-heading', 'anchor-heading', 'rangelike-comment', 'deep-xml') {
    $run = Measure-Reader $name $Bytes
    $baseline = $baselines[$(if ($name -like '*xml') { 'benign-xml' } else { 'benign-page' })]
    # Under a millisecond (deep-xml is refused at depth 33) the ratio is noise: the input is not read whole.
    $met = $run.Ms -lt 1 -or $run.Growth -le 3
    $allMet = $allMet -and $met
    '  {0,-18} {1,9:F1} ms  2x input: {2,5:F2}x ({3})  vs baseline {4,5:F2}x  ({5})' -f $name, $run.Ms, $run.Growth, (Verdict $met), ($run.Ms / $baseline.Ms), $run.Outcome
}
if (-not $allMet) { 'a reader grew faster than its input (2x input, more than 3x time)' }
