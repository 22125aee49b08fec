# How this repository's scripts (build.ps1, bench/, tests/Pester) start native programs and child pwsh processes.
# Dot-source it.

function Invoke-Native {
    # Every native call's exit code is checked: a failed step fails the caller. The output goes to the host, never
    # into the calling function's return value.
    param([Parameter(Mandatory)][string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-PwshCommand {
    # Under the dotnet tool, pwsh runs as 'dotnet pwsh.dll'; elsewhere the process is pwsh itself.
    $processPath = [Environment]::ProcessPath
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$' -and (Test-Path $pwshDll)) {
        return @($processPath, $pwshDll)
    }
    return @($processPath)
}

function Invoke-Pwsh {
    # A fresh pwsh without profile; its output is the caller's, and $LASTEXITCODE is its exit code.
    param([Parameter(Mandatory)][string[]] $ArgumentList)
    $pwsh = @(Get-PwshCommand)
    & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $ArgumentList)
}
