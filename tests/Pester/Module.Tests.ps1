BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    $script:Cmdlets = (Get-Command -Module EopTools -CommandType Cmdlet).Name
    $script:ExampleCases = foreach ($name in $Cmdlets) {
        $number = 0
        foreach ($example in (Get-Help $name).examples.example) {
            $number++
            @{ Command = $name; Number = $number; Code = ($example.code -join "`n") }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Manifest = Test-ModuleManifest -Path (Join-Path $ModulePath 'EopTools.psd1') -ErrorAction Stop
}

Describe 'EopTools module' {
    Context 'Manifest' {
        It 'is a valid binary module manifest for Desktop and Core' {
            (Get-Module EopTools).ModuleType | Should -Be 'Binary'
            $Manifest.RootModule | Should -Be 'EopTools.dll'
            $Manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
            $Manifest.PowerShellVersion | Should -Be ([version]'5.1')
        }

        It 'exports exactly the cmdlets the manifest lists' {
            $listed = (Import-PowerShellDataFile (Join-Path $ModulePath 'EopTools.psd1')).CmdletsToExport | Sort-Object
            $exported = (Get-Command -Module EopTools -CommandType Cmdlet).Name | Sort-Object
            $exported | Should -Be $listed
            $exported | Should -Be @('Export-EopRangeDiff', 'Get-EopIpRange', 'Test-EopIpAddress', 'Update-EopIpRange')
        }

        It 'ships exactly the allow-listed files' {
            (Get-ChildItem $ModulePath -File -Recurse).FullName.Substring($ModulePath.Length + 1).Replace('\', '/') | Sort-Object |
                Should -Be @('en-US/about_EopTools.help.txt', 'en-US/EopTools.dll-Help.xml', 'EopTools.dll', 'EopTools.Format.ps1xml', 'EopTools.psd1', 'LICENSE', 'System.Net.IPNetwork.dll')
        }

        It 'carries the version of the source manifest in the DLL' {
            $dll = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModulePath 'EopTools.dll'))
            $dll.Version.ToString(3) | Should -Be $Manifest.Version.ToString(3)
        }
    }

    Context 'Windows PowerShell 5.1 compatibility' {
        It 'ships <_> built for netstandard2.0' -ForEach @('EopTools.dll', 'System.Net.IPNetwork.dll') {
            $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModulePath $_))
            $framework = $assembly.GetCustomAttributesData() |
                Where-Object { $_.AttributeType.FullName -eq 'System.Runtime.Versioning.TargetFrameworkAttribute' }
            $framework.ConstructorArguments[0].Value | Should -Be '.NETStandard,Version=v2.0'
        }

        It 'references nothing that .NET Framework lacks' {
            $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModulePath 'EopTools.dll'))
            $assembly.GetReferencedAssemblies().Name | Sort-Object |
                Should -Be @('netstandard', 'System.Management.Automation', 'System.Net.IPNetwork')
        }
    }

    Context 'Formatting' {
        It 'has a table view for <_>' -ForEach @('EopTools.EopIpRange', 'EopTools.EopIpTestResult', 'EopTools.EopRangeChange') {
            $view = Get-FormatData -TypeName $_
            $view.FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
        }
    }

    Context 'Manifest for the PowerShell Gallery' {
        It 'carries tags, project and licence links and release notes' {
            $data = (Import-PowerShellDataFile (Join-Path $ModulePath 'EopTools.psd1')).PrivateData.PSData
            $data.Tags | Should -Contain 'PSEdition_Desktop'
            $data.Tags | Should -Contain 'PSEdition_Core'
            $data.ProjectUri | Should -Match '^https://'
            $data.LicenseUri | Should -Match '^https://.*LICENSE$'
            $data.ReleaseNotes | Should -Not -BeNullOrEmpty
            $Manifest.FunctionsToExport.Count | Should -Be 0
            $Manifest.ExportedAliases.Count | Should -Be 0
        }
    }

    Context 'Package' {
        It 'publishes to a local repository, installs with Install-PSResource and imports by name in a fresh pwsh' {
            # A child pwsh with its own HOME: the repository registration and the installed module stay in TestDrive.
            $isolatedHome = Join-Path $TestDrive 'home'
            $repository = Join-Path $TestDrive 'repository'
            # The XDG folders must exist: .NET returns '' for a missing one, and PSResourceGet then writes into the current folder.
            $null = New-Item -ItemType Directory -Path $isolatedHome, $repository, (Join-Path $isolatedHome '.local/share'), (Join-Path $isolatedHome '.config')
            $publish = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name EopToolsTest -Uri '$repository' -Trusted
Publish-PSResource -Path '$ModulePath' -Repository EopToolsTest
Install-PSResource -Name EopTools -Repository EopToolsTest -TrustRepository -Scope CurrentUser
"@
            $use = 'Import-Module EopTools; (Get-Module EopTools).Version.ToString(); (Get-EopIpRange).Count; (Get-Module EopTools).ModuleBase'
            $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; LOCALAPPDATA = $env:LOCALAPPDATA; USERPROFILE = $env:USERPROFILE; PSModulePath = $env:PSModulePath }
            try {
                $env:HOME = $isolatedHome; $env:USERPROFILE = $isolatedHome; $env:LOCALAPPDATA = Join-Path $isolatedHome 'AppData'
                $env:XDG_DATA_HOME = Join-Path $isolatedHome '.local/share'; $env:XDG_CONFIG_HOME = Join-Path $isolatedHome '.config'
                $env:PSModulePath = $null
                Invoke-Pwsh -ArgumentList '-Command', $publish | Out-Null
                $LASTEXITCODE | Should -Be 0
                $output = Invoke-Pwsh -ArgumentList '-Command', $use
                $LASTEXITCODE | Should -Be 0
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
            (Get-ChildItem $repository).Name | Should -Be "EopTools.$($Manifest.Version).nupkg"
            $output[0] | Should -Be $Manifest.Version.ToString()
            $output[1] | Should -Be '24'
            $output[2] | Should -BeLike "$isolatedHome*"
        }
    }

    Context 'Help' {
        It 'has a synopsis, a description and at least three examples for <_>' -ForEach $Cmdlets {
            $help = Get-Help $_ -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -Match ([regex]::Escape($_) + ' \[')
            ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
            @($help.examples.example).Count | Should -BeGreaterOrEqual 3
            @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
            @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
            ($help.alertSet.alert.Text -join '') | Should -Not -BeNullOrEmpty
        }

        It 'describes every parameter of <_>' -ForEach $Cmdlets {
            $command = Get-Command $_
            foreach ($name in $command.Parameters.Keys | Where-Object { [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters -notcontains $_ }) {
                $text = (Get-Help $_ -Parameter $name).description.Text -join ''
                $text.Length | Should -BeGreaterThan 20 -Because "-$name of $_ needs real help text"
            }
        }

        It 'has the about_EopTools topic' {
            $topic = Get-Help about_EopTools
            ("$topic" -replace '\s+', ' ') | Should -Match 'only used for relay through customer connectors'
        }
    }

    Context 'Help examples' {
        BeforeAll {
            . $PSScriptRoot/Help.Doubles.ps1
            $prefixes = (Get-EopIpRange).Prefix
            # What each example must do, judged by what the doubles received and what it wrote.
            $script:Expectations = @{
                'Export-EopRangeDiff 1' = {
                    param($Output, $Calls)
                    $Output[0].ToString() | Should -Be 'Widened 10.0.0.0/17 to 10.0.0.0/16 (Global)'
                    $Output[0].AddressesAdded | Should -Be '10.0.128.0/17'
                    @($Output | Where-Object Change -EQ 'TableRemoved').Region | Should -Be @('Americas', 'EMEA', 'APAC')
                }
                'Export-EopRangeDiff 2' = {
                    param($Output, $Calls)
                    $Output | Should -BeNullOrEmpty
                    (Get-Content (Join-Path $TestDrive 'eop-changes-2018-10.md'))[0] | Should -Be '# Change notification for EOP IP addresses'
                }
                'Export-EopRangeDiff 3' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be 'Set-ReceiveConnector'
                    $Calls[0].Parameters.RemoteIPRanges.Add | Should -Be @('10.0.0.0/16', '10.4.0.0/15', '203.0.113.0/24', '2001:db8::/48')
                    $Calls[0].Parameters.RemoteIPRanges.Remove | Should -Be @('10.0.0.0/17', '10.4.0.0/14', '192.0.2.0/24', '2001:db8:0:7c00::/54', '2001:db8:0:fc00::/54')
                }
                'Export-EopRangeDiff 4' = {
                    param($Output, $Calls)
                    $Output[0] | Should -BeLike 'Open:  10.0.128.0/17, 203.0.113.0/24, 2001:db8::/50, *'
                    $Output[1] | Should -Be 'Close: 10.6.0.0/15, 192.0.2.0/24'
                }
                'Get-EopIpRange 1'    = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be 'New-NetFirewallRule'
                    $Calls[0].Parameters.RemoteAddress | Should -Be $prefixes
                    $Calls[0].Parameters.LocalPort | Should -Be '25'
                    $Calls[0].Parameters.Direction | Should -Be 'Inbound'
                }
                'Get-EopIpRange 2'    = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be @('Get-NetFirewallRule', 'Set-NetFirewallRule')
                    $Calls[1].Parameters.InputObject.Name | Should -Be 'EOP-SMTP-In'
                    $Calls[1].Parameters.RemoteAddress | Should -Be $prefixes
                }
                'Get-EopIpRange 3'    = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be 'Set-ReceiveConnector'
                    $Calls[0].Parameters.Identity | Should -Be 'EX01\From Exchange Online'
                    $Calls[0].Parameters.RemoteIPRanges | Should -Be $prefixes
                }
                'Get-EopIpRange 4'    = {
                    param($Output, $Calls)
                    $Output.Prefix | Should -Be @('2a01:111:f400:7e00::/56', '2a01:111:f400:fe00::/56')
                }
                'Test-EopIpAddress 1' = {
                    param($Output, $Calls)
                    $Output.IsEop | Should -Be @($true, $false)
                }
                'Test-EopIpAddress 2' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.RecipientAddress | Should -Be 'helpdesk@contoso.com'
                    @($Output).Input | Should -Be '203.0.113.5'
                }
                'Test-EopIpAddress 3' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Server | Should -Be 'EX01'
                    $Calls[0].Parameters.EventId | Should -Be 'RECEIVE'
                    ($Output | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('False=1', 'True=2')
                }
                'Test-EopIpAddress 4' = {
                    param($Output, $Calls)
                    $Output | Should -Be 2
                }
                'Update-EopIpRange 1' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be 'Update-EopIpRange'
                    $Calls[0].Parameters.Count | Should -Be 0
                }
                'Update-EopIpRange 2' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be @('Update-EopIpRange', 'Get-NetFirewallRule', 'Set-NetFirewallRule')
                    $Calls[2].Parameters.RemoteAddress | Should -Be $prefixes
                    Test-Path (Join-Path $TestDrive 'eop-changes-2026120100.csv') | Should -BeTrue
                }
                'Update-EopIpRange 3' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Path | Should -Be '\\fileserver\eop\endpoints-worldwide.json'
                }
            }
            Copy-Item (Join-Path $Fixtures 'diff-before.md') (Join-Path $TestDrive 'eop-ranges-2018-07.md')
            Copy-Item (Join-Path $Fixtures 'diff-after.md') (Join-Path $TestDrive 'eop-ranges-2018-10.md')
            Set-Content -Path (Join-Path $TestDrive 'MTSummary_Report.csv') -Value @(
                'date_time_utc,sender_address,recipient_address,original_client_ip'
                '2026-11-27T10:00:00Z,a@fabrikam.com,helpdesk@contoso.com,40.92.70.1'
                '2026-11-27T10:01:00Z,b@example.net,helpdesk@contoso.com,203.0.113.5'
                '2026-11-27T10:02:00Z,c@fabrikam.com,helpdesk@contoso.com,2a01:111:f403::25'
            )
        }
        AfterAll {
            Remove-EopHelpDoubles
        }

        It 'runs example <Number> of <Command> as documented' -ForEach $ExampleCases {
            $key = "$Command $Number"
            $Expectations.ContainsKey($key) | Should -BeTrue -Because "every help example needs an expectation ($key)"
            $global:EopHelpCalls.Clear()
            Push-Location $TestDrive
            try {
                $output = & ([scriptblock]::Create($Code))
            }
            finally {
                Pop-Location
            }
            & $Expectations[$key] $output $global:EopHelpCalls
        }
    }
}
