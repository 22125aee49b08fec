BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    # A new session over an empty cache uses the embedded 2018 page, and says so once.
    $null = Get-EopIpRange -WarningVariable sessionWarnings -WarningAction SilentlyContinue
    Assert-SeedWarning $sessionWarnings
}

Describe 'Get-EopIpRange' {
    Context 'Embedded seed' {
        It 'returns the global list by default' {
            $ranges = Get-EopIpRange
            $ranges.Count | Should -Be 24
            $ranges[0].Prefix | Should -Be '23.103.132.0/22'
            $ranges[-1].Prefix | Should -Be '2a01:111:f403::/48'
            $ranges | ForEach-Object { $_ | Should -BeOfType ([EopTools.EopIpRange]) }
        }

        It 'describes each range fully' {
            $range = Get-EopIpRange | Where-Object Prefix -EQ '40.92.0.0/14'
            $range.AddressFamily | Should -Be 'IPv4'
            $range.PrefixLength | Should -Be 14
            $range.FirstAddress | Should -Be ([ipaddress]'40.92.0.0')
            $range.LastAddress | Should -Be ([ipaddress]'40.95.255.255')
            $range.AddressCount | Should -Be 262144
            $range.Region | Should -Be 'Global'
            $range.DataSet.Name | Should -Be 'Exchange Online Protection IP addresses'
            $range.DataSet.Version | Should -Be '2018-08-02'
            $range.DataSet.Source | Should -Be 'embedded seed'
        }

        It 'counts IPv6 addresses exactly' {
            (Get-EopIpRange -AddressFamily IPv6 | Where-Object Prefix -EQ '2a01:111:f403::/48').AddressCount |
                Should -Be ([System.Numerics.BigInteger]::Pow(2, 80))
        }

        It 'filters by region and family' {
            (Get-EopIpRange -Region Americas -AddressFamily IPv6).Prefix | Should -Be '2a01:111:f400:7c00::/54'
            (Get-EopIpRange -Region EMEA -AddressFamily IPv6).Prefix | Should -Be @('2a01:111:f400:7e00::/56', '2a01:111:f400:fe00::/56')
            (Get-EopIpRange -Region APAC).Count | Should -Be 13
            (Get-EopIpRange EMEA -AddressFamily IPv4).Count | Should -Be 17
        }

        It 'declares its output type' {
            (Get-Command Get-EopIpRange).OutputType.Type | Should -Be ([EopTools.EopIpRange])
        }
    }

    Context 'View' {
        BeforeAll {
            # Every table of the embedded seed, IPv4 and IPv6 mixed as an admin gets them, and the widest IPv4 values.
            $widest = Join-Path $TestDrive 'widest.txt'
            Set-Content -LiteralPath $widest -Value '255.255.255.255/32', '213.199.180.128/26', '10.0.0.0/8', '2001:db8::/32'
            $script:Mixed = @(foreach ($region in 'Global', 'Americas', 'EMEA', 'APAC') { Get-EopIpRange $region })
            # Data without regional tables, as the web service's: its ranges have no Region column.
            $script:WidestRanges = @(Get-EopIpRange -Path $widest)
        }

        # A console N columns wide leaves N - 1 to the table (PowerShell keeps its last column free): 80 columns give 79.
        It 'shows all five columns and every IPv4 value whole in <_> columns, with IPv6 ranges in the data' -ForEach 79, 80 {
            $rows = Get-FittedViewRow $Mixed $_
            $rows | Should -Contain 'Prefix AddressFamily Region FirstAddress LastAddress'
            foreach ($range in $Mixed | Where-Object AddressFamily -EQ IPv4) {
                $rows | Should -Contain "$($range.Prefix) IPv4 $($range.Region) $($range.FirstAddress) $($range.LastAddress)"
            }
            # The IPv6 ranges are a table of their own, whose last column is the one cut.
            @($rows -like '2a01:111:f400:7c00::/54 IPv6 Americas 2a01:111:f400:7c00:: 2a01:111:f*…').Count | Should -Be 1
        }

        It 'leaves the Region column out, and shows every IPv4 value whole in <_> columns, for data without regional tables' -ForEach 79, 80 {
            @(Get-FittedViewRow $WidestRanges $_ | Where-Object { $_ }) | Should -Be @(
                ' AddressFamily: IPv4', 'Prefix AddressFamily FirstAddress LastAddress', '------ ------------- ------------ -----------',
                '255.255.255.255/32 IPv4 255.255.255.255 255.255.255.255', '213.199.180.128/26 IPv4 213.199.180.128 213.199.180.191',
                '10.0.0.0/8 IPv4 10.0.0.0 10.255.255.255', ' AddressFamily: IPv6', 'Prefix AddressFamily FirstAddress LastAddress',
                '------ ------------- ------------ -----------', '2001:db8::/32 IPv6 2001:db8:: 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff')
        }

        It 'gives every IPv6 value room on a wider console' {
            $rows = Get-ViewRow $Mixed 120
            foreach ($range in $Mixed) {
                $rows | Should -Contain "$($range.Prefix) $($range.AddressFamily) $($range.Region) $($range.FirstAddress) $($range.LastAddress)"
            }
        }

        It 'shows every IPv4 value whole in a real 80-column terminal' {
            # What an admin sees: the console host in a pseudo-terminal 80 columns wide, made by util-linux's script.
            if ($IsWindows) { Set-ItResult -Skipped -Because "it makes the pseudo-terminal with util-linux's 'script', which Windows does not have" }
            $script = Get-Command script -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if (-not $script) { throw "This test runs pwsh in a pseudo-terminal through util-linux's 'script', which is not installed." }
            $session = Join-Path $TestDrive 'terminal.ps1'
            Set-Content -LiteralPath $session -Value @(
                "`$PSStyle.OutputRendering = 'PlainText'"
                "`$env:EOPTOOLS_CACHE_DIR = '$(Join-Path $TestDrive 'terminal-cache')'"
                "Import-Module '$ModulePath'"
                '"width $($Host.UI.RawUI.BufferSize.Width)"'
                'Get-EopIpRange -WarningAction SilentlyContinue'
            )
            $quoted = @(Get-PwshCommand) + @('-NoProfile', '-NonInteractive', '-File', $session) | ForEach-Object { "'" + ($_ -replace "'", "'\''") + "'" }
            $lines = @(& $script.Source -qec "stty cols 80 rows 50 && TERM=dumb $($quoted -join ' ')" /dev/null | ForEach-Object { $_.TrimEnd() })
            $LASTEXITCODE | Should -Be 0
            $lines[0] | Should -Be 'width 80'
            # The table is the one Out-String -Width 79 gives.
            $lines | Select-Object -Skip 1 | Where-Object { $_ } | Should -Be @(Get-ViewLine (Get-EopIpRange) 79 | Where-Object { $_ })
            $rows = $lines -replace '\s+', ' '
            $rows | Should -Contain '23.103.132.0/22 IPv4 Global 23.103.132.0 23.103.135.255'
            $rows | Should -Contain '213.199.180.128/26 IPv4 Global 213.199.180.128 213.199.180.191'
        }
    }

    Context 'Aggregate' {
        It 'merges contained ranges in the seed Americas table' {
            $merged = Get-EopIpRange -Region Americas -AddressFamily IPv4 -Aggregate
            $merged.Count | Should -Be 21
            $merged.Prefix | Should -Not -Contain '23.103.156.0/22'
            $merged.Prefix | Should -Contain '23.103.152.0/21'
        }

        It 'merges adjacent prefixes into their supernet' {
            (Get-EopIpRange -Path (Join-Path $Fixtures 'page-regions.md') -Aggregate -WarningAction SilentlyContinue).Prefix |
                Should -Be @('10.0.0.0/24', '10.0.2.0/24', '192.0.2.0/24', '2001:db8:100::/48', '2001:db8:200::/48')
        }
    }

    Context 'IPNetwork2' {
        It 'converts a range to an IPNetwork2 for subnetting' {
            $network = (Get-EopIpRange | Where-Object Prefix -EQ '104.47.0.0/17').ToIPNetwork()
            $network | Should -BeOfType ([System.Net.IPNetwork2])
            $network.ToString() | Should -Be '104.47.0.0/17'
            $network.Subnet(18).Count | Should -Be 2
        }

        It 'hands out a new IPNetwork2 each time, so changing one leaves the range as it was' {
            $range = Get-EopIpRange | Where-Object Prefix -EQ '104.47.0.0/17'
            $network = $range.ToIPNetwork()
            $network.Value = '10.0.0.0/8'
            $range.ToIPNetwork().ToString() | Should -Be '104.47.0.0/17'
        }
    }

    Context 'Firewall binding' {
        It 'binds to a [string[]] RemoteAddress parameter as CIDR strings' {
            function Set-NetFirewallRuleDouble {
                param([string[]] $RemoteAddress)
                $RemoteAddress
            }
            $received = Set-NetFirewallRuleDouble -RemoteAddress (Get-EopIpRange)
            $received | Should -Be (Get-EopIpRange).Prefix
            $received[0] | Should -BeOfType ([string])
            $received[0] | Should -Be '23.103.132.0/22'
        }

        It 'reads as its CIDR in a string' {
            $range = Get-EopIpRange | Select-Object -First 1
            "allow $range" | Should -Be 'allow 23.103.132.0/22'
        }
    }

    Context 'Completion' {
        It 'completes <Parameter> with <Expected>' -ForEach @(
            @{ Parameter = '-Region'; Line = 'Get-EopIpRange -Region '; Expected = @('Americas', 'APAC', 'EMEA', 'Global') }
            @{ Parameter = '-Region'; Line = 'Get-EopIpRange -Region e'; Expected = @('EMEA') }
            @{ Parameter = '-AddressFamily'; Line = 'Get-EopIpRange -AddressFamily '; Expected = @('IPv4', 'IPv6') }
        ) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText | Should -Be $Expected
        }
    }

    Context 'Path' {
        It 'reads an EOP page given with -Path' {
            $ranges = Get-EopIpRange -Path (Join-Path $Fixtures 'page-regions.md') -Region EMEA -WarningAction SilentlyContinue
            $ranges.Prefix | Should -Be @('10.0.0.128/25', '2001:db8:200::/56')
            $ranges[0].DataSet.Version | Should -Be '2018-07-18'
        }

        It 'reads the code-block layout of 2018-06-15' {
            (Get-EopIpRange -Path (Join-Path $Fixtures 'page-codeblocks.md') -Region EMEA).Prefix | Should -Be @('10.0.0.128/25', '2001:db8:100::/56')
        }

        It 'reads a plain list of prefixes' {
            (Get-EopIpRange -Path (Join-Path $Fixtures 'ranges.txt') -WarningAction SilentlyContinue).Prefix |
                Should -Be @('10.0.0.0/24', '10.0.1.0/24', '192.0.2.7/32', '2001:db8:100::/48')
        }

        It 'warns with file, line and cell text for a malformed cell and skips it' {
            $path = Join-Path $Fixtures 'page-regions.md'
            $ranges = Get-EopIpRange -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
            $ranges.Prefix | Should -Not -Contain '10.0.3.0/24'
            $warnings.Count | Should -Be 2
            $file = [WildcardPattern]::Escape($path)
            $warnings[0].Message | Should -BeLike "${file}:19: *host bits*10.0.3.0/24*'10.0.3.1/24'"
            $warnings[1].Message | Should -BeLike "${file}:32: 1 ranges outside the tables (lines 32-32)*'198.51.100.0/24'"
        }

        It 'writes RangeFileNotFound for a missing file as a non-terminating error' {
            $ranges = Get-EopIpRange -Path (Join-Path $TestDrive 'missing.md') -ErrorVariable errors -ErrorAction SilentlyContinue
            $ranges | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'RangeFileNotFound,EopTools.Commands.GetEopIpRangeCommand'
            $errors[0].Exception.Message | Should -BeLike "*missing.md' does not exist*"
        }

        It 'writes NoRangeTable for a file without a range table as a non-terminating error' {
            $null = Get-EopIpRange -Path (Join-Path $Fixtures 'page-no-table.md') -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.FullyQualifiedErrorId | Should -Be 'NoRangeTable,EopTools.Commands.GetEopIpRangeCommand'
            $errors[0].Exception.Message | Should -BeLike '*page-no-table.md*'
        }

        It 'writes NoGlobalRangeList for a page with regional tables only, even for a regional query' {
            { Get-EopIpRange -Path (Join-Path $Fixtures 'regional-tables-only.md') -Region EMEA -ErrorAction Stop } |
                Should -Throw -ErrorId 'NoGlobalRangeList,EopTools.Commands.GetEopIpRangeCommand' -ExpectedMessage "*regional-tables-only.md' has regional tables but no global EOP list*"
        }

        It 'writes RangeFileEmpty for <Name> without reading it' -ForEach @(
            @{ Name = 'an empty file' }
            @{ Name = '/dev/zero' }
        ) {
            if ($Name -eq '/dev/zero' -and $IsWindows) { Set-ItResult -Skipped -Because 'Windows has no /dev/zero' }
            $path = if ($Name -eq '/dev/zero') { $Name } else { (New-Item -Path (Join-Path $TestDrive 'empty.md') -ItemType File -Force).FullName }
            { Get-EopIpRange -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'RangeFileEmpty,EopTools.Commands.GetEopIpRangeCommand'
        }

        It 'writes UnrecognizedRangeFile for a file in no known format as a non-terminating error' {
            $path = Join-Path $TestDrive 'notes.txt'
            Set-Content -Path $path -Value 'some notes, not ranges'
            { Get-EopIpRange -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'UnrecognizedRangeFile,EopTools.Commands.GetEopIpRangeCommand'
        }

        It 'fails with RegionNotInDataSet for a region the data set has no table for' {
            { Get-EopIpRange -Path (Join-Path $Fixtures 'page-global-only.md') -Region APAC -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'RegionNotInDataSet,EopTools.Commands.GetEopIpRangeCommand'
        }
    }

    Context 'Several files' {
        BeforeAll {
            $script:Folder = Join-Path $TestDrive 'several'
            $null = New-Item -ItemType Directory -Path $Folder
            Set-Content -LiteralPath (Join-Path $Folder 'a.txt') -Value '192.0.2.0/24'
            Set-Content -LiteralPath (Join-Path $Folder 'b.txt') -Value '198.51.100.0/24', '2001:db8::/48'
            Set-Content -LiteralPath (Join-Path $Folder 'list[1].txt') -Value '203.0.113.0/24'
        }

        It 'reads each file a wildcard -Path names, in order, each with its own data set' {
            $ranges = Get-EopIpRange -Path (Join-Path $Folder '?.txt')
            $ranges.Prefix | Should -Be @('192.0.2.0/24', '198.51.100.0/24', '2001:db8::/48')
            $ranges.DataSet.Name | Should -Be @('a.txt', 'b.txt', 'b.txt')
        }

        It 'reads the rest of the paths after a missing one, whose error is non-terminating' {
            $ranges = Get-EopIpRange -Path (Join-Path $Folder 'a.txt'), (Join-Path $Folder 'missing.txt'), (Join-Path $Folder 'b.txt') -AddressFamily IPv4 `
                -ErrorVariable errors -ErrorAction SilentlyContinue
            $ranges.Prefix | Should -Be @('192.0.2.0/24', '198.51.100.0/24')
            $errors.FullyQualifiedErrorId | Should -Be 'RangeFileNotFound,EopTools.Commands.GetEopIpRangeCommand'
            $errors[0].TargetObject | Should -Be (Join-Path $Folder 'missing.txt')
        }

        It 'writes RangeFileNotFound for a wildcard that matches no file, as Get-Content does' {
            $null = Get-EopIpRange -Path (Join-Path $Folder 'none-*.txt') -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.FullyQualifiedErrorId | Should -Be 'RangeFileNotFound,EopTools.Commands.GetEopIpRangeCommand'
            $errors[0].TargetObject | Should -Be (Join-Path $Folder 'none-*.txt')
        }

        It 'takes -LiteralPath and its aliases PSPath and LP as typed' {
            $path = Join-Path $Folder 'list[1].txt'
            (Get-EopIpRange -LiteralPath $path).Prefix | Should -Be '203.0.113.0/24'
            (Get-EopIpRange -LP $path).Prefix | Should -Be '203.0.113.0/24'
            (Get-EopIpRange -PSPath $path).Prefix | Should -Be '203.0.113.0/24'
        }

        It 'reads files piped from Get-ChildItem through their PSPath' {
            (Get-ChildItem -LiteralPath $Folder -Filter '*.txt' | Sort-Object Name | Get-EopIpRange -AddressFamily IPv4).Prefix |
                Should -Be @('192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24')
        }

        It 'writes RangePathNotFileSystem for a path on another provider' {
            $null = Get-EopIpRange -Path 'Variable:\PSHOME' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.FullyQualifiedErrorId | Should -Be 'RangePathNotFileSystem,EopTools.Commands.GetEopIpRangeCommand'
        }

        It 'ends the command with RegionNotInDataSet when one file has no table for the region' {
            { Get-EopIpRange -Path (Join-Path $Fixtures 'page-regions.md'), (Join-Path $Folder 'a.txt') -Region EMEA -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'RegionNotInDataSet,EopTools.Commands.GetEopIpRangeCommand'
        }
    }

    Context 'Pipeline input that binds to nothing' {
        It 'writes the binding errors and no ranges, not the session''s list' {
            $ranges = 'a', 'b' | Get-EopIpRange -ErrorVariable errors -ErrorAction SilentlyContinue
            $ranges | Should -BeNullOrEmpty
            $errors.Count | Should -Be 2
            $errors | ForEach-Object { $_.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException]) }
        }

        It 'writes nothing for an empty pipeline' {
            @() | Get-EopIpRange | Should -BeNullOrEmpty
        }
    }
}
