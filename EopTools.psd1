@{
    RootModule           = 'EopTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '9ebeb176-cd66-4e0e-8ca3-2a8f166d461c'
    Author               = 'EopTools contributors'
    CompanyName          = 'EopTools'
    Copyright            = '(c) 2026 EopTools contributors. MIT licence.'
    Description          = 'Exchange Online Protection (EOP) IP ranges as pipeline objects: list them by region and family, test addresses from logs and message traces, diff versions, and keep them current from the Microsoft 365 endpoints web service.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('EopTools.Format.ps1xml')
    CmdletsToExport      = @('Get-EopIpRange', 'Test-EopIpAddress', 'Update-EopIpRange', 'Export-EopRangeDiff', 'Search-EopLog', 'Compare-EopAllowList', 'Get-EopEndpointSet', 'Test-EopMessageHeader', 'Compare-EopEndpointSet', 'Merge-EopLogSummary')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Exchange', 'EOP', 'ExchangeOnline', 'Microsoft365', 'IP', 'Firewall', 'CIDR', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/EopTools/EopTools'
            LicenseUri   = 'https://github.com/EopTools/EopTools/blob/main/LICENSE'
            ReleaseNotes = 'First release: Get-EopIpRange, Test-EopIpAddress, Update-EopIpRange, Export-EopRangeDiff, Search-EopLog, Compare-EopAllowList, Get-EopEndpointSet, Test-EopMessageHeader and Compare-EopEndpointSet. See CHANGELOG.md.'
        }
    }
}
