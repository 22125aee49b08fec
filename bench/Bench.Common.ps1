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
