#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, runs and tests EopTools.
.DESCRIPTION
    Clean   removes out/ and the build folders.
    Build   publishes src/EopTools (netstandard2.0) and assembles out/EopTools from an allow-list of files; also
            compiles it against the .NET Framework 4.7.2 reference assemblies, so that an API 4.7.2 lacks fails.
    Run     builds, then imports the built module in a fresh pwsh and shows the ranges and a few lookups.
    Test    builds, runs the xunit tests on net10.0 and on net472 (.NET Framework: natively on Windows, under Mono
            elsewhere), then the Pester tests (in a fresh pwsh against out/EopTools), prints each suite's counts and
            ends with one line "N passed, M failed" over all three. Exits non-zero on any failure.
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
    $project = Join-Path $RepoRoot "src/$ModuleName/$ModuleName.csproj"
    Invoke-Native dotnet @('publish', $project, '-f', 'netstandard2.0', '-c', $Configuration,
        '-o', $PublishDir, "-p:Version=$version", '--nologo', '-v', 'quiet')
    # The same sources against .NET Framework 4.7.2, the runtime of Windows PowerShell 5.1: a compile check only.
    Invoke-Native dotnet @('build', $project, '-f', 'net472', '-c', $Configuration, '--nologo', '-v', 'quiet')

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
Get-EopIpRange | Out-Host
'40.92.70.1', '40.92.130.1', '104.47.20.5', '2a01:111:f403:c000::1', '8.8.8.8' | Test-EopIpAddress | Out-Host
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

function Test-NetFrameworkRunner {
    # net472 tests run natively on Windows and under Mono elsewhere. A developer without Mono is told loudly and the
    # net472 run is left out; CI must run it (.ci/run installs Mono), so there its absence is a failure.
    if ($IsWindows -or (Get-Command mono -CommandType Application -ErrorAction SilentlyContinue)) { return $true }
    $message = "Mono is not installed: the xunit tests are NOT run on net472 (.NET Framework). Install it with 'apt-get install mono-runtime mono-devel' (as .ci/run does)."
    if ($env:CI -eq 'true') { throw "$message CI must run them." }
    Write-Warning $message
    return $false
}

function Invoke-UnitTests {
    param([bool] $WithSharedData, [Parameter(Mandatory)][string] $Framework)
    $filter = if ($WithSharedData) { @() } else { @('--filter', 'Category!=SharedData') }
    $trxName = "xunit-$Framework.trx"
    $trxPath = Join-Path $TestResultsDir $trxName
    if (Test-Path $trxPath) { Remove-Item $trxPath }
    $started = [Diagnostics.Stopwatch]::StartNew()
    # The built module, for the net472 test of the shipped DLLs' references.
    $env:EOPTOOLS_MODULE_PATH = $OutDir
    & dotnet test (Join-Path $RepoRoot "tests/$ModuleName.Tests/$ModuleName.Tests.csproj") -c $Configuration -f $Framework --no-build --nologo `
        --logger "trx;LogFileName=$trxName" --logger 'console;verbosity=minimal' --results-directory $TestResultsDir @filter | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path $trxPath)) { throw "xunit on $Framework produced no results (dotnet test exit code $exitCode)." }
    $counts = Get-TrxCounts -Path $trxPath
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) { throw "dotnet test on $Framework failed with exit code $exitCode but reported no failed test." }
    Write-Host ("xunit on {0}: {1} passed, {2} failed ({3:N0} s)" -f $Framework, $counts.Passed, $counts.Failed, $started.Elapsed.TotalSeconds)
    [pscustomobject]@{ Suite = "xunit $Framework"; Passed = $counts.Passed; Failed = $counts.Failed }
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
    [pscustomobject]@{ Suite = 'Pester'; Passed = [int]$counts.Passed; Failed = [int]$counts.Failed }
}

function Invoke-Test {
    $null = New-Item -ItemType Directory -Force -Path $TestResultsDir
    $withSharedData = Test-SharedData
    $frameworks = @('net10.0') + @(if (Test-NetFrameworkRunner) { 'net472' })
    Invoke-Native dotnet @('build', (Join-Path $RepoRoot "tests/$ModuleName.Tests/$ModuleName.Tests.csproj"), '-c', $Configuration, '--nologo', '-v', 'quiet')
    $suites = @(foreach ($framework in $frameworks) { Invoke-UnitTests -WithSharedData $withSharedData -Framework $framework }) +
        @(Invoke-PesterTests -WithSharedData $withSharedData)
    Write-Host ('Per suite: ' + (($suites | ForEach-Object { "$($_.Suite) $($_.Passed) passed, $($_.Failed) failed" }) -join '; '))
    $passed = ($suites | Measure-Object -Property Passed -Sum).Sum
    $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
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
