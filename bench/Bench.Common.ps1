# Shared by the benchmark scripts; dot-source it.

. (Join-Path $PSScriptRoot '../tools/Process.ps1')

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Verdict([bool] $met) { if ($met) { 'met' } else { 'NOT MET' } }

# bench/EopTools.Benchmarks built once into <BenchOut>/core; returns the path of its DLL.
function Build-CoreBenchmarks([string] $BenchOut) {
    Invoke-Native dotnet @('build', (Join-Path $PSScriptRoot 'EopTools.Benchmarks/EopTools.Benchmarks.csproj'), '-c', 'Release', '-o', (Join-Path $BenchOut 'core'), '--nologo', '-v', 'quiet')
    Join-Path $BenchOut 'core/EopTools.Benchmarks.dll'
}

# The do-nothing binary cmdlet the benchmarks compare with, built once into one folder, which this returns.
function Build-FloorCmdlet([string] $BenchOut) {
    $folder = Join-Path $BenchOut 'FloorCmdlet'
    Invoke-Native dotnet @('build', (Join-Path $PSScriptRoot 'FloorCmdlet/FloorCmdlet.csproj'), '-c', 'Release', '-o', $folder, '--nologo', '-v', 'quiet')
    $folder
}

# The core benchmark program (bench/EopTools.Benchmarks), built once into one folder, and the Test-EopIpAddress
# benchmarks' addresses, generated from the seed once per count; returns both paths.
function Initialize-CoreBenchmark([string] $BenchOut, [int] $Count, [int] $Seed) {
    $core = Build-CoreBenchmarks $BenchOut
    $addressFile = Join-Path $BenchOut "addresses-$Count-$Seed.txt"
    if (-not (Test-Path $addressFile)) { Invoke-Native dotnet @($core, 'generate', $addressFile, $Count, $Seed) }
    [pscustomobject]@{ Core = $core; AddressFile = $addressFile }
}

# Runs $Measure in a fresh pwsh (a clean heap, the module loaded once) with the arguments (strings quoted, numbers as
# they are) and returns what it wrote, through JSON. That pwsh dot-sources this file first, for Measure-Pair.
function Invoke-Measure([scriptblock] $Measure, [object[]] $ArgumentList, [int] $Depth = 2) {
    $arguments = ($ArgumentList | ForEach-Object { if ($_ -is [string]) { "'" + $_.Replace("'", "''") + "'" } else { "$_" } }) -join ' '
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes(
        ". '$(Join-Path $PSScriptRoot 'Bench.Common.ps1')'; & { $Measure } $arguments | ConvertTo-Json -Depth $Depth"))
    $json = Invoke-Pwsh -ArgumentList '-EncodedCommand', $encoded
    if ($LASTEXITCODE -ne 0) { throw "The measuring pwsh failed with exit code $LASTEXITCODE." }
    ($json -join "`n") | ConvertFrom-Json
}

# Times two sides alternately, each round from the same heap (the last round's results, kept in $script:r by the
# bodies, released and collected first), after -WarmUp full-size rounds each, so JIT tiering and heap growth favour
# neither; which side goes first alternates from round to round. Returns every measured round of each side, and each
# side's first (cold) round.
function Measure-Pair([scriptblock] $Module, [scriptblock] $Baseline, [int] $Rounds, [int] $WarmUp = 1) {
    $times = @([System.Collections.Generic.List[double]]::new(), [System.Collections.Generic.List[double]]::new())
    $cold = @(0.0, 0.0)
    $bodies = @($Module, $Baseline)
    for ($round = -$WarmUp; $round -lt $Rounds; $round++) {
        foreach ($side in $(if ($round % 2) { 1, 0 } else { 0, 1 })) {
            $script:r = $null
            [System.GC]::Collect()
            [System.GC]::WaitForPendingFinalizers()
            [System.GC]::Collect()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            & $bodies[$side]
            $watch.Stop()
            if ($round -eq -$WarmUp) { $cold[$side] = $watch.Elapsed.TotalSeconds }
            if ($round -ge 0) { $times[$side].Add($watch.Elapsed.TotalSeconds) }
        }
    }
    [pscustomobject]@{ Module = $times[0].ToArray(); Baseline = $times[1].ToArray(); ModuleCold = $cold[0]; BaselineCold = $cold[1] }
}
