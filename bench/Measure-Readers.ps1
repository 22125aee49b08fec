<#
.SYNOPSIS
    Every reader is linear in its input: issue 15's crafted inputs, at 1 MB and 2 MB, against a benign file of the
    same size and format.
.DESCRIPTION
    Builds bench/EopTools.Benchmarks and runs its 'reader' mode once per input and size, each in a fresh process with
    a time limit (-TimeoutSec; a reader that hangs shows as over it): it builds the input (tests/EopTools.Tests/
    HostileInputs.cs, shared with the tests) and times RangeFileReader.ReadText on it, best of -Rounds. Prints, per
    input, the time at 1 MB and 2 MB, their ratio (linear: about 2; quadratic: about 4; target at most 3) and the
    1 MB time against the benign baseline's (a page of valid rows, or O365IPAddresses.xml of valid addresses).
.EXAMPLE
    dotnet pwsh ./bench/Measure-Readers.ps1
#>
param(
    [int] $Bytes = 1048576,
    [int] $Rounds = 3,
    [int] $TimeoutSec = 120
)

$ErrorActionPreference = 'Stop'
$repoRoot = Split-Path -Parent $PSScriptRoot
$benchOut = Join-Path $repoRoot 'artifacts/bench'

. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
$core = Build-CoreBenchmarks $benchOut

function Measure-Reader([string] $Name, [int] $Size) {
    $process = Start-Process dotnet -ArgumentList @($core, 'reader', $Name, $Size, $Rounds) -NoNewWindow -PassThru -RedirectStandardOutput (Join-Path $benchOut "reader-$Name-$Size.txt")
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        $process.Kill()
        return [pscustomobject]@{ Ms = [double]::PositiveInfinity; Outcome = "over $TimeoutSec s" }
    }
    if ($process.ExitCode -ne 0) { throw "The reader benchmark failed on $Name with exit code $($process.ExitCode)." }
    $fields = (Get-Content (Join-Path $benchOut "reader-$Name-$Size.txt") -Raw).Trim() -split ' ', 5
    [pscustomobject]@{ Ms = [double]::Parse($fields[3], [cultureinfo]::InvariantCulture); Outcome = $fields[4] }
}

$baselines = @{}
foreach ($baseline in 'benign-page', 'benign-xml') { $baselines[$baseline] = Measure-Reader $baseline $Bytes }
'readers: best of {0} rounds, ms; {1:N0} and {2:N0} bytes; machine shared, so only the ratios count' -f $Rounds, $Bytes, (2 * $Bytes)
'  {0,-18} {1,9:F1}           baseline ({2})' -f 'benign-page', $baselines['benign-page'].Ms, $baselines['benign-page'].Outcome
'  {0,-18} {1,9:F1}           baseline ({2})' -f 'benign-xml', $baselines['benign-xml'].Ms, $baselines['benign-xml'].Outcome
$allMet = $true
foreach ($name in 'reversed-warnings', 'sxs-unclosed', 'angle-cell', 'angle-heading', 'anchor-heading', 'rangelike-comment', 'deep-xml') {
    $one = Measure-Reader $name $Bytes
    $two = Measure-Reader $name (2 * $Bytes)
    $growth = $two.Ms / $one.Ms
    $baseline = $baselines[$(if ($name -like '*xml') { 'benign-xml' } else { 'benign-page' })]
    $met = $growth -le 3
    $allMet = $allMet -and $met
    '  {0,-18} {1,9:F1} {2,9:F1}  2x input: {3,5:F2}x ({4})  vs baseline {5,6:F2}x  ({6})' -f $name, $one.Ms, $two.Ms, $growth, (Verdict $met), ($one.Ms / $baseline.Ms), $one.Outcome
}
if (-not $allMet) { 'a reader grew faster than its input' }
