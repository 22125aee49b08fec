#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, runs and tests EopTools.
.DESCRIPTION
    Clean   removes out/ and the build folders.
    Build   publishes src/EopTools and assembles out/EopTools from an allow-list of files.
    Run     builds, then imports the built module in a fresh pwsh and shows the ranges and a few lookups.
    Test    builds, runs the xunit tests and the Pester tests (in a fresh pwsh against out/EopTools),
            and ends with one line "N passed, M failed" over both. Exits non-zero on any failure.
    Package builds, then writes artifacts/package/EopTools.<version>.nupkg, installable with Install-PSResource.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Run', 'Test', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = $PSScriptRoot
$Built = $false
$ModuleName = 'EopTools'
$OutDir = Join-Path $RepoRoot "out/$ModuleName"
$PublishDir = Join-Path $RepoRoot 'artifacts/publish'
$TestResultsDir = Join-Path $RepoRoot 'artifacts/test-results'
$PesterVersion = '5.7.1'
# The real data (every published version of the EOP page, the web service's answers) lives beside the repository.
$SharedData = if ($env:EOPTOOLS_SHARED_DATA) { $env:EOPTOOLS_SHARED_DATA } else { Join-Path $RepoRoot '../shared/data' }

. (Join-Path $PSScriptRoot 'tools/Process.ps1')

function Invoke-ChildPwsh {
    param([Parameter(Mandatory)][string] $Command)
    Invoke-Pwsh -ArgumentList '-Command', $Command | Out-Host
    return $LASTEXITCODE
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile -Path (Join-Path $RepoRoot "$ModuleName.psd1")).ModuleVersion
}

function Invoke-Clean {
    foreach ($path in @((Join-Path $RepoRoot 'out'), (Join-Path $RepoRoot 'artifacts'))) {
        if (Test-Path $path) { Remove-Item -Recurse -Force $path }
    }
    Invoke-Native dotnet @('clean', (Join-Path $RepoRoot "$ModuleName.sln"), '-c', $Configuration, '--nologo', '-v', 'quiet')
    $script:Built = $false
}

function Invoke-Build {
    # Once per invocation: -Task Build, Test, Package needs one build.
    if ($script:Built) { return }
    $version = Get-ModuleVersion
    if (Test-Path $PublishDir) { Remove-Item -Recurse -Force $PublishDir }
    Invoke-Native dotnet @('publish', (Join-Path $RepoRoot "src/$ModuleName/$ModuleName.csproj"), '-c', $Configuration,
        '-o', $PublishDir, "-p:Version=$version", '--nologo', '-v', 'quiet')

    if (Test-Path $OutDir) { Remove-Item -Recurse -Force $OutDir }
    $null = New-Item -ItemType Directory -Path $OutDir
    # The module is exactly these files; anything else the publish step produced stays out.
    $allowList = @(
        @{ From = Join-Path $RepoRoot "$ModuleName.psd1"; To = "$ModuleName.psd1" }
        @{ From = Join-Path $PublishDir "$ModuleName.dll"; To = "$ModuleName.dll" }
        @{ From = Join-Path $PublishDir 'System.Net.IPNetwork.dll'; To = 'System.Net.IPNetwork.dll' }
        @{ From = Join-Path $RepoRoot "src/$ModuleName/$ModuleName.Format.ps1xml"; To = "$ModuleName.Format.ps1xml" }
        @{ From = Join-Path $RepoRoot 'LICENSE'; To = 'LICENSE' }
    )
    foreach ($file in $allowList) {
        if (-not (Test-Path -LiteralPath $file.From)) { throw "Build output is missing '$($file.From)'." }
        Copy-Item -LiteralPath $file.From -Destination (Join-Path $OutDir $file.To)
    }

    # Help: MAML generated from docs/help and the cmdlets' metadata (in a child pwsh, which imports the built module).
    $helpDir = Join-Path $OutDir 'en-US'
    $null = New-Item -ItemType Directory -Path $helpDir
    $generator = Join-Path $RepoRoot 'tools/New-MamlHelp.ps1'
    $exitCode = Invoke-ChildPwsh -Command "& '$generator' -ModulePath '$OutDir' -SourcePath '$(Join-Path $RepoRoot 'docs/help')' -OutputPath '$(Join-Path $helpDir "$ModuleName.dll-Help.xml")'; exit `$LASTEXITCODE"
    if ($exitCode -ne 0 -or -not (Test-Path (Join-Path $helpDir "$ModuleName.dll-Help.xml"))) { throw "Generating the help failed (exit code $exitCode)." }
    Copy-Item -LiteralPath (Join-Path $RepoRoot 'docs/help/about_EopTools.help.txt') -Destination $helpDir
    Write-Host "Built $ModuleName $version in $OutDir"
    $script:Built = $true
}

function Invoke-Run {
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$OutDir'
Get-EopIpRange | Format-Table -AutoSize | Out-Host
'40.92.70.1', '40.92.130.1', '104.47.20.5', '2a01:111:f403:c000::1', '8.8.8.8' | Test-EopIpAddress | Format-Table -AutoSize | Out-Host
"@
    $exitCode = Invoke-ChildPwsh -Command $command
    if ($exitCode -ne 0) { throw "Run failed with exit code $exitCode." }
}

function Invoke-Package {
    $packageDir = Join-Path $RepoRoot 'artifacts/package'
    if (Test-Path $packageDir) { Remove-Item -Recurse -Force $packageDir }
    $null = New-Item -ItemType Directory -Path $packageDir
    Compress-PSResource -Path $OutDir -DestinationPath $packageDir
    $package = Join-Path $packageDir "$ModuleName.$(Get-ModuleVersion).nupkg"
    if (-not (Test-Path $package)) { throw "Packaging wrote no '$package'." }
    Write-Host "Packaged $package"
}

function Get-TrxCounts {
    param([string] $Path)
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Test-SharedData {
    # Without ../shared/data the real-data tests are left out, loudly; CI always has the folder, so there it is a failure.
    if (Test-Path -LiteralPath $SharedData) {
        $env:EOPTOOLS_SHARED_DATA = (Resolve-Path -LiteralPath $SharedData).Path
        return $true
    }
    $message = "The real data folder '$SharedData' is absent: the SharedData tests (xunit category and Pester tag) are NOT run."
    if ($env:CI -eq 'true') { throw "$message CI must have it." }
    Write-Warning $message
    return $false
}

function Invoke-UnitTests {
    param([bool] $WithSharedData)
    $filter = if ($WithSharedData) { @() } else { @('--filter', 'Category!=SharedData') }
    $trxName = 'xunit.trx'
    $trxPath = Join-Path $TestResultsDir $trxName
    if (Test-Path $trxPath) { Remove-Item $trxPath }
    & dotnet test (Join-Path $RepoRoot "tests/$ModuleName.Tests/$ModuleName.Tests.csproj") -c $Configuration --nologo `
        --logger "trx;LogFileName=$trxName" --logger 'console;verbosity=minimal' --results-directory $TestResultsDir @filter | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path $trxPath)) { throw "xunit produced no results (dotnet test exit code $exitCode)." }
    $counts = Get-TrxCounts -Path $trxPath
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) { throw "dotnet test failed with exit code $exitCode but reported no failed test." }
    Write-Host "xunit: $($counts.Passed) passed, $($counts.Failed) failed"
    $counts
}

function Invoke-PesterTests {
    param([bool] $WithSharedData)
    Invoke-Native dotnet @('restore', (Join-Path $RepoRoot 'tools/tools.csproj'), '--nologo', '-v', 'quiet')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals failed.' }
    $pesterManifest = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $pesterManifest)) { throw "Pester $PesterVersion was not restored to '$pesterManifest'." }

    $countsPath = Join-Path $TestResultsDir 'pester-counts.json'
    # The tests never see the user's own cache: they get an empty one.
    $cacheDir = Join-Path $TestResultsDir 'cache'
    if (Test-Path $cacheDir) { Remove-Item -Recurse -Force $cacheDir }
    if (Test-Path $countsPath) { Remove-Item $countsPath }
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pesterManifest' -RequiredVersion $PesterVersion
`$env:EOPTOOLS_MODULE_PATH = '$OutDir'
`$env:EOPTOOLS_CACHE_DIR = '$cacheDir'
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$(Join-Path $RepoRoot 'tests/Pester')'
`$configuration.Run.PassThru = `$true
`$configuration.Filter.ExcludeTag = @($(if ($WithSharedData) { '' } else { "'SharedData'" }))
`$configuration.Output.Verbosity = 'Detailed'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputPath = '$(Join-Path $TestResultsDir 'pester.xml')'
`$result = Invoke-Pester -Configuration `$configuration
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -LiteralPath '$countsPath'
"@
    $exitCode = Invoke-ChildPwsh -Command $command
    if (-not (Test-Path $countsPath)) { throw "Pester produced no results (exit code $exitCode)." }
    $counts = Get-Content -LiteralPath $countsPath -Raw | ConvertFrom-Json
    Write-Host "Pester: $($counts.Passed) passed, $($counts.Failed) failed"
    [pscustomobject]@{ Passed = [int]$counts.Passed; Failed = [int]$counts.Failed }
}

function Invoke-Test {
    $null = New-Item -ItemType Directory -Force -Path $TestResultsDir
    $withSharedData = Test-SharedData
    $unit = Invoke-UnitTests -WithSharedData $withSharedData
    $pester = Invoke-PesterTests -WithSharedData $withSharedData
    $passed = $unit.Passed + $pester.Passed
    $failed = $unit.Failed + $pester.Failed
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

foreach ($step in $Task) {
    switch ($step) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Run' { Invoke-Build; Invoke-Run }
        'Test' { Invoke-Build; Invoke-Test }
        'Package' { Invoke-Build; Invoke-Package }
    }
}
