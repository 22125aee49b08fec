# Shared set-up for the Pester tests: the built module (out/EopTools, as build.ps1 passes it) and the fixture folder.
$script:ModulePath = (Resolve-Path ($(if ($env:EOPTOOLS_MODULE_PATH) { $env:EOPTOOLS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/EopTools' }))).Path
if (-not (Get-Module EopTools)) { Import-Module $script:ModulePath -ErrorAction Stop }
$script:Fixtures = (Resolve-Path (Join-Path $PSScriptRoot '../fixtures')).Path
$script:SharedData = if ($env:EOPTOOLS_SHARED_DATA) { $env:EOPTOOLS_SHARED_DATA } else { Join-Path $PSScriptRoot '../../../shared/data' }

# First in every SharedData context: without the real data those tests fail saying so, not on a missing file.
function Assert-SharedData {
    if (-not (Test-Path -LiteralPath $script:SharedData)) {
        throw "The real data folder '$script:SharedData' is absent; the SharedData tests need it (exclude the SharedData tag to leave them out)."
    }
}
. (Join-Path $PSScriptRoot '../../tools/Process.ps1')

# First in every test file: the session as a new pwsh starts it, over an empty cache of the file's own, so that no file
# depends on what the files before it did to the session's ranges (EopSession.ResetForTests is the module's test hook).
function Reset-EopSession {
    $env:EOPTOOLS_CACHE_DIR = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N'))"
    $session = (Get-Command Get-EopIpRange).ImplementingType.Assembly.GetType('EopTools.Index.EopSession', $true)
    $null = $session.GetMethod('ResetForTests', [System.Reflection.BindingFlags] 'Static, NonPublic').Invoke($null, @())
}

# The warning of a new session over an empty cache, asserted by what it must name whatever its wording: the embedded page,
# its date, and the command that brings current data.
function Assert-SeedWarning([object[]] $Warnings) {
    foreach ($value in 'embedded', '2018-08-02', 'Update-EopIpRange') { "$Warnings" | Should -BeLike "*$value*" }
}

# The default view of objects on a console this wide: its lines without trailing blanks, and each with its runs of
# blanks made one, so that a row reads as its values in order (a truncated value ends in '…' and matches nothing).
function Get-ViewLine([object[]] $InputObject, [int] $Width) {
    ($InputObject | Out-String -Width $Width) -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
}
function Get-ViewRow([object[]] $InputObject, [int] $Width) {
    Get-ViewLine $InputObject $Width | ForEach-Object { $_ -replace '\s+', ' ' }
}

# The rows of the default view in a console this wide, once every line is found to fit it.
function Get-FittedViewRow([object[]] $InputObject, [int] $Width) {
    Get-ViewLine $InputObject $Width | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
    Get-ViewRow $InputObject $Width
}
