# Shared by the benchmark scripts; dot-source it. It sets $repoRoot (this checkout), $benchOut (where the scripts keep
# what they build and generate, reused from run to run) and $thisBuild (the module build.ps1 builds, the one measured).

. (Join-Path $PSScriptRoot '../tools/Process.ps1')

$repoRoot = Split-Path -Parent $PSScriptRoot
$benchOut = Join-Path $repoRoot 'artifacts/bench'
$thisBuild = Join-Path $repoRoot 'out/EopTools'

# Builds the module into $thisBuild first, so that a script always measures the code it stands beside.
function Build-Module { & (Join-Path $repoRoot 'build.ps1') -Task Build | Out-Host }

# The builds a script measures, by name: with $Before (another build's out/EopTools, e.g. main's), 'before' first, then
# 'this build'; each is judged on its ratios to the same baseline in the same run, so the machine's drift cancels out.
function Get-ModuleBuilds([string] $Before) {
    $builds = [ordered]@{}
    if ($Before) { $builds['before'] = (Resolve-Path -LiteralPath $Before).Path }
    $builds['this build'] = $thisBuild
    $builds
}

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Verdict([bool] $met) { if ($met) { 'met' } else { 'NOT MET' } }

# bench/EopTools.Benchmarks built into $benchOut/core; returns the path of its DLL.
function Build-CoreBenchmarks {
    Invoke-Native dotnet @('build', (Join-Path $PSScriptRoot 'EopTools.Benchmarks/EopTools.Benchmarks.csproj'), '-c', 'Release', '-o', (Join-Path $benchOut 'core'), '--nologo', '-v', 'quiet')
    Join-Path $benchOut 'core/EopTools.Benchmarks.dll'
}

# The do-nothing binary cmdlet the benchmarks compare with, built into $benchOut/FloorCmdlet; returns the path of its DLL.
function Build-FloorCmdlet {
    $folder = Join-Path $benchOut 'FloorCmdlet'
    Invoke-Native dotnet @('build', (Join-Path $PSScriptRoot 'FloorCmdlet/FloorCmdlet.csproj'), '-c', 'Release', '-o', $folder, '--nologo', '-v', 'quiet')
    Join-Path $folder 'FloorCmdlet.dll'
}

# Runs a generator of the core benchmark program ('generate', 'messages', 'logs' with its arguments) unless $Last, the
# last file it writes, is there: a corpus is generated from its seed once per size and reused from run to run.
function Initialize-Corpus([string] $Core, [string] $Last, [object[]] $Arguments) {
    if (-not (Test-Path -LiteralPath $Last)) { Invoke-Native dotnet (@($Core) + $Arguments) }
}

# The core benchmark program and the Test-EopIpAddress benchmarks' addresses (generated from the seed once per count);
# returns both paths.
function Initialize-CoreBenchmark([int] $Count, [int] $Seed) {
    $core = Build-CoreBenchmarks
    $addressFile = Join-Path $benchOut "addresses-$Count-$Seed.txt"
    Initialize-Corpus $core $addressFile @('generate', $addressFile, $Count, $Seed)
    [pscustomobject]@{ Core = $core; AddressFile = $addressFile }
}

# Each measured round's time of the module's side over the baseline's, per unit of work on each side when the sides do
# different amounts (lines, objects); both sides of a round ran back to back, in the same spell of the machine.
function Get-RoundRatios($pair, [double] $moduleUnits = 1, [double] $baselineUnits = 1) {
    @(for ($i = 0; $i -lt $pair.Module.Count; $i++) { ($pair.Module[$i] / $moduleUnits) / ($pair.Baseline[$i] / $baselineUnits) })
}

# The verdict figure: the median of the rounds' ratios, which one lucky or unlucky round does not move.
function Get-MedianRatio($pair) { Get-Median (Get-RoundRatios $pair) }

# In a measuring pwsh: a cache folder of its own, so the data it reads is what this run imported, no other run's.
function Use-OwnCache {
    $env:EOPTOOLS_CACHE_DIR = (New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "eoptools-bench-$PID")).FullName
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
