# Shared by the benchmark scripts; dot-source it.

# Under the dotnet tool, pwsh is 'dotnet pwsh.dll'; elsewhere the process is pwsh itself.
$pwsh = @([Environment]::ProcessPath)
if ((Split-Path -Leaf $pwsh[0]) -match '^dotnet(\.exe)?$') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }

function Invoke-Native([string] $FilePath, [string[]] $ArgumentList) {
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Verdict([bool] $met) { if ($met) { 'met' } else { 'NOT MET' } }
