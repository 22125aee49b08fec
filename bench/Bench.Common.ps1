# Shared by the benchmark scripts; dot-source it.

. (Join-Path $PSScriptRoot '../tools/Process.ps1')

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Verdict([bool] $met) { if ($met) { 'met' } else { 'NOT MET' } }

# The do-nothing binary cmdlet the benchmarks compare with, built once into one folder, which this returns.
function Build-FloorCmdlet([string] $BenchOut) {
    $folder = Join-Path $BenchOut 'FloorCmdlet'
    Invoke-Native dotnet @('build', (Join-Path $PSScriptRoot 'FloorCmdlet/FloorCmdlet.csproj'), '-c', 'Release', '-o', $folder, '--nologo', '-v', 'quiet')
    $folder
}
