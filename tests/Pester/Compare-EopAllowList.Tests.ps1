BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    # A new session over an empty cache uses the embedded 2018 page, and says so once.
    $null = Get-EopIpRange -WarningVariable sessionWarnings -WarningAction SilentlyContinue
    Assert-SeedWarning $sessionWarnings
    $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'

    # Status and entry of each row, as one line each: exact and readable in a failure.
    function script:Get-Row([Parameter(ValueFromPipeline)] $Row) {
        process { '{0} {1} +[{2}] -[{3}]' -f $Row.Status, $Row.Entry, ($Row.AddressesToAdd -join ' '), ($Row.AddressesToRemove -join ' ') }
    }
}

Describe 'Compare-EopAllowList' {
    Context 'Receive connector' {
        BeforeAll {
            # Get-ReceiveConnector's RemoteIPRanges as an Exchange Online remote session hands it over: the entries' text.
            $script:Connector = [pscustomobject]@{
                Identity       = 'EX01\From Exchange Online'
                RemoteIPRanges = [string[]]@('40.92.0.0/14', '40.107.0.0/17', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f403::/48', '10.20.0.0/16', '192.168.10.5-192.168.10.9', '198.51.100.25')
            }
        }

        It 'classifies CIDRs, a range and the admin''s own addresses, and lists what is missing' {
            $rows = $Connector | Compare-EopAllowList
            $rows | Should -BeOfType ([EopTools.EopAllowListEntry])
            $rows | Get-Row | Select-Object -First 8 | Should -Be @(
                'Covered 40.92.0.0/14 +[] -[]'
                'Covered 40.107.0.0/17 +[] -[]'
                'Covered 52.100.0.0/14 +[] -[]'
                'Covered 104.47.0.0/17 +[] -[]'
                'Covered 2a01:111:f403::/48 +[] -[]'
                'Foreign 10.20.0.0/16 +[] -[]'
                'Foreign 192.168.10.5-192.168.10.9 +[] -[]'
                'Foreign 198.51.100.25 +[] -[]'
            )
            @($rows | Where-Object Status -EQ 'Missing').AddressesToAdd | Should -Be @(
                '23.103.132.0/22', '23.103.136.0/21', '23.103.144.0/20', '23.103.198.0/23', '23.103.200.0/22', '52.238.78.88/32', '65.55.88.0/24',
                '65.55.169.0/24', '94.245.120.64/26', '157.55.234.0/24', '157.56.110.0/23', '157.56.112.0/24', '207.46.100.0/24', '207.46.163.0/24',
                '213.199.154.0/24', '213.199.180.128/26', '216.32.180.0/23', '2a01:111:f400:7c00::/54', '2a01:111:f400:fc00::/54')
            $rows.Count | Should -Be (8 + 19)
        }

        It 'keeps each entry''s text, addresses and the EOP ranges it touches' {
            $rows = $Connector | Compare-EopAllowList
            $range = $rows | Where-Object Entry -EQ '192.168.10.5-192.168.10.9'
            $range.AddressFamily | Should -Be 'IPv4'
            $range.FirstAddress | Should -Be ([ipaddress]'192.168.10.5')
            $range.LastAddress | Should -Be ([ipaddress]'192.168.10.9')
            $range.OtherAddresses | Should -Be @('192.168.10.5/32', '192.168.10.6/31', '192.168.10.8/31')
            $range.Ranges.Count | Should -Be 0
            # The regional tables' ranges inside the global list are not named again.
            ($rows | Where-Object Entry -EQ '40.92.0.0/14').Ranges.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'reads Exchange IPRange objects deserialized over remote PowerShell by their text' {
            # A stand-in for Microsoft.Exchange.Data.IPRange: remoting keeps only a property bag and the object's text.
            Add-Type -TypeDefinition 'namespace EopTest { public sealed class IPRange { private readonly string _text; public IPRange(string text) { _text = text; } public string RangeFormat { get { return "CIDR"; } } public override string ToString() { return _text; } } }'
            $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize([EopTest.IPRange]::new('40.107.0.0/17')))
            $remote.PSObject.TypeNames[0] | Should -Be 'Deserialized.EopTest.IPRange'
            ($remote | Compare-EopAllowList)[0] | Get-Row | Should -Be 'Covered 40.107.0.0/17 +[] -[]'
            ([pscustomobject]@{ RemoteIPRanges = @($remote) } | Compare-EopAllowList)[0] | Get-Row | Should -Be 'Covered 40.107.0.0/17 +[] -[]'
        }

        It 'reports every form of a whole address family as Unrestricted, with one warning, and adds nothing of it' -ForEach @(
            @{ Entries = @('0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'); Admits = "'0.0.0.0-255.255.255.255' admits every IPv4 address and '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' admits every IPv6 address" }
            @{ Entries = @('0.0.0.0/0', '::/0'); Admits = "'0.0.0.0/0' admits every IPv4 address and '::/0' admits every IPv6 address" }
            @{ Entries = @('0.0.0.0/0.0.0.0', '*'); Admits = "'0.0.0.0/0.0.0.0' admits every IPv4 address and '*' admits every address" }
        ) {
            # Exchange creates every receive connector with the first pair: it accepts any sender.
            $rows = [pscustomobject]@{ Identity = 'EX01\Default Frontend EX01'; RemoteIPRanges = $Entries } | Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
            $rows | Get-Row | Should -Be @($Entries | ForEach-Object { "Unrestricted $_ +[] -[]" })
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -BeLike "$([WildcardPattern]::Escape($Admits)): the receive connector or firewall rule accepts mail from any sender, not only from EOP. *Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = '$([WildcardPattern]::Escape($Entries[0]))'*; Add = '23.103.132.0/22', *, '2a01:111:f403::/48' }; on a firewall rule, *"
        }

        It 'adds the whole EOP range around an address inside it, not the pieces around the address' {
            $rows = '40.107.22.5', ' 40.92.1.1 ' | Compare-EopAllowList
            $rows[0..1] | Get-Row | Should -Be @('Covered 40.107.22.5 +[] -[]', 'Covered  40.92.1.1  +[] -[]')
            ($rows | Where-Object Status -EQ 'Missing').AddressesToAdd | Should -Be ((Get-EopIpRange | Sort-Object AddressFamily, { -join ($_.FirstAddress.GetAddressBytes() | ForEach-Object { '{0:x2}' -f $_ }) }).Prefix)
        }

        It 'takes the list as an argument, and strings, addresses and EopIpRange objects alike' {
            $rows = Compare-EopAllowList -AllowList '40.92.0.0/14', ([ipaddress]'52.238.78.88'), (Get-EopIpRange | Where-Object Prefix -EQ '104.47.0.0/17')
            $rows[0..2] | Get-Row | Should -Be @('Covered 40.92.0.0/14 +[] -[]', 'Covered 52.238.78.88 +[] -[]', 'Covered 104.47.0.0/17 +[] -[]')
        }
        It 'writes each list through Export-Csv as its values joined by "; ", and keeps it a list in the pipeline' {
            $rows = $Connector | Compare-EopAllowList
            $rows | Export-Csv -LiteralPath (Join-Path $TestDrive 'rows.csv') -NoTypeInformation
            $back = Import-Csv -LiteralPath (Join-Path $TestDrive 'rows.csv')
            $range = $rows | Where-Object Entry -EQ '192.168.10.5-192.168.10.9'
            $range.OtherAddresses.Count | Should -Be 3
            $range.OtherAddresses[1] | Should -Be '192.168.10.6/31'
            ($back | Where-Object Entry -EQ '192.168.10.5-192.168.10.9').OtherAddresses | Should -Be '192.168.10.5/32; 192.168.10.6/31; 192.168.10.8/31'
            ($back | Where-Object Entry -EQ '40.92.0.0/14').Ranges | Should -Be '40.92.0.0/14'
            foreach ($list in 'Ranges', 'EopAddresses', 'OtherAddresses', 'AddressesToAdd', 'AddressesToRemove') {
                $back.$list | Should -Be @($rows | ForEach-Object { $_.$list -join '; ' })
            }
        }
    }

    Context 'Firewall address filter' {
        It 'reads the filter''s RemoteAddress in mask form, with a keyword' {
            $filter = [pscustomobject]@{ InstanceID = 'EOP-SMTP-In'; RemoteAddress = [string[]]@('40.92.0.0/255.252.0.0', '104.47.0.0/255.255.128.0', '10.0.0.0/255.0.0.0', 'LocalSubnet') }
            $rows = $filter | Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
            $rows[0..3] | Get-Row | Should -Be @(
                'Covered 40.92.0.0/255.252.0.0 +[] -[]'
                'Covered 104.47.0.0/255.255.128.0 +[] -[]'
                'Foreign 10.0.0.0/255.0.0.0 +[] -[]'
                'NotComparable LocalSubnet +[] -[]'
            )
            $rows[0].FirstAddress | Should -Be ([ipaddress]'40.92.0.0')
            $rows[0].LastAddress | Should -Be ([ipaddress]'40.95.255.255')
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "'LocalSubnet'*firewall keyword*NotComparable*"
        }

        It 'reports Any as Unrestricted and nothing as missing, and warns that it accepts any sender' {
            $rows = [pscustomobject]@{ RemoteAddress = 'Any' } | Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
            $rows | Get-Row | Should -Be 'Unrestricted Any +[] -[]'
            $rows.Ranges.Count | Should -Be (Get-EopIpRange).Count
            # Any is the firewall's only: the warning gives the firewall command with every EOP range.
            "$warnings" | Should -BeLike "'Any' admits every address:*any sender*Set-NetFirewallAddressFilter -RemoteAddress *$((Get-EopIpRange).Prefix -join ', ')."
            "$warnings" | Should -Not -BeLike '*Set-ReceiveConnector*'
        }

        It 'builds the firewall''s new address list from the output' {
            $filter = [pscustomobject]@{ RemoteAddress = [string[]]@('40.92.0.0/255.252.0.0', '10.0.0.0/255.0.0.0') }
            $rows = $filter | Compare-EopAllowList
            $keep = @($rows | Where-Object { $_.Entry -and -not $_.AddressesToRemove.Count } | ForEach-Object Entry)
            $new = $keep + $rows.AddressesToAdd
            $again = $new | Compare-EopAllowList
            @($again | Where-Object Status -In 'Missing', 'Stale', 'Partial').Count | Should -Be 0
            @($again | Where-Object Status -EQ 'Foreign').Entry | Should -Be '10.0.0.0/255.0.0.0'
        }
    }

    Context 'The 2018 page against the 2022 web service' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Rows = (Get-EopIpRange).Prefix | Compare-EopAllowList -Path $Real2022
        }

        It 'finds the 17 retired ranges Stale, each to be removed' {
            $stale = @($Rows | Where-Object Status -EQ 'Stale')
            $stale.Entry | Should -Be @('23.103.132.0/22', '23.103.136.0/21', '23.103.144.0/20', '23.103.198.0/23', '23.103.200.0/22', '52.238.78.88/32',
                '65.55.88.0/24', '65.55.169.0/24', '94.245.120.64/26', '157.55.234.0/24', '157.56.110.0/23', '157.56.112.0/24', '207.46.100.0/24',
                '207.46.163.0/24', '213.199.154.0/24', '213.199.180.128/26', '216.32.180.0/23')
            foreach ($row in $stale) { $row.AddressesToRemove | Should -Be $row.Entry }
        }

        It 'replaces 40.92.0.0/14 with the 40.92.0.0/15 EOP still uses' {
            $partial = $Rows | Where-Object Status -EQ 'Partial'
            $partial | Get-Row | Should -Be 'Partial 40.92.0.0/14 +[40.92.0.0/15] -[40.92.0.0/14]'
            $partial.EopAddresses | Should -Be '40.92.0.0/15'
            $partial.OtherAddresses | Should -Be '40.94.0.0/15'
            $partial.Ranges.Prefix | Should -Be '40.92.0.0/15'
        }

        It 'adds 40.107.0.0/16 and 2a01:111:f400::/48 whole, not the pieces around the 2018 entries inside them' {
            $missing = @($Rows | Where-Object Status -EQ 'Missing')
            $missing | Get-Row | Should -Be @('Missing  +[40.107.0.0/16] -[]', 'Missing  +[2a01:111:f400::/48] -[]')
            $missing.Ranges.Prefix | Should -Be @('40.107.0.0/16', '2a01:111:f400::/48')
            # The 2018 page listed 40.107.0.0/17, 2a01:111:f403::/48 and two /54s of 2a01:111:f400::/48: all Covered and kept.
            ($Rows | Where-Object Entry -In '40.107.0.0/17', '2a01:111:f400:7c00::/54', '2a01:111:f400:fc00::/54', '2a01:111:f403::/48').Status | Should -Be (@('Covered') * 4)
        }

        It 'leaves exactly the 2022 ranges covered after the edit' {
            $keep = @($Rows | Where-Object { $_.Entry -and -not $_.AddressesToRemove.Count } | ForEach-Object Entry)
            $again = @($keep + $Rows.AddressesToAdd) | Compare-EopAllowList -Path $Real2022
            # The six Covered entries kept, 40.92.0.0/15 put back, and the two missing ranges: all Covered, nothing missing.
            $again | ForEach-Object Status | Should -Be (@('Covered') * 9)
        }

        It 'reports Exchange''s default RemoteIPRanges as Unrestricted and gives the command that locks the connector to EOP' {
            $default = [pscustomobject]@{ Identity = 'EX01\Default Frontend EX01'; RemoteIPRanges = [string[]]@('0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff') }
            $rows = $default | Compare-EopAllowList -Path $Real2022 -WarningVariable warnings -WarningAction SilentlyContinue
            $rows | Get-Row | Should -Be @('Unrestricted 0.0.0.0-255.255.255.255 +[] -[]', 'Unrestricted ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff +[] -[]')
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -BeLike ("*: on a receive connector, Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'; " +
                "Add = '40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48' }; on a firewall rule, *")
        }
    }

    Context 'Errors' {
        It 'writes InvalidAllowListEntry naming the entry and the reason, and compares the rest' {
            $rows = '10.0.0.1/24', '40.92.0.0/255.0.255.0', '40.107.0.0/17' | Compare-EopAllowList -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            $failures.Count | Should -Be 2
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.CompareEopAllowListCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -Be '10.0.0.1/24'
            $failures[0].Exception.Message | Should -BeLike "'10.0.0.1/24' *host bits*10.0.0.0/24*"
            $failures[1].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.CompareEopAllowListCommand'
            $failures[1].Exception.Message | Should -BeLike "'40.92.0.0/255.0.255.0' *mask 255.0.255.0 is not contiguous*"
            $rows[0] | Get-Row | Should -Be 'Covered 40.107.0.0/17 +[] -[]'
            "$($warnings[0])" | Should -BeLike '2 entries *see the errors*Missing rows*'
        }

        It 'fails an object that is no entry with AllowListObjectNotRecognized' {
            { [pscustomobject]@{ Name = 'gateway' } | Compare-EopAllowList -ErrorAction Stop } | Should -Throw -ErrorId 'AllowListObjectNotRecognized,EopTools.Commands.CompareEopAllowListCommand'
        }

        It 'writes nothing else when no entry could be read' {
            $rows = 'gateway.contoso.com' | Compare-EopAllowList -ErrorAction SilentlyContinue -ErrorVariable failures
            $rows | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.CompareEopAllowListCommand'
        }

        It 'skips empty entries' {
            $rows = '', $null, '40.107.0.0/17' | Compare-EopAllowList -ErrorAction Stop
            $rows[0] | Get-Row | Should -Be 'Covered 40.107.0.0/17 +[] -[]'
        }

        It 'skips comments in a list read from a file as Get-EopIpRange -Path does' {
            $file = Join-Path $Fixtures 'ranges.txt'
            $rows = Get-Content -LiteralPath $file | Compare-EopAllowList -LiteralPath $file -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            # Line 1 is a comment and line 3 ends in one; line 6 (host bits set) is the only error, as Get-EopIpRange -Path warns of it.
            $rows | Get-Row | Should -Be @('Covered 10.0.0.0/24 +[] -[]', 'Covered 10.0.1.0/24 +[] -[]', 'Covered 192.0.2.7 +[] -[]', 'Covered 2001:db8:100::/48 +[] -[]')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidAllowListEntry,EopTools.Commands.CompareEopAllowListCommand'
            $failures[0].Exception.Message | Should -BeLike "'10.0.0.5/24' *host bits*10.0.0.0/24*"
            "$($warnings[0])" | Should -BeLike '*ranges.txt:6: malformed range (host bits are set*'
            $rows.EopAddresses | Should -Be ((Get-EopIpRange -LiteralPath $file -WarningAction SilentlyContinue).Prefix)
        }

        It 'warns when the edited list would exceed what a firewall rule and a receive connector take' {
            $addresses = foreach ($i in 0..1200) { "10.1.$([math]::Floor($i / 256)).$($i % 256)" }
            $null = $addresses | Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
            # 1201 Foreign entries and the 24 missing EOP prefixes.
            @($warnings).Count | Should -Be 2
            "$($warnings[0])" | Should -BeLike '*1225 entries*1000 addresses*Windows Firewall rule*split*'
            "$($warnings[1])" | Should -BeLike '*1225 entries*1200 to 1300*receive connector*RemoteIPRanges*'
        }
    }

    Context 'Data' {
        It 'compares with a file given with -Path' {
            $rows = '192.0.2.0/24' | Compare-EopAllowList -Path (Join-Path $Fixtures 'endpoints.json') -WarningAction SilentlyContinue
            $rows[0] | Get-Row | Should -Be 'Covered 192.0.2.0/24 +[] -[]'
            $rows[0].DataSet.Format | Should -Be 'EndpointsJson'
        }

        It 'takes a wildcard -Path that names one file and -LiteralPath as typed, and fails with PathNotOneFile for several' {
            $folder = Join-Path $TestDrive 'data'
            $null = New-Item -ItemType Directory -Path $folder
            $path = Join-Path $folder 'eop[1].json'
            Copy-Item -LiteralPath (Join-Path $Fixtures 'endpoints.json') -Destination $path
            ('192.0.2.0/24' | Compare-EopAllowList -Path (Join-Path $folder 'eop*.json') -WarningAction SilentlyContinue)[0].DataSet.Source | Should -Be $path
            ('192.0.2.0/24' | Compare-EopAllowList -LiteralPath $path -WarningAction SilentlyContinue)[0] | Get-Row | Should -Be 'Covered 192.0.2.0/24 +[] -[]'
            { '192.0.2.0/24' | Compare-EopAllowList -Path (Join-Path $Fixtures '*.md') } |
                Should -Throw -ErrorId 'PathNotOneFile,EopTools.Commands.CompareEopAllowListCommand'
        }

        It 'reports what the data before the last update held and the current data does not as Stale, as the embedded page''s retired ranges' {
            try {
                Reset-EopSession
                $older = Join-Path $TestDrive 'older.txt'
                $newer = Join-Path $TestDrive 'newer.txt'
                Set-Content -LiteralPath $older -Value '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/48'
                Set-Content -LiteralPath $newer -Value '203.0.113.0/24', '2001:db8::/48'
                $null = Update-EopIpRange -Path $older
                # The second import drops 198.51.100.0/24, which the cache keeps in previous.cache.
                $null = Update-EopIpRange -Path $newer
                $rows = '198.51.100.0/24', '198.51.100.7', '198.51.100.0/23', '203.0.113.0/24', '40.94.0.0/15', '10.1.0.0/16' |
                    Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
                $rows | Get-Row | Should -Be @(
                    'Stale 198.51.100.0/24 +[] -[198.51.100.0/24]'
                    'Stale 198.51.100.7 +[] -[198.51.100.7/32]'
                    'Stale 198.51.100.0/23 +[] -[]'
                    'Covered 203.0.113.0/24 +[] -[]'
                    'Stale 40.94.0.0/15 +[] -[40.94.0.0/15]'
                    'Foreign 10.1.0.0/16 +[] -[]'
                    'Missing  +[2001:db8::/48] -[]'
                )
                $rows[2].OtherAddresses | Should -Be '198.51.100.0/23'
                @($warnings).Count | Should -Be 1
                $warnings[0].Message | Should -BeLike "'198.51.100.0/23' holds 198.51.100.0/24, which EOP no longer uses, beside addresses that never were EOP: it is kept*"
                # Test-EopIpAddress names the same older data.
                (Test-EopIpAddress 198.51.100.7).FormerRange.Data | Should -Be 'previous.cache'
            }
            finally {
                Reset-EopSession
            }
        }

        It 'says that a previous.cache it cannot read is passed over, and knows the embedded page''s retired ranges still' {
            try {
                Reset-EopSession
                $null = Update-EopIpRange -Path (Join-Path $Fixtures 'ranges.txt') -WarningAction SilentlyContinue
                $previous = Join-Path $env:EOPTOOLS_CACHE_DIR 'previous.cache'
                Set-Content -LiteralPath $previous -Value 'not a cache'
                $rows = '40.94.0.0/15' | Compare-EopAllowList -WarningVariable warnings -WarningAction SilentlyContinue
                $rows[0] | Get-Row | Should -Be 'Stale 40.94.0.0/15 +[] -[40.94.0.0/15]'
                @($warnings).Count | Should -Be 1
                $warnings[0].Message | Should -BeLike "*'$([WildcardPattern]::Escape($previous))'*line 1*'not a cache'*passed over*"
            }
            finally {
                Reset-EopSession
            }
        }

        It 'compares with the cached ranges of an instance given with -Instance' {
            try {
                $null = Update-EopIpRange -Instance USGovDoD -Path (Join-Path $Fixtures 'endpoints.json') -WarningAction SilentlyContinue
                $rows = '192.0.2.0/25' | Compare-EopAllowList -Instance usgovdod
                $rows | Get-Row | Should -Be @('Covered 192.0.2.0/25 +[] -[]', 'Missing  +[10.25.0.0/16] -[]', 'Missing  +[192.0.2.128/25] -[]', 'Missing  +[203.0.113.7/32] -[]', 'Missing  +[2001:db8:f400::/48] -[]')
                $rows[0].DataSet.Name | Should -BeLike '*USGovDoD*'
                { '192.0.2.0/25' | Compare-EopAllowList -Instance China } | Should -Throw -ErrorId 'InstanceNotCached,EopTools.Commands.CompareEopAllowListCommand'
                { '192.0.2.0/25' | Compare-EopAllowList -Instance Mars } | Should -Throw -ErrorId 'UnknownInstance,EopTools.Commands.CompareEopAllowListCommand'
            }
            finally {
                Reset-EopSession
            }
        }
    }

    Context 'Display and completion' {
        It 'fits its table in 80 columns, every IPv4 value whole and the edit one prefix per line' {
            $text = 'Any4', '40.92.0.0/14', '255.255.255.0-255.255.255.255', '2a01:111:f400::/48' |
                Compare-EopAllowList -Path (Join-Path $Fixtures 'diff-after.md') -WarningVariable warnings -WarningAction SilentlyContinue | Out-String -Width 80
            $lines = @($text -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ })
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            # Against the fixture's 10.0.0.0/16 and 2001:db8::/48 data: the 2018 page's 40.92.0.0/14 is retired, and of
            # 2a01:111:f400::/48 only its two /54s were ever EOP, so it stays whole, with a warning.
            $lines | Should -Be @(
                'Status        Entry                           Edit'
                '------        -----                           ----'
                'Unrestricted  Any4'
                'Stale         40.92.0.0/14                    -40.92.0.0/14'
                'Foreign       255.255.255.0-255.255.255.255'
                'Stale         2a01:111:f400::/48'
                'Missing                                       +2001:db8::/48'
                'Missing                                       +2001:db8:1::/48'
            )
            @($warnings).Count | Should -Be 2
            "$($warnings[0])" | Should -BeLike "'2a01:111:f400::/48' holds 2a01:111:f400:7c00::/54, 2a01:111:f400:fc00::/54, which EOP no longer uses, beside addresses that never were EOP: it is kept*"
            "$($warnings[1])" | Should -BeLike "'Any4' admits every IPv4 address: *"
        }

        It 'completes -Instance' {
            $line = 'Compare-EopAllowList 10.0.0.1 -Instance USGov'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('USGovDoD', 'USGovGCCHigh')
        }

        It 'has the statuses as an enum' {
            [enum]::GetNames([EopTools.EopAllowListStatus]) | Should -Be @('Covered', 'Partial', 'Stale', 'Foreign', 'Unrestricted', 'NotComparable', 'Missing')
        }
    }
}
