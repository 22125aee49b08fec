BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    # A new session over an empty cache uses the embedded 2018 page, and says so once.
    $null = Get-EopIpRange -WarningVariable sessionWarnings -WarningAction SilentlyContinue
    Assert-SeedWarning $sessionWarnings
    $script:Before = Join-Path $Fixtures 'diff-before.md'
    $script:After = Join-Path $Fixtures 'diff-after.md'
    $script:SeedPage = Join-Path $PSScriptRoot '../../src/EopTools/Data/exchange-online-protection-ip-addresses.md'
    $script:Expected = @(
        'Widened 10.0.0.0/17 to 10.0.0.0/16 (Global)'
        'Narrowed 10.4.0.0/14 to 10.4.0.0/15 (Global)'
        'Removed 192.0.2.0/24 (Global)'
        'Added 203.0.113.0/24 (Global)'
        'Widened 2001:db8:0:7c00::/54 to 2001:db8::/48 (Global)'
        'Widened 2001:db8:0:fc00::/54 to 2001:db8::/48 (Global)'
        'Removed the Americas table'
        'Removed the EMEA table'
        'Removed the APAC table'
    )
    function script:Export-FixtureDiff {
        Export-EopRangeDiff -ReferencePath $Before -DifferencePath $After @args
    }
}

Describe 'Export-EopRangeDiff' {
    Context 'Defaults' {
        It 'compares the embedded seed (reference) with the session''s ranges (difference)' {
            # In a fresh session whose ranges differ from the seed, so that swapped defaults would read backwards.
            $newer = Join-Path $TestDrive 'newer.txt'
            Set-Content -LiteralPath $newer -Value (@((Get-EopIpRange -Path $SeedPage).Prefix | Where-Object { $_ -ne '52.238.78.88/32' }) + '198.51.100.0/24')
            $output = Invoke-Pwsh -ArgumentList '-Command', ("`$env:EOPTOOLS_CACHE_DIR = '$(Join-Path $TestDrive 'defaults-cache')'; Import-Module '$ModulePath'; " +
                "`$null = Update-EopIpRange -Path '$newer'; `$changes = Export-EopRangeDiff; `$changes.ForEach('ToString'); " +
                "`$changes[0].ReferenceDataSet.Source; `$changes[0].DifferenceDataSet.Source")
            $output | Should -Be @(
                'Removed 52.238.78.88/32 (Global)', 'Added 198.51.100.0/24 (Global)', 'Removed the Americas table', 'Removed the EMEA table', 'Removed the APAC table'
                'embedded seed', $newer)
        }
    }

    Context 'Changes to the pipeline' {

        It 'reports every seed prefix as unchanged with -IncludeUnchanged' {
            $changes = Export-EopRangeDiff -IncludeUnchanged
            $seedCount = 0
            foreach ($region in 'Global', 'Americas', 'EMEA', 'APAC') { $seedCount += @(Get-EopIpRange -Region $region).Count }
            $changes.Count | Should -Be $seedCount
            $changes.Change | Sort-Object -Unique | Should -Be 'Unchanged'
            $changes[0].ReferencePrefix | Should -Be '23.103.132.0/22'
            $changes[0].DifferencePrefix | Should -Be '23.103.132.0/22'
        }

        It 'reports widened, narrowed, covered, added and removed prefixes and the tables removed, in table and address order' {
            $changes = Export-FixtureDiff
            $changes | ForEach-Object { $_ | Should -BeOfType ([EopTools.EopRangeChange]) }
            $changes | ForEach-Object ToString | Should -Be $Expected
        }

        It 'carries the exact addresses to open and close, each once, and closes nothing for a table whose addresses stay in the global list' {
            $changes = Export-FixtureDiff
            $changes[0].AddressesAdded | Should -Be '10.0.128.0/17'
            $changes[1].AddressesRemoved | Should -Be '10.6.0.0/15'
            $changes[2].AddressesRemoved | Should -Be '192.0.2.0/24'
            $changes[4].AddressesAdded | Should -Be @('2001:db8::/50', '2001:db8:0:4000::/51', '2001:db8:0:6000::/52', '2001:db8:0:7000::/53',
                '2001:db8:0:7800::/54', '2001:db8:0:8000::/50', '2001:db8:0:c000::/51', '2001:db8:0:e000::/52', '2001:db8:0:f000::/53', '2001:db8:0:f800::/54')
            $changes[5].AddressesAdded.Count | Should -Be 0
            $changes[6].AddressesRemoved.Count | Should -Be 0
            $changes[6].AddressFamily | Should -BeNullOrEmpty
        }

        It 'describes both data sets on each change' {
            $change = Export-FixtureDiff | Select-Object -First 1
            $change.Region | Should -Be 'Global'
            $change.AddressFamily | Should -Be 'IPv4'
            $change.ReferenceDataSet.Version | Should -Be '2018-07-18'
            $change.DifferenceDataSet.Version | Should -Be '2018-10-02'
            $change.DifferenceDataSet.Source | Should -Be $After
        }

        It 'compares ranges given as objects only in the tables they include' {
            $changes = Export-EopRangeDiff -Reference (Get-EopIpRange -Path $Before) -Difference (Get-EopIpRange -Path $After)
            $changes | ForEach-Object ToString | Should -Be ($Expected | Select-Object -First 6)
        }

        It 'compares ranges given as objects only in the address families they include' {
            $changes = Export-EopRangeDiff -Reference (Get-EopIpRange -Path $Before -AddressFamily IPv4) -Difference (Get-EopIpRange -Path $After)
            $changes | ForEach-Object ToString | Should -Be ($Expected | Select-Object -First 4)
        }

        It 'reports the IPv6 a list without IPv6 loses, and warns why' {
            $ipv4Only = Join-Path $TestDrive 'ipv4-only.txt'
            Set-Content -LiteralPath $ipv4Only -Value '10.0.0.0/16', '10.4.0.0/15', '198.51.100.0/24', '203.0.113.0/24'
            $changes = Export-EopRangeDiff -ReferencePath $After -DifferencePath $ipv4Only -WarningVariable warnings -WarningAction SilentlyContinue
            $changes | Where-Object Region -EQ Global | ForEach-Object ToString | Should -Be @('Removed 2001:db8::/48 (Global)', 'Removed 2001:db8:1::/48 (Global)')
            $changes.AddressesRemoved | Should -Be @('2001:db8::/48', '2001:db8:1::/48')
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "*difference '*$([WildcardPattern]::Escape($ipv4Only))*' has no IPv6 range*NoIPv6*all 2 IPv6 ranges of the reference*removed*"
        }

        It 'shows the IPv6 that an import of the NoIPv6 answer of 2025 took away, and that came back with the 2022 answer' -Tag 'SharedData' {
            Assert-SharedData
            $endpoints = Join-Path $SharedData 'endpoints-service'
            $env:EOPTOOLS_CACHE_DIR = Join-Path $TestDrive ([guid]::NewGuid())
            $null = Update-EopIpRange -Path (Join-Path $endpoints 'endpoints-worldwide-2022/microsoft365-worldwide.json')
            $before = Get-EopIpRange
            $null = Update-EopIpRange -Path (Join-Path $endpoints 'endpoints-worldwide-noipv6-2025/m365.json') -Force
            $gone = Export-EopRangeDiff -Reference $before -WarningVariable warnings -WarningAction SilentlyContinue
            $gone | ForEach-Object ToString | Should -Be @('Removed 2a01:111:f400::/48 (Global)', 'Removed 2a01:111:f403::/48 (Global)')
            $warnings.Message | Should -BeLike "*difference '*m365.json*' has no IPv6 range*NoIPv6*all 2 IPv6 ranges of the reference*removed*"

            $withoutIPv6 = Get-EopIpRange
            $null = Update-EopIpRange -Path (Join-Path $endpoints 'endpoints-worldwide-2022/microsoft365-worldwide.json')
            $back = Export-EopRangeDiff -Reference $withoutIPv6 -WarningVariable warnings -WarningAction SilentlyContinue
            $back | ForEach-Object ToString | Should -Be @('Added 2a01:111:f400::/48 (Global)', 'Added 2a01:111:f403::/48 (Global)')
            $back.AddressesAdded | Should -Be @('2a01:111:f400::/48', '2a01:111:f403::/48')
            $warnings.Count | Should -Be 1
        }

        It 'takes the difference from the pipeline' {
            $changes = Get-EopIpRange -Path $After | Export-EopRangeDiff -ReferencePath $Before
            $changes | ForEach-Object ToString | Should -Be ($Expected | Select-Object -First 6)
        }

        It 'declares its output type' {
            (Get-Command Export-EopRangeDiff).OutputType.Type | Should -Be ([EopTools.EopRangeChange])
        }

        It 'shows changes in a table with the prefixes and the address lists with Format-Table on a wide console' {
            $text = Export-FixtureDiff | Select-Object -First 1 | Format-Table | Out-String -Width 200
            $text | Should -Match 'Widened\s+Global\s+10\.0\.0\.0/17\s+10\.0\.0\.0/16\s+10\.0\.128\.0/17'
        }

        It 'shows each change as a list that fits 80 columns, with every property and one whole address per line' {
            $reference = Join-Path $TestDrive 'reference.txt'
            $difference = Join-Path $TestDrive 'difference.txt'
            Set-Content -LiteralPath $reference -Value '213.199.180.128/26', '40.107.0.0/17', '10.0.0.0/8'
            Set-Content -LiteralPath $difference -Value '40.107.0.0/16', '10.0.0.0/9', '255.255.255.255/32'
            $changes = Export-EopRangeDiff -ReferencePath $reference -DifferencePath $difference
            $lines = Get-ViewLine $changes 80
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            $rows = Get-ViewRow $changes 80
            $rows | Should -Contain 'Change : Narrowed'
            $rows | Should -Contain 'ReferencePrefix : 10.0.0.0/8'
            $rows | Should -Contain 'DifferencePrefix : 10.0.0.0/9'
            $rows | Should -Contain 'AddressesRemoved : 10.128.0.0/9'
            $rows | Should -Contain 'AddressesAdded : 40.107.128.0/17'
            $rows | Should -Contain 'AddressesRemoved : 213.199.180.128/26'
            $rows | Should -Contain 'AddressesAdded : 255.255.255.255/32'
            foreach ($label in 'AddressFamily', 'ReferenceDataSet', 'DifferenceDataSet') { @($rows -like "$label : *").Count | Should -Be 4 }
            # Plain lists have no regional tables: Region would say Global on every change.
            @($rows -like 'Region : *').Count | Should -Be 0
        }

        It 'shows no Region for two web service answers, which have no regional tables, in the list or the table' -Tag 'SharedData' {
            Assert-SharedData
            $endpoints = Join-Path $SharedData 'endpoints-service'
            $changes = Export-EopRangeDiff -ReferencePath (Join-Path $endpoints 'endpoints-worldwide-2022/microsoft365-worldwide.json') `
                -DifferencePath (Join-Path $endpoints 'endpoints-worldwide-noipv6-2025/m365.json') -WarningAction SilentlyContinue
            $changes | ForEach-Object ToString | Should -Be @('Removed 2a01:111:f400::/48 (Global)', 'Removed 2a01:111:f403::/48 (Global)')
            $rows = Get-FittedViewRow $changes 80
            $rows -match '^\w+ :' -replace ' :.*$' | Select-Object -Unique |
                Should -Be @('Change', 'AddressFamily', 'ReferencePrefix', 'DifferencePrefix', 'AddressesAdded', 'AddressesRemoved', 'ReferenceDataSet', 'DifferenceDataSet')
            $rows | Should -Contain 'AddressesRemoved : 2a01:111:f403::/48'
            (Get-ViewRow ($changes | Format-List) 80 | Where-Object { $_ -match '^\w+ :' })[0..1] | Should -Be @('Change : Removed', 'AddressFamily : IPv6')
            (Get-ViewRow ($changes | Format-Table) 200)[1] | Should -Be 'Change ReferencePrefix DifferencePrefix AddressesAdded AddressesRemoved'
            $changes.Region | Should -Be @('Global', 'Global')
        }

        It 'shows Region on every change when either side has regional tables, in the list and the table' -Tag 'SharedData' {
            Assert-SharedData
            $pages = Join-Path $SharedData 'eop-page-history'
            $changes = Export-EopRangeDiff -ReferencePath (Join-Path $pages 'eop-ip-addresses_2018-07-18_e6ac803.md') -DifferencePath (Join-Path $pages 'eop-ip-addresses_2018-10-02_24f6d0e.md')
            $rows = Get-FittedViewRow $changes 80
            $rows -like 'Region : *' | Should -Be @('Region : Global', 'Region : Global', 'Region : Americas', 'Region : EMEA', 'Region : APAC')
            $rows -match '^\w+ :' -replace ' :.*$' | Select-Object -Unique |
                Should -Be @('Change', 'Region', 'AddressFamily', 'ReferencePrefix', 'DifferencePrefix', 'AddressesAdded', 'AddressesRemoved', 'ReferenceDataSet', 'DifferenceDataSet')
            Get-ViewRow ($changes | Format-List) 80 | Where-Object { $_ -like 'Region : *' } | Should -HaveCount 5
            (Get-ViewRow ($changes | Format-Table) 200)[1] | Should -Be 'Change Region ReferencePrefix DifferencePrefix AddressesAdded AddressesRemoved'
            # Against the regional tables of the other side, a plain list's changes show Region too.
            $plain = Join-Path $TestDrive 'plain.txt'
            Set-Content -LiteralPath $plain -Value '23.103.132.0/22', '2a01:111:f400::/48'
            $rows = Get-ViewRow (Export-EopRangeDiff -ReferencePath (Join-Path $pages 'eop-ip-addresses_2018-07-18_e6ac803.md') -DifferencePath $plain | Select-Object -First 1) 80
            $rows -like 'Region : *' | Should -Be 'Region : Global'
        }

        It 'lists several addresses of a change one per line' {
            $rows = Get-ViewRow (Export-FixtureDiff | Select-Object -Index 4) 80
            $at = [array]::IndexOf($rows, 'AddressesAdded : 2001:db8::/50')
            $at | Should -BeGreaterThan 0
            $rows[$at + 1] | Should -Be ' 2001:db8:0:4000::/51'
        }
    }

    Context 'Files' {
        It 'writes <Format> for a .<Extension> file' -ForEach @(
            @{ Format = 'CSV'; Extension = 'csv'; FirstLine = '"Change","Region","AddressFamily","ReferencePrefix","DifferencePrefix","AddressesAdded","AddressesRemoved","ReferenceDataSet","DifferenceDataSet"' }
            @{ Format = 'JSON'; Extension = 'json'; FirstLine = '{' }
            @{ Format = 'Markdown'; Extension = 'md'; FirstLine = 'Open: 10.0.0.0/16, 10.4.0.0/15, 203.0.113.0/24, 2001:db8::/48. Close: 10.4.0.0/14, 192.0.2.0/24.' }
        ) {
            $path = Join-Path $TestDrive "changes.$Extension"
            Export-FixtureDiff -Path $path | Should -BeNullOrEmpty
            (Get-Content -LiteralPath $path)[0] | Should -Be $FirstLine
        }

        It 'writes CSV that Import-Csv reads back as the changes, lists joined by "; " as Export-Csv writes them' {
            $path = Join-Path $TestDrive 'changes.csv'
            Export-FixtureDiff -Path $path
            $rows = Import-Csv -LiteralPath $path
            $rows.Count | Should -Be 9
            $rows[0].Change | Should -Be 'Widened'
            $rows[4].AddressesAdded -split '; ' | Should -HaveCount 10
            Export-FixtureDiff | Export-Csv -LiteralPath (Join-Path $TestDrive 'piped.csv') -NoTypeInformation
            (Import-Csv -LiteralPath (Join-Path $TestDrive 'piped.csv')).AddressesAdded | Should -Be $rows.AddressesAdded
            $rows[6].Change | Should -Be 'TableRemoved'
            $rows[6].AddressFamily | Should -Be ''
            $rows[6].AddressesRemoved | Should -Be ''
        }

        It 'writes JSON that ConvertFrom-Json reads, with both data sets' {
            $path = Join-Path $TestDrive 'changes.json'
            Export-FixtureDiff -Path $path
            $json = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
            $json.ReferenceDataSet.Version | Should -Be '2018-07-18'
            $json.DifferenceDataSet.Source | Should -Be $After
            $json.Changes.Count | Should -Be 9
            $json.Changes[1].ReferencePrefix | Should -Be '10.4.0.0/14'
            $json.Changes[1].AddressesRemoved | Should -Be '10.6.0.0/15'
        }

        It 'writes a Markdown table per region table' {
            $path = Join-Path $TestDrive 'changes.md'
            Export-FixtureDiff -Path $path
            $lines = Get-Content -LiteralPath $path
            $lines | Where-Object { $_ -like '## *' } | Should -Be @('## Global list', '## Americas table', '## EMEA table', '## APAC table')
            $lines | Should -Contain '|Widened|Changed 10.0.0.0/17 to the wider 10.0.0.0/16.|10.0.128.0/17||'
            $lines | Should -Contain '|TableRemoved|Removed the EMEA table.|||'
        }

        It 'writes a record ready for a change ticket: the rule edit first, when, and the data''s files and dates, without empty sections' {
            $path = Join-Path $TestDrive 'ticket.md'
            $started = [datetime]::UtcNow
            Export-EopRangeDiff -ReferencePath $Before -DifferencePath $Before -Path (Join-Path $TestDrive 'same.md')
            Export-FixtureDiff -Path $path
            $lines = Get-Content -LiteralPath $path
            $lines[0] | Should -Be 'Open: 10.0.0.0/16, 10.4.0.0/15, 203.0.113.0/24, 2001:db8::/48. Close: 10.4.0.0/14, 192.0.2.0/24.'
            $lines[2] | Should -Be '# Change notification for EOP IP addresses'
            $generated = [datetime]::ParseExact($lines[6], "'- Generated: 'yyyy-MM-dd HH:mm:ss' UTC'", [cultureinfo]::InvariantCulture, 'AssumeUniversal,AdjustToUniversal')
            $generated | Should -BeGreaterOrEqual $started.AddTicks(-$started.Ticks % [timespan]::TicksPerSecond)
            $generated | Should -BeLessOrEqual ([datetime]::UtcNow)
            $lines[7] | Should -Be "- Reference: Exchange Online Protection IP addresses (test fixture, before), version 2018-07-18, data of 2018-07-18 (``$Before``)"
            $lines[8] | Should -Be "- Difference: Exchange Online Protection IP addresses (test fixture, after), version 2018-10-02, data of 2018-10-02 (``$After``)"
            $same = Get-Content -LiteralPath (Join-Path $TestDrive 'same.md')
            $same[0] | Should -Be 'Open: nothing. Close: nothing.'
            $same[-1] | Should -Be 'No changes.'
            $same | Where-Object { $_ -like '#*' } | Should -Be '# Change notification for EOP IP addresses'
        }

        It 'names the file imported as the source of the session''s ranges in a new session, not the cache file' {
            $cache = Join-Path $TestDrive 'imported-cache'
            $record = Join-Path $TestDrive 'imported.md'
            $prefix = "`$env:EOPTOOLS_CACHE_DIR = '$cache'; Import-Module '$ModulePath'; "
            $null = Invoke-Pwsh -ArgumentList '-Command', ($prefix + "`$null = Update-EopIpRange -Path '$After'")
            $LASTEXITCODE | Should -Be 0
            # Another process: its session reads the ranges from the cache.
            $null = Invoke-Pwsh -ArgumentList '-Command', ($prefix + "Export-EopRangeDiff -ReferencePath '$Before' -Path '$record'")
            $LASTEXITCODE | Should -Be 0
            (Get-Content -LiteralPath $record)[8] | Should -Be "- Difference: Exchange Online Protection IP addresses (test fixture, after), version 2018-10-02, data of 2018-10-02 (``$After``)"
        }

        It 'fails with OutputPathIsFolder when -Path names a folder, and says so' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'records') -Force
            $failure = { Export-FixtureDiff -Path $folder.FullName } | Should -Throw -ErrorId 'OutputPathIsFolder,EopTools.Commands.ExportEopRangeDiffCommand' -PassThru
            $failure.Exception.Message | Should -BeLike "'$([WildcardPattern]::Escape($folder.FullName))' is a folder*'$([WildcardPattern]::Escape((Join-Path $folder.FullName 'eop-changes.md')))'*"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            @(Get-ChildItem -LiteralPath $folder.FullName).Count | Should -Be 0
        }

        It 'writes UTF-8 without a byte order mark' {
            $path = Join-Path $TestDrive 'changes.md'
            Export-FixtureDiff -Path $path
            $bytes = [System.IO.File]::ReadAllBytes($path)
            $bytes[0..1] | Should -Be @(0x4f, 0x70)
        }

        It 'uses -Format over the extension' {
            $path = Join-Path $TestDrive 'changes.txt'
            Export-FixtureDiff -Path $path -Format Json
            (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).Changes.Count | Should -Be 9
        }

        It 'writes the changes to the pipeline as well with -PassThru' {
            $changes = Export-FixtureDiff -Path (Join-Path $TestDrive 'changes.csv') -PassThru
            $changes | ForEach-Object ToString | Should -Be $Expected
        }

        It 'writes nothing with -WhatIf' {
            $path = Join-Path $TestDrive 'whatif.csv'
            Export-FixtureDiff -Path $path -WhatIf -PassThru | Should -BeNullOrEmpty
            Test-Path -LiteralPath $path | Should -BeFalse
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp').Count | Should -Be 0
        }

        It 'replaces an existing file' {
            $path = Join-Path $TestDrive 'existing.csv'
            Set-Content -LiteralPath $path -Value 'old'
            Export-FixtureDiff -Path $path
            (Get-Content -LiteralPath $path)[1] | Should -BeLike '"Widened",*'
        }

        It 'keeps an existing file with -NoClobber and fails with OutputFileExists' {
            $path = Join-Path $TestDrive 'kept.csv'
            Set-Content -LiteralPath $path -Value 'old'
            $err = { Export-FixtureDiff -Path $path -NoClobber } |
                Should -Throw -ErrorId 'OutputFileExists,EopTools.Commands.ExportEopRangeDiffCommand' -PassThru
            $err.CategoryInfo.Category | Should -Be 'ResourceExists'
            $err.TargetObject | Should -Be $path
            Get-Content -LiteralPath $path | Should -Be 'old'
        }

        It 'refuses a read-only file with OutputFileReadOnly and replaces it with -Force, keeping it read-only' {
            $path = Join-Path $TestDrive 'readonly.csv'
            Set-Content -LiteralPath $path -Value 'old'
            (Get-Item -LiteralPath $path).Attributes = 'ReadOnly'
            $err = { Export-FixtureDiff -Path $path } | Should -Throw -ErrorId 'OutputFileReadOnly,EopTools.Commands.ExportEopRangeDiffCommand' -PassThru
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            Get-Content -LiteralPath $path | Should -Be 'old'
            Export-FixtureDiff -Path $path -Force
            (Get-Content -LiteralPath $path)[1] | Should -BeLike '"Widened",*'
            (Get-Item -LiteralPath $path).Attributes | Should -Match 'ReadOnly'
        }

        It 'writes to a -LiteralPath with wildcard characters in its name' {
            $path = Join-Path $TestDrive 'changes[1].md'
            Export-FixtureDiff -LiteralPath $path
            Test-Path -LiteralPath $path | Should -BeTrue
        }

        It 'writes to the one existing file a wildcard -Path names' {
            $path = Join-Path $TestDrive 'wild-one.csv'
            Set-Content -LiteralPath $path -Value 'old'
            Export-FixtureDiff -Path (Join-Path $TestDrive 'wild-*.csv')
            (Get-Content -LiteralPath $path)[1] | Should -BeLike '"Widened",*'
        }

        It 'fails with OutputPathAmbiguous for a wildcard that names several files' {
            Set-Content -LiteralPath (Join-Path $TestDrive 'many-1.csv') -Value 'one'
            Set-Content -LiteralPath (Join-Path $TestDrive 'many-2.csv') -Value 'two'
            { Export-FixtureDiff -Path (Join-Path $TestDrive 'many-*.csv') } |
                Should -Throw -ErrorId 'OutputPathAmbiguous,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'fails with OutputFormatUnknown for an extension it cannot tell, before reading anything' {
            { Export-EopRangeDiff -ReferencePath (Join-Path $TestDrive 'missing.md') -Path (Join-Path $TestDrive 'changes.txt') } |
                Should -Throw -ErrorId 'OutputFormatUnknown,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'fails with OutputFolderNotFound for a missing folder and creates nothing' {
            $err = { Export-FixtureDiff -Path (Join-Path $TestDrive 'missing/changes.csv') } |
                Should -Throw -ErrorId 'OutputFolderNotFound,EopTools.Commands.ExportEopRangeDiffCommand' -PassThru
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            Test-Path -LiteralPath (Join-Path $TestDrive 'missing') | Should -BeFalse
        }

        It 'fails with OutputPathNotFileSystem for a path on another provider' {
            { Export-FixtureDiff -Path 'Variable:\changes.csv' } |
                Should -Throw -ErrorId 'OutputPathNotFileSystem,EopTools.Commands.ExportEopRangeDiffCommand'
        }
    }

    Context 'Completion' {
        It 'completes -Format with the file formats' {
            $line = 'Export-EopRangeDiff -Path changes.txt -Format '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Csv', 'Json', 'Markdown')
        }
    }

    Context 'Errors' {
        It 'fails with ReferenceGivenTwice for -ReferencePath and -Reference together' {
            { Export-EopRangeDiff -ReferencePath $Before -Reference (Get-EopIpRange) } |
                Should -Throw -ErrorId 'ReferenceGivenTwice,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'fails with DifferenceGivenTwice for -DifferencePath and ranges from the pipeline' {
            { Get-EopIpRange | Export-EopRangeDiff -DifferencePath $After } |
                Should -Throw -ErrorId 'DifferenceGivenTwice,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'fails with ReferenceGivenTwice for -ReferencePath and -ReferenceLiteralPath together' {
            { Export-EopRangeDiff -ReferencePath $Before -ReferenceLiteralPath $Before } |
                Should -Throw -ErrorId 'ReferenceGivenTwice,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'fails with PathNotOneFile when -ReferencePath names several files, since the reference is one version' {
            { Export-EopRangeDiff -ReferencePath (Join-Path $Fixtures 'diff-*.md') } |
                Should -Throw -ErrorId 'PathNotOneFile,EopTools.Commands.ExportEopRangeDiffCommand' -ExpectedMessage '-ReferencePath names 2 files*'
        }

        It 'fails with OutputFileIsInput rather than write the record over its <Side> file' -ForEach @(
            @{ Side = 'reference'; Parameters = @{ Path = 'before.md' } }
            @{ Side = 'difference'; Parameters = @{ LiteralPath = 'after.md'; Format = 'Markdown' } }
        ) {
            $referenceCopy = Join-Path $TestDrive 'before.md'
            $differenceCopy = Join-Path $TestDrive 'after.md'
            Copy-Item -LiteralPath $Before -Destination $referenceCopy
            Copy-Item -LiteralPath $After -Destination $differenceCopy
            $output = @{}
            foreach ($key in $Parameters.Keys) { $output[$key] = if ($key -eq 'Format') { $Parameters[$key] } else { Join-Path $TestDrive $Parameters[$key] } }
            $err = { Export-EopRangeDiff -ReferencePath $referenceCopy -DifferenceLiteralPath $differenceCopy @output } |
                Should -Throw -ErrorId 'OutputFileIsInput,EopTools.Commands.ExportEopRangeDiffCommand' -PassThru
            $err.Exception.Message | Should -BeLike "*is the $Side*"
            (Get-FileHash -LiteralPath $referenceCopy).Hash | Should -Be (Get-FileHash -LiteralPath $Before).Hash
            (Get-FileHash -LiteralPath $differenceCopy).Hash | Should -Be (Get-FileHash -LiteralPath $After).Hash
        }

        It 'reads -ReferenceLiteralPath and -DifferenceLiteralPath as typed, and a wildcard -DifferencePath that names one file' {
            $referenceCopy = Join-Path $TestDrive 'before[1].md'
            Copy-Item -LiteralPath $Before -Destination $referenceCopy
            (Export-EopRangeDiff -ReferenceLiteralPath $referenceCopy -DifferenceLiteralPath $After | ForEach-Object ToString) | Should -Be $Expected
            (Export-EopRangeDiff -ReferenceLiteralPath $referenceCopy -DifferencePath (Join-Path $Fixtures 'diff-aft*.md') | ForEach-Object ToString) | Should -Be $Expected
        }

        It 'fails with RangeFileNotFound for a missing reference file' {
            { Export-EopRangeDiff -ReferencePath (Join-Path $TestDrive 'missing.md') } |
                Should -Throw -ErrorId 'RangeFileNotFound,EopTools.Commands.ExportEopRangeDiffCommand'
        }

        It 'takes -Format, -NoClobber and -PassThru only with a file' {
            { Export-EopRangeDiff -Format Csv } | Should -Throw -ErrorId 'AmbiguousParameterSet,EopTools.Commands.ExportEopRangeDiffCommand'
        }
    }

    Context 'Pipeline input that gives no range' {
        It 'writes NoRangesFromPipeline after the entries'' errors and compares nothing' {
            $path = Join-Path $TestDrive 'unbound.md'
            $changes = 'a', 'b' | Export-EopRangeDiff -ErrorVariable errors -ErrorAction SilentlyContinue
            $changes | Should -BeNullOrEmpty
            $errors.Count | Should -Be 3
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.ExportEopRangeDiffCommand'
            $errors[2].FullyQualifiedErrorId | Should -Be 'NoRangesFromPipeline,EopTools.Commands.ExportEopRangeDiffCommand'
            'a', 'b' | Export-EopRangeDiff -Path $path -ErrorAction SilentlyContinue
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'writes NoRangesFromPipeline for an empty pipeline instead of comparing the defaults' {
            $changes = @() | Export-EopRangeDiff -ReferencePath $Before -ErrorVariable errors -ErrorAction SilentlyContinue
            $changes | Should -BeNullOrEmpty
            $errors.FullyQualifiedErrorId | Should -Be 'NoRangesFromPipeline,EopTools.Commands.ExportEopRangeDiffCommand'
        }
    }

    Context 'Allow-list text' {
        It 'compares prefixes given as text exactly as the same ranges given as objects' {
            $asText = Export-EopRangeDiff -Reference (Get-EopIpRange -Path $Before).Prefix -Difference (Get-EopIpRange -Path $After).Prefix
            $asObjects = Export-EopRangeDiff -Reference (Get-EopIpRange -Path $Before) -Difference (Get-EopIpRange -Path $After)
            $asText | ForEach-Object { "$_ +$($_.AddressesAdded -join ' ') -$($_.AddressesRemoved -join ' ')" } |
                Should -Be ($asObjects | ForEach-Object { "$_ +$($_.AddressesAdded -join ' ') -$($_.AddressesRemoved -join ' ')" })
            $asText[0].ReferenceDataSet.ToString() | Should -Be "Allow-list entries $(@(Get-EopIpRange -Path $Before).Count) (-Reference)"
        }

        It 'reads a firewall address filter in mask and range form through the pipeline' {
            $filter = [pscustomobject]@{ RemoteAddress = [string[]]@('10.0.0.0/255.255.0.0', '10.4.0.0-10.5.255.255') }
            $changes = $filter | Export-EopRangeDiff -Reference '10.0.0.0/17', '10.4.0.0/14'
            $changes | ForEach-Object { "$_ +$($_.AddressesAdded -join ' ') -$($_.AddressesRemoved -join ' ')" } | Should -Be @(
                'Widened 10.0.0.0/17 to 10.0.0.0/16 (Global) +10.0.128.0/17 -'
                'Narrowed 10.4.0.0/14 to 10.4.0.0/15 (Global) + -10.6.0.0/15'
            )
        }

        It 'writes InvalidAllowListEntry for a bad entry and compares the rest' {
            $changes = '10.0.0.1/24', '10.0.0.0/16' | Export-EopRangeDiff -Reference '10.0.0.0/17' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.ExportEopRangeDiffCommand'
            $errors[0].Exception.Message | Should -BeLike "'10.0.0.1/24' *host bits*10.0.0.0/24*"
            "$changes" | Should -Be 'Widened 10.0.0.0/17 to 10.0.0.0/16 (Global)'
        }

        It 'writes NoRangesInReference when no -Reference entry can be read' {
            $changes = Export-EopRangeDiff -Reference 'gateway' -DifferencePath $After -ErrorVariable errors -ErrorAction SilentlyContinue
            $changes | Should -BeNullOrEmpty
            $errors.FullyQualifiedErrorId | Should -Be @('InvalidAllowListEntry,EopTools.Commands.ExportEopRangeDiffCommand', 'NoRangesInReference,EopTools.Commands.ExportEopRangeDiffCommand')
        }

        It 'leaves a machine-dependent firewall keyword out with a warning' {
            $changes = Export-EopRangeDiff -Reference '10.0.0.0/16', 'LocalSubnet' -Difference '10.0.0.0/16' -IncludeUnchanged -WarningVariable warnings -WarningAction SilentlyContinue
            "$changes" | Should -Be 'Unchanged 10.0.0.0/16 (Global)'
            "$warnings" | Should -BeLike "'LocalSubnet'*firewall keyword*left out of the comparison*"
        }
    }

    Context 'Exchange and firewall recipes' {
        It 'builds the @{Add=...; Remove=...} edit that turns a receive connector''s old list into the new one' {
            function Set-ReceiveConnector { param([string] $Identity, [hashtable] $RemoteIPRanges) $RemoteIPRanges }
            $changes = Export-FixtureDiff | Where-Object Region -EQ 'Global'
            $edit = Set-ReceiveConnector 'EX01\From EOP' -RemoteIPRanges @{
                Add    = @($changes.DifferencePrefix | Select-Object -Unique)
                Remove = @($changes.ReferencePrefix | Select-Object -Unique)
            }
            $edit.Add | Should -Be @('10.0.0.0/16', '10.4.0.0/15', '203.0.113.0/24', '2001:db8::/48')
            $edit.Remove | Should -Be @('10.0.0.0/17', '10.4.0.0/14', '192.0.2.0/24', '2001:db8:0:7c00::/54', '2001:db8:0:fc00::/54')
            $connector = @((Get-EopIpRange -Path $Before).Prefix | Where-Object { $_ -notin $edit.Remove }) + $edit.Add
            $connector | Sort-Object | Should -Be ((Get-EopIpRange -Path $After).Prefix | Sort-Object)
        }

        It 'lists what a firewall must open and close' {
            $changes = Export-FixtureDiff | Where-Object Region -EQ 'Global'
            $changes.AddressesAdded | Select-Object -First 2 | Should -Be @('10.0.128.0/17', '203.0.113.0/24')
            $changes.AddressesRemoved | Should -Be @('10.6.0.0/15', '192.0.2.0/24')
        }
    }

    Context 'Real data' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:History = Join-Path $SharedData 'eop-page-history'
        }

        It 'reports 52.238.78.88/32 added and three APAC ranges removed from 2018-06-15 to 2018-07-11' {
            $changes = Export-EopRangeDiff -ReferencePath (Join-Path $History 'eop-ip-addresses_2018-06-15_232219a.md') `
                -DifferencePath (Join-Path $History 'eop-ip-addresses_2018-07-11_7f99263.md')
            $changes | ForEach-Object ToString | Should -Be @(
                'Added 52.238.78.88/32 (Global)', 'Removed 134.170.132.0/24 (APAC)', 'Removed 134.170.140.0/24 (APAC)', 'Removed 207.46.51.64/26 (APAC)')
        }

        It 'finds the widened, narrowed and covered prefixes between the seed and the 2022 web service list' {
            $changes = Export-EopRangeDiff -DifferencePath (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json')
            $changes | Where-Object Change -In 'Widened', 'Narrowed' | ForEach-Object ToString | Should -Be @(
                'Narrowed 40.92.0.0/14 to 40.92.0.0/15 (Global)'
                'Widened 40.107.0.0/17 to 40.107.0.0/16 (Global)'
                'Widened 2a01:111:f400:7c00::/54 to 2a01:111:f400::/48 (Global)'
                'Widened 2a01:111:f400:fc00::/54 to 2a01:111:f400::/48 (Global)'
            )
            @($changes | Where-Object Change -EQ 'Removed').Count | Should -Be 17
            @($changes | Where-Object Change -EQ 'TableRemoved').Region | Should -Be @('Americas', 'EMEA', 'APAC')
        }

        It 'reports the IPv6 that the NoIPv6 list of 2025 lacks, with a warning that says why' {
            $endpoints = Join-Path $SharedData 'endpoints-service'
            $changes = Export-EopRangeDiff -ReferencePath (Join-Path $endpoints 'endpoints-worldwide-2022/microsoft365-worldwide.json') `
                -DifferencePath (Join-Path $endpoints 'endpoints-worldwide-noipv6-2025/m365.json') -WarningVariable warnings -WarningAction SilentlyContinue
            $changes.ReferencePrefix | Should -Be @('2a01:111:f400::/48', '2a01:111:f403::/48')
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike '*has no IPv6 range (it carries no IPv6 at all, as a web service answer requested with NoIPv6 does)*'
        }

        It 'reports the three region tables removed from 2018-08-28 to 2018-10-02' {
            $changes = Export-EopRangeDiff -ReferencePath (Join-Path $History 'eop-ip-addresses_2018-08-28_80613c4.md') `
                -DifferencePath (Join-Path $History 'eop-ip-addresses_2018-10-02_24f6d0e.md')
            $changes | ForEach-Object ToString | Should -Be @('Removed the Americas table', 'Removed the EMEA table', 'Removed the APAC table')
        }
    }
}
