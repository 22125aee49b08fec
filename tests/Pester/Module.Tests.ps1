BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    $script:Cmdlets = (Get-Command -Module EopTools -CommandType Cmdlet).Name
    $script:ExampleCases = foreach ($name in $Cmdlets) {
        $number = 0
        $source = Import-PowerShellDataFile (Join-Path $PSScriptRoot "../../docs/help/$name.psd1")
        foreach ($example in (Get-Help $name).examples.example) {
            $number++
            $code = $example.code -join "`n"
            # Compare-EopAllowList's examples, and each example marked Data = 'WebService', describe what they find with the
            # web service's list, as Update-EopIpRange stores it: they run after the saved 2022 answer is imported.
            $onWebServiceList = $name -eq 'Compare-EopAllowList' -or $source.Examples[$number - 1].Data -eq 'WebService'
            # Examples that name saved copies of the real published lists run where the real data is (SharedData).
            $needsSharedData = $onWebServiceList -or $code -match 'eop-ip-addresses-2018-|microsoft365-worldwide\.json'
            # The output an example states, as its help shows it: compared with the real default view, 80 columns wide.
            $output = $source.Examples[$number - 1].Output
            @{ Command = $name; Number = $number; Code = $code; NeedsSharedData = $needsSharedData; OnWebServiceList = $onWebServiceList; Output = $output }
        }
    }
    # The README's examples that show their output: a powershell block followed at once by a plain block.
    $script:ReadmeExamples = @(
        $readme = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../README.md')) -replace '\r\n', "`n"
        foreach ($match in [regex]::Matches($readme, '```powershell\n(?<code>(?:(?!```).)*)\n```\n```\n(?<output>(?:(?!```).)*)\n```', 'Singleline')) {
            @{ Code = $match.Groups['code'].Value; Output = $match.Groups['output'].Value -split '\n' }
        }
    )
    # Each failure with an ErrorId, and the ErrorRecord category the cmdlets give it.
    $script:ErrorCases = @(
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'RangeFileNotFound'; Id = 'RangeFileNotFound'; Category = 'ObjectNotFound' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'RangeFileUnreadable'; Id = 'RangeFileUnreadable'; Category = 'ReadError' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'NoRangeTable'; Id = 'NoRangeTable'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'UnrecognizedRangeFile'; Id = 'UnrecognizedRangeFile'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'RangeFileTooLarge'; Id = 'RangeFileTooLarge'; Category = 'LimitsExceeded' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'RangeFileEmpty'; Id = 'RangeFileEmpty'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'RangePathIsFolder'; Id = 'RangePathIsFolder'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.Parsing.RangeDataException'; Kind = 'NoGlobalRangeList'; Id = 'NoGlobalRangeList'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageFileNotFound'; Id = 'MessageFileNotFound'; Category = 'ObjectNotFound' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageFileUnreadable'; Id = 'MessageFileUnreadable'; Category = 'ReadError' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessagePathIsFolder'; Id = 'MessagePathIsFolder'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageHeaderTooLarge'; Id = 'MessageHeaderTooLarge'; Category = 'LimitsExceeded' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageFileEmpty'; Id = 'MessageFileEmpty'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageFileIsOutlookMsg'; Id = 'MessageFileIsOutlookMsg'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageFileNotText'; Id = 'MessageFileNotText'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Headers.HeaderReadException'; Kind = 'MessageHeaderNotFound'; Id = 'MessageHeaderNotFound'; Category = 'InvalidData' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'OutputFileExists'; Id = 'OutputFileExists'; Category = 'ResourceExists' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'OutputFileReadOnly'; Id = 'OutputFileReadOnly'; Category = 'PermissionDenied' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'OutputFolderNotFound'; Id = 'OutputFolderNotFound'; Category = 'ObjectNotFound' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'OutputPathIsFolder'; Id = 'OutputPathIsFolder'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'OutputFileWriteFailed'; Id = 'OutputFileWriteFailed'; Category = 'WriteError' }
        @{ Type = 'EopTools.IO.OutputFileException'; Kind = 'CacheBusy'; Id = 'CacheBusy'; Category = 'ResourceBusy' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'InsecureUri'; Id = 'WebServiceInsecureUri'; Category = 'SecurityError' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'Unreachable'; Id = 'WebServiceUnreachable'; Category = 'ConnectionError' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'Timeout'; Id = 'WebServiceTimeout'; Category = 'OperationTimeout' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'RateLimited'; Id = 'WebServiceRateLimited'; Category = 'LimitsExceeded' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'HttpError'; Id = 'WebServiceHttpError'; Category = 'ConnectionError' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'IncompleteAnswer'; Id = 'WebServiceIncompleteAnswer'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'AnswerTooLarge'; Id = 'WebServiceAnswerTooLarge'; Category = 'LimitsExceeded' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'UnexpectedAnswer'; Id = 'WebServiceUnexpectedAnswer'; Category = 'InvalidData' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'RedirectRefused'; Id = 'WebServiceRedirectRefused'; Category = 'SecurityError' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'ProxyUriInvalid'; Id = 'WebServiceProxyUriInvalid'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'ProxyCredentialConflict'; Id = 'WebServiceProxyCredentialConflict'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'ProxyNotFound'; Id = 'WebServiceProxyNotFound'; Category = 'InvalidArgument' }
        @{ Type = 'EopTools.Sources.WebServiceException'; Kind = 'ProxyAuthenticationRequired'; Id = 'WebServiceProxyAuthenticationRequired'; Category = 'AuthenticationError' }
        @{ Type = 'EopTools.Update.UpdateRefusedException'; Kind = 'OlderRangeData'; Id = 'OlderRangeData'; Category = 'InvalidOperation' }
        @{ Type = 'EopTools.Update.UpdateRefusedException'; Kind = 'AddressFamilyLost'; Id = 'AddressFamilyLost'; Category = 'InvalidOperation' }
    )
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
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
            $exported | Should -Be @('Compare-EopAllowList', 'Compare-EopEndpointSet', 'Export-EopRangeDiff', 'Get-EopEndpointSet', 'Get-EopIpRange', 'Merge-EopLogSummary', 'Search-EopLog', 'Test-EopIpAddress', 'Test-EopMessageHeader', 'Update-EopIpRange')
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

    Context 'Error records' {
        BeforeAll {
            $script:Assembly = (Get-Command Get-EopIpRange).ImplementingType.Assembly
            function New-ModuleException([string] $TypeName, [object] $Kind) {
                $type = $Assembly.GetType($TypeName, $true)
                if ($TypeName -eq 'EopTools.Sources.WebServiceException') { $Kind = [Enum]::Parse($Assembly.GetType('EopTools.Sources.WebServiceFailure', $true), $Kind) }
                if ($TypeName -eq 'EopTools.Update.UpdateRefusedException') { return [Activator]::CreateInstance($type, [object[]] @($Kind, 'message')) }
                [Activator]::CreateInstance($type, [object[]] @($Kind, 'message', $null))
            }
            function ConvertTo-ModuleErrorRecord([Exception] $Exception) {
                # The cmdlets' one conversion (internal): the method whose parameter takes this exception.
                $method = $Assembly.GetType('EopTools.Commands.ErrorRecords', $true).GetMethods([System.Reflection.BindingFlags] 'Static, Public, NonPublic') |
                    Where-Object { $_.Name -eq 'For' -and $_.GetParameters()[0].ParameterType.IsInstanceOfType($Exception) }
                $method.Invoke($null, @($Exception, 'target'))
            }
        }

        It 'has a case for every web service failure' -TestCases @{ Cases = $ErrorCases } {
            $failures = [Enum]::GetNames($Assembly.GetType('EopTools.Sources.WebServiceFailure', $true))
            @($Cases | Where-Object Type -EQ 'EopTools.Sources.WebServiceException').Kind | Sort-Object | Should -Be ($failures | Sort-Object)
        }

        It 'gives <Id> the category <Category>' -ForEach $ErrorCases {
            $exception = New-ModuleException $Type $Kind
            $record = ConvertTo-ModuleErrorRecord $exception
            $record.FullyQualifiedErrorId | Should -Be $Id
            $record.CategoryInfo.Category | Should -Be $Category
            $record.TargetObject | Should -Be 'target'
            $record.Exception | Should -Be $exception
        }
    }

    Context 'Test hook' {
        It 'Reset-EopSession gives the next cmdlet a new session''s ranges after an import replaced them' {
            $imported = Join-Path $Fixtures 'ranges.txt'
            $null = Update-EopIpRange -Path $imported -WarningAction SilentlyContinue
            (Get-EopIpRange)[0].DataSet.Source | Should -Be $imported
            Reset-EopSession
            $env:EOPTOOLS_CACHE_DIR | Should -BeLike "$TestDrive*"
            Test-Path $env:EOPTOOLS_CACHE_DIR | Should -BeFalse
            (Get-EopIpRange -WarningVariable seedWarnings -WarningAction SilentlyContinue)[0].DataSet.Source | Should -Be 'embedded seed'
            Assert-SeedWarning $seedWarnings
            (Get-EopIpRange).Count | Should -Be 24
        }
    }

    Context 'Formatting' {
        It 'has a table view for <_>' -ForEach @('EopTools.EopIpRange', 'EopTools.EopIpTestResult', 'EopTools.EopLogRecord', 'EopTools.EopAllowListEntry', 'EopTools.EopLogSummary',
            'EopTools.EopMessageHeaderResult', 'EopTools.EopMessageHop', 'EopTools.EopMessageStamp') {
            $view = Get-FormatData -TypeName $_
            $view.FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
        }

        It 'has a table view for the endpoint set types <_>' -ForEach @('EopTools.EopEndpointSet', 'EopTools.EopEndpointSetMatch', 'EopTools.EopEndpointSetChange') {
            (Get-FormatData -TypeName $_).FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
        }

        It 'shows a change as a list by default and as a table with Format-Table' {
            (Get-FormatData -TypeName 'EopTools.EopRangeChange').FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name } | Should -Be @('ListControl', 'TableControl')
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
            $use = 'Import-Module EopTools; (Get-Module EopTools).Version.ToString(); (Get-EopIpRange -WarningAction SilentlyContinue).Count; (Get-Module EopTools).ModuleBase'
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

        It 'shows each parameter of <_> with its real type, not Nullable`1' -ForEach $Cmdlets {
            $help = Get-Help $_ -Full
            foreach ($parameter in $help.parameters.parameter) {
                $type = (Get-Command $_).Parameters[$parameter.name].ParameterType
                $expected = if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
                $parameter.type.name | Should -Be $expected.FullName -Because "-$($parameter.name) of $_"
            }
            ($help.syntax | Out-String) | Should -Not -Match '`1'
        }

        It 'shows -Region of Test-EopIpAddress as EopRegion' {
            (Get-Help Test-EopIpAddress -Parameter Region).type.name | Should -Be 'EopTools.EopRegion'
            ((Get-Help Test-EopIpAddress).syntax | Out-String) | Should -Match '\[-Region <EopRegion>\]'
        }

        It 'documents -WhatIf and -Confirm of <_>' -ForEach @('Export-EopRangeDiff', 'Update-EopIpRange') {
            foreach ($name in 'WhatIf', 'Confirm') {
                ((Get-Help $_ -Parameter $name).description.Text -join '').Length | Should -BeGreaterThan 20 -Because "-$name of $_ needs real help text"
            }
            ((Get-Help $_).syntax | Out-String) | Should -Match '\[-WhatIf\] \[-Confirm\]'
        }

        It 'offers no online help for <_>, which has none to open' -ForEach $Cmdlets {
            (Get-Help $_ | Out-String) | Should -Not -Match '-Online'
            { Get-Help $_ -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand'
        }

        It 'describes no placeholder prefix as EOP''s in the examples of <_>' -ForEach @('Export-EopRangeDiff', 'Get-EopIpRange') {
            # These examples say what real EOP lists hold or changed, so every prefix they name must be a real one; the
            # documentation and private ranges stay for an admin's own addresses in the other cmdlets' examples.
            foreach ($example in (Get-Help $_).examples.example) {
                ($example.remarks.Text -join ' ') | Should -Not -Match '\b(10\.\d+\.\d+\.\d+|192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+)/\d+|2001:db8:[0-9a-f:]*/\d+'
            }
        }

        It 'has the about_EopTools topic' {
            $topic = Get-Help about_EopTools
            ("$topic" -replace '\s+', ' ') | Should -Match 'only used for relay through customer connectors'
        }

        It 'lists every cmdlet under SEE ALSO in about_EopTools' {
            $topic = "$(Get-Help about_EopTools)" -split '\r?\n'
            $seeAlso = $topic[([array]::IndexOf($topic, 'SEE ALSO') + 1)..($topic.Count - 1)] | ForEach-Object Trim | Where-Object { $_ }
            $seeAlso | Sort-Object | Should -Be ($Cmdlets | Sort-Object)
        }

        It 'describes the cache as it is in about_EopTools: both files, the data''s own age, the source it names' {
            $topic = "$(Get-Help about_EopTools)" -replace '\s+', ' '
            $topic | Should -Match 'ranges\.cache, with where it came from, .* and previous\.cache, the data it replaced'
            $topic | Should -Match 'more than 30 days old by its own account'
            $topic | Should -Match 'names its source as the session that fetched or imported it did'
            $topic | Should -Not -Match 'in one file|not confirmed for more than 30 days'
        }
    }

    Context 'Help examples' {
        BeforeAll {
            . $PSScriptRoot/Help.Doubles.ps1
            # Update-EopIpRange's examples run the module against the loopback test server, which serves the fixture.
            Add-Type -Path (Join-Path $PSScriptRoot '../TestServer/FakeEndpointsService.cs')
            $served = Join-Path $Fixtures 'endpoints.json'
            $global:EopHelpService = [EopTools.TestServer.FakeEndpointsService]::new($served)
            Add-Type -Path (Join-Path $PSScriptRoot '../TestServer/LoopbackProxy.cs')
            $global:EopHelpProxy = [EopTools.TestServer.LoopbackProxy]::new()
            $EopHelpService.Version = '2026120100'
            $share = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'fileserver/eop')
            Copy-Item $served (Join-Path $share 'endpoints-worldwide.json')
            $servedPrefixes = @('192.0.2.0/25', '192.0.2.128/25', '203.0.113.7/32', '10.25.0.0/16', '2001:db8:f400::/48')
            function script:Invoke-HelpExample([string] $Command, [int] $Number, [string] $Code, [switch] $OnWebServiceList, [string] $StatedOutput) {
                $key = "$Command $Number"
                $Expectations.ContainsKey($key) | Should -BeTrue -Because "every help example needs an expectation ($key)"
                # Each example starts from a new session over an empty cache, as an admin's script would.
                Reset-EopSession
                if ($OnWebServiceList) {
                    $null = EopTools\Update-EopIpRange -Path (Join-Path $TestDrive 'microsoft365-worldwide.json') -WarningAction SilentlyContinue
                }
                $script:RequestsBefore = @{ Version = $EopHelpService.VersionRequests; Endpoints = $EopHelpService.EndpointsRequests }
                $global:EopHelpCalls.Clear()
                # An expectation with a Warnings parameter asserts the example's warnings; the others may give only the
                # session's own: the embedded-seed warning of a new session, and the fixture's deliberately malformed cell.
                $expectation = $Expectations[$key]
                $assertsWarnings = @($expectation.Ast.ParamBlock.Parameters.Name.VariablePath.UserPath) -contains 'Warnings'
                $warnings = [System.Collections.Generic.List[string]]::new()
                Push-Location $TestDrive
                # Stated output shows dates as an en-US console does.
                $culture = [cultureinfo]::CurrentCulture
                try {
                    if ($StatedOutput) { [cultureinfo]::CurrentCulture = 'en-US' }
                    $output = & ([scriptblock]::Create($Code)) 3>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.WarningRecord]) { $warnings.Add($_.Message) } else { $_ } }
                    $view = Get-ViewRow $output 80
                }
                finally {
                    [cultureinfo]::CurrentCulture = $culture
                    Pop-Location
                }
                if ($assertsWarnings) { & $expectation $output $global:EopHelpCalls $warnings.ToArray() }
                else {
                    & $expectation $output $global:EopHelpCalls
                    foreach ($warning in $warnings) {
                        $warning | Should -Match "2018-08-02 embedded|'192\.0\.2\.1/25'"
                    }
                }
                if ($StatedOutput) {
                    # Both sides trimmed: a right-aligned first column starts a row with spaces, which help text keeps.
                    @($view | ForEach-Object { $_.Trim() } | Where-Object { $_ }) | Should -Be @(($StatedOutput.Trim() -split '\r?\n') | ForEach-Object { $_.Trim() -replace '\s+', ' ' } | Where-Object { $_ })
                }
            }
            $prefixes = (Get-EopIpRange).Prefix
            # What each example must do, judged by what the doubles received and what it wrote.
            $script:Expectations = @{
                # With the web service's list of 2022: 40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 104.47.0.0/17, 2a01:111:f400::/48, 2a01:111:f403::/48.
                'Compare-EopAllowList 1' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Identity | Should -Be 'EX01\From Exchange Online'
                    $Output | ForEach-Object { '{0} {1} +[{2}] -[{3}]' -f $_.Status, $_.Entry, ($_.AddressesToAdd -join ' '), ($_.AddressesToRemove -join ' ') } | Should -Be @(
                        'Partial 40.92.0.0/14 +[40.92.0.0/15] -[40.92.0.0/14]'
                        'Covered 40.107.0.0/17 +[] -[]'
                        'Covered 52.100.0.0/14 +[] -[]'
                        'Covered 104.47.0.0/17 +[] -[]'
                        'Stale 23.103.132.0/22 +[] -[23.103.132.0/22]'
                        'Covered 2a01:111:f403::/48 +[] -[]'
                        'Foreign 10.20.0.0/16 +[] -[]'
                        'Foreign 192.168.10.5-192.168.10.9 +[] -[]'
                        'Missing  +[40.107.0.0/16] -[]'
                        'Missing  +[2a01:111:f400::/48] -[]'
                    )
                    ($Output | Where-Object Entry -EQ '40.92.0.0/14').OtherAddresses | Should -Be '40.94.0.0/15'
                }
                'Compare-EopAllowList 2' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be @('Get-ReceiveConnector', 'Set-ReceiveConnector')
                    $Calls[1].Parameters.RemoteIPRanges.Add | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '2a01:111:f400::/48')
                    $Calls[1].Parameters.RemoteIPRanges.Remove | Should -Be @('40.92.0.0/14', '23.103.132.0/22')
                }
                'Compare-EopAllowList 3' = {
                    param($Output, $Calls, $Warnings)
                    $Calls[0].Parameters.Identity | Should -Be 'EX01\Default Frontend EX01'
                    $Output | ForEach-Object { "$($_.Status) $($_.Entry)" } | Should -Be @('Unrestricted 0.0.0.0-255.255.255.255', 'Unrestricted ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')
                    @($Warnings).Count | Should -Be 1
                    $Warnings[0] | Should -BeLike ("'0.0.0.0-255.255.255.255' admits every IPv4 address and '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' admits every IPv6 address: " +
                        'the receive connector or firewall rule accepts mail from any sender, not only from EOP. *' +
                        "Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'; " +
                        "Add = '40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48' }*")
                }
                'Compare-EopAllowList 4' = {
                    param($Output, $Calls, $Warnings)
                    $Calls.Command | Should -Be @('Get-NetFirewallRule', 'Get-NetFirewallAddressFilter', 'Set-NetFirewallAddressFilter')
                    $Calls[2].Parameters.InputObject.InstanceID | Should -Be 'EOP-SMTP-In'
                    $Calls[2].Parameters.RemoteAddress | Should -Be @('104.47.0.0/255.255.128.0', '10.0.0.0/255.0.0.0', 'LocalSubnet',
                        '40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '2a01:111:f400::/48', '2a01:111:f403::/48')
                    $Warnings | Should -Be @("'LocalSubnet' is a firewall keyword whose addresses depend on the machine's network; it is reported as NotComparable and counted as covering no EOP address.")
                }
                'Compare-EopAllowList 5' = {
                    param($Output, $Calls)
                    $Output | Should -Be @('Remove: 40.92.0.0/14', 'Add: 40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 2a01:111:f400::/48')
                }
                'Export-EopRangeDiff 1' = {
                    param($Output, $Calls)
                    $Output | ForEach-Object ToString | Should -Be @(
                        'Removed 23.103.212.0/22 (Global)', 'Removed 40.107.128.0/18 (Global)', 'Removed the Americas table', 'Removed the EMEA table', 'Removed the APAC table')
                    $Output.AddressesRemoved | Should -Be @('23.103.212.0/22', '40.107.128.0/18')
                    $Output.AddressesAdded | Should -BeNullOrEmpty
                }
                'Export-EopRangeDiff 2' = {
                    param($Output, $Calls)
                    $Output | Should -BeNullOrEmpty
                    $record = Get-Content (Join-Path $TestDrive 'eop-changes-2018-10.md')
                    $record[0..2] | Should -Be @('Open: nothing. Close: 23.103.212.0/22, 40.107.128.0/18.', '', '# Change notification for EOP IP addresses')
                    $record[6] | Should -BeLike '- Generated: * UTC'
                    $record[7..8] | Should -Be @("- Reference: Exchange Online Protection IP addresses, version 2018-07-18, data of 2018-07-18 (``$(Join-Path $TestDrive 'eop-ip-addresses-2018-07-18.md')``)",
                        "- Difference: Exchange Online Protection IP addresses, version 2018-10-02, data of 2018-10-02 (``$(Join-Path $TestDrive 'eop-ip-addresses-2018-10-02.md')``)")
                    $record -like '## *' | Should -Be @('## Global list', '## Americas table', '## EMEA table', '## APAC table')
                }
                'Export-EopRangeDiff 3' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be 'Set-ReceiveConnector'
                    $Calls[0].Parameters.RemoteIPRanges.Add | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '2a01:111:f400::/48')
                    $Calls[0].Parameters.RemoteIPRanges.Remove | Should -Be @(
                        '23.103.132.0/22', '23.103.136.0/21', '23.103.144.0/20', '23.103.198.0/23', '23.103.200.0/22', '40.92.0.0/14', '40.107.0.0/17',
                        '52.238.78.88/32', '65.55.88.0/24', '65.55.169.0/24', '94.245.120.64/26', '157.55.234.0/24', '157.56.110.0/23', '157.56.112.0/24',
                        '207.46.100.0/24', '207.46.163.0/24', '213.199.154.0/24', '213.199.180.128/26', '216.32.180.0/23', '2a01:111:f400:7c00::/54', '2a01:111:f400:fc00::/54')
                }
                'Export-EopRangeDiff 4' = {
                    param($Output, $Calls)
                    $Output[0] | Should -Be ('Open:  40.107.128.0/17, 2a01:111:f400::/50, 2a01:111:f400:4000::/51, 2a01:111:f400:6000::/52, 2a01:111:f400:7000::/53, ' +
                        '2a01:111:f400:7800::/54, 2a01:111:f400:8000::/50, 2a01:111:f400:c000::/51, 2a01:111:f400:e000::/52, 2a01:111:f400:f000::/53, 2a01:111:f400:f800::/54')
                    $Output[1] | Should -Be ('Close: 23.103.132.0/22, 23.103.136.0/21, 23.103.144.0/20, 23.103.198.0/23, 23.103.200.0/22, 40.94.0.0/15, 52.238.78.88/32, ' +
                        '65.55.88.0/24, 65.55.169.0/24, 94.245.120.64/26, 157.55.234.0/24, 157.56.110.0/23, 157.56.112.0/24, 207.46.100.0/24, 207.46.163.0/24, ' +
                        '213.199.154.0/24, 213.199.180.128/26, 216.32.180.0/23')
                }
                'Compare-EopEndpointSet 1' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { "$_" }) | Should -Be @('Changed set 1 (Exchange): Urls; UdpPorts', 'Changed set 2 (Exchange): Urls; TcpPorts; Required',
                        'Removed set 3 (Exchange)', 'Removed set 5 (Exchange)', 'Removed set 6 (Exchange)', 'Changed set 8 (Exchange): Urls', 'Changed set 10 (Exchange): Urls', 'Removed set 154 (Exchange)')
                    ($Output | Where-Object Id -EQ 2).DifferenceSet.TcpPorts | Should -Be '143, 587, 993, 995'
                    ($Output | Where-Object Id -EQ 10).UrlsAdded | Should -Be '*.mx.microsoft'
                }
                'Compare-EopEndpointSet 2' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { '{0} {1} +{2} -{3}' -f $_.Id, $_.Change, $_.Added, $_.Removed }) | Should -Be @(
                        '5 Removed +0 -11', '6 Removed +0 -11', '11 Changed +0 -2', '12 Changed +0 -4', '13 Removed +0 -5', '22 Removed +0 -5',
                        '46 Changed +0 -5', '56 Changed +2 -0', '64 Changed +2 -1', '65 Removed +0 -1')
                }
                'Compare-EopEndpointSet 3' = {
                    param($Output, $Calls)
                    $Output | Should -Be @('outlook.cloud.microsoft', 'outlook.office365.com', '*.mx.microsoft', '*.teams.cloud.microsoft', 'teams.cloud.microsoft', 'purview.microsoft.com')
                }
                'Get-EopEndpointSet 1' = {
                    param($Output, $Calls)
                    $Output.Id | Should -Be @(1, 11, 31)
                    $lines = Get-Content (Join-Path $TestDrive 'vpn-exclusions.txt')
                    $lines.Count | Should -Be 41
                    @($lines | Where-Object { $_ -notmatch ':' }).Count | Should -Be 19
                    $lines[0] | Should -Be '13.107.6.152/31'
                    $lines | Should -Contain '52.112.0.0/14'
                    $lines | Should -Contain '2603:1006::/40'
                }
                'Get-EopEndpointSet 2' = {
                    param($Output, $Calls)
                    $Output.Id | Should -Be @(1, 3, 8, 9, 154)
                    $Calls.Command | Should -Be 'New-NetFirewallRule'
                    $Calls[0].Parameters.LocalPort | Should -Be '443'
                    $Calls[0].Parameters.RemoteAddress.Count | Should -Be 34
                    $Calls[0].Parameters.RemoteAddress | Should -Contain '52.96.0.0/14'
                    $Calls[0].Parameters.RemoteAddress | Should -Contain '52.238.78.88/32'
                }
                'Get-EopEndpointSet 3' = {
                    param($Output, $Calls)
                    $Output | Should -Be @('*.mail.protection.outlook.com', '*.outlook.office.com', '*.protection.outlook.com', 'outlook.office.com', 'outlook.office365.com', 'smtp.office365.com')
                }
                'Get-EopEndpointSet 4' = {
                    param($Output, $Calls)
                    $Output.Id | Should -Be @(1, 2, 5, 6)
                    ($Output.ServiceAreaDisplayName | Select-Object -Unique) | Should -Be 'Exchange Online'
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
                    $Output.Prefix | Should -Be @('2a01:111:f400::/48', '2a01:111:f403::/48')
                }
                'Merge-EopLogSummary 1' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { '{0} {1} {2} {3}' -f $_.Remote, $_.Lines, $_.IsEop, ($_.ComputerName -join '+') }) |
                        Should -Be @('203.0.113.9 16 False EX01+EX02', '40.92.70.1 12 True EX01', '198.51.100.20 4 False EX01')
                    @($Calls | Where-Object Command -EQ 'Invoke-Command').Count | Should -Be 1
                }
                'Merge-EopLogSummary 2' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { '{0} {1} {2}' -f $_.Remote, $_.Lines, ($_.ComputerName -join '+') }) |
                        Should -Be @('203.0.113.9 16 EX01+EX02', '40.92.70.1 12 EX01', '192.0.2.80 4 edge01.contoso.com', '198.51.100.20 4 EX01')
                    $edge = @($Calls | Where-Object Command -EQ 'Invoke-Command')[1].Parameters
                    $edge.ComputerName | Should -Be @('edge01.contoso.com')
                    $edge.UseSSL | Should -BeTrue
                }
                'Merge-EopLogSummary 4' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { '{0} {1} {2} {3}' -f $_.Remote, $_.Lines, $_.IsEop, ($_.ComputerName -join '+') }) |
                        Should -Be @('203.0.113.9 16 False EX01+EX02', '40.92.70.1 12 True EX01', '198.51.100.20 4 False EX01')
                    # The module crossed as an argument, and each server, without it on its module path, imported the copy
                    # written into its own temporary folder.
                    $call = @($Calls | Where-Object Command -EQ 'Invoke-Command')[0].Parameters
                    $call.ComputerName | Should -Be @('EX01', 'EX02')
                    $call.ArgumentList[0].Keys | Should -Contain 'EopTools.dll'
                    foreach ($server in $call.ComputerName) {
                        Join-Path (Split-Path $EopHelpServers[$server]) "temp/EopTools-$($call.ArgumentList[1])/EopTools.dll" | Should -Exist
                    }
                    # One run over the same files, here, says the same.
                    $files = foreach ($server in $call.ComputerName) {
                        Get-ChildItem (Join-Path $EopHelpServers[$server] 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') | Where-Object LastWriteTime -GT (Get-Date).AddDays(-30)
                    }
                    $oneRun = $files | Search-EopLog -Summary -WarningAction SilentlyContinue
                    ($Output | ForEach-Object { '{0} {1} {2}' -f $_.Remote, $_.Lines, $_.IsEop }) | Should -Be ($oneRun | ForEach-Object { '{0} {1} {2}' -f $_.Remote, $_.Lines, $_.IsEop })
                }
                'Merge-EopLogSummary 3' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { '{0} {1}' -f $_.Remote, $_.Lines }) | Should -Be @('192.0.2.99 36', '40.92.70.1 12', '203.0.113.9 8', '198.51.100.20 4')
                }
                'Search-EopLog 1'     = {
                    param($Output, $Calls)
                    $Output.Remote | Should -Be @('203.0.113.9', '198.51.100.20')
                    $Output.Lines | Should -Be @(8, 4)
                    $Output[0].HostNames | Should -Be @('scanner.contoso.com')
                }
                'Search-EopLog 2'     = {
                    param($Output, $Calls)
                    @($Output).Count | Should -Be 1
                    $Output.IPAddress | Should -Be ([ipaddress]'203.0.113.50')
                    $Output.Sender | Should -Be 'ann@fabrikam.com'
                    $Output.Subject | Should -Be 'Invoice, November'
                }
                'Search-EopLog 3'     = {
                    param($Output, $Calls)
                    $Output | Should -Be '203.0.113.5 b@example.net'
                }
                'Search-EopLog 4'     = {
                    param($Output, $Calls)
                    $Output.IPAddress | Should -Be @([ipaddress]'104.47.1.1', [ipaddress]'10.0.0.6')
                    $Output.Timestamp | Should -Be @([datetime]::new(2026, 11, 27, 10, 1, 0, [DateTimeKind]::Utc), [datetime]::new(2026, 11, 27, 10, 2, 0, [DateTimeKind]::Utc))
                    $Output.IsEop | Should -Be @($true, $false)
                }
                'Search-EopLog 5'     = {
                    param($Output, $Calls)
                    $Output.Remote | Should -Be @('203.0.113.5', '40.92.70.1')
                    $Output.Lines | Should -Be @(2, 1)
                    $Output.IsEop | Should -Be @($false, $true)
                }
                'Test-EopIpAddress 1' = {
                    param($Output, $Calls)
                    $Output.IsEop | Should -Be @($true, $false, $false)
                    ($Output | ForEach-Object { "$($_.FormerRange)" }) | Should -Be @('', '40.92.0.0/14 (embedded page, 2018-08-02)', '')
                }
                'Test-EopIpAddress 2' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.RecipientAddress | Should -Be 'helpdesk@contoso.com'
                    @($Output).Count | Should -Be 1
                    $Output.SenderAddress | Should -Be 'b@example.net'
                    $Output.Subject | Should -Be 'Invoice, March'
                    $Output.FromIP | Should -Be '203.0.113.5'
                }
                'Test-EopIpAddress 3' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Server | Should -Be 'EX01'
                    $Calls[0].Parameters.EventId | Should -Be 'RECEIVE'
                    ($Output | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) |
                        Should -Be @('False, OriginalClientIp=1', 'True, ClientIp=1', 'True, OriginalClientIp=1')
                }
                'Test-EopIpAddress 4' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.EventId | Should -Be 'SEND'
                    $Output.Count | Should -Be 1
                }
                'Test-EopIpAddress 5' = {
                    param($Output, $Calls)
                    $Output | Should -Be 2
                }
                'Test-EopIpAddress 6' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { "$($_.Input) $($_.Property) $($_.IsEop)" }) |
                        Should -Be @('52.100.10.1 original-client-ip True', '40.92.70.1 client-ip True', '198.51.100.20 client-ip False', 'fe80::1d2c:3b4a:5968:7a8b%3 client-ip False')
                }
                'Test-EopIpAddress 7' = {
                    param($Output, $Calls)
                    $Output | Should -Be '08DE0F1A2B3C4D60'
                }
                'Test-EopIpAddress 8' = {
                    param($Output, $Calls)
                    $Output | Should -Be @($false, $false, $true)
                }
                'Test-EopIpAddress 9' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { "$_" }) | Should -Be @('1 Exchange Optimize 52.96.0.0/14', '2 Exchange Allow 52.96.0.0/14', '5 Exchange Allow 52.96.0.0/14', '6 Exchange Allow 52.96.0.0/14')
                    $Output[0].TcpPorts | Should -Be '80,443'
                }
                'Test-EopMessageHeader 1' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { "$($_.Name)=$($_.Count)" }) |
                        Should -Be @('DirectSend=1', 'GatewayBeforeEop=1', 'NotMicrosoft365=1', 'OnPremisesBypass=1', 'ThroughEop=1')
                }
                'Test-EopMessageHeader 2' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Raw | Should -BeTrue
                    $text = ($Output | Out-String -Width 200) -replace '\s+', ' '
                    $text | Should -BeLike '*Route : DirectSend Reason : entered anonymously (AuthAs Anonymous) from 203.0.113.45, outside EOP and the connectors, with a sender in contoso.com*DecidedBy : hop 1 IPAddress : 203.0.113.45 IsEop : False*'
                }
                'Test-EopMessageHeader 3' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Property | Should -Be @('subject', 'internetMessageHeaders')
                    ($Output | ForEach-Object { "$($_.Route) $($_.IPAddress) $($_.Subject)" }) |
                        Should -Be @('DirectSend 203.0.113.45 Remittance advice - payment confirmed', 'GatewayBeforeEop 198.51.100.141 Order 4711 shipped')
                }
                'Test-EopMessageHeader 4' = {
                    param($Output, $Calls)
                    ($Output | ForEach-Object { "$($_.Number) $($_.IPAddress) $($_.By)" }) | Should -Be @(
                        '1 192.0.2.80 mx2.gateway.example', '2 198.51.100.141 DB1PEPF000509F0.mail.protection.outlook.com',
                        '3 2603:10a6:10:552:cafe::2b DU7P189CA0014.outlook.office365.com', '4 2603:10a6:10:552::20 DB9PR02MB7273.eurprd02.prod.outlook.com',
                        '5 2603:10a6:10:1e5::9 AS8PR02MB9530.eurprd02.prod.outlook.com')
                }
                'Test-EopMessageHeader 5' = {
                    param($Output, $Calls)
                    $Output.Name | Should -Be @('X-MS-Exchange-Organization-AuthAs', 'X-MS-Exchange-Organization-AuthSource', 'X-MS-Exchange-CrossTenant-FromEntityHeader', 'X-Forefront-Antispam-Report')
                    $Output[0].Fields.Value | Should -Be 'Internal'
                }
                'Update-EopIpRange 1' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Count | Should -Be 0
                    $EopHelpService.VersionRequests | Should -Be ($RequestsBefore.Version + 1)
                    $EopHelpService.EndpointsRequests | Should -Be ($RequestsBefore.Endpoints + 1)
                    $Output.Instance | Should -Be 'Worldwide'
                    $Output.PreviousVersion | Should -BeNull
                    $Output.Version | Should -Be '2026120100'
                    $Output.Updated | Should -BeTrue
                    $Output.RangeCount | Should -Be 5
                    $Output.CachePath | Should -Be (Join-Path $env:EOPTOOLS_CACHE_DIR 'ranges.cache')
                    $cached = [System.IO.File]::ReadAllText($Output.CachePath)
                    $cached.Substring($cached.IndexOf("`n`n") + 2) | Should -BeExactly ([System.IO.File]::ReadAllText($served))
                    (Get-EopIpRange).Prefix | Should -Be $servedPrefixes
                }
                'Update-EopIpRange 2' = {
                    param($Output, $Calls)
                    $Calls.Command | Should -Be @('Update-EopIpRange', 'Get-NetFirewallRule', 'Set-NetFirewallRule')
                    $EopHelpService.EndpointsRequests | Should -Be ($RequestsBefore.Endpoints + 1)
                    $Calls[2].Parameters.RemoteAddress | Should -Be $servedPrefixes
                    $Output | Should -BeNullOrEmpty
                    $changes = Import-Csv (Join-Path $TestDrive 'eop-changes-2026120100.csv')
                    ($changes | Group-Object Change | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('Added=5', 'Removed=24')
                }
                'Update-EopIpRange 3' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Path | Should -Be '\\fileserver\eop\endpoints-worldwide.json'
                    $EopHelpService.VersionRequests | Should -Be $RequestsBefore.Version
                    $Output.Version | Should -Be 'unversioned'
                    $Output.Updated | Should -BeTrue
                    $Output.CachePath | Should -Be (Join-Path $env:EOPTOOLS_CACHE_DIR 'ranges.cache')
                    (Get-EopIpRange).Prefix | Should -Be $servedPrefixes
                }
                'Update-EopIpRange 4' = {
                    param($Output, $Calls)
                    $Calls[0].Parameters.Proxy | Should -Be 'http://proxy.contoso.com:8080/'
                    $Calls[0].Parameters.ProxyUseDefaultCredentials | Should -BeTrue
                    $Output.Version | Should -Be '2026120100'
                    $Output.Updated | Should -BeTrue
                    $EopHelpProxy.Requests | Select-Object -Last 2 | Should -Be @(
                        "GET $($EopHelpService.BaseUri)version/Worldwide forwarded", "GET $($EopHelpService.BaseUri)endpoints/Worldwide forwarded")
                }
            }
            # Exchange's logs, where the Search-EopLog examples look for them, and a log older than 30 days that the audit leaves out.
            . $PSScriptRoot/LogSamples.ps1
            $script:SavedExchangeInstallPath = $env:ExchangeInstallPath
            $env:ExchangeInstallPath = Join-Path $TestDrive 'Exchange'
            $receive = Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive'
            $null = Write-LogFile (Join-Path $receive 'RECV2026112710-1.LOG') (New-ProtocolLogLines @(
                    @{ Endpoint = '203.0.113.9:40000'; Host = 'scanner.contoso.com'; Count = 2 }
                    @{ Endpoint = '40.92.70.1:51000'; Host = 'mail.protection.outlook.com'; Count = 3 }
                    @{ Endpoint = '198.51.100.20:2525'; Host = 'crm.fabrikam.com'; Count = 1 }))
            $old = Write-LogFile (Join-Path $receive 'RECV2026090110-1.LOG') (New-ProtocolLogLines @(@{ Endpoint = '192.0.2.99:25'; Host = 'old.contoso.com'; Count = 9 }))
            (Get-Item $old).LastWriteTime = (Get-Date).AddDays(-40)
            $null = Write-LogFile (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/MessageTracking/MSGTRK2026112710-1.LOG') (New-TrackingLogLines @(
                    New-TrackingLogLine -Time 2026-11-27T10:00:00.000Z -ClientIp 10.0.0.6 -ClientHost EX02.contoso.com -OriginalClientIp 203.0.113.50
                    New-TrackingLogLine -Time 2026-11-27T10:01:00.000Z -ClientIp 104.47.1.1 -ClientHost mail.protection.outlook.com -OriginalClientIp ''
                    New-TrackingLogLine -Time 2026-11-27T10:02:00.000Z -ClientIp 10.0.0.6 -ClientHost EX02.contoso.com -OriginalClientIp '' -EventId DELIVER -Source STOREDRIVER -Directionality Originating))
            # The organisation: EX01 holds the logs above; EX02 and the Edge server their own.
            $global:EopHelpServers['EX01'] = $env:ExchangeInstallPath
            foreach ($server in @(
                    @{ Name = 'EX02'; Sessions = @(@{ Endpoint = '203.0.113.9:40100'; Host = 'scanner2.contoso.com'; Count = 2 }) }
                    @{ Name = 'edge01.contoso.com'; Sessions = @(@{ Endpoint = '192.0.2.80:25'; Host = 'mx.fabrikam.com'; Count = 1 }) })) {
                $install = Join-Path $TestDrive "servers/$($server.Name)/Exchange"
                $null = Write-LogFile (Join-Path $install 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV2026112711-1.LOG') (New-ProtocolLogLines $server.Sessions)
                $global:EopHelpServers[$server.Name] = $install
            }
            $null = Write-LogFile (Join-Path $TestDrive 'relay.log') @('2026-11-27T10:00:00Z,203.0.113.5,a@contoso.com', '2026-11-27T10:01:00Z,40.92.70.1,b@contoso.com', '2026-11-27T10:02:00Z,203.0.113.5,c@contoso.com')
            Set-Content -Path (Join-Path $TestDrive 'gateway-allowlist.txt') -Value @('# EOP, for the mail gateway', '40.92.0.0/14', '104.47.0.0-104.47.127.255', '2a01:111:f403::/48', '203.0.113.10   # our relay')
            # Saved copies of the real published lists, under the names the examples give them.
            if (Test-Path -LiteralPath $SharedData) {
                Copy-Item (Join-Path $SharedData 'eop-page-history/eop-ip-addresses_2018-07-18_e6ac803.md') (Join-Path $TestDrive 'eop-ip-addresses-2018-07-18.md')
                Copy-Item (Join-Path $SharedData 'eop-page-history/eop-ip-addresses_2018-10-02_24f6d0e.md') (Join-Path $TestDrive 'eop-ip-addresses-2018-10-02.md')
                Copy-Item (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json') (Join-Path $TestDrive 'microsoft365-worldwide.json')
                Copy-Item (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json') (Join-Path $TestDrive 'm365.json')
            }
            # Record files in the layouts of docs/record-sources.md, under the names the Test-EopIpAddress examples use.
            $records = Join-Path $Fixtures 'records'
            Copy-Item (Join-Path $records 'MTSummary_Contoso.csv') (Join-Path $TestDrive 'MTSummary_Report.csv')
            foreach ($name in 'MSGTRK20261127-1.LOG', 'RECV20261127-1.LOG', 'u_ex261127.log') { Copy-Item (Join-Path $records $name) $TestDrive }
            # User-reported messages for the Test-EopMessageHeader examples, the clipboard and a Graph mailbox of some of them.
            $reported = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'Reported')
            $headerFixtures = Join-Path $Fixtures 'headers'
            foreach ($name in 'direct-send.eml', 'gateway.eml', 'newsletter.eml', 'onprem-bypass.eml') { Copy-Item (Join-Path $headerFixtures $name) $reported }
            Copy-Item (Join-Path $headerFixtures 'forged-microsoft-hop.eml') (Join-Path $reported 'forged.eml')
            $global:EopHelpClipboard = Join-Path $headerFixtures 'direct-send.eml'
            $global:EopHelpMailbox = @('direct-send.eml', 'newsletter.eml', 'gateway.eml') | ForEach-Object { Join-Path $headerFixtures $_ }
        }
        AfterAll {
            $env:ExchangeInstallPath = $SavedExchangeInstallPath
            Remove-EopHelpDoubles
            $EopHelpService.Dispose()
            Remove-Variable -Scope Global -Name EopHelpService
            $EopHelpProxy.Dispose()
            Remove-Variable -Scope Global -Name EopHelpProxy
        }

        It 'runs example <Number> of <Command> as documented' -ForEach @($ExampleCases | Where-Object { -not $_.NeedsSharedData }) {
            Invoke-HelpExample $Command $Number $Code -StatedOutput $Output
        }

        It 'runs example <Number> of <Command> as documented, on the real lists it names' -Tag 'SharedData' -ForEach @($ExampleCases | Where-Object NeedsSharedData) {
            Assert-SharedData
            Invoke-HelpExample $Command $Number $Code -OnWebServiceList:$OnWebServiceList -StatedOutput $Output
        }
    }

    Context 'README' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            # The README's five minutes: the web service's list (its real 2022 answer) and a day of receive logs.
            Reset-EopSession
            $null = Update-EopIpRange -Path (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json')
            $script:SavedInstallPath = $env:ExchangeInstallPath
            $env:ExchangeInstallPath = Join-Path $TestDrive 'Exchange'
            $receive = New-Item -ItemType Directory -Force -Path (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive')
            Copy-Item -LiteralPath (Join-Path $Fixtures 'records/RECV20261127-1.LOG') -Destination $receive
        }

        AfterAll {
            $env:ExchangeInstallPath = $SavedInstallPath
        }

        It 'has examples that show their output' {
            $ReadmeExamples.Count | Should -BeGreaterOrEqual 2
        }

        It 'prints on an 80-column console what it shows for: <Code>' -ForEach $ReadmeExamples {
            $written = @(& ([scriptblock]::Create($Code)) 3>&1)
            @($written | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
            $printed = ($written | Out-String -Width 80) -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
            @($printed | Where-Object { $_ }) | Should -Be @($Output | Where-Object { $_ })
        }
    }
}
